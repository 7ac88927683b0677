// The lesson list (`#/`): each lesson with its level, time and whether it was passed.
import { useMemo } from 'react';
import { useLab } from '../../store/lab-store';
import { LESSONS } from '../../store/catalog';
import { passedLessons } from '../../store/persist';
import { selectLang, selectStrings } from '../../store/selectors';

export function LessonList() {
  const t = useLab(selectStrings);
  const lang = useLab(selectLang);
  const passed = useMemo(() => passedLessons(LESSONS.map((l) => l.id)), []);
  return (
    <main className="lesson-list" id="main">
      <h1>{t.lessonsTitle}</h1>
      <p className="lead">{t.lessonsIntro}</p>
      <ol className="cards" data-testid="lesson-list">
        {LESSONS.map((l, i) => (
          <li key={l.id} className="card" data-lesson={l.id} data-passed={passed.has(l.id)}>
            <a href={`#/lessons/${l.id}`}>
              <span className="card-number">{i + 1}</span>
              <span className="card-body">
                <span className="card-title">{l.title[lang]}</span>
                <span className="card-summary">{l.summary[lang]}</span>
                <span className="card-meta muted">
                  {t.difficulty[l.difficulty]} · {t.minutes(l.minutes)}
                </span>
              </span>
              <span className={`card-status ${passed.has(l.id) ? 'passed' : ''}`}>{passed.has(l.id) ? `✓ ${t.passed}` : t.start}</span>
            </a>
          </li>
        ))}
      </ol>
    </main>
  );
}
