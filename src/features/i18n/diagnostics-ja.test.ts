// Every diagnostic the learner can meet in the editor reads entirely in Japanese in the Japanese view: the
// engine's own Japanese sentence, with paths, values and names as written, and no English sentence left over.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/index';
import { MAX_DEPTH, MAX_INPUT_CHARS, formatDiagnostic, parseSources, readObjects, type Diagnostic } from '../../kube/index';
import { TOPICS } from '../../topics/index';
import { SubjectAccessReviewKind } from '../../topics/rbac/reviews';
import { DIAGNOSTICS_JA, diagnosticText } from './diagnostics-ja';

const FILE = 'editor.yaml';
const ns = (name: string): string => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;
const np = (spec: string, name = 'np'): string => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\nspec:\n${spec}`;
const pod = (spec: string, meta = '  name: web\n'): string => `apiVersion: v1\nkind: Pod\nmetadata:\n${meta}spec:\n${spec}`;
const role = (body: string, kind = 'Role'): string => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: r\n${body}`;
const binding = (body: string, kind = 'RoleBinding'): string => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: b\n${body}`;
const c = '  containers:\n  - name: app\n    image: nginx\n';

/** One text per message shape, named by the code it must produce. */
const CASES: readonly [code: string, text: string][] = [
  ['yaml-syntax', 'a: b: c\n'],
  ['yaml-syntax', 'a:\n  b: 1\n c: 2\n'],
  ['yaml-syntax', 'a:\n   - x\n  - y\n'],
  ['yaml-syntax', 'a: {b: 1\nc: 2\n'],
  ['yaml-syntax', 'a: [1, 2\nc: 2\n'],
  ['yaml-syntax', 'a:\n\tb: 1\n'],
  ['yaml-syntax', 'a: "open\n'],
  ['yaml-syntax', 'a: 1\na: 2\n'],
  ['yaml-syntax', 'a: }\n'],
  ['yaml-syntax', 'a: ]\n'],
  ['yaml-syntax', 'a: *nowhere\n'],
  ['yaml-syntax', 'key: value\n? complex\n: %bad\n'],
  ['yaml-syntax', 'a: 1\n--- !\n@x\n'],
  ['json-syntax', '{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "a"},}\n'],
  ['json-syntax', '{"apiVersion": "v1", // a comment\n "kind": "Namespace"}\n'],
  ['json-syntax', "{'apiVersion': 'v1'}\n"],
  ['json-syntax', '{apiVersion: v1, kind: Namespace}\n'],
  ['json-syntax', '{"a": "\\q"}\n'],
  ['json-syntax', '{"a": "\\u12"}\n'],
  ['json-syntax', '{"a": 01}\n'],
  ['json-syntax', '{"a": [1 2]}\n'],
  ['json-syntax', '{"a" 1}\n'],
  ['json-syntax', '{"a": "open\n'],
  ['json-syntax', '{"a": '],
  ['too-large', 'a'.repeat(MAX_INPUT_CHARS + 1)],
  ['too-deep', `a: ${'['.repeat(MAX_DEPTH + 2)}${']'.repeat(MAX_DEPTH + 2)}\n`],
  ['alias-limit', `a: &a [${'x,'.repeat(99)}x]\n${Array.from({ length: 5 }, (_, i) => `${'bcdef'[i]}: &${'bcdef'[i]} [${Array(100).fill(`*${i === 0 ? 'a' : 'bcdef'[i - 1]}`).join(',')}]`).join('\n')}\n`],
  ['wrong-type', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: {? [a]: b}\n'],
  ['wrong-type', 'base: 1\nmerged:\n  <<: *nope\n'.replace('*nope', '[1]')],
  ['not-an-object', '- a\n- b\n'],
  ['not-an-object', 'apiVersion: v1\nkind: List\nitems:\n- 5\n'],
  ['missing-field', 'apiVersion: v1\nmetadata: {}\n'],
  ['missing-field', 'kind: Pod\nmetadata: {name: x}\n'],
  ['missing-field', 'apiVersion: v1\nkind: Pod\nmetadata: {}\n'],
  ['missing-field', pod(`${c}    ports:\n    - name: http\n`)],
  ['missing-field', np('  podSelector:\n    matchExpressions:\n    - operator: In\n      values: [a]\n')],
  ['missing-field', np('  podSelector:\n    matchExpressions:\n    - key: a\n')],
  ['missing-field', np('  podSelector:\n    matchExpressions:\n    - null\n')],
  ['missing-field', np('  podSelector: {}\n  ingress:\n  - from:\n    - ipBlock: {}\n')],
  ['missing-field', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    metadata: {labels: {app: a}}\n    spec:\n  ' + c.replace(/\n {2}/g, '\n    ')],
  ['missing-field', 'apiVersion: cks-lab/v1\nkind: ExternalEndpoint\nmetadata: {name: e}\n'],
  ['missing-field', 'apiVersion: cks-lab/v1\nkind: ExternalEndpoint\nmetadata: {name: e}\nspec:\n  ip: 1.2.3.4\n  ports:\n  - protocol: TCP\n'],
  ['missing-field', pod('  containers:\n  - image: nginx\n')],
  ['missing-field', pod(`${c}    securityContext:\n      seccompProfile: {localhostProfile: x}\n`)],
  ['missing-field', pod(`${c}    securityContext:\n      seccompProfile: {type: Localhost}\n`)],
  ['wrong-type', np('  podSelector: []\n')],
  ['wrong-type', np('  podSelector: {}\n  ingress: {}\n')],
  ['wrong-type', np('  podSelector: {}\n  policyTypes: [Ingress]\n  ingress:\n  - ports:\n    - port: true\n')],
  ['wrong-type', np('  podSelector: {}\n  ingress:\n  - ports:\n    - port: 80\n      endPort: "x"\n')],
  ['wrong-type', pod(`${c}  hostNetwork: "yes"\n`)],
  ['wrong-type', pod(`  nodeName: 5\n${c}`)],
  ['unknown-field', np('  podSelectr: {}\n')],
  ['unknown-field', np('  podSelector: {}\n  zzzzzzzzzz: 1\n')],
  ['unknown-field', pod(`${c}    securityContext:\n      privilegd: true\n`)],
  ['unknown-field', pod(`${c}    securityContext:\n      zzzzzzzzzz: true\n`)],
  ['unknown-field', pod(`${c}    zzzzzzzzzzzz: 1\n`)],
  ['duplicate', np('  podSelector: {}\n') + '---\n' + np('  podSelector: {}\n')],
  ['duplicate', pod(`${c}    ports:\n    - {name: http, containerPort: 80}\n    - {name: http, containerPort: 81}\n`)],
  ['duplicate', pod(c) + '---\n' + pod(c)],
  ['duplicate', role('rules: []\n') + '---\n' + role('rules: []\n')],
  ['duplicate', 'apiVersion: pod-security.admission.config.k8s.io/v1\nkind: PodSecurityConfiguration\nexemptions:\n  namespaces: [a, a]\n'],
  ['duplicate', 'apiVersion: pod-security.admission.config.k8s.io/v1\nkind: PodSecurityConfiguration\n---\napiVersion: pod-security.admission.config.k8s.io/v1\nkind: PodSecurityConfiguration\n'],
  ['invalid-name', np('  podSelector: {}\n', 'Bad_Name')],
  ['invalid-name', ns('x'.repeat(70))],
  ['invalid-name', pod(c, '  name: web\n  namespace: Bad_NS\n')],
  ['invalid-name', pod(`  serviceAccountName: Bad_SA\n${c}`)],
  ['invalid-name', 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: a.b}\nspec:\n  selector: {matchLabels: {app: a}}\n  template:\n    metadata: {labels: {app: a}}\n    spec:\n      containers: [{name: c, image: i}]\n'],
  ['invalid-name', `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: ${'c'.repeat(53)}}\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{name: c, image: i}]\n`],
  ['invalid-name', role('rules: []\n').replace('name: r', 'name: a/b')],
  ['invalid-label', pod(c, '  name: web\n  labels:\n    a/b/c: x\n')],
  ['invalid-label', pod(c, '  name: web\n  labels:\n    /x: x\n')],
  ['invalid-label', pod(c, '  name: web\n  labels:\n    Bad_Prefix/x: x\n')],
  ['invalid-label', pod(c, `  name: web\n  labels:\n    ${'k'.repeat(64)}: x\n`)],
  ['invalid-label', pod(c, '  name: web\n  labels:\n    "a/": x\n')],
  ['invalid-label', pod(c, '  name: web\n  labels:\n    "-x": x\n')],
  ['invalid-label', pod(c, '  name: web\n  labels:\n    a: -bad-\n')],
  ['invalid-label', pod(c, `  name: web\n  labels:\n    a: ${'v'.repeat(64)}\n`)],
  ['invalid-label', np('  podSelector:\n    matchExpressions:\n    - {key: "-k", operator: Exists}\n')],
  ['invalid-label', np('  podSelector:\n    matchExpressions:\n    - {key: k, operator: In, values: [-v-]}\n')],
  ['label-not-string', pod(c, '  name: web\n  labels:\n    tier: 1\n')],
  ['label-not-string', pod(c, '  name: web\n  labels:\n    tier: [a]\n')],
  ['label-not-string', np('  podSelector:\n    matchExpressions:\n    - {key: k, operator: In, values: [1]}\n')],
  ['invalid-ip', 'apiVersion: cks-lab/v1\nkind: ExternalEndpoint\nmetadata: {name: e}\nspec:\n  ip: nope\n'],
  ['invalid-cidr', np('  podSelector: {}\n  egress:\n  - to:\n    - ipBlock: {cidr: 10.0.0.0/33}\n')],
  ['invalid-cidr', np('  podSelector: {}\n  egress:\n  - to:\n    - ipBlock: {cidr: 10.0.0.0/8, except: [nope]}\n')],
  ['invalid-cidr', np('  podSelector: {}\n  egress:\n  - to:\n    - ipBlock: {cidr: 10.0.0.0/8, except: [null]}\n')],
  ['except-not-subset', np('  podSelector: {}\n  egress:\n  - to:\n    - ipBlock: {cidr: 10.0.0.0/8, except: [11.0.0.0/8]}\n')],
  ['invalid-port', np('  podSelector: {}\n  ingress:\n  - ports:\n    - port: 70000\n')],
  ['invalid-port', np('  podSelector: {}\n  ingress:\n  - ports:\n    - port: Bad--Name\n')],
  ['invalid-port', np('  podSelector: {}\n  ingress:\n  - ports:\n    - port: a--b\n')],
  ['invalid-port', np('  podSelector: {}\n  ingress:\n  - ports:\n    - port: abcdefghijklmnop\n')],
  ['invalid-port', np('  podSelector: {}\n  ingress:\n  - ports:\n    - port: "123"\n')],
  ['invalid-port', np('  podSelector: {}\n  ingress:\n  - ports:\n    - port: 80\n      endPort: 70000\n')],
  ['invalid-port', pod(`${c}    ports:\n    - containerPort: 0\n`)],
  ['invalid-port', pod(`${c}    ports:\n    - {containerPort: 80, name: Bad}\n`)],
  ['invalid-port', 'apiVersion: cks-lab/v1\nkind: ExternalEndpoint\nmetadata: {name: e}\nspec:\n  ip: 1.2.3.4\n  ports:\n  - port: 0\n'],
  ['invalid-end-port', np('  podSelector: {}\n  ingress:\n  - ports:\n    - endPort: 90\n')],
  ['invalid-end-port', np('  podSelector: {}\n  ingress:\n  - ports:\n    - {port: http, endPort: 90}\n')],
  ['invalid-end-port', np('  podSelector: {}\n  ingress:\n  - ports:\n    - {port: 90, endPort: 80}\n')],
  ['invalid-protocol', np('  podSelector: {}\n  ingress:\n  - ports:\n    - {port: 80, protocol: tcp}\n')],
  ['invalid-operator', np('  podSelector:\n    matchExpressions:\n    - {key: k, operator: Equals}\n')],
  ['invalid-values', np('  podSelector:\n    matchExpressions:\n    - {key: k, operator: In}\n')],
  ['invalid-values', np('  podSelector:\n    matchExpressions:\n    - {key: k, operator: Exists, values: [a]}\n')],
  ['invalid-selector', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {}\n  template:\n    metadata: {labels: {app: a}}\n    spec:\n      containers: [{name: c, image: i}]\n'],
  ['invalid-selector', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {app: b}}\n  template:\n    metadata: {labels: {app: a}}\n    spec:\n      containers: [{name: c, image: i}]\n'],
  ['invalid-policy-type', np('  podSelector: {}\n  policyTypes: [Ingress, Egress, Ingress]\n')],
  ['invalid-policy-type', np('  podSelector: {}\n  policyTypes: [ingress]\n')],
  ['invalid-policy-type', np('  podSelector: {}\n  policyTypes: [null]\n')],
  ['empty-peer', np('  podSelector: {}\n  ingress:\n  - from:\n    - {}\n')],
  ['mixed-peer', np('  podSelector: {}\n  ingress:\n  - from:\n    - {podSelector: {}, ipBlock: {cidr: 10.0.0.0/8}}\n')],
  ['unsupported-kind', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n'],
  ['unsupported-kind', 'apiVersion: networking.k8s.io/v1beta1\nkind: NetworkPolicy\nmetadata: {name: c}\n'],
  ['unsupported-kind', 'apiVersion: apiserver.config.k8s.io/v1\nkind: AdmissionConfiguration\nplugins:\n- name: PodSecurity\n  path: /etc/x.yaml\n'],
  ['unknown-kind', 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicies\nmetadata: {name: c}\n'],
  ['invalid-value', pod(`  securityContext:\n    runAsUser: -1\n${c}`)],
  ['invalid-value', pod(`  securityContext:\n    seccompProfile: {type: Bogus}\n${c}`)],
  ['invalid-value', pod(`${c}    securityContext:\n      procMount: Bogus\n`)],
  ['invalid-value', pod(`${c}    securityContext:\n      allowPrivilegeEscalation: false\n      privileged: true\n`)],
  ['invalid-value', pod(`${c}    securityContext:\n      allowPrivilegeEscalation: false\n      capabilities: {add: [CAP_SYS_ADMIN]}\n`)],
  ['invalid-value', pod(`${c}  volumes:\n  - {name: v, emptyDir: {}, hostPath: {path: /}}\n`)],
  ['invalid-value', 'apiVersion: pod-security.admission.config.k8s.io/v1\nkind: PodSecurityConfiguration\ndefaults:\n  enforce: strict\n  enforce-version: v2\n'],
  ['invalid-value', 'apiVersion: pod-security.admission.config.k8s.io/v1\nkind: PodSecurityConfiguration\nexemptions:\n  namespaces: [Bad_NS]\n  runtimeClasses: [Bad_RC]\n  usernames: [""]\n'],
  ['invalid-value', 'apiVersion: apiserver.config.k8s.io/v1\nkind: AdmissionConfiguration\nplugins:\n- name: PodSecurity\n  configuration: {apiVersion: v1, kind: Other}\n'],
  ['invalid-rule', role('rules:\n- null\n')],
  ['invalid-rule', role('rules:\n- resources: [pods]\n')],
  ['invalid-rule', role('rules:\n- {verbs: [get], nonResourceURLs: [/x]}\n')],
  ['invalid-rule', role('rules:\n- {verbs: [get], nonResourceURLs: [/x], resources: [pods]}\n', 'ClusterRole')],
  ['invalid-rule', role('rules:\n- {verbs: [get]}\n')],
  ['invalid-aggregation', role('aggregationRule: {}\n', 'ClusterRole')],
  ['invalid-role-ref', binding('subjects: []\n')],
  ['invalid-role-ref', binding('roleRef: {kind: Pod, apiGroup: x, name: ""}\n')],
  ['invalid-role-ref', binding('roleRef: {kind: Role, apiGroup: rbac.authorization.k8s.io, name: a/b}\n')],
  ['invalid-subject', binding('roleRef: {kind: Role, apiGroup: rbac.authorization.k8s.io, name: r}\nsubjects:\n- null\n- {kind: ServiceAccount, name: Bad_SA, apiGroup: x}\n- {kind: ServiceAccount}\n- {kind: User, name: u, apiGroup: x}\n- {kind: Robot, name: u}\n')],
  ['invalid-subject', binding('roleRef: {kind: ClusterRole, apiGroup: rbac.authorization.k8s.io, name: r}\nsubjects:\n- {kind: ServiceAccount, name: sa}\n', 'ClusterRoleBinding')],
  ['missing-role', binding('roleRef: {kind: Role, apiGroup: rbac.authorization.k8s.io, name: nothere}\nsubjects:\n- {kind: User, name: u}\n')],
  ['missing-role', binding('roleRef: {kind: ClusterRole, apiGroup: rbac.authorization.k8s.io, name: nothere}\nsubjects:\n- {kind: User, name: u}\n', 'ClusterRoleBinding')],
];

/** SubjectAccessReviews are read by `cks-lab can-i --reviews`, not the editor; worded both ways all the same. */
const REVIEWS: readonly string[] = [
  'apiVersion: authorization.k8s.io/v1\nkind: SubjectAccessReview\nmetadata: {name: x}\n',
  'apiVersion: authorization.k8s.io/v1\nkind: SubjectAccessReview\nspec:\n  resourceAttributes: {verb: get}\n  nonResourceAttributes: {path: /x}\n',
  'apiVersion: authorization.k8s.io/v1\nkind: SubjectAccessReview\nspec: {user: u}\n',
];

/** Codes only the CLI reports (a flag, a file it cannot read, a links file): they never reach the editor. */
const CLI_ONLY = new Set(['invalid-flag', 'read-failed', 'bad-share-link']);

/**
 * An English sentence left in a Japanese message: three words in a row, or a common English word on its own,
 * outside quoted values ("...", 「...」). Paths, field names, kinds and lists of them are code and stay.
 */
function englishLeft(text: string): string | null {
  const prose = text.replace(/"[^"]*"/g, '""').replace(/「[^」]*」/g, '「」');
  const run = /[A-Za-z]+(?: [A-Za-z]+){2,}/.exec(prose);
  if (run) return run[0];
  const word = /(?<![\w./-])(the|is|are|must|not|be|an?|of|or|and|to|with|when|may|cannot|required|invalid|unknown|value)(?![\w./-])/i.exec(prose);
  return word ? word[0] : null;
}

const diagnosticsOf = (text: string): readonly Diagnostic[] => analyze({ topics: TOPICS, attempt: [{ file: FILE, text }] }).diagnostics;

/** On a lesson's cluster (a base text): a namespace the cluster does not have. */
const LESSON_BASE = [{ file: 'cluster.yaml', text: ns('default') }];

describe('Japanese diagnostics', () => {
  it('finds English prose but not code', () => {
    expect(englishLeft('spec.podSelectr というフィールドはありません。podSelector の誤りではありませんか（NetworkPolicy default/np）')).toBeNull();
    expect(englishLeft('書けるのは name, generateName, namespace です')).toBeNull();
    expect(englishLeft('the text is not valid')).not.toBeNull();
    expect(englishLeft('spec.ip is required')).not.toBeNull();
  });

  it.each(CASES.map(([code, text], i) => [i, code, text] as const))('case %i (%s) reads in Japanese', (_i, code, text) => {
    const diagnostics = diagnosticsOf(text);
    expect(diagnostics.map((d) => d.code)).toContain(code);
    for (const d of diagnostics) {
      expect(d.messageJa, formatDiagnostic(d)).toBeDefined();
      const ja = diagnosticText(d, 'ja');
      expect(englishLeft(ja), `${formatDiagnostic(d)}\n  ja: ${ja}`).toBeNull();
      expect(ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(diagnosticText(d, 'en')).toBe(d.message);
    }
  });

  it('a namespace the lesson’s cluster lacks reads in Japanese', () => {
    const { diagnostics } = analyze({ topics: TOPICS, base: LESSON_BASE, attempt: [{ file: FILE, text: np('  podSelector: {}\n').replace('  name: np\n', '  name: np\n  namespace: prod\n') }] });
    expect(diagnostics.map((d) => d.code)).toEqual(['namespace-not-found']);
    expect(englishLeft(diagnosticText(diagnostics[0]!, 'ja'))).toBeNull();
  });

  it('SubjectAccessReview problems read in Japanese too', () => {
    for (const text of REVIEWS) {
      const parsed = parseSources([{ file: FILE, text }]);
      const { diagnostics } = readObjects(parsed.documents, [SubjectAccessReviewKind]);
      expect(diagnostics.map((d) => d.code)).toContain('invalid-review');
      for (const d of diagnostics) expect(englishLeft(diagnosticText(d, 'ja')), d.message).toBeNull();
    }
  });

  it('covers every code the editor can show, and gives the CLI-only ones a Japanese summary', () => {
    const covered = new Set([...CASES.map(([code]) => code), 'invalid-review', 'namespace-not-found']);
    for (const code of Object.keys(DIAGNOSTICS_JA)) {
      if (CLI_ONLY.has(code)) {
        const d: Diagnostic = { file: 'x', line: 1, col: 1, severity: 'error', code, message: 'cannot read: no such file or directory' };
        expect(englishLeft(diagnosticText(d, 'ja'))).toBeNull();
      } else expect(covered, code).toContain(code);
    }
  });

  it('keeps the CLI line English and unchanged', () => {
    const [d] = diagnosticsOf(np('  podSelectr: {}\n'));
    expect(formatDiagnostic(d!)).toBe('editor.yaml:6:3: error[unknown-field]: unknown field spec.podSelectr; did you mean podSelector? (NetworkPolicy default/np)');
    expect(diagnosticText(d!, 'ja')).toBe('spec.podSelectr というフィールドはありません。podSelector の誤りではありませんか（NetworkPolicy default/np）');
  });
});
