// The NetworkPolicy lessons at exam grade: each solution passes, the answers that only fit the article's small
// cluster fail (TCP 80 only where "all" was asked, the lesson's IPs listed, `app In (pod1, pod2)` for every pod,
// `NotIn [test]` for default, label peers from every namespace, a decoy policy elsewhere that uses the asked peer
// kind), and a property test: every mutation of a solution that changes what the lesson grades fails.
import fc from 'fast-check';
import { parseAllDocuments, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { gradeAttempt, type Grade, type Lesson } from './index';
import { lessonsOf } from './test-grading';
import { matchesPattern, type IsolationCheck } from '../topics/netpol/index';
import { policyCheck } from '../topics/netpol/checks';

const { lesson, lessons } = lessonsOf('netpol-');
/** The six lessons on the article's pods (the decoy cluster); the mutation property runs on every NetworkPolicy lesson. */
const IDS = ['netpol-allow-all', 'netpol-deny-all', 'netpol-egress-only', 'netpol-pod-selector', 'netpol-namespace-selector', 'netpol-ip-block'];
const ALL_IDS = [...lessons.keys()];

// ---- builders --------------------------------------------------------------------------------------------------

/** A NetworkPolicy; `spec` is YAML flow or block text indented by two spaces. */
const np = (namespace: string, name: string, spec: string): string =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n${spec}\n`;
const docs = (...texts: string[]): string => texts.join('---\n');

/** Grades a wrong answer: it must fail, without errors, every failed check explaining itself; returns the ids. */
function failing(id: string, text: string): string[] {
  const grade = gradeAttempt(lesson(id), text);
  expect(grade.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(grade.status).toBe('failed');
  for (const c of grade.checks.filter((c) => !c.passed)) {
    expect(c.problems.length).toBeGreaterThan(0);
    expect(c.problems.every((p) => p.en !== '' && /[\u3040-\u30ff\u4e00-\u9fff]/.test(p.ja))).toBe(true);
  }
  return grade.checks.filter((c) => !c.passed).map((c) => c.id);
}

const problemsOf = (id: string, text: string, check: string): string[] =>
  gradeAttempt(lesson(id), text).checks.find((c) => c.id === check)!.problems.map((p) => p.en);

const ALL_BOTH = '  podSelector: {}\n  policyTypes: [Ingress, Egress]\n';
const appIn = (...values: string[]) => `{matchExpressions: [{key: app, operator: In, values: [${values.join(', ')}]}]}`;

// ---- the lessons and their cluster -----------------------------------------------------------------------------

describe('the NetworkPolicy lessons', () => {
  it('run on the decoy cluster and probe several ports and protocols, and say so in both languages', () => {
    for (const id of IDS) {
      const l = lesson(id);
      expect(l.cluster.file).toBe('lessons/_clusters/netpol-decoys.yaml');
      expect(l.options.get('netpol')).toEqual({
        ports: [
          { port: 80, protocol: 'TCP' },
          { port: 443, protocol: 'TCP' },
          { port: 8080, protocol: 'TCP' },
          { port: 53, protocol: 'UDP' },
          { port: 3868, protocol: 'SCTP' },
        ],
        declaredPorts: false,
      });
      expect(l.instructions.en).toContain('TCP 80, 443 and 8080, UDP 53 and SCTP 3868');
      expect(l.instructions.ja).toContain('TCP 80・443・8080、UDP 53、SCTP 3868');
    }
  });

  it('the cluster keeps the article’s pods, names and IPs, and adds the decoys', () => {
    const grade = gradeAttempt(lesson('netpol-deny-all'), lesson('netpol-deny-all').solution);
    const eps = grade.connectivity!.cluster.endpoints.map((e) => `${e.id} ${e.ip?.text ?? ''} ${JSON.stringify(e.labels)}`);
    expect(eps).toEqual([
      'default/sample-pod-1 192.168.173.129 {"app":"pod1"}',
      'default/sample-pod-2 192.168.173.130 {"app":"pod2"}',
      'default/web 192.168.173.133 {"role":"web"}',
      'external:internet 93.184.216.34 {}',
      'external:office 203.0.113.10 {}',
      'staging/sample-pod-1 192.168.52.65 {"app":"pod1"}',
      'staging/sample-pod-2 192.168.52.66 {"app":"pod2"}',
      'test/sample-pod-3 192.168.173.132 {"app":"pod3"}',
      'test/sample-pod-4 192.168.173.131 {"app":"pod4"}',
      'test/web 192.168.173.134 {"role":"web"}',
    ]);
  });

  for (const id of IDS) {
    it(`${id}: the solution passes`, () => {
      const grade = gradeAttempt(lesson(id), lesson(id).solution);
      expect(grade.checks.filter((c) => !c.passed).map((c) => c.problems[0]?.en)).toEqual([]);
      expect(grade.status).toBe('passed');
    });
  }
});

// ---- wrong answers, lesson by lesson ----------------------------------------------------------------------------

describe('netpol-allow-all', () => {
  const ID = 'netpol-allow-all';
  it('allowing TCP 80 only where all traffic was asked', () => {
    expect(failing(ID, np('default', 'all-allow-networkpolicy', `${ALL_BOTH}  ingress: [{ports: [{port: 80}]}]\n  egress: [{ports: [{port: 80}]}]`))).toEqual(['all-traffic-flows']);
  });
  it('every TCP port, but no UDP or SCTP', () => {
    expect(failing(ID, np('default', 'all-allow-networkpolicy', `${ALL_BOTH}  ingress: [{ports: [{protocol: TCP}]}]\n  egress: [{ports: [{protocol: TCP}]}]`))).toEqual(['all-traffic-flows']);
  });
  it('app In (pod1, pod2) instead of every pod leaves default/web unselected', () => {
    const text = np('default', 'all-allow-networkpolicy', `  podSelector: ${appIn('pod1', 'pod2')}\n  policyTypes: [Ingress, Egress]\n  ingress: [{}]\n  egress: [{}]`);
    expect(failing(ID, text)).toEqual(['isolated-both-ways']);
    expect(problemsOf(ID, text, 'isolated-both-ways')).toEqual([
      'default/web should be isolated for ingress, but no policy selects it with Ingress.',
      'default/web should be isolated for egress, but no policy selects it with Egress.',
    ]);
  });
  it('the lesson’s addresses listed instead of every peer', () => {
    const ips = ['192.168.173.129/32', '192.168.173.130/32', '192.168.173.131/32', '192.168.173.132/32', '93.184.216.34/32'];
    const peers = `[${ips.map((c) => `{ipBlock: {cidr: ${c}}}`).join(', ')}]`;
    expect(failing(ID, np('default', 'all-allow-networkpolicy', `${ALL_BOTH}  ingress: [{from: ${peers}}]\n  egress: [{to: ${peers}}]`))).toEqual(['all-traffic-flows']);
  });
  it('every pod of every namespace, but nothing outside the cluster', () => {
    expect(failing(ID, np('default', 'all-allow-networkpolicy', `${ALL_BOTH}  ingress: [{from: [{namespaceSelector: {}}]}]\n  egress: [{to: [{namespaceSelector: {}}]}]`))).toEqual(['all-traffic-flows']);
  });
  it('the policy in namespace test', () => {
    expect(failing(ID, np('test', 'all-allow-networkpolicy', `${ALL_BOTH}  ingress: [{}]\n  egress: [{}]`))).toEqual(['isolated-both-ways']);
  });
});

describe('netpol-deny-all', () => {
  const ID = 'netpol-deny-all';
  it('denying TCP 80 only where deny all was asked', () => {
    const others = '{ports: [{port: 1, endPort: 79}, {port: 81, endPort: 65535}, {protocol: UDP}, {protocol: SCTP}]}';
    expect(failing(ID, np('default', 'all-deny-networkpolicy', `${ALL_BOTH}  ingress: [${others}]\n  egress: [${others}]`))).toEqual(['default-cut-off']);
  });
  it('denying TCP only: UDP and SCTP still flow', () => {
    const text = np('default', 'all-deny-networkpolicy', `${ALL_BOTH}  ingress: [{ports: [{protocol: UDP}, {protocol: SCTP}]}]\n  egress: [{ports: [{protocol: UDP}, {protocol: SCTP}]}]`);
    expect(failing(ID, text)).toEqual(['default-cut-off']);
    expect(problemsOf(ID, text, 'default-cut-off')[0]).toBe('default/sample-pod-1 → default/sample-pod-2 (UDP 53) should be denied, but it is allowed.');
  });
  it('deny all but DNS is not deny all', () => {
    expect(failing(ID, np('default', 'all-deny-networkpolicy', `${ALL_BOTH}  egress: [{ports: [{protocol: UDP, port: 53}]}]`))).toEqual(['default-cut-off']);
  });
  it('app In (pod1, pod2) instead of every pod leaves default/web open', () => {
    const text = np('default', 'all-deny-networkpolicy', `  podSelector: ${appIn('pod1', 'pod2')}\n  policyTypes: [Ingress, Egress]`);
    expect(failing(ID, text)).toEqual(['default-cut-off']);
    expect(problemsOf(ID, text, 'default-cut-off')[0]).toMatch(/^default\/web → /);
  });
  it('the same policy in staging as well as in default touches staging', () => {
    const text = docs(np('default', 'all-deny-networkpolicy', ALL_BOTH), np('staging', 'all-deny-networkpolicy', ALL_BOTH));
    expect(failing(ID, text)).toEqual(['default-cut-off']);
  });
});

describe('netpol-egress-only', () => {
  const ID = 'netpol-egress-only';
  const both = (spec: string) => docs(np('default', 'egress-only-allow-networkpolicy', spec), np('test', 'egress-only-allow-networkpolicy', spec));
  it('sending TCP 80 only where anywhere was asked', () => {
    expect(failing(ID, both(`${ALL_BOTH}  egress: [{ports: [{port: 80}]}]`))).toEqual(['nothing-received']);
  });
  it('sending to the internet’s listed address only: office and staging are cut off', () => {
    const text = both(`${ALL_BOTH}  egress: [{to: [{ipBlock: {cidr: 93.184.216.34/32}}]}]`);
    expect(failing(ID, text)).toEqual(['nothing-received']);
    expect(problemsOf(ID, text, 'nothing-received').join('\n')).toContain('external:office');
  });
  it('sending to every pod but not outside the cluster', () => {
    expect(failing(ID, both(`${ALL_BOTH}  egress: [{to: [{namespaceSelector: {}}]}]`))).toEqual(['nothing-received']);
  });
  it('app In (...) instead of every pod: the web pods still receive', () => {
    const text = docs(
      np('default', 'egress-only-allow-networkpolicy', `  podSelector: ${appIn('pod1', 'pod2')}\n  policyTypes: [Ingress, Egress]\n  egress: [{}]`),
      np('test', 'egress-only-allow-networkpolicy', `  podSelector: ${appIn('pod3', 'pod4')}\n  policyTypes: [Ingress, Egress]\n  egress: [{}]`),
    );
    expect(failing(ID, text)).toEqual(['nothing-received']);
  });
  it('the second policy in staging instead of test', () => {
    const spec = `${ALL_BOTH}  egress: [{}]`;
    expect(failing(ID, docs(np('default', 'egress-only-allow-networkpolicy', spec), np('staging', 'egress-only-allow-networkpolicy', spec)))).toEqual(['nothing-received', 'both-namespaces']);
  });
  it('a policy in test that selects nothing does not count for test', () => {
    const spec = `${ALL_BOTH}  egress: [{}]`;
    const text = docs(np('default', 'egress-only-allow-networkpolicy', spec), np('test', 'egress-only-allow-networkpolicy', `  podSelector: {matchLabels: {app: nothing}}\n  policyTypes: [Ingress, Egress]\n  egress: [{}]`));
    expect(failing(ID, text)).toEqual(['nothing-received', 'both-namespaces']);
    expect(problemsOf(ID, text, 'both-namespaces')).toEqual(['No NetworkPolicy in namespace test selects any pod.']);
  });
});

describe('netpol-pod-selector', () => {
  const ID = 'netpol-pod-selector';
  const NAME = 'sp-pod-allow-networkpolicy';
  const pod2 = (from: string, ports = '\n    ports: [{protocol: TCP, port: 80}]') =>
    `  podSelector: {matchLabels: {app: pod2}}\n  policyTypes: [Ingress]\n  ingress:\n  - from: ${from}${ports}`;
  it('admitting app=pod1 on every port where TCP 80 only was asked', () => {
    expect(failing(ID, np('default', NAME, pod2('[{podSelector: {matchLabels: {app: pod1}}}]', '')))).toEqual(['only-pod1-reaches-pod2']);
  });
  it('admitting TCP on every port', () => {
    expect(failing(ID, np('default', NAME, pod2('[{podSelector: {matchLabels: {app: pod1}}}]', '\n    ports: [{protocol: TCP}]')))).toEqual(['only-pod1-reaches-pod2']);
  });
  it('sample-pod-1’s IP listed instead of its label: right verdicts, wrong tool', () => {
    const text = np('default', NAME, pod2('[{ipBlock: {cidr: 192.168.173.129/32}}]'));
    expect(failing(ID, text)).toEqual(['uses-pod-selector']);
    expect(problemsOf(ID, text, 'uses-pod-selector')).toEqual([
      `default/sample-pod-1 → default/sample-pod-2 (TCP 80): default/${NAME}'s ingress rule 1 admits it with an ipBlock peer, not a podSelector.`,
    ]);
  });
  it('app=pod1 from every namespace: staging/sample-pod-1 gets in', () => {
    const text = np('default', NAME, pod2('[{namespaceSelector: {}, podSelector: {matchLabels: {app: pod1}}}]'));
    expect(failing(ID, text)).toEqual(['only-pod1-reaches-pod2']);
    expect(problemsOf(ID, text, 'only-pod1-reaches-pod2')).toEqual(['staging/sample-pod-1 → default/sample-pod-2 (TCP 80) should be denied, but it is allowed.']);
  });
  it('every pod of default as the peer: default/web gets in, and the peer is not picked by app', () => {
    const text = np('default', NAME, pod2('[{podSelector: {}}]'));
    expect(failing(ID, text)).toEqual(['only-pod1-reaches-pod2', 'uses-pod-selector']);
    expect(problemsOf(ID, text, 'uses-pod-selector')).toEqual([
      `default/sample-pod-1 → default/sample-pod-2 (TCP 80): default/${NAME}'s ingress rule 1 picks pods by every pod ({}), not by app (the label the task names).`,
    ]);
  });
  it('app=pod1 by another label that picks the same pod here: right verdicts, not the label the task names', () => {
    const text = np('default', NAME, pod2('[{podSelector: {matchExpressions: [{key: app, operator: NotIn, values: [pod2]}, {key: role, operator: DoesNotExist}]}}]'));
    expect(failing(ID, text)).toEqual(['uses-pod-selector']);
    expect(problemsOf(ID, text, 'uses-pod-selector')[0]).toMatch(/picks pods by app, role, not by app \(the label the task names\)\.$/);
  });
  it('every pod of default as the target', () => {
    const text = np('default', NAME, `  podSelector: {}\n  policyTypes: [Ingress]\n  ingress:\n  - from: [{podSelector: {matchLabels: {app: pod1}}}]\n    ports: [{protocol: TCP, port: 80}]`);
    expect(failing(ID, text)).toEqual(['only-pod1-reaches-pod2', 'uses-pod-selector']);
  });
  it('the real rule by IP, and a podSelector in a policy elsewhere that selects nothing', () => {
    const decoy = np('staging', 'decoy', '  podSelector: {matchLabels: {app: nothing}}\n  ingress:\n  - from: [{podSelector: {matchLabels: {app: pod1}}}]');
    expect(failing(ID, docs(np('default', NAME, pod2('[{ipBlock: {cidr: 192.168.173.129/32}}]')), decoy))).toEqual(['uses-pod-selector']);
  });
  it('the right policy under another name', () => {
    const text = lesson(ID).solution.replace(`name: ${NAME}`, 'name: allow-pod1');
    expect(failing(ID, text)).toEqual(['uses-pod-selector']);
    expect(problemsOf(ID, text, 'uses-pod-selector')).toEqual([
      `No NetworkPolicy named ${NAME} in namespace default.`,
      `default/sample-pod-1 → default/sample-pod-2 (TCP 80): no rule of ${NAME} admits it.`,
    ]);
  });
});

