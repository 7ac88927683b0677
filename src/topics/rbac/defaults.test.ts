// The default RBAC policy transcribed from upstream's bootstrap policy: what view, edit, admin and cluster-admin
// grant, the labels aggregation selects on, and the default bindings.
import { describe, expect, it } from 'vitest';
import { selectorMatches } from '../../kube/index';
import { DEFAULT_POLICY_SOURCE, DEFAULT_POLICY_VERSION, defaultBindings, defaultRoles } from './defaults';
import type { PolicyRule, Role } from './model';

const roles = defaultRoles();
const bindings = defaultBindings();

function role(name: string): Role {
  const found = roles.find((r) => r.name === name);
  if (!found) throw new Error(`no default role ${name}`);
  return found;
}

/**
 * The rules an aggregated ClusterRole ends up with once the aggregation controller has settled: those of every
 * role its selectors match, themselves aggregated (edit's rules reach admin because edit carries aggregate-to-admin).
 */
function effectiveRules(target: Role, seen: ReadonlySet<string> = new Set()): readonly PolicyRule[] {
  if (target.aggregationRule === null) return target.rules;
  const selectors = target.aggregationRule.clusterRoleSelectors;
  const next = new Set([...seen, target.name]);
  const sources = roles.filter((r) => !next.has(r.name) && selectors.some((s) => selectorMatches(s, r.labels)));
  return sources.flatMap((r) => effectiveRules(r, next));
}

const has = (list: readonly string[], value: string): boolean => list.includes(value) || list.includes('*');

/** A plain RBAC rule match (no resourceNames): verb, group, resource (with `resource/subresource`). */
function allows(name: string, verb: string, group: string, resource: string): boolean {
  return effectiveRules(role(name)).some(
    (rule) => rule.resources.length > 0 && has(rule.verbs, verb) && has(rule.apiGroups, group) && has(rule.resources, resource),
  );
}

function allowsURL(name: string, verb: string, path: string): boolean {
  return effectiveRules(role(name)).some(
    (rule) =>
      has(rule.verbs, verb) &&
      rule.nonResourceURLs.some((url) => url === path || url === '*' || (url.endsWith('*') && path.startsWith(url.slice(0, -1)))),
  );
}

describe('pinned version', () => {
  it('names the version and the upstream file and commit', () => {
    expect(DEFAULT_POLICY_VERSION).toBe('v1.36');
    expect(DEFAULT_POLICY_SOURCE).toContain('plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go');
    expect(DEFAULT_POLICY_SOURCE).toMatch(/\b[0-9a-f]{40}\b/);
  });
});

describe('default roles', () => {
  it('has unique names, all built-in ClusterRoles labelled rbac-defaults, without source locations', () => {
    expect(new Set(roles.map((r) => r.name)).size).toBe(roles.length);
    for (const r of roles) {
      expect(r.kind).toBe('ClusterRole');
      expect(r.namespace).toBe('');
      expect(r.builtIn).toBe(true);
      expect(r.location).toBeNull();
      expect(r.labels['kubernetes.io/bootstrapping']).toBe('rbac-defaults');
      for (const rule of r.rules) expect(rule.location).toBeNull();
    }
  });

  it('includes the user-facing roles and the three aggregate-to roles', () => {
    const names = roles.map((r) => r.name);
    for (const name of ['cluster-admin', 'admin', 'edit', 'view', 'system:aggregate-to-admin', 'system:aggregate-to-edit',
      'system:aggregate-to-view', 'system:basic-user', 'system:discovery', 'system:public-info-viewer', 'system:monitoring']) {
      expect(names).toContain(name);
    }
  });

  it('sorts every list of every rule, as RuleOrDie does', () => {
    for (const r of roles) {
      for (const rule of r.rules) {
        for (const list of [rule.verbs, rule.apiGroups, rule.resources, rule.resourceNames, rule.nonResourceURLs]) {
          expect([...list]).toEqual([...list].sort());
        }
        // a rule is either about resources or about non-resource URLs
        expect(rule.resources.length > 0).not.toBe(rule.nonResourceURLs.length > 0);
      }
    }
  });

  it('returns fresh arrays of frozen data', () => {
    const a = defaultRoles();
    a.pop();
    expect(defaultRoles()).toHaveLength(roles.length);
    expect(Object.isFrozen(role('view'))).toBe(true);
    expect(Object.isFrozen(role('view').labels)).toBe(true);
    expect(Object.isFrozen(role('system:aggregate-to-view').rules[0]?.verbs)).toBe(true);
  });
});

