// Tests of the RBAC authorizer against the upstream rules: a truth table per matching helper, visiting order and
// reason strings, namespace scoping, missing roles, impersonation groups, can-i --list output, who-can, and property
// tests against a small reference written straight from the rules.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { LabelSelector } from '../../kube/index';
import {
  apiGroupMatches,
  appliesTo,
  appliesToUser,
  authorize,
  describeBinding,
  describeSubject,
  findRole,
  firstMiss,
  formatErrorAggregate,
  formatRulesTable,
  goQuote,
  indexRbac,
  matchesServiceAccountUsername,
  nonResourceURLMatches,
  reachingBindings,
  resourceMatches,
  resourceNameMatches,
  ruleAllows,
  rulesFor,
  splitServiceAccountUsername,
  tabwrite,
  userFor,
  verbMatches,
  whoCan,
  type RbacIndex,
} from './authorize';
import { RBAC_GROUP } from './model';
import type { Binding, PolicyRule, RbacModel, Request, Role, RuleMiss, Subject, UserInfo } from './model';
import { clusterRole, crb, model, rb, role, rule, subject } from './test-builders';

// ---- builders ----------------------------------------------------------------------------------------------------

function res(verb: string, namespace: string, resource: string, p: Partial<Extract<Request, { kind: 'resource' }>> = {}): Request {
  return { kind: 'resource', verb, namespace, apiGroup: '', resource, subresource: '', name: '', ...p };
}
function url(verb: string, path: string): Request {
  return { kind: 'nonResource', verb, path };
}
const alice: UserInfo = { name: 'alice', groups: ['system:authenticated'] };

const podReader = rule({ verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['pods'] });

// ---- truth tables ------------------------------------------------------------------------------------------------

describe('VerbMatches', () => {
  it.each([
    [['get'], 'get', true],
    [['get'], 'list', false],
    [['*'], 'list', true],
    [['list', '*'], 'delete', true],
    [['get', 'list'], 'list', true],
    [[], 'get', false],
    [['GET'], 'get', false],
    [['get'], '*', false],
  ])('%j vs %s -> %s', (verbs, verb, want) => {
    expect(verbMatches({ verbs }, verb)).toBe(want);
  });
});

describe('APIGroupMatches', () => {
  it.each([
    [[''], '', true],
    [[''], 'apps', false],
    [['apps'], 'apps', true],
    [['apps'], '', false],
    [['*'], '', true],
    [['*'], 'batch', true],
    [['batch', 'apps'], 'apps', true],
    [[], '', false],
  ])('%j vs %j -> %s', (apiGroups, group, want) => {
    expect(apiGroupMatches({ apiGroups }, group)).toBe(want);
  });
});

describe('ResourceMatches', () => {
  it.each([
    // [rule resources, request resource, request subresource, want]
    [['*'], 'pods', '', true],
    [['*'], 'pods', 'log', true],
    [['pods'], 'pods', '', true],
    [['pods'], 'pods', 'log', false],
    [['pods/log'], 'pods', 'log', true],
    [['pods/log'], 'pods', '', false],
    [['pods/log'], 'pods', 'status', false],
    [['*/log'], 'pods', 'log', true],
    [['*/log'], 'deployments', 'log', true],
    [['*/log'], 'pods', '', false],
    [['*/log'], 'pods', 'status', false],
    [['*/*'], 'pods', 'log', false], // not a wildcard over subresources: only the subresource named "*"
    [['*/*'], 'pods', '*', true],
    [['pods/*'], 'pods', 'log', false],
    [['*/'], 'pods', '', false],
    [['*/'], 'pods', 'log', false],
    [['*/og'], 'pods', 'log', false],
    [['x*/log'], 'pods', 'log', false],
    [['*log'], 'pods', 'log', false],
    [['*/log', 'pods'], 'pods', '', true],
    [['deployments', 'pods'], 'pods', '', true],
    [[], 'pods', '', false],
  ])('%j vs %s/%s -> %s', (resources, resource, sub, want) => {
    const combined = sub ? `${resource}/${sub}` : resource;
    expect(resourceMatches({ resources }, combined, sub)).toBe(want);
  });
});

describe('ResourceNameMatches', () => {
  it.each([
    [[], '', true], // no names: every name, and requests without one (list, create)
    [[], 'web', true],
    [['web'], 'web', true],
    [['web'], 'api', false],
    [['web'], '', false], // a list (no name) is not granted by a named rule
    [['api', 'web'], 'web', true],
    [[''], '', true],
  ])('%j vs %j -> %s', (resourceNames, name, want) => {
    expect(resourceNameMatches({ resourceNames }, name)).toBe(want);
  });
});

describe('NonResourceURLMatches', () => {
  it.each([
    [['*'], '/anything', true],
    [['*'], '', true],
    [['/api'], '/api', true],
    [['/api'], '/api/', false],
    [['/api'], '/api/v1', false],
    [['/api/*'], '/api/v1', true],
    [['/api/*'], '/api/', true],
    [['/api/*'], '/api', false],
    [['/api*'], '/api', true],
    [['/api*'], '/apis/apps', true],
    [['/api**'], '/apix', true], // every trailing star is trimmed
    [['/api/*/x'], '/api/v1/x', false], // only a trailing star is a wildcard
    [['/api/*/x'], '/api/*/x', true],
    [['/healthz'], '/healthz/ready', false],
    [['/*'], '/api', true],
    [['/'], '/api', false],
    [['**'], '/x', true],
    [['/healthz', '/api/*'], '/api/v1', true],
    [[], '/api', false],
  ])('%j vs %s -> %s', (nonResourceURLs, path, want) => {
    expect(nonResourceURLMatches({ nonResourceURLs }, path)).toBe(want);
  });
});