describe('netpol-namespace-selector', () => {
  const ID = 'netpol-namespace-selector';
  const NAME = 'sp-namespace-allow-networkpolicy';
  const pod3 = (from: string, ports = '\n    ports: [{protocol: TCP, port: 80}]') =>
    np('test', NAME, `  podSelector: {matchLabels: {app: pod3}}\n  policyTypes: [Ingress]\n  ingress:\n  - from: ${from}${ports}`);
  const nsIs = (name: string) => `{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ${name}}}}`;
  it('NotIn [test] instead of naming default: staging gets in', () => {
    const text = pod3('[{namespaceSelector: {matchExpressions: [{key: kubernetes.io/metadata.name, operator: NotIn, values: [test]}]}}]');
    expect(failing(ID, text)).toEqual(['pod3-from-default-only']);
    expect(problemsOf(ID, text, 'pod3-from-default-only')[0]).toBe('staging/sample-pod-1 → test/sample-pod-3 (TCP 80) should be denied, but it is allowed.');
  });
  it('every namespace', () => {
    expect(failing(ID, pod3('[{namespaceSelector: {}}]'))).toEqual(['pod3-from-default-only', 'uses-namespace-selector']);
  });
  it('default by a label it shares with no other namespace here (env DoesNotExist): right verdicts, not by its name', () => {
    const text = pod3('[{namespaceSelector: {matchExpressions: [{key: env, operator: DoesNotExist}, {key: kubernetes.io/metadata.name, operator: NotIn, values: [test]}]}}]');
    expect(failing(ID, text)).toEqual(['uses-namespace-selector']);
    expect(problemsOf(ID, text, 'uses-namespace-selector')[0]).toMatch(/picks namespaces by env, kubernetes\.io\/metadata\.name, not by kubernetes\.io\/metadata\.name \(the label the task names\)\.$/);
  });
  it('the article’s two IPs listed: default/web is left out, and it is not a namespaceSelector', () => {
    expect(failing(ID, pod3('[{ipBlock: {cidr: 192.168.173.129/32}}, {ipBlock: {cidr: 192.168.173.130/32}}]'))).toEqual(['pod3-from-default-only', 'uses-namespace-selector']);
  });
  it('every IP of default listed: right verdicts, wrong tool', () => {
    const ips = ['129', '130', '133'].map((n) => `{ipBlock: {cidr: 192.168.173.${n}/32}}`).join(', ');
    expect(failing(ID, pod3(`[${ips}]`))).toEqual(['uses-namespace-selector']);
  });
  it('default, but only app In (pod1, pod2): default/web is left out', () => {
    const text = pod3(`[{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: default}}, podSelector: ${appIn('pod1', 'pod2')}}]`);
    expect(failing(ID, text)).toEqual(['pod3-from-default-only', 'uses-namespace-selector']);
  });
  it('app In (pod1, pod2) from every namespace', () => {
    expect(failing(ID, pod3(`[{namespaceSelector: {}, podSelector: ${appIn('pod1', 'pod2')}}]`))).toEqual(['pod3-from-default-only', 'uses-namespace-selector']);
  });
  it('default on every port', () => {
    expect(failing(ID, pod3(`[${nsIs('default')}]`, ''))).toEqual(['pod3-from-default-only']);
  });
  it('the real rule by IPs, and a namespaceSelector in a policy elsewhere', () => {
    const ips = ['129', '130', '133'].map((n) => `{ipBlock: {cidr: 192.168.173.${n}/32}}`).join(', ');
    const decoy = np('staging', 'decoy', `  podSelector: {matchLabels: {app: nothing}}\n  ingress:\n  - from: [${nsIs('default')}]`);
    expect(failing(ID, docs(pod3(`[${ips}]`), decoy))).toEqual(['uses-namespace-selector']);
  });
  it('the right rule in a policy under another name', () => {
    expect(failing(ID, lesson(ID).solution.replace(`name: ${NAME}`, 'name: from-default'))).toEqual(['uses-namespace-selector']);
  });
});

