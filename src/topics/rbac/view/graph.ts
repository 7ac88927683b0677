// What the RBAC lab draws: namespaces as boxes holding pods, ServiceAccounts, RoleBindings, Roles and the resources
// the lesson asks about; users, groups and cluster-wide objects outside. Edges run subject -> binding -> role, pod ->
// ServiceAccount, and each lesson question is an edge from who asks to what is asked, coloured by the verdict.
// Columns are fixed (left to right: users, pods, ServiceAccounts, bindings, roles, resources), so editing never
// makes nodes jump.
import type { ViewEdge, ViewGraph, ViewNode } from '../../../core/index';
import type { Binding, RbacModel, Role, Subject } from '../model';
import { accessCells, cellRequest, expectedAccess, type AccessCheck, type RbacResult, type ResourceRef } from '../checks';
import { parseIdentity } from '../identities';

const COL = { subject: 0, pod: 250, serviceaccount: 480, binding: 730, role: 990, resource: 1250 } as const;
const ROW = 76;
/** Between side-by-side columns of resources. */
const RESOURCE_DX = 190;
const BOX_GAP = 120;
/** Above a box: room for its label node. */
const LABEL_ABOVE = 62;
export const CLUSTER_BOX = 'cluster-wide';

/** A question of the lesson, drawn as one edge: who asks, about which resource, where, and every verb asked. */
export interface Question {
  /** The edge id, also the selection key. */
  id: string;
  identity: string;
  resource: ResourceRef;
  /** '' for cluster-scoped resources. */
  namespace: string;
  cells: { verb: string; name: string; allowed: boolean; expected: 'allowed' | 'denied' }[];
}

export const subjectNodeId = (s: Pick<Subject, 'kind' | 'name' | 'namespace'>, bindingNamespace: string): string =>
  s.kind === 'ServiceAccount' ? `sa:${s.namespace || bindingNamespace}/${s.name}` : s.kind === 'User' ? `user:${s.name}` : `group:${s.name}`;
export const objectNodeId = (x: Pick<Role | Binding, 'kind' | 'namespace' | 'name'>): string => `${x.kind}:${x.namespace}/${x.name}`;
export const resourceNodeId = (resource: ResourceRef, namespace: string): string => `res:${resource.namespaced ? namespace : ''}/${resource.text}`;

/** Groups the cells of the lesson's access checks into questions: one per identity, resource and namespace. */
export function lessonQuestions(result: RbacResult, checks: readonly AccessCheck[]): Question[] {
  const byId = new Map<string, Question>();
  for (const spec of checks) {
    for (const cell of accessCells(spec, result.model)) {
      const namespace = cell.resource.namespaced ? cell.namespace : '';
      const target = resourceNodeId(cell.resource, namespace);
      const id = `q:${cell.identity.ref}->${target}`;
      let q = byId.get(id);
      if (!q) {
        q = { id, identity: cell.identity.ref, resource: cell.resource, namespace, cells: [] };
        byId.set(id, q);
      }
      const decision = result.decide(cell.identity, cellRequest(cell.verb, cell.resource, cell.namespace, cell.name));
      q.cells.push({ verb: cell.verb, name: cell.name, allowed: decision.allowed, expected: expectedAccess(spec, cell.identity.ref, cell.verb, cell.resource, cell.namespace, cell.name) });
    }
  }
  return [...byId.values()];
}

/** Is the binding drawn? The default bindings reach everyone (discovery, basic-user) and would bury the lesson. */
const drawn = (b: Binding): boolean => !b.builtIn;

/**
 * Builds the RBAC graph; `questions` come from the lesson (none in the playground). A question denied as the
 * lesson expects is drawn only for the chosen identity (`focus`): a lesson asks many of them, decoys included,
 * and they would bury what matters (what is allowed, and what the lesson expects otherwise). The Table lists all.
 */
