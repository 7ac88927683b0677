// `#/present/<id>`: what the room sees on the projector. Large type, the step, the editor and the graph; it
// follows the presenter's console (same browser) and takes the room's guesses on predict steps.
import { useEffect, useMemo } from 'react';
import { useLab } from '../../store/lab-store';
import { selectLang, selectLesson, selectPresenter, selectResult, selectTopic } from '../../store/selectors';
import { EditorPanel } from '../editor/EditorPanel';
import { GraphPanel } from '../graph/GraphPanel';
import { Markdown } from '../lesson/Markdown';
import { setGuessHandler } from '../graph/graph-registry';
import { startProjectorSync } from './presenter-sync';
import { edgeVerdicts, scoreGuesses } from '../../store/predict-score';
import { useStrings } from '../i18n/useStrings';

/** The editor's font on the projector, in pixels: read from the back of a room (the lab's own is 14). */
export const PROJECTOR_FONT_SIZE = 24;

export function ProjectorView() {
  const t = useStrings();
  const lang = useLab(selectLang);
  const lesson = useLab(selectLesson);
  const presenter = useLab(selectPresenter);
  const result = useLab(selectResult);
  const topic = useLab(selectTopic);
  const id = lesson?.id;

  useEffect(() => {
    if (!id) return;
    const sync = startProjectorSync(id);
    setGuessHandler(sync.sendGuess);
    return () => {
      setGuessHandler(null);
      sync.stop();
    };
  }, [id]);

  const score = useMemo(() => scoreGuesses(edgeVerdicts(result, lesson), presenter.guesses), [result, lesson, presenter.guesses]);
  if (!lesson) return null;
  const step = lesson.steps[presenter.step];
  const predict = step?.predict === true;

  return (
    <main className="presenting projector" id="main">
      <header className="present-head">
        <span className="step-counter">
          <span data-testid="step-index">{presenter.step + 1}</span> / {lesson.steps.length}
        </span>
        <div>
          <h1>{step?.title[lang]}</h1>
          {step && <Markdown className="present-body" text={step.body[lang]} />}
        </div>
        <span className="present-lesson muted">{lesson.title[lang]}</span>
      </header>
      {predict && (
        <div className={`banner ${presenter.revealed ? 'info' : 'warn'} predict-banner`} data-testid="predict-banner" role="status">
          {presenter.revealed ? t.predictScore(score.right, score.guessed) : t.predictNow(score.guessed, topic)}
        </div>
      )}
      <div className="present-main">
        <EditorPanel fontSize={PROJECTOR_FONT_SIZE} minimal />
        {/* Click an edge to read out why; not while the room is still predicting. */}
        <GraphPanel minimal explain={!predict || presenter.revealed} />
      </div>
    </main>
  );
}