describe('netpol-ip-block', () => {
  const ID = 'netpol-ip-block';
  const NAME = 'sp-ip-allow-networkpolicy';
  const pod3 = (from: string, ports = '\n    ports: [{protocol: TCP, port: 80}]', ns = 'test') =>
    np(ns, NAME, `  podSelector: {matchLabels: {app: pod3}}\n  policyTypes: [Ingress]\n  ingress:\n  - from: ${from}${ports}`);
  it('selectors in the real rule, and an ipBlock in an unrelated policy in another namespace', () => {
    const real = pod3('[{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: default}}, podSelector: {matchLabels: {app: pod2}}}]');
    const decoy = np('staging', 'decoy', '  podSelector: {matchLabels: {app: nothing}}\n  ingress:\n  - from: [{ipBlock: {cidr: 192.168.173.130/32}}]');
    const text = docs(real, decoy);
    expect(failing(ID, text)).toEqual(['uses-ip-block']);
    expect(problemsOf(ID, text, 'uses-ip-block')).toEqual([
      `default/sample-pod-2 → test/sample-pod-3 (TCP 80): test/${NAME}'s ingress rule 1 admits it with a namespaceSelector peer, not an ipBlock.`,
    ]);
  });
  it('the address on every port', () => {
    expect(failing(ID, pod3('[{ipBlock: {cidr: 192.168.173.130/32}}]', ''))).toEqual(['pod3-from-one-ip']);
  });
  it('a /30 around the address admits sample-pod-1 and sample-pod-4 too', () => {
    expect(failing(ID, pod3('[{ipBlock: {cidr: 192.168.173.128/30}}]'))).toEqual(['pod3-from-one-ip']);
  });
  it('the policy in staging instead of test', () => {
    const text = pod3('[{ipBlock: {cidr: 192.168.173.130/32}}]', undefined, 'staging');
    expect(failing(ID, text)).toEqual(['pod3-from-one-ip', 'uses-ip-block']);
    expect(problemsOf(ID, text, 'uses-ip-block')[0]).toBe(`No NetworkPolicy named ${NAME} in namespace test (there is one in staging).`);
  });
  it('an ipBlock rule beside an open rule: the open one admits too', () => {
    const text = np('test', NAME, '  podSelector: {matchLabels: {app: pod3}}\n  ingress:\n  - from: [{ipBlock: {cidr: 192.168.173.130/32}}]\n    ports: [{port: 80}]\n  - ports: [{port: 80}]');
    expect(failing(ID, text)).toEqual(['pod3-from-one-ip', 'uses-ip-block']);
  });
});

