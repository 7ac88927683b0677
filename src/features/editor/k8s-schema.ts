// JSON Schema for the kinds the lab reads, for monaco-yaml: validation, completion and hover docs.
// NetworkPolicy is complete and strict (unknown fields are errors); other kinds describe what the lab uses.

type Schema = Record<string, unknown>;

const labels = (description: string): Schema => ({
  type: 'object',
  description,
  additionalProperties: { type: 'string', description: 'A label value: a string of at most 63 characters. Quote values such as "yes", "1" or "true".' },
});

const labelSelector = (description: string): Schema => ({
  type: ['object', 'null'],
  description,
  additionalProperties: false,
  properties: {
    matchLabels: labels('Labels a resource must all carry (AND). `{}` or absent: no condition.'),
    matchExpressions: {
      type: 'array',
      description: 'Conditions that must all hold (AND), each on one label key.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['key', 'operator'],
        properties: {
          key: { type: 'string', description: 'The label key the condition is about.' },
          operator: {
            enum: ['In', 'NotIn', 'Exists', 'DoesNotExist'],
            description: 'In: the label is one of values. NotIn: the label is missing or not one of values. Exists / DoesNotExist: the key is present / absent (no values).',
          },
          values: { type: 'array', items: { type: 'string' }, description: 'Required and non-empty for In and NotIn; must be empty for Exists and DoesNotExist.' },
        },
      },
    },
  },
});

const metadata = (namespaced: boolean): Schema => ({
  type: 'object',
  description: 'Standard object metadata.',
  required: ['name'],
  properties: {
    name: { type: 'string', description: 'The object name, unique per kind within its namespace.' },
    ...(namespaced ? { namespace: { type: 'string', description: 'The namespace the object lives in. Defaults to `default`.' } } : {}),
    labels: labels('Key/value labels that selectors match.'),
  },
});

const protocol = { enum: ['TCP', 'UDP', 'SCTP'], description: 'TCP, UDP or SCTP (upper case). Defaults to TCP.' };

const peer: Schema = {
  type: 'object',
  additionalProperties: false,
  description: 'One peer. podSelector alone: matching pods of the policy\'s namespace. namespaceSelector alone: every pod of matching namespaces. Both in one entry: pods matching podSelector in namespaces matching namespaceSelector (AND). ipBlock: addresses, and cannot be combined with the selectors.',
  properties: {
    podSelector: labelSelector('Selects pods by label. Alone, it looks only at the policy\'s own namespace; `{}` means every pod there.'),
    namespaceSelector: labelSelector('Selects namespaces by label; every namespace carries kubernetes.io/metadata.name=<its name>. `{}` means every namespace.'),
    ipBlock: {
      type: 'object',
      additionalProperties: false,
      required: ['cidr'],
      description: 'A range of IP addresses (IPv4 or IPv6).',
      properties: {
        cidr: { type: 'string', description: 'An address range such as 10.0.0.0/16 or 192.168.1.1/32.' },
        except: { type: 'array', items: { type: 'string' }, description: 'Ranges inside cidr to leave out; each must be a strict subset of cidr.' },
      },
    },
  },
};

const port: Schema = {
  type: 'object',
  additionalProperties: false,
  description: 'A port (or range) and protocol. No port: every port of the protocol.',
  properties: {
    protocol,
    port: {
      type: ['integer', 'string'],
      description: 'A port number (1-65535) or a named container port of the destination pod. Absent: every port.',
    },
    endPort: { type: 'integer', description: 'With a numeric port: the last port of an inclusive range port..endPort.' },
  },
};

const rule = (peersKey: 'from' | 'to', description: string): Schema => ({
  type: ['object', 'null'],
  additionalProperties: false,
  description,
  properties: {
    [peersKey]: {
      type: 'array',
      items: peer,
      description: peersKey === 'from'
        ? 'Sources this rule admits (any one matching is enough). Absent or empty: every source, inside or outside the cluster.'
        : 'Destinations this rule admits (any one matching is enough). Absent or empty: every destination.',
    },
    ports: { type: 'array', items: port, description: 'Ports this rule admits (any one). Absent or empty: every port and protocol.' },
  },
});

