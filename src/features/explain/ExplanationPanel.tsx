// "Why?": the engine's reasons for the selected connection, in sentences, with policy names that jump to
// their line in the editor.
import { Fragment, useMemo, type ReactNode } from 'react';
import { describeExplanation, type Explanation } from '../../topics/netpol/index';
import { useLab } from '../../store/lab-store';
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
      const expected = result.grade?.expected(eps[s]!, eps[d]!, probe) ?? null;
      return { exp, expected, sentences: describeExplanation(result.connectivity.index, exp, lang) };
    });
  }, [result, edge, lang]);

  const policyLines = useMemo(() => new Map(result?.cluster.policies.map((p) => [p.id, p.location] as const) ?? []), [result]);

  if (!edge || explanations.length === 0) {
    if (quiet) return null;
    return (
      <aside className="explain-panel" data-testid="explanation" aria-label={t.explanation}>
        <p className="muted">{t.explainEmpty}</p>
      </aside>
    );
  }

  const link = (text: string, exp: Explanation): ReactNode[] => {
    const ids = [...new Set([...exp.ingress.isolatedBy, ...exp.egress.isolatedBy])].sort((a, b) => b.length - a.length);
    if (ids.length === 0) return [text];
    const pattern = new RegExp(`(${ids.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'g');
    return text.split(pattern).map((part, i) => {
      const loc = policyLines.get(part);
      if (i % 2 === 1 && loc) {
        return (
          <button key={i} type="button" className="linklike policy-link" onClick={() => useLab.getState().revealLine(loc.line, loc.col)}>
            {part}
          </button>
        );
      }
      return <Fragment key={i}>{part}</Fragment>;
    });
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
          <p className="explain-verdict">{sentences[0]}</p>
          <ul>
            {sentences.slice(1).map((s, i) => (
              <li key={i}>{link(s, exp)}</li>
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