// ---- the policy check kind itself --------------------------------------------------------------------------------

describe('netpol-predict-first', () => {
  const ID = 'netpol-predict-first';
  const start = lesson(ID).start.en;
  const solution = lesson(ID).solution;
  const pod3Peer = (peer: string): string => start.replace('    - namespaceSelector: {}\n      podSelector:\n        matchLabels:\n          app: pod1\n', peer);
  it('the starting text fails on the look-alike pods of staging and dev', () => {
    expect(failing(ID, start)).toEqual(['pod3-from-default-pod1']);
    expect(problemsOf(ID, start, 'pod3-from-default-pod1')).toEqual([
      'dev/sample-pod-1 → test/sample-pod-3 (TCP 80) should be denied, but it is allowed.',
      'staging/sample-pod-1 → test/sample-pod-3 (TCP 80) should be denied, but it is allowed.',
    ]);
  });
  it('the two selectors as two items (OR): every pod of default gets in', () => {
    const text = pod3Peer('    - namespaceSelector:\n        matchLabels:\n          kubernetes.io/metadata.name: default\n    - podSelector:\n        matchLabels:\n          app: pod1\n');
    expect(failing(ID, text)).toEqual(['pod3-from-default-pod1']);
    expect(problemsOf(ID, text, 'pod3-from-default-pod1')).toContain('default/sample-pod-2 → test/sample-pod-3 (TCP 80) should be denied, but it is allowed.');
  });
  it('NotIn [staging] instead of naming default: dev gets in', () => {
    const text = pod3Peer("    - namespaceSelector:\n        matchExpressions: [{key: kubernetes.io/metadata.name, operator: NotIn, values: [staging]}]\n      podSelector:\n        matchLabels:\n          app: pod1\n");
    expect(problemsOf(ID, text, 'pod3-from-default-pod1')).toEqual(['dev/sample-pod-1 → test/sample-pod-3 (TCP 80) should be denied, but it is allowed.']);
  });
  it('namespaceSelector default alone: every pod of default', () => {
    const text = pod3Peer('    - namespaceSelector:\n        matchLabels:\n          kubernetes.io/metadata.name: default\n');
    expect(failing(ID, text)).toEqual(['pod3-from-default-pod1']);
  });
  it('the namespaceSelector dropped: app=pod1 of test only, so default/sample-pod-1 is refused', () => {
    const text = pod3Peer('    - podSelector:\n        matchLabels:\n          app: pod1\n');
    expect(failing(ID, text)).toEqual(['pod3-from-default-pod1', 'pod3-policy-fixed']);
  });
  it('the right rule in a policy under another name, the broken one deleted', () => {
    const text = solution.replace('name: pod3-from-pod1', 'name: pod3-fixed');
    expect(failing(ID, text)).toEqual(['pod3-policy-fixed']);
  });
  it('left broken, with an egress policy in staging and dev that keeps their pods off sample-pod-3', () => {
    const fence = (ns: string) => np(ns, 'no-pod3', '  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n  - to: [{ipBlock: {cidr: 0.0.0.0/0, except: [192.168.173.132/32]}}]');
    const text = docs(start, fence('staging'), fence('dev'));
    expect(failing(ID, text)).toEqual(['pod3-policy-fixed']);
    expect(problemsOf(ID, text, 'pod3-policy-fixed')).toEqual(['Use at most 3 NetworkPolicies (you have 5).']);
  });
  it('pod2-from-pod1 deleted: sample-pod-2 is open again', () => {
    const text = solution.split('---\n').slice(1).join('---\n');
    expect(failing(ID, text)).toEqual(['pod3-from-default-pod1', 'pod2-policy-kept']);
  });
  it('web-egress-to-test loosened to every namespace', () => {
    const text = solution.replace('          kubernetes.io/metadata.name: test\n', '          {}\n').replace('    - namespaceSelector:\n        matchLabels:\n          {}\n', '    - namespaceSelector: {}\n');
    expect(text).not.toBe(solution);
    expect(failing(ID, text)).toEqual(['pod3-from-default-pod1']);
  });
  it('web-egress-to-test by the addresses of test instead of its namespace', () => {
    const text = solution.replace('  - to:\n    - namespaceSelector:\n        matchLabels:\n          kubernetes.io/metadata.name: test\n', '  - to:\n    - ipBlock: {cidr: 192.168.173.131/32}\n    - ipBlock: {cidr: 192.168.173.132/32}\n    - ipBlock: {cidr: 192.168.173.134/32}\n');
    expect(text).not.toBe(solution);
    expect(failing(ID, text)).toEqual(['web-egress-kept']);
  });
  it('port 80 on UDP where TCP was meant', () => {
    const text = solution.replace('    - protocol: TCP\n      port: 80\n', '    - protocol: UDP\n      port: 80\n');
    expect(failing(ID, text)).toEqual(['pod3-from-default-pod1', 'pod3-policy-fixed']);
  });
});

