// `#/presenter/<id>`: the presenter's console. Current and next step, notes, a timer, step buttons and keys,
// every step to jump to, "apply this step's YAML", "reveal solution", predict-then-reveal, and the share link as
// a QR code on the address the room opens. It drives every projector view open in the same browser; its step,
// timer and base address survive a reload (localStorage).
import { useEffect, useMemo, useState } from 'react';
import QRCode from 'qrcode';
import { useLab } from '../../store/lab-store';
import { selectDoc, selectLang, selectLesson, selectPresenter, selectResult, selectShareBase, selectStatus, selectTopic } from '../../store/selectors';
import { Markdown } from '../lesson/Markdown';
import { shareUrl } from '../share/share-link';
import { effectiveBase, isLocalBase, normalizeBase } from '../share/share-base';
import { startConsoleSync } from './presenter-sync';
import { edgeVerdicts, scoreGuesses } from '../../store/predict-score';
import { useStrings } from '../i18n/useStrings';

function useElapsed(since: number): string {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - since) / 1000));
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

export function PresenterConsole() {
  const t = useStrings();
  const lang = useLab(selectLang);
  const lesson = useLab(selectLesson);
  const presenter = useLab(selectPresenter);
  const doc = useLab(selectDoc);
  const result = useLab(selectResult);
  const topic = useLab(selectTopic);
  const status = useLab(selectStatus);
  const elapsed = useElapsed(presenter.startedAt);
  const savedBase = useLab(selectShareBase);
  const [qr, setQr] = useState<{ url: string; image: string } | null>(null);
  const id = lesson?.id;
  const base = effectiveBase(savedBase, location);

  useEffect(() => (id ? startConsoleSync(id) : undefined), [id]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      // Space on a button reached with the keyboard is that button's own key (Reveal, Apply...), never "next";
      // after a mouse click the focus stays on the button without showing, and Space still means "next".
      if (e.key === ' ' && target?.matches('button:focus-visible, summary:focus-visible')) return;
      const { goToStep, presenter: p } = useLab.getState();
      if (e.key === 'ArrowRight' || e.key === ' ' || e.key === 'PageDown') {
        e.preventDefault();
        goToStep(p.step + 1);
      } else if (e.key === 'ArrowLeft' || e.key === 'PageUp') {
        e.preventDefault();
        goToStep(p.step - 1);
      } else if (e.key === 'Home' || e.key === 'End') {
        e.preventDefault();
        goToStep(e.key === 'Home' ? 0 : Number.MAX_SAFE_INTEGER);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const text = doc?.text ?? '';
  useEffect(() => {
    if (!id) return;
    let cancelled = false;
    void shareUrl(base, `/lessons/${id}`, text).then(async (r) => {
      if (cancelled) return;
      if ('tooLong' in r) return setQr(null);
      setQr({ url: r.url, image: await QRCode.toDataURL(r.url, { margin: 1, width: 220, errorCorrectionLevel: 'L' }) });
    });
    return () => {
      cancelled = true;
    };
  }, [id, text, base]);

  const score = useMemo(() => scoreGuesses(edgeVerdicts(result, lesson), presenter.guesses), [result, lesson, presenter.guesses]);
  const counts = useMemo(() => result?.netpol?.connectivity.counts() ?? null, [result]);
  if (!lesson) return null;
  const step = lesson.steps[presenter.step];
  const next = lesson.steps[presenter.step + 1];
  const s = useLab.getState();

  return (
    <main className="presenter-console" id="main">
      <header className="console-head">
        <h1>{lesson.title[lang]}</h1>
        <span className="console-step">
          {t.stepWord} <span data-testid="step-index">{presenter.step + 1}</span> / {lesson.steps.length}
        </span>
        <span className="console-timer" role="timer" data-testid="presenter-timer" aria-label={t.elapsed}>
          {elapsed}
        </span>
        <button type="button" className="ghost" data-testid="restart-timer" onClick={() => s.restartTimer()}>
          {t.restartTimer}
        </button>
        <a className="secondary button-link" href={`#/present/${lesson.id}`} target="_blank" rel="noopener" data-testid="open-projector">
          {t.openProjector}
        </a>
      </header>
      <div className="console-grid">
        <section className="console-current" aria-label={t.currentStep}>
          <h2>{step?.title[lang]}</h2>
          {step && <Markdown text={step.body[lang]} />}
          <h3>{t.notes}</h3>
          <div className="console-notes" data-testid="presenter-notes">
            <Markdown text={step?.notes[lang] ?? ''} />
          </div>
          <div className="console-actions">
            <button type="button" className="secondary" data-testid="prev-step" disabled={presenter.step === 0} onClick={() => s.goToStep(presenter.step - 1)}>
              ← {t.prevStep}
            </button>
            <button type="button" className="primary" data-testid="next-step" disabled={!next} onClick={() => s.goToStep(presenter.step + 1)}>
              {t.nextStep} →
            </button>
            <button type="button" className="secondary" data-testid="apply-step" disabled={step?.apply == null} onClick={() => s.applyStepYaml()}>
              {t.applyStep}
            </button>
            <button type="button" className="secondary" data-testid="reveal-solution" onClick={() => s.revealSolution()}>
              {t.revealSolution}
            </button>
          </div>
          {step?.predict && (
            <div className="console-predict" role="status">
              <p data-testid="predict-status">{presenter.revealed ? t.predictScore(score.right, score.guessed) : t.predictNow(score.guessed, topic)}</p>
              <button type="button" className="primary" data-testid="reveal-verdicts" disabled={presenter.revealed} onClick={() => s.revealVerdicts()}>
                {t.revealVerdicts}
              </button>
            </div>
          )}
        </section>
        <aside className="console-side">
          <nav className="console-steps" aria-label={t.stepsList}>
            <h3>{t.stepsList}</h3>
            <ol>
              {lesson.steps.map((st, i) => (
                <li key={i}>
                  <button
                    type="button"
                    className="linklike"
                    data-testid={`jump-step-${i + 1}`}
                    aria-current={i === presenter.step ? 'step' : undefined}
                    onClick={() => s.goToStep(i)}
                  >
                    {st.title[lang]}
                  </button>
                </li>
              ))}
            </ol>
          </nav>
          <h3>{t.onProjector}</h3>
          <p className="console-room" data-testid="console-room">
            <span className={`status-badge ${status}`} data-state={status}>
              {status === 'passed' ? `✓ ${t.statusPassed}` : status === 'failed' ? `✗ ${t.statusFailed}` : t.statusPending}
            </span>
            {counts && !(step?.predict && !presenter.revealed) && <span className="muted"> {t.verdictCounts(counts.allowed, counts.denied)}</span>}
          </p>
          <details className="console-yaml">
            <summary>{t.projectorYaml}</summary>
            <pre data-testid="console-yaml">{text}</pre>
          </details>
          <h3>{t.nextUp}</h3>
          <p data-testid="next-step-title">{next ? next.title[lang] : t.lastStep}</p>
          <h3>{t.shareForRoom}</h3>
          <ShareBaseField saved={savedBase} effective={base} />
          {qr ? (
            <figure className="console-qr">
              <img src={qr.image} alt={t.qrAlt} data-testid="share-qr" width={220} height={220} />
              <figcaption>
                <input readOnly value={qr.url} aria-label={t.shareLabel} onFocus={(e) => e.currentTarget.select()} />
              </figcaption>
            </figure>
          ) : (
            <p className="muted">…</p>
          )}
        </aside>
      </div>
    </main>
  );
}

/** The address the room opens, as the presenter sets it; warns when the link points at this computer. */
function ShareBaseField({ saved, effective }: { saved: string; effective: string }) {
  const t = useStrings();
  const [draft, setDraft] = useState(saved);
  const invalid = draft.trim() !== '' && normalizeBase(draft) === null;
  return (
    <div className="console-base">
      <label>
        <span>{t.shareBaseLabel}</span>
        <input
          type="url"
          data-testid="share-base"
          value={draft}
          placeholder={`${location.origin}${location.pathname}`}
          aria-describedby="share-base-help"
          spellCheck={false}
          onChange={(e) => {
            setDraft(e.target.value);
            // Saved as typed; an address that is not one yet falls back to the page's own.
            useLab.getState().setShareBase(e.target.value.trim());
          }}
        />
      </label>
      <p id="share-base-help" className="muted">
        {t.shareBaseHelp}
      </p>
      {invalid && (
        <p className="banner warn" role="status" data-testid="share-base-invalid">
          {t.shareBaseInvalid}
        </p>
      )}
      {isLocalBase(effective) && (
        <p className="banner warn" role="status" data-testid="share-base-warning">
          ⚠ {t.shareBaseLocal}
        </p>
      )}
    </div>
  );
}
