// The egress NetworkPolicy lessons (DNS after a default deny, the cloud metadata address, an external database) on
// the netpol-egress cluster: each solution and the other answers an examiner accepts pass, and the answers an
// examiner rejects fail on exactly the checks named, several with the message the learner reads.
import { describe, expect, it } from 'vitest';
import { gradeAttempt } from './index';
import { expectPasses, failingChecks, lessonsOf } from './test-grading';

const { lesson } = lessonsOf('netpol-');

/** A NetworkPolicy; `spec` is YAML (flow or block) indented by two spaces. */
const np = (namespace: string, name: string, spec: string): string =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n${spec}\n`;
const docs = (...texts: string[]): string => texts.join('---\n');
const failing = (id: string, text: string): string[] => failingChecks(lesson(id), text);
const problems = (id: string, text: string, check: string): string[] =>
  gradeAttempt(lesson(id), text).checks.find((c) => c.id === check)!.problems.map((p) => p.en);
const problemsJa = (id: string, text: string, check: string): string[] =>
  gradeAttempt(lesson(id), text).checks.find((c) => c.id === check)!.problems.map((p) => p.ja);

/** Whether a connection is allowed under a text, e.g. allowed(ID, text, 'shop/api-1', 'external:public-dns', '53/UDP'). */
function allowed(id: string, text: string, from: string, to: string, probe: string): boolean {
  const result = gradeAttempt(lesson(id), text).connectivity!;
  const at = (ep: string): number => result.cluster.endpoints.findIndex((e) => e.id === ep);
  const g = result.probes.findIndex((p) => `${p.port}/${p.protocol}` === probe);
  expect([at(from), at(to), g]).not.toContain(-1);
  return result.verdict(at(from), at(to), g).allowed;
}

const ns = (name: string): string => `{matchLabels: {kubernetes.io/metadata.name: ${name}}}`;
const KUBE_DNS = '{matchLabels: {k8s-app: kube-dns}}';
const DNS_PORTS = '[{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]';

describe('the egress lessons', () => {
  it('run on the egress cluster, with its decoys at the addresses the lessons name', () => {
    const l = lesson('netpol-dns-egress');
    expect(l.cluster.file).toBe('lessons/_clusters/netpol-egress.yaml');
    const eps = gradeAttempt(l, l.solution).connectivity!.cluster.endpoints.map((e) => `${e.id} ${e.ip?.text ?? ''} ${JSON.stringify(e.labels)}`);
    expect(eps).toEqual([
      'external:internet 93.184.216.34 {}',
      'external:metadata 169.254.169.254 {}',
      'external:orders-db 10.0.5.20 {}',
      'external:orders-db-replica 10.0.5.21 {}',
      'external:public-dns 8.8.8.8 {}',
      'external:reporting-db 10.0.5.30 {}',
      'external:time-sync 169.254.169.123 {}',
      'external:vpc-dns 169.254.169.253 {}',
      'kube-system/coredns-1 10.244.1.2 {"k8s-app":"kube-dns"}',
      'kube-system/coredns-2 10.244.2.2 {"k8s-app":"kube-dns"}',
      'kube-system/metrics-server 10.244.3.2 {"k8s-app":"metrics-server"}',
      'shop/api-1 10.244.2.10 {"app":"api","tier":"backend"}',
      'shop/api-2 10.244.3.10 {"app":"api","tier":"backend"}',
      'shop/debug 10.244.3.11 {"run":"debug"}',
      'shop/frontend 10.244.1.10 {"app":"frontend","tier":"frontend"}',
      'shop/postgres 10.244.2.11 {"app":"postgres","tier":"db"}',
      'shop/worker 10.244.1.11 {"app":"worker","tier":"backend"}',
      'staging/api 10.244.1.20 {"app":"api","tier":"backend"}',
      'staging/coredns 10.244.3.20 {"k8s-app":"kube-dns"}',
    ]);
  });

  it('say what is graded, in both languages', () => {
    const graded: Record<string, [string, string]> = {
      'netpol-dns-egress': ['UDP 53 and 123 and TCP 53, 80, 443 and 9153', 'UDP 53・123、TCP 53・80・443・9153'],
      'netpol-metadata-except': ['TCP 80, 443 and 8080, UDP 53 and 123 and SCTP 3868', 'TCP 80・443・8080、UDP 53・123、SCTP 3868'],
      'netpol-external-db': ['TCP 80, 443, 5431, 5432 and 5433 and UDP 53 and 5432', 'TCP 80・443・5431・5432・5433、UDP 53・5432'],
    };
    for (const [id, [en, ja]] of Object.entries(graded)) {
      expect(lesson(id).instructions.en).toContain(en);
      expect(lesson(id).instructions.ja).toContain(ja);
      expect(gradeAttempt(lesson(id), lesson(id).start.en).status).toBe('pending');
    }
  });
});

// ---- 1. default deny, but let DNS out ---------------------------------------------------------------------------

describe('netpol-dns-egress', () => {
  const ID = 'netpol-dns-egress';
  const NAME = 'default-deny-allow-dns';
  const BOTH = '  podSelector: {}\n  policyTypes: [Ingress, Egress]\n';
  const deny = (egress: string, head = BOTH, namespace = 'shop', name = NAME) => np(namespace, name, `${head}  egress: ${egress}`);
  const peer = (nsSel: string, podSel = KUBE_DNS) => `[{to: [{namespaceSelector: ${nsSel}, podSelector: ${podSel}}], ports: ${DNS_PORTS}}]`;

  it('the solution passes, and so do the answers an examiner accepts', () => {
    expectPasses(lesson(ID), lesson(ID).solution);
    // Without policyTypes a policy with egress rules gets Ingress and Egress: the same policy.
    expectPasses(lesson(ID), deny(peer(ns('kube-system')), '  podSelector: {}\n'));
    // Named ports, each with its protocol: dns is 53/UDP and dns-tcp 53/TCP on the CoreDNS pods.
    expectPasses(lesson(ID), deny(`[{to: [{namespaceSelector: ${ns('kube-system')}, podSelector: ${KUBE_DNS}}], ports: [{protocol: UDP, port: dns}, {protocol: TCP, port: dns-tcp}]}]`));
    // One rule per protocol, and matchExpressions instead of matchLabels.
    const to = `[{namespaceSelector: {matchExpressions: [{key: kubernetes.io/metadata.name, operator: In, values: [kube-system]}]}, podSelector: {matchExpressions: [{key: k8s-app, operator: In, values: [kube-dns]}]}}]`;
    expectPasses(lesson(ID), deny(`[{to: ${to}, ports: [{protocol: UDP, port: 53}]}, {to: ${to}, ports: [{protocol: TCP, port: 53}]}]`));
  });

  it('UDP 53 only: lookups that fall back to TCP fail', () => {
    const text = deny(`[{to: [{namespaceSelector: ${ns('kube-system')}, podSelector: ${KUBE_DNS}}], ports: [{protocol: UDP, port: 53}]}]`);
    expect(failing(ID, text)).toEqual(['dns-only', 'named-policy']);
    expect(problems(ID, text, 'dns-only')[0]).toBe('shop/api-1 → kube-system/coredns-1 (TCP 53) should be allowed, but it is denied.');
    expect(problems(ID, text, 'named-policy')[0]).toBe('shop/api-1 → kube-system/coredns-1 (TCP 53): no egress rule admits it.');
  });

  it('port 53 with no protocol is TCP only', () => {
    expect(failing(ID, deny(`[{to: [{namespaceSelector: ${ns('kube-system')}, podSelector: ${KUBE_DNS}}], ports: [{port: 53}]}]`))).toEqual(['dns-only', 'named-policy']);
  });

  it('named ports without their protocol: dns is a UDP port, so {port: dns} (TCP) matches nothing', () => {
    const text = deny(`[{to: [{namespaceSelector: ${ns('kube-system')}, podSelector: ${KUBE_DNS}}], ports: [{port: dns}, {port: dns-tcp}]}]`);
    expect(failing(ID, text)).toEqual(['dns-only', 'named-policy']);
    expect(problems(ID, text, 'dns-only')[0]).toBe('shop/api-1 → kube-system/coredns-1 (UDP 53) should be allowed, but it is denied.');
  });

  it('the podSelector alone looks for CoreDNS in shop, where there is none', () => {
    const text = deny(`[{to: [{podSelector: ${KUBE_DNS}}], ports: ${DNS_PORTS}}]`);
    expect(failing(ID, text)).toEqual(['dns-only', 'named-policy']);
    expect(problems(ID, text, 'named-policy')[0]).toBe('shop/api-1 → kube-system/coredns-1 (UDP 53): no egress rule admits it.');
  });

  it('namespaceSelector and podSelector as two to items (OR): every pod of kube-system, metrics-server too', () => {
    const text = deny(`[{to: [{namespaceSelector: ${ns('kube-system')}}, {podSelector: ${KUBE_DNS}}], ports: ${DNS_PORTS}}]`);
    // The OR admits all of kube-system, and the kube-dns pods of shop (none): not staging/coredns.
    expect(failing(ID, text)).toEqual(['dns-only', 'named-policy']);
    expect(problems(ID, text, 'dns-only')[0]).toBe('shop/api-1 → kube-system/metrics-server (TCP 53) should be denied, but it is allowed.');
    expect(allowed(ID, text, 'shop/api-1', 'kube-system/metrics-server', '53/UDP')).toBe(true);
    expect(allowed(ID, text, 'shop/api-1', 'staging/coredns', '53/UDP')).toBe(false);
    // CoreDNS gets through the namespaceSelector item, which picks no pods.
    expect(problems(ID, text, 'named-policy')[0]).toBe(
      `shop/api-1 → kube-system/coredns-1 (UDP 53): shop/${NAME}'s egress rule 1 has no podSelector: it should pick pods by k8s-app.`,
    );
    expect(problems(ID, text, 'named-policy')).toContain(
      `shop/api-1 → kube-system/metrics-server (TCP 53): shop/${NAME}'s egress rule 1 admits it, but the task names no such connection.`,
    );
  });

  it('the namespace alone: metrics-server is not DNS', () => {
    expect(failing(ID, deny(`[{to: [{namespaceSelector: ${ns('kube-system')}}], ports: ${DNS_PORTS}}]`))).toEqual(['dns-only', 'named-policy']);
  });

  it('k8s-app=kube-dns in every namespace: the staging look-alike answers', () => {
    const text = deny(peer('{}'));
    expect(failing(ID, text)).toEqual(['dns-only', 'named-policy']);
    expect(problems(ID, text, 'dns-only')[0]).toBe('shop/api-1 → staging/coredns (TCP 53) should be denied, but it is allowed.');
  });

  it('every namespace but shop: staging is not kube-system', () => {
    expect(failing(ID, deny(peer('{matchExpressions: [{key: kubernetes.io/metadata.name, operator: NotIn, values: [shop]}]}')))).toEqual(['dns-only', 'named-policy']);
  });

  it('kube-system picked as the namespace without an env label: right verdicts, not the label the task names', () => {
    const text = deny(peer('{matchExpressions: [{key: env, operator: DoesNotExist}]}'));
    expect(failing(ID, text)).toEqual(['named-policy']);
    expect(problems(ID, text, 'named-policy')[0]).toBe(
      `shop/api-1 → kube-system/coredns-1 (UDP 53): shop/${NAME}'s egress rule 1 picks namespaces by env, not by kubernetes.io/metadata.name (the label the task names).`,
    );
    expect(problemsJa(ID, text, 'named-policy')[0]).toBe(
      `shop/api-1 → kube-system/coredns-1 (UDP 53): shop/${NAME} の Egress ルール 1 はnamespace を kubernetes.io/metadata.name（課題が指定するラベル）ではなく env で選んでいます。`,
    );
  });

  it('the CoreDNS pods picked by another label than k8s-app (app DoesNotExist): metrics-server too, and not the label the task names', () => {
    const text = deny(peer(ns('kube-system'), '{matchExpressions: [{key: app, operator: DoesNotExist}]}'));
    expect(failing(ID, text)).toEqual(['dns-only', 'named-policy']);
    expect(problems(ID, text, 'dns-only')[0]).toBe('shop/api-1 → kube-system/metrics-server (TCP 53) should be denied, but it is allowed.');
    expect(problems(ID, text, 'named-policy')[0]).toBe(
      `shop/api-1 → kube-system/coredns-1 (UDP 53): shop/${NAME}'s egress rule 1 picks pods by app, not by k8s-app (the label the task names).`,
    );
  });

  it('a namespace label that does not exist (name: kube-system) selects no namespace', () => {
    expect(failing(ID, deny(peer('{matchLabels: {name: kube-system}}')))).toEqual(['dns-only', 'named-policy']);
  });

  it('port 53 to every destination: public-dns, vpc-dns and staging/coredns get through', () => {
    const text = deny(`[{ports: ${DNS_PORTS}}]`);
    expect(failing(ID, text)).toEqual(['dns-only', 'named-policy']);
    expect(problems(ID, text, 'dns-only')[0]).toBe('shop/api-1 → external:internet (TCP 53) should be denied, but it is allowed.');
    expect(allowed(ID, text, 'shop/api-1', 'external:public-dns', '53/UDP')).toBe(true);
    expect(allowed(ID, text, 'shop/api-1', 'external:vpc-dns', '53/UDP')).toBe(true);
    expect(allowed(ID, text, 'shop/api-1', 'staging/coredns', '53/UDP')).toBe(true);
    // Within shop the destination's ingress still denies it.
    expect(allowed(ID, text, 'shop/api-1', 'shop/worker', '53/UDP')).toBe(false);
    expect(problems(ID, text, 'named-policy')[0]).toBe(
      `shop/api-1 → kube-system/coredns-1 (UDP 53): shop/${NAME}'s egress rule 1 admits every peer, not a namespaceSelector.`,
    );
  });

  it('CoreDNS and every pod of shop on port 53: shop’s ingress still refuses, but the rule is wider than the task', () => {
    const text = deny(`[{to: [{namespaceSelector: ${ns('kube-system')}, podSelector: ${KUBE_DNS}}, {podSelector: {}}], ports: ${DNS_PORTS}}]`);
    expect(failing(ID, text)).toEqual(['named-policy']);
    expect(problems(ID, text, 'named-policy')[0]).toBe(
      `shop/api-1 → shop/api-2 (TCP 53): shop/${NAME}'s egress rule 1 admits it, but the task names no such connection.`,
    );
  });

  it('CoreDNS without ports: its metrics port 9153 and everything else open', () => {
    const text = deny(`[{to: [{namespaceSelector: ${ns('kube-system')}, podSelector: ${KUBE_DNS}}]}]`);
    expect(failing(ID, text)).toEqual(['dns-only', 'named-policy']);
    expect(problems(ID, text, 'dns-only')).toContain('shop/api-1 → kube-system/coredns-1 (TCP 9153) should be denied, but it is allowed.');
  });

  it('the right peer, and 8.8.8.8 as well', () => {
    const text = deny(`[{to: [{namespaceSelector: ${ns('kube-system')}, podSelector: ${KUBE_DNS}}, {ipBlock: {cidr: 8.8.8.8/32}}], ports: ${DNS_PORTS}}]`);
    expect(failing(ID, text)).toEqual(['dns-only', 'named-policy']);
  });

  it('the CoreDNS pod IPs listed: right verdicts, but they change when CoreDNS restarts', () => {
    const text = deny(`[{to: [{ipBlock: {cidr: 10.244.1.2/32}}, {ipBlock: {cidr: 10.244.2.2/32}}], ports: ${DNS_PORTS}}]`);
    expect(failing(ID, text)).toEqual(['named-policy']);
    expect(problems(ID, text, 'named-policy')[0]).toBe(
      `shop/api-1 → kube-system/coredns-1 (UDP 53): shop/${NAME}'s egress rule 1 admits it with an ipBlock peer, not a namespaceSelector.`,
    );
    expect(problemsJa(ID, text, 'named-policy')[0]).toBe(
      `shop/api-1 → kube-system/coredns-1 (UDP 53): shop/${NAME} の Egress ルール 1 は namespaceSelector ではなく、ipBlock のピアで認めています。`,
    );
  });

  it('policyTypes [Egress] only: anything still reaches the shop pods', () => {
    const text = deny(peer(ns('kube-system')), '  podSelector: {}\n  policyTypes: [Egress]\n');
    expect(failing(ID, text)).toEqual(['dns-only', 'named-policy']);
    expect(problems(ID, text, 'dns-only')[0]).toBe('external:internet → shop/api-1 (TCP 53) should be denied, but it is allowed.');
    expect(problems(ID, text, 'named-policy')).toEqual([`shop/${NAME} has policyTypes Egress (after defaulting); it should have Ingress and Egress.`]);
  });

  it('policyTypes [Ingress] only: the egress rule is ignored and egress stays open', () => {
    const text = deny(peer(ns('kube-system')), '  podSelector: {}\n  policyTypes: [Ingress]\n');
    expect(failing(ID, text)).toEqual(['dns-only', 'named-policy']);
    expect(problems(ID, text, 'named-policy')[1]).toBe('shop/api-1 → kube-system/coredns-1 (UDP 53): nothing isolates shop/api-1 for egress, so no rule admits it.');
  });

  it('app Exists instead of every pod: shop/debug stays open', () => {
    const text = deny(peer(ns('kube-system')), '  podSelector: {matchExpressions: [{key: app, operator: Exists}]}\n  policyTypes: [Ingress, Egress]\n');
    expect(failing(ID, text)).toEqual(['dns-only', 'named-policy']);
    expect(problems(ID, text, 'named-policy')[0]).toBe(`shop/${NAME} does not select shop/debug.`);
  });

  it('the policy in kube-system instead of shop', () => {
    const text = deny(peer(ns('kube-system')), BOTH, 'kube-system');
    expect(failing(ID, text)).toEqual(['dns-only', 'named-policy']);
    expect(problems(ID, text, 'named-policy')[0]).toBe(`No NetworkPolicy named ${NAME} in namespace shop (there is one in kube-system).`);
  });

  it('the right policy under another name', () => {
    expect(failing(ID, lesson(ID).solution.replace(`name: ${NAME}`, 'name: allow-dns'))).toEqual(['named-policy']);
  });

  it('the named policy denies all and a second policy admits DNS: not the one policy asked for', () => {
    const text = docs(np('shop', NAME, BOTH), np('shop', 'allow-dns', `  podSelector: {}\n  policyTypes: [Egress]\n  egress: ${peer(ns('kube-system'))}`));
    expect(failing(ID, text)).toEqual(['named-policy']);
    expect(problems(ID, text, 'named-policy')[0]).toBe(`shop/api-1 → kube-system/coredns-1 (UDP 53): no rule of ${NAME} admits it.`);
  });

  it('an ingress rule that admits the pods of shop: no verdict changes (they cannot send), but the policy admits more than DNS', () => {
    const text = np('shop', NAME, `${BOTH}  ingress: [{from: [{podSelector: {}}]}]\n  egress: ${peer(ns('kube-system'))}`);
    expect(failing(ID, text)).toEqual(['named-policy']);
    expect(problems(ID, text, 'named-policy')[0]).toMatch(/^shop\/api-1 → shop\/api-2 \(TCP 53\): shop\/default-deny-allow-dns's ingress rule 1 admits it, but the task names no such connection\.$/);
  });
});