describe('the policy check', () => {
  const parse = (value: unknown): { spec: unknown; problems: string[] } => {
    const problems: string[] = [];
    const spec = policyCheck.parse(value, 'checks[0].policy', (field, message) => problems.push(`${field}: ${message}`));
    return { spec, problems };
  };
  /** The lesson with one more policy check, graded on a text: that check's problems. */
  const extra = (id: string, value: unknown, text: string): string[] => {
    const { spec, problems } = parse(value);
    expect(problems).toEqual([]);
    const check = { id: 'extra', title: { en: 'x', ja: 'x' }, hint: { en: 'x', ja: 'x' }, topic: 'netpol', key: 'policy', spec };
    const grade = gradeAttempt({ ...lesson(id), checks: [...lesson(id).checks, check] }, text);
    return grade.checks.find((c) => c.id === 'extra')!.problems.map((p) => p.en);
  };

  it('names the field of every problem in a lesson', () => {
    expect(parse({ name: 'Bad_Name', namespace: 'test', namespaces: ['test'], selects: 'external:office', uses: 'label', admits: [{ from: 'x y', to: 'test/*', probe: '80,443', direction: 'sideways' }], policyTypes: ['In'], extra: 1 }).problems).toEqual([
      'checks[0].policy.extra: is not a policy check field (name, namespace, namespaces, selects, uses, admits, admitsOnly, peersBy, policyTypes, maxPolicies)',
      'checks[0].policy.name: must be a policy name',
      'checks[0].policy.namespace: give namespace or namespaces, not both',
      'checks[0].policy.selects: must match pods: ns/name, ns/* or *',
      'checks[0].policy.uses: must be podSelector, namespaceSelector or ipBlock',
      'checks[0].policy.admits[0].probe: must be one probe such as 80/TCP',
      'checks[0].policy.admits[0].direction: must be ingress or egress',
      'checks[0].policy.admits[0].from: must be ns/name, ns/*, external:name or *',
      'checks[0].policy.policyTypes: must list Ingress and/or Egress',
    ]);
  });

  it('egress: every egress rule that admits the connection must use the kind; an open rule does not', () => {
    const value = { admits: [{ from: 'default/sample-pod-1', to: 'external:office', probe: '443/TCP', direction: 'egress' }], uses: 'ipBlock' };
    expect(extra('netpol-egress-only', value, lesson('netpol-egress-only').solution)).toEqual([
      "default/sample-pod-1 → external:office (TCP 443): default/egress-only-allow-networkpolicy's egress rule 1 admits every peer, not an ipBlock.",
    ]);
    const byBlock = lesson('netpol-egress-only').solution.replaceAll('  egress:\n  - {}', '  egress:\n  - to: [{ipBlock: {cidr: 0.0.0.0/0}}]');
    expect(byBlock).not.toBe(lesson('netpol-egress-only').solution);
    expect(extra('netpol-egress-only', value, byBlock)).toEqual([]);
    // Not isolated: open, but no rule admits it.
    expect(extra('netpol-pod-selector', value, lesson('netpol-pod-selector').solution)).toEqual([
      'default/sample-pod-1 → external:office (TCP 443): nothing isolates default/sample-pod-1 for egress, so no rule admits it.',
    ]);
  });

  it('selects without a name: the target pods are selected, and the policies that select them select nothing else', () => {
    const text = np('default', 'wide', '  podSelector: {}\n  policyTypes: [Ingress]');
    expect(extra('netpol-deny-all', { selects: 'default/sample-pod-2', policyTypes: ['Ingress', 'Egress'] }, text)).toEqual([
      'default/wide selects default/sample-pod-1, which it should leave alone.',
      'default/wide selects default/web, which it should leave alone.',
      'default/wide has policyTypes Ingress (after defaulting); it should have Ingress and Egress.',
    ]);
    expect(extra('netpol-deny-all', { selects: 'test/*' }, text)).toEqual([
      'None of your NetworkPolicies selects test/sample-pod-3.',
      'None of your NetworkPolicies selects test/sample-pod-4.',
      'None of your NetworkPolicies selects test/web.',
    ]);
  });

  it('admitsOnly: a rule of the policy in scope that admits a probed connection beyond admits fails, even where the other end still denies it', () => {
    const ID = 'netpol-pod-selector';
    const value = { name: 'sp-pod-allow-networkpolicy', admits: [{ from: 'default/sample-pod-1', to: 'default/sample-pod-2', probe: '80/TCP' }], admitsOnly: true };
    expect(extra(ID, value, lesson(ID).solution)).toEqual([]);
    const wide = lesson(ID).solution.replace('          app: pod1\n', '          app: pod1\n    - podSelector:\n        matchLabels:\n          role: web\n');
    expect(wide).not.toBe(lesson(ID).solution);
    expect(extra(ID, value, wide)).toEqual([
      "default/web → default/sample-pod-2 (TCP 80): default/sp-pod-allow-networkpolicy's ingress rule 1 admits it, but the task names no such connection.",
    ]);
    // The same wide rule, while an egress policy keeps default/web from sending: the verdict is denied, the rule still too wide.
    const fenced = docs(`${wide.trimEnd()}\n`, np('default', 'web-silent', '  podSelector: {matchLabels: {role: web}}\n  policyTypes: [Egress]'));
    const result = gradeAttempt(lesson(ID), fenced).connectivity!;
    const at = (id: string): number => result.cluster.endpoints.findIndex((e) => e.id === id);
    expect(result.verdict(at('default/web'), at('default/sample-pod-2'), result.probes.findIndex((p) => p.port === 80 && p.protocol === 'TCP')).allowed).toBe(false);
    expect(extra(ID, value, fenced)).toHaveLength(1);
    // Rules of policies outside the scope do not count.
    expect(extra(ID, value, docs(`${lesson(ID).solution.trimEnd()}\n`, np('default', 'other', '  podSelector: {matchLabels: {role: web}}\n  ingress: [{}]')))).toEqual([]);
  });

  it('peersBy: the fields it takes, and that it needs admits', () => {
    const parse1 = (value: unknown): string[] => {
      const problems: string[] = [];
      policyCheck.parse(value, 'checks[0].policy', (field, message) => problems.push(`${field}: ${message}`));
      return problems;
    };
    const admits = [{ from: '*', to: '*' }];
    expect(parse1({ peersBy: { podSelector: ['app'] }, admits })).toEqual([]);
    expect(parse1({ peersBy: { pods: ['app'] }, admits })).toEqual(['checks[0].policy.peersBy: must be {namespaceSelector: [KEY...], podSelector: [KEY...]} (either or both)']);
    expect(parse1({ peersBy: { podSelector: [] }, admits })).toEqual(['checks[0].policy.peersBy.podSelector: must list label keys']);
    expect(parse1({ peersBy: { podSelector: ['app'] } })).toEqual(['checks[0].policy.peersBy: needs admits: the connections whose rules are looked at']);
  });

  it('admitsOnly must be a boolean and needs admits', () => {
    const parse1 = (value: unknown): string[] => {
      const problems: string[] = [];
      policyCheck.parse(value, 'checks[0].policy', (field, message) => problems.push(`${field}: ${message}`));
      return problems;
    };
    expect(parse1({ admitsOnly: 'yes', admits: [{ from: '*', to: '*' }] })).toEqual(['checks[0].policy.admitsOnly: must be true or false']);
    expect(parse1({ admitsOnly: true })).toEqual(['checks[0].policy.admitsOnly: needs admits: the connections the policies may admit']);
  });

  it('a named policy in several namespaces, each selecting its own pods; maxPolicies counts the learner’s', () => {
    const value = { name: 'egress-only-allow-networkpolicy', namespaces: ['default', 'test'], selects: '*', maxPolicies: 2 };
    expect(extra('netpol-egress-only', value, lesson('netpol-egress-only').solution)).toEqual([]);
    const three = docs(lesson('netpol-egress-only').solution, np('staging', 'x', '  podSelector: {matchLabels: {app: pod1}}'));
    expect(extra('netpol-egress-only', value, three)).toEqual(['Use at most 2 NetworkPolicies (you have 3).']);
  });
});

