// JSON Schema for the kinds the lab reads, for monaco-yaml: validation, completion and hover docs.
// NetworkPolicy and the RBAC kinds (and ServiceAccount) are complete and strict (unknown fields are errors); other
// kinds describe what the lab uses; the Pod Security fields (securityContext, volumes, namespace labels) are in
// k8s-schema-pod-security.ts.

import { containerLists, podSecurityLabels, podSpecSecurityFields } from './k8s-schema-pod-security';

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

const kindIs = (kind: string, then: Schema): Schema => ({
  if: { properties: { kind: { const: kind } }, required: ['kind'] },
  then,
});

const podSpec: Schema = {
  type: 'object',
  properties: {
    ...containerLists(containerPort),
    ...podSpecSecurityFields,
    hostNetwork: { type: 'boolean', description: 'Run in the node\'s network namespace. Such a pod acts as its node: policies never isolate or select it. Forbidden at baseline.' },
    nodeName: { type: 'string' },
    serviceAccountName: {
      type: 'string',
      description: 'The ServiceAccount of the pod\'s namespace the pod runs as; absent: `default`. The pod\'s API token, and so its RBAC permissions, are that account\'s. It cannot be changed on an existing pod.',
    },
    serviceAccount: { type: 'string', description: 'Deprecated alias of serviceAccountName.' },
    automountServiceAccountToken: {
      type: 'boolean',
      description: 'false: no API token is mounted into the containers. Overrides the ServiceAccount\'s automountServiceAccountToken; pods that never call the API should carry no token.',
    },
  },
};

const podTemplate: Schema = {
  type: 'object',
  description: 'The pods the workload creates: their labels and spec (and so the ServiceAccount they run as).',
  properties: {
    metadata: { type: 'object', properties: { labels: labels('The pods\' labels: the workload\'s selector and policies select the pods by them.') } },
    spec: podSpec,
  },
};

const workloadSpec: Schema = {
  type: 'object',
  properties: {
    selector: labelSelector('Which pods belong to the workload; it must match template.metadata.labels.'),
    template: podTemplate,
  },
};

const workload = (kind: string, apiVersion: string, spec: Schema = workloadSpec): Schema =>
  kindIs(kind, { properties: { apiVersion: { const: apiVersion }, metadata: metadata(true), spec } });

// ---- RBAC (rbac.authorization.k8s.io/v1) -------------------------------------------------------------------------

const RBAC_GROUP = 'rbac.authorization.k8s.io';
const RBAC_API_VERSION = `${RBAC_GROUP}/v1`;

/** An array of strings whose items offer completions without forbidding other values (custom verbs, CRDs). */
const hinted = (description: string, hints: readonly string[]): Schema => ({
  type: 'array',
  description,
  items: { anyOf: [{ enum: hints }, { type: 'string' }] },
});

const VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'bind', 'escalate', 'impersonate', 'approve', 'use', '*'];
const API_GROUPS = ['', 'apps', 'batch', 'networking.k8s.io', 'policy', 'rbac.authorization.k8s.io', 'storage.k8s.io',
  'admissionregistration.k8s.io', 'authentication.k8s.io', 'authorization.k8s.io', 'certificates.k8s.io', 'coordination.k8s.io', '*'];
const RESOURCES = ['pods', 'pods/log', 'pods/exec', 'pods/attach', 'pods/portforward', 'secrets', 'configmaps', 'services',
  'endpoints', 'serviceaccounts', 'serviceaccounts/token', 'persistentvolumeclaims', 'persistentvolumes', 'namespaces', 'nodes',
  'nodes/proxy', 'events', 'deployments', 'deployments/scale', 'replicasets', 'statefulsets', 'daemonsets', 'jobs', 'cronjobs',
  'ingresses', 'networkpolicies', 'roles', 'rolebindings', 'clusterroles', 'clusterrolebindings', 'validatingwebhookconfigurations',
  'mutatingwebhookconfigurations', 'certificatesigningrequests', '*'];

