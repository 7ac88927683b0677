// "Predict first": the lesson's questions, answered before the graph shows. Each answer is judged against the
// evaluator's verdict on the starting text, with the Why? sentences; "Show in the graph" selects the connection.
import { useLab } from '../../store/lab-store';
import { selectAnswers, selectAnswersChecked, selectLang, selectQuestionAnswers } from '../../store/selectors';
import { questionText } from '../../lessons/index';
import { useStrings } from '../i18n/useStrings';

export function PredictQuestions() {
  const t = useStrings();
  const lang = useLab(selectLang);
  const truths = useLab(selectQuestionAnswers);
  const answers = useLab(selectAnswers);
  const checked = useLab(selectAnswersChecked);
  if (truths.length === 0) return null;
  const answered = truths.filter((_, i) => answers[String(i)] !== undefined).length;
  const right = truths.filter((a, i) => answers[String(i)] === (a.allowed ? 'allowed' : 'denied')).length;
  return (
    <section className="predict-questions" data-testid="predict-questions" data-checked={checked} aria-labelledby="predict-title">
      <h2 id="predict-title">{t.predictTitle}</h2>
      {!checked && <p className="muted">{t.predictIntro}</p>}
      <ol className="questions">
        {truths.map((truth, i) => {
          const mine = answers[String(i)];
          const verdict = mine === undefined ? 'unanswered' : mine === (truth.allowed ? 'allowed' : 'denied') ? 'right' : 'wrong';
          const label = questionText(truth.question);
          return (
            <li key={label} data-testid="question" data-question={i} data-answer={mine ?? ''} {...(checked ? { 'data-result': verdict } : {})}>
              <div className="question-text">
                <code>{label}</code>
              </div>
              {checked ? (
                <div className={`question-result ${verdict}`} role="status">
                  <strong>
                    {verdict === 'right' ? `✓ ${t.predictRight}` : verdict === 'wrong' ? `✗ ${t.predictWrong}` : `○ ${t.predictUnanswered}`}
                  </strong>{' '}
                  {t.predictTruth(truth.allowed)}
                  {/* The reasons, open where the answer was wrong (or missing): that is where they teach. */}
                  <details className="question-why" open={verdict !== 'right'}>
                    <summary>{t.explanation}</summary>
                    <ul>
                      {truth.why.map((w, k) => (
                        <li key={k}>{w[lang]}</li>
                      ))}
                    </ul>
                  </details>
                  <button type="button" className="secondary small" onClick={() => useLab.getState().selectEdge({ from: truth.question.from, to: truth.question.to })}>
                    {t.predictShowEdge}
                  </button>
                </div>
              ) : (
                <div className="question-choices" role="group" aria-label={label}>
                  {(['allowed', 'denied'] as const).map((choice) => (
                    <button
                      key={choice}
                      type="button"
                      className={`choice ${choice}`}
                      aria-pressed={mine === choice}
                      onClick={() => useLab.getState().answerQuestion(i, choice)}
                    >
                      {choice === 'allowed' ? `✓ ${t.verdictAllowed}` : `✗ ${t.verdictDenied}`}
                    </button>
                  ))}
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {checked ? (
        <p className="question-score" data-testid="question-score">
          <strong>{t.questionScore(right, truths.length)}</strong>{' '}
          <button type="button" className="secondary" onClick={() => useLab.getState().answerAgain()}>
            {t.predictAgain}
          </button>
        </p>
      ) : (
        <div className="question-actions">
          <span className="muted" aria-live="polite">
            {t.predictProgress(answered, truths.length)}
          </span>
          <button type="button" data-testid="check-answers" disabled={answered < truths.length} onClick={() => useLab.getState().checkAnswers()}>
            {t.predictCheck}
          </button>
          <button type="button" className="secondary" data-testid="skip-questions" onClick={() => useLab.getState().checkAnswers()}>
            {t.predictSkip}
          </button>
        </div>
      )}
    </section>
  );
}

/** Where the graph goes while the questions wait: the answers would be on it. */
export function PredictCover() {
  const t = useStrings();
  return (
    <section className="graph-panel predict-cover" data-testid="predict-cover" aria-label={t.graphTab}>
      <p>{t.predictCover}</p>
    </section>
  );
}
