// The NetworkPolicy topic's kinds (NetworkPolicy, our ExternalEndpoint) and the build step that turns the
// objects the shared reader produced into the sorted Cluster model that evaluation reads.
import {
  COMMON_KINDS,
  EMPTY_SELECTOR,
  NAMESPACE_NAME_LABEL,
  NamespaceKind,
  PodKind,
  WORKLOAD_KINDS,
  Invalid,
  api,
  objectShape,
  shape,
  describe,
  msg,
  isNull,
  isStrictSubset,
  objectsOf,
  parseCidr,
  parseSources,
  readObjects,
  sortDiagnostics,
  uniqueObjects,
  checkPortName,
  type KindReader,
  type KubeObject,
  type ObjectReader,
  type ParseCache,
  type PMap,
  type PNode,
  type SourceDocument,
  type SourceText,
} from '../../kube/index';
import type { Cidr, Cluster, DeclaredPort, Diagnostic, Endpoint, IPAddress, Namespace, NetworkPolicy, Peer, PortSpec, Rule, SourceLocation } from './model';

export { NAMESPACE_NAME_LABEL, sortDiagnostics };

export interface LoadResult {
  cluster: Cluster;
  diagnostics: Diagnostic[];
}

/** The lab's own kind: an address outside the cluster and the ports it serves. */
const EXTERNAL_ENDPOINT = objectShape('ExternalEndpoint', {
  spec: shape('ExternalEndpointSpec', { ip: '', ports: [shape('ExternalEndpointPort', { port: '', protocol: '' })] }),
});

type PolicyValue = Omit<NetworkPolicy, 'id' | 'name' | 'namespace' | 'location'>;

export const NetworkPolicyKind: KindReader<PolicyValue> = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  namespaced: true,
  shape: api.NetworkPolicy,
  read(r, node) {
    const spec = r.map(node.entries.get('spec')?.value, 'spec');
    const podSelector = r.selector(spec?.entries.get('podSelector')?.value, 'spec.podSelector') ?? EMPTY_SELECTOR;
    const typesNode = spec?.entries.get('policyTypes')?.value;
    const types = r.list(typesNode, 'spec.policyTypes') ?? [];
    let listedIngress = false;
    let listedEgress = false;
    if (types.length > 2) r.report(typesNode ?? node, 'invalid-policy-type', msg('spec.policyTypes may not list more than two types', 'spec.policyTypes に書けるのは 2 つまでです'));
    types.forEach((t, i) => {
      const type = r.string(t, `spec.policyTypes[${i}]`);
      if (type === 'Ingress') listedIngress = true;
      else if (type === 'Egress') listedEgress = true;
      else if (type !== null) r.report(t, 'invalid-policy-type', msg(`spec.policyTypes[${i}] "${type}" is not supported; use Ingress or Egress`, `spec.policyTypes[${i}] の "${type}" は使えません。Ingress か Egress を書きます`));
      else if (isNull(t)) r.report(t, 'invalid-policy-type', msg(`spec.policyTypes[${i}] is empty; use Ingress or Egress`, `spec.policyTypes[${i}] が空です。Ingress か Egress を書きます`));
    });
    const ingressNodes = r.list(spec?.entries.get('ingress')?.value, 'spec.ingress') ?? [];
    const egressNodes = r.list(spec?.entries.get('egress')?.value, 'spec.egress') ?? [];
    const ingressRules = ingressNodes.map((n, i) => rule(r, n, 'ingress', i));
    const egressRules = egressNodes.map((n, i) => rule(r, n, 'egress', i));
    // Defaulting as the API server does: Ingress always, Egress only when egress rules exist.
    const policyTypes = types.length > 0 ? { ingress: listedIngress, egress: listedEgress } : { ingress: true, egress: egressNodes.length > 0 };
    return {
      podSelector,
      policyTypes,
      ingress: policyTypes.ingress ? ingressRules : [],
      egress: policyTypes.egress ? egressRules : [],
    };
  },
};

interface ExternalValue {
  ip: IPAddress;
  ports: DeclaredPort[];
}

