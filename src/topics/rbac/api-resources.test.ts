// The built-in API resource table and the RESOURCE resolution of `kubectl auth can-i`: short names, singulars,
// kinds, group-qualified forms, group preference, and what an unknown name gives.
import { describe, expect, it } from 'vitest';
import { API_RESOURCES, isNamespaced, resolveResource } from './api-resources';

describe('API_RESOURCES', () => {
  it('has one entry per group and plural, with the singular equal to the kind lower-cased', () => {
    const keys = API_RESOURCES.map((r) => `${r.name}.${r.group}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of API_RESOURCES) expect(r.singularName).toBe(r.kind.toLowerCase());
  });

  it('has no short name twice except ev, which core and events.k8s.io both declare', () => {
    const seen = new Map<string, number>();
    for (const r of API_RESOURCES) for (const s of r.shortNames) seen.set(s, (seen.get(s) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1)).toEqual([['ev', 2]]);
  });

  it('covers the groups of a plain cluster, and no beta or alpha-only group', () => {
    const groups = new Set(API_RESOURCES.map((r) => r.group));
    for (const g of ['', 'apps', 'batch', 'autoscaling', 'policy', 'networking.k8s.io', 'rbac.authorization.k8s.io',
      'storage.k8s.io', 'certificates.k8s.io', 'coordination.k8s.io', 'discovery.k8s.io', 'events.k8s.io',
      'admissionregistration.k8s.io', 'apiextensions.k8s.io', 'apiregistration.k8s.io', 'scheduling.k8s.io', 'node.k8s.io',
      'flowcontrol.apiserver.k8s.io', 'authentication.k8s.io', 'authorization.k8s.io', 'resource.k8s.io']) {
      expect(groups.has(g)).toBe(true);
    }
    expect(groups.has('storagemigration.k8s.io')).toBe(false);
    expect(groups.has('extensions')).toBe(false);
    expect(API_RESOURCES.every((r) => /^v\d+$/.test(r.version))).toBe(true);
  });

  it('lists the subresources', () => {
    const sub = (group: string, name: string): readonly string[] | undefined =>
      API_RESOURCES.find((r) => r.group === group && r.name === name)?.subresources;
    expect(sub('', 'pods')).toEqual(['attach', 'binding', 'ephemeralcontainers', 'eviction', 'exec', 'log', 'portforward', 'proxy', 'resize', 'status']);
    expect(sub('apps', 'deployments')).toEqual(['scale', 'status']);
    expect(sub('', 'nodes')).toEqual(['proxy', 'status']);
    expect(sub('', 'services')).toEqual(['proxy', 'status']);
    expect(sub('', 'serviceaccounts')).toEqual(['token']);
    expect(sub('', 'namespaces')).toEqual(['finalize', 'status']);
    expect(sub('certificates.k8s.io', 'certificatesigningrequests')).toEqual(['approval', 'status']);
    expect(sub('', 'secrets')).toEqual([]);
  });

  it('keeps autoscaling/v2 preferred with v1 also served', () => {
    const hpa = API_RESOURCES.find((r) => r.name === 'horizontalpodautoscalers');
    expect(hpa).toMatchObject({ group: 'autoscaling', version: 'v2', otherVersions: ['v1'], shortNames: ['hpa'] });
  });

  it('is frozen', () => {
    expect(Object.isFrozen(API_RESOURCES)).toBe(true);
    expect(Object.isFrozen(API_RESOURCES[0])).toBe(true);
  });
});

describe('resolveResource', () => {
  it.each<[string, string, string, boolean]>([
    ['po', '', 'pods', true],
    ['pods', '', 'pods', true],
    ['pod', '', 'pods', true],
    ['Pods', '', 'pods', true],
    ['POD', '', 'pods', true],
    ['deploy', 'apps', 'deployments', true],
    ['deployment', 'apps', 'deployments', true],
    ['Deployment', 'apps', 'deployments', true],
    ['deployments.apps', 'apps', 'deployments', true],
    ['deployments.v1.apps', 'apps', 'deployments', true],
    ['deploy.apps', 'apps', 'deployments', true],
    ['svc', '', 'services', true],
    ['cm', '', 'configmaps', true],
    ['sa', '', 'serviceaccounts', true],
    ['serviceaccount', '', 'serviceaccounts', true],
    ['netpol', 'networking.k8s.io', 'networkpolicies', true],
    ['networkpolicy', 'networking.k8s.io', 'networkpolicies', true],
    ['ns', '', 'namespaces', false],
    ['no', '', 'nodes', false],
    ['pv', '', 'persistentvolumes', false],
    ['pvc', '', 'persistentvolumeclaims', true],
    ['crd', 'apiextensions.k8s.io', 'customresourcedefinitions', false],
    ['crds', 'apiextensions.k8s.io', 'customresourcedefinitions', false],
    ['hpa', 'autoscaling', 'horizontalpodautoscalers', true],
    ['horizontalpodautoscalers.v1.autoscaling', 'autoscaling', 'horizontalpodautoscalers', true],
    ['cj', 'batch', 'cronjobs', true],
    ['ds', 'apps', 'daemonsets', true],
    ['rs', 'apps', 'replicasets', true],
    ['sts', 'apps', 'statefulsets', true],
    ['ing', 'networking.k8s.io', 'ingresses', true],
    ['pdb', 'policy', 'poddisruptionbudgets', true],
    ['events', '', 'events', true],
    ['event', '', 'events', true],
    ['events.events.k8s.io', 'events.k8s.io', 'events', true],
    ['events.v1.events.k8s.io', 'events.k8s.io', 'events', true],
    ['events.events', 'events.k8s.io', 'events', true],
    ['storageclasses.storage', 'storage.k8s.io', 'storageclasses', false],
    ['storageclasses.storage.k8s.io', 'storage.k8s.io', 'storageclasses', false],
    ['sc', 'storage.k8s.io', 'storageclasses', false],
    ['hpa.autoscal', 'autoscaling', 'horizontalpodautoscalers', true],
    ['rolebindings', 'rbac.authorization.k8s.io', 'rolebindings', true],
    ['clusterrole', 'rbac.authorization.k8s.io', 'clusterroles', false],
    ['roles.rbac.authorization.k8s.io', 'rbac.authorization.k8s.io', 'roles', true],
    ['csr', 'certificates.k8s.io', 'certificatesigningrequests', false],
    ['leases', 'coordination.k8s.io', 'leases', true],
    ['localsubjectaccessreviews', 'authorization.k8s.io', 'localsubjectaccessreviews', true],
    ['selfsubjectaccessreview', 'authorization.k8s.io', 'selfsubjectaccessreviews', false],
    ['tokenreviews', 'authentication.k8s.io', 'tokenreviews', false],
    ['resourceclaims', 'resource.k8s.io', 'resourceclaims', true],
    ['ip', 'networking.k8s.io', 'ipaddresses', false],
    ['vac', 'storage.k8s.io', 'volumeattributesclasses', false],
    ['pc', 'scheduling.k8s.io', 'priorityclasses', false],
    ['quota', '', 'resourcequotas', true],
    ['limits', '', 'limitranges', true],
    ['ep', '', 'endpoints', true],
    ['endpoints', '', 'endpoints', true],
    ['rc', '', 'replicationcontrollers', true],
    ['cs', '', 'componentstatuses', false],
    ['secrets', '', 'secrets', true],
  ])('%s -> %s %s', (arg, group, resource, namespaced) => {
    expect(resolveResource(arg)).toMatchObject({ group, resource, namespaced, known: true, warnings: [] });
    expect(isNamespaced(group, resource)).toBe(namespaced);
  });

  it('ev goes to core events, with the warning about the lower-priority events.k8s.io', () => {
    expect(resolveResource('ev')).toEqual({
      group: '',
      resource: 'events',
      version: 'v1',
      namespaced: true,
      known: true,
      warnings: ['Warning: short name "ev" could also match lower priority resource events.events.k8s.io'],
    });
    expect(resolveResource('ev.events.k8s.io')).toMatchObject({ group: 'events.k8s.io', resource: 'events', warnings: [] });
  });

  it('reports the version the mapper picks (the preferred one)', () => {
    expect(resolveResource('hpa').version).toBe('v2');
    expect(resolveResource('horizontalpodautoscalers.v1.autoscaling').version).toBe('v1');
    expect(resolveResource('pods').version).toBe('v1');
  });

  it("keeps '*' as '*' with group ''", () => {
    expect(resolveResource('*')).toEqual({ group: '', resource: '*', version: '', namespaced: null, known: true, warnings: [] });
  });

  it('keeps an unknown name as written, group empty, with kubectl warning', () => {
    expect(resolveResource('Foos')).toEqual({
      group: '',
      resource: 'Foos',
      version: '',
      namespaced: null,
      known: false,
      warnings: ["Warning: the server doesn't have a resource type 'foos'"],
    });
    expect(resolveResource('Widgets.Example.COM')).toMatchObject({
      group: '',
      resource: 'Widgets.Example.COM',
      known: false,
      warnings: ["Warning: the server doesn't have a resource type 'widgets' in group 'example.com'"],
    });
  });

  it('has no short name rb for rolebindings', () => {
    expect(resolveResource('rb')).toMatchObject({ known: false, resource: 'rb', warnings: ["Warning: the server doesn't have a resource type 'rb'"] });
  });

  it('does not find a resource in a group it is not in, nor at a version that does not serve it', () => {
    expect(resolveResource('pods.apps')).toMatchObject({
      known: false,
      warnings: ["Warning: the server doesn't have a resource type 'pods' in group 'apps'"],
    });
    expect(resolveResource('deployments.v2.apps')).toMatchObject({
      known: false,
      warnings: ["Warning: the server doesn't have a resource type 'deployments' in group 'v2.apps'"],
    });
    expect(resolveResource('deployments.extensions').known).toBe(false);
  });

  it('accepts users and groups silently (impersonate) though discovery does not list them', () => {
    expect(resolveResource('users')).toEqual({ group: '', resource: 'users', version: '', namespaced: null, known: false, warnings: [] });
    expect(resolveResource('groups').warnings).toEqual([]);
  });

  it('takes no subresource: the caller splits pods/log at the first slash', () => {
    expect(resolveResource('pods/log').known).toBe(false);
    const [resource = '', name] = 'pods/log'.split(/\/(.*)/s);
    expect(resolveResource(resource)).toMatchObject({ group: '', resource: 'pods', known: true });
    expect(name).toBe('log');
  });
});

describe('isNamespaced', () => {
  it('answers from the table and null for what it does not know', () => {
    expect(isNamespaced('', 'pods')).toBe(true);
    expect(isNamespaced('', 'nodes')).toBe(false);
    expect(isNamespaced('rbac.authorization.k8s.io', 'clusterroles')).toBe(false);
    expect(isNamespaced('rbac.authorization.k8s.io', 'roles')).toBe(true);
    expect(isNamespaced('apps', 'pods')).toBeNull();
    expect(isNamespaced('', 'pods/log')).toBeNull();
  });
});
