// Tests of the editor's JSON Schema: well-formed draft-07 (known keywords only), every description translated,
// the RBAC kinds and ServiceAccount present and strict, checked by validating sample documents with a small
// validator of the keywords the schema uses.
import { describe, expect, it } from 'vitest';
import { K8S_SCHEMA, k8sSchema } from './k8s-schema';
import { SCHEMA_JA } from './k8s-schema.ja';

type Schema = Record<string, unknown>;

const KEYWORDS = new Set([
  '$schema', 'type', 'description', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'const',
  'anyOf', 'allOf', 'oneOf', 'if', 'then', 'else', 'not', 'minItems', 'examples',
]);
const TYPES = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean', 'null']);

const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every sub-schema, with its path, walking only the keywords whose values are schemas. */
function* schemas(schema: Schema, path = '#'): Generator<[string, Schema]> {
  yield [path, schema];
  for (const key of ['items', 'if', 'then', 'else', 'not', 'additionalProperties']) {
    const sub = schema[key];
    if (isSchema(sub)) yield* schemas(sub, `${path}/${key}`);
  }
  if (isSchema(schema.properties)) {
    for (const [name, sub] of Object.entries(schema.properties)) if (isSchema(sub)) yield* schemas(sub, `${path}/properties/${name}`);
  }
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = schema[key];
    if (Array.isArray(list)) for (const [i, sub] of list.entries()) if (isSchema(sub)) yield* schemas(sub, `${path}/${key}/${i}`);
  }
}

function descriptions(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => descriptions(v, out));
  else if (isSchema(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'description' && typeof v === 'string') out.push(v);
      else descriptions(v, out);
    }
  }
  return out;
}

/** The validation errors of a value against the subset of draft-07 the schema uses. */
function validate(schema: Schema, value: unknown, path = ''): string[] {
  const errors: string[] = [];
  const typeOf = (v: unknown): string =>
    v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v;
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    const t = typeOf(value);
    if (!types.includes(t) && !(t === 'integer' && types.includes('number'))) errors.push(`${path}: type ${t}, want ${types.join('|')}`);
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errors.push(`${path}: ${JSON.stringify(value)} not in enum`);
  if ('const' in schema && schema.const !== value) errors.push(`${path}: ${JSON.stringify(value)} is not ${JSON.stringify(schema.const)}`);
  if (isSchema(value)) {
    const props = isSchema(schema.properties) ? schema.properties : {};
    for (const key of (schema.required as string[] | undefined) ?? []) if (!(key in value)) errors.push(`${path}: missing ${key}`);
    for (const [key, v] of Object.entries(value)) {
      const sub = props[key];
      if (isSchema(sub)) errors.push(...validate(sub, v, `${path}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${path}.${key}: not allowed`);
      else if (isSchema(schema.additionalProperties)) errors.push(...validate(schema.additionalProperties, v, `${path}.${key}`));
    }
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) errors.push(`${path}: fewer than ${schema.minItems} items`);
    if (isSchema(schema.items)) value.forEach((v, i) => errors.push(...validate(schema.items as Schema, v, `${path}[${i}]`)));
  }
  for (const sub of (schema.allOf as Schema[] | undefined) ?? []) errors.push(...validate(sub, value, path));
  if (Array.isArray(schema.anyOf) && !(schema.anyOf as Schema[]).some((sub) => validate(sub, value, path).length === 0)) {
    errors.push(`${path}: matches no anyOf branch`);
  }
  if (isSchema(schema.if) && validate(schema.if, value, path).length === 0 && isSchema(schema.then)) {
    errors.push(...validate(schema.then, value, path));
  }
  return errors;
}

const check = (doc: unknown): string[] => validate(K8S_SCHEMA, doc);

/** The `then` schema the top-level allOf applies to a kind. */
function kindSchema(kind: string): Schema {
  for (const entry of K8S_SCHEMA.allOf as Schema[]) {
    const cond = (entry.if as Schema | undefined)?.properties as Schema | undefined;
    if ((cond?.kind as Schema | undefined)?.const === kind) return entry.then as Schema;
  }
  throw new Error(`no schema for ${kind}`);
}
const at = (schema: Schema, ...path: string[]): Schema =>
  path.reduce<Schema>((s, key) => {
    const next = key === '[]' ? s.items : (s.properties as Schema | undefined)?.[key];
    if (!isSchema(next)) throw new Error(`no ${path.join('.')}`);
    return next;
  }, schema);

const RBAC_KINDS = ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'];

// ---- structure -----------------------------------------------------------------------------------------------------