/** `cks-lab/v1 ExternalEndpoint`: something outside the cluster, with an address and ports. */
export const ExternalEndpointKind: KindReader<ExternalValue> = {
  apiVersion: 'cks-lab/v1',
  kind: 'ExternalEndpoint',
  namespaced: false,
  shape: EXTERNAL_ENDPOINT,
  read(r, node) {
    const spec = r.map(node.entries.get('spec')?.value, 'spec');
    if (!spec) {
      r.report(node, 'missing-field', SPEC_IP_REQUIRED);
      throw new Invalid();
    }
    const ipNode = spec.entries.get('ip')?.value;
    const ip = r.ip(ipNode, 'spec.ip');
    if (!ipNode || isNull(ipNode)) r.report(spec, 'missing-field', SPEC_IP_REQUIRED);
    const ports: DeclaredPort[] = [];
    (r.list(spec.entries.get('ports')?.value, 'spec.ports') ?? []).forEach((p, i) => {
      const at = `spec.ports[${i}]`;
      const port = r.map(p, at);
      if (!port) return;
      const numberNode = port.entries.get('port')?.value;
      const number = r.integer(numberNode, `${at}.port`);
      if (number === null) {
        if (!numberNode || isNull(numberNode)) r.report(port, 'missing-field', msg(`${at}.port is required`, `${at}.port は必須です`));
        return;
      }
      if (number < 1 || number > 65535) {
        r.report(numberNode ?? port, 'invalid-port', msg(`${at}.port ${number} is outside 1-65535`, `${at}.port の ${number} は 1-65535 の範囲外です`));
        return;
      }
      ports.push({ name: null, port: number, protocol: r.protocol(port.entries.get('protocol')?.value, `${at}.protocol`) });
    });
    // Without an address there is no endpoint (any problem with it was reported above).
    if (!ip) throw new Invalid();
    return { ip, ports };
  },
};

/** The kinds `cks-lab eval` and NetworkPolicy lessons read. */
export const NETPOL_KINDS: readonly KindReader[] = [NamespaceKind, PodKind, ...WORKLOAD_KINDS, NetworkPolicyKind, ExternalEndpointKind];
/** Every kind a combined lesson may hold beside NetworkPolicy's (ServiceAccounts are read and ignored here). */
export const NETPOL_AND_COMMON_KINDS: readonly KindReader[] = [...COMMON_KINDS, NetworkPolicyKind, ExternalEndpointKind];

function rule(r: ObjectReader, node: PNode, direction: 'ingress' | 'egress', index: number): Rule {
  const path = `spec.${direction}[${index}]`;
  const peersKey = direction === 'ingress' ? 'from' : 'to';
  const map = r.map(node, path);
  const peerNodes = r.list(map?.entries.get(peersKey)?.value, `${path}.${peersKey}`) ?? [];
  const portNodes = r.list(map?.entries.get('ports')?.value, `${path}.ports`) ?? [];
  const peers = peerNodes.map((p, i) => peer(r, p, `${path}.${peersKey}[${i}]`)).filter((p): p is Peer => p !== null);
  const ports = portNodes.map((p, i) => port(r, p, `${path}.ports[${i}]`)).filter((p): p is PortSpec => p !== null);
  return {
    direction,
    index,
    peers: peerNodes.length === 0 ? null : peers,
    ports: portNodes.length === 0 ? null : ports,
    location: r.at(node),
  };
}

function peer(r: ObjectReader, node: PNode, path: string): Peer | null {
  const map = r.map(node, path);
  const location = r.at(node);
  const podNode = map?.entries.get('podSelector')?.value;
  const nsNode = map?.entries.get('namespaceSelector')?.value;
  const ipNode = map?.entries.get('ipBlock')?.value;
  const present = [podNode, nsNode, ipNode].filter((n) => n && !isNull(n)).length;
  if (present === 0) {
    r.report(node, 'empty-peer', msg(`${path} must set podSelector, namespaceSelector or ipBlock`, `${path} には podSelector、namespaceSelector、ipBlock のいずれかが必要です`));
    return null;
  }
  if (present > 1 && ipNode && !isNull(ipNode)) {
    r.report(node, 'mixed-peer', msg(`${path} may not set ipBlock together with podSelector or namespaceSelector`, `${path} では ipBlock を podSelector や namespaceSelector と一緒に書けません。別の項目（「- 」）に分けます`));
    return null;
  }
  if (ipNode && !isNull(ipNode)) return ipBlock(r, ipNode, `${path}.ipBlock`, location);
  const podSelector = r.selector(podNode, `${path}.podSelector`);
  const namespaceSelector = r.selector(nsNode, `${path}.namespaceSelector`);
  return { kind: 'selector', podSelector, namespaceSelector, location };
}

const SPEC_IP_REQUIRED = msg('spec.ip is required', 'spec.ip は必須です');

