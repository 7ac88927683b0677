// The parse cache must be invisible: loading with it gives exactly what loading without it gives,
// including the locations of documents that moved because an earlier one grew.
import { describe, expect, it } from 'vitest';
import { createParseCache, loadCluster } from './index';

const pod = (name: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels: {app: ${name}}${extra}
status: {podIP: 10.0.0.${name.length}}
`;
const broken = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: bad}
spec:
  ingress:
  - from:
    - ipBlock: {cidr: 10.0.0.0/99}
`;

describe('parse cache', () => {
  it('gives the same cluster and diagnostics as a fresh parse after an edit moves later documents', () => {
    const cache = createParseCache();
    const before = [pod('a'), pod('bb'), broken, pod('ccc')].join('---\n');
    const after = [pod('a'), pod('bb', '\n  annotations:\n    note: "grown by two lines"'), broken, pod('ccc')].join('---\n');
    for (const text of [before, after, before]) {
      const cached = loadCluster([{ file: 'x.yaml', text }], { cache });
      const fresh = loadCluster([{ file: 'x.yaml', text }]);
      expect(cached.diagnostics).toEqual(fresh.diagnostics);
      expect(cached.cluster).toEqual(fresh.cluster);
    }
    const moved = loadCluster([{ file: 'x.yaml', text: after }], { cache }).diagnostics[0]!;
    const line = after.split('\n').findIndex((l) => l.includes('10.0.0.0/99')) + 1;
    expect(line).toBeGreaterThan(before.split('\n').findIndex((l) => l.includes('10.0.0.0/99')) + 1);
    expect(moved).toMatchObject({ code: 'invalid-cidr', line });
  });

  it('re-uses unchanged documents and forgets ones no longer in the text', () => {
    const cache = createParseCache();
    loadCluster([{ file: 'x.yaml', text: [pod('a'), pod('bb')].join('---\n') }], { cache });
    expect(cache.chunks.size).toBe(2);
    loadCluster([{ file: 'x.yaml', text: [pod('a'), pod('dd')].join('---\n') }], { cache });
    expect([...cache.chunks.keys()].some((k) => k.includes('name: bb'))).toBe(false);
    expect(cache.chunks.size).toBe(2);
  });

  it('keeps directives with their document by parsing such texts whole', () => {
    const text = `%YAML 1.1\n---\n${pod('a')}---\n${pod('bb')}`;
    const { cluster, diagnostics } = loadCluster([{ file: 'x.yaml', text }], { cache: createParseCache() });
    expect(diagnostics).toEqual([]);
    expect(cluster.endpoints.map((e) => e.id)).toEqual(['default/a', 'default/bb']);
  });
});
