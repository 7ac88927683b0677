// Every lesson in lessons/ loads, its solution passes, its starting text does not, and the mistakes
// learners plausibly make fail with a hint.
import { parseAllDocuments } from 'yaml';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { answerQuestions, gradeAttempt, loadLesson, LessonError, type Lesson } from './index';
import { readLessonFolders } from './read-folder';

const root = fileURLToPath(new URL('../../lessons/', import.meta.url));
const folders = readLessonFolders(root);
const lessons = new Map<string, Lesson>(folders.map((f) => [f.folder.split('/')[1]!, loadLesson(f)]));
const lesson = (id: string): Lesson => lessons.get(id)!;

/** Workshop steps whose literal YAML shows an accepted variant rather than a mistake (lesson id -> step indexes). */
const ACCEPTED_VARIANTS: Record<string, number[]> = { 'rbac-resource-names': [1] };

describe('every lesson', () => {
  it('includes the six seed lessons', () => {
    expect([...lessons.keys()]).toEqual(
      expect.arrayContaining(['netpol-allow-all', 'netpol-deny-all', 'netpol-egress-only', 'netpol-pod-selector', 'netpol-namespace-selector', 'netpol-ip-block']),
    );
  });

  for (const [id, l] of lessons) {
    it(`${id}: the solution passes every check`, () => {
      const grade = gradeAttempt(l, l.solution, 'solution.yaml');
      expect(grade.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(grade.checks.filter((c) => !c.passed).map((c) => c.problems[0]?.en)).toEqual([]);
      expect(grade.status).toBe('passed');
    });
    it(`${id}: the starting text is not passed, in both languages`, () => {
      // Pending when it holds nothing graded yet; failed when the task is to fix what it holds.
      for (const text of [l.start.en, l.start.ja]) {
        const grade = gradeAttempt(l, text);
        expect(grade.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(['pending', 'failed']).toContain(grade.status);
      }
    });
    it(`${id}: every literal step grades without errors, and each one that shows a mistake fails`, () => {
      l.steps.forEach((step, i) => {
        if (!step.apply) return;
        const grade = gradeAttempt(l, step.apply.en);
        expect(grade.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const literal = step.apply.en !== l.solution && step.apply !== l.start;
        if (literal) expect(grade.status, `step ${i}`).toBe(ACCEPTED_VARIANTS[id]?.includes(i) ? 'passed' : 'failed');
      });
    });
    it(`${id}: the Japanese starting text is the same YAML with its comments translated`, () => {
      expect(parseAllDocuments(l.start.ja).map((d) => d.toJS())).toEqual(parseAllDocuments(l.start.en).map((d) => d.toJS()));
      expect(l.start.ja).not.toBe(l.start.en);
      expect(l.start.ja.split('\n')[0]).toMatch(/^# .*[\u3040-\u30ff\u4e00-\u9fff]/);
    });
    if (l.questions.length > 0) {
      it(`${id}: its "predict first" questions name endpoints of its cluster and get both answers`, () => {
        const answers = answerQuestions(l);
        expect(answers).toHaveLength(l.questions.length);
        // A quiz whose answers are all "allowed" (or all "denied") teaches nothing and is passed by always clicking one.
        expect(new Set(answers.map((a) => a.allowed)).size).toBe(2);
        for (const a of answers) {
          expect(a.why.length).toBeGreaterThan(0);
          expect(a.why.every((w) => w.en !== '' && /[\u3040-\u30ff\u4e00-\u9fff]/.test(w.ja))).toBe(true);
        }
      });
    }
    it(`${id}: texts exist in English and Japanese`, () => {
      for (const text of [l.title, l.summary, l.instructions, ...l.hints, ...l.checks.flatMap((c) => [c.title, c.hint])]) {
        expect(text.en.trim()).not.toBe('');
        expect(text.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/); // Japanese script, not a copy of the English
      }
    });
  }
});

const policy = (namespace: string, spec: string, name = 'attempt'): string =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n${spec}\n`;

/** Grades a mistaken attempt and returns the ids of the failing checks. */
function failing(id: string, text: string): string[] {
  const grade = gradeAttempt(lesson(id), text);
  expect(grade.status).toBe('failed');
  for (const c of grade.checks.filter((c) => !c.passed)) {
    expect(c.problems.length).toBeGreaterThan(0);
    expect(c.hint.en).not.toBe('');
  }
  return grade.checks.filter((c) => !c.passed).map((c) => c.id);
}

describe('plausible mistakes fail with a helpful check', () => {
  it('allow-all: without egress rules or policyTypes only ingress is isolated', () => {
    expect(failing('netpol-allow-all', policy('default', '  podSelector: {}\n  ingress:\n  - {}'))).toEqual(['isolated-both-ways']);
  });

  it('allow-all: a deny-all in its place blocks the traffic', () => {
    expect(failing('netpol-allow-all', policy('default', '  podSelector: {}\n  policyTypes: [Ingress, Egress]'))).toEqual(['all-traffic-flows']);
  });

  it('deny-all: a missing Egress policyType leaves sending open', () => {
    const grade = gradeAttempt(lesson('netpol-deny-all'), policy('default', '  podSelector: {}'));
    expect(grade.status).toBe('failed');
    const check = grade.checks.find((c) => c.id === 'default-cut-off')!;
    expect(check.passed).toBe(false);
    // Probes are listed by port: UDP 53 comes before TCP 80.
    expect(check.problems[0]!.en).toBe('default/sample-pod-1 → external:internet (UDP 53) should be denied, but it is allowed.');
    expect(check.problems[1]!.en).toBe('default/sample-pod-1 → external:internet (TCP 80) should be denied, but it is allowed.');
  });

  it('deny-all: the policy in the wrong namespace isolates test instead', () => {
    expect(failing('netpol-deny-all', policy('test', '  podSelector: {}\n  policyTypes: [Ingress, Egress]'))).toEqual(['default-cut-off', 'test-untouched']);
  });

  it('egress-only: only one namespace', () => {
    expect(failing('netpol-egress-only', policy('default', '  podSelector: {}\n  policyTypes: [Ingress, Egress]\n  egress:\n  - {}'))).toEqual(['nothing-received', 'both-namespaces']);
  });

  it('egress-only: policyTypes [Egress] leaves receiving open', () => {
    const text = ['default', 'test'].map((ns) => policy(ns, '  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n  - {}')).join('---\n');
    expect(failing('netpol-egress-only', text)).toEqual(['nothing-received']);
  });

  it('pod-selector: the wrong label', () => {
    const spec = '  podSelector:\n    matchLabels: {app: pod2}\n  policyTypes: [Ingress]\n  ingress:\n  - from:\n    - podSelector:\n        matchLabels: {app: pod3}\n    ports:\n    - {protocol: TCP, port: 80}';
    const grade = gradeAttempt(lesson('netpol-pod-selector'), policy('default', spec, 'sp-pod-allow-networkpolicy'));
    expect(grade.status).toBe('failed');
    expect(grade.checks[0]!.problems[0]!.en).toBe('default/sample-pod-1 → default/sample-pod-2 (TCP 80) should be allowed, but it is denied.');
  });

  it('pod-selector: the policy in namespace test selects nothing', () => {
    const spec = '  podSelector:\n    matchLabels: {app: pod2}\n  ingress:\n  - from:\n    - podSelector:\n        matchLabels: {app: pod1}';
    expect(failing('netpol-pod-selector', policy('test', spec, 'sp-pod-allow-networkpolicy'))).toEqual(['only-pod1-reaches-pod2', 'uses-pod-selector']);
  });

  it('namespace-selector: podSelector instead of namespaceSelector', () => {
    const spec = '  podSelector:\n    matchLabels: {app: pod3}\n  ingress:\n  - from:\n    - podSelector:\n        matchLabels: {kubernetes.io/metadata.name: default}\n    ports:\n    - port: 80';
    expect(failing('netpol-namespace-selector', policy('test', spec, 'sp-namespace-allow-networkpolicy'))).toEqual(['pod3-from-default-only', 'uses-namespace-selector']);
  });

  it('namespace-selector: both selectors in one peer (AND) admit nothing from default', () => {
    const spec = '  podSelector:\n    matchLabels: {app: pod3}\n  ingress:\n  - from:\n    - namespaceSelector:\n        matchLabels: {kubernetes.io/metadata.name: default}\n      podSelector:\n        matchLabels: {app: pod3}';
    // No rule admits default, with a namespaceSelector or otherwise: the structural check says so too.
    expect(failing('netpol-namespace-selector', policy('test', spec, 'sp-namespace-allow-networkpolicy'))).toEqual(['pod3-from-default-only', 'uses-namespace-selector']);
  });

  it('ip-block: the wrong IP (sample-pod-4 instead of sample-pod-2)', () => {
    const spec = '  podSelector:\n    matchLabels: {app: pod3}\n  ingress:\n  - from:\n    - ipBlock: {cidr: 192.168.173.131/32}\n    ports:\n    - {protocol: TCP, port: 80}';
    expect(failing('netpol-ip-block', policy('test', spec, 'sp-ip-allow-networkpolicy'))).toEqual(['pod3-from-one-ip', 'uses-ip-block']);
  });

  it('ip-block: a /24 admits the whole demo network', () => {
    const spec = '  podSelector:\n    matchLabels: {app: pod3}\n  ingress:\n  - from:\n    - ipBlock: {cidr: 192.168.173.0/24}\n    ports:\n    - {protocol: TCP, port: 80}';
    expect(failing('netpol-ip-block', policy('test', spec, 'sp-ip-allow-networkpolicy'))).toEqual(['pod3-from-one-ip']);
  });
});

describe('grading', () => {
  it('an attempt with errors is invalid and carries located diagnostics', () => {
    const grade = gradeAttempt(lesson('netpol-deny-all'), policy('default', '  podSelector: {}\n  policyTypes: [Ingres]'));
    expect(grade.status).toBe('invalid');
    expect(grade.diagnostics[0]).toMatchObject({ file: 'attempt.yaml', line: 8, col: 17, code: 'invalid-policy-type' });
  });

  it('expected() follows default plus exceptions and skips self traffic', () => {
    const l = lesson('netpol-pod-selector');
    const grade = gradeAttempt(l, l.solution);
    const eps = grade.connectivity!.cluster.endpoints;
    const byId = (id: string) => eps.find((e) => e.id === id)!;
    const tcp80 = { port: 80, protocol: 'TCP' as const };
    expect(grade.expected(byId('test/sample-pod-3'), byId('default/sample-pod-2'), tcp80)).toBe('denied');
    expect(grade.expected(byId('default/sample-pod-1'), byId('default/sample-pod-2'), tcp80)).toBe('allowed');
    expect(grade.expected(byId('test/sample-pod-3'), byId('test/sample-pod-4'), tcp80)).toBe('allowed');
    expect(grade.expected(byId('default/sample-pod-2'), byId('default/sample-pod-2'), tcp80)).toBeNull();
    // Given the actual verdict, any check that expects otherwise is the one reported.
    expect(grade.expected(byId('default/sample-pod-1'), byId('default/sample-pod-2'), tcp80, 'denied')).toBe('allowed');
    expect(grade.expected(byId('default/sample-pod-1'), byId('default/sample-pod-2'), tcp80, 'allowed')).toBe('allowed');
  });

  it('expected() reads every connectivity check: one that disagrees with the result is reported, whichever it is', () => {
    const l = lesson('netpol-pod-selector');
    const second = { id: 'nothing-in', title: { en: 'x', ja: 'x' }, hint: { en: 'x', ja: 'x' }, topic: 'netpol', key: 'connectivity', spec: { default: 'denied', except: [] } };
    const grade = gradeAttempt({ ...l, checks: [...l.checks, second] }, l.solution);
    const eps = grade.connectivity!.cluster.endpoints;
    const byId = (id: string) => eps.find((e) => e.id === id)!;
    const tcp80 = { port: 80, protocol: 'TCP' as const };
    // The first check expects pod1 -> pod2 allowed (it is); the second expects every connection denied.
    expect(grade.expected(byId('default/sample-pod-1'), byId('default/sample-pod-2'), tcp80, 'allowed')).toBe('denied');
    expect(grade.checks.find((c) => c.id === 'nothing-in')?.passed).toBe(false);
  });
});

describe('a namespace the lesson’s cluster does not have', () => {
  const np = (ns: string): string => policy(ns, '  podSelector: {}\n  policyTypes: [Ingress, Egress]', 'all-deny-networkpolicy');
  it('the learner’s object there is left out with a warning at its namespace, as kubectl apply would refuse it', () => {
    const grade = gradeAttempt(lesson('netpol-deny-all'), np('defualt'));
    expect(grade.diagnostics.map((d) => `${d.line}:${d.col} ${d.severity} ${d.code}`)).toEqual(['5:14 warning namespace-not-found']);
    expect(grade.diagnostics[0]!.message).toBe(
      'namespace "defualt" not found: the lesson\'s cluster has no such namespace (it has default, staging, test), so kubectl apply would refuse NetworkPolicy defualt/all-deny-networkpolicy; the lab leaves it out. Declare the Namespace too, or use one the cluster has.',
    );
    expect(grade.diagnostics[0]!.messageJa).toMatch(/^namespace "defualt" が見つかりません。/);
    expect(grade.status).toBe('pending'); // nothing of the learner's is left to grade
    expect(grade.connectivity!.cluster.namespaces.map((n) => n.name)).toEqual(['default', 'staging', 'test']);
  });
  it('not when the learner declares the Namespace, nor for the namespaces every cluster has', () => {
    const declared = `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: prod\n---\n${np('prod')}`;
    expect(gradeAttempt(lesson('netpol-deny-all'), declared).diagnostics).toEqual([]);
    expect(gradeAttempt(lesson('netpol-deny-all'), np('kube-system')).diagnostics).toEqual([]);
  });
  it('in every topic: a RoleBinding in a namespace the RBAC lesson lacks', () => {
    const l = lesson('rbac-role-binding');
    const text = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: r\n  namespace: nowhere\nrules: []\n';
    expect(gradeAttempt(l, text).diagnostics.map((d) => d.code)).toEqual(['namespace-not-found']);
  });
});

describe('workshop steps', () => {
  it('a lesson may write its own steps, with YAML to apply and a predict step', () => {
    const steps = lesson('netpol-deny-all').steps;
    expect(steps.map((s) => [s.title.en, s.predict])).toEqual([
      ['An open namespace', false],
      ['Predict: a policy without rules', true],
      ['Now forget policyTypes', false],
    ]);
    expect(steps[0]!.apply).toEqual(lesson('netpol-deny-all').start);
    expect(steps[1]!.apply).toEqual({ en: lesson('netpol-deny-all').solution, ja: lesson('netpol-deny-all').solution });
    // The third step's YAML is the classic mistake: it grades as failed.
    expect(gradeAttempt(lesson('netpol-deny-all'), steps[2]!.apply!.en).status).toBe('failed');
    expect(steps.every((s) => s.notes.en !== '' && /[\u3040-\u30ff]/.test(s.notes.ja))).toBe(true);
  });

  it('lessons without steps get three default ones ending on the solution', () => {
    const l = lesson('netpol-ip-block');
    expect(l.steps).toHaveLength(3);
    expect(l.steps[1]!.predict).toBe(true);
    expect(l.steps[2]!.apply).toEqual({ en: l.solution, ja: l.solution });
  });
});

describe('lesson validation', () => {
  const base = folders.find((f) => f.folder.endsWith('netpol-deny-all'))!;
  const broken = (lessonYaml: string) => ({ ...base, files: { ...base.files, 'lesson.yaml': lessonYaml } });

  it('names the file and the field of every problem', () => {
    const text = base.files['lesson.yaml']!.replace('difficulty: beginner', 'difficulty: easy').replace('default: allowed', 'default: open');
    try {
      loadLesson(broken(text));
      expect.unreachable('an invalid lesson must throw');
    } catch (err) {
      expect(err).toBeInstanceOf(LessonError);
      const problems = (err as LessonError).problems.map((p) => `${p.file}: ${p.field}`);
      expect(problems).toEqual(['lessons/netpol-deny-all/lesson.yaml: difficulty', 'lessons/netpol-deny-all/lesson.yaml: checks[0].connectivity.default']);
    }
  });

  it('names the field of a broken step', () => {
    const text = base.files['lesson.yaml']!.replace('    apply: start\n', '    apply: 42\n');
    expect(() => loadLesson(broken(text))).toThrow(/lesson\.yaml: steps\[0\]\.apply: must be start, solution or YAML text/);
  });

  it('rejects a missing Japanese text and a missing file', () => {
    const noJa = base.files['lesson.yaml']!.replace(/\n {2}ja: namespace のすべての通信を拒否する/, '');
    expect(() => loadLesson(broken(noJa))).toThrow(/title\.ja: must be a non-empty string/);
    const { 'solution.yaml': _gone, ...files } = base.files;
    expect(() => loadLesson({ ...base, files })).toThrow(/lessons\/netpol-deny-all\/solution\.yaml: \(file\): is missing/);
  });

  it('names the topic, takes its options from its section, and still reads the old top-level probes', () => {
    const yaml = base.files['lesson.yaml']!;
    const l = loadLesson(base);
    expect(l.topic).toBe('netpol');
    expect(l.topics).toEqual(['netpol']);
    expect(l.options.get('netpol')).toEqual({
      ports: [{ port: 80, protocol: 'TCP' }, { port: 443, protocol: 'TCP' }, { port: 8080, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }, { port: 3868, protocol: 'SCTP' }],
      declaredPorts: false,
    });
    const legacy = yaml.replace('topic: netpol\nnetpol:\n  probes: [80/TCP, 443/TCP, 8080/TCP, 53/UDP, 3868/SCTP]\n', 'probes: [80/TCP, 53/UDP]\n');
    expect(legacy).not.toBe(yaml);
    expect(loadLesson(broken(legacy)).options.get('netpol')).toEqual({
      ports: [{ port: 80, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }],
      declaredPorts: false,
    });
  });

  it('rejects an unknown topic, an unknown check kind, a check with two kinds and a bad topic option', () => {
    const yaml = base.files['lesson.yaml']!;
    expect(() => loadLesson(broken(yaml.replace('topic: netpol', 'topic: firewall')))).toThrow(/lesson\.yaml: topic: must be one of netpol/);
    expect(() => loadLesson(broken(yaml.replace('    isolation: {pods', '    reachability: {pods')))).toThrow(/checks\[1\]\.reachability: is not a check kind/);
    const two = yaml.replace('    isolation: {pods: test/*, ingress: false, egress: false}', '    isolation: {pods: test/*, ingress: false}\n    policy: {namespaces: [default]}');
    expect(() => loadLesson(broken(two))).toThrow(/checks\[1\]: must have exactly one check kind/);
    const probes = '  probes: [80/TCP, 443/TCP, 8080/TCP, 53/UDP, 3868/SCTP]';
    expect(yaml).toContain(probes);
    expect(() => loadLesson(broken(yaml.replace(probes, `${probes}\n  ports: [1]`)))).toThrow(/netpol\.ports: is not a netpol option/);
    expect(() => loadLesson(broken(yaml.replace(probes, '  probes: []')))).toThrow(/netpol\.probes: must list at least one probe/);
  });

  it('reads "predict first" questions and rejects broken ones, naming the field', () => {
    const yaml = base.files['lesson.yaml']!;
    const withQuestions = (q: string): string => yaml.replace('hints:\n', `questions:\n${q}hints:\n`);
    const l = loadLesson(broken(withQuestions('  - {from: default/sample-pod-1, to: external:internet, probe: 53/udp}\n')));
    expect(l.questions).toEqual([{ from: 'default/sample-pod-1', to: 'external:internet', probe: { port: 53, protocol: 'UDP' } }]);
    expect(loadLesson(base).questions).toEqual([]);
    expect(() => loadLesson(broken(withQuestions('  - {from: default/*, to: test/sample-pod-3, probe: 80/TCP}\n')))).toThrow(/questions\[0\]\.from: must name one endpoint/);
    expect(() => loadLesson(broken(withQuestions('  - {from: default/sample-pod-1, to: test/sample-pod-3, probe: 80-81/TCP}\n')))).toThrow(/questions\[0\]\.probe: must be one probe/);
    expect(() => loadLesson(broken(withQuestions('  - {from: default/sample-pod-1, to: test/sample-pod-3}\n')))).toThrow(/questions\[0\]\.probe: must be one probe/);
    expect(() => loadLesson(broken(withQuestions('  - {from: default/sample-pod-1, to: default/sample-pod-1, probe: 80}\n')))).toThrow(/questions\[0\]: asks about a pod and itself/);
    expect(() => loadLesson(broken(withQuestions('  - {from: default/sample-pod-1, to: test/sample-pod-3, probe: 80, answer: allowed}\n')))).toThrow(/questions\[0\]\.answer: is not a question field/);
    const twice = '  - {from: default/sample-pod-1, to: test/sample-pod-3, probe: 80}\n  - {from: default/sample-pod-1, to: test/sample-pod-3, probe: 80/TCP}\n';
    expect(() => loadLesson(broken(withQuestions(twice)))).toThrow(/questions\[1\]: is asked twice/);
    expect(() => loadLesson(broken(yaml.replace('hints:\n', 'questions: []\nhints:\n')))).toThrow(/questions: must be a non-empty list/);
    // An endpoint the cluster lacks is found when the answers are computed (the lesson suite does it for every lesson).
    const ghost = loadLesson(broken(withQuestions('  - {from: default/ghost, to: test/sample-pod-3, probe: 80}\n')));
    expect(() => answerQuestions(ghost)).toThrow(/default\/ghost → test\/sample-pod-3 \(TCP 80\) names an endpoint the cluster does not have/);
  });
});
