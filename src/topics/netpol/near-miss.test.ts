// Near misses: where a direction is denied, each rule of the isolating policies says what it missed, in words a
// learner can act on (the namespace matched but the labels did not, the peer matched but the port is another, an
// address outside the block or excepted, no address at all, a selector that cannot match outside the cluster).
import { describe, expect, it } from 'vitest';
import { describeExplanation } from './index';
import { explain, external, namespace, pod, policy, run, type PolicySpec } from './test-fixtures';

const WORKLOAD = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: batch
  namespace: shop
spec:
  selector:
    matchLabels: {app: batch}
  template:
    metadata:
      labels: {app: batch}
    spec:
      containers:
      - name: main
        image: busybox`;

const CLUSTER = [
  namespace('shop', { team: 'a' }),
  namespace('other', { team: 'b' }),
  pod('shop/db', { labels: { app: 'db' }, ip: '10.0.0.10', ports: ['postgres=5432'] }),
  pod('shop/web', { labels: { app: 'web' }, ip: '10.0.0.11' }),
  pod('shop/api', { labels: { app: 'api' }, ip: '10.0.0.12', ports: ['http=8080'] }),
  pod('other/web', { labels: { app: 'web' }, ip: '10.0.1.11' }),
  pod('other/node-agent', { labels: { app: 'agent' }, ip: '10.0.9.1', hostNetwork: true, nodeName: 'n2' }),
  external('internet', '93.184.216.34'),
  WORKLOAD,
];

/** The sentences for one connection with one extra policy. */
function sentences(spec: PolicySpec, from: string, to: string, port = '80/TCP', lang: 'en' | 'ja' = 'en', id = 'shop/p'): string[] {
  const conn = run([...CLUSTER, policy(id, spec)], { ports: [port] });
  return describeExplanation(conn.index, explain(conn, from, to, port), lang);
}

const DB = { app: 'db' };

describe('a denied direction names what each rule missed', () => {
  it('the namespace matched, but the pod labels did not', () => {
    const s = sentences({ podSelector: DB, ingress: [{ from: [{ namespaceSelector: { team: 'a' }, podSelector: { app: 'api' } }] }] }, 'shop/web', 'shop/db');
    expect(s[2]).toBe('shop/db is isolated for ingress by shop/p, and no ingress rule of that policy admits shop/web on TCP 80, so it is denied.');
    expect(s[3]).toBe("shop/p's ingress rule 1: the namespace matched, but shop/web has app=web, which does not match app=api.");
    expect(s).toHaveLength(4);
  });

  it('a podSelector alone looks only at the policy’s namespace', () => {
    const s = sentences({ podSelector: DB, ingress: [{ from: [{ podSelector: { app: 'web' } }] }] }, 'other/web', 'shop/db');
    expect(s[3]).toBe("shop/p's ingress rule 1: a podSelector alone looks only at namespace shop, and other/web is in namespace other.");
  });

  it('the namespace did not match, with its labels', () => {
    const s = sentences({ podSelector: DB, ingress: [{ from: [{ namespaceSelector: { team: 'a' } }] }] }, 'other/web', 'shop/db');
    expect(s[3]).toBe("shop/p's ingress rule 1: namespace other (team=b, kubernetes.io/metadata.name=other) does not match team=a.");
  });

  it('every peer of a rule, when several missed', () => {
    const s = sentences({ podSelector: DB, ingress: [{ from: [{ podSelector: { app: 'api' } }, { ipBlock: '10.0.0.12/32' }] }] }, 'shop/web', 'shop/db');
    expect(s[3]).toBe("shop/p's ingress rule 1: shop/web has app=web, which does not match app=api; shop/web's address 10.0.0.11 is outside 10.0.0.12/32.");
  });

  it('the peer matched, but the named port is another number on this pod', () => {
    const s = sentences({ podSelector: { app: 'api' }, ingress: [{ from: [{ podSelector: { app: 'web' } }], ports: ['http'] }] }, 'shop/web', 'shop/api');
    expect(s[3]).toBe("shop/p's ingress rule 1: the peer matches, but it admits only the TCP port named http, not TCP 80 (port http is TCP 8080 on shop/api).");
  });

  it('the peer matched, but the pod has no port of that name, or the ports are others', () => {
    const named = sentences({ podSelector: DB, ingress: [{ from: [{ podSelector: { app: 'web' } }], ports: ['http'] }] }, 'shop/web', 'shop/db', '5432/TCP');
    expect(named[3]).toBe("shop/p's ingress rule 1: the peer matches, but it admits only the TCP port named http, not TCP 5432 (shop/db has no port named http).");
    const numbers = sentences({ podSelector: DB, ingress: [{ from: [{ podSelector: { app: 'web' } }], ports: ['5432', '53/UDP'] }] }, 'shop/web', 'shop/db', '5433/TCP');
    expect(numbers[3]).toBe("shop/p's ingress rule 1: the peer matches, but it admits only TCP 5432, UDP 53, not TCP 5433.");
  });

  it('an address excepted from the block, and an address outside it', () => {
    const spec: PolicySpec = { podSelector: DB, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/24', except: ['10.0.0.11/32'] } }] }] };
    expect(sentences(spec, 'shop/web', 'shop/db')[3]).toBe("shop/p's ingress rule 1: shop/web's address 10.0.0.11 is in 10.0.0.0/24, but except 10.0.0.11/32 leaves it out.");
    expect(sentences(spec, 'other/web', 'shop/db')[3]).toBe("shop/p's ingress rule 1: other/web's address 10.0.1.11 is outside 10.0.0.0/24.");
  });

  it('a workload has no IP, so no ipBlock matches it', () => {
    const s = sentences({ podSelector: DB, ingress: [{ from: [{ ipBlock: '10.0.0.0/16' }] }] }, 'shop/batch', 'shop/db');
    expect(s[3]).toBe("shop/p's ingress rule 1: shop/batch has no IP address (a workload, or a pod without status.podIP), so ipBlock 10.0.0.0/16 cannot match it.");
  });

  it('selectors never match outside the cluster or the host network', () => {
    const spec: PolicySpec = { podSelector: DB, ingress: [{ from: [{ namespaceSelector: {} }] }] };
    expect(sentences(spec, 'external:internet', 'shop/db')[3]).toBe("shop/p's ingress rule 1: external:internet is outside the cluster: pod and namespace selectors never match it (it takes an ipBlock).");
    expect(sentences(spec, 'other/node-agent', 'shop/db')[3]).toBe("shop/p's ingress rule 1: other/node-agent uses the host network: selectors never match it (it takes an ipBlock on its node's IP).");
  });

  it('egress: a named port does not resolve outside the cluster', () => {
    const s = sentences({ podSelector: { app: 'web' }, policyTypes: ['Egress'], egress: [{ ports: ['http'] }] }, 'shop/web', 'external:internet', '443/TCP');
    expect(s[1]).toBe('shop/web is isolated for egress by shop/p, and no egress rule of that policy admits external:internet on TCP 443, so it is denied.');
    expect(s[2]).toBe("shop/p's egress rule 1: the peer matches, but it admits only the TCP port named http, not TCP 443 (a named port (http) resolves only on a pod in the cluster).");
  });

  it('a policy without rules says so; more than three rules are counted, not listed', () => {
    expect(sentences({ podSelector: DB, policyTypes: ['Ingress'] }, 'shop/web', 'shop/db')[3]).toBe('The policy has no ingress rules at all.');
    const five: PolicySpec = { podSelector: DB, ingress: [5432, 5433, 5434, 5435, 5436].map((port) => ({ ports: [port] })) };
    const s = sentences(five, 'shop/web', 'shop/db');
    expect(s.slice(3)).toEqual([
      "shop/p's ingress rule 1: the peer matches, but it admits only TCP 5432, not TCP 80.",
      "shop/p's ingress rule 2: the peer matches, but it admits only TCP 5433, not TCP 80.",
      "shop/p's ingress rule 3: the peer matches, but it admits only TCP 5434, not TCP 80.",
      '…and 2 more rules do not match either.',
    ]);
  });

  it('an allowed direction adds nothing; a denied one adds its misses in Japanese too', () => {
    expect(sentences({ podSelector: DB, ingress: [{ from: [{ podSelector: { app: 'web' } }] }] }, 'shop/web', 'shop/db')).toHaveLength(3);
    const ja = sentences({ podSelector: DB, ingress: [{ from: [{ namespaceSelector: { team: 'a' }, podSelector: { app: 'api' } }] }] }, 'shop/web', 'shop/db', '80/TCP', 'ja');
    expect(ja[3]).toBe('shop/p の Ingress ルール 1: namespace は一致しましたが、shop/web のラベル（app=web）は app=api に一致しません。');
  });
});
