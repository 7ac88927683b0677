// Strict field validation as `kubectl apply` gets it from the API server (fieldValidation=Strict): every field a
// kind's type does not have, at any level, is one `unknown-field` error at the key with a "did you mean", whichever
// topics read the object. The property runs over every field of every type every topic's kinds reach.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../core/index';
import { parseSources, readObjects, type Diagnostic, type KindReader, type Shape } from '../kube/index';
import { TOPICS } from './index';
import { netpolTopic } from './netpol/topic';
import { podSecurityTopic } from './pod-security/topic';
import { rbacTopic } from './rbac/topic';
import { SubjectAccessReviewKind } from './rbac/reviews';

/** Every kind a topic reads, and the reviews `cks-lab can-i --reviews` reads. */
const KINDS: readonly KindReader[] = [...new Set([...TOPICS.flatMap((t) => t.kinds), SubjectAccessReviewKind as KindReader])];

/** A place a type is used: the JSON keys (list items as 0) from the object's root, and the path as messages write it. */
interface Site {
  kind: KindReader;
  keys: readonly (string | 0)[];
  path: string;
  shape: Shape;
}

/** Each type each kind reaches, at the first place it is reached. */
function sites(kind: KindReader): Site[] {
  const out: Site[] = [];
  const seen = new Set<Shape>();
  const visit = (shape: Shape, keys: (string | 0)[], path: string): void => {
    if (seen.has(shape)) return;
    seen.add(shape);
    out.push({ kind, keys, path, shape });
    for (const [key, field] of Object.entries(shape.fields)) {
      if (field === '') continue;
      const at = path ? `${path}.${key}` : key;
      if (Array.isArray(field)) visit(field[0] as Shape, [...keys, key, 0], `${at}[0]`);
      else visit(field as Shape, [...keys, key], at);
    }
  };
  visit(kind.shape, [], '');
  return out;
}

const SITES = KINDS.flatMap(sites);
const FIELDS = SITES.flatMap((site) => Object.keys(site.shape.fields).map((field) => ({ site, field })));

/** An object of the site's kind with `field` (null) set at the site. */
function documentWith(site: Site, field: string): string {
  const root: Record<string, unknown> = { apiVersion: site.kind.apiVersion, kind: site.kind.kind };
  let node: Record<string, unknown> | unknown[] = root;
  site.keys.forEach((key, i) => {
    const next: Record<string, unknown> | unknown[] = typeof site.keys[i + 1] === 'number' ? [] : {};
    if (Array.isArray(node)) node.push(next);
    else node[key] = next;
    node = next;
  });
  if (!Array.isArray(node)) node[field] = null;
  return JSON.stringify(root);
}