const networkPolicySpec: Schema = {
  type: 'object',
  additionalProperties: false,
  description: 'What the policy selects and which traffic it allows.',
  properties: {
    podSelector: labelSelector('The pods of this namespace the policy applies to. `{}` selects every pod in the namespace.'),
    policyTypes: {
      type: 'array',
      items: { enum: ['Ingress', 'Egress'] },
      description: 'The directions this policy isolates. Absent: Ingress, plus Egress if the policy has egress rules. Rules of a direction not listed are ignored.',
    },
    ingress: {
      type: 'array',
      items: rule('from', 'An ingress rule: traffic from a matching source to a matching port is allowed.'),
      description: 'Allowed incoming traffic. Absent or empty with Ingress in policyTypes: nothing may come in.',
    },
    egress: {
      type: 'array',
      items: rule('to', 'An egress rule: traffic to a matching destination and port is allowed.'),
      description: 'Allowed outgoing traffic. Absent or empty with Egress in policyTypes: nothing may go out.',
    },
  },
};

const containerPort: Schema = {
  type: 'object',
  required: ['containerPort'],
  properties: {
    name: { type: 'string', description: 'A port name (at most 15 characters) that policies can refer to.' },
    containerPort: { type: 'integer', description: 'The port number the container listens on (1-65535).' },
    protocol,
  },
};

const podSpec: Schema = {
  type: 'object',
  properties: {
    containers: {
      type: 'array',
      items: { type: 'object', properties: { name: { type: 'string' }, image: { type: 'string' }, ports: { type: 'array', items: containerPort } } },
    },
    hostNetwork: { type: 'boolean', description: 'Run in the node\'s network namespace. Such a pod acts as its node: policies never isolate or select it.' },
    nodeName: { type: 'string' },
  },
};

const kindIs = (kind: string, then: Schema): Schema => ({
  if: { properties: { kind: { const: kind } }, required: ['kind'] },
  then,
});

/** The schema every document of the editor is validated against. */
export const K8S_SCHEMA: Schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['apiVersion', 'kind'],
  properties: {
    apiVersion: { type: 'string', description: 'networking.k8s.io/v1 for NetworkPolicy, v1 for Pod and Namespace, cks-lab/v1 for ExternalEndpoint.' },
    kind: {
      description: 'The kind of object.',
      anyOf: [{ enum: ['NetworkPolicy', 'Pod', 'Namespace', 'ExternalEndpoint', 'Deployment', 'List'] }, { type: 'string' }],
    },
  },
  allOf: [
    kindIs('NetworkPolicy', {
      properties: { apiVersion: { const: 'networking.k8s.io/v1' }, metadata: metadata(true), spec: networkPolicySpec },
    }),
    kindIs('Pod', {
      properties: {
        apiVersion: { const: 'v1' },
        metadata: metadata(true),
        spec: podSpec,
        status: {
          type: 'object',
          properties: {
            podIP: { type: 'string', description: 'The pod\'s IP address; ipBlock peers match it.' },
            podIPs: { type: 'array', items: { type: 'object', properties: { ip: { type: 'string' } } } },
          },
        },
      },
    }),
    kindIs('Namespace', { properties: { apiVersion: { const: 'v1' }, metadata: metadata(false) } }),
    kindIs('ExternalEndpoint', {
      properties: {
        apiVersion: { const: 'cks-lab/v1' },
        metadata: metadata(false),
        spec: {
          type: 'object',
          additionalProperties: false,
          required: ['ip'],
          description: 'Something outside the cluster (cks-lab only): the internet, a database VM.',
          properties: {
            ip: { type: 'string', description: 'Its IPv4 or IPv6 address; ipBlock peers match it.' },
            ports: {
              type: 'array',
              items: { type: 'object', additionalProperties: false, required: ['port'], properties: { port: { type: 'integer' }, protocol } },
            },
          },
        },
      },
    }),
  ],
};

/** The schema with its descriptions (the hover docs) in the given language. */
export function k8sSchema(lang: 'en' | 'ja', translations: Readonly<Record<string, string>>): Schema {
  const translate = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(translate);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === 'description' && typeof v === 'string' && lang !== 'en' ? (translations[v] ?? v) : translate(v)]),
    );
  };
  return translate(K8S_SCHEMA) as Schema;
}