describe('K8S_SCHEMA structure', () => {
  it('is draft-07 with known keywords, valid types, non-empty enums and closed objects requiring only their properties', () => {
    expect(K8S_SCHEMA.$schema).toBe('http://json-schema.org/draft-07/schema#');
    for (const [path, s] of schemas(K8S_SCHEMA)) {
      for (const key of Object.keys(s)) expect(KEYWORDS.has(key), `${path}: unknown keyword ${key}`).toBe(true);
      if (s.type !== undefined) {
        for (const t of Array.isArray(s.type) ? s.type : [s.type]) expect(TYPES.has(t as string), `${path}: type ${String(t)}`).toBe(true);
      }
      if (s.enum !== undefined) expect(Array.isArray(s.enum) && s.enum.length > 0, `${path}: enum`).toBe(true);
      if (s.required !== undefined) expect(Array.isArray(s.required), `${path}: required`).toBe(true);
      if (s.additionalProperties === false && isSchema(s.properties)) {
        for (const key of s.required as string[] | undefined ?? []) expect(key in s.properties, `${path}: requires ${key}`).toBe(true);
      }
      if (s.description !== undefined) expect(typeof s.description, `${path}: description`).toBe('string');
    }
  });

  it('survives a JSON round trip (what monaco-yaml is handed)', () => {
    expect(JSON.parse(JSON.stringify(K8S_SCHEMA))).toEqual(K8S_SCHEMA);
  });
});

describe('Japanese descriptions', () => {
  it('has a Japanese text for every English description, and no text for one that is gone', () => {
    const english = new Set(descriptions(K8S_SCHEMA));
    expect([...english].filter((d) => !(d in SCHEMA_JA))).toEqual([]);
    expect(Object.keys(SCHEMA_JA).filter((k) => !english.has(k))).toEqual([]);
    for (const ja of Object.values(SCHEMA_JA)) expect(ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it('k8sSchema("ja") leaves no English description, and k8sSchema("en") is the schema itself', () => {
    const english = new Set(descriptions(K8S_SCHEMA));
    expect(descriptions(k8sSchema('ja', SCHEMA_JA)).filter((d) => english.has(d))).toEqual([]);
    expect(k8sSchema('en', SCHEMA_JA)).toEqual(K8S_SCHEMA);
  });
});

// ---- the RBAC kinds ------------------------------------------------------------------------------------------------

describe('RBAC kinds and ServiceAccount', () => {
  it('are offered as kinds, each with its apiVersion and closed at the top level', () => {
    const kinds = ((K8S_SCHEMA.properties as Schema).kind as Schema).anyOf as Schema[];
    for (const kind of [...RBAC_KINDS, 'ServiceAccount']) {
      expect(kinds[0]?.enum).toContain(kind);
      const then = kindSchema(kind);
      expect(then.additionalProperties).toBe(false);
      expect(at(then, 'apiVersion').const).toBe(kind === 'ServiceAccount' ? 'v1' : 'rbac.authorization.k8s.io/v1');
    }
  });

  it('have the API\'s enums: roleRef kinds, subject kinds, the RBAC group', () => {
    expect(at(kindSchema('RoleBinding'), 'roleRef', 'kind').enum).toEqual(['Role', 'ClusterRole']);
    expect(at(kindSchema('ClusterRoleBinding'), 'roleRef', 'kind').enum).toEqual(['ClusterRole']);
    for (const kind of ['RoleBinding', 'ClusterRoleBinding']) {
      expect(at(kindSchema(kind), 'roleRef', 'apiGroup').enum).toEqual(['rbac.authorization.k8s.io']);
      expect(at(kindSchema(kind), 'subjects', '[]', 'kind').enum).toEqual(['User', 'Group', 'ServiceAccount']);
    }
    const verbs = at(kindSchema('Role'), 'rules', '[]', 'verbs', '[]').anyOf as Schema[];
    expect(verbs[0]?.enum).toEqual(expect.arrayContaining(['get', 'list', 'watch', 'create', 'bind', 'escalate', 'impersonate', '*']));
    expect(at(kindSchema('ClusterRole'), 'aggregationRule', 'clusterRoleSelectors').minItems).toBe(1);
  });

  it('accepts the documents of the RBAC docs', () => {
    const docs = [
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: { namespace: 'default', name: 'pod-reader' },
        rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'watch', 'list'] }],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: 'monitoring' },
        aggregationRule: { clusterRoleSelectors: [{ matchLabels: { 'rbac.example.com/aggregate-to-monitoring': 'true' } }] },
        rules: [],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: 'health' },
        rules: [{ nonResourceURLs: ['/healthz', '/healthz/*'], verbs: ['get', 'post'] }],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: 'read-secrets', namespace: 'development' },
        subjects: [{ kind: 'User', name: 'dave', apiGroup: 'rbac.authorization.k8s.io' }, { kind: 'ServiceAccount', name: 'default' }],
        roleRef: { kind: 'ClusterRole', name: 'secret-reader', apiGroup: 'rbac.authorization.k8s.io' },
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: 'read-secrets-global' },
        subjects: [{ kind: 'Group', name: 'manager' }, { kind: 'ServiceAccount', name: 'ci', namespace: 'ci' }],
        roleRef: { kind: 'ClusterRole', name: 'secret-reader' },
      },
      {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: 'build-robot', namespace: 'ci' },
        automountServiceAccountToken: false,
        imagePullSecrets: [{ name: 'registry' }],
        secrets: [{ name: 'legacy-token' }],
      },
    ];
    for (const doc of docs) expect(check(doc), `${doc.kind}/${doc.metadata.name}`).toEqual([]);
  });

  it('allows custom verbs and resources (CRDs), but not unknown fields', () => {
    const role = (rule: Schema): Schema => ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'r' }, rules: [rule] });
    expect(check(role({ apiGroups: ['example.com'], resources: ['widgets'], verbs: ['frobnicate'] }))).toEqual([]);
    expect(check(role({ apiGroups: [''], resources: ['pods'], verb: ['get'] }))).toEqual(['.rules[0]: missing verbs', '.rules[0].verb: not allowed']);
    expect(check(role({ apiGroups: [''], resources: ['pods'], verbs: [] }))).toEqual(['.rules[0].verbs: fewer than 1 items']);
    // A Role's rules cannot hold non-resource URLs.
    expect(check(role({ nonResourceURLs: ['/healthz'], verbs: ['get'] }))).toEqual(['.rules[0].nonResourceURLs: not allowed']);
    expect(check({ ...role({ apiGroups: [''], resources: ['pods'], verbs: ['get'] }), aggregationRule: {} })).toEqual(['.aggregationRule: not allowed']);
    expect(check({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 's' }, automount: false })).toEqual(['.automount: not allowed']);
  });

  it('rejects a ClusterRoleBinding to a Role, a wrong roleRef group, an unknown subject kind and an SA without namespace', () => {
    const crb = (roleRef: Schema, subjects: Schema[] = []): Schema => ({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'b' },
      roleRef,
      subjects,
    });
    expect(check(crb({ kind: 'Role', name: 'r' }))).toEqual(['.roleRef.kind: "Role" not in enum']);
    expect(check(crb({ kind: 'ClusterRole', name: 'r', apiGroup: 'rbac' }))).toEqual(['.roleRef.apiGroup: "rbac" not in enum']);
    expect(check(crb({ kind: 'ClusterRole', name: 'r' }, [{ kind: 'user', name: 'alice' }]))).toEqual(['.subjects[0].kind: "user" not in enum']);
    expect(check(crb({ kind: 'ClusterRole', name: 'r' }, [{ kind: 'ServiceAccount', name: 'sa' }]))).toEqual(['.subjects[0]: missing namespace']);
    expect(check(crb({ kind: 'ClusterRole', name: 'r' }, [{ kind: 'ServiceAccount', name: 'sa', namespace: 'a', apiGroup: 'rbac.authorization.k8s.io' }]))).toEqual([
      '.subjects[0].apiGroup: "rbac.authorization.k8s.io" is not ""',
    ]);
    const rb = { ...crb({ name: 'r' }), kind: 'RoleBinding' };
    expect(check(rb)).toEqual(['.roleRef: missing kind']);
    expect(check({ ...rb, roleRef: { kind: 'Role', name: 'r' }, subjects: [{ kind: 'ServiceAccount', name: 'sa' }] })).toEqual([]);
  });
});

