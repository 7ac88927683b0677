// The right-hand column: Graph and Table tabs over the same verdicts, the legend, and the "Why?" panel.
import { lazy, Suspense, useState, useCallback } from 'react';
import { useLab } from '../../store/lab-store';
import { selectLesson, selectResult, selectStale, selectTopic, selectView } from '../../store/selectors';
import { RbacPanel } from '../rbac/RbacPanel';
import { TopicSwitch } from '../rbac/TopicSwitch';
import { ConnectivityTable } from '../table/ConnectivityTable';
import { ExplanationPanel } from '../explain/ExplanationPanel';
import { ExportMenu } from '../export/ExportMenu';
import type { GraphModel } from './graph-model';
import { useStrings } from '../i18n/useStrings';

const NetpolGraph = lazy(() => import('./NetpolGraph.lazy'));

function Legend() {
  const t = useStrings();
  const lesson = useLab(selectLesson);
  return (
    <div className="legend" role="group" aria-label={t.legend}>
      <span className="legend-item">
        <span className="swatch allowed" aria-hidden="true" />
        {t.legendAllowed}
      </span>
      <span className="legend-item">
        <span className="swatch denied" aria-hidden="true" />
        {t.legendDenied}
      </span>
      <span className="legend-item">
        <span className="swatch mixed" aria-hidden="true" />
        {t.legendMixed}
      </span>
      {lesson && (
        <span className="legend-item">
          <span className="swatch should" aria-hidden="true" />
          {t.legendMismatch}
        </span>
      )}
      <span className="legend-item">
        <span className="swatch isolated" aria-hidden="true" />
        {t.legendIsolated}
      </span>
    </div>
  );
}

/** `minimal`: the projector view, without tabs, export or the table (which would give predictions away). */
export function GraphPanel({ minimal = false, explain = !minimal }: { minimal?: boolean; explain?: boolean }) {
  const topic = useLab(selectTopic);
  return topic === 'rbac' ? <RbacPanel minimal={minimal} explain={explain} /> : <NetpolPanel minimal={minimal} explain={explain} />;
}

function NetpolPanel({ minimal, explain }: { minimal: boolean; explain: boolean }) {
  const t = useStrings();
  const view = useLab(selectView);
  const stale = useLab(selectStale);
  const result = useLab(selectResult);
  const [limited, setLimited] = useState(false);
  const onModel = useCallback((m: GraphModel) => setLimited(m.limited), []);
  const pods = result?.netpol?.cluster.endpoints.filter((e) => e.kind === 'pod').length ?? 0;
  const probes = result?.netpol?.connectivity.probes.map((p) => `${p.protocol} ${p.port}`) ?? [];

  return (
    <section className="graph-panel" aria-label={minimal ? t.graphTab : `${t.graphTab} / ${t.tableTab}`} data-eval-ms={result?.evalMs.toFixed(2)}>
      {!minimal && <div className="panel-bar">
        <div role="tablist" className="tabs">
          <button type="button" role="tab" id="tab-graph" aria-selected={view === 'graph'} aria-controls="panel-graph" onClick={() => useLab.getState().setView('graph')}>
            {t.graphTab}
          </button>
          <button type="button" role="tab" id="tab-table" aria-selected={view === 'table'} aria-controls="panel-table" onClick={() => useLab.getState().setView('table')}>
            {t.tableTab}
          </button>
        </div>
        <TopicSwitch />
        {probes.length > 0 && <span className="muted probing">{t.probing(probes.slice(0, 6).join(', ') + (probes.length > 6 ? '…' : ''))}</span>}
        {result && <span className="muted probing" title="parse, evaluate and grade">{t.evaluatedIn(result.evalMs)}</span>}
        {view === 'graph' && <ExportMenu part="graph" />}
      </div>}
      {stale && (
        <div className="banner warn" role="status" data-testid="stale">
          {t.stale}
        </div>
      )}
      <div
        id="panel-graph"
        {...(minimal ? { role: 'region', 'aria-label': t.graphTab } : { role: 'tabpanel', 'aria-labelledby': 'tab-graph' })}
        hidden={!minimal && view !== 'graph'} className={`graph-area${stale ? ' is-stale' : ''}`} data-testid="graph">
        {limited && <div className="banner info">{t.bigCluster(pods)}</div>}
        <Suspense fallback={<div className="graph-loading muted">…</div>}>
          <NetpolGraph onModel={onModel} />
        </Suspense>
        <Legend />
      </div>
      {!minimal && (
        <div id="panel-table" role="tabpanel" aria-labelledby="tab-table" hidden={view !== 'table'} className="table-area">
          <ConnectivityTable active={view === 'table'} />
        </div>
      )}
      {explain && <ExplanationPanel quiet={minimal} />}
    </section>
  );
}