describe('RuleAllows and the first miss', () => {
  const cases: [PolicyRule, Request, RuleMiss | null][] = [
    [podReader, res('get', 'ns1', 'pods'), null],
    [podReader, res('delete', 'ns1', 'pods'), 'verb'],
    [podReader, res('get', 'ns1', 'pods', { apiGroup: 'apps' }), 'apiGroup'],
    [podReader, res('get', 'ns1', 'secrets'), 'resource'],
    [podReader, res('get', 'ns1', 'pods', { subresource: 'log' }), 'resource'],
    [rule({ ...podReader, resourceNames: ['web'] }), res('get', 'ns1', 'pods', { name: 'api' }), 'resourceName'],
    [rule({ ...podReader, resourceNames: ['web'] }), res('list', 'ns1', 'pods'), 'resourceName'],
    [rule({ ...podReader, resourceNames: ['web'] }), res('get', 'ns1', 'pods', { name: 'web' }), null],
    [rule({ verbs: ['get'], apiGroups: [''], resources: ['*/log'] }), res('get', 'ns1', 'pods', { subresource: 'log' }), null],
    // Verb before group before resource: every field wrong reports the verb.
    [podReader, res('delete', 'ns1', 'secrets', { apiGroup: 'apps' }), 'verb'],
    [rule({ verbs: ['get'], nonResourceURLs: ['/healthz'] }), url('get', '/healthz'), null],
    [rule({ verbs: ['get'], nonResourceURLs: ['/healthz'] }), url('post', '/healthz'), 'verb'],
    [rule({ verbs: ['get'], nonResourceURLs: ['/healthz'] }), url('get', '/livez'), 'nonResourceURL'],
    [rule({ verbs: ['get'], nonResourceURLs: ['/healthz'] }), res('get', 'ns1', 'pods'), 'kind'],
    [podReader, url('get', '/healthz'), 'kind'],
    [rule({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }), url('get', '/healthz'), 'kind'],
    // A rule with neither resources nor URLs misses on the ordinary fields.
    [rule({ verbs: ['get'] }), url('get', '/healthz'), 'nonResourceURL'],
    [rule({ verbs: ['get'], apiGroups: [''] }), res('get', '', 'pods'), 'resource'],
  ];
  it.each(cases)('%j with %j -> %s', (r, request, miss) => {
    expect(firstMiss(request, r)).toBe(miss);
    expect(ruleAllows(request, r)).toBe(miss === null);
  });
});

describe('subjects', () => {
  const sa = 'system:serviceaccount:ns1:builder';
  it.each([
    [subject('User', 'alice'), { name: 'alice', groups: [] }, 'ns1', true],
    [subject('User', 'alice'), { name: 'Alice', groups: [] }, 'ns1', false],
    [subject('User', 'devs'), { name: 'alice', groups: ['devs'] }, 'ns1', false],
    [subject('Group', 'devs'), { name: 'alice', groups: ['devs'] }, '', true],
    [subject('Group', 'alice'), { name: 'alice', groups: [] }, '', false],
    [subject('ServiceAccount', 'builder'), { name: sa, groups: [] }, 'ns1', true], // RoleBinding: its namespace
    [subject('ServiceAccount', 'builder'), { name: sa, groups: [] }, '', false], // ClusterRoleBinding: nobody
    [subject('ServiceAccount', 'builder', 'ns1'), { name: sa, groups: [] }, '', true],
    [subject('ServiceAccount', 'builder', 'ns1'), { name: sa, groups: [] }, 'ns2', true],
    [subject('ServiceAccount', 'builder', 'ns2'), { name: sa, groups: [] }, 'ns1', false],
    [subject('ServiceAccount', 'build'), { name: sa, groups: [] }, 'ns1', false],
    [subject('ServiceAccount', 'builder'), { name: 'system:serviceaccount:ns1:builder2', groups: [] }, 'ns1', false],
    [subject('ServiceAccount', 'builder'), { name: 'system:serviceaccounts:ns1:builder', groups: [] }, 'ns1', false],
    [subject('User', sa), { name: sa, groups: [] }, 'ns1', true],
  ])('%j applies to %j in %j -> %s', (s, user, ns, want) => {
    expect(appliesToUser(user, s, ns)).toBe(want);
  });

  it('matches service account user names as the concatenation', () => {
    expect(matchesServiceAccountUsername('ns', 'a', 'system:serviceaccount:ns:a')).toBe(true);
    expect(matchesServiceAccountUsername('ns', 'a:b', 'system:serviceaccount:ns:a:b')).toBe(true);
    expect(matchesServiceAccountUsername('ns:a', 'b', 'system:serviceaccount:ns:a:b')).toBe(true);
    expect(matchesServiceAccountUsername('ns', 'a', 'system:serviceaccount:ns:')).toBe(false);
    expect(matchesServiceAccountUsername('ns', '', 'system:serviceaccount:ns')).toBe(false);
    expect(matchesServiceAccountUsername('ns', '', 'system:serviceaccount:ns:')).toBe(true);
  });

  it('describes subjects as describeSubject does', () => {
    expect(describeSubject(subject('User', 'alice'), 'ns1')).toBe('User "alice"');
    expect(describeSubject(subject('Group', 'system:masters'), '')).toBe('Group "system:masters"');
    expect(describeSubject(subject('ServiceAccount', 'sa', 'kube-system'), 'ns1')).toBe('ServiceAccount "sa/kube-system"');
    expect(describeSubject(subject('ServiceAccount', 'sa'), 'ns1')).toBe('ServiceAccount "sa/ns1"');
    expect(describeSubject(subject('ServiceAccount', 'sa'), '')).toBe('ServiceAccount "sa/"');
    expect(describeSubject(subject('User', 'a"b\\c'), '')).toBe('User "a\\"b\\\\c"');
  });

  it('describes bindings as the describers do', () => {
    expect(describeBinding(crb('admins', 'cluster-admin', []), subject('User', 'alice'))).toBe(
      'ClusterRoleBinding "admins" of ClusterRole "cluster-admin" to User "alice"',
    );
    expect(describeBinding(rb('ns1', 'view', 'ClusterRole', 'view', []), subject('ServiceAccount', 'sa'))).toBe(
      'RoleBinding "view/ns1" of ClusterRole "view" to ServiceAccount "sa/ns1"',
    );
    expect(describeBinding(rb('ns1', 'r', 'Role', 'reader', []), subject('Group', 'g'))).toBe(
      'RoleBinding "r/ns1" of Role "reader" to Group "g"',
    );
  });

  it('quotes as Go %q', () => {
    expect(goQuote('plain')).toBe('"plain"');
    expect(goQuote('')).toBe('""');
    expect(goQuote('tab\there')).toBe('"tab\\there"');
    expect(goQuote('\x00\x07\x1b\x7f')).toBe('"\\x00\\a\\x1b\\x7f"');
    expect(goQuote('é日本')).toBe('"é日本"');
    expect(goQuote('\u00ad')).toBe('"\\u00ad"'); // soft hyphen: a format character, not printable
    expect(goQuote('\u{e0001}')).toBe('"\\U000e0001"');
    expect(goQuote('a\u2028b')).toBe('"a\\u2028b"');
  });

  it('aggregates errors as utilerrors does', () => {
    expect(formatErrorAggregate([])).toBe('');
    expect(formatErrorAggregate(['a'])).toBe('a');
    expect(formatErrorAggregate(['a', 'b'])).toBe('[a, b]');
    expect(formatErrorAggregate(['a', 'a'])).toBe('a');
    expect(formatErrorAggregate(['a', 'b', 'a', 'c'])).toBe('[a, b, c]');
  });
});