function ipBlock(r: ObjectReader, node: PNode, path: string, location: SourceLocation): Peer | null {
  const map = r.map(node, path);
  if (!map) return null;
  const cidrNode = map.entries.get('cidr')?.value;
  const cidrText = r.string(cidrNode, `${path}.cidr`);
  if (cidrText === null || cidrText === '') {
    if (!cidrNode || isNull(cidrNode) || cidrText === '') r.report(cidrNode ?? map, 'missing-field', msg(`${path}.cidr is required`, `${path}.cidr は必須です`));
    return null;
  }
  const cidr = parseCidr(cidrText);
  if (!cidr) r.report(cidrNode ?? map, 'invalid-cidr', msg(`${path}.cidr "${cidrText}" is not a valid CIDR (for example 10.0.0.0/16)`, `${path}.cidr の "${cidrText}" は CIDR として正しくありません（例: 10.0.0.0/16）`));
  const except: Cidr[] = [];
  (r.list(map.entries.get('except')?.value, `${path}.except`) ?? []).forEach((e, i) => {
    const text = r.string(e, `${path}.except[${i}]`);
    if (text === null) {
      // null decodes to "", which is not a CIDR
      if (isNull(e)) r.report(e, 'invalid-cidr', msg(`${path}.except[${i}] is empty; it must be a CIDR`, `${path}.except[${i}] が空です。CIDR を書きます`));
      return;
    }
    const block = parseCidr(text);
    if (!block) {
      r.report(e, 'invalid-cidr', msg(`${path}.except[${i}] "${text}" is not a valid CIDR`, `${path}.except[${i}] の "${text}" は CIDR として正しくありません`));
      return;
    }
    if (cidr && !isStrictSubset(cidr, block)) {
      r.report(e, 'except-not-subset', msg(`${path}.except[${i}] "${text}" must be a strict subset of cidr ${cidrText}`, `${path}.except[${i}] の "${text}" は cidr ${cidrText} の真部分集合でなければなりません`));
      return;
    }
    except.push(block);
  });
  return cidr ? { kind: 'ipBlock', cidr, except, location } : null;
}

function port(r: ObjectReader, node: PNode, path: string): PortSpec | null {
  const location = r.at(node);
  const map: PMap | null = r.map(node, path);
  const protocol = r.protocol(map?.entries.get('protocol')?.value, `${path}.protocol`);
  const portNode = map?.entries.get('port')?.value;
  const endNode = map?.entries.get('endPort')?.value;
  let value: number | string | null = null;
  if (portNode && !isNull(portNode)) {
    if (portNode.type === 'scalar' && typeof portNode.value === 'string') {
      const problem = checkPortName(portNode.value);
      if (problem) r.report(portNode, 'invalid-port', msg(`${path}.port "${portNode.value}": ${problem.en}`, `${path}.port "${portNode.value}": ${problem.ja}`));
      value = portNode.value;
    } else if (portNode.type === 'scalar' && typeof portNode.value === 'number' && Number.isInteger(portNode.value)) {
      if (portNode.value < 1 || portNode.value > 65535) r.report(portNode, 'invalid-port', msg(`${path}.port ${portNode.value} is outside 1-65535`, `${path}.port の ${portNode.value} は 1-65535 の範囲外です`));
      value = portNode.value;
    } else {
      r.report(portNode, 'wrong-type', msg(`${path}.port must be a number or a port name, not ${describe(portNode).en}`, `${path}.port にはポート番号かポート名を書きます（いまは${describe(portNode).ja}）`));
    }
  }
  let endPort: number | null = null;
  if (endNode && !isNull(endNode)) {
    endPort = r.integer(endNode, `${path}.endPort`);
    if (endPort !== null) {
      if (value === null) r.report(endNode, 'invalid-end-port', msg(`${path}.endPort needs a numeric port`, `${path}.endPort を書くには、port に番号が必要です`));
      else if (typeof value === 'string') r.report(endNode, 'invalid-end-port', msg(`${path}.endPort may not be set when port is a name ("${value}")`, `port が名前（"${value}"）のときは ${path}.endPort を書けません`));
      else if (endPort < value) r.report(endNode, 'invalid-end-port', msg(`${path}.endPort ${endPort} must be greater than or equal to port ${value}`, `${path}.endPort の ${endPort} は port ${value} 以上でなければなりません`));
      else if (endPort > 65535) r.report(endNode, 'invalid-port', msg(`${path}.endPort ${endPort} is outside 1-65535`, `${path}.endPort の ${endPort} は 1-65535 の範囲外です`));
    }
  }
  return { protocol, port: value, endPort, location };
}

/**
 * Parses and loads texts into a cluster. Errors and warnings are returned, never thrown. Pass a parse cache
 * when the same texts are loaded again after small edits (the editor): unchanged documents are not re-parsed.
 */
