// Reads parsed documents into the engine's model, validating as the API server would.
// Problems become diagnostics with locations; a broken object is left out, the rest still loads.
import type {
  Cidr,
  Cluster,
  DeclaredPort,
  Diagnostic,
  Endpoint,
  EndpointSource,
  IPAddress,
  LabelSelector,
  Namespace,
  NetworkPolicy,
  Peer,
  PortSpec,
  Protocol,
  Rule,
  SelectorOperator,
  SelectorRequirement,
  SourceLocation,
} from './model';
import type { ErrorCode } from './errors';
import { parseSources, type ParseCache, type PMap, type PNode, type SourceDocument, type SourceText } from './yaml-source';
import { isStrictSubset, parseCidr, parseIP } from './ip';
import { checkDnsLabel, checkDnsSubdomain, checkLabelKey, checkLabelValue, checkPortName } from './validation';
import { selectorMatches } from './label-selector';

export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

const WORKLOAD_API: Record<string, string> = {
  Deployment: 'apps/v1',
  ReplicaSet: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  Job: 'batch/v1',
  CronJob: 'batch/v1',
};

export interface LoadResult {
  cluster: Cluster;
  diagnostics: Diagnostic[];
}

/**
 * Parses and loads texts into a cluster. Errors and warnings are returned, never thrown. Pass a parse cache
 * when the same texts are loaded again after small edits (the editor): unchanged documents are not re-parsed.
 */
export function loadCluster(inputs: readonly SourceText[], options: { cache?: ParseCache } = {}): LoadResult {
  const parsed = parseSources(inputs, options.cache);
  const loaded = buildCluster(parsed.documents);
  const diagnostics = sortDiagnostics([...parsed.diagnostics, ...loaded.diagnostics], inputs.map((i) => i.file));
  return { cluster: loaded.cluster, diagnostics };
}

interface Located<T> {
  value: T;
  location: SourceLocation;
}

/** Builds the model from documents; order of documents never changes the result. */
export function buildCluster(documents: readonly SourceDocument[]): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const namespaces: Located<Namespace>[] = [];
  const endpoints: Endpoint[] = [];
  const policies: NetworkPolicy[] = [];
  for (const doc of documents) {
    const reader = new Reader(doc, diagnostics);
    reader.readObject(doc.root, '', { namespaces, endpoints, policies });
  }
  return finish(namespaces, endpoints, policies, diagnostics);
}