// ---- the authorizer ----------------------------------------------------------------------------------------------

describe('authorize', () => {
  const roles = [
    clusterRole('pod-reader', [podReader]),
    clusterRole('secret-reader', [rule({ verbs: ['get'], apiGroups: [''], resources: ['secrets'] })]),
    clusterRole('healthz', [rule({ verbs: ['get'], nonResourceURLs: ['/healthz', '/api/*'] })]),
    role('ns1', 'deployer', [rule({ verbs: ['create'], apiGroups: ['apps'], resources: ['deployments'] })]),
  ];

  it('allows through a ClusterRoleBinding with upstream reason', () => {
    const index = indexRbac(model(roles, [crb('readers', 'pod-reader', [subject('User', 'bob'), subject('User', 'alice')])]));
    const d = authorize(index, alice, res('list', '', 'pods'));
    expect(d.allowed).toBe(true);
    expect(d.by).toBe('rule');
    expect(d.reason).toBe('RBAC: allowed by ClusterRoleBinding "readers" of ClusterRole "pod-reader" to User "alice"');
    expect(d.grant?.subjectIndex).toBe(1);
    expect(d.grant?.ruleIndex).toBe(0);
    expect(d.grant?.role.name).toBe('pod-reader');
    expect(d.misses).toEqual([]);
  });

  it('allows through a RoleBinding of a Role, and of a ClusterRole, only in its namespace', () => {
    const sa = userFor('system:serviceaccount:ns1:ci', []);
    const index = indexRbac(
      model(roles, [
        rb('ns1', 'deploy', 'Role', 'deployer', [subject('ServiceAccount', 'ci')]),
        rb('ns1', 'read', 'ClusterRole', 'pod-reader', [subject('Group', 'system:serviceaccounts:ns1')]),
      ]),
    );
    const deploy = authorize(index, sa, res('create', 'ns1', 'deployments', { apiGroup: 'apps' }));
    expect(deploy.reason).toBe('RBAC: allowed by RoleBinding "deploy/ns1" of Role "deployer" to ServiceAccount "ci/ns1"');
    const read = authorize(index, sa, res('get', 'ns1', 'pods', { name: 'web' }));
    expect(read.reason).toBe('RBAC: allowed by RoleBinding "read/ns1" of ClusterRole "pod-reader" to Group "system:serviceaccounts:ns1"');
    for (const ns of ['ns2', '']) {
      expect(authorize(index, sa, res('get', ns, 'pods')).allowed).toBe(false);
      expect(authorize(index, sa, res('create', ns, 'deployments', { apiGroup: 'apps' })).allowed).toBe(false);
    }
  });

  it('visits ClusterRoleBindings before RoleBindings, and each by name whatever the input order', () => {
    const bindings = [
      rb('ns1', 'a-local', 'ClusterRole', 'pod-reader', [subject('User', 'alice')]),
      crb('z-global', 'pod-reader', [subject('User', 'alice')]),
      crb('m-global', 'pod-reader', [subject('Group', 'system:authenticated')]),
    ];
    for (const order of [bindings, [...bindings].reverse()]) {
      const d = authorize(indexRbac(model(roles, order)), alice, res('get', 'ns1', 'pods'));
      expect(d.reason).toBe('RBAC: allowed by ClusterRoleBinding "m-global" of ClusterRole "pod-reader" to Group "system:authenticated"');
    }
  });

  it('names the first subject of the binding that applies', () => {
    const index = indexRbac(model(roles, [crb('b', 'pod-reader', [subject('Group', 'system:authenticated'), subject('User', 'alice')])]));
    expect(authorize(index, alice, res('get', '', 'pods')).reason).toBe(
      'RBAC: allowed by ClusterRoleBinding "b" of ClusterRole "pod-reader" to Group "system:authenticated"',
    );
  });

  it('matches non-resource URLs through ClusterRoleBindings only', () => {
    const index = indexRbac(
      model(roles, [crb('health', 'healthz', [subject('Group', 'system:authenticated')]), rb('ns1', 'h', 'ClusterRole', 'healthz', [subject('User', 'bob')])]),
    );
    expect(authorize(index, alice, url('get', '/healthz')).allowed).toBe(true);
    expect(authorize(index, alice, url('get', '/api/v1')).allowed).toBe(true);
    expect(authorize(index, alice, url('get', '/api')).allowed).toBe(false);
    expect(authorize(index, { name: 'bob', groups: [] }, url('get', '/healthz')).allowed).toBe(false);
  });

  it('does not let a ClusterRoleBinding ServiceAccount subject without namespace match', () => {
    const index = indexRbac(model(roles, [crb('b', 'pod-reader', [subject('ServiceAccount', 'default')])]));
    expect(authorize(index, userFor('system:serviceaccount:ns1:default', []), res('get', 'ns1', 'pods')).allowed).toBe(false);
  });

  it('allows system:masters before RBAC, with no reason', () => {
    const d = authorize(indexRbac(model([], [])), { name: 'root', groups: ['system:masters'] }, res('delete', '', 'nodes'));
    expect(d).toEqual({ allowed: true, by: 'privileged-group', grant: null, misses: [], reason: '' });
  });

  it('denies with an empty reason when nothing errs', () => {
    const d = authorize(indexRbac(model(roles, [])), alice, res('get', 'ns1', 'pods'));
    expect(d).toEqual({ allowed: false, by: null, grant: null, misses: [], reason: '' });
  });

  describe('missing roles', () => {
    it('reports one missing ClusterRole', () => {
      const index = indexRbac(model(roles, [crb('b', 'foo', [subject('User', 'alice')])]));
      const d = authorize(index, alice, res('get', 'ns1', 'pods'));
      expect(d.reason).toBe('RBAC: clusterrole.rbac.authorization.k8s.io "foo" not found');
      expect(d.misses).toEqual([{ binding: index.clusterRoleBindings[0]?.binding, subjectIndex: 0, role: null, rules: [] }]);
    });

    it('aggregates several, in visiting order, deduplicated', () => {
      const index = indexRbac(
        model(roles, [
          rb('ns1', 'a', 'Role', 'bar', [subject('User', 'alice')]),
          crb('y', 'foo', [subject('User', 'alice')]),
          crb('x', 'foo', [subject('Group', 'system:authenticated')]),
          rb('ns2', 'other', 'Role', 'baz', [subject('User', 'alice')]), // other namespace: never visited
          crb('z', 'qux', [subject('User', 'bob')]), // does not reach alice
        ]),
      );
      expect(authorize(index, alice, res('get', 'ns1', 'pods')).reason).toBe(
        'RBAC: [clusterrole.rbac.authorization.k8s.io "foo" not found, role.rbac.authorization.k8s.io "bar" not found]',
      );
      expect(authorize(index, alice, res('get', '', 'pods')).reason).toBe('RBAC: clusterrole.rbac.authorization.k8s.io "foo" not found');
    });

    it('looks a RoleBinding Role up in its own namespace, and a ClusterRoleBinding Role up nowhere', () => {
      const bad: Binding = { ...crb('c', 'deployer', [subject('User', 'alice')]), roleRef: { kind: 'Role', name: 'deployer', apiGroup: RBAC_GROUP, location: null } };
      const index = indexRbac(model(roles, [bad, rb('ns2', 'r', 'Role', 'deployer', [subject('User', 'alice')])]));
      // Both bindings fail with the same message (no Role "deployer" in ns2 either): the aggregate prints it once.
      expect(authorize(index, alice, res('create', 'ns2', 'deployments', { apiGroup: 'apps' })).reason).toBe(
        'RBAC: role.rbac.authorization.k8s.io "deployer" not found',
      );
      expect(index.clusterRoleBindings[0]?.error).toBe('role.rbac.authorization.k8s.io "deployer" not found');
    });

    it('still allows through another binding, with the allowed reason', () => {
      const index = indexRbac(model(roles, [crb('a', 'foo', [subject('User', 'alice')]), crb('b', 'pod-reader', [subject('User', 'alice')])]));
      expect(authorize(index, alice, res('get', '', 'pods')).reason).toBe(
        'RBAC: allowed by ClusterRoleBinding "b" of ClusterRole "pod-reader" to User "alice"',
      );
    });
  });

  it('lists every reaching binding and each rule first miss when denied', () => {
    const index = indexRbac(
      model(roles, [
        crb('health', 'healthz', [subject('Group', 'system:authenticated')]),
        crb('secrets', 'secret-reader', [subject('User', 'bob'), subject('User', 'alice')]),
        rb('ns1', 'deploy', 'Role', 'deployer', [subject('User', 'alice')]),
        rb('ns2', 'elsewhere', 'Role', 'deployer', [subject('User', 'alice')]),
      ]),
    );
    const d = authorize(index, alice, res('get', 'ns1', 'pods'));
    expect(d.allowed).toBe(false);
    // Worked out once, when first read.
    expect(d.misses).toBe(d.misses);
    expect(d.misses.every((m) => m.rules.every((r) => r.rule !== undefined))).toBe(true);
    expect(d.misses.map((m) => [m.binding.name, m.subjectIndex, m.role?.name, m.rules.map(({ ruleIndex, miss }) => ({ ruleIndex, miss }))])).toEqual([
      ['health', 0, 'healthz', [{ ruleIndex: 0, miss: 'kind' }]],
      ['secrets', 1, 'secret-reader', [{ ruleIndex: 0, miss: 'resource' }]],
      ['deploy', 0, 'deployer', [{ ruleIndex: 0, miss: 'verb' }]],
    ]);
    // Cluster-wide: only the ClusterRoleBindings.
    expect(authorize(index, alice, res('get', '', 'pods')).misses.map((m) => m.binding.name)).toEqual(['health', 'secrets']);
  });

  it('reads aggregated ClusterRoles through the index', () => {
    const agg: LabelSelector = { matchLabels: { 'to-view': 'true' }, matchExpressions: [] };
    const index = indexRbac(
      model(
        [
          clusterRole('view', [rule({ verbs: ['delete'], apiGroups: ['*'], resources: ['*'] })], { aggregationRule: { clusterRoleSelectors: [agg] } }),
          clusterRole('extra', [podReader], { labels: { 'to-view': 'true' } }),
        ],
        [crb('v', 'view', [subject('User', 'alice')])],
      ),
    );
    expect(findRole(index, 'ClusterRole', 'ignored', 'view')?.rules).toEqual([podReader]);
    expect(authorize(index, alice, res('get', 'ns1', 'pods')).allowed).toBe(true);
    // The written rule was replaced.
    expect(authorize(index, alice, res('delete', 'ns1', 'pods')).allowed).toBe(false);
  });
});

