// The composition root: header, notices and the page for the current route.
import { useEffect } from 'react';
import { useLab } from '../store/lab-store';
import { selectLang, selectNotice, selectQuestionsOpen, selectRoute } from '../store/selectors';
import { LANGUAGES, type Language } from '../lessons/index';
import { LessonList } from '../features/lesson/LessonList';
import { LessonPanel } from '../features/lesson/LessonPanel';
import { PredictCover } from '../features/lesson/PredictQuestions';
import { EditorPanel } from '../features/editor/EditorPanel';
import { GraphPanel } from '../features/graph/GraphPanel';
import { ProjectorView } from '../features/presenter/ProjectorView';
import { PresenterConsole } from '../features/presenter/PresenterConsole';
import { useStrings } from '../features/i18n/useStrings';
import { lessonById } from '../store/catalog';

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ja: '日本語' };

function Header() {
  const t = useStrings();
  const lang = useLab(selectLang);
  const route = useLab(selectRoute);
  return (
    <header className="app-header">
      <a className="brand" href="#/">
        <span className="brand-mark" aria-hidden="true">
          <svg width="20" height="22" viewBox="0 0 20 22">
            <path d="M10 1 2 4v6c0 5 3.4 9.3 8 11 4.6-1.7 8-6 8-11V4z" fill="currentColor" />
            <path d="m6 11 3 3 5-6" stroke="white" strokeWidth="2" fill="none" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </span>
        cks-lab
        <span className="brand-tagline">{t.appTagline}</span>
      </a>
      <nav aria-label={t.navLabel}>
        <a href="#/" aria-current={route.page === 'list' ? 'page' : undefined}>
          {t.navLessons}
        </a>
        <a href="#/playground" aria-current={route.page === 'playground' ? 'page' : undefined}>
          {t.navPlayground}
        </a>
      </nav>
      <label className="lang-switch">
        <span className="visually-hidden">{t.language}</span>
        <select data-testid="lang-switch" value={lang} onChange={(e) => useLab.getState().setLang(e.target.value as Language)}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}

function Notice() {
  const t = useStrings();
  const notice = useLab(selectNotice);
  if (!notice) return null;
  const message =
    notice.kind === 'corrupt' ? t.noticeCorrupt(notice.key) : notice.kind === 'bad-share' ? t.noticeBadShare : t.noticeShared(notice.backup !== null);
  return (
    <div className={`banner ${notice.kind === 'shared' ? 'info' : 'warn'} notice`} role="alert" data-testid="notice">
      {message}
      {notice.kind === 'shared' && notice.backup !== null && (
        <button type="button" className="secondary" data-testid="restore-backup" onClick={() => useLab.getState().restoreBackup()}>
          {t.restoreMine}
        </button>
      )}
      <button type="button" className="ghost" onClick={() => useLab.getState().dismissNotice()}>
        {t.dismiss}
      </button>
    </div>
  );
}

export function App() {
  const route = useLab(selectRoute);
  const lang = useLab(selectLang);
  const questionsOpen = useLab(selectQuestionsOpen);
  const t = useStrings();

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  // Each page its own title (browser tabs, history, bookmarks).
  useEffect(() => {
    const lesson = route.page === 'lesson' || route.page === 'present' || route.page === 'presenter' ? lessonById(route.id) : undefined;
    document.title = lesson ? t.pageTitle(lesson.title[lang]) : route.page === 'playground' ? t.pageTitle(t.playgroundTitle) : t.pageTitle(t.listTitle);
  }, [route, lang, t]);

  let page;
  if (route.page === 'lesson') {
    page = (
      <main className="lab lab-lesson" id="main">
        <LessonPanel />
        <EditorPanel />
        {questionsOpen ? <PredictCover /> : <GraphPanel />}
      </main>
    );
  } else if (route.page === 'playground') {
    page = (
      <main className="lab lab-playground" id="main">
        <section className="playground-head">
          <h1>{t.playgroundTitle}</h1>
          <p className="muted">{t.playgroundIntro}</p>
        </section>
        <EditorPanel />
        <GraphPanel />
      </main>
    );
  } else if (route.page === 'present') {
    return <ProjectorView />;
  } else if (route.page === 'presenter') {
    page = <PresenterConsole />;
  } else if (route.page === 'missing') {
    page = (
      <main className="lesson-list" id="main">
        <p className="banner warn">{t.notFound(route.id)}</p>
        <a href="#/">{t.backToLessons}</a>
      </main>
    );
  } else {
    page = <LessonList />;
  }

  return (
    <div className="app">
      <Header />
      <Notice />
      {page}
    </div>
  );
}