// ---- property: mutations of the solution ----------------------------------------------------------------------

type Doc = Record<string, unknown> & { metadata: Record<string, unknown>; spec: Record<string, unknown> };
type PeerObj = Record<string, unknown>;
type RuleObj = { from?: PeerObj[]; to?: PeerObj[]; ports?: unknown[] };
interface Mutation {
  label: string;
  apply(docs: Doc[]): void;
}

/** What mutations may use of the lesson's cluster: its namespaces, and addresses that cover only part of it. */
interface Place {
  namespaces: readonly string[];
  /** The addresses a learner might list instead of "every peer": every endpoint's but the last pod's of each
   * namespace and the last external's (on the decoy cluster: the article's four pods and the internet). */
  listed: readonly string[];
}

function placeOf(l: Lesson): Place {
  const eps = gradeAttempt(l, l.solution).connectivity!.cluster.endpoints;
  const namespaces = [...new Set(eps.flatMap((e) => (e.kind === 'pod' && e.namespace ? [e.namespace] : [])))].sort();
  const groups = new Map<string, string[]>();
  for (const e of eps) {
    if (!e.ip) continue;
    const key = e.namespace ?? 'external';
    groups.set(key, [...(groups.get(key) ?? []), `${e.ip.text}/32`]);
  }
  const listed = [...groups.values()].flatMap((ips) => (ips.length > 1 ? ips.slice(0, -1) : ips));
  return { namespaces, listed };
}

const clone = (d: Doc[]): Doc[] => structuredClone(d);
const parse = (text: string): Doc[] => parseAllDocuments(text).map((d) => d.toJS() as Doc);
const print = (d: readonly Doc[]): string => d.map((x) => stringify(x)).join('---\n');
type PortObj = { port?: number | string; endPort?: number; protocol?: string };

