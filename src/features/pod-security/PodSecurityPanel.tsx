// The right-hand column of a Pod Security page: Graph and Table tabs, the legend, and "Why?".
import { lazy } from 'react';
import { useStrings } from '../i18n/useStrings';
import { useLab } from '../../store/lab-store';
import { selectExpectedMarksShown } from '../../store/selectors';
import { LegendItem } from '../layout/LegendItem';
import { TopicPanel } from '../layout/TopicPanel';
import { PodSecurityExplain } from './PodSecurityExplain';
import { PodSecurityTable } from './PodSecurityTable';

const PodSecurityGraph = lazy(() => import('./PodSecurityGraph.lazy'));

function Legend() {
  const t = useStrings();
  const marks = useLab(selectExpectedMarksShown);
  return (
    <div className="legend" role="group" aria-label={t.legend}>
      <LegendItem swatch="allowed">{t.psaLegendAdmitted}</LegendItem>
      <LegendItem swatch="warned">{t.psaLegendWarned}</LegendItem>
      <LegendItem swatch="denied">{t.psaLegendRejected}</LegendItem>
      <LegendItem>{t.psaLegendExempt}</LegendItem>
      <LegendItem>{t.psaLegendNoStart}</LegendItem>
      {marks && <LegendItem swatch="should">{t.legendMismatch}</LegendItem>}
    </div>
  );
}

export function PodSecurityPanel({ minimal = false, explain = !minimal }: { minimal?: boolean; explain?: boolean }) {
  return <TopicPanel minimal={minimal} topic="pod-security" graph={<PodSecurityGraph />} legend={<Legend />} table={<PodSecurityTable />} explain={explain ? <PodSecurityExplain quiet={minimal} /> : null} />;
}
