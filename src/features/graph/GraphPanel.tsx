// The right-hand column: Graph and Table tabs over the same verdicts, the legend, and the "Why?" panel.
import { lazy, useState, useCallback } from 'react';
import { useLab } from '../../store/lab-store';
import { selectExpectedMarksShown, selectLesson, selectResult, selectTopic, selectView } from '../../store/selectors';
import { RbacPanel } from '../rbac/RbacPanel';
import { PodSecurityPanel } from '../pod-security/PodSecurityPanel';
import { TopicPanel } from '../layout/TopicPanel';
import { ConnectivityTable } from '../table/ConnectivityTable';
import { ExplanationPanel } from '../explain/ExplanationPanel';
import type { GraphModel } from './graph-model';
import { useStrings } from '../i18n/useStrings';
import { LegendItem } from '../layout/LegendItem';

const NetpolGraph = lazy(() => import('./NetpolGraph.lazy'));

function Legend({ quiet, expectedDenied }: { quiet: number; expectedDenied: number }) {
  const t = useStrings();
  const lesson = useLab(selectLesson);
  const marks = useLab(selectExpectedMarksShown);
  return (
    <div className="legend" role="group" aria-label={t.legend}>
      <LegendItem swatch="allowed">{t.legendAllowed}</LegendItem>
      <LegendItem swatch="denied">{t.legendDenied}</LegendItem>
      <LegendItem swatch="mixed">{t.legendMixed}</LegendItem>
      {lesson && marks && <LegendItem swatch="should">{t.legendMismatch}</LegendItem>}
      <LegendItem swatch="isolated">{t.legendIsolated}</LegendItem>
      {quiet > 0 && (
        <span className="legend-item muted" data-testid="quiet-edges">
          {t.quietEdges(quiet)}
        </span>
      )}
      {expectedDenied > 0 && (
        <span className="legend-item muted" data-testid="expected-denied-edges">
          {t.expectedDeniedEdges(expectedDenied)}
        </span>
      )}
    </div>
  );
}

/** `minimal`: the projector view, without tabs, export or the table (which would give predictions away). */
export function GraphPanel({ minimal = false, explain = !minimal }: { minimal?: boolean; explain?: boolean }) {
  const topic = useLab(selectTopic);
  if (topic === 'rbac') return <RbacPanel minimal={minimal} explain={explain} />;
  if (topic === 'pod-security') return <PodSecurityPanel minimal={minimal} explain={explain} />;
  return <NetpolPanel minimal={minimal} explain={explain} />;
}

function NetpolPanel({ minimal, explain }: { minimal: boolean; explain: boolean }) {
  const t = useStrings();
  const view = useLab(selectView);
  const result = useLab(selectResult);
  const [limited, setLimited] = useState(false);
  const [quiet, setQuiet] = useState(0);
  const [expectedDenied, setExpectedDenied] = useState(0);
  const [dense, setDense] = useState<number | null>(null);
  const onModel = useCallback((m: GraphModel) => {
    setLimited(m.limited);
    setQuiet(m.quiet);
    setExpectedDenied(m.expectedDenied);
    setDense(m.dense ? m.denseEdges : null);
  }, []);
  const pods = result?.netpol?.cluster.endpoints.filter((e) => e.kind === 'pod').length ?? 0;
  const probes = result?.netpol?.connectivity.probes.map((p) => `${p.protocol} ${p.port}`) ?? [];
  return (
    <TopicPanel
      minimal={minimal}
      topic="netpol"
      barExtra={probes.length > 0 && <span className="muted probing">{t.probing(probes.slice(0, 6).join(', ') + (probes.length > 6 ? '…' : ''))}</span>}
      graphBanner={limited && <div className="banner info" data-testid="grouped-banner">{dense !== null ? t.denseGraph(dense) : t.bigCluster(pods)}</div>}
      graph={<NetpolGraph onModel={onModel} />}
      legend={<Legend quiet={quiet} expectedDenied={expectedDenied} />}
      table={<ConnectivityTable active={view === 'table'} />}
      explain={explain ? <ExplanationPanel quiet={minimal} /> : null}
    />
  );
}