/** Every single mutation of a text's policies: the family the property draws from. */
function mutations(policies: readonly Doc[], place: Place): Mutation[] {
  const out: Mutation[] = [];
  policies.forEach((p, i) => {
    if (p.kind !== 'NetworkPolicy') return;
    const at = `${p.metadata.namespace ?? 'default'}/${String(p.metadata.name)}`;
    const spec = p.spec;
    const current = String(p.metadata.namespace ?? 'default');
    // Moved where a policy of the same name lives, it would be a duplicate (kubectl would replace that one).
    const taken = (ns: string): boolean => policies.some((q, j) => j !== i && q.kind === 'NetworkPolicy' && q.metadata.name === p.metadata.name && String(q.metadata.namespace ?? 'default') === ns);
    for (const ns of place.namespaces) {
      if (ns !== current && !taken(ns)) out.push({ label: `${at}: move to ${ns}`, apply: (d) => void (d[i]!.metadata.namespace = ns) });
    }
    const selector = spec.podSelector as Record<string, unknown> | undefined;
    if (selector && Object.keys(selector).length > 0) out.push({ label: `${at}: spec.podSelector {}`, apply: (d) => void (d[i]!.spec.podSelector = {}) });
    // Every pod, narrowed to the pods that carry the article's label key.
    else out.push({ label: `${at}: spec.podSelector app Exists`, apply: (d) => void (d[i]!.spec.podSelector = { matchExpressions: [{ key: 'app', operator: 'Exists' }] }) });
    ((spec.policyTypes as string[] | undefined) ?? []).forEach((t, k) =>
      out.push({ label: `${at}: drop policyType ${t}`, apply: (d) => void (d[i]!.spec.policyTypes as string[]).splice(k, 1) }),
    );
    for (const dir of ['ingress', 'egress'] as const) {
      const peersKey = dir === 'ingress' ? 'from' : 'to';
      ((spec[dir] as RuleObj[] | undefined) ?? []).forEach((rule, j) => {
        const ruleAt = `${at} ${dir}[${j}]`;
        const ruleOf = (d: Doc[]): RuleObj => (d[i]!.spec[dir] as RuleObj[])[j]!;
        out.push({ label: `${ruleAt}: remove the rule`, apply: (d) => void (d[i]!.spec[dir] as RuleObj[]).splice(j, 1) });
        ((rule.ports ?? []) as PortObj[]).forEach((port, k) => {
          const portOf = (d: Doc[]): PortObj => ruleOf(d).ports![k] as PortObj;
          out.push({ label: `${ruleAt}: drop ports[${k}]`, apply: (d) => void ruleOf(d).ports!.splice(k, 1) });
          // The other protocol: TCP where UDP was meant, or the reverse.
          const protocol = port.protocol ?? 'TCP';
          if (protocol !== 'SCTP') out.push({ label: `${ruleAt}: ports[${k}] ${protocol === 'TCP' ? 'UDP' : 'TCP'}`, apply: (d) => void (portOf(d).protocol = protocol === 'TCP' ? 'UDP' : 'TCP') });
          if (typeof port.port === 'number' && port.endPort === undefined && port.port < 65535) {
            out.push({ label: `${ruleAt}: ports[${k}] off by one`, apply: (d) => void (portOf(d).port = (port.port as number) + 1) });
          }
          if (port.endPort !== undefined) {
            out.push({ label: `${ruleAt}: ports[${k}] without endPort`, apply: (d) => void delete portOf(d).endPort });
            out.push({ label: `${ruleAt}: ports[${k}] endPort + 1`, apply: (d) => void (portOf(d).endPort = port.endPort! + 1) });
            out.push({ label: `${ruleAt}: ports[${k}] endPort - 1`, apply: (d) => void (portOf(d).endPort = port.endPort! - 1) });
          }
        });
        if (!rule.ports || rule.ports.length === 0) out.push({ label: `${ruleAt}: TCP 80 only`, apply: (d) => void (ruleOf(d).ports = [{ protocol: 'TCP', port: 80 }]) });
        if (!rule[peersKey] || rule[peersKey].length === 0) {
          out.push({ label: `${ruleAt}: listed addresses only`, apply: (d) => void (ruleOf(d)[peersKey] = place.listed.map((cidr) => ({ ipBlock: { cidr } }))) });
        }
        (rule[peersKey] ?? []).forEach((peer, k) => {
          const peerOf = (d: Doc[]): PeerObj => ruleOf(d)[peersKey]![k]!;
          out.push({ label: `${ruleAt}: remove ${peersKey}[${k}]`, apply: (d) => void ruleOf(d)[peersKey]!.splice(k, 1) });
          if (peer.podSelector && Object.keys(peer.podSelector).length > 0) {
            out.push({ label: `${ruleAt}: ${peersKey}[${k}].podSelector {}`, apply: (d) => void (peerOf(d).podSelector = {}) });
          }
          if (peer.namespaceSelector && Object.keys(peer.namespaceSelector).length > 0) {
            out.push({ label: `${ruleAt}: ${peersKey}[${k}].namespaceSelector {}`, apply: (d) => void (peerOf(d).namespaceSelector = {}) });
            out.push({
              label: `${ruleAt}: ${peersKey}[${k}].namespaceSelector NotIn [${current}]`,
              apply: (d) => void (peerOf(d).namespaceSelector = { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: [current] }] }),
            });
          }
          if (peer.podSelector && !peer.namespaceSelector) {
            out.push({ label: `${ruleAt}: ${peersKey}[${k}] from every namespace`, apply: (d) => void (peerOf(d).namespaceSelector = {}) });
          }
          // AND written as OR: the two selectors of one item as two items.
          if (peer.podSelector && peer.namespaceSelector) {
            out.push({
              label: `${ruleAt}: ${peersKey}[${k}] split into two peers (OR)`,
              apply: (d) => {
                const { podSelector, namespaceSelector } = peerOf(d);
                ruleOf(d)[peersKey]!.splice(k, 1, { namespaceSelector }, { podSelector });
              },
            });
          }
          const block = peer.ipBlock as { cidr: string; except?: string[] } | undefined;
          if (block && /\/32$/.test(block.cidr)) {
            out.push({ label: `${ruleAt}: ${peersKey}[${k}] widened to /24`, apply: (d) => void ((peerOf(d).ipBlock as { cidr: string }).cidr = block.cidr.replace(/\.\d+\/32$/, '.0/24')) });
          }
          (block?.except ?? []).forEach((_, e) => {
            out.push({ label: `${ruleAt}: ${peersKey}[${k}] drop except[${e}]`, apply: (d) => void (peerOf(d).ipBlock as { except: string[] }).except.splice(e, 1) });
          });
        });
        // OR written as AND: two neighbouring items, one of each selector, as one item.
        const peers = rule[peersKey] ?? [];
        peers.forEach((peer, k) => {
          const next = peers[k + 1];
          if (!next || !peer.namespaceSelector || peer.podSelector || !next.podSelector || next.namespaceSelector) return;
          out.push({
            label: `${ruleAt}: ${peersKey}[${k}] and [${k + 1}] joined (AND)`,
            apply: (d) => void ruleOf(d)[peersKey]!.splice(k, 2, { namespaceSelector: peer.namespaceSelector, podSelector: next.podSelector }),
          });
        });
      });
    }
  });
  return out;
}

