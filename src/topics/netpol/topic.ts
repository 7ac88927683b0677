// The NetworkPolicy topic in the shape every topic has: its kinds, build, evaluate, lesson options and checks.
import type { KubeObject } from '../../kube/index';
import type { Topic } from '../../core/index';
import { evaluate, type Connectivity, type ProbeOptions } from './evaluate';
import { buildCluster, NETPOL_KINDS } from './read';
import { connectivityCheck, isolationCheck, policyCheck } from './checks';
import { parseProbeList } from './probes';
import { evalCommand } from './commands';
import type { Cluster, Probe } from './model';

export const netpolTopic: Topic<Cluster, Connectivity, ProbeOptions> = {
  id: 'netpol',
  title: { en: 'NetworkPolicy', ja: 'NetworkPolicy' },
  codes: {},
  kinds: NETPOL_KINDS,
  build: (objects: readonly KubeObject[]) => {
    const { cluster, diagnostics } = buildCluster(objects);
    return { model: cluster, diagnostics };
  },
  evaluate,
  /** `netpol: {probes: [80/TCP, 53/UDP]}`: a lesson grades exactly these probes on every pair. */
  lessonOptions(value, path, fail) {
    const probesOf = (v: unknown): Probe[] => {
      if (!Array.isArray(v) || v.length === 0) {
        fail(`${path}.probes`, 'must list at least one probe, e.g. [80/TCP]');
        return [];
      }
      const parsed = parseProbeList(v.map(String).join(','));
      if ('error' in parsed) {
        fail(`${path}.probes`, parsed.error);
        return [];
      }
      return parsed.probes;
    };
    const section = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
    if (!section) fail(path, 'must be a mapping with probes, e.g. {probes: [80/TCP]}');
    else for (const key of Object.keys(section)) if (key !== 'probes') fail(`${path}.${key}`, 'is not a netpol option (probes)');
    return { ports: probesOf(section?.probes), declaredPorts: false };
  },
  defaultOptions: { declaredPorts: true },
  pendingMessage: { en: 'The submission holds no NetworkPolicy.', ja: '提出物に NetworkPolicy がありません。' },
  attempted: (cluster, files) => cluster.policies.some((p) => files.has(p.location.file)),
  checks: [connectivityCheck, isolationCheck, policyCheck],
  commands: [evalCommand],
};
