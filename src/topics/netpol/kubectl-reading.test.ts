// Input read the way kubectl and the API server read it, in the corners where YAML libraries and
// Kubernetes disagree (found by review against go-yaml v2 and the API server's defaulting).
import { describe, expect, it } from 'vitest';
import { loadCluster } from './index';
import { resolvePlainScalar } from '../../kube/index';

const load = (text: string, file = 'x.yaml') => loadCluster([{ file, text }]);
const pod = (labels: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    ${labels}\n`;

describe('YAML scalars as go-yaml v2 resolves them', () => {
  it('keeps a date as its text', () => {
    expect(load(pod('date: 2024-01-01')).cluster.endpoints[0]?.labels).toEqual({ date: '2024-01-01' });
  });
  it('keeps a base-60 number as its text (then 1:20 is not a valid label value)', () => {
    expect(load(pod('t: 1:20')).diagnostics[0]).toMatchObject({ code: 'invalid-label', line: 6 });
  });
  it('reads 0o17 as the integer 15 (so it is not a string label)', () => {
    expect(load(pod('v: 0o17')).diagnostics[0]).toMatchObject({ code: 'label-not-string' });
  });
  it('resolves every plain scalar by go-yaml v2\'s table, not YAML 1.1\'s regular expressions', () => {
    const table: [string, unknown][] = [
      // Only a sign, a digit, a point or one of yYnNtTfFoO~ can start anything but a string.
      ['e1', 'e1'], ['E3', 'E3'], ['e-1', 'e-1'], ['abc', 'abc'], ['Inf', 'Inf'], ['nan', 'nan'], ['<<x', '<<x'],
      ['yes', true], ['Y', true], ['On', true], ['TRUE', true], ['no', false], ['n', false], ['OFF', false], ['False', false],
      ['~', null], ['null', null], ['NULL', null], ['', null], ['yES', 'yES'], ['nO', 'nO'], ['o', 'o'], ['tru', 'tru'],
      ['.inf', Infinity], ['-.Inf', -Infinity], ['+.INF', Infinity], ['.5', 0.5], ['.5e1', 5], ['.5_5', 0.55], ['.5_', '.5_'], ['.', '.'], ['.e1', '.e1'], ['._5', '._5'],
      ['12', 12], ['-12', -12], ['+12', 12], ['1_000', 1000], ['0x1F', 31], ['0X1f', 31], ['-0x10', -16], ['0o17', 15], ['0O17', 15],
      ['017', 15], ['0b101', 5], ['-0b11', -3], ['0', 0], ['08', 8], ['09.5', 9.5], ['1.', 1], ['1e3', 1000], ['1.5E-1', 0.15],
      ['-.5', -0.5], ['+1.5e+2', 150], ['1e400', '1e400'], ['0x', '0x'], ['0b2', '0b2'], ['1:20', '1:20'], ['2024-01-01', '2024-01-01'],
      ['18446744073709551615', 2 ** 64], ['99999999999999999999', 1e20], ['0x1FFFFFFFFFFFFFFFFF', '0x1FFFFFFFFFFFFFFFFF'],
      ['1.2.3', '1.2.3'], ['1e', '1e'], ['-', '-'], ['+', '+'], ['10.0.0.1', '10.0.0.1'], ['80/TCP', '80/TCP'],
    ];
    for (const [text, value] of table) expect([text, resolvePlainScalar(text)]).toEqual([text, value]);
  });
  it('keeps names, label values and port names like e1 as strings (the yaml library\'s YAML 1.1 reads NaN)', () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: e1, namespace: x, labels: {e5: E3, app: e-1}}\n' +
      'spec: {containers: [{name: c, ports: [{containerPort: 80, name: e1}]}]}\nstatus: {podIP: 10.0.0.1}\n---\n' +
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: x}\n' +
      'spec: {podSelector: {}, ingress: [{ports: [{port: e1}], from: [{podSelector: {matchExpressions: [{key: e5, operator: In, values: [E3]}]}}]}]}\n';
    const r = load(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.cluster.endpoints[0]).toMatchObject({ id: 'x/e1', labels: { e5: 'E3', app: 'e-1' }, ports: [{ port: 80, name: 'e1' }] });
  });
  it('reads 08 as a number, as Go does (so it is not a string label), and keeps quoted numbers as strings', () => {
    expect(load(pod('v: 08')).diagnostics[0]).toMatchObject({ code: 'label-not-string', message: expect.stringContaining('(quote it: "08")') });
    expect(load(pod('v: yes')).diagnostics[0]).toMatchObject({ code: 'label-not-string', message: expect.stringContaining('(quote it: "yes")') });
    expect(load(pod('v: "08"')).cluster.endpoints[0]?.labels).toEqual({ v: '08' });
    expect(load(pod('v: !!str 08')).cluster.endpoints[0]?.labels).toEqual({ v: '08' });
  });
  it('reads tagged scalars as Go does: !!timestamp as text, !!int by Go\'s integer syntax', () => {
    expect(load(pod('v: !!timestamp 2024-01-01')).cluster.endpoints[0]?.labels).toEqual({ v: '2024-01-01' });
    expect(load(pod('v: !!int 0o17')).diagnostics[0]).toMatchObject({ code: 'label-not-string', message: expect.stringContaining('not the number 15') });
  });
  it('reads a null label value as the empty string', () => {
    expect(load(pod('app:')).cluster.endpoints[0]?.labels).toEqual({ app: '' });
    expect(load(pod('app: ~')).diagnostics).toEqual([]);
  });
});

describe('streams', () => {
  it('reads a stream of JSON objects one after another', () => {
    const json = '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a"}}\n{"apiVersion":"v1","kind":"Pod","metadata":{"name":"b","annotations":{"note":"}{ tricky"}}}';
    const r = load(json, 'x.json');
    expect(r.diagnostics).toEqual([]);
    expect(r.cluster.endpoints.map((e) => e.id)).toEqual(['default/a', 'default/b']);
  });
  it('locates an error in the second object of a JSON stream', () => {
    const json = '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a"}}\n{"apiVersion":"v1","kind":"Pod","metadata":{"name":"B"}}';
    expect(load(json, 'x.json').diagnostics[0]).toMatchObject({ code: 'invalid-name', line: 2 });
  });
  it('skips documents that are just null, as kubectl does', () => {
    const r = load('~\n---\nnull\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: a}\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.cluster.endpoints).toHaveLength(1);
  });
});

describe('API server defaulting and validation corners', () => {
  it('rejects a null except entry (it decodes to "", not a CIDR)', () => {
    const text = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np}\nspec:\n  ingress:\n  - from:\n    - ipBlock: {cidr: 10.0.0.0/8, except: [null]}\n';
    expect(load(text).diagnostics[0]).toMatchObject({ code: 'invalid-cidr', line: 7 });
  });
  it('allows the same port name in two containers (names are unique per container)', () => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - {name: c1, ports: [{name: metrics, containerPort: 80}]}\n  - {name: c2, ports: [{name: metrics, containerPort: 9090}]}\n`;
    const r = load(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.cluster.endpoints[0]?.ports).toHaveLength(2);
    const twice = `apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - {name: c1, ports: [{name: web, containerPort: 80}, {name: web, containerPort: 81}]}\n`;
    expect(load(twice).diagnostics[0]).toMatchObject({ code: 'duplicate' });
  });
  it('treats an empty namespace as default and an empty container port protocol as TCP', () => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: ""}\nspec:\n  containers:\n  - {name: c, ports: [{containerPort: 80, protocol: ""}]}\n`;
    const r = load(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.cluster.endpoints[0]).toMatchObject({ id: 'default/a', ports: [{ port: 80, protocol: 'TCP', name: null }] });
  });
  it('refuses a text with an enormous flow list quickly instead of parsing it for seconds', () => {
    const r = load(`a: [${'1,'.repeat(150_000)}1]\n`);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'too-large' });
  });

  it('validates apps/v1 workload selectors against the pod template', () => {
    const deployment = (selector: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n${selector}  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: c, image: nginx}]}\n`;
    expect(load(deployment('')).diagnostics[0]).toMatchObject({ code: 'missing-field', message: expect.stringContaining('spec.selector is required') });
    expect(load(deployment('  selector: {}\n')).diagnostics[0]).toMatchObject({ code: 'invalid-selector' });
    expect(load(deployment('  selector: {matchLabels: {app: api}}\n')).diagnostics[0]).toMatchObject({ code: 'invalid-selector', line: 5 });
    const ok = load(deployment('  selector: {matchLabels: {app: web}}\n'));
    expect(ok.diagnostics).toEqual([]);
    expect(ok.cluster.endpoints[0]).toMatchObject({ id: 'default/web', source: 'Deployment', labels: { app: 'web' } });
  });
});
