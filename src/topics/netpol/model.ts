// The data model: what parsing produces and what evaluation reads.
// Every object keeps where it came from, so errors, explanations and editor links can point at a line.
import type { Cidr, DeclaredPort, IPAddress, LabelSelector, Protocol, SourceLocation } from '../../kube/index';
export { PROTOCOLS } from '../../kube/index';
export type { Cidr, DeclaredPort, Protocol, IPAddress, LabelSelector, SelectorOperator, SelectorRequirement, SourceLocation, Diagnostic, Severity } from '../../kube/index';

/** A connection attempt's destination port and protocol. */
export interface Probe {
  port: number;
  protocol: Protocol;
}

export interface Namespace {
  name: string;
  labels: Readonly<Record<string, string>>;
  /** True when a Namespace object declared it; false when only a pod or policy names it. */
  declared: boolean;
  location: SourceLocation | null;
}

/** What an endpoint was written as. Workloads stand for their pods: one endpoint per workload. */
export type EndpointSource =
  | 'Pod'
  | 'Deployment'
  | 'ReplicaSet'
  | 'StatefulSet'
  | 'DaemonSet'
  | 'Job'
  | 'CronJob'
  | 'ExternalEndpoint';

/** Something that sends or receives traffic: a pod (or workload) in a namespace, or an external endpoint. */
export interface Endpoint {
  /** `namespace/name` for pods and workloads, `external:name` for external endpoints. */
  id: string;
  kind: 'pod' | 'external';
  source: EndpointSource;
  name: string;
  /** Null for external endpoints. */
  namespace: string | null;
  labels: Readonly<Record<string, string>>;
  ip: IPAddress | null;
  hostNetwork: boolean;
  nodeName: string | null;
  ports: readonly DeclaredPort[];
  location: SourceLocation;
}

/** A normalised NetworkPolicyPeer: a closed, tagged union. */
export type Peer =
  | {
      kind: 'selector';
      /** Null: the policy's own namespace. */
      namespaceSelector: LabelSelector | null;
      /** Null when the peer named only a namespaceSelector: every pod of the matching namespaces. */
      podSelector: LabelSelector | null;
      location: SourceLocation;
    }
  | { kind: 'ipBlock'; cidr: Cidr; except: readonly Cidr[]; location: SourceLocation };

/** A normalised NetworkPolicyPort. `port` null: every port of the protocol. */
export interface PortSpec {
  protocol: Protocol;
  port: number | string | null;
  endPort: number | null;
  location: SourceLocation;
}

export type Direction = 'ingress' | 'egress';

/** One ingress or egress rule. `peers`/`ports` null: the list was absent or empty, so it matches everything. */
export interface Rule {
  direction: Direction;
  index: number;
  peers: readonly Peer[] | null;
  ports: readonly PortSpec[] | null;
  location: SourceLocation;
}

export interface NetworkPolicy {
  /** `namespace/name`. */
  id: string;
  name: string;
  namespace: string;
  podSelector: LabelSelector;
  /** The effective policy types (defaulted as the API server does). */
  policyTypes: { ingress: boolean; egress: boolean };
  /** Rules of a direction the policy does not list are dropped: listed policyTypes are authoritative. */
  ingress: readonly Rule[];
  egress: readonly Rule[];
  location: SourceLocation;
}

/** The whole input, normalised and sorted by id so document order never matters. */
export interface Cluster {
  namespaces: readonly Namespace[];
  endpoints: readonly Endpoint[];
  policies: readonly NetworkPolicy[];
}

/** A reference to the rule (and its peer and port entries) that admitted a connection. */
export interface RuleRef {
  policy: string;
  direction: Direction;
  rule: number;
  /** Index into the rule's from/to list, or null when the list was absent or empty (every peer). */
  peer: number | null;
  /** Index into the rule's ports list, or null when the list was absent or empty (every port). */
  port: number | null;
}

/** Why one direction of a connection was allowed or denied. */
export type DirectionWhy =
  | 'self' // a pod may always reach itself
  | 'external' // external endpoints are never isolated
  | 'host-network' // a hostNetwork pod acts as its node: never isolated
  | 'node' // a pod and its own node (a hostNetwork pod with the same spec.nodeName): always allowed
  | 'not-isolated' // no policy selects the endpoint for this direction
  | 'rule' // isolated, and at least one rule admits the connection
  | 'no-rule'; // isolated, and no rule admits it

export interface DirectionReason {
  direction: Direction;
  /** The endpoint whose policies decide this direction: the destination for ingress, the source for egress. */
  endpoint: string;
  allowed: boolean;
  isolated: boolean;
  why: DirectionWhy;
  /** Ids of the policies that isolate the endpoint for this direction, sorted. */
  isolatedBy: readonly string[];
  /** Every rule that admits the connection, in policy then rule order. */
  allowedBy: readonly RuleRef[];
}

/** The verdict of one connection and its reasons, as the graph tooltip, hints and `--explain` print them. */
export interface Explanation {
  from: string;
  to: string;
  port: number;
  protocol: Protocol;
  allowed: boolean;
  ingress: DirectionReason;
  egress: DirectionReason;
}

export interface Verdict {
  allowed: boolean;
  ingressAllowed: boolean;
  egressAllowed: boolean;
}

/** One row of the connectivity result. */
export interface ConnectivityRow extends Verdict {
  from: string;
  to: string;
  port: number;
  protocol: Protocol;
}
