// The Pod Security graph (loaded lazily with Cytoscape): namespaces with their levels, pods and workloads coloured
// by the admission verdict; choosing one shows why in the panel below.
import { useCallback, useMemo } from 'react';
import type { Core } from 'cytoscape';
import GraphView from '../../ui/GraphView.lazy';
import { useLab } from '../../store/lab-store';
import { selectSelectedItem } from '../../store/selectors';
import { usePrefersDark } from '../layout/usePrefersDark';
import { DARK, LIGHT } from '../graph/graph-style';
import { setCurrentGraph } from '../graph/graph-registry';
import { podSecurityStyle } from './psa-style';
import { usePodSecurityView } from './usePodSecurityView';

const CLASS_NAMES = ['chosen'];

export default function PodSecurityGraph() {
  const view = usePodSecurityView();
  const selected = useLab(selectSelectedItem);
  const dark = usePrefersDark();
  const style = useMemo(() => podSecurityStyle(dark ? DARK : LIGHT), [dark]);
  const classes = useMemo(() => new Map(selected ? [[selected.endsWith('#label') ? selected.slice(0, -6) : selected, 'chosen']] : []), [selected]);
  const onTapNode = useCallback((id: string) => useLab.getState().selectItem(id.endsWith('#label') ? id.slice(0, -6) : id), []);
  const onTapBackground = useCallback(() => useLab.getState().selectItem(null), []);
  const onReady = useCallback((cy: Core | null) => setCurrentGraph(cy), []);
  if (!view) return <div className="graph-loading muted">…</div>;
  return <GraphView graph={view.graph} style={style} classes={classes} classNames={CLASS_NAMES} onTapNode={onTapNode} onTapBackground={onTapBackground} onReady={onReady} />;
}
