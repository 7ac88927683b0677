// The NetworkPolicy lessons on peers and ports, on the observability cluster: one peer with two selectors (AND)
// against two peers (OR), named ports resolved per pod, and endPort ranges. Each solution passes; the answers an
// examiner would reject fail, each on exactly the checks named (too wide, too narrow, the wrong protocol, listed IPs
// instead of selectors, selectors that only fit this cluster, the wrong namespace or name, a missing policyType, and
// each lesson's own typical slip).
import { describe, expect, it } from 'vitest';
import { gradeAttempt, type Lesson } from './index';
import { expectPasses, failingChecks, lessonsOf } from './test-grading';

/** One lesson by id (loaded alone, so a half-written lesson elsewhere does not break these tests). */
const lesson = (id: string): Lesson => lessonsOf(id).lesson(id);

/** A NetworkPolicy; `spec` is YAML block text indented by two spaces. */
const np = (namespace: string, name: string, spec: string): string =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n${spec}\n`;
const docs = (...texts: string[]): string => texts.join('---\n');

/** The English problems of one check. */
const problemsOf = (l: Lesson, text: string, check: string): string[] =>
  gradeAttempt(l, text).checks.find((c) => c.id === check)!.problems.map((p) => p.en);

describe('the observability cluster', () => {
  it('holds the pods, labels and addresses the three lessons rely on', () => {
    const l = lesson('netpol-and-or-peers');
    const grade = gradeAttempt(l, l.solution);
    const eps = grade.connectivity!.cluster.endpoints.map((e) => `${e.id} ${e.ip?.text ?? ''} ${JSON.stringify(e.labels)}`);
    expect(eps).toEqual([
      'batch/cleanup 10.244.4.11 {"job":"cleanup"}',
      'batch/report 10.244.4.10 {"app":"report"}',
      'dev/api 10.244.3.11 {"app":"api"}',
      'dev/prometheus 10.244.3.10 {"app":"prometheus","role":"monitoring"}',
      'external:partner 198.51.100.7 {}',
      'external:partner-b 198.51.100.8 {}',
      'external:partner-test 198.51.100.6 {}',
      'monitoring/alertmanager 10.244.2.12 {"app":"alertmanager","role":"alerting"}',
      'monitoring/grafana 10.244.2.11 {"app":"grafana"}',
      'monitoring/prometheus 10.244.2.10 {"app":"prometheus","role":"monitoring"}',
      'prod/api 10.244.1.10 {"app":"api"}',
      'prod/cache 10.244.1.12 {"app":"cache"}',
      'prod/toolbox 10.244.1.13 {"run":"toolbox"}',
      'prod/web 10.244.1.11 {"app":"web"}',
      'tracing/otel-collector 10.244.2.20 {"app":"otel-collector","role":"monitoring"}',
    ]);
  });

  it('each lesson says in both languages what it probes', () => {
    const said: Record<string, [string, string]> = {
      'netpol-and-or-peers': ['TCP 80, 8080, 8081 and 9090; UDP 53 and 8080; SCTP 8080', 'TCP 80・8080・8081・9090、UDP 53・8080、SCTP 8080'],
      'netpol-named-ports': ['TCP 80, 6379, 8080, 9090, 9113 and 9121; UDP 9090; SCTP 9090', 'TCP 80・6379・8080・9090・9113・9121、UDP 9090、SCTP 9090'],
      'netpol-port-range': ['TCP 443, 29999, 30000, 31000, 32767 and 32768; UDP 53 and 30000; SCTP 30000', 'TCP 443・29999・30000・31000・32767・32768、UDP 53・30000、SCTP 30000'],
    };
    const list = (ports: number[]): string => (ports.length > 1 ? `${ports.slice(0, -1).join(', ')} and ${ports.at(-1)}` : String(ports[0]));
    for (const [id, [en, ja]] of Object.entries(said)) {
      const l = lesson(id);
      expect(l.cluster.file).toBe('lessons/_clusters/netpol-observability.yaml');
      expect(l.instructions.en.replace(/\s+/g, ' ')).toContain(en);
      expect(l.instructions.ja.replace(/\n/g, '')).toContain(ja);
      // The sentence lists exactly the lesson's probes.
      const probes = (l.options.get('netpol') as { ports: { port: number; protocol: string }[] }).ports;
      const of = (protocol: string): number[] => probes.filter((p) => p.protocol === protocol).map((p) => p.port).sort((a, b) => a - b);
      expect(`TCP ${list(of('TCP'))}; UDP ${list(of('UDP'))}; SCTP ${list(of('SCTP'))}`).toBe(en);
      expect(`TCP ${of('TCP').join('・')}、UDP ${of('UDP').join('・')}、SCTP ${of('SCTP').join('・')}`).toBe(ja);
    }
  });

  it('the presenter steps that show a mistake are failed, and each lesson has one predict step', () => {
    for (const id of ['netpol-and-or-peers', 'netpol-named-ports', 'netpol-port-range']) {
      const l = lesson(id);
      expect(l.steps.filter((s) => s.predict)).toHaveLength(1);
      for (const s of l.steps) {
        expect(s.notes.en).not.toBe('');
        expect(s.body.ja).toMatch(/[\u3040-\u30ff]/);
        if (s.apply && s.apply.en !== l.solution && s.apply !== l.start) expect(gradeAttempt(l, s.apply.en).status, s.title.en).toBe('failed');
      }
    }
  });
});

// ---- netpol-and-or-peers ----------------------------------------------------------------------------------------

describe('netpol-and-or-peers', () => {
  const l = lesson('netpol-and-or-peers');
  const NAME = 'api-allow-monitoring';
  const CONN = 'api-from-monitoring-only';
  const POLICY = 'named-policy-and';
  const TEAM = '{matchLabels: {team: observability}}';
  const ROLE = '{matchLabels: {role: monitoring}}';
  const TCP8080 = '\n    ports: [{protocol: TCP, port: 8080}]';
  /** The policy over app=api with one ingress rule: `from` peers, then `ports` text. */
  const api = (from: string, ports = TCP8080, ns = 'prod', name = NAME, types = '[Ingress]') =>
    np(ns, name, `  podSelector: {matchLabels: {app: api}}\n  policyTypes: ${types}\n  ingress:\n  - from: ${from}${ports}`);
  const AND = `[{namespaceSelector: ${TEAM}, podSelector: ${ROLE}}]`;

  it('the solution passes', () => expectPasses(l, l.solution));
  it('the same policy in flow style, without policyTypes (defaulted to Ingress), passes', () => expectPasses(l, api(AND, TCP8080, 'prod', NAME, '[Ingress]').replace('  policyTypes: [Ingress]\n', '')));
  it('the port by its name on app=api (http is 8080/TCP there) passes', () => expectPasses(l, api(AND, '\n    ports: [{port: http}]')));

  it('two items (OR): every pod of the observability namespaces gets in, grafana included', () => {
    const text = api(`[{namespaceSelector: ${TEAM}}, {podSelector: ${ROLE}}]`);
    expect(failingChecks(l, text)).toEqual([CONN, POLICY]);
    expect(problemsOf(l, text, CONN)).toEqual([
      'monitoring/alertmanager → prod/api (TCP 8080) should be denied, but it is allowed.',
      'monitoring/grafana → prod/api (TCP 8080) should be denied, but it is allowed.',
    ]);
    // The monitoring pods get in through the first item, which picks no pods.
    expect(problemsOf(l, text, POLICY)).toEqual([
      `monitoring/prometheus → prod/api (TCP 8080): prod/${NAME}'s ingress rule 1 has no podSelector: it should pick pods by role.`,
      `tracing/otel-collector → prod/api (TCP 8080): prod/${NAME}'s ingress rule 1 has no podSelector: it should pick pods by role.`,
    ]);
  });
  it('role Exists where role=monitoring was asked: alertmanager gets in', () => {
    const text = api(`[{namespaceSelector: ${TEAM}, podSelector: {matchExpressions: [{key: role, operator: Exists}]}}]`);
    expect(failingChecks(l, text)).toEqual([CONN]);
    expect(problemsOf(l, text, CONN)).toEqual(['monitoring/alertmanager → prod/api (TCP 8080) should be denied, but it is allowed.']);
  });
  it('team Exists where team=observability was asked: dev/prometheus gets in', () => {
    const text = api(`[{namespaceSelector: {matchExpressions: [{key: team, operator: Exists}]}, podSelector: ${ROLE}}]`);
    expect(failingChecks(l, text)).toEqual([CONN]);
    expect(problemsOf(l, text, CONN)).toEqual(['dev/prometheus → prod/api (TCP 8080) should be denied, but it is allowed.']);
  });
  it('a podSelector alone looks in prod: nobody gets in', () => {
    const text = api(`[{podSelector: ${ROLE}}]`);
    expect(failingChecks(l, text)).toEqual([CONN, POLICY]);
    expect(problemsOf(l, text, CONN)).toEqual([
      'monitoring/prometheus → prod/api (TCP 8080) should be allowed, but it is denied.',
      'tracing/otel-collector → prod/api (TCP 8080) should be allowed, but it is denied.',
    ]);
    expect(problemsOf(l, text, POLICY)).toEqual([
      'monitoring/prometheus → prod/api (TCP 8080): no ingress rule admits it.',
      'tracing/otel-collector → prod/api (TCP 8080): no ingress rule admits it.',
    ]);
  });
  it('a namespaceSelector alone: grafana gets in', () => {
    expect(failingChecks(l, api(`[{namespaceSelector: ${TEAM}}]`))).toEqual([CONN, POLICY]);
  });
  it('role=monitoring from every namespace: dev/prometheus gets in', () => {
    const text = api(`[{namespaceSelector: {}, podSelector: ${ROLE}}]`);
    expect(failingChecks(l, text)).toEqual([CONN, POLICY]);
    expect(problemsOf(l, text, CONN)).toEqual(['dev/prometheus → prod/api (TCP 8080) should be denied, but it is allowed.']);
    expect(problemsOf(l, text, POLICY)[0]).toBe(
      `monitoring/prometheus → prod/api (TCP 8080): prod/${NAME}'s ingress rule 1 picks namespaces by every namespace ({}), not by team (the label the task names).`,
    );
  });
  it('namespace monitoring by name where the label was asked: tracing/otel-collector is left out', () => {
    const text = api(`[{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}, podSelector: ${ROLE}}]`);
    expect(failingChecks(l, text)).toEqual([CONN, POLICY]);
    expect(problemsOf(l, text, CONN)).toEqual(['tracing/otel-collector → prod/api (TCP 8080) should be allowed, but it is denied.']);
  });
  it('every namespace but dev (NotIn): fits the namespaces, not the pods; grafana gets in', () => {
    const text = api(`[{namespaceSelector: {matchExpressions: [{key: kubernetes.io/metadata.name, operator: NotIn, values: [dev]}]}}]`);
    expect(failingChecks(l, text)).toEqual([CONN, POLICY]);
    expect(problemsOf(l, text, POLICY)[0]).toBe(
      `monitoring/prometheus → prod/api (TCP 8080): prod/${NAME}'s ingress rule 1 picks namespaces by kubernetes.io/metadata.name, not by team (the label the task names) and has no podSelector: it should pick pods by role.`,
    );
  });
  it('matchExpressions In on the labels the task names passes: the keys count, not the operator', () => {
    expectPasses(l, api('[{namespaceSelector: {matchExpressions: [{key: team, operator: In, values: [observability]}]}, podSelector: {matchExpressions: [{key: role, operator: In, values: [monitoring]}]}}]'));
  });
  it('the two namespaces by name (In [monitoring, tracing]) instead of team=observability: right verdicts, not the label the task names', () => {
    const text = api(`[{namespaceSelector: {matchExpressions: [{key: kubernetes.io/metadata.name, operator: In, values: [monitoring, tracing]}]}, podSelector: ${ROLE}}]`);
    expect(failingChecks(l, text)).toEqual([POLICY]);
    expect(problemsOf(l, text, POLICY)).toEqual([
      `monitoring/prometheus → prod/api (TCP 8080): prod/${NAME}'s ingress rule 1 picks namespaces by kubernetes.io/metadata.name, not by team (the label the task names).`,
      `tracing/otel-collector → prod/api (TCP 8080): prod/${NAME}'s ingress rule 1 picks namespaces by kubernetes.io/metadata.name, not by team (the label the task names).`,
    ]);
    expect(gradeAttempt(l, text).checks.find((c) => c.id === POLICY)!.problems[0]!.ja).toBe(
      `monitoring/prometheus → prod/api (TCP 8080): prod/${NAME} の Ingress ルール 1 はnamespace を team（課題が指定するラベル）ではなく kubernetes.io/metadata.name で選んでいます。`,
    );
  });
  it('the two pods by app (In [prometheus, otel-collector]) instead of role=monitoring: right verdicts, not the label the task names', () => {
    const text = api(`[{namespaceSelector: ${TEAM}, podSelector: {matchExpressions: [{key: app, operator: In, values: [prometheus, otel-collector]}]}}]`);
    expect(failingChecks(l, text)).toEqual([POLICY]);
    expect(problemsOf(l, text, POLICY)).toEqual([
      `monitoring/prometheus → prod/api (TCP 8080): prod/${NAME}'s ingress rule 1 picks pods by app, not by role (the label the task names).`,
      `tracing/otel-collector → prod/api (TCP 8080): prod/${NAME}'s ingress rule 1 picks pods by app, not by role (the label the task names).`,
    ]);
  });
  it('role=monitoring with app as well: a key the task does not name', () => {
    const text = api(`[{namespaceSelector: ${TEAM}, podSelector: {matchLabels: {role: monitoring}, matchExpressions: [{key: app, operator: In, values: [prometheus, otel-collector]}]}}]`);
    expect(failingChecks(l, text)).toEqual([POLICY]);
    expect(problemsOf(l, text, POLICY)[0]).toBe(
      `monitoring/prometheus → prod/api (TCP 8080): prod/${NAME}'s ingress rule 1 picks pods by app, role, not by role (the label the task names).`,
    );
  });
  it('no ports: Prometheus reaches every port of api', () => {
    const text = api(AND, '');
    expect(failingChecks(l, text)).toEqual([CONN]);
    expect(problemsOf(l, text, CONN)[0]).toBe('monitoring/prometheus → prod/api (UDP 53) should be denied, but it is allowed.');
  });
  it('TCP and UDP 8080 where TCP was asked', () => {
    const text = api(AND, '\n    ports: [{protocol: TCP, port: 8080}, {protocol: UDP, port: 8080}]');
    expect(failingChecks(l, text)).toEqual([CONN]);
    expect(problemsOf(l, text, CONN)).toEqual([
      'monitoring/prometheus → prod/api (UDP 8080) should be denied, but it is allowed.',
      'tracing/otel-collector → prod/api (UDP 8080) should be denied, but it is allowed.',
    ]);
  });
  it('TCP and SCTP 8080 where TCP was asked', () => {
    const text = api(AND, '\n    ports: [{protocol: TCP, port: 8080}, {protocol: SCTP, port: 8080}]');
    expect(failingChecks(l, text)).toEqual([CONN]);
    expect(problemsOf(l, text, CONN)[0]).toBe('monitoring/prometheus → prod/api (SCTP 8080) should be denied, but it is allowed.');
  });
  it('UDP 8080 only: the wrong protocol admits nothing that was asked', () => {
    expect(failingChecks(l, api(AND, '\n    ports: [{protocol: UDP, port: 8080}]'))).toEqual([CONN, POLICY]);
  });
  it('a range 8080-8081 opens one port too many', () => {
    expect(failingChecks(l, api(AND, '\n    ports: [{protocol: TCP, port: 8080, endPort: 8081}]'))).toEqual([CONN]);
  });
  it('both named ports of api (http and metrics): 9090 is open too', () => {
    expect(failingChecks(l, api(AND, '\n    ports: [{port: http}, {port: metrics}]'))).toEqual([CONN]);
  });
  it('the two monitoring pods’ IPs listed: right verdicts, wrong tool', () => {
    const text = api('[{ipBlock: {cidr: 10.244.2.10/32}}, {ipBlock: {cidr: 10.244.2.20/32}}]');
    expect(failingChecks(l, text)).toEqual([POLICY]);
    expect(problemsOf(l, text, POLICY)).toEqual([
      `monitoring/prometheus → prod/api (TCP 8080): prod/${NAME}'s ingress rule 1 admits it with an ipBlock peer, not a namespaceSelector.`,
      `tracing/otel-collector → prod/api (TCP 8080): prod/${NAME}'s ingress rule 1 admits it with an ipBlock peer, not a namespaceSelector.`,
    ]);
  });
  it('the IPs in the real rule, and the right peer in a policy elsewhere that selects nothing', () => {
    const decoy = np('dev', NAME, `  podSelector: {matchLabels: {app: nothing}}\n  ingress:\n  - from: ${AND}`);
    expect(failingChecks(l, docs(api('[{ipBlock: {cidr: 10.244.2.10/32}}, {ipBlock: {cidr: 10.244.2.20/32}}]'), decoy))).toEqual([POLICY]);
  });
  it('every pod of prod as the target', () => {
    const text = np('prod', NAME, `  podSelector: {}\n  policyTypes: [Ingress]\n  ingress:\n  - from: ${AND}${TCP8080}`);
    expect(failingChecks(l, text)).toEqual([CONN, POLICY]);
    expect(problemsOf(l, text, POLICY)).toEqual([
      `prod/${NAME} selects prod/cache, which it should leave alone.`,
      `prod/${NAME} selects prod/toolbox, which it should leave alone.`,
      `prod/${NAME} selects prod/web, which it should leave alone.`,
    ]);
  });
  it('the policy in namespace dev: it protects dev/api, the look-alike', () => {
    const text = api(AND, TCP8080, 'dev');
    expect(failingChecks(l, text)).toEqual([CONN, POLICY]);
    expect(problemsOf(l, text, POLICY)[0]).toBe(`No NetworkPolicy named ${NAME} in namespace prod (there is one in dev).`);
  });
  it('the right policy under another name', () => {
    const text = l.solution.replace(`name: ${NAME}`, 'name: allow-monitoring');
    expect(failingChecks(l, text)).toEqual([POLICY]);
    expect(problemsOf(l, text, POLICY)[0]).toBe(`No NetworkPolicy named ${NAME} in namespace prod.`);
  });
  it('Egress listed too: api can no longer send anything', () => {
    expect(failingChecks(l, api(AND, TCP8080, 'prod', NAME, '[Ingress, Egress]'))).toEqual([CONN, POLICY]);
  });
  it('Egress where Ingress was meant: the ingress rule is ignored and api stops sending', () => {
    const text = api(AND, TCP8080, 'prod', NAME, '[Egress]');
    expect(failingChecks(l, text)).toEqual([CONN, POLICY]);
    expect(problemsOf(l, text, POLICY)).toContain(`prod/${NAME} has policyTypes Egress (after defaulting); it should have Ingress.`);
  });
});

