// Per-connection reasoning: which policies isolate each end and which rules admit the traffic.
// It walks the model pair by pair (slow but plain); the fast evaluator uses bitsets and must agree with it.
import type {
  Cluster,
  Direction,
  DirectionReason,
  Endpoint,
  Explanation,
  NetworkPolicy,
  Peer,
  PortSpec,
  Probe,
  Rule,
  RuleRef,
} from './model';
import { formatSelector, isEmptySelector, selectorMatches } from '../../kube/index';
import { cidrContains } from '../../kube/index';
import { refSegment, type Segment } from '../../core/index';

/** Lookups shared by the explainer and the evaluator. */
export interface ClusterIndex {
  cluster: Cluster;
  namespaceLabels: ReadonlyMap<string, Readonly<Record<string, string>>>;
  policiesByNamespace: ReadonlyMap<string, readonly NetworkPolicy[]>;
  policyById: ReadonlyMap<string, NetworkPolicy>;
  endpointById: ReadonlyMap<string, Endpoint>;
}

/** Builds the lookups once per cluster. */
export function indexCluster(cluster: Cluster): ClusterIndex {
  const namespaceLabels = new Map(cluster.namespaces.map((ns) => [ns.name, ns.labels] as const));
  const policiesByNamespace = new Map<string, NetworkPolicy[]>();
  for (const p of cluster.policies) {
    const list = policiesByNamespace.get(p.namespace) ?? [];
    list.push(p);
    policiesByNamespace.set(p.namespace, list);
  }
  return {
    cluster,
    namespaceLabels,
    policiesByNamespace,
    policyById: new Map(cluster.policies.map((p) => [p.id, p])),
    endpointById: new Map(cluster.endpoints.map((e) => [e.id, e])),
  };
}

/** Can a selector (pod or namespace) ever pick this endpoint? Not external ones, not hostNetwork pods. */
export const isSelectable = (e: Endpoint): boolean => e.kind === 'pod' && !e.hostNetwork;

/** Does the policy select the endpoint (ignoring policy types)? */
export function policySelects(policy: NetworkPolicy, e: Endpoint): boolean {
  return isSelectable(e) && e.namespace === policy.namespace && selectorMatches(policy.podSelector, e.labels);
}

/** Does one from/to entry match the endpoint at the other end? */
export function peerMatches(index: ClusterIndex, peer: Peer, policy: NetworkPolicy, e: Endpoint): boolean {
  if (peer.kind === 'ipBlock') {
    return e.ip !== null && cidrContains(peer.cidr, e.ip) && !peer.except.some((x) => cidrContains(x, e.ip!));
  }
  if (!isSelectable(e) || e.namespace === null) return false;
  if (peer.namespaceSelector === null) {
    if (e.namespace !== policy.namespace) return false;
  } else if (!selectorMatches(peer.namespaceSelector, index.namespaceLabels.get(e.namespace) ?? {})) {
    return false;
  }
  return peer.podSelector === null || selectorMatches(peer.podSelector, e.labels);
}

/** Does one ports entry match the probe? Named ports resolve against the destination's container ports. */
export function portMatches(spec: PortSpec, probe: Probe, destination: Endpoint): boolean {
  if (spec.protocol !== probe.protocol) return false;
  if (spec.port === null) return true;
  if (typeof spec.port === 'number') return probe.port >= spec.port && probe.port <= (spec.endPort ?? spec.port);
  if (!isSelectable(destination)) return false;
  const name = spec.port;
  return destination.ports.some((p) => p.name === name && p.port === probe.port && p.protocol === probe.protocol);
}

/** The first matching peer and port of a rule, or null when the rule does not admit the connection. */
function ruleAdmits(index: ClusterIndex, policy: NetworkPolicy, rule: Rule, peer: Endpoint, destination: Endpoint, probe: Probe): RuleRef | null {
  let peerIndex: number | null = null;
  if (rule.peers !== null) {
    peerIndex = rule.peers.findIndex((p) => peerMatches(index, p, policy, peer));
    if (peerIndex < 0) return null;
  }
  let portIndex: number | null = null;
  if (rule.ports !== null) {
    portIndex = rule.ports.findIndex((p) => portMatches(p, probe, destination));
    if (portIndex < 0) return null;
  }
  return { policy: policy.id, direction: rule.direction, rule: rule.index, peer: peerIndex, port: portIndex };
}