describe('cluster-admin', () => {
  it("has '*' on '*' in '*' and '*' on every non-resource URL", () => {
    const rules = role('cluster-admin').rules;
    expect(rules).toHaveLength(2);
    expect(rules[0]).toMatchObject({ verbs: ['*'], apiGroups: ['*'], resources: ['*'], nonResourceURLs: [] });
    expect(rules[1]).toMatchObject({ verbs: ['*'], apiGroups: [], resources: [], nonResourceURLs: ['*'] });
    expect(allows('cluster-admin', 'escalate', 'rbac.authorization.k8s.io', 'clusterroles')).toBe(true);
    expect(allowsURL('cluster-admin', 'post', '/anything')).toBe(true);
  });
});

describe('aggregation labels', () => {
  it('admin, edit and view select aggregate-to-admin, -edit, -view and have no rules of their own', () => {
    const selector = (name: string): unknown => role(name).aggregationRule?.clusterRoleSelectors;
    expect(selector('admin')).toEqual([{ matchLabels: { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' }, matchExpressions: [] }]);
    expect(selector('edit')).toEqual([{ matchLabels: { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' }, matchExpressions: [] }]);
    expect(selector('view')).toEqual([{ matchLabels: { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' }, matchExpressions: [] }]);
    for (const name of ['admin', 'edit', 'view']) expect(role(name).rules).toEqual([]);
  });

  it('edit carries aggregate-to-admin and view carries aggregate-to-edit, as upstream labels them', () => {
    expect(role('edit').labels).toEqual({
      'kubernetes.io/bootstrapping': 'rbac-defaults',
      'rbac.authorization.k8s.io/aggregate-to-admin': 'true',
    });
    expect(role('view').labels).toEqual({
      'kubernetes.io/bootstrapping': 'rbac-defaults',
      'rbac.authorization.k8s.io/aggregate-to-edit': 'true',
    });
    expect(role('admin').labels).toEqual({ 'kubernetes.io/bootstrapping': 'rbac-defaults' });
  });

  it('each aggregate-to role carries the label its aggregated role selects', () => {
    for (const [target, source] of [['admin', 'system:aggregate-to-admin'], ['edit', 'system:aggregate-to-edit'], ['view', 'system:aggregate-to-view']] as const) {
      const selectors = role(target).aggregationRule?.clusterRoleSelectors ?? [];
      expect(selectors.some((s) => selectorMatches(s, role(source).labels))).toBe(true);
    }
  });

  it('only the expected roles are selected by each aggregated role', () => {
    const selectedBy = (target: string): string[] => {
      const selectors = role(target).aggregationRule?.clusterRoleSelectors ?? [];
      return roles.filter((r) => r.name !== target && selectors.some((s) => selectorMatches(s, r.labels))).map((r) => r.name).sort();
    };
    expect(selectedBy('admin')).toEqual(['edit', 'system:aggregate-to-admin']);
    expect(selectedBy('edit')).toEqual(['system:aggregate-to-edit', 'view']);
    expect(selectedBy('view')).toEqual(['system:aggregate-to-view']);
  });
});

describe('view', () => {
  it('reads workloads, services, configmaps, pod logs and events in both groups', () => {
    for (const [group, resource] of [
      ['', 'pods'], ['', 'pods/log'], ['', 'services'], ['', 'configmaps'], ['', 'events'], ['events.k8s.io', 'events'],
      ['apps', 'deployments'], ['apps', 'statefulsets/scale'], ['batch', 'cronjobs'], ['networking.k8s.io', 'networkpolicies'],
      ['discovery.k8s.io', 'endpointslices'], ['resource.k8s.io', 'resourceclaims'], ['', 'namespaces'],
    ] as const) {
      for (const verb of ['get', 'list', 'watch']) expect(allows('view', verb, group, resource)).toBe(true);
    }
  });

  it('has no access to secrets, exec, attach, port-forward or proxy, and writes nothing', () => {
    for (const verb of ['get', 'list', 'watch', 'create']) {
      expect(allows('view', verb, '', 'secrets')).toBe(false);
      expect(allows('view', verb, '', 'pods/exec')).toBe(false);
      expect(allows('view', verb, '', 'pods/attach')).toBe(false);
      expect(allows('view', verb, '', 'pods/portforward')).toBe(false);
      expect(allows('view', verb, '', 'services/proxy')).toBe(false);
    }
    const verbs = new Set(effectiveRules(role('view')).flatMap((rule) => rule.verbs));
    expect([...verbs].sort()).toEqual(['get', 'list', 'watch']);
  });

  it('does not read roles or rolebindings', () => {
    expect(allows('view', 'get', 'rbac.authorization.k8s.io', 'roles')).toBe(false);
    expect(allows('view', 'list', 'rbac.authorization.k8s.io', 'rolebindings')).toBe(false);
  });
});

describe('edit', () => {
  it('reads and writes secrets, creates pods/exec, impersonates service accounts and requests their tokens', () => {
    for (const verb of ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection']) {
      expect(allows('edit', verb, '', 'secrets')).toBe(true);
    }
    expect(allows('edit', 'create', '', 'pods/exec')).toBe(true);
    expect(allows('edit', 'get', '', 'pods/exec')).toBe(true);
    expect(allows('edit', 'create', '', 'pods/eviction')).toBe(true);
    expect(allows('edit', 'impersonate', '', 'serviceaccounts')).toBe(true);
    expect(allows('edit', 'create', '', 'serviceaccounts/token')).toBe(true);
    expect(allows('edit', 'create', 'coordination.k8s.io', 'leases')).toBe(true);
  });

  it('inherits everything view grants, through view carrying aggregate-to-edit', () => {
    expect(allows('edit', 'get', '', 'pods/log')).toBe(true);
    expect(allows('edit', 'list', 'apps', 'controllerrevisions')).toBe(true);
  });

  it('writes workloads but not endpoints, quotas, limit ranges, namespaces or RBAC', () => {
    expect(allows('edit', 'create', 'apps', 'deployments')).toBe(true);
    expect(allows('edit', 'patch', 'apps', 'deployments/scale')).toBe(true);
    expect(allows('edit', 'update', '', 'endpoints')).toBe(false);
    expect(allows('edit', 'create', '', 'resourcequotas')).toBe(false);
    expect(allows('edit', 'create', '', 'limitranges')).toBe(false);
    expect(allows('edit', 'delete', '', 'namespaces')).toBe(false);
    expect(allows('edit', 'create', 'rbac.authorization.k8s.io', 'roles')).toBe(false);
    expect(allows('edit', 'update', '', 'pods/status')).toBe(false);
  });
});

describe('admin', () => {
  it('manages roles and rolebindings and creates localsubjectaccessreviews, on top of edit', () => {
    for (const verb of ['get', 'create', 'update', 'delete']) {
      expect(allows('admin', verb, 'rbac.authorization.k8s.io', 'roles')).toBe(true);
      expect(allows('admin', verb, 'rbac.authorization.k8s.io', 'rolebindings')).toBe(true);
    }
    expect(allows('admin', 'create', 'authorization.k8s.io', 'localsubjectaccessreviews')).toBe(true);
    expect(allows('admin', 'create', '', 'secrets')).toBe(true);
    expect(allows('admin', 'create', '', 'pods/exec')).toBe(true);
    expect(allows('admin', 'get', '', 'pods/log')).toBe(true);
  });

  it('has no cluster-scoped RBAC and no escalate or bind', () => {
    expect(allows('admin', 'create', 'rbac.authorization.k8s.io', 'clusterroles')).toBe(false);
    expect(allows('admin', 'escalate', 'rbac.authorization.k8s.io', 'roles')).toBe(false);
    expect(allows('admin', 'bind', 'rbac.authorization.k8s.io', 'roles')).toBe(false);
  });
});

describe('system roles', () => {
  it('system:basic-user creates the self reviews', () => {
    expect(allows('system:basic-user', 'create', 'authorization.k8s.io', 'selfsubjectaccessreviews')).toBe(true);
    expect(allows('system:basic-user', 'create', 'authorization.k8s.io', 'selfsubjectrulesreviews')).toBe(true);
    expect(allows('system:basic-user', 'create', 'authentication.k8s.io', 'selfsubjectreviews')).toBe(true);
    expect(allows('system:basic-user', 'create', 'authorization.k8s.io', 'subjectaccessreviews')).toBe(false);
  });

  it('system:discovery gets the discovery and health URLs; system:public-info-viewer only health and version', () => {
    expect(role('system:discovery').rules[0]?.nonResourceURLs).toEqual([
      '/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/',
    ]);
    expect(role('system:public-info-viewer').rules[0]?.nonResourceURLs).toEqual(['/healthz', '/livez', '/readyz', '/version', '/version/']);
    expect(allowsURL('system:public-info-viewer', 'get', '/apis/apps/v1')).toBe(false);
    expect(allowsURL('system:discovery', 'get', '/apis/apps/v1')).toBe(true);
  });

  it('system:monitoring reads metrics and individual health checks (no /flagz or /statusz with their gates off)', () => {
    expect(allowsURL('system:monitoring', 'get', '/metrics')).toBe(true);
    expect(allowsURL('system:monitoring', 'get', '/readyz/etcd')).toBe(true);
    expect(allowsURL('system:monitoring', 'get', '/flagz')).toBe(false);
    expect(allows('system:monitoring', 'get', '', 'nodes/metrics')).toBe(true);
  });
});

describe('default bindings', () => {
  it('are unique, built in, and bind ClusterRoles that exist among the defaults', () => {
    expect(new Set(bindings.map((b) => b.name)).size).toBe(bindings.length);
    const names = new Set(roles.map((r) => r.name));
    for (const b of bindings) {
      expect(b.kind).toBe('ClusterRoleBinding');
      expect(b.builtIn).toBe(true);
      expect(b.location).toBeNull();
      expect(b.roleRef).toMatchObject({ kind: 'ClusterRole', apiGroup: 'rbac.authorization.k8s.io' });
      expect(names.has(b.roleRef.name)).toBe(true);
    }
  });

  it('bind the groups upstream binds', () => {
    const subjects = (name: string): string[] =>
      (bindings.find((b) => b.name === name)?.subjects ?? []).map((s) => `${s.kind}:${s.namespace ? `${s.namespace}/` : ''}${s.name}`);
    expect(subjects('cluster-admin')).toEqual(['Group:system:masters']);
    expect(subjects('system:monitoring')).toEqual(['Group:system:monitoring']);
    expect(subjects('system:discovery')).toEqual(['Group:system:authenticated']);
    expect(subjects('system:basic-user')).toEqual(['Group:system:authenticated']);
    expect(subjects('system:public-info-viewer')).toEqual(['Group:system:authenticated', 'Group:system:unauthenticated']);
    expect(subjects('system:service-account-issuer-discovery')).toEqual(['Group:system:serviceaccounts']);
    expect(subjects('system:kube-dns')).toEqual(['ServiceAccount:kube-system/kube-dns']);
    expect(subjects('system:volume-scheduler')).toEqual(['User:system:kube-scheduler']);
  });

  it('give User and Group subjects the RBAC apiGroup and ServiceAccount subjects none', () => {
    for (const s of bindings.flatMap((b) => b.subjects)) {
      expect(s.apiGroup).toBe(s.kind === 'ServiceAccount' ? '' : 'rbac.authorization.k8s.io');
    }
  });

  it('bind nothing to admin, edit or view: those are for the cluster admin to bind', () => {
    expect(bindings.filter((b) => ['admin', 'edit', 'view'].includes(b.roleRef.name))).toEqual([]);
  });
});
