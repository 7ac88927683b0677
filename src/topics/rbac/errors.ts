// The RBAC topic's diagnostic codes, beside the shared ones in src/kube/errors.ts.
export const RBAC_ERROR_CODES = {
  'invalid-rule': 'a Role or ClusterRole rule the API server rejects (no verbs, no apiGroups or resources, URLs in a Role)',
  'invalid-role-ref': 'a binding roleRef the API server rejects (kind, apiGroup or name)',
  'invalid-subject': 'a binding subject the API server rejects (kind, apiGroup, name, a ServiceAccount without namespace)',
  'invalid-aggregation': 'an aggregationRule without clusterRoleSelectors',
  'invalid-review': 'a SubjectAccessReview the API server rejects',
  'missing-role': 'a binding whose role does not exist (accepted, but it grants nothing)',
} as const;

export type RbacErrorCode = keyof typeof RBAC_ERROR_CODES;
