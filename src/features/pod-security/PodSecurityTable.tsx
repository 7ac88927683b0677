// The Pod Security table: every pod and workload with its verdict, the checks that failed and its namespace's
// levels; a row opens the object's "Why?".
import { useLab } from '../../store/lab-store';
import { useStrings } from '../i18n/useStrings';
import { objectNodeId, policySummary, verdictKind } from '../../topics/pod-security/index';
import { usePodSecurityView } from './usePodSecurityView';

export function PodSecurityTable() {
  const t = useStrings();
  const view = usePodSecurityView();
  if (!view) return null;
  const { result } = view;
  return (
    <table className="psa-table" data-testid="psa-table">
      <thead>
        <tr>
          <th scope="col">{t.psaTableObject}</th>
          <th scope="col">{t.psaTableVerdict}</th>
          <th scope="col">{t.psaTableChecks}</th>
          <th scope="col">{t.psaTablePolicy}</th>
        </tr>
      </thead>
      <tbody>
        {result.model.objects.map((o) => {
          const v = result.verdicts.get(o)!;
          const kind = verdictKind(v);
          const failed = (v.enforce?.failed.length ? v.enforce.failed : (v.warn?.failed ?? [])).map((f) => f.check);
          const id = objectNodeId(o);
          const want = view.expected.get(id);
          const wrong = want !== undefined && want !== kind && !(want === 'allowed' && kind !== 'rejected');
          return (
            <tr key={id} className={wrong ? 'should-differ' : undefined}>
              <th scope="row">
                <button type="button" className="linklike" onClick={() => useLab.getState().selectItem(id)}>
                  {o.kind} {o.namespace}/{o.name}
                </button>
              </th>
              <td className={`psa-verdict psa-${kind}`}>{t.psaVerdict[kind]}</td>
              <td>{failed.join(', ')}</td>
              <td>{policySummary(v.policy)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
