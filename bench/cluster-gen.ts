// Makes large, realistic clusters for the benchmark: namespaces, pods with IPs and named ports, and a
// mix of the policies people write (deny-all, allow from a namespace, pod selectors, ipBlocks, egress).
// Seeded, so every run measures the same input.

export interface GenOptions {
  pods: number;
  namespaces: number;
  policies: number;
  seed?: number;
}

/** A small seeded generator (mulberry32): the same seed gives the same cluster. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const APPS = ['web', 'api', 'db', 'cache', 'queue', 'auth', 'search', 'billing', 'mail', 'metrics', 'gateway', 'worker'];
const TIERS = ['frontend', 'backend', 'data'];
const TEAMS = ['red', 'blue', 'green', 'gold', 'teal'];

/** A multi-document YAML text with the requested numbers of objects. */
export function generateCluster(options: GenOptions): string {
  const random = rng(options.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const docs: string[] = [];
  const nsNames = Array.from({ length: options.namespaces }, (_, i) => `ns-${String(i).padStart(2, '0')}`);
  nsNames.forEach((name, i) => {
    docs.push(`apiVersion: v1
kind: Namespace
metadata:
  name: ${name}
  labels:
    team: ${TEAMS[i % TEAMS.length]}
    env: ${i % 3 === 0 ? 'prod' : 'dev'}`);
  });
  for (let i = 0; i < options.pods; i++) {
    const ns = nsNames[i % nsNames.length]!;
    const app = pick(APPS);
    const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    docs.push(`apiVersion: v1
kind: Pod
metadata:
  name: ${app}-${i}
  namespace: ${ns}
  labels:
    app: ${app}
    tier: ${pick(TIERS)}
    version: v${1 + (i % 3)}
spec:
  containers:
  - name: main
    image: nginx:1.27
    ports:
    - name: http
      containerPort: ${random() < 0.8 ? 80 : 8080}
    - name: metrics
      containerPort: 9090
    - name: dns
      containerPort: 53
      protocol: UDP
status:
  podIP: ${ip}`);
  }
  for (let i = 0; i < options.policies; i++) {
    const ns = nsNames[i % nsNames.length]!;
    const kind = i % 6;
    const app = pick(APPS);
    let spec: string;
    switch (kind) {
      case 0:
        spec = `  podSelector: {}
  policyTypes: [Ingress, Egress]`;
        break;
      case 1:
        spec = `  podSelector:
    matchLabels:
      app: ${app}
  ingress:
  - from:
    - namespaceSelector:
        matchLabels:
          team: ${pick(TEAMS)}
    ports:
    - port: http`;
        break;
      case 2:
        spec = `  podSelector:
    matchExpressions:
    - {key: tier, operator: In, values: [${pick(TIERS)}, ${pick(TIERS)}]}
  ingress:
  - from:
    - podSelector:
        matchLabels:
          app: ${pick(APPS)}
    - namespaceSelector:
        matchLabels:
          env: prod
      podSelector:
        matchExpressions:
        - {key: version, operator: NotIn, values: [v1]}
    ports:
    - protocol: TCP
      port: 80
    - protocol: TCP
      port: 9000
      endPort: 9100`;
        break;
      case 3:
        spec = `  podSelector:
    matchLabels:
      app: ${app}
  policyTypes: [Egress]
  egress:
  - to:
    - namespaceSelector: {}
      podSelector:
        matchLabels:
          app: ${pick(APPS)}
    ports:
    - port: 80
  - to:
    - namespaceSelector: {}
    ports:
    - port: dns
      protocol: UDP`;
        break;
      case 4:
        spec = `  podSelector:
    matchLabels:
      app: ${app}
  ingress:
  - from:
    - ipBlock:
        cidr: 10.0.0.0/16
        except:
        - 10.0.${Math.floor(random() * 4)}.0/24`;
        break;
      default:
        spec = `  podSelector:
    matchLabels:
      tier: ${pick(TIERS)}
  policyTypes: [Ingress, Egress]
  ingress:
  - from:
    - podSelector: {}
  egress:
  - to:
    - podSelector: {}
  - ports:
    - port: 53
      protocol: UDP`;
    }
    docs.push(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: policy-${i}
  namespace: ${ns}
spec:
${spec}`);
  }
  return docs.join('\n---\n') + '\n';
}