const policyRule = (cluster: boolean): Schema => ({
  type: 'object',
  additionalProperties: false,
  required: ['verbs'],
  description: cluster
    ? 'One rule: verbs allowed on the resources of the API groups named, or on non-resource URLs. A request is allowed when any rule of any bound role matches it: rules only add permissions, nothing denies.'
    : 'One rule: verbs allowed on the resources of the API groups named, in the Role\'s namespace. A request is allowed when any rule of any bound role matches it: rules only add permissions, nothing denies.',
  properties: {
    verbs: {
      ...hinted('The verbs allowed: get, list, watch, create, update, patch, delete, deletecollection, and special ones such as bind, escalate, impersonate. `*` is every verb, including ones added later. list and watch return whole objects (a Secret\'s data too), not just names.', VERBS),
      minItems: 1,
    },
    apiGroups: hinted('The API groups of the resources. "" is the core group (pods, secrets, services, configmaps, serviceaccounts, nodes); apps holds deployments, batch holds jobs. `*` is every group. Required for resource rules.', API_GROUPS),
    resources: hinted('Resources by their plural, lower-case name. A subresource is written resource/subresource (pods/exec, pods/log, serviceaccounts/token) and is not included in the resource: `pods` does not allow exec. `*` is every resource, `*/scale` every scale subresource.', RESOURCES),
    resourceNames: {
      type: 'array',
      items: { type: 'string' },
      description: 'Object names the rule is limited to; absent: every object. It cannot limit create or deletecollection (there is no name to check), and it limits list and watch only to requests for one name (fieldSelector metadata.name).',
    },
    ...(cluster
      ? {
          nonResourceURLs: {
            type: 'array',
            items: { type: 'string' },
            description: 'Paths that are not resources, such as /healthz or /metrics (a trailing * matches a prefix). ClusterRoles only, and granted only by a ClusterRoleBinding. A rule has either these or apiGroups and resources.',
          },
        }
      : {}),
  },
});

const roleRef = (cluster: boolean): Schema => ({
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'name'],
  description: cluster
    ? 'The ClusterRole this binding grants, in every namespace and cluster-wide. It cannot be changed: delete and re-create the binding instead.'
    : 'The role this binding grants: a Role of the binding\'s namespace, or a ClusterRole whose rules are then granted only in this namespace. It cannot be changed: delete and re-create the binding instead.',
  properties: {
    apiGroup: { enum: [RBAC_GROUP], description: 'Always rbac.authorization.k8s.io (the default when left out).' },
    kind: cluster
      ? { enum: ['ClusterRole'], description: 'ClusterRole: a ClusterRoleBinding cannot name a Role.' }
      : { enum: ['Role', 'ClusterRole'], description: 'Role (of this namespace) or ClusterRole (granted here only, as a reusable set of rules).' },
    name: { type: 'string', description: 'The role\'s name. A role that does not exist is not an error: the binding grants nothing until it does.' },
  },
});

const subject = (cluster: boolean): Schema => ({
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'name'],
  description: 'Someone the role is granted to.',
  properties: {
    kind: {
      enum: ['User', 'Group', 'ServiceAccount'],
      description: 'User and Group are names the authenticator reports (a client certificate\'s CN and O, a token\'s claims); Kubernetes stores neither. ServiceAccount is an account of a namespace, what pods run as.',
    },
    name: {
      type: 'string',
      description: 'The user, group or ServiceAccount name. Groups include system:serviceaccounts:<namespace> (every ServiceAccount of a namespace), system:authenticated (every signed-in user) and system:unauthenticated (anonymous requests).',
    },
    namespace: cluster
      ? { type: 'string', description: 'ServiceAccount subjects only, and required in a ClusterRoleBinding: the account\'s namespace.' }
      : { type: 'string', description: 'ServiceAccount subjects only: the account\'s namespace; left out, the RoleBinding\'s own. An account of another namespace can be named: it gets the rights in this namespace.' },
    apiGroup: {
      enum: [RBAC_GROUP, ''],
      description: 'rbac.authorization.k8s.io for User and Group (filled in when empty or left out); "" or left out for ServiceAccount.',
    },
  },
  // A ServiceAccount is in the core group (and needs a namespace in a ClusterRoleBinding); User and Group accept both
  // values, as the API server defaults "" to rbac.authorization.k8s.io for them.
  allOf: [
    {
      if: { properties: { kind: { const: 'ServiceAccount' } }, required: ['kind'] },
      then: { properties: { apiGroup: { const: '' } }, ...(cluster ? { required: ['namespace'] } : {}) },
    },
  ],
});

const roleKind = (kind: 'Role' | 'ClusterRole'): Schema => {
  const cluster = kind === 'ClusterRole';
  return kindIs(kind, {
    additionalProperties: false,
    properties: {
      apiVersion: { const: RBAC_API_VERSION },
      kind: { const: kind },
      metadata: metadata(!cluster),
      rules: {
        type: 'array',
        items: policyRule(cluster),
        description: cluster
          ? 'What the ClusterRole allows. Bound by a ClusterRoleBinding: everywhere; by a RoleBinding: in that binding\'s namespace only.'
          : 'What the Role allows, in its own namespace only (never cluster-scoped resources such as nodes).',
      },
      ...(cluster
        ? {
            aggregationRule: {
              type: 'object',
              additionalProperties: false,
              required: ['clusterRoleSelectors'],
              description: 'Makes this an aggregated ClusterRole: the controller sets its rules to the union of the rules of every ClusterRole a selector matches, overwriting rules written here. admin, edit and view are built this way (labels such as rbac.authorization.k8s.io/aggregate-to-edit: "true").',
              properties: {
                clusterRoleSelectors: {
                  type: 'array',
                  minItems: 1,
                  description: 'Label selectors over ClusterRoles: a ClusterRole matching any of them adds its rules. At least one.',
                  items: labelSelector('Selects ClusterRoles by their labels.'),
                },
              },
            },
          }
        : {}),
    },
  });
};