/**
 * Traffic between a pod and the node it runs on is always allowed (the NetworkPolicy docs): a hostNetwork pod
 * stands for its node, so a pod and a hostNetwork pod with the same spec.nodeName always reach each other.
 */
export function nodeLocal(a: Endpoint, b: Endpoint): boolean {
  return a.kind === 'pod' && b.kind === 'pod' && a.nodeName !== null && a.nodeName === b.nodeName && a.hostNetwork !== b.hostNetwork;
}

/** Policies that isolate the endpoint for a direction, sorted by id. */
export function isolatingPolicies(index: ClusterIndex, e: Endpoint, direction: Direction): NetworkPolicy[] {
  if (!isSelectable(e) || e.namespace === null) return [];
  const list = index.policiesByNamespace.get(e.namespace) ?? [];
  return list.filter((p) => p.policyTypes[direction] && policySelects(p, e));
}

function directionReason(index: ClusterIndex, direction: Direction, from: Endpoint, to: Endpoint, probe: Probe): DirectionReason {
  const subject = direction === 'ingress' ? to : from;
  const other = direction === 'ingress' ? from : to;
  const policies = isolatingPolicies(index, subject, direction);
  const base = { direction, endpoint: subject.id, isolated: policies.length > 0, isolatedBy: policies.map((p) => p.id) };
  const allowedBy: RuleRef[] = [];
  for (const policy of policies) {
    for (const rule of policy[direction]) {
      const ref = ruleAdmits(index, policy, rule, other, to, probe);
      if (ref) allowedBy.push(ref);
    }
  }
  if (from.id === to.id && from.kind === 'pod') return { ...base, allowed: true, why: 'self', allowedBy };
  if (nodeLocal(from, to)) return { ...base, allowed: true, why: 'node', allowedBy };
  if (subject.kind === 'external') return { ...base, allowed: true, why: 'external', allowedBy };
  if (subject.hostNetwork) return { ...base, allowed: true, why: 'host-network', allowedBy };
  if (policies.length === 0) return { ...base, allowed: true, why: 'not-isolated', allowedBy };
  return { ...base, allowed: allowedBy.length > 0, why: allowedBy.length > 0 ? 'rule' : 'no-rule', allowedBy };
}

/** Decides one connection the plain way and says why. */
export function explainConnection(index: ClusterIndex, from: Endpoint, to: Endpoint, probe: Probe): Explanation {
  const ingress = directionReason(index, 'ingress', from, to, probe);
  const egress = directionReason(index, 'egress', from, to, probe);
  return {
    from: from.id,
    to: to.id,
    port: probe.port,
    protocol: probe.protocol,
    allowed: ingress.allowed && egress.allowed,
    ingress,
    egress,
  };
}

// ---- sentences ------------------------------------------------------------------------------
// English and Japanese, the two languages of the lab. Kept here so the app, hints and `--explain` agree.

export type ExplainLanguage = 'en' | 'ja';

/** Describes one from/to entry in words: "pods matching app=web of namespace x". */
export function describePeer(peer: Peer, policy: NetworkPolicy, lang: ExplainLanguage = 'en'): string {
  if (peer.kind === 'ipBlock') {
    const except = peer.except.map((c) => c.text).join(', ');
    if (lang === 'ja') return except ? `${peer.cidr.text}（${except} を除く）のアドレス` : `${peer.cidr.text} のアドレス`;
    return except ? `addresses in ${peer.cidr.text} except ${except}` : `addresses in ${peer.cidr.text}`;
  }
  const podSel = peer.podSelector === null || isEmptySelector(peer.podSelector) ? null : formatSelector(peer.podSelector);
  const nsSel = peer.namespaceSelector === null ? null : formatSelector(peer.namespaceSelector);
  if (lang === 'ja') {
    const pods = podSel ? `${podSel} に一致する Pod` : 'すべての Pod';
    if (peer.namespaceSelector === null) return `namespace ${policy.namespace} の${pods}`;
    return nsSel === '{}' ? `すべての namespace の${pods}` : `${nsSel} に一致する namespace の${pods}`;
  }
  const pods = podSel ? `pods matching ${podSel}` : 'all pods';
  if (peer.namespaceSelector === null) return `${pods} of namespace ${policy.namespace}`;
  return nsSel === '{}' ? `${pods} of every namespace` : `${pods} of namespaces matching ${nsSel}`;
}