// ---- 2. block the cloud metadata address ------------------------------------------------------------------------

describe('netpol-metadata-except', () => {
  const ID = 'netpol-metadata-except';
  const NAME = 'block-metadata';
  const EGRESS = '  podSelector: {}\n  policyTypes: [Egress]\n';
  const policy = (egress: string, head = EGRESS, namespace = 'shop', name = NAME) => np(namespace, name, `${head}  egress: ${egress}`);
  const ALL_BUT = '{ipBlock: {cidr: 0.0.0.0/0, except: [169.254.169.254/32]}}';

  it('the solution passes, and so do the answers an examiner accepts', () => {
    expectPasses(lesson(ID), lesson(ID).solution);
    // Every pod by selector beside the block, for plugins whose ipBlock does not match pod IPs.
    expectPasses(lesson(ID), policy(`[{to: [{namespaceSelector: {}}, ${ALL_BUT}]}]`));
    // The address space in two halves, the metadata address cut out of its half.
    expectPasses(lesson(ID), policy('[{to: [{ipBlock: {cidr: 0.0.0.0/1}}]}, {to: [{ipBlock: {cidr: 128.0.0.0/1, except: [169.254.169.254/32]}}]}]'));
  });

  it('except 169.254.0.0/16: the whole link-local block, time-sync and vpc-dns too', () => {
    const text = policy('[{to: [{ipBlock: {cidr: 0.0.0.0/0, except: [169.254.0.0/16]}}]}]');
    expect(failing(ID, text)).toEqual(['all-but-metadata', 'named-policy']);
    expect(problems(ID, text, 'all-but-metadata')[0]).toBe('shop/api-1 → external:time-sync (UDP 53) should be allowed, but it is denied.');
    expect(problems(ID, text, 'named-policy')[0]).toBe('shop/api-1 → external:time-sync (UDP 123): no egress rule admits it.');
  });

  it('except 169.254.169.0/24: time-sync (169.254.169.123) is cut off', () => {
    const text = policy('[{to: [{ipBlock: {cidr: 0.0.0.0/0, except: [169.254.169.0/24]}}]}]');
    expect(failing(ID, text)).toEqual(['all-but-metadata', 'named-policy']);
    expect(allowed(ID, text, 'shop/frontend', 'external:time-sync', '123/UDP')).toBe(false);
  });

  it('except a /30 around the address: vpc-dns (169.254.169.253) is cut off', () => {
    const text = policy('[{to: [{ipBlock: {cidr: 0.0.0.0/0, except: [169.254.169.252/30]}}]}]');
    expect(failing(ID, text)).toEqual(['all-but-metadata', 'named-policy']);
    expect(problems(ID, text, 'all-but-metadata')[0]).toBe('shop/api-1 → external:vpc-dns (UDP 53) should be allowed, but it is denied.');
  });

  it('0.0.0.0/0 without the except', () => {
    const text = policy('[{to: [{ipBlock: {cidr: 0.0.0.0/0}}]}]');
    expect(failing(ID, text)).toEqual(['all-but-metadata']);
    expect(problems(ID, text, 'all-but-metadata')[0]).toBe('shop/api-1 → external:metadata (UDP 53) should be denied, but it is allowed.');
  });

  it('every TCP port, but no UDP or SCTP', () => {
    const text = policy(`[{to: [${ALL_BUT}], ports: [{protocol: TCP}]}]`);
    expect(failing(ID, text)).toEqual(['all-but-metadata', 'named-policy']);
    expect(problems(ID, text, 'all-but-metadata')[0]).toBe('shop/api-1 → external:internet (UDP 53) should be allowed, but it is denied.');
  });

  it('TCP 80 and 443 only, where every port was asked', () => {
    expect(failing(ID, policy(`[{to: [${ALL_BUT}], ports: [{port: 80}, {port: 443}]}]`))).toEqual(['all-but-metadata', 'named-policy']);
  });

  it('a second rule "for DNS" reopens the metadata address on UDP 53: rules are a union', () => {
    const text = policy(`[{to: [${ALL_BUT}]}, {ports: [{protocol: UDP, port: 53}]}]`);
    expect(failing(ID, text)).toEqual(['all-but-metadata', 'named-policy']);
    expect(problems(ID, text, 'all-but-metadata')).toEqual([
      'shop/api-1 → external:metadata (UDP 53) should be denied, but it is allowed.',
      'shop/api-2 → external:metadata (UDP 53) should be denied, but it is allowed.',
      'shop/debug → external:metadata (UDP 53) should be denied, but it is allowed.',
      'shop/frontend → external:metadata (UDP 53) should be denied, but it is allowed.',
      '…and 2 more connections.',
    ]);
    // vpc-dns on UDP 53 is admitted by the open second rule as well as by the ipBlock.
    expect(problems(ID, text, 'named-policy')[0]).toBe(`shop/api-1 → external:vpc-dns (UDP 53): shop/${NAME}'s egress rule 2 admits every peer, not an ipBlock.`);
  });

  it('Ingress in policyTypes: nothing reaches the shop pods any more', () => {
    const text = policy(`[{to: [${ALL_BUT}]}]`, '  podSelector: {}\n  policyTypes: [Ingress, Egress]\n');
    expect(failing(ID, text)).toEqual(['all-but-metadata', 'named-policy']);
    expect(problems(ID, text, 'named-policy')).toEqual([`shop/${NAME} has policyTypes Ingress and Egress (after defaulting); it should have Egress.`]);
  });

  it('no policyTypes: with egress rules the API server sets Ingress and Egress', () => {
    const text = policy(`[{to: [${ALL_BUT}]}]`, '  podSelector: {}\n');
    expect(failing(ID, text)).toEqual(['all-but-metadata', 'named-policy']);
    expect(problems(ID, text, 'all-but-metadata')[0]).toBe('external:internet → shop/api-1 (UDP 53) should be allowed, but it is denied.');
  });

  it('a "deny" rule naming the metadata address admits only it', () => {
    const text = policy('[{to: [{ipBlock: {cidr: 169.254.169.254/32}}]}]');
    expect(failing(ID, text)).toEqual(['all-but-metadata', 'named-policy']);
    expect(problems(ID, text, 'all-but-metadata')[0]).toBe('shop/api-1 → external:internet (UDP 53) should be allowed, but it is denied.');
  });

  it('allow all, plus a second policy meant to deny the metadata address', () => {
    const text = docs(policy('[{}]'), np('shop', 'deny-metadata', `${EGRESS}  egress: [{to: [{ipBlock: {cidr: 169.254.169.254/32}}]}]`));
    expect(failing(ID, text)).toEqual(['all-but-metadata', 'named-policy']);
    expect(problems(ID, text, 'named-policy')[0]).toBe(`shop/api-1 → external:internet (TCP 443): shop/${NAME}'s egress rule 1 admits every peer, not an ipBlock.`);
  });

  it('every pod plus the internet and public DNS listed, instead of every address', () => {
    const text = policy('[{to: [{namespaceSelector: {}}, {ipBlock: {cidr: 93.184.216.34/32}}, {ipBlock: {cidr: 8.8.8.8/32}}]}]');
    expect(failing(ID, text)).toEqual(['all-but-metadata', 'named-policy']);
    expect(problems(ID, text, 'all-but-metadata')[0]).toBe('shop/api-1 → external:orders-db (UDP 53) should be allowed, but it is denied.');
  });

  it('every pod but nothing outside the cluster', () => {
    expect(failing(ID, policy('[{to: [{namespaceSelector: {}}]}]'))).toEqual(['all-but-metadata', 'named-policy']);
  });

  it('app Exists instead of every pod: shop/debug still reaches the metadata address', () => {
    const text = policy(`[{to: [${ALL_BUT}]}]`, '  podSelector: {matchExpressions: [{key: app, operator: Exists}]}\n  policyTypes: [Egress]\n');
    expect(failing(ID, text)).toEqual(['all-but-metadata', 'named-policy']);
    expect(problems(ID, text, 'all-but-metadata')).toEqual([
      'shop/debug → external:metadata (UDP 53) should be denied, but it is allowed.',
      'shop/debug → external:metadata (TCP 80) should be denied, but it is allowed.',
      'shop/debug → external:metadata (UDP 123) should be denied, but it is allowed.',
      'shop/debug → external:metadata (TCP 443) should be denied, but it is allowed.',
      '…and 2 more connections.',
    ]);
  });

  it('the policy in kube-system instead of shop', () => {
    const text = policy(`[{to: [${ALL_BUT}]}]`, EGRESS, 'kube-system');
    expect(failing(ID, text)).toEqual(['all-but-metadata', 'named-policy']);
    expect(problems(ID, text, 'named-policy')[0]).toBe(`No NetworkPolicy named ${NAME} in namespace shop (there is one in kube-system).`);
  });

  it('the right policy under another name', () => {
    const text = lesson(ID).solution.replace(`name: ${NAME}`, 'name: deny-metadata');
    expect(failing(ID, text)).toEqual(['named-policy']);
    expect(problemsJa(ID, text, 'named-policy')[0]).toBe(`namespace shop に ${NAME} という名前の NetworkPolicy がありません。`);
  });
});

