// The RBAC topic's public surface: read roles and bindings, authorize requests with reasons, explain, check.
export type * from './model';
export { RBAC_GROUP } from './model';
export { rbacTopic, evaluateRbac } from './topic';
export { buildRbac, RBAC_KINDS, RoleKind, ClusterRoleKind, RoleBindingKind, ClusterRoleBindingKind, type BuildOptions } from './read';
export { authorize, indexRbac, rulesFor, whoCan, userFor, formatRulesTable, describeSubject, findRole, type RbacIndex, type WhoCanEntry } from './authorize';
export { DEFAULT_POLICY_VERSION, DEFAULT_POLICY_SOURCE } from './defaults';
export { resolveResource, API_RESOURCES } from './api-resources';
export { parseIdentity, podIdentity, type Identity } from './identities';
export { explainDecision, describeDecision, describeRequest, describeRule } from './explain';
export { accessCheck, rbacStructureCheck, accessCells, expectedAccess, cellRequest, type AccessCheck, type RbacResult, type ResourceRef } from './checks';
export { findRisks, risksForSubject, RISK_IDS, type Risk, type RiskId, type RiskGrant } from './risks';