// ---- impersonation -------------------------------------------------------------------------------------------------

describe('userFor (impersonation)', () => {
  it.each([
    ['alice', [], ['system:authenticated']],
    ['alice', ['dev'], ['dev', 'system:authenticated']],
    ['alice', ['system:authenticated', 'dev'], ['system:authenticated', 'dev']],
    ['alice', ['system:unauthenticated'], ['system:unauthenticated']],
    ['system:serviceaccount:ns1:sa', [], ['system:serviceaccounts', 'system:serviceaccounts:ns1', 'system:authenticated']],
    ['system:serviceaccount:ns1:sa', ['g'], ['g', 'system:authenticated']],
    ['system:serviceaccount:ns1:my.sa', [], ['system:serviceaccounts', 'system:serviceaccounts:ns1', 'system:authenticated']],
    ['system:serviceaccount:NS1:sa', [], ['system:authenticated']], // not a DNS label: an ordinary user
    ['system:serviceaccount:ns.1:sa', [], ['system:authenticated']],
    ['system:serviceaccount:ns1:sa:x', [], ['system:authenticated']],
    ['system:serviceaccount:ns1', [], ['system:authenticated']],
    ['system:serviceaccount:ns1:', [], ['system:authenticated']],
    ['system:anonymous', [], ['system:unauthenticated']],
    ['system:anonymous', ['system:unauthenticated'], ['system:unauthenticated']],
    ['system:anonymous', ['system:authenticated'], ['system:authenticated', 'system:unauthenticated']],
  ])('%s %j -> %j', (name, groups, want) => {
    expect(userFor(name, groups)).toEqual({ name, groups: want });
  });

  it('splits service account names as SplitUsername does', () => {
    expect(splitServiceAccountUsername('system:serviceaccount:kube-system:default')).toEqual({ namespace: 'kube-system', name: 'default' });
    expect(splitServiceAccountUsername('system:serviceaccounts:kube-system:default')).toBeNull();
    expect(splitServiceAccountUsername(`system:serviceaccount:${'a'.repeat(64)}:x`)).toBeNull();
    expect(splitServiceAccountUsername('system:serviceaccount:ns:-x')).toBeNull();
  });
});