/** Describes a ports entry: "TCP 80", "TCP 8000-8080", "every UDP port", "the TCP port named http". */
export function describePort(spec: PortSpec, lang: ExplainLanguage = 'en'): string {
  if (spec.port === null) return lang === 'ja' ? `すべての ${spec.protocol} ポート` : `every ${spec.protocol} port`;
  if (typeof spec.port === 'string') {
    return lang === 'ja' ? `名前が ${spec.port} の ${spec.protocol} ポート` : `the ${spec.protocol} port named ${spec.port}`;
  }
  return spec.endPort !== null && spec.endPort !== spec.port
    ? `${spec.protocol} ${spec.port}-${spec.endPort}`
    : `${spec.protocol} ${spec.port}`;
}

// Policy names in sentences are marked while the sentence is built, then turned into references (the UI links
// them to their line) or plain text (the CLI): no one has to find names in sentences afterwards.
const OPEN = '\u0001';
const CLOSE = '\u0002';
const mark = (policyId: string): string => `${OPEN}${policyId}${CLOSE}`;
const MARKED = new RegExp(`${OPEN}([^${CLOSE}]*)${CLOSE}`, 'g');

const DIRECTION_JA: Record<Direction, string> = { ingress: 'Ingress（受信）', egress: 'Egress（送信）' };
const TYPE: Record<Direction, string> = { ingress: 'Ingress', egress: 'Egress' };

function describeRuleMatch(index: ClusterIndex, ref: RuleRef, onlyPolicy: boolean, lang: ExplainLanguage): string {
  const policy = index.policyById.get(ref.policy);
  const rule = policy?.[ref.direction][ref.rule];
  const n = ref.rule + 1;
  if (!policy || !rule) return `${mark(ref.policy)} ${ref.direction} rule ${n}`;
  if (lang === 'ja') {
    const who = ref.peer === null || !rule.peers ? (ref.direction === 'ingress' ? 'すべての送信元' : 'すべての宛先') : describePeer(rule.peers[ref.peer]!, policy, 'ja');
    const what = ref.port === null || !rule.ports ? 'すべてのポート' : describePort(rule.ports[ref.port]!, 'ja');
    const link = ref.direction === 'ingress' ? 'からの' : 'への';
    return `${onlyPolicy ? 'その' : `${mark(policy.id)} の`} ${TYPE[ref.direction]} ルール ${n} が ${who} ${link} ${what} を認めています`;
  }
  const who = ref.peer === null || !rule.peers ? (ref.direction === 'ingress' ? 'every source' : 'every destination') : describePeer(rule.peers[ref.peer]!, policy);
  const what = ref.port === null || !rule.ports ? 'every port' : describePort(rule.ports[ref.port]!);
  return `${onlyPolicy ? 'its' : `${mark(policy.id)}'s`} ${ref.direction} rule ${n} admits ${who} on ${what}`;
}

/** One direction's reason as a sentence, as the graph panel and `--explain` print it. */
export function describeDirection(index: ClusterIndex, reason: DirectionReason, exp: Explanation, lang: ExplainLanguage = 'en'): string {
  return markedDirection(index, reason, exp, lang).replace(MARKED, '$1');
}