/**
 * What a lesson grades, as one string: the verdict of every probed connection, and the isolation of the pods its
 * isolation checks name. Two texts with the same signature cannot be told apart by the lesson's connectivity and
 * isolation checks: a mutation that keeps it is equivalent, and is excluded rather than required to fail.
 */
function signature(l: Lesson, grade: Grade): string {
  const result = grade.connectivity!;
  const eps = result.cluster.endpoints;
  const cells: string[] = [];
  for (const { from, to, probe } of result.cells()) {
    if (from !== to) cells.push(result.verdict(from, to, probe).allowed ? '1' : '0');
  }
  const isolation = l.checks
    .filter((c) => c.key === 'isolation')
    .flatMap((c) => {
      const spec = c.spec as IsolationCheck;
      return eps.flatMap((e, i) => (e.kind === 'pod' && matchesPattern(spec.pods, e) ? [`${e.id}:${result.isolation(i).ingress.length > 0}:${result.isolation(i).egress.length > 0}`] : []));
    });
  return `${cells.join('')}|${isolation.join(',')}`;
}

/** Grades a mutant: equivalent (the same signature as the solution, and it passes: the grader cannot tell it from
 * the solution), or else it must fail (a mutant with the same verdicts that a structural check catches fails). */
function judge(l: Lesson, text: string, solutionSignature: string): 'equivalent' | 'failed' | 'passed' | 'invalid' {
  const grade = gradeAttempt(l, text);
  if (grade.status === 'invalid' || grade.status === 'pending') return 'invalid';
  if (grade.status === 'failed') return 'failed';
  return signature(l, grade) === solutionSignature ? 'equivalent' : 'passed';
}

/** Grading hundreds of mutants takes a few seconds per lesson, more on a loaded shared machine. */
const MUTATION_TIMEOUT = 60_000;

/** Single mutations each lesson's grader cannot tell from its solution (they pass): they change nothing graded. */
const EQUIVALENT: Record<string, string[]> = {
  'netpol-allow-all': [],
  'netpol-deny-all': [],
  // Without Egress the egress rule `{}` is dropped, and egress is open: the same as admitting everything.
  'netpol-egress-only': ['default/egress-only-allow-networkpolicy: drop policyType Egress', 'test/egress-only-allow-networkpolicy: drop policyType Egress'],
  // A policy with ingress rules and no policyTypes defaults to Ingress: the same policy.
  'netpol-pod-selector': ['default/sp-pod-allow-networkpolicy: drop policyType Ingress'],
  'netpol-namespace-selector': ['test/sp-namespace-allow-networkpolicy: drop policyType Ingress'],
  'netpol-ip-block': ['test/sp-ip-allow-networkpolicy: drop policyType Ingress'],
  // default/web is the only other pod of default, and it may send only to test: every pod of default is the same.
  'netpol-predict-first': ['default/pod2-from-pod1 ingress[0]: from[0].podSelector {}'],
  // A policy with ingress rules and no policyTypes defaults to Ingress: the same policy.
  'netpol-and-or-peers': ['prod/api-allow-monitoring: drop policyType Ingress'],
  'netpol-named-ports': ['prod/allow-metrics-scrape: drop policyType Ingress'],
  'netpol-port-range': [],
  'netpol-union': ['store/backend-allow-frontend: drop policyType Ingress', 'store/backend-allow-monitoring: drop policyType Ingress'],
  'netpol-fix-broken': ['store/backend-ingress: drop policyType Ingress'],
  // Every edge is guarded at both ends, but admitsOnly and policyTypes see a widened end: nothing passes unseen.
  'netpol-three-tier': [],
  'netpol-dns-egress': [],
  'netpol-metadata-except': [],
  'netpol-external-db': [],
};

describe('every mutation of a solution that changes what the lesson grades fails', () => {
  for (const id of ALL_IDS) {
    const l = lesson(id);
    const base = parse(l.solution);
    const place = placeOf(l);
    const baseSignature = (): string => signature(l, gradeAttempt(l, l.solution));

    it(`${id}: each single mutation fails, or is one of the known equivalent ones`, () => {
      const want = baseSignature();
      const equivalent: string[] = [];
      const passed: string[] = [];
      const all = mutations(base, place);
      expect(all.length).toBeGreaterThan(2);
      for (const m of all) {
        const d = clone(base);
        m.apply(d);
        const verdict = judge(l, print(d), want);
        expect(verdict, m.label).not.toBe('invalid');
        if (verdict === 'equivalent') equivalent.push(m.label);
        if (verdict === 'passed') passed.push(m.label);
      }
      expect(passed).toEqual([]);
      expect(equivalent).toEqual(EQUIVALENT[id]);
    }, MUTATION_TIMEOUT);

    it(`${id}: chains of up to three mutations fail unless they change nothing graded (fast-check)`, () => {
      const want = baseSignature();
      expect(judge(l, print(base), want)).toBe('equivalent');
      expect(gradeAttempt(l, print(base)).status).toBe('passed'); // the solution, reprinted, still passes
      fc.assert(
        fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), (picks) => {
          const d = clone(base);
          const applied: string[] = [];
          for (const pick of picks) {
            const family = mutations(d, place);
            if (family.length === 0) break;
            const m = family[pick % family.length]!;
            m.apply(d);
            applied.push(m.label);
          }
          const verdict = judge(l, print(d), want);
          if (verdict === 'invalid') throw new Error(`invalid mutant: ${applied.join('; ')}`);
          fc.pre(verdict !== 'equivalent');
          if (verdict !== 'failed') throw new Error(`a mutant passed: ${applied.join('; ')}`);
        }),
        { numRuns: 150, seed: 20240611 },
      );
    }, MUTATION_TIMEOUT);
  }
});
