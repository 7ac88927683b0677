// The RBAC table: an access matrix as rakkess draws it, subjects x verbs for one resource in one namespace, each
// cell decided by the authorizer; cells the lesson asks about and expects otherwise are marked. Rows filter by name;
// a row opens that subject's "what may it do".
import { useMemo, useState } from 'react';
import { useLab } from '../../store/lab-store';
import { useStrings } from '../i18n/useStrings';
import { cellRequest, parseIdentity, resolveResource, type Identity, type ResourceRef } from '../../topics/rbac/index';
import { expectedAccess } from '../../topics/rbac/index';
import { useRbacView } from './useRbacView';

const VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];
const COMMON = ['pods', 'pods/log', 'pods/exec', 'secrets', 'configmaps', 'deployments.apps', 'services', 'serviceaccounts', 'roles.rbac.authorization.k8s.io', 'rolebindings.rbac.authorization.k8s.io', 'namespaces', 'nodes'];

function ref(text: string): ResourceRef {
  const [name = '', subresource = ''] = text.split('/', 2);
  const r = resolveResource(name);
  return { text, group: r.group, resource: r.resource, subresource, namespaced: r.namespaced !== false };
}

export function AccessMatrix() {
  const t = useStrings();
  const view = useRbacView();
  const [filter, setFilter] = useState('');
  const firstQuestion = view?.questions[0];
  const [resourceText, setResource] = useState<string | null>(null);
  const [namespaceChoice, setNamespace] = useState<string | null>(null);

  const resources = useMemo(() => [...new Set([...(view?.questions.map((q) => q.resource.text) ?? []), ...COMMON])], [view]);
  const namespaces = useMemo(() => view?.result.model.namespaces ?? [], [view]);
  const resource = ref(resourceText ?? firstQuestion?.resource.text ?? 'pods');
  const namespace = namespaceChoice ?? (firstQuestion?.namespace || namespaces.find((n) => n !== 'default') || 'default');

  const rows = useMemo(() => {
    if (!view) return [];
    const { model } = view.result;
    const refs = new Set<string>(view.checks.flatMap((c) => [...c.identities]));
    for (const sa of model.serviceAccounts) refs.add(`sa:${sa.namespace}/${sa.name}`);
    for (const b of model.bindings) {
      if (b.builtIn) continue;
      for (const s of b.subjects) {
        if (s.kind === 'ServiceAccount') refs.add(`sa:${s.namespace || b.namespace}/${s.name}`);
        else if (s.kind === 'User') refs.add(`user:${s.name}`);
        else if (s.kind === 'Group') refs.add(`group:${s.name}`);
      }
    }
    const identities = [...refs].map((r) => parseIdentity(r, model)).filter((i): i is Identity => !('error' in i)).sort((a, b) => (a.ref < b.ref ? -1 : 1));
    return identities.map((identity) => ({
      identity,
      cells: VERBS.map((verb) => {
        const allowed = view.result.decide(identity, cellRequest(verb, resource, namespace, '')).allowed;
        // The lesson's expectation, where one of its access checks asks exactly this.
        const check = view.checks.find((c) => c.identities.includes(identity.ref) && c.verbs.includes(verb) && c.resources.some((r) => r.text === resource.text) && (!resource.namespaced || c.namespaces.includes(namespace)) && c.names.includes(''));
        const expected = check ? expectedAccess(check, identity.ref, verb, check.resources.find((r) => r.text === resource.text)!, resource.namespaced ? namespace : check.namespaces[0]!, '') : null;
        return { verb, allowed, mismatch: expected !== null && expected !== (allowed ? 'allowed' : 'denied') };
      }),
    }));
  }, [view, resource, namespace]);

  if (!view) return null;
  const shown = rows.filter((r) => r.identity.ref.includes(filter.trim()));
  return (
    <div className="access-matrix" data-testid="access-matrix">
      <div className="table-tools">
        <label>
          {t.matrixResource}{' '}
          <select value={resource.text} onChange={(e) => setResource(e.target.value)} data-testid="matrix-resource">
            {resources.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        {resource.namespaced && (
          <label>
            {t.matrixNamespace}{' '}
            <select value={namespace} onChange={(e) => setNamespace(e.target.value)} data-testid="matrix-namespace">
              {namespaces.map((n) => (
                <option key={n}>{n}</option>
              ))}
            </select>
          </label>
        )}
        <label>
          <span className="visually-hidden">{t.filter}</span>
          <input type="search" placeholder={t.matrixFilterPlaceholder} value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="matrix-filter" />
        </label>
      </div>
      <table className="verdict-table">
        <caption>{t.matrixCaption(resource.text, resource.namespaced ? namespace : '')}</caption>
        <thead>
          <tr>
            <th scope="col">{t.matrixSubject}</th>
            {VERBS.map((v) => (
              <th key={v} scope="col">
                {v}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.identity.ref}>
              <th scope="row">
                <button type="button" className="linklike" onClick={() => useLab.getState().selectItem(row.identity.ref)}>
                  {row.identity.ref}
                </button>
              </th>
              {row.cells.map((c) => (
                <td key={c.verb} className={`verdict ${c.allowed ? 'allowed' : 'denied'}${c.mismatch ? ' mismatch' : ''}`} title={c.mismatch ? t.matrixMismatch : undefined} data-verb={c.verb}>
                  {c.allowed ? '✓' : '✗'}
                  <span className="visually-hidden">{c.allowed ? t.rbacCellAllowed : t.rbacCellDenied}{c.mismatch ? ` (${t.matrixMismatch})` : ''}</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