function markedDirection(index: ClusterIndex, reason: DirectionReason, exp: Explanation, lang: ExplainLanguage = 'en'): string {
  const other = reason.direction === 'ingress' ? exp.from : exp.to;
  const dir = reason.direction;
  const by = reason.isolatedBy.map(mark).join(', ');
  const probe = `${exp.protocol} ${exp.port}`;
  const only = reason.isolatedBy.length === 1;
  const rules = (): string[] => reason.allowedBy.map((r) => describeRuleMatch(index, r, only, lang));
  if (lang === 'ja') {
    const d = DIRECTION_JA[dir];
    const peer = dir === 'ingress' ? `${other} からの` : `${other} への`;
    switch (reason.why) {
      case 'self':
        return `${reason.endpoint} から自分自身への通信は、どのポリシーでも止められません（${d}）。`;
      case 'external':
        return `${reason.endpoint} はクラスタの外部にあるため、その ${d}に NetworkPolicy は適用されません。`;
      case 'host-network':
        return `${reason.endpoint} はホストネットワークを使うためノードとして扱われ、${d}について隔離されません。`;
      case 'node':
        return `${exp.from} と ${exp.to} は同じノードで動いており、一方はホストネットワーク（ノードそのもの）です。Pod とそのノードの間の通信は常に許可されます（${d}）。`;
      case 'not-isolated':
        return `${reason.endpoint} は ${d}について隔離されていません（${TYPE[dir]} で選択するポリシーがありません）。そのため ${d}はすべて許可されます。`;
      case 'rule':
        return `${reason.endpoint} は ${by} によって ${d}について隔離されています。${rules().join('。')}。そのため ${peer} ${probe} は許可されます。`;
      case 'no-rule':
        return `${reason.endpoint} は ${by} によって ${d}について隔離されており、${peer} ${probe} を認める ${TYPE[dir]} ルールがないため、拒否されます。`;
    }
  }
  switch (reason.why) {
    case 'self':
      return `${reason.endpoint} talks to itself, which no policy can block (${dir}).`;
    case 'external':
      return `${reason.endpoint} is outside the cluster; no NetworkPolicy applies to its ${dir}.`;
    case 'host-network':
      return `${reason.endpoint} uses the host network: it acts as its node, and no policy isolates it for ${dir}.`;
    case 'node':
      return `${exp.from} and ${exp.to} run on the same node and one of them uses the host network (it is the node): traffic between a pod and its node is always allowed (${dir}).`;
    case 'not-isolated':
      return `${reason.endpoint} is not isolated for ${dir} (no policy selects it with ${TYPE[dir]}), so all its ${dir} is allowed.`;
    case 'rule':
      return `${reason.endpoint} is isolated for ${dir} by ${by}; ${rules().join('; ')}, so ${other} is allowed.`;
    case 'no-rule':
      return `${reason.endpoint} is isolated for ${dir} by ${by}, and no ${dir} rule of ${only ? 'that policy' : 'these policies'} admits ${other} on ${probe}, so it is denied.`;
  }
}

/** The whole explanation as sentences: the verdict, then egress (the source's side), then ingress. */
export function describeExplanation(index: ClusterIndex, exp: Explanation, lang: ExplainLanguage = 'en'): string[] {
  return markedExplanation(index, exp, lang).map((sentence) => sentence.replace(MARKED, '$1'));
}

/** The same sentences as data: text, and references to the policies they name (with their YAML location). */
export function explainSegments(index: ClusterIndex, exp: Explanation, lang: ExplainLanguage = 'en'): Segment[][] {
  return markedExplanation(index, exp, lang).map((sentence) =>
    sentence.split(MARKED).flatMap((part, i): Segment[] => {
      if (i % 2 === 0) return part ? [part] : [];
      const policy = index.policyById.get(part);
      return [refSegment({ kind: 'NetworkPolicy', namespace: policy?.namespace ?? '', name: policy?.name ?? part, location: policy?.location ?? null }, part)];
    }),
  );
}

// ---- near misses ---------------------------------------------------------------------------------------------
// Where a direction is denied, each rule of the isolating policies says what it missed: the namespace matched but
// the labels did not, the peer matched but the port is another, the endpoint has no address for an ipBlock.

/** Rules described one by one; beyond this many, a count. */
const MISSES_SHOWN = 3;

