// Builders of RBAC model objects for tests: rules, roles, subjects and bindings as the reader would make them.
import { RBAC_GROUP } from './model';
import type { Binding, PolicyRule, RbacModel, Role, Subject, SubjectKind } from './model';

export function rule(p: Partial<PolicyRule>): PolicyRule {
  return { verbs: [], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [], location: null, ...p };
}
export function clusterRole(name: string, rules: PolicyRule[], extra: Partial<Role> = {}): Role {
  return { kind: 'ClusterRole', name, namespace: '', labels: {}, rules, aggregationRule: null, builtIn: false, location: null, ...extra };
}
export function role(namespace: string, name: string, rules: PolicyRule[]): Role {
  return { kind: 'Role', name, namespace, labels: {}, rules, aggregationRule: null, builtIn: false, location: null };
}
export function subject(kind: SubjectKind, name: string, namespace = ''): Subject {
  return { kind, name, namespace, apiGroup: kind === 'ServiceAccount' ? '' : RBAC_GROUP, location: null };
}
export function crb(name: string, roleName: string, subjects: Subject[]): Binding {
  return { kind: 'ClusterRoleBinding', name, namespace: '', roleRef: { kind: 'ClusterRole', name: roleName, apiGroup: RBAC_GROUP, location: null }, subjects, builtIn: false, location: null };
}
export function rb(namespace: string, name: string, roleKind: 'Role' | 'ClusterRole', roleName: string, subjects: Subject[]): Binding {
  return { kind: 'RoleBinding', name, namespace, roleRef: { kind: roleKind, name: roleName, apiGroup: RBAC_GROUP, location: null }, subjects, builtIn: false, location: null };
}
export function model(roles: readonly Role[], bindings: readonly Binding[] = []): RbacModel {
  return { roles, bindings, serviceAccounts: [], pods: [], namespaces: [] };
}
