// The right-hand column of an RBAC page: Graph and Table tabs (the access matrix), the legend, and "Why?".
import { lazy } from 'react';
import { useStrings } from '../i18n/useStrings';
import { useLab } from '../../store/lab-store';
import { selectExpectedMarksShown } from '../../store/selectors';
import { LegendItem } from '../layout/LegendItem';
import { TopicPanel } from '../layout/TopicPanel';
import { AccessMatrix } from './AccessMatrix';
import { RbacExplain } from './RbacExplain';

const RbacGraph = lazy(() => import('./RbacGraph.lazy'));

function Legend() {
  const t = useStrings();
  const marks = useLab(selectExpectedMarksShown);
  return (
    <div className="legend" role="group" aria-label={t.legend}>
      <LegendItem swatch="allowed">{t.rbacLegendAllowed}</LegendItem>
      <LegendItem swatch="denied">{t.rbacLegendDenied}</LegendItem>
      <LegendItem swatch="mixed">{t.rbacLegendMixed}</LegendItem>
      {marks && <LegendItem swatch="should">{t.legendMismatch}</LegendItem>}
      <LegendItem>{t.rbacLegendLinks}</LegendItem>
      <LegendItem>{t.rbacLegendRisk}</LegendItem>
      <span className="legend-item muted">{t.rbacDefaultsHidden}</span>
    </div>
  );
}

export function RbacPanel({ minimal = false, explain = !minimal }: { minimal?: boolean; explain?: boolean }) {
  return <TopicPanel minimal={minimal} topic="rbac" graph={<RbacGraph />} legend={<Legend />} table={<AccessMatrix />} explain={explain ? <RbacExplain quiet={minimal} /> : null} />;
}