const labelText = (labels: Readonly<Record<string, string>>, lang: ExplainLanguage): string => {
  const list = Object.entries(labels).map(([k, v]) => `${k}=${v}`);
  return list.length === 0 ? (lang === 'ja' ? 'ラベルなし' : 'no labels') : list.join(', ');
};

function peerMiss(index: ClusterIndex, peer: Peer, policy: NetworkPolicy, other: Endpoint, lang: ExplainLanguage): string {
  const ja = lang === 'ja';
  if (peer.kind === 'ipBlock') {
    const cidr = peer.cidr.text;
    if (other.ip === null) {
      return ja
        ? `${other.id} には IP アドレスがない（ワークロード、または status.podIP のない Pod）ため、ipBlock ${cidr} には一致しません`
        : `${other.id} has no IP address (a workload, or a pod without status.podIP), so ipBlock ${cidr} cannot match it`;
    }
    const ip = other.ip.text;
    const except = peer.except.find((x) => cidrContains(x, other.ip!));
    if (cidrContains(peer.cidr, other.ip) && except) {
      return ja ? `${other.id} のアドレス ${ip} は ${cidr} の中ですが、except ${except.text} で除かれています` : `${other.id}'s address ${ip} is in ${cidr}, but except ${except.text} leaves it out`;
    }
    return ja ? `${other.id} のアドレス ${ip} は ${cidr} の外です` : `${other.id}'s address ${ip} is outside ${cidr}`;
  }
  if (other.kind === 'external') {
    return ja ? `${other.id} はクラスタの外部にあり、podSelector や namespaceSelector には一致しません（ipBlock が必要です）` : `${other.id} is outside the cluster: pod and namespace selectors never match it (it takes an ipBlock)`;
  }
  if (other.hostNetwork) {
    return ja ? `${other.id} はホストネットワークを使うため、セレクタには一致しません（ノードの IP への ipBlock が必要です）` : `${other.id} uses the host network: selectors never match it (it takes an ipBlock on its node's IP)`;
  }
  const ns = other.namespace ?? '';
  const podSel = peer.podSelector === null || isEmptySelector(peer.podSelector) ? null : formatSelector(peer.podSelector);
  const podFails = peer.podSelector !== null && !selectorMatches(peer.podSelector, other.labels);
  const podWhy = ja
    ? `${other.id} のラベル（${labelText(other.labels, lang)}）は ${podSel} に一致しません`
    : `${other.id} has ${labelText(other.labels, lang)}, which does not match ${podSel}`;
  if (peer.namespaceSelector === null) {
    if (ns !== policy.namespace) {
      return ja
        ? `podSelector だけのピアはポリシーと同じ namespace ${policy.namespace} の Pod しか見ませんが、${other.id} は namespace ${ns} にあります`
        : `a podSelector alone looks only at namespace ${policy.namespace}, and ${other.id} is in namespace ${ns}`;
    }
    return podWhy;
  }
  const nsLabels = index.namespaceLabels.get(ns) ?? {};
  if (!selectorMatches(peer.namespaceSelector, nsLabels)) {
    const nsSel = formatSelector(peer.namespaceSelector);
    return ja
      ? `namespace ${ns}（${labelText(nsLabels, lang)}）は ${nsSel} に一致しません`
      : `namespace ${ns} (${labelText(nsLabels, lang)}) does not match ${nsSel}`;
  }
  return podFails ? (ja ? `namespace は一致しましたが、${podWhy}` : `the namespace matched, but ${podWhy}`) : '';
}