const bindingKind = (kind: 'RoleBinding' | 'ClusterRoleBinding'): Schema => {
  const cluster = kind === 'ClusterRoleBinding';
  return kindIs(kind, {
    additionalProperties: false,
    required: ['roleRef'],
    properties: {
      apiVersion: { const: RBAC_API_VERSION },
      kind: { const: kind },
      metadata: metadata(!cluster),
      roleRef: roleRef(cluster),
      subjects: {
        type: 'array',
        items: subject(cluster),
        description: cluster
          ? 'Who gets the ClusterRole, in every namespace and cluster-wide. Absent or empty: nobody.'
          : 'Who gets the role, in this namespace only. Absent or empty: nobody.',
      },
    },
  });
};

const serviceAccountKind: Schema = kindIs('ServiceAccount', {
  additionalProperties: false,
  properties: {
    apiVersion: { const: 'v1' },
    kind: { const: 'ServiceAccount' },
    metadata: metadata(true),
    automountServiceAccountToken: {
      type: 'boolean',
      description: 'false: pods running as this account get no API token mounted, unless the pod sets its own automountServiceAccountToken (the pod\'s setting wins). Set it on accounts whose pods never call the API, such as default.',
    },
    secrets: {
      type: 'array',
      description: 'Legacy: Secrets the account\'s pods may use. Since v1.24 no token Secret is made for an account: pods get short-lived tokens, and `kubectl create token` makes one by hand. This list grants no permissions.',
      items: {
        type: 'object',
        additionalProperties: false,
        description: 'A reference to a Secret, usually by name alone.',
        properties: {
          name: { type: 'string', description: 'The name of a Secret in the account\'s namespace.' },
          namespace: { type: 'string' },
          kind: { type: 'string' },
          apiVersion: { type: 'string' },
          uid: { type: 'string' },
          resourceVersion: { type: 'string' },
          fieldPath: { type: 'string' },
        },
      },
    },
    imagePullSecrets: {
      type: 'array',
      description: 'Registry credentials (docker-registry Secrets) added to every pod of this account, to pull images from private registries.',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: { name: { type: 'string', description: 'The name of a Secret in the account\'s namespace.' } },
      },
    },
  },
});

/** The schema every document of the editor is validated against. */
export const K8S_SCHEMA: Schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['apiVersion', 'kind'],
  properties: {
    apiVersion: {
      type: 'string',
      description: 'networking.k8s.io/v1 for NetworkPolicy; v1 for Pod, Namespace and ServiceAccount; rbac.authorization.k8s.io/v1 for Role, ClusterRole, RoleBinding and ClusterRoleBinding; apps/v1 or batch/v1 for workloads; cks-lab/v1 for ExternalEndpoint.',
    },
    kind: {
      description: 'The kind of object.',
      anyOf: [
        {
          enum: ['NetworkPolicy', 'Pod', 'Namespace', 'ExternalEndpoint', 'Deployment', 'List', 'ServiceAccount', 'Role', 'ClusterRole', 'RoleBinding',
            'ClusterRoleBinding', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'],
        },
        { type: 'string' },
      ],
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
    kindIs('Namespace', {
      properties: {
        apiVersion: { const: 'v1' },
        metadata: {
          ...metadata(false),
          properties: {
            ...(metadata(false).properties as Schema),
            labels: { ...labels('Key/value labels. The pod-security.kubernetes.io labels choose the Pod Security level for the namespace\'s pods.'), properties: podSecurityLabels },
          },
        },
      },
    }),
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
    serviceAccountKind,
    roleKind('Role'),
    roleKind('ClusterRole'),
    bindingKind('RoleBinding'),
    bindingKind('ClusterRoleBinding'),
    workload('Deployment', 'apps/v1'),
    workload('ReplicaSet', 'apps/v1'),
    workload('StatefulSet', 'apps/v1'),
    workload('DaemonSet', 'apps/v1'),
    workload('Job', 'batch/v1', { type: 'object', properties: { template: podTemplate } }),
    workload('CronJob', 'batch/v1', {
      type: 'object',
      properties: {
        jobTemplate: {
          type: 'object',
          description: 'The Job each run creates.',
          properties: { spec: { type: 'object', properties: { template: podTemplate } } },
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