// ---- netpol-named-ports -----------------------------------------------------------------------------------------

describe('netpol-named-ports', () => {
  const l = lesson('netpol-named-ports');
  const NAME = 'allow-metrics-scrape';
  const CONN = 'prod-scrape-only';
  const POLICY = 'named-policy-named-port';
  const PROM = '[{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}, podSelector: {matchLabels: {role: monitoring}}}]';
  const METRICS = '\n    ports: [{protocol: TCP, port: metrics}]';
  /** The policy over every pod of prod with one ingress rule. */
  const prod = (ports = METRICS, from = PROM, target = '{}', ns = 'prod', name = NAME, types = '[Ingress]') =>
    np(ns, name, `  podSelector: ${target}\n  policyTypes: ${types}\n  ingress:\n  - from: ${from}${ports}`);

  it('the solution passes', () => expectPasses(l, l.solution));
  it('the named port without a protocol (TCP by default) passes', () => expectPasses(l, prod('\n    ports: [{port: metrics}]')));

  it('the three numbers listed: each opens on every pod', () => {
    const text = prod('\n    ports: [{port: 9090}, {port: 9113}, {port: 9121}]');
    expect(failingChecks(l, text)).toEqual([CONN]);
    expect(problemsOf(l, text, CONN)).toEqual([
      'monitoring/prometheus → prod/api (TCP 9113) should be denied, but it is allowed.',
      'monitoring/prometheus → prod/api (TCP 9121) should be denied, but it is allowed.',
      'monitoring/prometheus → prod/cache (TCP 9090) should be denied, but it is allowed.',
      'monitoring/prometheus → prod/cache (TCP 9113) should be denied, but it is allowed.',
      '…and 5 more connections.',
    ]);
  });
  it('a range 9090-9121', () => {
    expect(failingChecks(l, prod('\n    ports: [{port: 9090, endPort: 9121}]'))).toEqual([CONN]);
  });
  it('no ports: Prometheus reaches every port', () => {
    expect(failingChecks(l, prod(''))).toEqual([CONN]);
  });
  it('the named port on UDP: no container port matches, nothing gets in', () => {
    const text = prod('\n    ports: [{protocol: UDP, port: metrics}]');
    expect(failingChecks(l, text)).toEqual([CONN, POLICY]);
    expect(problemsOf(l, text, CONN)).toEqual([
      'monitoring/prometheus → prod/api (TCP 9090) should be allowed, but it is denied.',
      'monitoring/prometheus → prod/cache (TCP 9121) should be allowed, but it is denied.',
      'monitoring/prometheus → prod/web (TCP 9113) should be allowed, but it is denied.',
    ]);
    expect(problemsOf(l, text, POLICY)[0]).toBe('monitoring/prometheus → prod/api (TCP 9090): no ingress rule admits it.');
  });
  it('the named port and SCTP 9090 as well', () => {
    expect(failingChecks(l, prod('\n    ports: [{protocol: TCP, port: metrics}, {protocol: SCTP, port: 9090}]'))).toEqual([CONN]);
  });
  it('a name no pod has (metric): nothing gets in', () => {
    expect(failingChecks(l, prod('\n    ports: [{protocol: TCP, port: metric}]'))).toEqual([CONN, POLICY]);
  });
  it('the named port and UDP 9090 as well', () => {
    const text = prod('\n    ports: [{protocol: TCP, port: metrics}, {protocol: UDP, port: 9090}]');
    expect(failingChecks(l, text)).toEqual([CONN]);
    expect(problemsOf(l, text, CONN)[0]).toBe('monitoring/prometheus → prod/api (UDP 9090) should be denied, but it is allowed.');
  });
  it('the team=observability label instead of namespace monitoring: tracing/otel-collector scrapes too', () => {
    const text = prod(METRICS, '[{namespaceSelector: {matchLabels: {team: observability}}, podSelector: {matchLabels: {role: monitoring}}}]');
    expect(failingChecks(l, text)).toEqual([CONN, POLICY]);
    expect(problemsOf(l, text, CONN)[0]).toBe('tracing/otel-collector → prod/api (TCP 9090) should be denied, but it is allowed.');
    expect(problemsOf(l, text, POLICY)[0]).toBe(
      `monitoring/prometheus → prod/api (TCP 9090): prod/${NAME}'s ingress rule 1 picks namespaces by team, not by kubernetes.io/metadata.name (the label the task names).`,
    );
  });
  it('namespace monitoring without a podSelector: grafana scrapes too', () => {
    expect(failingChecks(l, prod(METRICS, '[{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}}]'))).toEqual([CONN, POLICY]);
  });
  it('two items (OR): every pod of monitoring gets in', () => {
    expect(failingChecks(l, prod(METRICS, '[{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}}, {podSelector: {matchLabels: {role: monitoring}}}]'))).toEqual([CONN, POLICY]);
  });
  it('role Exists in namespace monitoring: alertmanager scrapes too', () => {
    const text = prod(METRICS, '[{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}, podSelector: {matchExpressions: [{key: role, operator: Exists}]}}]');
    expect(failingChecks(l, text)).toEqual([CONN]);
    expect(problemsOf(l, text, CONN)[0]).toBe('monitoring/alertmanager → prod/api (TCP 9090) should be denied, but it is allowed.');
  });
  it('role=monitoring from every namespace: dev/prometheus and otel-collector scrape too', () => {
    expect(failingChecks(l, prod(METRICS, '[{namespaceSelector: {}, podSelector: {matchLabels: {role: monitoring}}}]'))).toEqual([CONN, POLICY]);
  });
  it('app: prometheus instead of role=monitoring: right verdicts, not the label the task names', () => {
    const text = prod(METRICS, '[{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}, podSelector: {matchLabels: {app: prometheus}}}]');
    expect(failingChecks(l, text)).toEqual([POLICY]);
    expect(problemsOf(l, text, POLICY)).toEqual([
      `monitoring/prometheus → prod/api (TCP 9090): prod/${NAME}'s ingress rule 1 picks pods by app, not by role (the label the task names).`,
      `monitoring/prometheus → prod/web (TCP 9113): prod/${NAME}'s ingress rule 1 picks pods by app, not by role (the label the task names).`,
      `monitoring/prometheus → prod/cache (TCP 9121): prod/${NAME}'s ingress rule 1 picks pods by app, not by role (the label the task names).`,
    ]);
  });
  it('namespace monitoring by matchExpressions In passes: the same key', () => {
    expectPasses(l, prod(METRICS, '[{namespaceSelector: {matchExpressions: [{key: kubernetes.io/metadata.name, operator: In, values: [monitoring]}]}, podSelector: {matchLabels: {role: monitoring}}}]'));
  });
  it('Prometheus’s IP listed: right verdicts, wrong tool', () => {
    const text = prod(METRICS, '[{ipBlock: {cidr: 10.244.2.10/32}}]');
    expect(failingChecks(l, text)).toEqual([POLICY]);
    expect(problemsOf(l, text, POLICY)[0]).toBe(
      `monitoring/prometheus → prod/api (TCP 9090): prod/${NAME}'s ingress rule 1 admits it with an ipBlock peer, not a podSelector.`,
    );
  });
  it('app Exists as the target: toolbox is left open', () => {
    const text = prod(METRICS, PROM, '{matchExpressions: [{key: app, operator: Exists}]}');
    expect(failingChecks(l, text)).toEqual([CONN, POLICY]);
    expect(problemsOf(l, text, POLICY)).toEqual([`prod/${NAME} does not select prod/toolbox.`]);
  });
  it('app In (api, web, cache) as the target: toolbox is left open', () => {
    expect(failingChecks(l, prod(METRICS, PROM, '{matchExpressions: [{key: app, operator: In, values: [api, web, cache]}]}'))).toEqual([CONN, POLICY]);
  });
  it('one policy per app with its number, and the named policy only denying: right verdicts, the named policy admits nothing', () => {
    const per = (app: string, port: number) => prod(`\n    ports: [{protocol: TCP, port: ${port}}]`, PROM, `{matchLabels: {app: ${app}}}`, 'prod', `scrape-${app}`);
    const text = docs(np('prod', NAME, '  podSelector: {}\n  policyTypes: [Ingress]'), per('api', 9090), per('web', 9113), per('cache', 9121));
    expect(failingChecks(l, text)).toEqual([POLICY]);
    expect(problemsOf(l, text, POLICY)).toEqual([
      `monitoring/prometheus → prod/api (TCP 9090): no rule of ${NAME} admits it.`,
      `monitoring/prometheus → prod/web (TCP 9113): no rule of ${NAME} admits it.`,
      `monitoring/prometheus → prod/cache (TCP 9121): no rule of ${NAME} admits it.`,
    ]);
  });
  it('the policy in namespace monitoring', () => {
    const text = prod(METRICS, PROM, '{}', 'monitoring');
    expect(failingChecks(l, text)).toEqual([CONN, POLICY]);
    expect(problemsOf(l, text, POLICY)[0]).toBe(`No NetworkPolicy named ${NAME} in namespace prod (there is one in monitoring).`);
  });
  it('the right policy under another name', () => {
    expect(failingChecks(l, l.solution.replace(`name: ${NAME}`, 'name: allow-prometheus'))).toEqual([POLICY]);
  });
  it('Egress listed too: prod can no longer send anything', () => {
    const text = prod(METRICS, PROM, '{}', 'prod', NAME, '[Ingress, Egress]');
    expect(failingChecks(l, text)).toEqual([CONN, POLICY]);
    expect(problemsOf(l, text, POLICY)).toEqual([`prod/${NAME} has policyTypes Ingress and Egress (after defaulting); it should have Ingress.`]);
  });
});

