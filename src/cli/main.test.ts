// CLI behaviour: formats, probes, exit codes and error lines, in-process and through the real bin script.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './test-run';

const dir = fileURLToPath(new URL('./testdata/', import.meta.url));
const at = (name: string): string => dir + name;

const run = runCli;

interface Row {
  from: string;
  to: string;
  port: number;
  protocol: string;
  allowed: boolean;
  ingressAllowed: boolean;
  egressAllowed: boolean;
  ingress?: { why: string; allowedBy: unknown[] };
  explanation?: string;
}

describe('cks-lab eval --format json', () => {
  it('prints one sorted row per probed connection, with the declared ports of each destination', async () => {
    const { code, stdout, stderr } = await run(['eval', at('cluster.yaml'), at('policy.yaml')]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as Row[];
    const keys = rows.map((r) => `${r.from}>${r.to}:${r.port}/${r.protocol}`);
    // x/a declares TCP 80, x/b UDP 53, internet TCP 443; external-to-external is not evaluated.
    expect(keys).toEqual([
      'external:internet>x/a:80/TCP',
      'external:internet>x/b:53/UDP',
      'x/a>external:internet:443/TCP',
      'x/a>x/a:80/TCP',
      'x/a>x/b:53/UDP',
      'x/b>external:internet:443/TCP',
      'x/b>x/a:80/TCP',
      'x/b>x/b:53/UDP',
    ]);
    const denied = rows.filter((r) => !r.allowed).map((r) => `${r.from}>${r.to}`);
    expect(denied).toEqual(['external:internet>x/a']);
    expect(rows[0]).toEqual({
      from: 'external:internet', to: 'x/a', port: 80, protocol: 'TCP', allowed: false, ingressAllowed: false, egressAllowed: true,
    });
  });

  it('adds --ports to every destination and --no-declared-ports drops the declared ones', async () => {
    const both = JSON.parse((await run(['eval', at('cluster.yaml'), '--ports', '8000-8001/tcp,53/UDP'])).stdout) as Row[];
    expect(both.filter((r) => r.from === 'x/a' && r.to === 'x/b').map((r) => `${r.port}/${r.protocol}`)).toEqual(['53/UDP', '8000/TCP', '8001/TCP']);
    const only = JSON.parse((await run(['eval', at('cluster.yaml'), '--ports=80', '--no-declared-ports'])).stdout) as Row[];
    expect(only).toHaveLength(8); // 3 endpoints: 9 ordered pairs less external-to-itself, one probe each
    expect(new Set(only.map((r) => r.port))).toEqual(new Set([80]));
  });

  it('--explain adds the reasons and a sentence to each row', async () => {
    const rows = JSON.parse((await run(['eval', at('cluster.yaml'), at('policy.yaml'), '--explain'])).stdout) as Row[];
    const allowed = rows.find((r) => r.from === 'x/b' && r.to === 'x/a')!;
    expect(allowed.ingress).toMatchObject({ why: 'rule', allowedBy: [{ policy: 'x/a-from-b', direction: 'ingress', rule: 1, peer: 1, port: 1 }] });
    expect(allowed.explanation).toContain('x/a-from-b');
    expect(allowed.explanation).toContain('ingress rule 1'); // the same number as in the JSON
    const denied = rows.find((r) => r.from === 'external:internet' && r.to === 'x/a')!;
    expect(denied.ingress).toMatchObject({ why: 'no-rule', allowedBy: [] });
  });

  it('reads standard input for -', async () => {
    const { code, stdout } = await run(['eval', '-', '--ports', '80', '--format', 'summary'], 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ rows: 1, allowed: 1, denied: 0 });
  });
});

describe('cks-lab eval --format summary and table', () => {
  it('summary counts rows, allowed and denied', async () => {
    const { stdout } = await run(['eval', at('cluster.yaml'), at('policy.yaml'), '--format', 'summary']);
    expect(JSON.parse(stdout)).toEqual({ rows: 8, allowed: 7, denied: 1 });
  });

  it('table prints a truth table per probe with . and X', async () => {
    const { stdout } = await run(['eval', at('cluster.yaml'), at('policy.yaml'), '--format', 'table']);
    const lines = stdout.split('\n');
    const tcp80 = lines.indexOf(lines.find((l) => l.startsWith('TCP 80'))!);
    expect(tcp80).toBeGreaterThanOrEqual(0);
    // Columns: 1 external:internet, 2 x/a, 3 x/b. Only x/a declares TCP 80.
    expect(lines[tcp80 + 2]).toMatch(/^1 external:internet +- X -$/);
    expect(lines[tcp80 + 3]).toMatch(/^2 x\/a +- \. -$/);
    expect(lines[tcp80 + 4]).toMatch(/^3 x\/b +- \. -$/);
    expect(stdout).not.toContain('\x1b[');
  });
});