export function buildRbacGraph(model: RbacModel, questions: readonly Question[], riskyRoles: ReadonlySet<string> = new Set(), focus: string | null = null): ViewGraph {
  const nodes: ViewNode[] = [];
  const edges: ViewEdge[] = [];
  const columns = new Map<string, Record<keyof typeof COL, string[]>>(); // box -> column -> node ids
  const placed = new Map<string, { box: string; column: keyof typeof COL }>();
  const labels = new Map<string, { label: string; kind: string; tooltip: string; flag?: string }>();
  const place = (id: string, box: string, column: keyof typeof COL, kind: string, label: string, tooltip: string, flag?: string): void => {
    if (placed.has(id)) return;
    placed.set(id, { box, column });
    labels.set(id, { label, kind, tooltip, ...(flag ? { flag } : {}) });
    let cols = columns.get(box);
    if (!cols) {
      cols = { subject: [], pod: [], serviceaccount: [], binding: [], role: [], resource: [] };
      columns.set(box, cols);
    }
    cols[column].push(id);
  };
  const boxOf = (namespace: string): string => (namespace ? `ns:${namespace}` : CLUSTER_BOX);

  const subjectNode = (s: Subject, bindingNamespace: string): string => {
    const id = subjectNodeId(s, bindingNamespace);
    if (s.kind === 'ServiceAccount') {
      const ns = s.namespace || bindingNamespace;
      place(id, boxOf(ns), 'serviceaccount', 'serviceaccount', `SA ${s.name}`, `ServiceAccount ${ns}/${s.name}\nuser system:serviceaccount:${ns}:${s.name}`);
    } else place(id, 'outside', 'subject', s.kind === 'User' ? 'user' : 'group', `${s.kind}\n${s.name}`, `${s.kind} ${s.name}`);
    return id;
  };

  // ServiceAccounts and pods first, so every namespace's rows start with them.
  for (const sa of model.serviceAccounts) {
    place(`sa:${sa.namespace}/${sa.name}`, boxOf(sa.namespace), 'serviceaccount', 'serviceaccount', `SA ${sa.name}`, `ServiceAccount ${sa.namespace}/${sa.name}\nuser system:serviceaccount:${sa.namespace}:${sa.name}`);
  }
  for (const pod of model.pods) {
    const id = `pod:${pod.namespace}/${pod.name}`;
    const sa = `sa:${pod.namespace}/${pod.serviceAccountName}`;
    place(id, boxOf(pod.namespace), 'pod', 'pod', pod.name, `${pod.source} ${pod.id}\nruns as ServiceAccount ${pod.serviceAccountName}`);
    place(sa, boxOf(pod.namespace), 'serviceaccount', 'serviceaccount', `SA ${pod.serviceAccountName}`, `ServiceAccount ${pod.namespace}/${pod.serviceAccountName}`);
    edges.push({ id: `runs:${id}`, source: id, target: sa, kind: 'runs-as' });
  }
  const roles = new Map(model.roles.map((r) => [objectNodeId(r), r] as const));
  for (const b of model.bindings) {
    if (!drawn(b)) continue;
    const id = objectNodeId(b);
    place(id, boxOf(b.namespace), 'binding', 'binding', `${b.kind === 'RoleBinding' ? 'RB' : 'CRB'} ${b.name}`, `${b.kind} ${b.namespace ? `${b.namespace}/` : ''}${b.name}\n${b.roleRef.kind} ${b.roleRef.name}`);
    b.subjects.forEach((s, i) => {
      if (s.kind !== 'ServiceAccount' && s.kind !== 'User' && s.kind !== 'Group') return;
      const from = subjectNode(s, b.namespace);
      edges.push({ id: `member:${id}:${i}`, source: from, target: id, kind: 'member' });
    });
    const roleNamespace = b.roleRef.kind === 'Role' ? b.namespace : '';
    const roleId = `${b.roleRef.kind}:${roleNamespace}/${b.roleRef.name}`;
    const role = roles.get(roleId);
    const label = `${b.roleRef.kind === 'Role' ? 'Role' : 'ClusterRole'} ${b.roleRef.name}`;
    if (role) {
      const flag = riskyRoles.has(roleId) ? 'risk' : role.builtIn ? 'builtin' : undefined;
      place(roleId, boxOf(roleNamespace), 'role', role.kind === 'Role' ? 'role' : 'clusterrole', label, `${label}${role.builtIn ? ' (default)' : ''}\n${role.aggregationRule ? 'aggregated' : `${role.rules.length} rule${role.rules.length === 1 ? '' : 's'}`}`, flag);
    } else {
      place(roleId, boxOf(roleNamespace), 'role', 'missing-role', `${label}\n(missing)`, `${label} does not exist: the binding grants nothing`);
    }
    edges.push({ id: `grants:${id}`, source: id, target: roleId, kind: 'grants' });
  }
  // Roles nobody binds are drawn too: a learner who wrote one should see it.
  for (const r of model.roles) {
    if (r.builtIn) continue;
    const id = objectNodeId(r);
    const label = `${r.kind} ${r.name}`;
    place(id, boxOf(r.namespace), 'role', r.kind === 'Role' ? 'role' : 'clusterrole', label, `${label}\n${r.rules.length} rule${r.rules.length === 1 ? '' : 's'} (not bound)`, riskyRoles.has(id) ? 'risk' : undefined);
  }
  for (const q of questions) {
    // Every resource asked about is placed, drawn or not, so choosing a subject never moves the graph.
    const target = resourceNodeId(q.resource, q.namespace);
    place(target, boxOf(q.namespace), 'resource', 'resource', q.resource.text, q.namespace ? `${q.resource.text} in namespace ${q.namespace}` : `${q.resource.text} (cluster-wide)`);
    const quiet = q.cells.every((c) => !c.allowed && c.expected === 'denied');
    if (quiet && focus !== q.identity && focus !== q.id) continue;
    const identity = parseIdentity(q.identity, model);
    let from = q.identity;
    if (!('error' in identity)) {
      if (identity.kind === 'ServiceAccount') place(from, boxOf(identity.label.split('/')[0]!), 'serviceaccount', 'serviceaccount', `SA ${identity.label.split('/')[1]}`, `ServiceAccount ${identity.label}`);
      else if (identity.kind === 'User') place(from, 'outside', 'subject', 'user', `User\n${identity.label}`, `User ${identity.label}`);
      else if (identity.kind === 'Group') place(from, 'outside', 'subject', 'group', `Group\n${identity.label}`, `Group ${identity.label}`);
      else from = q.identity; // pods are placed above
    }
    const allowed = q.cells.filter((c) => c.allowed);
    const verdict = allowed.length === q.cells.length ? 'allowed' : allowed.length === 0 ? 'denied' : 'mixed';
    const wrong = q.cells.find((c) => (c.allowed ? 'allowed' : 'denied') !== c.expected);
    const verbs = [...new Set(allowed.map((c) => c.verb))];
    edges.push({
      id: q.id,
      source: from,
      target,
      kind: 'question',
      verdict,
      ...(wrong ? { shouldBe: wrong.expected } : {}),
      label: verbs.length === 0 ? '✗' : verdict === 'allowed' ? '✓' : verbs.join(' '),
    });
  }

  // Layout: the cluster-wide box first, then namespaces by name; the outside column on the left.
  const boxes = [...columns.keys()].filter((b) => b !== 'outside').sort((a, b) => (a === CLUSTER_BOX ? -1 : b === CLUSTER_BOX ? 1 : a < b ? -1 : 1));
  for (const ns of model.namespaces) if (!columns.has(`ns:${ns}`)) boxes.push(`ns:${ns}`);
  let y = 0;
  for (const box of boxes) {
    const cols = columns.get(box);
    // Resources wrap into side-by-side columns once they outnumber the box's other rows (at least 3 a column),
    // so a lesson asking about many resources does not make its box tall and the whole graph small.
    const others = cols ? Math.max(1, ...(Object.keys(COL) as (keyof typeof COL)[]).filter((c) => c !== 'resource').map((c) => cols[c].length)) : 1;
    const perColumn = Math.max(3, others);
    const resources = cols?.resource.length ?? 0;
    const rows = Math.max(others, Math.min(resources, perColumn));
    const title = box === CLUSTER_BOX ? 'cluster-wide' : box.slice(3);
    nodes.push({ id: box, kind: 'namespace', label: cols ? '' : title });
    if (cols) {
      const xs = (Object.keys(COL) as (keyof typeof COL)[]).filter((c) => cols[c].length > 0).map((c) => COL[c]);
      nodes.push({ id: `${box}#label`, kind: 'namespace-label', label: box === CLUSTER_BOX ? 'cluster-wide (ClusterRoles, ClusterRoleBindings)' : title === '*' ? 'every namespace (asked with no namespace, like -A)' : `namespace ${title}`, position: { x: (Math.min(...xs) + Math.max(...xs) + (resources > perColumn ? RESOURCE_DX : 0)) / 2, y: y - LABEL_ABOVE } });
      for (const column of Object.keys(COL) as (keyof typeof COL)[]) {
        const ids = cols[column].sort();
        const inColumn = column === 'resource' ? Math.min(ids.length, perColumn) : ids.length;
        const offset = ((rows - inColumn) * ROW) / 2;
        ids.forEach((id, i) => {
          const l = labels.get(id)!;
          const sub = column === 'resource' ? Math.floor(i / perColumn) : 0;
          const row = column === 'resource' ? i % perColumn : i;
          nodes.push({ id, kind: l.kind, label: l.label, parent: box, position: { x: COL[column] + sub * RESOURCE_DX, y: y + offset + row * ROW }, tooltip: l.tooltip, ...(l.flag ? { flag: l.flag } : {}) });
        });
      }
    }
    y += rows * ROW + BOX_GAP;
  }
  const outside = (columns.get('outside')?.subject ?? []).sort();
  outside.forEach((id, i) => {
    const l = labels.get(id)!;
    nodes.push({ id, kind: l.kind, label: l.label, position: { x: COL.subject, y: i * ROW * 1.4 }, tooltip: l.tooltip });
  });
  // Edges only between drawn nodes (a pod's ServiceAccount always is).
  const ids = new Set(nodes.map((n) => n.id));
  return { nodes, edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
}