function portMiss(ports: readonly PortSpec[], probe: Probe, destination: Endpoint, lang: ExplainLanguage): string {
  const ja = lang === 'ja';
  const list = ports.map((p) => describePort(p, lang)).join(', ');
  const probeText = `${probe.protocol} ${probe.port}`;
  const notes: string[] = [];
  for (const spec of ports) {
    if (typeof spec.port !== 'string') continue;
    const name = spec.port;
    if (!isSelectable(destination)) {
      notes.push(ja ? `名前付きポート ${name} はクラスタ内の Pod でしか解決されません` : `a named port (${name}) resolves only on a pod in the cluster`);
      continue;
    }
    const found = destination.ports.filter((p) => p.name === name);
    if (found.length === 0) notes.push(ja ? `${destination.id} には ${name} という名前のポートがありません` : `${destination.id} has no port named ${name}`);
    else {
      const where = found.map((p) => `${p.protocol} ${p.port}`).join(', ');
      notes.push(ja ? `${destination.id} では ${name} は ${where} です` : `port ${name} is ${where} on ${destination.id}`);
    }
  }
  const head = ja ? `ピアは一致しましたが、認めるのは ${list} だけで、${probeText} は含まれません` : `the peer matches, but it admits only ${list}, not ${probeText}`;
  return notes.length === 0 ? head : `${head}${ja ? '（' : ' ('}${notes.join(ja ? '、' : '; ')}${ja ? '）' : ')'}`;
}

/** One sentence per rule of the isolating policies, saying what it missed (a denied direction only). */
function markedMisses(index: ClusterIndex, reason: DirectionReason, exp: Explanation, lang: ExplainLanguage): string[] {
  if (reason.why !== 'no-rule') return [];
  const ja = lang === 'ja';
  const other = index.endpointById.get(reason.direction === 'ingress' ? exp.from : exp.to);
  const destination = index.endpointById.get(exp.to);
  if (!other || !destination) return [];
  const probe: Probe = { port: exp.port, protocol: exp.protocol };
  const out: string[] = [];
  let rules = 0;
  for (const id of reason.isolatedBy) {
    const policy = index.policyById.get(id);
    if (!policy) continue;
    for (const rule of policy[reason.direction]) {
      rules++;
      if (out.length >= MISSES_SHOWN) continue;
      const head = ja ? `${mark(policy.id)} の ${TYPE[reason.direction]} ルール ${rule.index + 1}: ` : `${mark(policy.id)}'s ${reason.direction} rule ${rule.index + 1}: `;
      let why: string;
      if (rule.peers !== null && !rule.peers.some((p) => peerMatches(index, p, policy, other))) {
        why = rule.peers.map((p) => peerMiss(index, p, policy, other, lang)).filter(Boolean).join(ja ? '。また、' : '; ');
      } else {
        why = portMiss(rule.ports ?? [], probe, destination, lang);
      }
      out.push(`${head}${why}${ja ? '。' : '.'}`);
    }
  }
  if (rules === 0) {
    out.push(ja ? `${reason.isolatedBy.length === 1 ? 'このポリシー' : 'これらのポリシー'}には ${TYPE[reason.direction]} ルールがひとつもありません。` : `${reason.isolatedBy.length === 1 ? 'The policy has' : 'The policies have'} no ${reason.direction} rules at all.`);
  } else if (rules > MISSES_SHOWN) {
    out.push(ja ? `…ほか ${rules - MISSES_SHOWN} 個のルールも一致しません。` : `…and ${rules - MISSES_SHOWN} more rules do not match either.`);
  }
  return out;
}

function markedExplanation(index: ClusterIndex, exp: Explanation, lang: ExplainLanguage): string[] {
  const verdict = lang === 'ja'
    ? `${exp.from} → ${exp.to}（${exp.protocol} ${exp.port}）: ${exp.allowed ? '許可' : '拒否'}。`
    : `${exp.from} → ${exp.to} on ${exp.protocol} ${exp.port}: ${exp.allowed ? 'allowed' : 'denied'}.`;
  // A pod to itself is one fact, not one per direction.
  if (exp.egress.why === 'self' && exp.ingress.why === 'self') {
    return [verdict, lang === 'ja' ? `${exp.from} から自分自身への通信は、どのポリシーでも止められません。` : `${exp.from} talks to itself, which no policy can block.`];
  }
  return [
    verdict,
    markedDirection(index, exp.egress, exp, lang),
    ...markedMisses(index, exp.egress, exp, lang),
    markedDirection(index, exp.ingress, exp, lang),
    ...markedMisses(index, exp.ingress, exp, lang),
  ];
}
