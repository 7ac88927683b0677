// The RBAC topic's model: roles, bindings and the identities they reach, read once from the input (or the
// cluster's default policy), and the requests and decisions of the authorizer.
import type { LabelSelector, SourceLocation } from '../../kube/index';

/** rbac.authorization.k8s.io, the group of RBAC's kinds (and the defaulted apiGroup of User/Group subjects). */
export const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** A PolicyRule as the API server stores it (after validation). Empty lists are empty, never null. */
export interface PolicyRule {
  verbs: readonly string[];
  apiGroups: readonly string[];
  resources: readonly string[];
  resourceNames: readonly string[];
  nonResourceURLs: readonly string[];
  /** Where the rule was written; null for the built-in default policy and for aggregated copies. */
  location: SourceLocation | null;
}

/** A Role (namespaced) or ClusterRole. */
export interface Role {
  kind: 'Role' | 'ClusterRole';
  name: string;
  /** The Role's namespace; '' for a ClusterRole. */
  namespace: string;
  labels: Readonly<Record<string, string>>;
  /** The rules as written (for an aggregated ClusterRole, what the input had before aggregation). */
  rules: readonly PolicyRule[];
  /** ClusterRoles only: the aggregation rule, or null. */
  aggregationRule: { clusterRoleSelectors: readonly LabelSelector[] } | null;
  /** True for the cluster's default roles (bootstrap policy), false for the learner's or the lesson's. */
  builtIn: boolean;
  location: SourceLocation | null;
}

export type SubjectKind = 'User' | 'Group' | 'ServiceAccount';

/** A binding subject, with apiGroup defaulted as the API server does (User/Group: rbac.authorization.k8s.io). */
export interface Subject {
  kind: SubjectKind;
  name: string;
  /** As written ('' when absent). A ServiceAccount subject of a RoleBinding without one means the binding's. */
  namespace: string;
  apiGroup: string;
  location: SourceLocation | null;
}

/** A roleRef, apiGroup defaulted to rbac.authorization.k8s.io. */
export interface RoleRef {
  kind: 'Role' | 'ClusterRole';
  name: string;
  apiGroup: string;
  location: SourceLocation | null;
}

/** A RoleBinding (namespaced) or ClusterRoleBinding. */
export interface Binding {
  kind: 'RoleBinding' | 'ClusterRoleBinding';
  name: string;
  /** The RoleBinding's namespace; '' for a ClusterRoleBinding. */
  namespace: string;
  roleRef: RoleRef;
  subjects: readonly Subject[];
  builtIn: boolean;
  location: SourceLocation | null;
}

export interface ServiceAccount {
  name: string;
  namespace: string;
  location: SourceLocation | null;
}

/** A pod (or a workload's pod template) and the ServiceAccount it runs as. */
export interface PodIdentity {
  /** `namespace/name`. */
  id: string;
  /** Pod, Deployment, ... */
  source: string;
  name: string;
  namespace: string;
  /** spec.serviceAccountName (or the deprecated spec.serviceAccount), `default` when absent. */
  serviceAccountName: string;
  location: SourceLocation | null;
}

/** Everything the authorizer reads, sorted so that input order never matters. */
export interface RbacModel {
  /** ClusterRoles first, then Roles by namespace; each by name. */
  roles: readonly Role[];
  /** ClusterRoleBindings first, then RoleBindings by namespace; each by name. */
  bindings: readonly Binding[];
  serviceAccounts: readonly ServiceAccount[];
  pods: readonly PodIdentity[];
  /** Namespace names known to the input (declared, or named by an object). */
  namespaces: readonly string[];
}

/** The user a request is made as (user.Info): a name and its groups, as the authenticator (or impersonation) set them. */
export interface UserInfo {
  name: string;
  groups: readonly string[];
}

/** authorizer.Attributes, as the API server builds them for a request. */
export type Request =
  | {
      kind: 'resource';
      verb: string;
      /** As written: '' for cluster-wide (or all-namespaces) requests. */
      namespace: string;
      apiGroup: string;
      resource: string;
      subresource: string;
      name: string;
    }
  | { kind: 'nonResource'; verb: string; path: string };

/** A rule that granted a request: which binding, which role, which rule of that role (0-based). */
export interface Grant {
  binding: Binding;
  /** The subject entry of the binding that matched the user. */
  subjectIndex: number;
  role: Role;
  /** Index into the role's effective rules (for an aggregated ClusterRole, the aggregated list). */
  ruleIndex: number;
  rule: PolicyRule;
}

/** Why one rule did not match a request: the first field (in the authorizer's order) that failed. */
export type RuleMiss = 'verb' | 'apiGroup' | 'resource' | 'resourceName' | 'nonResourceURL' | 'kind';

/** A binding that reaches the user, and why it did not grant the request. */
export interface BindingMiss {
  binding: Binding;
  subjectIndex: number;
  /** The role it points at, or null when that role does not exist. */
  role: Role | null;
  /** Per effective rule of the role, the first field that did not match (and the rule, when known). */
  rules: readonly { ruleIndex: number; miss: RuleMiss; rule?: PolicyRule }[];
}

/** The authorizer's answer, with its reasons. */
export interface Decision {
  allowed: boolean;
  /** How: a rule reached through a binding, or the system:masters group (allowed before RBAC is asked). */
  by: 'rule' | 'privileged-group' | null;
  /** The first grant found, in the authorizer's visiting order (ClusterRoleBindings, then RoleBindings). */
  grant: Grant | null;
  /** When denied: every binding that reaches the user (in the namespace asked, or cluster-wide), and why not. */
  misses: readonly BindingMiss[];
  /** The reason string the API server puts in a SubjectAccessReview's status. */
  reason: string;
}
