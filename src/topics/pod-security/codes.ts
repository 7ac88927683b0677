// The Pod Security topic's diagnostic codes, beside the shared ones in src/kube/errors.ts.
export const POD_SECURITY_CODES = {
  'invalid-value': 'a value the API server would reject (an unsupported enum value, an ID out of range, two volume sources)',
} as const;

export type PodSecurityCode = keyof typeof POD_SECURITY_CODES;