// ---- netpol-port-range ------------------------------------------------------------------------------------------

describe('netpol-port-range', () => {
  const l = lesson('netpol-port-range');
  const NAME = 'batch-egress-range';
  const CONN = 'batch-sends-range-only';
  const POLICY = 'named-policy-range';
  const PARTNER = '[{ipBlock: {cidr: 198.51.100.7/32}}]';
  const RANGE = '\n    ports: [{protocol: TCP, port: 30000, endPort: 32767}]';
  /** The egress policy over every pod of batch with one rule. */
  const batch = (ports = RANGE, to = PARTNER, opts: { target?: string; ns?: string; name?: string; types?: string | null } = {}) =>
    np(
      opts.ns ?? 'batch',
      opts.name ?? NAME,
      `  podSelector: ${opts.target ?? '{}'}\n${opts.types === null ? '' : `  policyTypes: ${opts.types ?? '[Egress]'}\n`}  egress:\n  - to: ${to}${ports}`,
    );

  it('the solution passes', () => expectPasses(l, l.solution));
  it('every pod selected by a NotIn that every pod satisfies passes', () => {
    expectPasses(l, batch(RANGE, PARTNER, { target: '{matchExpressions: [{key: app, operator: NotIn, values: [web]}]}' }));
  });

  it('endPort 32768: one port too many', () => {
    const text = batch('\n    ports: [{protocol: TCP, port: 30000, endPort: 32768}]');
    expect(failingChecks(l, text)).toEqual([CONN]);
    expect(problemsOf(l, text, CONN)).toEqual([
      'batch/cleanup → external:partner (TCP 32768) should be denied, but it is allowed.',
      'batch/report → external:partner (TCP 32768) should be denied, but it is allowed.',
    ]);
  });
  it('port 30001: the first port is left out', () => {
    const text = batch('\n    ports: [{protocol: TCP, port: 30001, endPort: 32767}]');
    expect(failingChecks(l, text)).toEqual([CONN, POLICY]);
    expect(problemsOf(l, text, CONN)).toEqual([
      'batch/cleanup → external:partner (TCP 30000) should be allowed, but it is denied.',
      'batch/report → external:partner (TCP 30000) should be allowed, but it is denied.',
    ]);
  });
  it('29999 to 32767: one port too many at the bottom', () => {
    expect(failingChecks(l, batch('\n    ports: [{protocol: TCP, port: 29999, endPort: 32767}]'))).toEqual([CONN]);
  });
  it('no endPort: only TCP 30000', () => {
    const text = batch('\n    ports: [{protocol: TCP, port: 30000}]');
    expect(failingChecks(l, text)).toEqual([CONN, POLICY]);
    expect(problemsOf(l, text, POLICY)).toEqual([
      'batch/cleanup → external:partner (TCP 31000): no egress rule admits it.',
      'batch/report → external:partner (TCP 31000): no egress rule admits it.',
      'batch/cleanup → external:partner (TCP 32767): no egress rule admits it.',
      'batch/report → external:partner (TCP 32767): no egress rule admits it.',
    ]);
  });
  it('the two ends listed as single ports: the ports between are left out', () => {
    expect(failingChecks(l, batch('\n    ports: [{protocol: TCP, port: 30000}, {protocol: TCP, port: 32767}]'))).toEqual([CONN, POLICY]);
  });
  it('the range on UDP: the wrong protocol', () => {
    expect(failingChecks(l, batch('\n    ports: [{protocol: UDP, port: 30000, endPort: 32767}]'))).toEqual([CONN, POLICY]);
  });
  it('the range on TCP and UDP where TCP was asked', () => {
    const text = batch('\n    ports: [{protocol: TCP, port: 30000, endPort: 32767}, {protocol: UDP, port: 30000, endPort: 32767}]');
    expect(failingChecks(l, text)).toEqual([CONN]);
    expect(problemsOf(l, text, CONN)[0]).toBe('batch/cleanup → external:partner (UDP 30000) should be denied, but it is allowed.');
  });
  it('the range on TCP and SCTP where TCP was asked', () => {
    const text = batch('\n    ports: [{protocol: TCP, port: 30000, endPort: 32767}, {protocol: SCTP, port: 30000, endPort: 32767}]');
    expect(failingChecks(l, text)).toEqual([CONN]);
    expect(problemsOf(l, text, CONN)[0]).toBe('batch/cleanup → external:partner (SCTP 30000) should be denied, but it is allowed.');
  });
  it('no ports: every port of the partner', () => {
    expect(failingChecks(l, batch(''))).toEqual([CONN]);
  });
  it('the /24: partner-b is reached too', () => {
    const text = batch(RANGE, '[{ipBlock: {cidr: 198.51.100.0/24}}]');
    expect(failingChecks(l, text)).toEqual([CONN]);
    expect(problemsOf(l, text, CONN)[0]).toBe('batch/cleanup → external:partner-b (TCP 30000) should be denied, but it is allowed.');
  });
  it('a /31 (198.51.100.6-7): partner-test is reached too', () => {
    const text = batch(RANGE, '[{ipBlock: {cidr: 198.51.100.6/31}}]');
    expect(failingChecks(l, text)).toEqual([CONN]);
    expect(problemsOf(l, text, CONN)[0]).toBe('batch/cleanup → external:partner-test (TCP 30000) should be denied, but it is allowed.');
  });
  it('everywhere but partner-b (0.0.0.0/0 except): the pods of the cluster are reached too', () => {
    const text = batch(RANGE, '[{ipBlock: {cidr: 0.0.0.0/0, except: [198.51.100.8/32]}}]');
    expect(failingChecks(l, text)).toEqual([CONN]);
    expect(problemsOf(l, text, CONN)[0]).toBe('batch/cleanup → batch/report (TCP 30000) should be denied, but it is allowed.');
  });
  it('DNS allowed as well, where nothing else was asked', () => {
    const text = batch(`${RANGE}\n  - ports: [{protocol: UDP, port: 53}]`);
    expect(failingChecks(l, text)).toEqual([CONN]);
    expect(problemsOf(l, text, CONN)[0]).toBe('batch/cleanup → batch/report (UDP 53) should be denied, but it is allowed.');
  });
  it('policyTypes left out: Ingress is defaulted too, and nothing reaches batch', () => {
    const text = batch(RANGE, PARTNER, { types: null });
    expect(failingChecks(l, text)).toEqual([CONN, POLICY]);
    expect(problemsOf(l, text, CONN)[0]).toBe('dev/api → batch/cleanup (UDP 53) should be allowed, but it is denied.');
    expect(problemsOf(l, text, POLICY)).toEqual([`batch/${NAME} has policyTypes Ingress and Egress (after defaulting); it should have Egress.`]);
  });
  it('policyTypes: [] is defaulted as if left out (the API server fills an empty list)', () => {
    const text = batch(RANGE, PARTNER, { types: '[]' });
    expect(failingChecks(l, text)).toEqual([CONN, POLICY]);
    expect(problemsOf(l, text, POLICY)).toEqual([`batch/${NAME} has policyTypes Ingress and Egress (after defaulting); it should have Egress.`]);
  });
  it('policyTypes [Ingress] with the egress rule: sending stays open, receiving is cut off', () => {
    const text = batch(RANGE, PARTNER, { types: '[Ingress]' });
    expect(failingChecks(l, text)).toEqual([CONN, POLICY]);
    expect(problemsOf(l, text, POLICY)[0]).toBe(`batch/${NAME} has policyTypes Ingress (after defaulting); it should have Egress.`);
  });
  it('app=report as the target: cleanup is left open', () => {
    const text = batch(RANGE, PARTNER, { target: '{matchLabels: {app: report}}' });
    expect(failingChecks(l, text)).toEqual([CONN, POLICY]);
    expect(problemsOf(l, text, POLICY)[0]).toBe(`batch/${NAME} does not select batch/cleanup.`);
  });
  it('the policy in namespace dev', () => {
    const text = batch(RANGE, PARTNER, { ns: 'dev' });
    expect(failingChecks(l, text)).toEqual([CONN, POLICY]);
    expect(problemsOf(l, text, POLICY)[0]).toBe(`No NetworkPolicy named ${NAME} in namespace batch (there is one in dev).`);
  });
  it('the right policy under another name', () => {
    expect(failingChecks(l, l.solution.replace(`name: ${NAME}`, 'name: partner-egress'))).toEqual([POLICY]);
  });
  it('an open egress rule beside the range: every destination again', () => {
    expect(failingChecks(l, batch(`${RANGE}\n  - {}`))).toEqual([CONN, POLICY]);
  });
});