// ---- 3. the api reaches only its external database --------------------------------------------------------------

describe('netpol-external-db', () => {
  const ID = 'netpol-external-db';
  const NAME = 'api-egress-db';
  const API = '  podSelector: {matchLabels: {app: api}}\n  policyTypes: [Egress]\n';
  const policy = (egress: string, head = API, namespace = 'shop', name = NAME) => np(namespace, name, `${head}  egress: ${egress}`);
  const DB = '[{ipBlock: {cidr: 10.0.5.20/32}}]';
  const TCP5432 = '[{protocol: TCP, port: 5432}]';
  const RIGHT = `[{to: ${DB}, ports: ${TCP5432}}]`;

  it('the solution passes, and so do the answers an examiner accepts', () => {
    expectPasses(lesson(ID), lesson(ID).solution);
    // A port without protocol is TCP.
    expectPasses(lesson(ID), policy(`[{to: ${DB}, ports: [{port: 5432}]}]`));
    // The /31 with the replica cut out is the same single address.
    expectPasses(lesson(ID), policy(`[{to: [{ipBlock: {cidr: 10.0.5.20/31, except: [10.0.5.21/32]}}], ports: ${TCP5432}}]`));
    // matchExpressions In [api] selects the same pods.
    expectPasses(lesson(ID), policy(RIGHT, '  podSelector: {matchExpressions: [{key: app, operator: In, values: [api]}]}\n  policyTypes: [Egress]\n'));
  });

  it('a /24 block: the replica and the reporting database in the same network are reachable', () => {
    const text = policy(`[{to: [{ipBlock: {cidr: 10.0.5.0/24}}], ports: ${TCP5432}}]`);
    expect(failing(ID, text)).toEqual(['api-to-db-only']);
    expect(problems(ID, text, 'api-to-db-only')).toEqual([
      'shop/api-1 → external:orders-db-replica (TCP 5432) should be denied, but it is allowed.',
      'shop/api-1 → external:reporting-db (TCP 5432) should be denied, but it is allowed.',
      'shop/api-2 → external:orders-db-replica (TCP 5432) should be denied, but it is allowed.',
      'shop/api-2 → external:reporting-db (TCP 5432) should be denied, but it is allowed.',
    ]);
  });

  it('the /24 with the replica cut out: reporting-db is still admitted', () => {
    const text = policy(`[{to: [{ipBlock: {cidr: 10.0.5.0/24, except: [10.0.5.21/32]}}], ports: ${TCP5432}}]`);
    expect(failing(ID, text)).toEqual(['api-to-db-only']);
    expect(problems(ID, text, 'api-to-db-only')[0]).toBe('shop/api-1 → external:reporting-db (TCP 5432) should be denied, but it is allowed.');
  });

  it('a /31 block holds the replica too', () => {
    expect(failing(ID, policy(`[{to: [{ipBlock: {cidr: 10.0.5.20/31}}], ports: ${TCP5432}}]`))).toEqual(['api-to-db-only']);
  });

  it('10.0.0.0/8: the pod network is inside it, and so is the in-cluster postgres', () => {
    const text = policy(`[{to: [{ipBlock: {cidr: 10.0.0.0/8}}], ports: ${TCP5432}}]`);
    expect(failing(ID, text)).toEqual(['api-to-db-only']);
    expect(problems(ID, text, 'api-to-db-only')[0]).toBe('shop/api-1 → external:orders-db-replica (TCP 5432) should be denied, but it is allowed.');
    expect(allowed(ID, text, 'shop/api-1', 'shop/postgres', '5432/TCP')).toBe(true);
  });

  it('the database on every port', () => {
    const text = policy(`[{to: ${DB}}]`);
    expect(failing(ID, text)).toEqual(['api-to-db-only']);
    expect(problems(ID, text, 'api-to-db-only')[0]).toBe('shop/api-1 → external:orders-db (UDP 53) should be denied, but it is allowed.');
  });

  it('a port range 5432-5433', () => {
    const text = policy(`[{to: ${DB}, ports: [{protocol: TCP, port: 5432, endPort: 5433}]}]`);
    expect(failing(ID, text)).toEqual(['api-to-db-only']);
    expect(problems(ID, text, 'api-to-db-only')[0]).toBe('shop/api-1 → external:orders-db (TCP 5433) should be denied, but it is allowed.');
  });

  it('TCP and UDP 5432', () => {
    expect(failing(ID, policy(`[{to: ${DB}, ports: [{protocol: TCP, port: 5432}, {protocol: UDP, port: 5432}]}]`))).toEqual(['api-to-db-only']);
  });

  it('UDP 5432 instead of TCP', () => {
    expect(failing(ID, policy(`[{to: ${DB}, ports: [{protocol: UDP, port: 5432}]}]`))).toEqual(['api-to-db-only', 'named-policy']);
  });

  it('the named port postgresql: an address outside the cluster has no named ports', () => {
    const text = policy(`[{to: ${DB}, ports: [{protocol: TCP, port: postgresql}]}]`);
    expect(failing(ID, text)).toEqual(['api-to-db-only', 'named-policy']);
    expect(problems(ID, text, 'api-to-db-only')).toEqual([
      'shop/api-1 → external:orders-db (TCP 5432) should be allowed, but it is denied.',
      'shop/api-2 → external:orders-db (TCP 5432) should be allowed, but it is denied.',
    ]);
  });

  it('port 5432 with no peer: the in-cluster postgres and the replica too', () => {
    const text = policy(`[{ports: ${TCP5432}}]`);
    expect(failing(ID, text)).toEqual(['api-to-db-only', 'named-policy']);
    expect(problems(ID, text, 'named-policy')[0]).toBe(`shop/api-1 → external:orders-db (TCP 5432): shop/${NAME}'s egress rule 1 admits every peer, not an ipBlock.`);
  });

  it('the address and the port in two rules (OR): the database on every port, every destination on 5432', () => {
    const text = policy(`[{to: ${DB}}, {ports: ${TCP5432}}]`);
    expect(failing(ID, text)).toEqual(['api-to-db-only', 'named-policy']);
    expect(problems(ID, text, 'named-policy')[0]).toBe(`shop/api-1 → external:orders-db (TCP 5432): shop/${NAME}'s egress rule 2 admits every peer, not an ipBlock.`);
  });

  it('DNS as well, where nothing else was asked', () => {
    const text = policy(`[{to: ${DB}, ports: ${TCP5432}}, {to: [{namespaceSelector: ${ns('kube-system')}, podSelector: ${KUBE_DNS}}], ports: ${DNS_PORTS}}]`);
    expect(failing(ID, text)).toEqual(['api-to-db-only']);
    expect(problems(ID, text, 'api-to-db-only')[0]).toBe('shop/api-1 → kube-system/coredns-1 (UDP 53) should be denied, but it is allowed.');
  });

  it('every pod of shop selected: frontend and worker are cut off too', () => {
    const text = policy(RIGHT, '  podSelector: {}\n  policyTypes: [Egress]\n');
    expect(failing(ID, text)).toEqual(['api-to-db-only']);
    expect(problems(ID, text, 'api-to-db-only')[0]).toBe('shop/debug → external:internet (UDP 53) should be allowed, but it is denied.');
  });

  it('tier=backend instead of app=api: worker is cut off', () => {
    const text = policy(RIGHT, '  podSelector: {matchLabels: {tier: backend}}\n  policyTypes: [Egress]\n');
    expect(failing(ID, text)).toEqual(['api-to-db-only']);
    expect(problems(ID, text, 'api-to-db-only')[0]).toBe('shop/worker → external:internet (UDP 53) should be allowed, but it is denied.');
  });

  it('app NotIn [frontend, worker, postgres]: debug has no app label, so it is selected too', () => {
    const text = policy(RIGHT, '  podSelector: {matchExpressions: [{key: app, operator: NotIn, values: [frontend, worker, postgres]}]}\n  policyTypes: [Egress]\n');
    expect(failing(ID, text)).toEqual(['api-to-db-only']);
  });

  it('no policyTypes: with an egress rule the API server adds Ingress, and the api stops receiving', () => {
    const text = policy(RIGHT, '  podSelector: {matchLabels: {app: api}}\n');
    expect(failing(ID, text)).toEqual(['api-to-db-only', 'named-policy']);
    expect(problems(ID, text, 'api-to-db-only')[0]).toBe('external:internet → shop/api-1 (UDP 53) should be allowed, but it is denied.');
    expect(problems(ID, text, 'named-policy')).toEqual([`shop/${NAME} has policyTypes Ingress and Egress (after defaulting); it should have Egress.`]);
  });

  it('policyTypes [Ingress]: the egress rule is ignored, the api sends anywhere and receives nothing', () => {
    expect(failing(ID, policy(RIGHT, '  podSelector: {matchLabels: {app: api}}\n  policyTypes: [Ingress]\n'))).toEqual(['api-to-db-only', 'named-policy']);
  });

  it('the policy in staging: it restricts staging/api, and shop’s api stays open', () => {
    const text = policy(RIGHT, API, 'staging');
    expect(failing(ID, text)).toEqual(['api-to-db-only', 'named-policy']);
    expect(problems(ID, text, 'api-to-db-only')[0]).toBe('shop/api-1 → external:internet (UDP 53) should be denied, but it is allowed.');
    expect(allowed(ID, text, 'staging/api', 'external:internet', '443/TCP')).toBe(false);
    expect(allowed(ID, text, 'staging/api', 'external:orders-db', '5432/TCP')).toBe(true);
  });

  it('the right policy under another name', () => {
    const text = lesson(ID).solution.replace(`name: ${NAME}`, 'name: api-to-db');
    expect(failing(ID, text)).toEqual(['named-policy']);
    expect(problems(ID, text, 'named-policy')).toEqual([
      `No NetworkPolicy named ${NAME} in namespace shop.`,
      `shop/api-1 → external:orders-db (TCP 5432): no rule of ${NAME} admits it.`,
      `shop/api-2 → external:orders-db (TCP 5432): no rule of ${NAME} admits it.`,
    ]);
  });

  it('the named policy denies all egress and a second policy admits the database', () => {
    const text = docs(np('shop', NAME, API), np('shop', 'allow-db', `${API}  egress: ${RIGHT}`));
    expect(failing(ID, text)).toEqual(['named-policy']);
  });
});
