// What the reader gives the checks: the API server's defaulting before admission (volumes without a source are
// emptyDir; a Pod with hostNetwork gets hostPort = containerPort; a Pod's AppArmor annotations become fields),
// and strict reading of securityContext fields.
import { describe, expect, it } from 'vitest';
import { check, failed, object, podYaml, readModel, template } from './test-builders';

describe('volume defaulting', () => {
  it('a volume without a source is an emptyDir, allowed at restricted', () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: default
spec:
  containers:
  - name: app
    image: nginx
  volumes:
  - name: scratch
`;
    const t = template(yaml);
    expect(t.spec.volumes).toEqual([{ name: 'scratch', source: 'emptyDir', defaulted: true, index: 0 }]);
    expect(check('restrictedVolumes', 'restricted', 'latest', yaml).allowed).toBe(true);
  });

  it('templates are defaulted the same way', () => {
    const t = template(podYaml({ containers: [{ name: 'a', image: 'x' }], volumes: [{ name: 'v' }] }, { kind: 'Deployment' }));
    expect(t.spec.volumes[0]).toMatchObject({ source: 'emptyDir', defaulted: true });
  });

  it('a source written as null counts as none', () => {
    const t = template(podYaml({ containers: [{ name: 'a', image: 'x' }], volumes: [{ name: 'v', hostPath: null }] }));
    expect(t.spec.volumes[0]).toMatchObject({ source: 'emptyDir', defaulted: true });
  });

  it('two sources are flagged (the API server rejects them)', () => {
    const { diagnostics } = readModel(podYaml({ containers: [{ name: 'a', image: 'x' }], volumes: [{ name: 'v', emptyDir: {}, hostPath: { path: '/' } }] }));
    expect(diagnostics.some((d) => d.code === 'invalid-value' && d.message.includes('may not specify more than 1 volume type'))).toBe(true);
  });
});

describe('hostNetwork port defaulting (Pods only)', () => {
  const spec = {
    hostNetwork: true,
    initContainers: [{ name: 'init', image: 'x', ports: [{ containerPort: 9000 }] }],
    containers: [{ name: 'app', image: 'x', ports: [{ containerPort: 8080 }, { containerPort: 8443, hostPort: 443 }] }],
    ephemeralContainers: [{ name: 'debug', image: 'x', ports: [{ containerPort: 7000 }] }],
  };

  it('a Pod gets hostPort = containerPort on init and regular containers, not ephemeral ones', () => {
    const t = template(podYaml(spec));
    expect(t.spec.containers.map((c) => c.ports.map((p) => p.hostPort))).toEqual([[9000], [8080, 443], [0]]);
    const r = check('hostPorts', 'baseline', 'latest', podYaml(spec));
    expect(r.detail).toBe('containers "init", "app" use hostPorts 443, 8080, 9000');
    // the fault of a defaulted port is its containerPort (what the learner wrote)
    expect(r.faults).toContainEqual(['spec', 'initContainers', 0, 'ports', 0, 'containerPort']);
    expect(r.faults).toContainEqual(['spec', 'containers', 0, 'ports', 1, 'hostPort']);
  });

  it('a Deployment template is not defaulted: only the written hostPort fails', () => {
    const yaml = podYaml(spec, { kind: 'Deployment' });
    expect(failed('baseline', 'latest', yaml).map((r) => `${r.reason} (${r.detail})`)).toEqual(['host namespaces (hostNetwork=true)', 'hostPort (container "app" uses hostPort 443)']);
  });

  it('without hostNetwork nothing is defaulted', () => {
    const t = template(podYaml({ ...spec, hostNetwork: false }));
    expect(t.spec.containers.flatMap((c) => c.ports.map((p) => p.hostPort))).toEqual([0, 0, 443, 0]);
  });
});

describe('AppArmor annotations become fields (Pods only)', () => {
  const KEY = 'container.apparmor.security.beta.kubernetes.io/';

  it('a Pod: the container gets the field, and both field and annotation are reported', () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: default
  annotations:
    container.apparmor.security.beta.kubernetes.io/app: unconfined
spec:
  containers:
  - name: app
    image: nginx
`;
    expect(template(yaml).spec.containers[0]!.securityContext?.appArmorProfile).toEqual({ type: 'Unconfined', localhostProfile: null });
    const r = check('appArmorProfile', 'baseline', 'latest', yaml);
    expect(r.reason).toBe('forbidden AppArmor profiles');
    expect(r.detail).toBe('container "app" and annotation must not set AppArmor profile type to "Unconfined", "container.apparmor.security.beta.kubernetes.io/app="unconfined""');
  });

  it('a Deployment template keeps the annotation only', () => {
    const yaml = podYaml({ containers: [{ name: 'app', image: 'nginx' }] }, { kind: 'Deployment', annotations: { [`${KEY}app`]: 'unconfined' } });
    expect(template(yaml).spec.containers[0]!.securityContext).toBeNull();
    const r = check('appArmorProfile', 'baseline', 'latest', yaml);
    expect(r.reason).toBe('forbidden AppArmor profile');
    expect(r.detail).toBe('annotation must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/app="unconfined""');
  });

  it('runtime/default and localhost/NAME become RuntimeDefault and Localhost fields', () => {
    const t = template(
      podYaml({ containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'x', securityContext: { runAsUser: 5 } }] }, { annotations: { [`${KEY}a`]: 'runtime/default', [`${KEY}b`]: 'localhost/k8s-web' } }),
    );
    expect(t.spec.containers[0]!.securityContext?.appArmorProfile).toEqual({ type: 'RuntimeDefault', localhostProfile: null });
    expect(t.spec.containers[1]!.securityContext).toMatchObject({ runAsUser: 5, appArmorProfile: { type: 'Localhost', localhostProfile: 'k8s-web' } });
  });

  it('a container field wins over its annotation', () => {
    const yaml = podYaml({ containers: [{ name: 'a', image: 'x', securityContext: { appArmorProfile: { type: 'RuntimeDefault' } } }] }, { annotations: { [`${KEY}a`]: 'unconfined' } });
    expect(template(yaml).spec.containers[0]!.securityContext?.appArmorProfile?.type).toBe('RuntimeDefault');
    expect(check('appArmorProfile', 'baseline', 'latest', yaml).detail).toBe('annotation must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/a="unconfined""');
  });

  it('an annotation equal to the pod profile is not copied', () => {
    const yaml = podYaml({ securityContext: { appArmorProfile: { type: 'Unconfined' } }, containers: [{ name: 'a', image: 'x' }] }, { annotations: { [`${KEY}a`]: 'unconfined' } });
    expect(template(yaml).spec.containers[0]!.securityContext).toBeNull();
    expect(check('appArmorProfile', 'baseline', 'latest', yaml).detail).toBe(
      'pod and annotation must not set AppArmor profile type to "Unconfined", "container.apparmor.security.beta.kubernetes.io/a="unconfined""',
    );
  });

  it('annotations that mean no valid profile, other containers\' names, and Windows pods are left alone', () => {
    for (const value of ['localhost/', 'bogus', '']) {
      const t = template(podYaml({ containers: [{ name: 'a', image: 'x' }] }, { annotations: { [`${KEY}a`]: value } }));
      expect(t.spec.containers[0]!.securityContext).toBeNull();
    }
    expect(template(podYaml({ containers: [{ name: 'a', image: 'x' }] }, { annotations: { [`${KEY}b`]: 'unconfined' } })).spec.containers[0]!.securityContext).toBeNull();
    const win = podYaml({ os: { name: 'windows' }, containers: [{ name: 'a', image: 'x' }] }, { annotations: { [`${KEY}a`]: 'unconfined' } });
    expect(template(win).spec.containers[0]!.securityContext).toBeNull();
    expect(check('appArmorProfile', 'baseline', 'latest', win).reason).toBe('forbidden AppArmor profile');
  });

  it('init and ephemeral containers are synced too', () => {
    const t = template(
      podYaml(
        { initContainers: [{ name: 'i', image: 'x' }], containers: [{ name: 'a', image: 'x' }], ephemeralContainers: [{ name: 'e', image: 'x' }] },
        { annotations: { [`${KEY}i`]: 'unconfined', [`${KEY}e`]: 'unconfined' } },
      ),
    );
    expect(t.spec.containers.map((c) => c.securityContext?.appArmorProfile?.type ?? null)).toEqual(['Unconfined', null, 'Unconfined']);
  });
});