function unknownFields(text: string, kinds: readonly KindReader[] = KINDS): Diagnostic[] {
  const parsed = parseSources([{ file: 'x.json', text }]);
  expect(parsed.diagnostics).toEqual([]);
  return readObjects(parsed.documents, kinds).diagnostics.filter((d) => d.code === 'unknown-field');
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

describe('every field of every type read is accepted, and a misspelling of it is not', () => {
  it('reaches the types the issue names', () => {
    const names = new Set(SITES.map((s) => s.shape.name));
    for (const name of ['PodSpec', 'Container', 'EphemeralContainer', 'ContainerPort', 'SecurityContext', 'PodSecurityContext', 'Volume', 'DeploymentSpec',
      'DeploymentStrategy', 'StatefulSetSpec', 'DaemonSetSpec', 'ReplicaSetSpec', 'JobSpec', 'CronJobSpec', 'JobTemplateSpec', 'ReplicationControllerSpec',
      'PodTemplateSpec', 'LabelSelector', 'ObjectMeta', 'NamespaceSpec', 'PolicyRule', 'AggregationRule', 'Subject', 'RoleRef', 'NetworkPolicySpec',
      'IPBlock', 'ExternalEndpointSpec', 'PodSecurityConfiguration', 'AdmissionConfiguration', 'SubjectAccessReviewSpec']) {
      expect(names, name).toContain(name);
    }
  });

  it('every field of every type, at the first place each kind reaches it, is accepted', () => {
    const rejected = FIELDS.filter(({ site, field }) => unknownFields(documentWith(site, field), [site.kind]).length > 0).map(({ site, field }) => `${site.kind.kind} ${site.path}.${field}`);
    expect(rejected).toEqual([]);
    expect(FIELDS.length).toBeGreaterThan(1000);
  });

  it('a misspelt field (case changed, a letter doubled or dropped) is one unknown-field error at its key, naming the nearest field', () => {
    const misspell = (field: string, how: number): string => {
      if (how === 0 && /^[a-z]/.test(field)) return field[0]!.toUpperCase() + field.slice(1); // `Containers`: keys are case-sensitive
      if (how === 1 && field.length > 3) return field.slice(0, 1) + field.slice(2); // `cntainers`
      return field + field.slice(-1); // `containerss`
    };
    fc.assert(
      fc.property(fc.nat(FIELDS.length - 1), fc.nat(2), (index, how) => {
        const { site, field } = FIELDS[index]!;
        const fields = Object.keys(site.shape.fields);
        const wrong = misspell(field, how);
        // Without its apiVersion or kind a document is no object of the kind (`missing-field`), not one with an extra field.
        fc.pre(!fields.includes(wrong) && !(site.path === '' && (field === 'apiVersion' || field === 'kind')));
        const text = documentWith(site, field).replace(`"${field}":null`, `"${wrong}":null`);
        const errors = unknownFields(text, [site.kind]);
        expect(errors, `${site.kind.kind} ${site.path}.${wrong}`).toHaveLength(1);
        const [d] = errors as [Diagnostic];
        expect([d.severity, d.line, d.col]).toEqual(['error', 1, text.indexOf(`"${wrong}":null`) + 1]);
        const m = /^unknown field (\S+); did you mean (\S+)\?(?: \(|$)/.exec(d.message);
        expect(m?.[1], d.message).toBe(site.path ? `${site.path}.${wrong}` : wrong);
        const best = Math.min(...fields.map((f) => editDistance(wrong.toLowerCase(), f.toLowerCase())));
        expect(editDistance(wrong.toLowerCase(), m![2]!.toLowerCase())).toBe(best);
        expect(fields).toContain(m![2]);
      }),
      { numRuns: 600, seed: 20250101 },
    );
  });
});

const POD_TYPO = `apiVersion: v1
kind: Pod
metadata:
  name: web
  lables:
    app: web
spec:
  containres:
  - name: app
    image: nginx
`;

const messages = (ds: readonly Diagnostic[]): string[] => ds.map((d) => `${d.line}:${d.col} ${d.severity}[${d.code}] ${d.message}`);

describe('a misspelt field is an error in every topic, reported once', () => {
  const expected = [
    '5:3 error[unknown-field] unknown field metadata.lables; did you mean labels? (Pod default/web)',
    '8:3 error[unknown-field] unknown field spec.containres; did you mean containers? (Pod default/web)',
  ];

  for (const topics of [[netpolTopic], [rbacTopic], [podSecurityTopic], [netpolTopic, podSecurityTopic], TOPICS]) {
    it(`read by ${topics.map((t) => t.id).join(' and ')}`, () => {
      const a = analyze({ topics, attempt: [{ file: 'pod.yaml', text: POD_TYPO }] });
      expect(a.status).toBe('invalid');
      expect(messages(a.diagnostics)).toEqual(expected);
    });
  }

  it('in a workload template, a Role, a binding, a NetworkPolicy and an ExternalEndpoint', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  stratgy: {type: Recreate}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - {name: app, image: nginx, port: [{containerPort: 80}]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: r}
rules:
- {verb: [get], apiGroups: [""], resources: [pods]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: b}
roleRef: {kind: Role, name: r, apiGroup: rbac.authorization.k8s.io}
subject: []
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p}
spec:
  podSelector: {matchLabel: {app: web}}
---
apiVersion: cks-lab/v1
kind: ExternalEndpoint
metadata: {name: db}
spec: {ip: 10.0.0.1, port: [{port: 5432}]}
`;
    const a = analyze({ topics: TOPICS, attempt: [{ file: 'x.yaml', text }] });
    expect(messages(a.diagnostics.filter((d) => d.code === 'unknown-field'))).toEqual([
      '6:3 error[unknown-field] unknown field spec.stratgy; did you mean strategy? (Deployment default/web)',
      '11:35 error[unknown-field] unknown field spec.template.spec.containers[0].port; did you mean ports? (Deployment default/web)',
      '17:4 error[unknown-field] unknown field rules[0].verb; did you mean verbs? (Role default/r)',
      '23:1 error[unknown-field] unknown field subject; did you mean subjects? (RoleBinding default/b)',
      '29:17 error[unknown-field] unknown field spec.podSelector.matchLabel; did you mean matchLabels? (NetworkPolicy default/p)',
      '34:22 error[unknown-field] unknown field spec.port; did you mean ports? (ExternalEndpoint db)',
    ]);
  });

  it('a field far from any is an error too, naming the type', () => {
    const a = analyze({ topics: [netpolTopic], attempt: [{ file: 'pod.yaml', text: POD_TYPO.replace('containres', 'zzzzzzzz') }] });
    expect(messages(a.diagnostics)).toContain('8:3 error[unknown-field] unknown field spec.zzzzzzzz; PodSpec has no such field (Pod default/web)');
  });
});

describe('a near miss of any kind read is an unknown-kind error with a "did you mean"', () => {
  const kindError = (apiVersion: string, kind: string): string[] =>
    messages(readObjects(parseSources([{ file: 'x.yaml', text: `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: x}\n` }]).documents, KINDS).diagnostics);

  it('the examples: NetworkPolicies, Rolebinding, Deployments, pod', () => {
    expect(kindError('networking.k8s.io/v1', 'NetworkPolicies')[0]).toMatch(/^2:7 error\[unknown-kind\] kind NetworkPolicies is not evaluated by the lab \(did you mean NetworkPolicy\?\)/);
    expect(kindError('rbac.authorization.k8s.io/v1', 'Rolebinding')[0]).toMatch(/did you mean RoleBinding\?/);
    expect(kindError('apps/v1', 'Deployments')[0]).toMatch(/did you mean Deployment\?/);
    expect(kindError('v1', 'pod')[0]).toMatch(/did you mean Pod\?/);
  });

  it('every kind read, in lower case or plural', () => {
    for (const k of KINDS) {
      for (const wrong of [k.kind.toLowerCase(), `${k.kind}s`]) {
        const [first] = kindError(k.apiVersion, wrong);
        expect(first, wrong).toMatch(new RegExp(`error\\[unknown-kind\\] kind ${wrong} is not evaluated by the lab \\(did you mean ${k.kind}\\?\\)`));
      }
    }
  });
});
