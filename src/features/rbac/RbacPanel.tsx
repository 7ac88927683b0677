// The right-hand column of an RBAC page: Graph and Table tabs (the access matrix), the legend, and "Why?".
import { lazy, Suspense } from 'react';
import { useLab } from '../../store/lab-store';
import { selectResult, selectStale, selectView } from '../../store/selectors';
import { useStrings } from '../i18n/useStrings';
import { ExportMenu } from '../export/ExportMenu';
import { AccessMatrix } from './AccessMatrix';
import { RbacExplain } from './RbacExplain';
import { TopicSwitch } from './TopicSwitch';

const RbacGraph = lazy(() => import('./RbacGraph.lazy'));

function Legend() {
  const t = useStrings();
  return (
    <div className="legend" role="group" aria-label={t.legend}>
      <span className="legend-item">
        <span className="swatch allowed" aria-hidden="true" />
        {t.rbacLegendAllowed}
      </span>
      <span className="legend-item">
        <span className="swatch denied" aria-hidden="true" />
        {t.rbacLegendDenied}
      </span>
      <span className="legend-item">
        <span className="swatch mixed" aria-hidden="true" />
        {t.rbacLegendMixed}
      </span>
      <span className="legend-item">
        <span className="swatch should" aria-hidden="true" />
        {t.legendMismatch}
      </span>
      <span className="legend-item">{t.rbacLegendLinks}</span>
      <span className="legend-item">{t.rbacLegendRisk}</span>
      <span className="legend-item muted">{t.rbacDefaultsHidden}</span>
    </div>
  );
}

export function RbacPanel({ minimal = false, explain = !minimal }: { minimal?: boolean; explain?: boolean }) {
  const t = useStrings();
  const view = useLab(selectView);
  const stale = useLab(selectStale);
  const result = useLab(selectResult);
  return (
    <section className="graph-panel" aria-label={minimal ? t.graphTab : `${t.graphTab} / ${t.tableTab}`} data-eval-ms={result?.evalMs.toFixed(2)} data-topic="rbac">
      {!minimal && (
        <div className="panel-bar">
          <div role="tablist" className="tabs">
            <button type="button" role="tab" id="tab-graph" aria-selected={view === 'graph'} aria-controls="panel-graph" onClick={() => useLab.getState().setView('graph')}>
              {t.graphTab}
            </button>
            <button type="button" role="tab" id="tab-table" aria-selected={view === 'table'} aria-controls="panel-table" onClick={() => useLab.getState().setView('table')}>
              {t.tableTab}
            </button>
          </div>
          <TopicSwitch />
          {result && <span className="muted probing" title="parse, evaluate and grade">{t.evaluatedIn(result.evalMs)}</span>}
          {view === 'graph' && <ExportMenu part="graph" />}
        </div>
      )}
      {stale && (
        <div className="banner warn" role="status" data-testid="stale">
          {t.stale}
        </div>
      )}
      <div
        id="panel-graph"
        {...(minimal ? { role: 'region', 'aria-label': t.graphTab } : { role: 'tabpanel', 'aria-labelledby': 'tab-graph' })}
        hidden={!minimal && view !== 'graph'}
        className={`graph-area${stale ? ' is-stale' : ''}`}
        data-testid="graph"
      >
        <Suspense fallback={<div className="graph-loading muted">…</div>}>
          <RbacGraph />
        </Suspense>
        <Legend />
      </div>
      {!minimal && (
        <div id="panel-table" role="tabpanel" aria-labelledby="tab-table" hidden={view !== 'table'} className="table-area">
          <AccessMatrix />
        </div>
      )}
      {explain && <RbacExplain quiet={minimal} />}
    </section>
  );
}