describe('strict securityContext fields', () => {
  const errorsOf = (yaml: string): string[] => readModel(yaml).diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);

  it('a misspelt container securityContext field is an error with a did-you-mean', () => {
    const yaml = podYaml({ containers: [{ name: 'app', image: 'x', securityContext: { runAsNonroot: true } }] });
    expect(errorsOf(yaml)).toEqual(['unknown field spec.containers[0].securityContext.runAsNonroot; did you mean runAsNonRoot? (Pod default/p)']);
    expect(() => object(yaml)).toThrow(/did you mean runAsNonRoot/);
  });

  it('a misspelt pod securityContext field, and one in a template', () => {
    expect(errorsOf(podYaml({ securityContext: { seccompProfle: { type: 'RuntimeDefault' } }, containers: [{ name: 'a', image: 'x' }] }))).toEqual([
      'unknown field spec.securityContext.seccompProfle; did you mean seccompProfile? (Pod default/p)',
    ]);
    const dep = errorsOf(podYaml({ containers: [{ name: 'a', image: 'x', securityContext: { allowPrivilegeEscalaton: false } }] }, { kind: 'Deployment' }));
    expect(dep).toHaveLength(1);
    expect(dep[0]).toMatch(/^unknown field spec\.template\.spec\.containers\[0\]\.securityContext\.allowPrivilegeEscalaton; did you mean allowPrivilegeEscalation\?/);
  });

  it('an unknown field unlike any is still an error inside securityContext, listing the fields', () => {
    const errs = errorsOf(podYaml({ containers: [{ name: 'a', image: 'x', securityContext: { zzz: 1 } }] }));
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(/^unknown field spec\.containers\[0\]\.securityContext\.zzz; expected one of capabilities, privileged, .*allowPrivilegeEscalation/);
  });

  it('nested securityContext types are strict too (capabilities, seccompProfile)', () => {
    const errs = errorsOf(podYaml({ containers: [{ name: 'a', image: 'x', securityContext: { capabilities: { drops: ['ALL'] }, seccompProfile: { typ: 'RuntimeDefault' } } }] }));
    expect(errs).toEqual([
      'unknown field spec.containers[0].securityContext.capabilities.drops; did you mean drop? (Pod default/p)',
      'unknown field spec.containers[0].securityContext.seccompProfile.typ; did you mean type? (Pod default/p)',
    ]);
  });

  it('a near miss in the pod spec is an error, and so is an unknown container field far from any', () => {
    expect(errorsOf(podYaml({ hostNetwrok: true, containers: [{ name: 'a', image: 'x' }] }))).toEqual([
      'unknown field spec.hostNetwrok; did you mean hostNetwork? (Pod default/p)',
    ]);
    const { diagnostics } = readModel(podYaml({ containers: [{ name: 'a', image: 'x', qqqqqqq: 1 }] }));
    expect(diagnostics.map((d) => [d.severity, d.code, d.message])).toEqual([
      ['error', 'unknown-field', 'unknown field spec.containers[0].qqqqqqq; Container has no such field (Pod default/p)'],
    ]);
  });
});