function finish(
  declared: Located<Namespace>[],
  endpoints: Endpoint[],
  policies: NetworkPolicy[],
  diagnostics: Diagnostic[],
): LoadResult {
  const byName = new Map<string, Namespace>();
  const dup = (what: string, id: string, first: SourceLocation, again: SourceLocation): void => {
    diagnostics.push({
      ...again,
      severity: 'error',
      code: 'duplicate',
      message: `${what} ${id} is defined twice (also at ${first.file}:${first.line}:${first.col})`,
    });
  };
  for (const ns of sortByLocation(declared)) {
    const seen = byName.get(ns.value.name);
    if (seen?.location) dup('Namespace', ns.value.name, seen.location, ns.location);
    else byName.set(ns.value.name, ns.value);
  }
  const endpointIds = new Map<string, Endpoint>();
  for (const ep of [...endpoints].sort(compareLocation)) {
    const seen = endpointIds.get(ep.id);
    if (seen) dup(ep.kind === 'external' ? 'ExternalEndpoint' : 'pod or workload', ep.id, seen.location, ep.location);
    else endpointIds.set(ep.id, ep);
  }
  const policyIds = new Map<string, NetworkPolicy>();
  for (const p of [...policies].sort(compareLocation)) {
    const seen = policyIds.get(p.id);
    if (seen) dup('NetworkPolicy', p.id, seen.location, p.location);
    else policyIds.set(p.id, p);
  }
  const implied = (name: string): void => {
    if (!byName.has(name)) byName.set(name, { name, labels: { [NAMESPACE_NAME_LABEL]: name }, declared: false, location: null });
  };
  for (const ep of endpointIds.values()) if (ep.namespace !== null) implied(ep.namespace);
  for (const p of policyIds.values()) implied(p.namespace);
  const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const cluster: Cluster = {
    namespaces: [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    endpoints: [...endpointIds.values()].sort(byId),
    policies: [...policyIds.values()].sort(byId),
  };
  return { cluster, diagnostics: sortDiagnostics(diagnostics) };
}

function compareLocation(a: { location: SourceLocation }, b: { location: SourceLocation }): number {
  const x = a.location;
  const y = b.location;
  if (x.file !== y.file) return x.file < y.file ? -1 : 1;
  return x.line - y.line || x.col - y.col;
}

function sortByLocation<T extends { location: SourceLocation }>(items: T[]): T[] {
  return [...items].sort(compareLocation);
}

/** Diagnostics in input-file order, then line and column (stable otherwise). */
export function sortDiagnostics(list: Diagnostic[], fileOrder: readonly string[] = []): Diagnostic[] {
  const rank = new Map<string, number>();
  for (const file of [...fileOrder, ...list.map((d) => d.file)]) if (!rank.has(file)) rank.set(file, rank.size);
  return list
    .map((d, i) => ({ d, i }))
    .sort((a, b) => rank.get(a.d.file)! - rank.get(b.d.file)! || a.d.line - b.d.line || a.d.col - b.d.col || a.i - b.i)
    .map((x) => x.d);
}

interface Sink {
  namespaces: Located<Namespace>[];
  endpoints: Endpoint[];
  policies: NetworkPolicy[];
}

/** Marks an object as broken: the reader reported why, and the object is skipped. */
class Invalid extends Error {}

const NP_FIELDS = {
  spec: ['podSelector', 'policyTypes', 'ingress', 'egress'],
  ingressRule: ['from', 'ports'],
  egressRule: ['to', 'ports'],
  peer: ['podSelector', 'namespaceSelector', 'ipBlock'],
  ipBlock: ['cidr', 'except'],
  port: ['protocol', 'port', 'endPort'],
  selector: ['matchLabels', 'matchExpressions'],
  requirement: ['key', 'operator', 'values'],
  externalSpec: ['ip', 'ports'],
  externalPort: ['port', 'protocol'],
};

/** Walks one document, reporting problems with their locations. */
class Reader {
  /** Errors found in the object being read; the object is dropped if there are any. */
  private errors = 0;
  private what = '';

  constructor(
    private readonly doc: SourceDocument,
    private readonly out: Diagnostic[],
  ) {}

  private at(node: PNode | number): SourceLocation {
    return this.doc.locate(typeof node === 'number' ? node : node.offset);
  }

  private report(node: PNode | number, code: ErrorCode, message: string, severity: 'error' | 'warning' = 'error'): void {
    if (severity === 'error') this.errors++;
    const suffix = this.what ? ` (${this.what})` : '';
    this.out.push({ ...this.at(node), severity, code, message: message + suffix });
  }

  // ---- typed access -------------------------------------------------------------------------

  private map(node: PNode | undefined, path: string): PMap | null {
    if (!node || isNull(node)) return null;
    if (node.type !== 'map') {
      this.report(node, 'wrong-type', `${path} must be a mapping`);
      return null;
    }
    return node;
  }

  private list(node: PNode | undefined, path: string): readonly PNode[] | null {
    if (!node || isNull(node)) return null;
    if (node.type !== 'seq') {
      this.report(node, 'wrong-type', `${path} must be a list`);
      return null;
    }
    return node.items;
  }

  private string(node: PNode | undefined, path: string): string | null {
    if (!node || isNull(node)) return null;
    if (node.type !== 'scalar' || typeof node.value !== 'string') {
      this.report(node, 'wrong-type', `${path} must be a string, not ${describe(node)}`);
      return null;
    }
    return node.value;
  }

  private bool(node: PNode | undefined, path: string): boolean {
    if (!node || isNull(node)) return false;
    if (node.type !== 'scalar' || typeof node.value !== 'boolean') {
      this.report(node, 'wrong-type', `${path} must be true or false, not ${describe(node)}`);
      return false;
    }
    return node.value;
  }

  private integer(node: PNode | undefined, path: string): number | null {
    if (!node || isNull(node)) return null;
    if (node.type !== 'scalar' || typeof node.value !== 'number' || !Number.isInteger(node.value)) {
      this.report(node, 'wrong-type', `${path} must be an integer, not ${describe(node)}`);
      return null;
    }
    return node.value;
  }

  private onlyFields(node: PMap, allowed: readonly string[], path: string): void {
    for (const entry of node.entries.values()) {
      if (!allowed.includes(entry.key)) {
        const near = closest(entry.key, allowed);
        const hint = near ? `; did you mean ${near}?` : `; expected one of ${allowed.join(', ')}`;
        this.report(entry.keyOffset, 'unknown-field', `unknown field ${path ? path + '.' : ''}${entry.key}${hint}`);
      }
    }
  }

  private labels(node: PNode | undefined, path: string): Record<string, string> {
    const labels: Record<string, string> = {};
    const map = this.map(node, path);
    if (!map) return labels;
    for (const entry of map.entries.values()) {
      const keyProblem = checkLabelKey(entry.key);
      if (keyProblem) this.report(entry.keyOffset, 'invalid-label', `${path}: key "${entry.key}": ${keyProblem}`);
      const v = entry.value;
      if (isNull(v)) {
        labels[entry.key] = ''; // JSON null decodes to "" in a string field, as the API server reads it
        continue;
      }
      if (v.type !== 'scalar' || typeof v.value !== 'string') {
        const quoted = v.type === 'scalar' && v.value !== null ? ` (quote it: "${v.text ?? String(v.value)}")` : '';
        this.report(v, 'label-not-string', `${path}.${entry.key} must be a string, not ${describe(v)}${quoted}`);
        continue;
      }
      const valueProblem = checkLabelValue(v.value);
      if (valueProblem) this.report(v, 'invalid-label', `${path}.${entry.key}: value "${v.value}": ${valueProblem}`);
      labels[entry.key] = v.value;
    }
    return labels;
  }

  // ---- objects ------------------------------------------------------------------------------

  readObject(node: PNode, path: string, sink: Sink): void {
    if (node.type !== 'map') {
      this.what = '';
      this.report(node, 'not-an-object', `${path || 'document'} is ${describe(node)}; expected a Kubernetes object with apiVersion and kind`);
      return;
    }
    this.what = '';
    const kindNode = node.entries.get('kind')?.value;
    const kind = this.string(kindNode, `${path}kind`);
    const apiVersion = this.string(node.entries.get('apiVersion')?.value, `${path}apiVersion`);
    if (kind === null) {
      if (!kindNode) this.report(node, 'missing-field', `${path || 'object'}: kind is required`);
      return;
    }
    const items = node.entries.get('items')?.value;
    if (kind.endsWith('List') && items) {
      const list = this.list(items, `${path}items`);
      list?.forEach((item, i) => this.readObject(item, `${path}items[${i}].`, sink));
      return;
    }
    if (apiVersion === null) {
      if (!node.entries.get('apiVersion')) this.report(node, 'missing-field', `${kind}: apiVersion is required`);
      return;
    }
    const expected = kind === 'Pod' || kind === 'Namespace' ? 'v1'
      : kind === 'NetworkPolicy' ? 'networking.k8s.io/v1'
      : kind === 'ExternalEndpoint' ? 'cks-lab/v1'
      : WORKLOAD_API[kind];
    if (expected === undefined || apiVersion !== expected) {
      const why = expected === undefined
        ? `kind ${kind} is not evaluated by the lab`
        : `${apiVersion} ${kind} is not ${expected} ${kind}`;
      this.report(kindNode ?? node, 'unsupported-kind', `${why}; skipped`, 'warning');
      return;
    }
    this.errors = 0;
    try {
      switch (kind) {
        case 'Namespace':
          this.readNamespace(node, sink);
          break;
        case 'Pod':
          this.readPod(node, sink);
          break;
        case 'ExternalEndpoint':
          this.readExternal(node, sink);
          break;
        case 'NetworkPolicy':
          this.readPolicy(node, sink);
          break;
        default:
          this.readWorkload(node, kind as EndpointSource, sink);
      }
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
    }
    this.what = '';
  }

  private metadata(node: PMap, kind: string, namespaced: boolean): { name: string; namespace: string; labels: Record<string, string> } {
    const meta = this.map(node.entries.get('metadata')?.value, 'metadata');
    const name = this.string(meta?.entries.get('name')?.value, 'metadata.name');
    if (name === null) {
      this.report(meta ?? node, 'missing-field', `${kind}: metadata.name is required`);
      throw new Invalid();
    }
    const nameNode = meta?.entries.get('name')?.value ?? node;
    const nameProblem = kind === 'Namespace' ? checkDnsLabel(name) : checkDnsSubdomain(name);
    const namespaceNode = meta?.entries.get('namespace')?.value;
    // An empty namespace means the request's, which for the lab is `default`.
    const namespace = namespaced ? this.string(namespaceNode, 'metadata.namespace') || 'default' : '';
    this.what = namespaced ? `${kind} ${namespace}/${name}` : `${kind} ${name}`;
    if (nameProblem) this.report(nameNode, 'invalid-name', `metadata.name "${name}": ${nameProblem}`);
    if (namespaced && namespaceNode && namespace !== 'default') {
      const nsProblem = checkDnsLabel(namespace);
      if (nsProblem) this.report(namespaceNode, 'invalid-name', `metadata.namespace "${namespace}": ${nsProblem}`);
    }
    const labels = this.labels(meta?.entries.get('labels')?.value, 'metadata.labels');
    return { name, namespace, labels };
  }

  private readNamespace(node: PMap, sink: Sink): void {
    const meta = this.metadata(node, 'Namespace', false);
    if (this.errors > 0) return;
    // The API server always sets this label to the namespace's name.
    const labels = { ...meta.labels, [NAMESPACE_NAME_LABEL]: meta.name };
    const location = this.at(node);
    sink.namespaces.push({ value: { name: meta.name, labels, declared: true, location }, location });
  }

  private containerPorts(podSpec: PMap | null, path: string): DeclaredPort[] {
    const ports: DeclaredPort[] = [];
    const containers = this.list(podSpec?.entries.get('containers')?.value, `${path}.containers`) ?? [];
    containers.forEach((c, ci) => {
      const names = new Set<string>(); // port names are unique within a container (validateContainerPorts)
      const container = this.map(c, `${path}.containers[${ci}]`);
      const list = this.list(container?.entries.get('ports')?.value, `${path}.containers[${ci}].ports`) ?? [];
      list.forEach((p, pi) => {
        const at = `${path}.containers[${ci}].ports[${pi}]`;
        const port = this.map(p, at);
        if (!port) return;
        const numberNode = port.entries.get('containerPort')?.value;
        const number = this.integer(numberNode, `${at}.containerPort`);
        if (number === null) {
          if (!numberNode || isNull(numberNode)) this.report(port, 'missing-field', `${at}.containerPort is required`);
          return;
        }
        if (number < 1 || number > 65535) {
          this.report(numberNode ?? port, 'invalid-port', `${at}.containerPort ${number} is outside 1-65535`);
          return;
        }
        const protocolNode = port.entries.get('protocol')?.value;
        // SetDefaults_ContainerPort turns an empty protocol into TCP.
        const protocol = protocolNode?.type === 'scalar' && protocolNode.value === '' ? 'TCP' : this.protocol(protocolNode, `${at}.protocol`);
        const nameNode = port.entries.get('name')?.value;
        const name = this.string(nameNode, `${at}.name`);
        if (name !== null && name !== '') {
          const problem = checkPortName(name);
          if (problem) this.report(nameNode ?? port, 'invalid-port', `${at}.name "${name}": ${problem}`);
          if (names.has(name)) this.report(nameNode ?? port, 'duplicate', `${at}.name "${name}" is used by another port of this container`);
          names.add(name);
        }
        ports.push({ name: name || null, port: number, protocol });
      });
    });
    return ports;
  }

  private readPod(node: PMap, sink: Sink): void {
    const meta = this.metadata(node, 'Pod', true);
    const spec = this.map(node.entries.get('spec')?.value, 'spec');
    const ports = this.containerPorts(spec, 'spec');
    const hostNetwork = this.bool(spec?.entries.get('hostNetwork')?.value, 'spec.hostNetwork');
    const nodeName = this.string(spec?.entries.get('nodeName')?.value, 'spec.nodeName');
    const status = this.map(node.entries.get('status')?.value, 'status');
    let ipNode = status?.entries.get('podIP')?.value;
    let ipPath = 'status.podIP';
    if (!ipNode || isNull(ipNode)) {
      const ips = this.list(status?.entries.get('podIPs')?.value, 'status.podIPs');
      const first = ips?.[0] ? this.map(ips[0], 'status.podIPs[0]') : null;
      ipNode = first?.entries.get('ip')?.value;
      ipPath = 'status.podIPs[0].ip';
    }
    const ip = this.ip(ipNode, ipPath);
    if (this.errors > 0) return;
    sink.endpoints.push({
      id: `${meta.namespace}/${meta.name}`,
      kind: 'pod',
      source: 'Pod',
      name: meta.name,
      namespace: meta.namespace,
      labels: meta.labels,
      ip,
      hostNetwork,
      nodeName,
      ports,
      location: this.at(node),
    });
  }

  private ip(node: PNode | undefined, path: string): IPAddress | null {
    const text = this.string(node, path);
    if (text === null || text === '') return null;
    const ip = parseIP(text);
    if (!ip) this.report(node ?? 0, 'invalid-ip', `${path} "${text}" is not an IPv4 or IPv6 address`);
    return ip;
  }

  private readWorkload(node: PMap, kind: EndpointSource, sink: Sink): void {
    const meta = this.metadata(node, kind, true);
    let spec = this.map(node.entries.get('spec')?.value, 'spec');
    let path = 'spec';
    if (kind === 'CronJob') {
      const jobTemplate = this.map(spec?.entries.get('jobTemplate')?.value, 'spec.jobTemplate');
      spec = this.map(jobTemplate?.entries.get('spec')?.value, 'spec.jobTemplate.spec');
      path = 'spec.jobTemplate.spec';
    }
    const template = this.map(spec?.entries.get('template')?.value, `${path}.template`);
    const templateMeta = this.map(template?.entries.get('metadata')?.value, `${path}.template.metadata`);
    const labels = this.labels(templateMeta?.entries.get('labels')?.value, `${path}.template.metadata.labels`);
    const podSpec = this.map(template?.entries.get('spec')?.value, `${path}.template.spec`);
    const ports = this.containerPorts(podSpec, `${path}.template.spec`);
    const hostNetwork = this.bool(podSpec?.entries.get('hostNetwork')?.value, `${path}.template.spec.hostNetwork`);
    if (kind === 'Deployment' || kind === 'ReplicaSet' || kind === 'StatefulSet' || kind === 'DaemonSet') {
      // apps/v1 requires a non-empty selector that matches the pod template's labels.
      const selectorNode = spec?.entries.get('selector')?.value;
      const selector = this.selector(selectorNode, 'spec.selector');
      if (!selector) {
        if (!selectorNode || isNull(selectorNode)) this.report(spec ?? node, 'missing-field', 'spec.selector is required');
      } else if (Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0) {
        this.report(selectorNode ?? node, 'invalid-selector', 'spec.selector must not be empty');
      } else if (!selectorMatches(selector, labels)) {
        this.report(selectorNode ?? node, 'invalid-selector', 'spec.selector does not match the template labels');
      }
    }
    if (kind === 'StatefulSet') {
      const problem = checkDnsLabel(meta.name);
      if (problem) this.report(node, 'invalid-name', `a StatefulSet name ${problem}`);
    }
    if (kind === 'CronJob' && meta.name.length > 52) this.report(node, 'invalid-name', 'a CronJob name must be no more than 52 characters');
    if (this.errors > 0) return;
    sink.endpoints.push({
      id: `${meta.namespace}/${meta.name}`,
      kind: 'pod',
      source: kind,
      name: meta.name,
      namespace: meta.namespace,
      labels,
      ip: null,
      hostNetwork,
      nodeName: null,
      ports,
      location: this.at(node),
    });
  }

  private readExternal(node: PMap, sink: Sink): void {
    const meta = this.metadata(node, 'ExternalEndpoint', false);
    this.what = `ExternalEndpoint ${meta.name}`;
    const spec = this.map(node.entries.get('spec')?.value, 'spec');
    if (!spec) {
      this.report(node, 'missing-field', 'spec.ip is required');
      return;
    }
    this.onlyFields(spec, NP_FIELDS.externalSpec, 'spec');
    const ipNode = spec.entries.get('ip')?.value;
    const ip = this.ip(ipNode, 'spec.ip');
    if (!ipNode || isNull(ipNode)) this.report(spec, 'missing-field', 'spec.ip is required');
    const ports: DeclaredPort[] = [];
    (this.list(spec.entries.get('ports')?.value, 'spec.ports') ?? []).forEach((p, i) => {
      const at = `spec.ports[${i}]`;
      const port = this.map(p, at);
      if (!port) return;
      this.onlyFields(port, NP_FIELDS.externalPort, at);
      const numberNode = port.entries.get('port')?.value;
      const number = this.integer(numberNode, `${at}.port`);
      if (number === null) {
        if (!numberNode || isNull(numberNode)) this.report(port, 'missing-field', `${at}.port is required`);
        return;
      }
      if (number < 1 || number > 65535) {
        this.report(numberNode ?? port, 'invalid-port', `${at}.port ${number} is outside 1-65535`);
        return;
      }
      ports.push({ name: null, port: number, protocol: this.protocol(port.entries.get('protocol')?.value, `${at}.protocol`) });
    });
    if (this.errors > 0 || !ip) return;
    sink.endpoints.push({
      id: `external:${meta.name}`,
      kind: 'external',
      source: 'ExternalEndpoint',
      name: meta.name,
      namespace: null,
      labels: meta.labels,
      ip,
      hostNetwork: false,
      nodeName: null,
      ports,
      location: this.at(node),
    });
  }

  private protocol(node: PNode | undefined, path: string): Protocol {
    const text = this.string(node, path);
    if (text === null) return 'TCP';
    if (text === 'TCP' || text === 'UDP' || text === 'SCTP') return text;
    this.report(node ?? 0, 'invalid-protocol', `${path} "${text}" is not supported; use TCP, UDP or SCTP (upper case)`);
    return 'TCP';
  }

  // ---- NetworkPolicy ------------------------------------------------------------------------

  private readPolicy(node: PMap, sink: Sink): void {
    const meta = this.metadata(node, 'NetworkPolicy', true);
    const specNode = node.entries.get('spec')?.value;
    const spec = this.map(specNode, 'spec');
    if (spec) this.onlyFields(spec, NP_FIELDS.spec, 'spec');
    const podSelector = this.selector(spec?.entries.get('podSelector')?.value, 'spec.podSelector') ?? EMPTY_SELECTOR;

    const typesNode = spec?.entries.get('policyTypes')?.value;
    const types = this.list(typesNode, 'spec.policyTypes') ?? [];
    let listedIngress = false;
    let listedEgress = false;
    if (types.length > 2) {
      this.report(typesNode ?? node, 'invalid-policy-type', 'spec.policyTypes may not list more than two types');
    }
    types.forEach((t, i) => {
      const type = this.string(t, `spec.policyTypes[${i}]`);
      if (type === 'Ingress') listedIngress = true;
      else if (type === 'Egress') listedEgress = true;
      else if (type !== null) {
        this.report(t, 'invalid-policy-type', `spec.policyTypes[${i}] "${type}" is not supported; use Ingress or Egress`);
      } else if (isNull(t)) {
        this.report(t, 'invalid-policy-type', `spec.policyTypes[${i}] is empty; use Ingress or Egress`);
      }
    });
    const ingressNodes = this.list(spec?.entries.get('ingress')?.value, 'spec.ingress') ?? [];
    const egressNodes = this.list(spec?.entries.get('egress')?.value, 'spec.egress') ?? [];
    const ingressRules = ingressNodes.map((r, i) => this.rule(r, 'ingress', i, meta.namespace));
    const egressRules = egressNodes.map((r, i) => this.rule(r, 'egress', i, meta.namespace));
    // Defaulting as the API server does: Ingress always, Egress only when egress rules exist.
    const policyTypes = types.length > 0
      ? { ingress: listedIngress, egress: listedEgress }
      : { ingress: true, egress: egressNodes.length > 0 };
    if (this.errors > 0) return;
    sink.policies.push({
      id: `${meta.namespace}/${meta.name}`,
      name: meta.name,
      namespace: meta.namespace,
      podSelector,
      policyTypes,
      ingress: policyTypes.ingress ? ingressRules : [],
      egress: policyTypes.egress ? egressRules : [],
      location: this.at(node),
    });
  }

  private rule(node: PNode, direction: 'ingress' | 'egress', index: number, _namespace: string): Rule {
    const path = `spec.${direction}[${index}]`;
    const peersKey = direction === 'ingress' ? 'from' : 'to';
    const map = this.map(node, path);
    if (map) this.onlyFields(map, direction === 'ingress' ? NP_FIELDS.ingressRule : NP_FIELDS.egressRule, path);
    const peerNodes = this.list(map?.entries.get(peersKey)?.value, `${path}.${peersKey}`) ?? [];
    const portNodes = this.list(map?.entries.get('ports')?.value, `${path}.ports`) ?? [];
    const peers = peerNodes.map((p, i) => this.peer(p, `${path}.${peersKey}[${i}]`)).filter((p): p is Peer => p !== null);
    const ports = portNodes.map((p, i) => this.port(p, `${path}.ports[${i}]`)).filter((p): p is PortSpec => p !== null);
    return {
      direction,
      index,
      peers: peerNodes.length === 0 ? null : peers,
      ports: portNodes.length === 0 ? null : ports,
      location: this.at(node),
    };
  }

  private peer(node: PNode, path: string): Peer | null {
    const map = this.map(node, path);
    const location = this.at(node);
    if (map) this.onlyFields(map, NP_FIELDS.peer, path);
    const podNode = map?.entries.get('podSelector')?.value;
    const nsNode = map?.entries.get('namespaceSelector')?.value;
    const ipNode = map?.entries.get('ipBlock')?.value;
    const present = [podNode, nsNode, ipNode].filter((n) => n && !isNull(n)).length;
    if (present === 0) {
      this.report(node, 'empty-peer', `${path} must set podSelector, namespaceSelector or ipBlock`);
      return null;
    }
    if (present > 1 && ipNode && !isNull(ipNode)) {
      this.report(node, 'mixed-peer', `${path} may not set ipBlock together with podSelector or namespaceSelector`);
      return null;
    }
    if (ipNode && !isNull(ipNode)) return this.ipBlock(ipNode, `${path}.ipBlock`, location);
    const podSelector = this.selector(podNode, `${path}.podSelector`);
    const namespaceSelector = this.selector(nsNode, `${path}.namespaceSelector`);
    return { kind: 'selector', podSelector, namespaceSelector, location };
  }

  private ipBlock(node: PNode, path: string, location: SourceLocation): Peer | null {
    const map = this.map(node, path);
    if (!map) return null;
    this.onlyFields(map, NP_FIELDS.ipBlock, path);
    const cidrNode = map.entries.get('cidr')?.value;
    const cidrText = this.string(cidrNode, `${path}.cidr`);
    if (cidrText === null || cidrText === '') {
      if (!cidrNode || isNull(cidrNode) || cidrText === '') this.report(cidrNode ?? map, 'missing-field', `${path}.cidr is required`);
      return null;
    }
    const cidr = parseCidr(cidrText);
    if (!cidr) this.report(cidrNode ?? map, 'invalid-cidr', `${path}.cidr "${cidrText}" is not a valid CIDR (for example 10.0.0.0/16)`);
    const except: Cidr[] = [];
    (this.list(map.entries.get('except')?.value, `${path}.except`) ?? []).forEach((e, i) => {
      const text = this.string(e, `${path}.except[${i}]`);
      if (text === null) {
        // null decodes to "", which is not a CIDR
        if (isNull(e)) this.report(e, 'invalid-cidr', `${path}.except[${i}] is empty; it must be a CIDR`);
        return;
      }
      const block = parseCidr(text);
      if (!block) {
        this.report(e, 'invalid-cidr', `${path}.except[${i}] "${text}" is not a valid CIDR`);
        return;
      }
      if (cidr && !isStrictSubset(cidr, block)) {
        this.report(e, 'except-not-subset', `${path}.except[${i}] "${text}" must be a strict subset of cidr ${cidrText}`);
        return;
      }
      except.push(block);
    });
    return cidr ? { kind: 'ipBlock', cidr, except, location } : null;
  }

  private port(node: PNode, path: string): PortSpec | null {
    const location = this.at(node);
    const map = this.map(node, path);
    if (map) this.onlyFields(map, NP_FIELDS.port, path);
    const protocol = this.protocol(map?.entries.get('protocol')?.value, `${path}.protocol`);
    const portNode = map?.entries.get('port')?.value;
    const endNode = map?.entries.get('endPort')?.value;
    let port: number | string | null = null;
    if (portNode && !isNull(portNode)) {
      if (portNode.type === 'scalar' && typeof portNode.value === 'string') {
        const problem = checkPortName(portNode.value);
        if (problem) this.report(portNode, 'invalid-port', `${path}.port "${portNode.value}": ${problem}`);
        port = portNode.value;
      } else if (portNode.type === 'scalar' && typeof portNode.value === 'number' && Number.isInteger(portNode.value)) {
        if (portNode.value < 1 || portNode.value > 65535) {
          this.report(portNode, 'invalid-port', `${path}.port ${portNode.value} is outside 1-65535`);
        }
        port = portNode.value;
      } else {
        this.report(portNode, 'wrong-type', `${path}.port must be a number or a port name, not ${describe(portNode)}`);
      }
    }
    let endPort: number | null = null;
    if (endNode && !isNull(endNode)) {
      endPort = this.integer(endNode, `${path}.endPort`);
      if (endPort !== null) {
        if (port === null) {
          this.report(endNode, 'invalid-end-port', `${path}.endPort needs a numeric port`);
        } else if (typeof port === 'string') {
          this.report(endNode, 'invalid-end-port', `${path}.endPort may not be set when port is a name ("${port}")`);
        } else if (endPort < port) {
          this.report(endNode, 'invalid-end-port', `${path}.endPort ${endPort} must be greater than or equal to port ${port}`);
        } else if (endPort > 65535) {
          this.report(endNode, 'invalid-port', `${path}.endPort ${endPort} is outside 1-65535`);
        }
      }
    }
    return { protocol, port, endPort, location };
  }

  private selector(node: PNode | undefined, path: string): LabelSelector | null {
    const map = this.map(node, path);
    if (!map) return null;
    this.onlyFields(map, NP_FIELDS.selector, path);
    const matchLabels = this.labels(map.entries.get('matchLabels')?.value, `${path}.matchLabels`);
    const matchExpressions: SelectorRequirement[] = [];
    (this.list(map.entries.get('matchExpressions')?.value, `${path}.matchExpressions`) ?? []).forEach((e, i) => {
      const at = `${path}.matchExpressions[${i}]`;
      const expr = this.map(e, at);
      if (!expr) {
        this.report(e, 'missing-field', `${at} must set key and operator`);
        return;
      }
      this.onlyFields(expr, NP_FIELDS.requirement, at);
      const keyNode = expr.entries.get('key')?.value;
      const key = this.string(keyNode, `${at}.key`);
      if (key === null) {
        if (!keyNode || isNull(keyNode)) this.report(expr, 'missing-field', `${at}.key is required`);
        return;
      }
      const keyProblem = checkLabelKey(key);
      if (keyProblem) this.report(keyNode ?? expr, 'invalid-label', `${at}.key "${key}": ${keyProblem}`);
      const opNode = expr.entries.get('operator')?.value;
      const operator = this.string(opNode, `${at}.operator`);
      if (operator === null) {
        if (!opNode || isNull(opNode)) this.report(expr, 'missing-field', `${at}.operator is required`);
        return;
      }
      const valuesNode = expr.entries.get('values')?.value;
      const values: string[] = [];
      (this.list(valuesNode, `${at}.values`) ?? []).forEach((v, j) => {
        if (isNull(v)) {
          values.push('');
          return;
        }
        if (v.type !== 'scalar' || typeof v.value !== 'string') {
          this.report(v, 'label-not-string', `${at}.values[${j}] must be a string, not ${describe(v)}`);
          return;
        }
        const problem = checkLabelValue(v.value);
        if (problem) this.report(v, 'invalid-label', `${at}.values[${j}] "${v.value}": ${problem}`);
        values.push(v.value);
      });
      const valueCount = valuesNode && valuesNode.type === 'seq' ? valuesNode.items.length : 0;
      if (operator === 'In' || operator === 'NotIn') {
        if (valueCount === 0) this.report(valuesNode ?? expr, 'invalid-values', `${at}.values must be non-empty when operator is ${operator}`);
      } else if (operator === 'Exists' || operator === 'DoesNotExist') {
        if (valueCount > 0) this.report(valuesNode ?? expr, 'invalid-values', `${at}.values must be empty when operator is ${operator}`);
      } else {
        this.report(opNode ?? expr, 'invalid-operator', `${at}.operator "${operator}" is not a valid operator; use In, NotIn, Exists or DoesNotExist`);
        return;
      }
      matchExpressions.push({ key, operator: operator as SelectorOperator, values });
    });
    return { matchLabels, matchExpressions };
  }
}

const EMPTY_SELECTOR: LabelSelector = { matchLabels: {}, matchExpressions: [] };

function isNull(node: PNode): boolean {
  return node.type === 'scalar' && (node.value === null || node.value === undefined);
}

function describe(node: PNode): string {
  if (node.type === 'map') return 'a mapping';
  if (node.type === 'seq') return 'a list';
  const v = node.value;
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return `the string "${v.length > 40 ? v.slice(0, 40) + '…' : v}"`;
  if (typeof v === 'number' || typeof v === 'bigint') return `the number ${String(v)}`;
  if (typeof v === 'boolean') return `the boolean ${String(v)}`;
  return 'a value of another type';
}

/** The allowed name nearest to a misspelt one (edit distance at most 3), for "did you mean". */
function closest(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = 4;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}
