import { describe, expect, it } from 'vitest';
import { generateCluster } from './cluster-gen';
import { evaluate, loadCluster } from '../src/topics/netpol/index';

describe('benchmark cluster generator', () => {
  it('makes valid clusters of the requested size', () => {
    const text = generateCluster({ pods: 60, namespaces: 5, policies: 18 });
    const { cluster, diagnostics } = loadCluster([{ file: 'gen.yaml', text }]);
    expect(diagnostics).toEqual([]);
    expect(cluster.endpoints).toHaveLength(60);
    expect(cluster.policies).toHaveLength(18);
    expect(cluster.namespaces).toHaveLength(5);
  });

  it('is deterministic and gives both verdicts', () => {
    expect(generateCluster({ pods: 30, namespaces: 3, policies: 9 })).toBe(generateCluster({ pods: 30, namespaces: 3, policies: 9 }));
    const { cluster } = loadCluster([{ file: 'gen.yaml', text: generateCluster({ pods: 60, namespaces: 5, policies: 18 }) }]);
    const counts = evaluate(cluster, { declaredPorts: false, ports: [{ port: 80, protocol: 'TCP' }] }).counts();
    expect(counts.rows).toBe(60 * 60);
    expect(counts.allowed).toBeGreaterThan(0);
    expect(counts.denied).toBeGreaterThan(0);
  });
});