export function loadCluster(inputs: readonly SourceText[], options: { cache?: ParseCache } = {}): LoadResult {
  const parsed = parseSources(inputs, options.cache);
  const built = readCluster(parsed.documents);
  const diagnostics = sortDiagnostics([...parsed.diagnostics, ...built.diagnostics], inputs.map((i) => i.file));
  return { cluster: built.cluster, diagnostics };
}

/** Reads parsed documents with the topic's kinds and builds the cluster. */
export function readCluster(documents: readonly SourceDocument[]): LoadResult {
  const read = readObjects(documents, NETPOL_KINDS);
  const built = buildCluster(read.objects);
  return { cluster: built.cluster, diagnostics: sortDiagnostics([...read.diagnostics, ...built.diagnostics]) };
}

/** Builds the model from read objects; order of objects never changes the result. */
export function buildCluster(objects: readonly KubeObject[]): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const namespaces: Namespace[] = objectsOf(objects, NamespaceKind).map((o) => ({
    name: o.meta.name,
    labels: o.value.labels,
    declared: true,
    location: o.meta.location,
  }));
  const endpoints: Endpoint[] = [];
  for (const o of objectsOf(objects, PodKind)) {
    const { spec, ip } = o.value;
    endpoints.push(endpoint(o, 'Pod', o.meta.labels, ip, spec.hostNetwork, spec.nodeName, spec.ports));
  }
  for (const w of WORKLOAD_KINDS) {
    for (const o of objectsOf(objects, w)) endpoints.push(endpoint(o, o.value.kind, o.value.labels, null, o.value.spec.hostNetwork, null, o.value.spec.ports));
  }
  for (const o of objectsOf(objects, ExternalEndpointKind)) {
    endpoints.push({
      id: `external:${o.meta.name}`,
      kind: 'external',
      source: 'ExternalEndpoint',
      name: o.meta.name,
      namespace: null,
      labels: o.meta.labels,
      ip: o.value.ip,
      hostNetwork: false,
      nodeName: null,
      ports: o.value.ports,
      location: o.meta.location,
    });
  }
  const policies: NetworkPolicy[] = objectsOf(objects, NetworkPolicyKind).map((o) => ({
    id: `${o.meta.namespace}/${o.meta.name}`,
    name: o.meta.name,
    namespace: o.meta.namespace,
    ...o.value,
    location: o.meta.location,
  }));
  return finish(namespaces, endpoints, policies, diagnostics);
}

function endpoint(
  o: KubeObject,
  source: Endpoint['source'],
  labels: Readonly<Record<string, string>>,
  ip: IPAddress | null,
  hostNetwork: boolean,
  nodeName: string | null,
  ports: readonly DeclaredPort[],
): Endpoint {
  return {
    id: `${o.meta.namespace}/${o.meta.name}`,
    kind: 'pod',
    source,
    name: o.meta.name,
    namespace: o.meta.namespace,
    labels,
    ip,
    hostNetwork,
    nodeName,
    ports,
    location: o.meta.location,
  };
}

function finish(declared: Namespace[], endpoints: Endpoint[], policies: NetworkPolicy[], diagnostics: Diagnostic[]): LoadResult {
  // A Namespace declared again (the learner relabelling one of the lesson's) is configured, as `kubectl apply`
  // or `kubectl label` would: its labels merge over the earlier ones, and the later declaration is the one shown.
  const byName = new Map<string, Namespace>();
  for (const ns of declared) {
    const before = byName.get(ns.name);
    byName.set(ns.name, before ? { ...ns, labels: { ...before.labels, ...ns.labels } } : ns);
  }
  const uniqueEndpoints = uniqueObjects(endpoints, (e) => e.id, (e) => (e.kind === 'external' ? msg('ExternalEndpoint', 'ExternalEndpoint') : msg('pod or workload', 'Pod またはワークロード')), diagnostics);
  const uniquePolicies = uniqueObjects(policies, (p) => p.id, () => msg('NetworkPolicy', 'NetworkPolicy'), diagnostics);
  const implied = (name: string): void => {
    if (!byName.has(name)) byName.set(name, { name, labels: { [NAMESPACE_NAME_LABEL]: name }, declared: false, location: null });
  };
  for (const ep of uniqueEndpoints) if (ep.namespace !== null) implied(ep.namespace);
  for (const p of uniquePolicies) implied(p.namespace);
  const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const cluster: Cluster = {
    namespaces: [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    endpoints: uniqueEndpoints.sort(byId),
    policies: uniquePolicies.sort(byId),
  };
  return { cluster, diagnostics: sortDiagnostics(diagnostics) };
}
