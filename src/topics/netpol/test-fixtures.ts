// Fixtures shared by the NetworkPolicy test suites: small clusters written as realistic YAML (Pods, ExternalEndpoints,
// Namespaces and NetworkPolicies), evaluated, and read back by endpoint id and probe text. Plain functions, no test
// runner: a fixture that goes wrong throws.
import { stringify } from 'yaml';
import { evaluate, loadCluster, type Connectivity, type ConnectivityRow, type Explanation, type Probe, type Protocol } from './index';

// ---- Pods, external endpoints, namespaces ---------------------------------------------------

export interface PodOptions {
  labels?: Record<string, string>;
  ip?: string;
  /** Container ports as `80`, `53/UDP`, `http=8080` or `dns=53/UDP`. Default: one port, 80/TCP. */
  ports?: string[];
  hostNetwork?: boolean;
  nodeName?: string;
}

function labelLines(labels: Record<string, string>, indent: string): string {
  return Object.entries(labels)
    .map(([k, v]) => `${indent}${k}: ${JSON.stringify(v)}`)
    .join('\n');
}

function containerPortLines(ports: readonly string[], indent: string): string {
  return ports
    .map((p) => {
      const m = /^(?:([a-z0-9-]+)=)?(\d+)(?:\/(TCP|UDP|SCTP))?$/.exec(p);
      if (!m) throw new Error(`bad port fixture ${p}`);
      const lines = [`${indent}- containerPort: ${m[2]}`];
      if (m[1]) lines.push(`${indent}  name: ${m[1]}`);
      if (m[3]) lines.push(`${indent}  protocol: ${m[3]}`);
      return lines.join('\n');
    })
    .join('\n');
}

