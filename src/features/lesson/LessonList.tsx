// The lesson list (`#/`): each lesson with its level, time and whether it was passed.
import { useMemo } from 'react';
import { useLab } from '../../store/lab-store';
import { LESSONS } from '../../store/catalog';
import { lessonProgress, type Progress } from '../../store/persist';
import { selectLang } from '../../store/selectors';
import { useStrings } from '../i18n/useStrings';

export function LessonList() {
  const t = useStrings();
  const lang = useLab(selectLang);
  const progress = useMemo(
    () => lessonProgress(LESSONS.map((l) => l.id), (id, text) => Object.values(LESSONS.find((l) => l.id === id)?.start ?? {}).includes(text)),
    [],
  );
  const statusText = (p: Progress | undefined): string =>
    p === 'passed' ? `✓ ${t.passed}` : p === 'solution-shown' ? t.solutionShownStatus : p === 'started' ? t.continueLesson : t.start;
  return (
    <main className="lesson-list" id="main">
      <h1>{t.lessonsTitle}</h1>
      <p className="lead">{t.lessonsIntro}</p>
      <ol className="cards" data-testid="lesson-list">
        {LESSONS.map((l, i) => (
          <li key={l.id} className="card" data-lesson={l.id} data-passed={progress.get(l.id) === 'passed'} data-progress={progress.get(l.id) ?? 'new'}>
            <a href={`#/lessons/${l.id}`}>
              <span className="card-number">{i + 1}</span>
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
        ))}
      </ol>
    </main>
  );
}
