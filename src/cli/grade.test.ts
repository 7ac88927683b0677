// `cks-lab grade` and `cks-lab lessons`: every exit code and format, a class folder, JUnit read back as XML.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { main, type CliIO } from './main';
import { encodeShare } from '../core/index';

const lessons = fileURLToPath(new URL('../../lessons/', import.meta.url));
const solution = (id: string): string => readFileSync(join(lessons, id, 'solution.yaml'), 'utf8');

async function run(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Partial<CliIO> = {
    stdout: { write: (s: string) => ((stdout += s), true) },
    stderr: { write: (s: string) => ((stderr += s), true) },
    readStdin: () => stdin,
    color: false,
  };
  return { code: await main(args, io), stdout, stderr };
}

function scratch(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cks-grade-'));
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  }
  return dir;
}

const denyDefaultIngressOnly = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: d, namespace: default}\nspec: {podSelector: {}}\n';

describe('cks-lab grade, one submission', () => {
  it('exits 0 and reports every check passed for the solution (json)', async () => {
    const dir = scratch({ 'answer.yaml': solution('netpol-namespace-selector') });
    const { code, stdout } = await run(['grade', '--lesson', 'netpol-namespace-selector', join(dir, 'answer.yaml'), '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      lesson: 'netpol-namespace-selector',
      passed: true,
      checks: [
        { id: 'pod3-from-default-only', passed: true, message: expect.stringContaining('app=pod3') },
        { id: 'uses-namespace-selector', passed: true, message: expect.any(String) },
      ],
      warnings: [],
    });
  });

  it('prints the warnings that may explain a grade (a skipped v1beta1 policy), with text, json and junit', async () => {
    const beta = solution('netpol-deny-all').replace(/networking\.k8s\.io\/v1\b/g, 'networking.k8s.io/v1beta1');
    const dir = scratch({ 'answer.yaml': beta });
    const { code, stdout, stderr } = await run(['grade', '--lesson', 'netpol-deny-all', join(dir, 'answer.yaml'), '--format', 'json']);
    expect(code).toBe(1);
    expect(stderr).toContain('warning[unsupported-kind]: networking.k8s.io/v1beta1 NetworkPolicy is not networking.k8s.io/v1 NetworkPolicy; skipped');
    expect(JSON.parse(stdout).warnings).toEqual([expect.stringContaining('networking.k8s.io/v1beta1 NetworkPolicy is not networking.k8s.io/v1 NetworkPolicy')]);
  });

  it('junit is written for an invalid submission too: one failed testcase carrying the error (exit 2)', async () => {
    const dir = scratch({ 'answer.yaml': 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: x}\nspec: [\n' });
    const { code, stdout, stderr } = await run(['grade', '--lesson', 'netpol-deny-all', join(dir, 'answer.yaml'), '--format', 'junit']);
    expect(code).toBe(2);
    expect(stderr).toContain('error[yaml-syntax]');
    expect(XMLValidator.validate(stdout)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testcase' }).parse(stdout);
    expect(doc.testsuites.testsuite['@_failures']).toBe('1');
    expect(doc.testsuites.testsuite.testcase[0]['@_name']).toBe('input');
    expect(doc.testsuites.testsuite.testcase[0].failure['#text']).toContain('error[yaml-syntax]');
    const missing = await run(['grade', '--lesson', 'netpol-deny-all', join(dir, 'nope.yaml'), '--format', 'junit']);
    expect(missing.code).toBe(2);
    expect(XMLValidator.validate(missing.stdout)).toBe(true);
    expect(missing.stdout).toContain('name="input"');
  });

  it('exits 1 and says which connection is wrong, expected against actual', async () => {
    const dir = scratch({ 'answer.yaml': denyDefaultIngressOnly });
    const { code, stdout } = await run(['grade', '--lesson', 'netpol-deny-all', join(dir, 'answer.yaml'), '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { passed: boolean; checks: { id: string; passed: boolean; message: string }[] };
    expect(report.passed).toBe(false);
    const failed = report.checks.find((c) => c.id === 'default-cut-off')!;
    expect(failed.passed).toBe(false);
    expect(failed.message).toContain('default/sample-pod-1 → external:internet (TCP 80) should be denied, but it is allowed.');
    expect(failed.message).toContain('Hint: ');
  });

  it('reads several files as one submission, and answers in Japanese with --lang ja', async () => {
    const [a, b] = solution('netpol-egress-only').split('---\n');
    const dir = scratch({ 'a.yaml': a!, 'b.yaml': b! });
    const both = await run(['grade', '--lesson', 'netpol-egress-only', join(dir, 'a.yaml'), join(dir, 'b.yaml')]);
    expect(both.code).toBe(0);
    expect(both.stdout).toMatch(/^netpol-egress-only \(Send anywhere, receive nothing\): PASSED/);
    const one = await run(['grade', '--lesson', 'netpol-egress-only', join(dir, 'a.yaml'), '--lang', 'ja']);
    expect(one.code).toBe(1);
    expect(one.stdout).toContain('ヒント');
  });

  it('a submission without any NetworkPolicy fails', async () => {
    const dir = scratch({ 'empty.yaml': '# nothing yet\n' });
    const { code, stdout } = await run(['grade', '--lesson', 'netpol-deny-all', join(dir, 'empty.yaml'), '--format', 'json']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).checks[0]).toEqual({ id: 'has-policy', passed: false, message: 'The submission holds no NetworkPolicy.' });
  });

  it('exits 2 on invalid input, with located errors', async () => {
    const dir = scratch({ 'bad.yaml': 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: x}\nspec:\n  policyTypes: [Ingres]\n' });
    const { code, stdout, stderr } = await run(['grade', '--lesson', 'netpol-deny-all', join(dir, 'bad.yaml')]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/bad\.yaml:5:17: error\[invalid-policy-type\]/);
  });

  it('exits 2 for an unknown lesson and lists the lesson ids', async () => {
    const { code, stderr } = await run(['grade', '--lesson', 'netpol-nope', 'x.yaml']);
    expect(code).toBe(2);
    expect(stderr).toContain('error[unknown-lesson]');
    expect(stderr).toContain('netpol-deny-all');
    expect((await run(['grade', 'x.yaml'])).code).toBe(2);
  });

  it('junit: one testcase per check, failures marked, valid XML', async () => {
    const dir = scratch({ 'answer.yaml': denyDefaultIngressOnly });
    const { code, stdout } = await run(['grade', '--lesson', 'netpol-deny-all', join(dir, 'answer.yaml'), '--format', 'junit']);
    expect(code).toBe(1);
    expect(XMLValidator.validate(stdout)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testcase' }).parse(stdout);
    const suite = doc.testsuites.testsuite;
    expect(suite['@_tests']).toBe('2');
    expect(suite['@_failures']).toBe('1');
    expect(suite.testcase.map((t: Record<string, unknown>) => [t['@_name'], 'failure' in t])).toEqual([
      ['default-cut-off', true],
      ['test-untouched', false],
    ]);
  });
});

describe('cks-lab grade --batch', () => {
  const classroom = () =>
    scratch({
      'alice.yaml': solution('netpol-deny-all'),
      'bob.yaml': denyDefaultIngressOnly,
      'carol.yaml': 'kind: [\n\u0000\u0001 <script>&\n',
      'dave/policy.yaml': solution('netpol-deny-all'),
      'notes.txt': 'not a submission',
    });

  it('grades each file or sub-folder as one learner; a broken file fails only that learner (json)', async () => {
    const { code, stdout } = await run(['grade', '--lesson', 'netpol-deny-all', '--batch', classroom(), '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { lesson: string; passed: boolean; submissions: { name: string; passed: boolean; checks: { id: string }[] }[] };
    expect(report.lesson).toBe('netpol-deny-all');
    expect(report.passed).toBe(false);
    expect(report.submissions.map((s) => [s.name, s.passed])).toEqual([
      ['alice', true],
      ['bob', false],
      ['carol', false],
      ['dave', true],
    ]);
    expect(report.submissions[2]!.checks[0]!.id).toBe('input');
  });

  it('prints a class table as text, and exits 0 when every learner passed', async () => {
    const { stdout } = await run(['grade', '--lesson', 'netpol-deny-all', '--batch', classroom()]);
    expect(stdout).toContain('2 of 4 passed');
    expect(stdout).toMatch(/^bob +FAIL +default-cut-off$/m);
    const good = scratch({ 'a.yaml': solution('netpol-ip-block'), 'b.yaml': solution('netpol-ip-block') });
    expect((await run(['grade', '--lesson', 'netpol-ip-block', '--batch', good])).code).toBe(0);
  });

  it('junit: one testcase per learner with a failure for each failed one, escaped', async () => {
    const { stdout } = await run(['grade', '--lesson', 'netpol-deny-all', '--batch', classroom(), '--format', 'junit']);
    expect(XMLValidator.validate(stdout)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testcase' }).parse(stdout);
    const cases = doc.testsuites.testsuite.testcase as Record<string, unknown>[];
    expect(cases.map((t) => [t['@_name'], 'failure' in t])).toEqual([
      ['alice', false],
      ['bob', true],
      ['carol', true],
      ['dave', false],
    ]);
    expect(doc.testsuites.testsuite['@_failures']).toBe('2');
  });
});

describe('cks-lab grade --links', () => {
  const link = async (lesson: string, text: string, base = 'http://192.168.1.20:4173/') => `${base}#/lessons/${lesson}?share=${await encodeShare(text)}`;
  // As a form exports them: bare links and NAME<TAB>URL rows, a comment, a blank line, junk, another lesson.
  const answers = async () =>
    [
      '# CKS workshop, deny-all',
      await link('netpol-deny-all', solution('netpol-deny-all')),
      `bob\t${await link('netpol-deny-all', denyDefaultIngressOnly, 'http://127.0.0.1:4173/')}`,
      '',
      'carol\tnot a link <script>&',
      `dave\t${await link('netpol-ip-block', solution('netpol-ip-block'))}`,
      `erin\t${await link('netpol-deny-all', 'kind: [\n')}`,
      'frank\thttp://192.168.1.20:4173/#/lessons/netpol-deny-all?share=1.not-really-deflate',
    ].join('\n') + '\n';

  it('grades each line as one learner, named by line or by the first column; a bad link fails only its learner (json)', async () => {
    const dir = scratch({ 'answers.txt': await answers() });
    const { code, stdout } = await run(['grade', '--lesson', 'netpol-deny-all', '--links', join(dir, 'answers.txt'), '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { lesson: string; passed: boolean; submissions: { name: string; passed: boolean; checks: { id: string; passed: boolean; message: string }[] }[] };
    expect(report.lesson).toBe('netpol-deny-all');
    expect(report.passed).toBe(false);
    expect(report.submissions.map((s) => [s.name, s.passed])).toEqual([
      ['line 2', true],
      ['bob', false],
      ['carol', false],
      ['dave', false],
      ['erin', false],
      ['frank', false],
    ]);
    const [, bob, carol, dave, erin, frank] = report.submissions;
    expect(bob!.checks.find((c) => !c.passed)!.id).toBe('default-cut-off');
    expect(carol!.checks).toEqual([{ id: 'input', passed: false, message: 'answers.txt:5:1: error[bad-share-link]: not a share link (expected …#/lessons/<id>?share=1.…)' }]);
    expect(dave!.checks[0]!.message).toContain('a link to lesson netpol-ip-block, not to netpol-deny-all');
    expect(erin!.checks[0]!.message).toMatch(/^answers\.txt#L7:\d+:\d+: error\[yaml-syntax\]/);
    expect(frank!.checks[0]!.message).toContain('broken or incomplete');
  });

  it('prints the class table as text, and exits 0 when every link passes; reads - as standard input', async () => {
    const dir = scratch({ 'answers.txt': await answers() });
    const { stdout } = await run(['grade', '--lesson', 'netpol-deny-all', '--links', join(dir, 'answers.txt')]);
    expect(stdout).toContain('1 of 6 passed');
    expect(stdout).toMatch(/^line 2 +pass +$/m);
    expect(stdout).toMatch(/^bob +FAIL +default-cut-off$/m);
    expect(stdout).toMatch(/^carol +FAIL +input: answers\.txt:5:1: error\[bad-share-link\]/m);
    const good = [await link('netpol-ip-block', solution('netpol-ip-block')), `ann\t${await link('netpol-ip-block', solution('netpol-ip-block'))}`].join('\r\n');
    const piped = await run(['grade', '--lesson', 'netpol-ip-block', '--links', '-'], good);
    expect(piped.code).toBe(0);
    expect(piped.stdout).toContain('2 of 2 passed');
  });

  it('junit: one testcase per learner, the bad links failed with their reason, valid XML', async () => {
    const dir = scratch({ 'answers.txt': await answers() });
    const { code, stdout } = await run(['grade', '--lesson', 'netpol-deny-all', '--links', join(dir, 'answers.txt'), '--format', 'junit']);
    expect(code).toBe(1);
    expect(XMLValidator.validate(stdout)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testcase' }).parse(stdout);
    const cases = doc.testsuites.testsuite.testcase as Record<string, { '#text': string }>[];
    expect(cases.map((t) => [t['@_name'], 'failure' in t])).toEqual([
      ['line 2', false],
      ['bob', true],
      ['carol', true],
      ['dave', true],
      ['erin', true],
      ['frank', true],
    ]);
    expect(cases[2]!.failure!['#text']).toContain('error[bad-share-link]: not a share link');
    expect(doc.testsuites.testsuite['@_failures']).toBe('5');
  });

  it('exits 2 for a missing links file, or --links with files or --batch', async () => {
    const dir = scratch({ 'a.yaml': solution('netpol-deny-all') });
    const missing = await run(['grade', '--lesson', 'netpol-deny-all', '--links', join(dir, 'nope.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--links');
    expect((await run(['grade', '--lesson', 'netpol-deny-all', '--links', join(dir, 'a.yaml'), join(dir, 'a.yaml')])).code).toBe(2);
    expect((await run(['grade', '--lesson', 'netpol-deny-all', '--links', join(dir, 'a.yaml'), '--batch', dir])).stderr).toContain('give one of');
  });
});

describe('cks-lab lessons', () => {
  it('lists the lessons as text and json', async () => {
    const text = await run(['lessons']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^netpol-deny-all +netpol +beginner +5 min +Deny all traffic in a namespace$/m);
    expect(text.stdout).toMatch(/^rbac-role-binding +rbac +beginner +\d+ min +/m);
    const json = JSON.parse((await run(['lessons', '--format', 'json'])).stdout) as { id: string; topic: string; title: { ja: string } }[];
    expect(json.map((l) => l.id)).toContain('netpol-ip-block');
    expect(json.find((l) => l.id === 'rbac-view-vs-edit')?.topic).toBe('rbac');
    expect(json.find((l) => l.id === 'netpol-deny-all')!.title.ja).toBe('namespace のすべての通信を拒否する');
  });
});
