// The lesson column: title and status, instructions, the task as a checklist, hints one at a time,
// and the "Reset to start" / "Show solution" actions.
import { useLab } from '../../store/lab-store';
import { selectHintsShown, selectLang, selectLesson, selectQuestionsOpen, selectResult, selectStale, selectStatus } from '../../store/selectors';
import { PredictQuestions } from './PredictQuestions';
import { Markdown, InlineMarkdown } from './Markdown';
import { ConfirmButton } from '../layout/ConfirmButton';
import { useStrings } from '../i18n/useStrings';
import { nextLesson } from '../../store/catalog';

export function LessonPanel() {
  const t = useStrings();
  const lang = useLab(selectLang);
  const lesson = useLab(selectLesson);
  const graded = useLab(selectStatus);
  const result = useLab(selectResult);
  const stale = useLab(selectStale);
  const hintsShown = useLab(selectHintsShown);
  // A "predict first" lesson keeps the checks' messages (which name verdicts) until the answers are checked.
  const questionsOpen = useLab(selectQuestionsOpen);
  const status = questionsOpen && graded === 'failed' ? 'pending' : graded;
  if (!lesson) return null;

  const checkResults = new Map(result?.grade?.checks.map((c) => [c.id, c]) ?? []);
  const statusText = status === 'passed' ? t.statusPassed : status === 'failed' ? t.statusFailed : t.statusPending;

  return (
    <section className="lesson-panel" aria-labelledby="lesson-title">
      <header className="lesson-head">
        <h1 id="lesson-title">{lesson.title[lang]}</h1>
        <span className={`status-badge ${status}`} data-testid="lesson-status" data-state={status} aria-live="polite">
          {status === 'passed' ? '✓ ' : status === 'failed' ? '✗ ' : ''}
          {statusText}
        </span>
      </header>
      {status === 'passed' && <NextLesson id={lesson.id} />}
      <div className="lesson-meta muted">
        {t.difficulty[lesson.difficulty]} · {t.minutes(lesson.minutes)} · {t.domain(lesson.domain)} ·{' '}
        {/* Workshops: the presenter's console, which drives the projector view. */}
        <a href={`#/presenter/${encodeURIComponent(lesson.id)}`} data-testid="open-presenter">
          {t.presentLesson}
        </a>
      </div>
      {/* "Predict first" questions come before anything else; then the task's checks, so a failing check's
          message is in view without scrolling (1280x800); the instructions follow. */}
      <PredictQuestions />

      <h2>{t.task}</h2>
      {questionsOpen && <p className="muted">{t.predictChecksWait}</p>}
      <ul className="checklist" data-testid="checklist">
        {lesson.checks.map((check) => {
          const r = checkResults.get(check.id);
          const state = status === 'pending' || !r ? 'pending' : r.passed ? 'passed' : 'failed';
          return (
            <li key={check.id} className={`check ${state}${stale ? ' stale' : ''}`} data-check={check.id} data-state={state}>
              <span className="check-mark" aria-hidden="true">
                {state === 'passed' ? '✓' : state === 'failed' ? '✗' : '○'}
              </span>
              <div>
                <InlineMarkdown text={check.title[lang]} />
                {state === 'failed' && r && (
                  <div className="check-problems">
                    {r.problems.map((p, i) => (
                      <div key={i}>{p[lang]}</div>
                    ))}
                    <div className="check-hint">
                      <strong>{t.hintLabel}</strong> <InlineMarkdown text={check.hint[lang]} />
                    </div>
                  </div>
                )}
              </div>
            </li>
          );
        })}
      </ul>

      <Markdown className="instructions" text={lesson.instructions[lang]} testId="lesson-instructions" />

      <h2>{t.hints}</h2>
      <ol className="hints" data-testid="hints">
        {lesson.hints.slice(0, hintsShown).map((h, i) => (
          <li key={i}>
            <InlineMarkdown text={h[lang]} />
          </li>
        ))}
      </ol>
      {hintsShown < lesson.hints.length ? (
        <button type="button" className="secondary" data-testid="next-hint" onClick={() => useLab.getState().showNextHint()}>
          {hintsShown === 0 ? t.showHint : t.nextHint} ({hintsShown + 1}/{lesson.hints.length})
        </button>
      ) : (
        <p className="muted">{t.noMoreHints}</p>
      )}

      <div className="lesson-actions">
        <ConfirmButton
          label={t.resetToStart}
          question={t.confirmReset}
          confirm={t.resetToStart}
          cancel={t.cancel}
          testId="reset"
          onConfirm={() => useLab.getState().replaceText(lesson.start[useLab.getState().lang])}
        />
        <ConfirmButton
          label={t.showSolution}
          question={t.confirmSolution}
          confirm={t.showSolution}
          cancel={t.cancel}
          testId="show-solution"
          onConfirm={() => useLab.getState().showSolution()}
        />
      </div>
    </section>
  );
}

/** After passing: on to the next lesson in the list (or back to the list after the last). */
function NextLesson({ id }: { id: string }) {
  const t = useStrings();
  const lang = useLab(selectLang);
  const next = nextLesson(id);
  return (
    <p className="next-lesson">
      {next ? (
        <a className="button-link" href={`#/lessons/${next.id}`} data-testid="next-lesson">
          {t.nextLesson}: {next.title[lang]} →
        </a>
      ) : (
        <a className="button-link" href="#/" data-testid="next-lesson">
          {t.allLessonsDone} →
        </a>
      )}
    </p>
  );
}