// ---- rules review and kubectl auth can-i --list ---------------------------------------------------------------------

describe('rulesFor and formatRulesTable', () => {
  const ssar = rule({ verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'] });
  const discovery = rule({ verbs: ['get'], nonResourceURLs: ['/api', '/api/*', '/healthz'] });
  const all = rule({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] });
  const allUrls = rule({ verbs: ['*'], nonResourceURLs: ['*'] });
  const named = rule({ verbs: ['get'], apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['web', 'api'] });
  const logs = rule({ verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['pods', 'pods/log'] });
  const getPods = rule({ verbs: ['get'], apiGroups: [''], resources: ['pods'] });

  it('collects ClusterRoleBinding rules, then the namespace RoleBinding rules; system:masters is not special', () => {
    const index = indexRbac(
      model(
        [clusterRole('a', [ssar, discovery]), clusterRole('b', [all]), role('ns1', 'r', [getPods])],
        [
          rb('ns1', 'r', 'Role', 'r', [subject('User', 'alice')]),
          crb('b', 'b', [subject('User', 'alice')]),
          crb('a', 'a', [subject('Group', 'system:authenticated')]),
          crb('m', 'missing', [subject('User', 'alice')]),
        ],
      ),
    );
    expect(rulesFor(index, alice, 'ns1')).toEqual([ssar, discovery, all, getPods]);
    expect(rulesFor(index, alice, '')).toEqual([ssar, discovery, all]);
    expect(rulesFor(index, { name: 'root', groups: ['system:masters'] }, 'ns1')).toEqual([]);
  });

  it('prints what kubectl prints: broken down, compacted, sorted by String() (verbs first), tab-aligned', () => {
    const text = formatRulesTable([logs, ssar, discovery, all, allUrls, named, getPods]);
    // Widths: the widest cell plus 3 ("selfsubjectaccessreviews.authorization.k8s.io" is 45, "[/healthz]" vs the
    // 17-wide header, "Resource Names" 14).
    const row = (a: string, b: string, c: string, d: string): string => `${a.padEnd(48)}${b.padEnd(20)}${c.padEnd(17)}${d}`;
    expect(text).toBe(
      [
        row('Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs'),
        row('*.*', '[]', '[]', '[*]'),
        row('', '[*]', '[]', '[*]'),
        row('selfsubjectaccessreviews.authorization.k8s.io', '[]', '[]', '[create]'),
        row('selfsubjectrulesreviews.authorization.k8s.io', '[]', '[]', '[create]'),
        // Equal verbs now: String() decides, and "pods/log]" sorts before "pods]" ('/' < ']').
        row('pods/log', '[]', '[]', '[get list watch]'),
        row('pods', '[]', '[]', '[get list watch]'),
        row('', '[/api/*]', '[]', '[get]'),
        row('', '[/api]', '[]', '[get]'),
        row('', '[/healthz]', '[]', '[get]'),
        row('deployments.apps', '[]', '[api]', '[get]'),
        row('deployments.apps', '[]', '[web]', '[get]'),
      ].join('\n') + '\n',
    );
  });

  it('keeps duplicate non-resource rows, drops rules without groups, and prints subresources after the group', () => {
    const text = formatRulesTable(
      [
        rule({ verbs: ['get'], nonResourceURLs: ['/healthz'] }),
        rule({ verbs: ['get'], nonResourceURLs: ['/healthz'] }),
        rule({ verbs: ['get'], resources: ['pods'] }), // no apiGroups: breaks down to nothing
        rule({ verbs: ['update'], apiGroups: ['apps'], resources: ['deployments/scale'] }),
      ],
      { noHeaders: true },
    );
    expect(text).toBe(
      // "deployments.apps/scale" is 22 wide (+3), "[/healthz]" 10 (+3), "[]" 2 (+3, under the minimum of 6).
      `${''.padEnd(25)}[/healthz]   []    [get]\n${''.padEnd(25)}[/healthz]   []    [get]\n${'deployments.apps/scale'.padEnd(25)}[]           []    [update]\n`,
    );
  });

  it('prints only the header for no rules', () => {
    expect(formatRulesTable([])).toBe('Resources   Non-Resource URLs   Resource Names   Verbs\n');
    expect(formatRulesTable([], { noHeaders: true })).toBe('');
  });

  it('aligns columns by blocks of lines as text/tabwriter does', () => {
    // A column spans only the consecutive lines that have a cell in it; a line's last cell is never padded.
    expect(tabwrite('a\tb\tc\naa\tbb\tcc\naaa\t\naaaa\tdddd\teeee\n', 0, 1)).toBe('a    b  c\naa   bb cc\naaa  \naaaa dddd eeee\n');
    expect(tabwrite('x\ty\n', 6, 3)).toBe('x     y\n');
    // A line of one cell ends the block: the lines after it are aligned on their own.
    expect(tabwrite('long-cell\tb\nsingle\nx\ty\n', 0, 1)).toBe('long-cell b\nsingle\nx y\n');
    expect(tabwrite('no newline\tat end', 0, 1)).toBe('no newline at end');
  });
});

// ---- who can ----------------------------------------------------------------------------------------------------------

describe('whoCan', () => {
  const roles = [clusterRole('pod-reader', [rule({ verbs: ['get'], apiGroups: ['*'], resources: ['nodes'] }), podReader]), role('ns1', 'r', [podReader])];
  const index = indexRbac(
    model(roles, [
      crb('global', 'pod-reader', [subject('Group', 'ops'), subject('ServiceAccount', 'no-ns'), subject('ServiceAccount', 'mon', 'monitoring')]),
      rb('ns1', 'local', 'Role', 'r', [subject('ServiceAccount', 'ci'), subject('User', 'alice'), subject('ServiceAccount', 'x', 'other')]),
      rb('ns1', 'missing', 'Role', 'nope', [subject('User', 'eve')]),
      rb('ns2', 'elsewhere', 'Role', 'r', [subject('User', 'bob')]),
    ]),
  );

  it('lists the subjects as written, filling in RoleBinding ServiceAccount namespaces', () => {
    const entries = whoCan(index, res('list', 'ns1', 'pods'));
    expect(entries.map((e) => [e.binding.name, e.kind, e.namespace, e.name, e.ruleIndex])).toEqual([
      ['global', 'Group', '', 'ops', 1],
      ['global', 'ServiceAccount', 'monitoring', 'mon', 1],
      ['local', 'ServiceAccount', 'ns1', 'ci', 0],
      ['local', 'User', '', 'alice', 0],
      ['local', 'ServiceAccount', 'other', 'x', 0],
    ]);
  });

  it('lists only ClusterRoleBindings for cluster-wide and non-resource requests', () => {
    expect(whoCan(index, res('list', '', 'pods')).map((e) => e.binding.name)).toEqual(['global', 'global']);
    expect(whoCan(index, url('get', '/healthz'))).toEqual([]);
  });
});

// ---- a bench-sized model (its speed is measured by npm run bench, not asserted here) ---------------------------------

describe('a bench-sized model', () => {
  it('answers 5,000 requests against 200 roles and 500 bindings, some allowed and some not', () => {
    const verbs = ['get', 'list', 'watch', 'create', 'update', 'delete'];
    const resources = ['pods', 'services', 'secrets', 'configmaps', 'deployments', 'jobs'];
    const rolesList: Role[] = [];
    for (let i = 0; i < 100; i++) {
      rolesList.push(clusterRole(`cr-${i}`, [rule({ verbs: [verbs[i % 6] as string], apiGroups: [''], resources: [resources[(i * 7) % 6] as string] })]));
      rolesList.push(role(`ns-${i % 10}`, `r-${i}`, [rule({ verbs: [verbs[(i + 1) % 6] as string], apiGroups: [''], resources: [resources[i % 6] as string] })]));
    }
    const bindings: Binding[] = [];
    for (let i = 0; i < 250; i++) {
      bindings.push(crb(`crb-${i}`, `cr-${i % 100}`, [subject('User', `user-${i % 40}`), subject('Group', `group-${i % 9}`)]));
      bindings.push(rb(`ns-${i % 10}`, `rb-${i}`, 'Role', `r-${i % 100}`, [subject('ServiceAccount', `sa-${i % 20}`), subject('User', `user-${i % 33}`)]));
    }
    const index = indexRbac(model(rolesList, bindings));
    const users = Array.from({ length: 50 }, (_, i) => userFor(i % 2 ? `user-${i}` : `system:serviceaccount:ns-${i % 10}:sa-${i % 20}`, [`group-${i % 9}`]));
    const requests = Array.from({ length: 5000 }, (_, i) => res(verbs[i % 6] as string, `ns-${i % 11}`, resources[(i * 5) % 6] as string));
    let allowedCount = 0;
    for (let i = 0; i < requests.length; i++) if (authorize(index, users[i % 50] as UserInfo, requests[i] as Request).allowed) allowedCount++;
    expect(allowedCount).toBeGreaterThan(0);
    expect(allowedCount).toBeLessThan(5000);
  });
});

// ---- a reference written from the rules, and properties ------------------------------------------------------------

/** The authorizer by the book: no index, no early exits, plain string building. */
function referenceAuthorize(m: RbacModel, user: UserInfo, request: Request): { allowed: boolean; reason: string } {
  if (user.groups.includes('system:masters')) return { allowed: true, reason: '' };
  const namespace = request.kind === 'resource' ? request.namespace : '';
  const byName = (a: Binding, b: Binding): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const visited = [
    ...m.bindings.filter((b) => b.kind === 'ClusterRoleBinding').sort(byName),
    ...(namespace ? m.bindings.filter((b) => b.kind === 'RoleBinding' && b.namespace === namespace).sort(byName) : []),
  ];
  const errors: string[] = [];
  for (const b of visited) {
    const ns = b.kind === 'RoleBinding' ? b.namespace : '';
    const s = b.subjects.find((x) =>
      x.kind === 'User'
        ? x.name === user.name
        : x.kind === 'Group'
          ? user.groups.includes(x.name)
          : (x.namespace || ns) !== '' && user.name === `system:serviceaccount:${x.namespace || ns}:${x.name}`,
    );
    if (!s) continue;
    const target =
      b.roleRef.kind === 'ClusterRole'
        ? m.roles.find((r) => r.kind === 'ClusterRole' && r.name === b.roleRef.name)
        : ns
          ? m.roles.find((r) => r.kind === 'Role' && r.namespace === ns && r.name === b.roleRef.name)
          : undefined;
    if (!target) {
      errors.push(`${b.roleRef.kind.toLowerCase()}.rbac.authorization.k8s.io "${b.roleRef.name}" not found`);
      continue;
    }
    const ok = target.rules.some((r) => {
      if (!r.verbs.includes('*') && !r.verbs.includes(request.verb)) return false;
      if (request.kind === 'nonResource') {
        return r.nonResourceURLs.some((u) => u === '*' || u === request.path || (u.endsWith('*') && request.path.startsWith(u.replace(/\*+$/, ''))));
      }
      const full = request.subresource ? `${request.resource}/${request.subresource}` : request.resource;
      return (
        (r.apiGroups.includes('*') || r.apiGroups.includes(request.apiGroup)) &&
        r.resources.some((x) => x === '*' || x === full || (request.subresource !== '' && x === `*/${request.subresource}`)) &&
        (r.resourceNames.length === 0 || r.resourceNames.includes(request.name))
      );
    });
    if (ok) {
      const who =
        s.kind === 'ServiceAccount' ? `ServiceAccount "${s.name}/${s.namespace || ns}"` : `${s.kind} "${s.name}"`;
      const where = b.kind === 'ClusterRoleBinding' ? `ClusterRoleBinding "${b.name}"` : `RoleBinding "${b.name}/${b.namespace}"`;
      return { allowed: true, reason: `RBAC: allowed by ${where} of ${b.roleRef.kind} "${b.roleRef.name}" to ${who}` };
    }
  }
  const unique = [...new Set(errors)];
  const reason = errors.length === 0 ? '' : `RBAC: ${errors.length === 1 || unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`}`;
  return { allowed: false, reason };
}

const NAMESPACES = ['ns1', 'ns2'];
const ruleArb: fc.Arbitrary<PolicyRule> = fc.oneof(
  fc.record({
    verbs: fc.subarray(['get', 'list', 'create', '*'], { minLength: 1 }),
    apiGroups: fc.subarray(['', 'apps', '*']),
    resources: fc.subarray(['pods', 'pods/log', '*/log', '*', 'deployments', '*/', 'secrets'], { minLength: 1 }),
    resourceNames: fc.oneof(fc.constant([]), fc.subarray(['a', 'b', ''], { minLength: 1 })),
  }).map((r) => rule(r)),
  fc.record({
    verbs: fc.subarray(['get', 'post', '*'], { minLength: 1 }),
    nonResourceURLs: fc.subarray(['/api', '/api/*', '/healthz', '*', '/a**', '/apis*'], { minLength: 1 }),
  }).map((r) => rule(r)),
);
const subjectArb: fc.Arbitrary<Subject> = fc.oneof(
  fc.constantFrom('alice', 'bob', 'system:serviceaccount:ns1:sa1').map((n) => subject('User', n)),
  fc.constantFrom('g1', 'g2', 'system:authenticated').map((n) => subject('Group', n)),
  fc.tuple(fc.constantFrom('sa1', 'default'), fc.constantFrom('', 'ns1', 'ns2')).map(([n, ns]) => subject('ServiceAccount', n, ns)),
);
const roleNames = ['r0', 'r1', 'r2'];
const roleArb: fc.Arbitrary<Role> = fc.oneof(
  fc.tuple(fc.constantFrom(...roleNames), fc.array(ruleArb, { maxLength: 3 })).map(([n, rules]) => clusterRole(n, rules)),
  fc.tuple(fc.constantFrom(...NAMESPACES), fc.constantFrom(...roleNames), fc.array(ruleArb, { maxLength: 3 })).map(([ns, n, rules]) => role(ns, n, rules)),
);
const bindingArb: fc.Arbitrary<Binding> = fc.oneof(
  fc.tuple(fc.constantFrom('b0', 'b1', 'b2', 'b3'), fc.constantFrom(...roleNames, 'gone'), fc.array(subjectArb, { maxLength: 3 })).map(([n, r, s]) => crb(n, r, s)),
  fc
    .tuple(fc.constantFrom(...NAMESPACES), fc.constantFrom('b0', 'b1', 'b2', 'b3'), fc.constantFrom<'Role' | 'ClusterRole'>('Role', 'ClusterRole'), fc.constantFrom(...roleNames, 'gone'), fc.array(subjectArb, { maxLength: 3 }))
    .map(([ns, n, k, r, s]) => rb(ns, n, k, r, s)),
);
const key = (x: Role | Binding): string => `${x.kind}/${x.namespace}/${x.name}`;
const modelArb: fc.Arbitrary<RbacModel> = fc
  .tuple(fc.uniqueArray(roleArb, { selector: key, maxLength: 8 }), fc.uniqueArray(bindingArb, { selector: key, maxLength: 8 }))
  .map(([roles, bindings]) => model(roles, bindings));
const userArb: fc.Arbitrary<UserInfo> = fc.record({
  name: fc.constantFrom('alice', 'bob', 'carol', 'system:serviceaccount:ns1:sa1', 'system:serviceaccount:ns2:default', 'system:serviceaccount:ns1:default'),
  groups: fc.oneof(fc.subarray(['g1', 'g2', 'system:authenticated']), fc.constant(['g1', 'g2', 'g1'])),
});
const requestArb: fc.Arbitrary<Request> = fc.oneof(
  fc.record({
    kind: fc.constant('resource' as const),
    verb: fc.constantFrom('get', 'list', 'create', 'delete'),
    namespace: fc.constantFrom('', ...NAMESPACES),
    apiGroup: fc.constantFrom('', 'apps'),
    resource: fc.constantFrom('pods', 'deployments', 'secrets'),
    subresource: fc.constantFrom('', 'log', 'status'),
    name: fc.constantFrom('', 'a', 'b'),
  }),
  fc.record({ kind: fc.constant('nonResource' as const), verb: fc.constantFrom('get', 'post'), path: fc.constantFrom('/api', '/api/v1', '/healthz', '/apis/apps', '/a', '/ab', '/') }),
);

describe('properties', () => {
  it('agrees with the reference on allowed and reason', () => {
    fc.assert(
      fc.property(modelArb, userArb, fc.array(requestArb, { minLength: 1, maxLength: 8 }), (m, user, requests) => {
        const index = indexRbac(m);
        for (const request of requests) {
          const got = authorize(index, user, request);
          expect({ allowed: got.allowed, reason: got.reason }).toEqual(referenceAuthorize(m, user, request));
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('finds through the subject lookup exactly the bindings appliesTo finds walking them all', () => {
    fc.assert(
      fc.property(modelArb, userArb, fc.constantFrom('', ...NAMESPACES), (m, user, ns) => {
        const index = indexRbac(m);
        const walk = [
          ...index.clusterRoleBindings.map((e) => ({ e, i: appliesTo(user, e.binding.subjects, '') })),
          ...(ns ? (index.roleBindings.get(ns) ?? []) : []).map((e) => ({ e, i: appliesTo(user, e.binding.subjects, ns) })),
        ].filter(({ i }) => i >= 0);
        const found = reachingBindings(index, user, ns);
        expect(found.map((h) => [h.entry.binding, h.subjectIndex])).toEqual(walk.map(({ e, i }) => [e.binding, i]));
      }),
      { numRuns: 1000 },
    );
  });

  it('never removes access by adding a binding', () => {
    fc.assert(
      fc.property(modelArb, bindingArb, userArb, requestArb, (m, extra, user, request) => {
        if (!authorize(indexRbac(m), user, request).allowed) return;
        const more = model([...m.roles], [...m.bindings, { ...extra, name: `${extra.name}-extra` }]);
        expect(authorize(indexRbac(more), user, request).allowed).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('decides the same whatever the input order of roles and bindings', () => {
    fc.assert(
      fc.property(modelArb, userArb, requestArb, fc.integer({ min: 0, max: 1000 }), (m, user, request, seed) => {
        const shuffle = <T,>(xs: readonly T[]): T[] => xs.map((x, i) => ({ x, k: (i * 7919 + seed) % 101 })).sort((a, b) => a.k - b.k).map((e) => e.x);
        const a = authorize(indexRbac(m), user, request);
        const b = authorize(indexRbac(model(shuffle(m.roles), shuffle(m.bindings))), user, request);
        expect(b.allowed).toBe(a.allowed);
        expect(b.reason).toBe(a.reason);
      }),
      { numRuns: 1000 },
    );
  });

  it('never grants through a RoleBinding outside its namespace, cluster-wide, or for non-resource URLs', () => {
    fc.assert(
      fc.property(modelArb, userArb, requestArb, (m, user, request) => {
        const onlyRoleBindings = model(m.roles, m.bindings.filter((b) => b.kind === 'RoleBinding'));
        const d = authorize(indexRbac(onlyRoleBindings), user, request);
        if (!d.allowed) return;
        expect(request.kind).toBe('resource');
        if (request.kind !== 'resource') return;
        expect(request.namespace).not.toBe('');
        expect(d.grant?.binding.namespace).toBe(request.namespace);
      }),
      { numRuns: 1000 },
    );
  });

  it('denies a user no binding reaches unless in system:masters, and then has nothing to miss', () => {
    fc.assert(
      fc.property(modelArb, requestArb, fc.boolean(), (m, request, master) => {
        const user = { name: 'nobody', groups: master ? ['nogroup', 'system:masters'] : ['nogroup'] };
        const d = authorize(indexRbac(m), user, request);
        expect(d.allowed).toBe(master);
        expect(d.by).toBe(master ? 'privileged-group' : null);
        expect(d.misses).toEqual([]);
        expect(d.reason).toBe('');
      }),
      { numRuns: 500 },
    );
  });

  it('explains a denial with misses consistent with the matchers', () => {
    fc.assert(
      fc.property(modelArb, userArb, requestArb, (m, user, request) => {
        const d = authorize(indexRbac(m), user, request);
        if (d.allowed) return;
        for (const miss of d.misses) {
          expect(miss.rules.length).toBe(miss.role === null ? 0 : miss.rules.length);
          for (const { miss: field } of miss.rules) expect(field).not.toBeNull();
          const s = miss.binding.subjects[miss.subjectIndex] as Subject;
          expect(appliesToUser(user, s, miss.binding.kind === 'RoleBinding' ? miss.binding.namespace : '')).toBe(true);
        }
        expect(d.misses.some((x) => x.role === null)).toBe(d.reason !== '');
      }),
      { numRuns: 800 },
    );
  });

  it('lists in whoCan only subjects the authorizer then allows', () => {
    fc.assert(
      fc.property(modelArb, requestArb, (m, request) => {
        const index: RbacIndex = indexRbac(m);
        for (const e of whoCan(index, request)) {
          const user =
            e.kind === 'User'
              ? { name: e.name, groups: [] }
              : e.kind === 'Group'
                ? { name: 'someone', groups: [e.name] }
                : { name: `system:serviceaccount:${e.namespace}:${e.name}`, groups: [] };
          expect(authorize(index, user, request).allowed).toBe(true);
        }
      }),
      { numRuns: 800 },
    );
  });

  it('gives rulesFor the rules whose bindings reach the user, and every allowed request a rule among them', () => {
    fc.assert(
      fc.property(modelArb, userArb, requestArb, (m, user, request) => {
        const index = indexRbac(m);
        const ns = request.kind === 'resource' ? request.namespace : '';
        const rules = rulesFor(index, user, ns);
        expect(authorize(index, user, request).allowed).toBe(rules.some((r) => ruleAllows(request, r)));
      }),
      { numRuns: 800 },
    );
  });
});
