// "Why?": the engine's reasons for the selected connection, in sentences, with policy names that jump to
// their line in the editor.
import { useMemo } from 'react';
import { explainSegments } from '../../topics/netpol/index';
import type { ObjectRef } from '../../core/index';
import { Sentence } from '../../ui/Sentence';
import { EDITOR_FILE, useLab } from '../../store/lab-store';
import { selectLang, selectNetpol, selectSelectedEdge, selectStale } from '../../store/selectors';
import { useStrings } from '../i18n/useStrings';

/** `quiet`: say nothing until an edge is chosen (the projector has no room for the "click an edge" tip). */
export function ExplanationPanel({ quiet = false }: { quiet?: boolean }) {
  const t = useStrings();
  const lang = useLab(selectLang);
  const result = useLab(selectNetpol);
  const edge = useLab(selectSelectedEdge);
  const stale = useLab(selectStale);

  const explanations = useMemo(() => {
    if (!result || !edge) return [];
    const eps = result.cluster.endpoints;
    const s = eps.findIndex((e) => e.id === edge.from);
    const d = eps.findIndex((e) => e.id === edge.to);
    if (s < 0 || d < 0 || !result.connectivity.isPair(s, d)) return [];
    return result.connectivity.probesOf(d).map((g) => {
      const exp = result.connectivity.explain(s, d, g);
      const probe = result.connectivity.probes[g]!;
      const expected = result.grade?.expected(eps[s]!, eps[d]!, probe, exp.allowed ? 'allowed' : 'denied') ?? null;
      return { exp, expected, sentences: explainSegments(result.connectivity.index, exp, lang) };
    });
  }, [result, edge, lang]);

  if (!edge || explanations.length === 0) {
    if (quiet) return null;
    return (
      <aside className="explain-panel" data-testid="explanation" aria-label={t.explanation}>
        <p className="muted">{t.explainEmpty}</p>
      </aside>
    );
  }

  // Only what the learner wrote has a line in the editor; a policy of the lesson's cluster stays plain text.
  const linkable = (ref: ObjectRef): boolean => ref.location?.file === EDITOR_FILE;
  const reveal = (ref: ObjectRef): void => {
    if (ref.location) useLab.getState().revealLine(ref.location.line, ref.location.col);
  };

  return (
    <aside className={`explain-panel${stale ? ' is-stale' : ''}`} data-testid="explanation" aria-label={t.explanation} aria-live="polite">
      <div className="explain-head">
        <h2>{t.explanation}</h2>
        <button type="button" className="ghost" onClick={() => useLab.getState().selectEdge(null)} title={t.close}>
          <span aria-hidden="true">×</span>
          <span className="visually-hidden">{t.close}</span>
        </button>
      </div>
      {explanations.map(({ exp, expected, sentences }) => (
        <div key={`${exp.port}/${exp.protocol}`} className={`explain-item ${exp.allowed ? 'allowed' : 'denied'}`} data-verdict={exp.allowed ? 'allowed' : 'denied'}>
          <p className="explain-verdict">
            <Sentence segments={sentences[0] ?? []} onRef={reveal} linkable={linkable} />
          </p>
          <ul>
            {sentences.slice(1).map((s, i) => (
              <li key={i}>
                <Sentence segments={s} onRef={reveal} linkable={linkable} />
              </li>
            ))}
          </ul>
          {expected && expected !== (exp.allowed ? 'allowed' : 'denied') && (
            <p className="explain-expected">⚠ {expected === 'allowed' ? t.expectedAllowed : t.expectedDenied}</p>
          )}
        </div>
      ))}
    </aside>
  );
}