describe('cks-lab errors', () => {
  it('reports every problem as FILE:LINE:COL: error[CODE] and exits 2', async () => {
    const { code, stdout, stderr } = await run(['eval', at('cluster.yaml'), at('broken.yaml')]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/broken\.yaml:11:15: error\[invalid-cidr\]: /);
    expect(lines[1]).toMatch(/broken\.yaml:13:13: error\[invalid-port\]: /);
  });

  it('binary junk is a located error, not a crash', async () => {
    const { code, stderr } = await run(['eval', at('junk.yaml')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/junk\.yaml:\d+:\d+: error\[[a-z-]+\]: /);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('a missing file, an unknown flag and a bad --ports entry exit 2', async () => {
    const missing = await run(['eval', at('nope.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.yaml:1:1: error\[read-failed\]: no such file/);
    const flag = await run(['eval', at('cluster.yaml'), '--colour']);
    expect(flag).toMatchObject({ code: 2, stderr: expect.stringContaining('error[invalid-flag]: unknown flag --colour') });
    const ports = await run(['eval', at('cluster.yaml'), '--ports', '80/HTTP']);
    expect(ports).toMatchObject({ code: 2, stderr: expect.stringContaining('error[invalid-flag]') });
    expect((await run(['eval'])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
  });

  // Heavy work (65,535 probes, 32 M rows): a generous timeout, since its speed is the benchmark's business.
  it('probes every port of a range, and refuses with a message what would not fit in memory', async () => {
    const all = await run(['eval', at('cluster.yaml'), '--ports', '1-65535', '--no-declared-ports', '--format', 'summary']);
    expect(all.code).toBe(0);
    const pairs = (JSON.parse((await run(['eval', at('cluster.yaml'), '--ports', '80', '--no-declared-ports', '--format', 'summary'])).stdout) as { rows: number }).rows;
    expect(JSON.parse(all.stdout)).toMatchObject({ rows: pairs * 65535 });
    // A thousand rules, each keeping an entry per probe, on every port of every protocol: about 1.5 GB.
    const rules = `apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: many}\nspec:\n  podSelector: {}\n  ingress:\n${'  - {}\n'.repeat(1000)}`;
    const big = await run(['eval', '-', '--ports', '1-65535/TCP,1-65535/UDP,1-65535/SCTP', '--format', 'summary'], rules);
    expect(big).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^cks-lab: error\[too-large\]: 1 endpoints, 1 policies and 196605 distinct probe ports are too much/) });
    // Many probes on pods no policy isolates cost little: that runs.
    const pods = Array.from({ length: 40 }, (_, i) => `---\napiVersion: v1\nkind: Pod\nmetadata: {name: p${i}}\n`).join('');
    const wide = await run(['eval', '-', '--ports', '1-20000/TCP', '--format', 'summary'], pods);
    expect(wide).toMatchObject({ code: 0, stdout: `{"rows": ${40 * 40 * 20000}, "allowed": ${40 * 40 * 20000}, "denied": 0}\n` });
  }, 60_000);

  it('unknown kinds are skipped with a warning and do not fail the run', async () => {
    const { code, stderr, stdout } = await run(['eval', '-', '--format', 'summary', '--ports', '80'], 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\n');
    expect(code).toBe(0);
    expect(stderr).toMatch(/^<stdin>:2:7: warning\[unsupported-kind\]: /);
    expect(JSON.parse(stdout)).toEqual({ rows: 1, allowed: 1, denied: 0 });
  });
});

/** The newest modification time under a folder (tests aside): what the CLI bundle is built from. */
function newest(folder: string): number {
  let t = 0;
  for (const e of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(path));
    else if (!e.name.endsWith('.test.ts')) t = Math.max(t, statSync(path).mtimeMs);
  }
  return t;
}

describe('the installed bin script', () => {
  const bin = fileURLToPath(new URL('../../bin/cks-lab.mjs', import.meta.url));
  const bundle = fileURLToPath(new URL('../../dist-cli/cks-lab.mjs', import.meta.url));
  const src = fileURLToPath(new URL('../', import.meta.url));

  // The bin runs dist-cli, which `npm install` builds: rebuild it when it is older than the sources, so this test
  // never judges yesterday's bundle.
  beforeAll(() => {
    if (existsSync(bundle) && statSync(bundle).mtimeMs > newest(src)) return;
    const r = spawnSync('npm', ['run', 'build:cli'], { cwd: fileURLToPath(new URL('../../', import.meta.url)), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  }, 120_000);

  it('the bundle it runs is at least as new as the sources', () => {
    expect(statSync(bundle).mtimeMs).toBeGreaterThan(newest(src));
  });

  it('runs the built CLI with real exit codes and no stack traces', () => {
    const ok = spawnSync(process.execPath, [bin, 'eval', at('cluster.yaml'), at('policy.yaml'), '--format', 'summary'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ rows: 8, allowed: 7, denied: 1 });
    const bad = spawnSync(process.execPath, [bin, 'eval', at('broken.yaml'), at('junk.yaml')], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/broken\.yaml:11:15: error\[invalid-cidr\]/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('strict field validation', () => {
  it('cks-lab eval exits 2 on a misspelt field, with a did-you-mean at the key', async () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containres:\n  - {name: app, image: nginx}\n';
    const r = await runCli(['eval', '-'], pod);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('<stdin>:5:3: error[unknown-field]: unknown field spec.containres; did you mean containers? (Pod default/web)');
  });
});
