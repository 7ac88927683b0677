// The lesson list (`#/`): each lesson with its level, time and whether it was passed.
import { useMemo } from 'react';
import { useLab } from '../../store/lab-store';
import { LESSONS } from '../../store/catalog';
import { lessonProgress, type Progress } from '../../store/persist';
import { selectLang } from '../../store/selectors';
import { useStrings } from '../i18n/useStrings';
import { TOPICS } from '../../topics/index';

export function LessonList() {
  const t = useStrings();
  const lang = useLab(selectLang);
  const progress = useMemo(
    () => lessonProgress(LESSONS.map((l) => l.id), (id, text) => Object.values(LESSONS.find((l) => l.id === id)?.start ?? {}).includes(text)),
    [],
  );
  const statusText = (p: Progress | undefined): string =>
    p === 'passed' ? `✓ ${t.passed}` : p === 'solution-shown' ? t.solutionShownStatus : p === 'started' ? t.continueLesson : t.start;
  // One group per topic, in teaching order, each with its progress.
  const groups = TOPICS.map((topic) => ({ topic, lessons: LESSONS.filter((l) => l.topic === topic.id) })).filter((g) => g.lessons.length > 0);
  let number = 0;
  return (
    <main className="lesson-list" id="main">
      <h1>{t.lessonsTitle}</h1>
      <p className="lead">{t.lessonsIntro}</p>
      {groups.map(({ topic, lessons }) => {
        const passed = lessons.filter((l) => progress.get(l.id) === 'passed').length;
        return (
          <section key={topic.id} className="lesson-group" data-topic={topic.id} aria-labelledby={`group-${topic.id}`}>
            <h2 id={`group-${topic.id}`}>
              {topic.title[lang]} <span className="muted group-domain">· {t.domain(lessons[0]!.domain)}</span>
              <span className="group-progress muted" data-testid={`progress-${topic.id}`}>{t.groupProgress(passed, lessons.length)}</span>
            </h2>
            <ol className="cards" data-testid="lesson-list" start={number + 1}>
              {lessons.map((l) => {
                number++;
                return (
                  <li key={l.id} className="card" data-lesson={l.id} data-passed={progress.get(l.id) === 'passed'} data-progress={progress.get(l.id) ?? 'new'}>
                    <a href={`#/lessons/${l.id}`}>
                      <span className="card-number">{number}</span>
                      <span className="card-body">
                        <span className="card-title">{l.title[lang]}</span>
                        <span className="card-summary">{l.summary[lang]}</span>
                        <span className="card-meta muted">
                          {t.difficulty[l.difficulty]} · {t.minutes(l.minutes)}
                        </span>
                      </span>
                      <span className={`card-status ${progress.get(l.id) ?? ''}`}>{statusText(progress.get(l.id))}</span>
                    </a>
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
    </main>
  );
}
