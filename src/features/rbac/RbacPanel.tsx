// The right-hand column of an RBAC page: Graph and Table tabs (the access matrix), the legend, and "Why?".
import { lazy } from 'react';
import { useStrings } from '../i18n/useStrings';
import { TopicPanel } from '../layout/TopicPanel';
import { AccessMatrix } from './AccessMatrix';
import { RbacExplain } from './RbacExplain';

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
  return <TopicPanel minimal={minimal} topic="rbac" graph={<RbacGraph />} legend={<Legend />} table={<AccessMatrix />} explain={explain ? <RbacExplain quiet={minimal} /> : null} />;
}
