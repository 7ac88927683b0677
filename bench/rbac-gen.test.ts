// The RBAC benchmark's input: deterministic, of the asked size, valid for the RBAC topic, and a mix of answers.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateRbac, RBAC_BENCH_SIZE } from './rbac-gen';
import { analyze } from '../src/core/index';
import { parseSources, readObjects } from '../src/kube/index';
import { rbacTopic, type RbacResult } from '../src/topics/rbac/index';
import { SubjectAccessReviewKind } from '../src/topics/rbac/reviews';
import { main, type CliIO } from '../src/cli/main';

const SMALL = { namespaces: 6, roles: 40, bindings: 80, reviews: 300 };

describe('benchmark RBAC generator', () => {
  it('is deterministic per seed', () => {
    const a = generateRbac(SMALL);
    expect(generateRbac(SMALL)).toEqual(a);
    expect(generateRbac({ ...SMALL, seed: 7 }).reviews).not.toBe(a.reviews);
  });

  it('makes the asked numbers of objects, which the RBAC topic reads without a diagnostic', () => {
    const { cluster, reviews } = generateRbac(RBAC_BENCH_SIZE);
    const analysis = analyze({ topics: [rbacTopic], attempt: [{ file: 'cluster.yaml', text: cluster }] });
    expect(analysis.diagnostics).toEqual([]);
    const { model, index } = analysis.outcomes.get('rbac')!.result as RbacResult;
    const roles = model.roles.filter((r) => !r.builtIn);
    const bindings = model.bindings.filter((b) => !b.builtIn);
    expect(roles).toHaveLength(200);
    expect(bindings).toHaveLength(500);
    expect(model.namespaces).toHaveLength(30);
    expect(model.serviceAccounts.length).toBeGreaterThanOrEqual(30);
    // The variety the issue asks for: both kinds of each, aggregation, non-resource URLs, names and subresources.
    expect(new Set(roles.map((r) => r.kind))).toEqual(new Set(['Role', 'ClusterRole']));
    expect(roles.filter((r) => r.aggregationRule !== null).length).toBeGreaterThan(1);
    expect([...index.aggregation.rules.values()].every((rules) => rules.length > 0)).toBe(true);
    const rules = roles.flatMap((r) => r.rules);
    expect(rules.some((r) => r.nonResourceURLs.length > 0)).toBe(true);
    expect(rules.some((r) => r.resourceNames.length > 0)).toBe(true);
    expect(rules.some((r) => r.resources.some((x) => x.includes('/')))).toBe(true);
    expect(new Set(bindings.map((b) => `${b.kind}->${b.roleRef.kind}`))).toEqual(new Set(['ClusterRoleBinding->ClusterRole', 'RoleBinding->Role', 'RoleBinding->ClusterRole']));
    expect(new Set(bindings.flatMap((b) => b.subjects.map((s) => s.kind)))).toEqual(new Set(['User', 'Group', 'ServiceAccount']));
    const parsed = parseSources([{ file: 'reviews.yaml', text: reviews }]);
    const read = readObjects(parsed.documents, [SubjectAccessReviewKind]);
    expect([...parsed.diagnostics, ...read.diagnostics]).toEqual([]);
    expect(read.objects).toHaveLength(5000);
  });

  it('gives both answers through `cks-lab can-i --reviews`', async () => {
    const { cluster, reviews } = generateRbac({ ...RBAC_BENCH_SIZE, reviews: 300 });
    const dir = mkdtempSync(join(tmpdir(), 'rbac-gen-'));
    try {
      writeFileSync(join(dir, 'cluster.yaml'), cluster);
      writeFileSync(join(dir, 'reviews.yaml'), reviews);
      let stdout = '';
      let stderr = '';
      const io: Partial<CliIO> = {
        stdout: { write: (s: string) => ((stdout += s), true) },
        stderr: { write: (s: string) => ((stderr += s), true) },
        color: false,
      };
      expect(await main(['can-i', '--reviews', join(dir, 'reviews.yaml'), join(dir, 'cluster.yaml')], io)).toBe(0);
      expect(stderr).toBe('');
      const answers = JSON.parse(stdout) as { allowed: boolean }[];
      expect(answers).toHaveLength(300);
      const allowed = answers.filter((a) => a.allowed).length;
      expect(allowed).toBeGreaterThan(300 * 0.25);
      expect(allowed).toBeLessThan(300 * 0.75);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