describe('what the checks see', () => {
  it('containers come in visiting order whatever the YAML order', () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: default
spec:
  ephemeralContainers:
  - name: e
    image: x
  containers:
  - name: c1
    image: x
  - name: c2
    image: x
  initContainers:
  - name: i
    image: x
`;
    expect(template(yaml).spec.containers.map((c) => `${c.group}:${c.name}`)).toEqual(['initContainers:i', 'containers:c1', 'containers:c2', 'ephemeralContainers:e']);
  });

  it('reads every kind with a pod template at its place', () => {
    const spec = { hostIPC: true, containers: [{ name: 'a', image: 'x' }] };
    const kinds: [string, string][] = [
      ['apps/v1', 'ReplicaSet'],
      ['apps/v1', 'StatefulSet'],
      ['apps/v1', 'DaemonSet'],
      ['batch/v1', 'Job'],
    ];
    for (const [apiVersion, kind] of kinds) {
      const yaml = `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: w\n  namespace: default\nspec:\n  selector:\n    matchLabels: {app: w}\n  template:\n    metadata:\n      labels: {app: w}\n    spec: ${JSON.stringify(spec)}\n`;
      const o = object(yaml);
      expect(o.isPod).toBe(false);
      expect(o.template?.spec.hostIPC).toBe(true);
      expect(o.template?.spec.path).toEqual(['spec', 'template', 'spec']);
    }
    const cron = `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\n  namespace: default\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec: ${JSON.stringify({ ...spec, restartPolicy: 'Never' })}\n`;
    expect(object(cron).template?.spec.path).toEqual(['spec', 'jobTemplate', 'spec', 'template', 'spec']);
    expect(object(cron).template?.spec.hostIPC).toBe(true);
  });

  it('a ReplicationController without a template has nothing to judge', () => {
    const o = object('apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: rc\n  namespace: default\nspec:\n  replicas: 0\n');
    expect(o.template).toBeNull();
  });

  it('hostUsers: unset is null, false is false', () => {
    expect(template(podYaml({ containers: [{ name: 'a', image: 'x' }] })).spec.hostUsers).toBeNull();
    expect(template(podYaml({ hostUsers: false, containers: [{ name: 'a', image: 'x' }] })).spec.hostUsers).toBe(false);
  });
});

describe('the API server\'s securityContext validation, as warnings (Pod Security still judges the pod)', () => {
  const warnings = (sc: Record<string, unknown>): string[] =>
    readModel(podYaml({ containers: [{ name: 'a', image: 'x', securityContext: sc }] }))
      .diagnostics.filter((d) => d.code === 'invalid-value')
      .map((d) => d.message);
  it('allowPrivilegeEscalation false with privileged true, or with CAP_SYS_ADMIN added', () => {
    expect(warnings({ allowPrivilegeEscalation: false, privileged: true })).toEqual([
      'spec.containers[0].securityContext: Invalid value: cannot set `allowPrivilegeEscalation` to false and `privileged` to true (Pod default/p)',
    ]);
    expect(warnings({ allowPrivilegeEscalation: false, capabilities: { add: ['CAP_SYS_ADMIN'] } })).toEqual([
      'spec.containers[0].securityContext: Invalid value: cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN (Pod default/p)',
    ]);
    expect(warnings({ allowPrivilegeEscalation: true, privileged: true })).toEqual([]);
    expect(warnings({ allowPrivilegeEscalation: false, capabilities: { add: ['NET_ADMIN'] } })).toEqual([]);
  });
});