/** A Pod manifest for `namespace/name`. */
export function pod(id: string, options: PodOptions = {}): string {
  const [namespace, name] = id.split('/');
  const labels = options.labels ?? {};
  const ports = options.ports ?? ['80'];
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${namespace}`,
    ...(Object.keys(labels).length > 0 ? ['  labels:', labelLines(labels, '    ')] : []),
    'spec:',
    ...(options.hostNetwork ? ['  hostNetwork: true'] : []),
    ...(options.nodeName ? [`  nodeName: ${options.nodeName}`] : []),
    '  containers:',
    '    - name: main',
    '      image: registry.k8s.io/e2e-test-images/agnhost:2.52',
    ...(ports.length > 0 ? ['      ports:', containerPortLines(ports, '        ')] : []),
    ...(options.ip ? ['status:', `  podIP: ${options.ip}`] : []),
  ].join('\n');
}

/** An ExternalEndpoint manifest (the lab's own kind for things outside the cluster). */
export function external(name: string, ip: string, ports: readonly string[] = ['443'], labels: Record<string, string> = {}): string {
  return [
    'apiVersion: cks-lab/v1',
    'kind: ExternalEndpoint',
    'metadata:',
    `  name: ${name}`,
    ...(Object.keys(labels).length > 0 ? ['  labels:', labelLines(labels, '    ')] : []),
    'spec:',
    `  ip: ${ip}`,
    ...(ports.length > 0 ? ['  ports:'] : []),
    ...ports.map((p) => {
      const [port, protocol] = p.split('/');
      return `    - port: ${port}` + (protocol ? `\n      protocol: ${protocol}` : '');
    }),
  ].join('\n');
}

/** A Namespace manifest. */
export function namespace(name: string, labels: Record<string, string> = {}): string {
  return [
    'apiVersion: v1',
    'kind: Namespace',
    'metadata:',
    `  name: ${name}`,
    ...(Object.keys(labels).length > 0 ? ['  labels:', labelLines(labels, '    ')] : []),
  ].join('\n');
}

// ---- NetworkPolicies ------------------------------------------------------------------------

export type Labels = Readonly<Record<string, string>>;

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: readonly string[];
}

/**
 * A label selector. A map of labels is shorthand for `matchLabels` (`{ app: 'db' }`); `{}` selects everything;
 * the long form `{ matchLabels, matchExpressions }` is written out as given (`{ matchLabels: {} }` included).
 */
export type Selector = Labels | { matchLabels?: Labels; matchExpressions?: readonly LabelSelectorRequirement[] };

/** `cidr` alone, or `{ cidr, except }`. */
export type IpBlock = string | { cidr: string; except?: readonly string[] };

/** One entry of `from` or `to`. Its fields are written in the order given. */
export interface Peer {
  podSelector?: Selector;
  namespaceSelector?: Selector;
  ipBlock?: IpBlock;
}

/**
 * One entry of `ports`: `5432`, `'5432'`, `'53/UDP'`, a named port `'http'` or `'dns/UDP'`, a range `'30000-30010/UDP'`
 * (port and endPort); or the long form, written in the order given (`{ protocol: 'UDP' }` for a protocol without a port,
 * `{}` for an empty entry). A protocol is written only when given.
 */
export type PolicyPort = number | string | { port?: number | string; endPort?: number; protocol?: Protocol };

/**
 * A rule. A `from`/`to` or `ports` list left out (or undefined) is absent; `[]` is written as an empty list; `{}` is the
 * empty rule. Fields are written in the order given.
 */
export interface IngressRule {
  from?: readonly Peer[];
  ports?: readonly PolicyPort[];
}

export interface EgressRule {
  to?: readonly Peer[];
  ports?: readonly PolicyPort[];
}

/** A NetworkPolicy spec. Lists left out are absent, `[]` is an empty list, `null` (ingress, egress) is written as null. */
export interface PolicySpec {
  podSelector: Selector;
  policyTypes?: readonly ('Ingress' | 'Egress')[];
  ingress?: readonly IngressRule[] | null;
  egress?: readonly EgressRule[] | null;
}

type YamlValue = string | number | null | readonly YamlValue[] | { [key: string]: YamlValue };

const isLongFormSelector = (s: Selector): s is { matchLabels?: Labels; matchExpressions?: readonly LabelSelectorRequirement[] } => {
  const entries = Object.entries(s);
  return entries.length > 0 && entries.every(([k, v]) => (k === 'matchLabels' || k === 'matchExpressions') && typeof v === 'object');
};

function selectorYaml(selector: Selector): YamlValue {
  if (!isLongFormSelector(selector)) {
    for (const [k, v] of Object.entries(selector)) {
      if (typeof v !== 'string') throw new Error(`bad selector fixture: label ${k} is not a string`);
    }
    return Object.keys(selector).length === 0 ? {} : { matchLabels: { ...(selector as Labels) } };
  }
  const out: { [key: string]: YamlValue } = {};
  for (const [k, v] of Object.entries(selector)) {
    if (k === 'matchLabels') out[k] = { ...(v as Labels) };
    else {
      out[k] = (v as readonly LabelSelectorRequirement[]).map((e) => ({
        key: e.key,
        operator: e.operator,
        ...(e.values === undefined ? {} : { values: [...e.values] }),
      }));
    }
  }
  return out;
}

function peerYaml(peer: Peer): YamlValue {
  const out: { [key: string]: YamlValue } = {};
  for (const [k, v] of Object.entries(peer) as [keyof Peer, Peer[keyof Peer]][]) {
    if (v === undefined) continue;
    if (k === 'ipBlock') {
      const block = v as IpBlock;
      out[k] = typeof block === 'string' ? { cidr: block } : { cidr: block.cidr, ...(block.except ? { except: [...block.except] } : {}) };
    } else out[k] = selectorYaml(v as Selector);
  }
  return out;
}

function portYaml(port: PolicyPort): YamlValue {
  if (typeof port === 'number') return { port };
  if (typeof port === 'string') {
    const m = /^(?:(\d+)(?:-(\d+))?|([a-z0-9]([-a-z0-9]*[a-z0-9])?))(?:\/(TCP|UDP|SCTP))?$/.exec(port);
    if (!m) throw new Error(`bad policy port fixture ${port}`);
    return {
      port: m[1] === undefined ? m[3]! : Number(m[1]),
      ...(m[2] === undefined ? {} : { endPort: Number(m[2]) }),
      ...(m[5] === undefined ? {} : { protocol: m[5] }),
    };
  }
  const out: { [key: string]: YamlValue } = {};
  for (const [k, v] of Object.entries(port)) if (v !== undefined) out[k] = v as string | number;
  return out;
}

function ruleYaml(rule: IngressRule | EgressRule): YamlValue {
  const out: { [key: string]: YamlValue } = {};
  for (const [k, v] of Object.entries(rule) as [string, readonly (Peer | PolicyPort)[] | undefined][]) {
    if (v === undefined) continue;
    out[k] = k === 'ports' ? (v as readonly PolicyPort[]).map(portYaml) : (v as readonly Peer[]).map(peerYaml);
  }
  return out;
}

/**
 * A NetworkPolicy manifest for `namespace/name` (or `name`, with no metadata.namespace), from a compact spec:
 *
 *     policy('shop/db-ingress', { podSelector: { app: 'db' }, ingress: [{ from: [{ podSelector: { app: 'web' } }], ports: ['5432'] }] })
 *
 * Written in block style, the spec in the order podSelector, policyTypes, ingress, egress (fields left out stay absent,
 * rules, peers and port entries keep the order of their fields), with strings quoted where YAML 1.1 would read them as
 * something else.
 */
export function policy(id: string, spec: PolicySpec): string {
  const slash = id.indexOf('/');
  const metadata: YamlValue = slash < 0 ? { name: id } : { name: id.slice(slash + 1), namespace: id.slice(0, slash) };
  const body: { [key: string]: YamlValue } = { podSelector: selectorYaml(spec.podSelector) };
  if (spec.policyTypes !== undefined) body.policyTypes = [...spec.policyTypes];
  if (spec.ingress !== undefined) body.ingress = spec.ingress === null ? null : spec.ingress.map(ruleYaml);
  if (spec.egress !== undefined) body.egress = spec.egress === null ? null : spec.egress.map(ruleYaml);
  const manifest: YamlValue = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata, spec: body };
  return stringify(manifest, { version: '1.1', lineWidth: 0 }).trimEnd();
}

/** `namespace/deny-ingress`: isolates the ingress of the selected pods (all of them by default) and admits nothing. */
export function denyIngress(ns: string, podSelector: Selector = {}): string {
  return policy(`${ns}/deny-ingress`, { podSelector, policyTypes: ['Ingress'] });
}

// ---- evaluating and reading back ------------------------------------------------------------

/** Parses `8080`, `53/UDP`. */
export function probe(text: string): Probe {
  const [port, protocol] = text.split('/');
  return { port: Number(port), protocol: (protocol ?? 'TCP') as Protocol };
}

/** Loads the documents as one multi-document file, insists it loads cleanly (throws otherwise), and evaluates it. */
export function run(documents: readonly string[], options: { ports?: string[]; declaredPorts?: boolean } = {}): Connectivity {
  const { cluster, diagnostics } = loadCluster([{ file: 'cluster.yaml', text: documents.join('\n---\n') + '\n' }]);
  if (diagnostics.length > 0) throw new Error(`the fixture cluster does not load cleanly:\n${JSON.stringify(diagnostics, null, 2)}`);
  return evaluate(cluster, {
    ...(options.ports ? { ports: options.ports.map(probe) } : {}),
    ...(options.declaredPorts === undefined ? {} : { declaredPorts: options.declaredPorts }),
  });
}

/** `from -> to PORT/PROTOCOL`. */
export const rowKey = (r: ConnectivityRow): string => `${r.from} -> ${r.to} ${r.port}/${r.protocol}`;

export function indexOf(conn: Connectivity, id: string): number {
  const i = conn.cluster.endpoints.findIndex((e) => e.id === id);
  if (i < 0) throw new Error(`no endpoint ${id}`);
  return i;
}

export function probeIndex(conn: Connectivity, text: string): number {
  const want = probe(text);
  const i = conn.probes.findIndex((p) => p.port === want.port && p.protocol === want.protocol);
  if (i < 0) throw new Error(`no probe ${text}`);
  return i;
}

export function explain(conn: Connectivity, from: string, to: string, port = '80/TCP'): Explanation {
  return conn.explain(indexOf(conn, from), indexOf(conn, to), probeIndex(conn, port));
}

export function verdict(conn: Connectivity, from: string, to: string, port = '80/TCP'): boolean {
  return conn.verdict(indexOf(conn, from), indexOf(conn, to), probeIndex(conn, port)).allowed;
}

/** Ids of the endpoints isolated for ingress. */
export function ingressIsolated(conn: Connectivity): string[] {
  return conn.cluster.endpoints.filter((_, i) => conn.isolation(i).ingress.length > 0).map((e) => e.id);
}