// ---- pods and workloads --------------------------------------------------------------------------------------------

describe('pods and pod templates', () => {
  const spec = { serviceAccountName: 'app', automountServiceAccountToken: false, containers: [{ name: 'c', image: 'nginx' }] };

  it('describe serviceAccountName and automountServiceAccountToken', () => {
    const pod = kindSchema('Pod');
    expect(at(pod, 'spec', 'serviceAccountName').type).toBe('string');
    expect(at(pod, 'spec', 'automountServiceAccountToken').type).toBe('boolean');
    expect(check({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec })).toEqual([]);
    expect(check({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { ...spec, automountServiceAccountToken: 'no' } })).toEqual([
      '.spec.automountServiceAccountToken: type string, want boolean',
    ]);
  });

  it('reach the pod spec of every workload kind', () => {
    const template = { metadata: { labels: { app: 'a' } }, spec };
    const docs = [
      ...['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'].map((kind) => ({ apiVersion: 'apps/v1', kind, spec: { selector: { matchLabels: { app: 'a' } }, template } })),
      { apiVersion: 'batch/v1', kind: 'Job', spec: { template } },
      { apiVersion: 'batch/v1', kind: 'CronJob', spec: { jobTemplate: { spec: { template } } } },
    ];
    for (const doc of docs) {
      expect(check({ ...doc, metadata: { name: 'w' } }), doc.kind).toEqual([]);
      const bad = JSON.parse(JSON.stringify(doc).replace('"automountServiceAccountToken":false', '"automountServiceAccountToken":1')) as Schema;
      expect(check({ ...bad, metadata: { name: 'w' } }).join(), doc.kind).toContain('automountServiceAccountToken: type integer, want boolean');
    }
  });

  it('still accepts the NetworkPolicy of the existing lessons and rejects its unknown fields', () => {
    const np = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'db', namespace: 'prod' },
      spec: { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: {} }], ports: [{ port: 5432 }] }] },
    };
    expect(check(np)).toEqual([]);
    expect(check({ ...np, spec: { ...np.spec, podSelecter: {} } })).toEqual(['.spec.podSelecter: not allowed']);
  });
});
