// The frame of a topic's right-hand column: Graph and Table tabs, the topic switch (playground), the evaluation
// time, export, the stale banner, the graph with its legend, the table, and "Why?". Each topic fills it in.
import { Suspense, type ReactNode } from 'react';
import { useLab } from '../../store/lab-store';
import { selectResult, selectStale, selectView } from '../../store/selectors';
import { useStrings } from '../i18n/useStrings';
import { ExportMenu } from '../export/ExportMenu';
import { TopicSwitch } from './TopicSwitch';

export interface TopicPanelProps {
  /** The projector view: no tabs, export or table (which would give predictions away). */
  minimal: boolean;
  topic: string;
  graph: ReactNode;
  legend: ReactNode;
  table: ReactNode;
  explain: ReactNode | null;
  /** More in the tab bar (what is probed). */
  barExtra?: ReactNode;
  /** A banner above the graph (a big cluster). */
  graphBanner?: ReactNode;
}

export function TopicPanel({ minimal, topic, graph, legend, table, explain, barExtra, graphBanner }: TopicPanelProps) {
  const t = useStrings();
  const view = useLab(selectView);
  const stale = useLab(selectStale);
  const result = useLab(selectResult);
  return (
    <section className="graph-panel" aria-label={minimal ? t.graphTab : `${t.graphTab} / ${t.tableTab}`} data-eval-ms={result?.evalMs.toFixed(2)} data-topic={topic}>
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
          {barExtra}
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
        {graphBanner}
        <Suspense fallback={<div className="graph-loading muted">…</div>}>{graph}</Suspense>
        {legend}
      </div>
      {!minimal && (
        <div id="panel-table" role="tabpanel" aria-labelledby="tab-table" hidden={view !== 'table'} className="table-area">
          {table}
        </div>
      )}
      {explain}
    </section>
  );
}
