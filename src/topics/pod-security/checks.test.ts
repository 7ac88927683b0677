// Every Pod Security check, against the rules of k8s.io/pod-security-admission's policy/check_*.go: the decision,
// the exact reason and detail strings (pluralisation, visiting order, sorted value sets) and the version boundaries.
import { describe, expect, it } from 'vitest';
import { RESTRICTED_VOLUME_SOURCES, joinQuote, byteOrder } from './checks';
import { check, failed, goodContainer, podYaml, results, runs } from './test-builders';

const c = (name: string, securityContext?: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  name,
  image: 'registry.example/app:1',
  ...(securityContext ? { securityContext } : {}),
  ...extra,
});

describe('helpers', () => {
  it('joinQuote quotes without escaping and is empty for no items', () => {
    expect(joinQuote([])).toBe('');
    expect(joinQuote(['a'])).toBe('"a"');
    expect(joinQuote(['a', 'b"c'])).toBe('"a", "b"c"');
  });

  it('byteOrder sorts upper case before lower case and by code point', () => {
    expect(['b', 'B', 'a', 'A', '_'].sort(byteOrder)).toEqual(['A', 'B', '_', 'a', 'b']);
    expect(['seccompProfile_baseline', 'seLinuxOptions'].sort(byteOrder)).toEqual(['seLinuxOptions', 'seccompProfile_baseline']);
    // A character beyond the BMP sorts after U+FFFF-range characters, as UTF-8 bytes do.
    expect(['\u{1F600}', '\uFF5E'].sort(byteOrder)).toEqual(['\uFF5E', '\u{1F600}']);
  });
});

describe('allowPrivilegeEscalation (restricted, from v1.8)', () => {
  it('runs at restricted from v1.8 and never at baseline', () => {
    expect(runs('allowPrivilegeEscalation', 'restricted', 'v1.7')).toBe(false);
    expect(runs('allowPrivilegeEscalation', 'restricted', 'v1.8')).toBe(true);
    expect(runs('allowPrivilegeEscalation', 'baseline', 'latest')).toBe(false);
  });

  it('names every container that does not set false, init then regular then ephemeral', () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: default
spec:
  ephemeralContainers:
  - name: debug
    image: busybox
    securityContext:
      allowPrivilegeEscalation: true
  containers:
  - name: app
    image: nginx
    securityContext:
      allowPrivilegeEscalation: false
  - name: sidecar
    image: nginx
  initContainers:
  - name: setup
    image: busybox
    securityContext: {}
`;
    const r = check('allowPrivilegeEscalation', 'restricted', 'latest', yaml);
    expect(r.allowed).toBe(false);
    expect(r.reason).toBe('allowPrivilegeEscalation != false');
    expect(r.detail).toBe('containers "setup", "sidecar", "debug" must set securityContext.allowPrivilegeEscalation=false');
  });

  it('uses the singular for one container and allows false', () => {
    const one = check('allowPrivilegeEscalation', 'restricted', 'latest', podYaml({ containers: [c('app')] }));
    expect(one.detail).toBe('container "app" must set securityContext.allowPrivilegeEscalation=false');
    const ok = check('allowPrivilegeEscalation', 'restricted', 'latest', podYaml({ containers: [c('app', { allowPrivilegeEscalation: false })] }));
    expect(ok).toMatchObject({ allowed: true, reason: '', detail: '' });
  });

  it('exempts Windows pods from v1.25 only', () => {
    const yaml = podYaml({ os: { name: 'windows' }, containers: [c('app')] });
    expect(check('allowPrivilegeEscalation', 'restricted', 'v1.24', yaml).allowed).toBe(false);
    expect(check('allowPrivilegeEscalation', 'restricted', 'v1.25', yaml).allowed).toBe(true);
    expect(check('allowPrivilegeEscalation', 'restricted', 'latest', yaml).allowed).toBe(true);
    // os.name linux is not exempt
    expect(check('allowPrivilegeEscalation', 'restricted', 'latest', podYaml({ os: { name: 'linux' }, containers: [c('app')] })).allowed).toBe(false);
  });
});

describe('appArmorProfile (baseline)', () => {
  it('allows RuntimeDefault and Localhost profiles and unset', () => {
    const yaml = podYaml({
      securityContext: { appArmorProfile: { type: 'RuntimeDefault' } },
      containers: [c('a', { appArmorProfile: { type: 'Localhost', localhostProfile: 'k8s-nginx' } }), c('b')],
    });
    expect(check('appArmorProfile', 'baseline', 'latest', yaml).allowed).toBe(true);
  });

  it('names the pod alone with the singular reason', () => {
    const r = check('appArmorProfile', 'baseline', 'latest', podYaml({ securityContext: { appArmorProfile: { type: 'Unconfined' } }, containers: [c('a')] }, { kind: 'Deployment' }));
    expect(r.reason).toBe('forbidden AppArmor profile');
    expect(r.detail).toBe('pod must not set AppArmor profile type to "Unconfined"');
  });

  it('deduplicates and sorts the bad types; containers in visiting order', () => {
    const yaml = podYaml(
      {
        initContainers: [c('init', { appArmorProfile: { type: 'Unconfined' } })],
        containers: [c('main', { appArmorProfile: { type: 'Unconfined' } }), c('ok', { appArmorProfile: { type: 'RuntimeDefault' } })],
      },
      { kind: 'Deployment' },
    );
    const r = check('appArmorProfile', 'baseline', 'latest', yaml);
    expect(r.reason).toBe('forbidden AppArmor profile');
    expect(r.detail).toBe('containers "init", "main" must not set AppArmor profile type to "Unconfined"');
  });

  it('checks annotations of templates as written (no field sync), sorted, after the field values', () => {
    const yaml = podYaml(
      { securityContext: { appArmorProfile: { type: 'Unconfined' } }, containers: [c('b'), c('a')] },
      {
        kind: 'Deployment',
        annotations: {
          'container.apparmor.security.beta.kubernetes.io/b': 'unconfined',
          'container.apparmor.security.beta.kubernetes.io/a': 'weird',
          'container.apparmor.security.beta.kubernetes.io/c': 'runtime/default',
          'container.apparmor.security.beta.kubernetes.io/d': 'localhost/custom',
          'container.apparmor.security.beta.kubernetes.io/e': '',
        },
      },
    );
    const r = check('appArmorProfile', 'baseline', 'latest', yaml);
    expect(r.reason).toBe('forbidden AppArmor profiles');
    expect(r.detail).toBe(
      'pod and annotations must not set AppArmor profile type to "Unconfined", ' +
        '"container.apparmor.security.beta.kubernetes.io/a="weird"", "container.apparmor.security.beta.kubernetes.io/b="unconfined""',
    );
  });

  it('checks an annotation even for a container the pod does not have', () => {
    const yaml = podYaml({ containers: [c('app')] }, { kind: 'Deployment', annotations: { 'container.apparmor.security.beta.kubernetes.io/ghost': 'unconfined' } });
    const r = check('appArmorProfile', 'baseline', 'latest', yaml);
    expect(r.reason).toBe('forbidden AppArmor profile');
    expect(r.detail).toBe('annotation must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/ghost="unconfined""');
  });

  it('quotes annotation values as Go %q does', () => {
    const yaml = podYaml({ containers: [c('app')] }, { kind: 'Deployment', annotations: { 'container.apparmor.security.beta.kubernetes.io/app': 'a"b\tc' } });
    expect(check('appArmorProfile', 'baseline', 'latest', yaml).detail).toBe(
      'annotation must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/app="a\\"b\\tc""',
    );
  });

  it('runs at every version of baseline and restricted', () => {
    for (const v of ['v1.0', 'v1.19', 'v1.30', 'latest']) {
      expect(runs('appArmorProfile', 'baseline', v)).toBe(true);
      expect(runs('appArmorProfile', 'restricted', v)).toBe(true);
    }
  });
});

describe('capabilities_baseline', () => {
  it('allows the default set and forbids others, sorted and deduplicated', () => {
    const defaults = ['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT'];
    expect(check('capabilities_baseline', 'baseline', 'latest', podYaml({ containers: [c('a', { capabilities: { add: defaults } })] })).allowed).toBe(true);
    const yaml = podYaml({
      containers: [
        c('a', { capabilities: { add: ['SYS_TIME', 'CHOWN', 'NET_RAW'] } }),
        c('b', { capabilities: { add: ['NET_RAW'], drop: ['ALL'] } }),
        c('c', { capabilities: { add: ['KILL'] } }),
      ],
    });
    const r = check('capabilities_baseline', 'baseline', 'latest', yaml);
    expect(r.reason).toBe('non-default capabilities');
    expect(r.detail).toBe('containers "a", "b" must not include "NET_RAW", "SYS_TIME" in securityContext.capabilities.add');
  });

  it('is case-sensitive and singular for one container', () => {
    const r = check('capabilities_baseline', 'baseline', 'latest', podYaml({ containers: [c('a', { capabilities: { add: ['chown'] } })] }));
    expect(r.detail).toBe('container "a" must not include "chown" in securityContext.capabilities.add');
  });

  it('runs at restricted only before v1.22, where capabilities_restricted takes over', () => {
    expect(runs('capabilities_baseline', 'restricted', 'v1.21')).toBe(true);
    expect(runs('capabilities_restricted', 'restricted', 'v1.21')).toBe(false);
    expect(runs('capabilities_baseline', 'restricted', 'v1.22')).toBe(false);
    expect(runs('capabilities_restricted', 'restricted', 'v1.22')).toBe(true);
    expect(runs('capabilities_baseline', 'baseline', 'latest')).toBe(true);
    expect(runs('capabilities_restricted', 'baseline', 'latest')).toBe(false);
  });

  it('at restricted v1.21 a container without drop ALL passes capabilities', () => {
    const yaml = podYaml({ containers: [c('a', { capabilities: { add: ['SYS_ADMIN'] } })] });
    expect(failed('restricted', 'v1.21', yaml).map((r) => r.check)).toContain('capabilities_baseline');
    expect(check('capabilities_baseline', 'restricted', 'v1.21', podYaml({ containers: [c('a')] })).allowed).toBe(true);
  });
});

describe('capabilities_restricted (from v1.22)', () => {
  it('requires drop ALL (exactly) and allows adding only NET_BIND_SERVICE', () => {
    const ok = podYaml({ containers: [c('a', { capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } })] });
    expect(check('capabilities_restricted', 'restricted', 'latest', ok).allowed).toBe(true);
    const lower = podYaml({ containers: [c('a', { capabilities: { drop: ['all'] } })] });
    expect(check('capabilities_restricted', 'restricted', 'latest', lower).detail).toBe('container "a" must set securityContext.capabilities.drop=["ALL"]');
  });

  it('joins the missing-drop and forbidden-add parts with "; "', () => {
    const yaml = podYaml({
      initContainers: [c('init')],
      containers: [
        c('a', { capabilities: { drop: ['NET_RAW'] } }),
        c('b', { capabilities: { drop: ['ALL'], add: ['SYS_TIME', 'NET_BIND_SERVICE', 'CHOWN'] } }),
        c('d', { capabilities: { add: ['CHOWN'] } }),
      ],
    });
    const r = check('capabilities_restricted', 'restricted', 'latest', yaml);
    expect(r.reason).toBe('unrestricted capabilities');
    expect(r.detail).toBe(
      'containers "init", "a", "d" must set securityContext.capabilities.drop=["ALL"]; containers "b", "d" must not include "CHOWN", "SYS_TIME" in securityContext.capabilities.add',
    );
  });

  it('reports only the forbidden add when drop ALL is there', () => {
    const r = check('capabilities_restricted', 'restricted', 'latest', podYaml({ containers: [c('a', { capabilities: { drop: ['ALL'], add: ['NET_ADMIN'] } })] }));
    expect(r.detail).toBe('container "a" must not include "NET_ADMIN" in securityContext.capabilities.add');
  });

  it('exempts Windows pods from v1.25 only', () => {
    const yaml = podYaml({ os: { name: 'windows' }, containers: [c('a')] });
    expect(check('capabilities_restricted', 'restricted', 'v1.24', yaml).allowed).toBe(false);
    expect(check('capabilities_restricted', 'restricted', 'v1.25', yaml).allowed).toBe(true);
  });
});

describe('hostNamespaces (baseline)', () => {
  it('lists the host namespaces in network, PID, IPC order', () => {
    const r = check('hostNamespaces', 'baseline', 'latest', podYaml({ hostIPC: true, hostPID: true, hostNetwork: true, containers: [c('a')] }, { kind: 'Deployment' }));
    expect(r).toMatchObject({ allowed: false, reason: 'host namespaces', detail: 'hostNetwork=true, hostPID=true, hostIPC=true' });
    expect(check('hostNamespaces', 'baseline', 'latest', podYaml({ hostPID: true, containers: [c('a')] })).detail).toBe('hostPID=true');
  });

  it('allows explicit false', () => {
    expect(check('hostNamespaces', 'baseline', 'latest', podYaml({ hostIPC: false, hostPID: false, hostNetwork: false, containers: [c('a')] })).allowed).toBe(true);
  });
});

describe('hostPathVolumes (baseline) and restrictedVolumes (restricted, overrides it)', () => {
  const vols = podYaml({
    containers: [c('a')],
    volumes: [
      { name: 'logs', hostPath: { path: '/var/log' } },
      { name: 'scratch', emptyDir: {} },
      { name: 'sock', hostPath: { path: '/run/containerd/containerd.sock' } },
    ],
  });

  it('names hostPath volumes in spec order', () => {
    const r = check('hostPathVolumes', 'baseline', 'latest', vols);
    expect(r).toMatchObject({ allowed: false, reason: 'hostPath volumes', detail: 'volumes "logs", "sock"' });
    const one = podYaml({ containers: [c('a')], volumes: [{ name: 'logs', hostPath: { path: '/var/log' } }] });
    expect(check('hostPathVolumes', 'baseline', 'latest', one).detail).toBe('volume "logs"');
  });

  it('restricted runs restrictedVolumes instead of hostPathVolumes at every version', () => {
    for (const v of ['v1.0', 'v1.22', 'latest']) {
      expect(runs('hostPathVolumes', 'restricted', v)).toBe(false);
      expect(runs('restrictedVolumes', 'restricted', v)).toBe(true);
      expect(runs('restrictedVolumes', 'baseline', v)).toBe(false);
    }
    const r = check('restrictedVolumes', 'restricted', 'latest', vols);
    expect(r.reason).toBe('restricted volume types');
    expect(r.detail).toBe('volumes "logs", "sock" use restricted volume type "hostPath"');
  });

  it('allows the nine allowed volume types and a volume with no source (defaulted to emptyDir)', () => {
    const yaml = podYaml({
      containers: [c('a')],
      volumes: [
        { name: 'v1', configMap: { name: 'cm' } },
        { name: 'v2', csi: { driver: 'inline.example.com' } },
        { name: 'v3', downwardAPI: { items: [] } },
        { name: 'v4', emptyDir: {} },
        { name: 'v5', ephemeral: { volumeClaimTemplate: { spec: {} } } },
        { name: 'v6', image: { reference: 'registry.example/data:1' } },
        { name: 'v7', persistentVolumeClaim: { claimName: 'data' } },
        { name: 'v8', projected: { sources: [] } },
        { name: 'v9', secret: { secretName: 's' } },
        { name: 'v10' },
      ],
    });
    expect(check('restrictedVolumes', 'restricted', 'latest', yaml).allowed).toBe(true);
  });

  it('names each restricted type as upstream spells it', () => {
    for (const source of RESTRICTED_VOLUME_SOURCES) {
      const r = check('restrictedVolumes', 'restricted', 'latest', podYaml({ containers: [c('a')], volumes: [{ name: 'x', [source]: {} }] }));
      expect(r.detail).toBe(`volume "x" uses restricted volume type "${source}"`);
    }
  });

  it('sorts the distinct types and keeps volumes in spec order', () => {
    const yaml = podYaml({
      containers: [c('a')],
      volumes: [
        { name: 'repo', gitRepo: { repository: 'https://example.com/r.git' } },
        { name: 'ok', secret: { secretName: 's' } },
        { name: 'share', nfs: { server: 'nfs.example', path: '/' } },
        { name: 'host', hostPath: { path: '/' } },
        { name: 'share2', nfs: { server: 'nfs.example', path: '/b' } },
      ],
    });
    expect(check('restrictedVolumes', 'restricted', 'latest', yaml).detail).toBe(
      'volumes "repo", "share", "host", "share2" use restricted volume types "gitRepo", "hostPath", "nfs"',
    );
  });
});

describe('hostPorts (baseline)', () => {
  it('sorts ports as strings, deduplicated, and pluralises container/uses and hostPort', () => {
    const yaml = podYaml({
      containers: [
        c('a', undefined, { ports: [{ containerPort: 8080, hostPort: 8080 }, { containerPort: 443, hostPort: 443 }] }),
        c('b', undefined, { ports: [{ containerPort: 80 }] }),
        c('c', undefined, { ports: [{ containerPort: 9000, hostPort: 8080 }] }),
      ],
    });
    const r = check('hostPorts', 'baseline', 'latest', yaml);
    expect(r.reason).toBe('hostPort');
    expect(r.detail).toBe('containers "a", "c" use hostPorts 443, 8080');
  });

  it('one container, two ports: "uses hostPorts" in string order', () => {
    const yaml = podYaml({ containers: [c('a', undefined, { ports: [{ containerPort: 80, hostPort: 80 }, { containerPort: 443, hostPort: 443 }] })] });
    expect(check('hostPorts', 'baseline', 'latest', yaml).detail).toBe('container "a" uses hostPorts 443, 80');
  });

  it('two containers, one port: "use hostPort"', () => {
    const yaml = podYaml({
      initContainers: [c('i', undefined, { ports: [{ containerPort: 1, hostPort: 9090 }] })],
      containers: [c('a', undefined, { ports: [{ containerPort: 2, hostPort: 9090 }] })],
    });
    expect(check('hostPorts', 'baseline', 'latest', yaml).detail).toBe('containers "i", "a" use hostPort 9090');
  });

  it('allows hostPort 0', () => {
    expect(check('hostPorts', 'baseline', 'latest', podYaml({ containers: [c('a', undefined, { ports: [{ containerPort: 80, hostPort: 0 }] })] })).allowed).toBe(true);
  });
});

describe('hostProbesAndHostLifecycle (baseline, from v1.34)', () => {
  const yaml = podYaml({
    containers: [
      c('zeta', undefined, {
        livenessProbe: { httpGet: { host: 'example.com', port: 80 } },
        readinessProbe: { tcpSocket: { host: '10.0.0.1', port: 80 } },
      }),
      c('alpha', undefined, { lifecycle: { preStop: { httpGet: { host: 'example.com', port: 80 } } } }),
      c('ok', undefined, { startupProbe: { httpGet: { host: '', port: 80 } } }),
    ],
  });

  it('runs from v1.34 at baseline and restricted', () => {
    expect(runs('hostProbesAndHostLifecycle', 'baseline', 'v1.33')).toBe(false);
    expect(runs('hostProbesAndHostLifecycle', 'baseline', 'v1.34')).toBe(true);
    expect(runs('hostProbesAndHostLifecycle', 'restricted', 'v1.33')).toBe(false);
    expect(runs('hostProbesAndHostLifecycle', 'restricted', 'v1.34')).toBe(true);
    expect(failed('baseline', 'v1.33', yaml)).toEqual([]);
  });

  it('sorts container names and hosts (both are sets upstream)', () => {
    const r = check('hostProbesAndHostLifecycle', 'baseline', 'latest', yaml);
    expect(r.reason).toBe('probe or lifecycle host');
    expect(r.detail).toBe('containers "alpha", "zeta" use probe or lifecycle hosts "10.0.0.1", "example.com"');
  });

  it('singular forms', () => {
    const one = podYaml({ containers: [c('app', undefined, { lifecycle: { postStart: { tcpSocket: { host: 'localhost', port: 1 } } } })] });
    expect(check('hostProbesAndHostLifecycle', 'baseline', 'latest', one).detail).toBe('container "app" uses probe or lifecycle host "localhost"');
  });
});

describe('privileged (baseline)', () => {
  it('names privileged containers; false and unset pass', () => {
    const yaml = podYaml({
      initContainers: [c('i', { privileged: true })],
      containers: [c('a', { privileged: false }), c('b'), c('d', { privileged: true })],
    });
    const r = check('privileged', 'baseline', 'latest', yaml);
    expect(r).toMatchObject({ reason: 'privileged', detail: 'containers "i", "d" must not set securityContext.privileged=true' });
    expect(check('privileged', 'baseline', 'latest', podYaml({ containers: [c('a', { privileged: true })] })).detail).toBe('container "a" must not set securityContext.privileged=true');
  });
});

describe('procMount (baseline) and procMount_restricted', () => {
  const unmasked = (hostUsers?: boolean): string =>
    podYaml({ ...(hostUsers === undefined ? {} : { hostUsers }), containers: [c('a', { procMount: 'Unmasked' }), c('b', { procMount: 'Default' })] });

  it('forbids any procMount but Default', () => {
    const r = check('procMount', 'baseline', 'latest', unmasked());
    expect(r).toMatchObject({ reason: 'procMount', detail: 'container "a" must not set securityContext.procMount to "Unmasked"' });
  });

  it('relaxes baseline for hostUsers: false from v1.35, not before, and not for hostUsers: true', () => {
    expect(check('procMount', 'baseline', 'v1.34', unmasked(false)).allowed).toBe(false);
    expect(check('procMount', 'baseline', 'v1.35', unmasked(false)).allowed).toBe(true);
    expect(check('procMount', 'baseline', 'latest', unmasked(false)).allowed).toBe(true);
    expect(check('procMount', 'baseline', 'latest', unmasked(true)).allowed).toBe(false);
  });

  it('restricted keeps the strict check: procMount before v1.35, procMount_restricted from v1.35', () => {
    expect(runs('procMount', 'restricted', 'v1.34')).toBe(true);
    expect(runs('procMount_restricted', 'restricted', 'v1.34')).toBe(false);
    expect(runs('procMount', 'restricted', 'v1.35')).toBe(false);
    expect(runs('procMount_restricted', 'restricted', 'v1.35')).toBe(true);
    expect(runs('procMount_restricted', 'baseline', 'latest')).toBe(false);
    const r = check('procMount_restricted', 'restricted', 'latest', unmasked(false));
    expect(r).toMatchObject({ allowed: false, reason: 'procMount', detail: 'container "a" must not set securityContext.procMount to "Unmasked"' });
  });
});

describe('runAsNonRoot (restricted)', () => {
  it('requires true on the pod or every container', () => {
    const r = check('runAsNonRoot', 'restricted', 'latest', podYaml({ containers: [c('a'), c('b', { runAsNonRoot: true })] }));
    expect(r).toMatchObject({ reason: 'runAsNonRoot != true', detail: 'pod or container "a" must set securityContext.runAsNonRoot=true' });
    const two = check('runAsNonRoot', 'restricted', 'latest', podYaml({ initContainers: [c('i')], containers: [c('a')] }));
    expect(two.detail).toBe('pod or containers "i", "a" must set securityContext.runAsNonRoot=true');
    expect(check('runAsNonRoot', 'restricted', 'latest', podYaml({ securityContext: { runAsNonRoot: true }, containers: [c('a'), c('b')] })).allowed).toBe(true);
  });

  it('reports explicit false first (pod and containers), hiding the implicit ones', () => {
    const r = check('runAsNonRoot', 'restricted', 'latest', podYaml({ securityContext: { runAsNonRoot: false }, containers: [c('a'), c('b', { runAsNonRoot: false })] }));
    expect(r.detail).toBe('pod and container "b" must not set securityContext.runAsNonRoot=false');
    const podOnly = check('runAsNonRoot', 'restricted', 'latest', podYaml({ securityContext: { runAsNonRoot: false }, containers: [c('a')] }));
    expect(podOnly.detail).toBe('pod must not set securityContext.runAsNonRoot=false');
    const ctrs = check('runAsNonRoot', 'restricted', 'latest', podYaml({ securityContext: { runAsNonRoot: true }, containers: [c('a', { runAsNonRoot: false }), c('b', { runAsNonRoot: false })] }));
    expect(ctrs.detail).toBe('containers "a", "b" must not set securityContext.runAsNonRoot=false');
  });

  it('a container true does not cover a pod false', () => {
    const r = check('runAsNonRoot', 'restricted', 'latest', podYaml({ securityContext: { runAsNonRoot: false }, containers: [c('a', { runAsNonRoot: true })] }));
    expect(r.detail).toBe('pod must not set securityContext.runAsNonRoot=false');
  });

  it('is relaxed for hostUsers: false from v1.35 only', () => {
    const yaml = podYaml({ hostUsers: false, containers: [c('a', { runAsNonRoot: false })] });
    expect(check('runAsNonRoot', 'restricted', 'v1.34', yaml).allowed).toBe(false);
    expect(check('runAsNonRoot', 'restricted', 'v1.35', yaml).allowed).toBe(true);
    expect(check('runAsNonRoot', 'restricted', 'v1.35', podYaml({ hostUsers: true, containers: [c('a')] })).allowed).toBe(false);
  });
});

describe('runAsUser (restricted, from v1.23)', () => {
  it('runs from v1.23', () => {
    expect(runs('runAsUser', 'restricted', 'v1.22')).toBe(false);
    expect(runs('runAsUser', 'restricted', 'v1.23')).toBe(true);
    expect(runs('runAsUser', 'baseline', 'latest')).toBe(false);
  });

  it('forbids an explicit 0 anywhere, even one a container overrides', () => {
    const yaml = podYaml({ securityContext: { runAsUser: 0 }, containers: [c('a', { runAsUser: 1000 }), c('b', { runAsUser: 0 }), c('d', { runAsUser: 0 })] });
    const r = check('runAsUser', 'restricted', 'latest', yaml);
    expect(r).toMatchObject({ reason: 'runAsUser=0', detail: 'pod and containers "b", "d" must not set runAsUser=0' });
    expect(check('runAsUser', 'restricted', 'latest', podYaml({ securityContext: { runAsUser: 0 }, containers: [c('a')] })).detail).toBe('pod must not set runAsUser=0');
    expect(check('runAsUser', 'restricted', 'latest', podYaml({ containers: [c('a', { runAsUser: 0 })] })).detail).toBe('container "a" must not set runAsUser=0');
    expect(check('runAsUser', 'restricted', 'latest', podYaml({ containers: [c('a', { runAsUser: 1 })] })).allowed).toBe(true);
  });

  it('is relaxed for hostUsers: false from v1.35 only', () => {
    const yaml = podYaml({ hostUsers: false, securityContext: { runAsUser: 0 }, containers: [c('a')] });
    expect(check('runAsUser', 'restricted', 'v1.34', yaml).allowed).toBe(false);
    expect(check('runAsUser', 'restricted', 'v1.35', yaml).allowed).toBe(true);
  });

  it('a hostUsers: false pod running as root is fully restricted at v1.35 but not at v1.34', () => {
    const yaml = podYaml({
      hostUsers: false,
      securityContext: { runAsUser: 0, runAsNonRoot: false, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [c('a', { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } })],
    });
    expect(failed('restricted', 'v1.35', yaml)).toEqual([]);
    expect(failed('restricted', 'v1.34', yaml).map((r) => r.check)).toEqual(['runAsNonRoot', 'runAsUser']);
  });
});

describe('seLinuxOptions (baseline)', () => {
  it('allows the container types, an empty type and a level', () => {
    for (const type of ['', 'container_t', 'container_init_t', 'container_kvm_t']) {
      expect(check('seLinuxOptions', 'baseline', 'v1.0', podYaml({ securityContext: { seLinuxOptions: { type, level: 's0:c1,c2' } }, containers: [c('a')] })).allowed).toBe(true);
    }
  });

  it('allows container_engine_t from v1.31 only', () => {
    const yaml = podYaml({ containers: [c('a', { seLinuxOptions: { type: 'container_engine_t' } })] });
    const before = check('seLinuxOptions', 'baseline', 'v1.30', yaml);
    expect(before).toMatchObject({ allowed: false, reason: 'seLinuxOptions', detail: 'container "a" set forbidden securityContext.seLinuxOptions: type "container_engine_t"' });
    expect(check('seLinuxOptions', 'baseline', 'v1.31', yaml).allowed).toBe(true);
  });

  it('collects sorted types, then user, then role; pod before containers', () => {
    const yaml = podYaml({
      securityContext: { seLinuxOptions: { type: 'spc_t' } },
      containers: [c('a', { seLinuxOptions: { user: 'system_u', role: 'system_r', type: 'container_t' } }), c('b', { seLinuxOptions: { type: 'alpha_t' } })],
    });
    const r = check('seLinuxOptions', 'baseline', 'latest', yaml);
    expect(r.detail).toBe('pod and containers "a", "b" set forbidden securityContext.seLinuxOptions: types "alpha_t", "spc_t"; user may not be set; role may not be set');
  });

  it('reports a role alone', () => {
    const r = check('seLinuxOptions', 'baseline', 'latest', podYaml({ containers: [c('a', { seLinuxOptions: { role: 'r' } })] }));
    expect(r.detail).toBe('container "a" set forbidden securityContext.seLinuxOptions: role may not be set');
  });
});

describe('seccompProfile_baseline', () => {
  it('before v1.19 checks the annotations only', () => {
    const yaml = podYaml(
      { securityContext: { seccompProfile: { type: 'Unconfined' } }, containers: [c('a'), c('b')] },
      {
        annotations: {
          'seccomp.security.alpha.kubernetes.io/pod': 'unconfined',
          'container.seccomp.security.alpha.kubernetes.io/b': 'docker/default',
          'container.seccomp.security.alpha.kubernetes.io/a': 'weird',
          'container.seccomp.security.alpha.kubernetes.io/ghost': 'unconfined',
        },
      },
    );
    const r = check('seccompProfile_baseline', 'baseline', 'v1.18', yaml);
    expect(r.reason).toBe('seccompProfile');
    expect(r.detail).toBe(
      'forbidden annotations container.seccomp.security.alpha.kubernetes.io/a="weird", seccomp.security.alpha.kubernetes.io/pod="unconfined"',
    );
    // from v1.19 the annotations are ignored and the fields judged
    expect(check('seccompProfile_baseline', 'baseline', 'v1.19', yaml).detail).toBe('pod must not set securityContext.seccompProfile.type to "Unconfined"');
  });

  it('before v1.19 a single forbidden annotation is singular; allowed values pass', () => {
    const one = podYaml({ containers: [c('a')] }, { annotations: { 'seccomp.security.alpha.kubernetes.io/pod': '' } });
    expect(check('seccompProfile_baseline', 'baseline', 'v1.0', one).detail).toBe('forbidden annotation seccomp.security.alpha.kubernetes.io/pod=""');
    for (const value of ['runtime/default', 'docker/default', 'localhost/profile.json']) {
      const ok = podYaml({ containers: [c('a')] }, { annotations: { 'seccomp.security.alpha.kubernetes.io/pod': value, 'container.seccomp.security.alpha.kubernetes.io/a': value } });
      expect(check('seccompProfile_baseline', 'baseline', 'v1.18', ok).allowed).toBe(true);
    }
  });

  it('from v1.19 allows unset, RuntimeDefault and Localhost, and names explicit bad setters', () => {
    const yaml = podYaml({
      containers: [c('a'), c('b', { seccompProfile: { type: 'Unconfined' } }), c('d', { seccompProfile: { type: 'Localhost', localhostProfile: 'p.json' } })],
      ephemeralContainers: [c('e', { seccompProfile: { type: 'Unconfined' } })],
    });
    const r = check('seccompProfile_baseline', 'baseline', 'latest', yaml);
    expect(r.detail).toBe('containers "b", "e" must not set securityContext.seccompProfile.type to "Unconfined"');
    expect(check('seccompProfile_baseline', 'baseline', 'latest', podYaml({ containers: [c('a')] })).allowed).toBe(true);
  });
});

describe('seccompProfile_restricted (from v1.19, overrides seccompProfile_baseline)', () => {
  it('replaces the baseline check at restricted from v1.19', () => {
    expect(runs('seccompProfile_baseline', 'restricted', 'v1.18')).toBe(true);
    expect(runs('seccompProfile_restricted', 'restricted', 'v1.18')).toBe(false);
    expect(runs('seccompProfile_baseline', 'restricted', 'v1.19')).toBe(false);
    expect(runs('seccompProfile_restricted', 'restricted', 'v1.19')).toBe(true);
  });

  it('requires a profile on the pod or each container', () => {
    const r = check('seccompProfile_restricted', 'restricted', 'latest', podYaml({ containers: [c('a'), c('b', { seccompProfile: { type: 'RuntimeDefault' } }), c('d')] }));
    expect(r.reason).toBe('seccompProfile');
    expect(r.detail).toBe('pod or containers "a", "d" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"');
    expect(check('seccompProfile_restricted', 'restricted', 'latest', podYaml({ securityContext: { seccompProfile: { type: 'Localhost', localhostProfile: 'x' } }, containers: [c('a')] })).allowed).toBe(true);
  });

  it('explicit bad values win over missing ones', () => {
    const yaml = podYaml({ securityContext: { seccompProfile: { type: 'Unconfined' } }, containers: [c('a'), c('b', { seccompProfile: { type: 'Unconfined' } })] });
    expect(check('seccompProfile_restricted', 'restricted', 'latest', yaml).detail).toBe('pod and container "b" must not set securityContext.seccompProfile.type to "Unconfined"');
  });

  it('a container profile covers that container when the pod has none', () => {
    const yaml = podYaml({ containers: [c('a', { seccompProfile: { type: 'RuntimeDefault' } })] });
    expect(check('seccompProfile_restricted', 'restricted', 'latest', yaml).allowed).toBe(true);
  });

  it('exempts Windows pods from v1.25 only', () => {
    const yaml = podYaml({ os: { name: 'windows' }, containers: [c('a')] });
    expect(check('seccompProfile_restricted', 'restricted', 'v1.24', yaml).allowed).toBe(false);
    expect(check('seccompProfile_restricted', 'restricted', 'v1.25', yaml).allowed).toBe(true);
  });

  it('a Windows pod at v1.25 fails restricted only on runAsNonRoot', () => {
    const yaml = podYaml({ os: { name: 'windows' }, containers: [c('a')] });
    expect(failed('restricted', 'v1.25', yaml).map((r) => r.check)).toEqual(['runAsNonRoot']);
    expect(failed('restricted', 'v1.24', yaml).map((r) => r.check)).toEqual(['allowPrivilegeEscalation', 'capabilities_restricted', 'runAsNonRoot', 'seccompProfile_restricted']);
  });
});

describe('Windows pods from v1.25: restricted can allow what baseline forbids (upstream quirk)', () => {
  it('seccomp Unconfined and an added capability pass restricted but fail baseline', () => {
    const yaml = podYaml({
      os: { name: 'windows' },
      securityContext: { runAsNonRoot: true },
      containers: [c('a', { seccompProfile: { type: 'Unconfined' }, capabilities: { add: ['SYS_ADMIN'] } })],
    });
    expect(failed('restricted', 'v1.25', yaml)).toEqual([]);
    expect(failed('baseline', 'v1.25', yaml).map((r) => r.check)).toEqual(['capabilities_baseline', 'seccompProfile_baseline']);
    expect(failed('restricted', 'v1.24', yaml).map((r) => r.check)).toEqual(['allowPrivilegeEscalation', 'capabilities_restricted', 'seccompProfile_restricted']);
  });
});

describe('sysctls (baseline)', () => {
  const sysctlPod = (name: string): string => podYaml({ securityContext: { sysctls: [{ name, value: '1' }] }, containers: [c('a')] });
  const boundaries: [string, string, string][] = [
    ['net.ipv4.ip_local_reserved_ports', 'v1.26', 'v1.27'],
    ['net.ipv4.tcp_keepalive_time', 'v1.28', 'v1.29'],
    ['net.ipv4.tcp_fin_timeout', 'v1.28', 'v1.29'],
    ['net.ipv4.tcp_keepalive_intvl', 'v1.28', 'v1.29'],
    ['net.ipv4.tcp_keepalive_probes', 'v1.28', 'v1.29'],
    ['net.ipv4.tcp_rmem', 'v1.31', 'v1.32'],
    ['net.ipv4.tcp_wmem', 'v1.31', 'v1.32'],
    ['net.ipv4.tcp_slow_start_after_idle', 'v1.36', 'v1.37'],
    ['net.ipv4.tcp_notsent_lowat', 'v1.36', 'v1.37'],
  ];

  it.each(boundaries)('%s is forbidden at %s and allowed from %s', (name, before, from) => {
    const forbidden = check('sysctls', 'baseline', before, sysctlPod(name));
    expect(forbidden).toMatchObject({ allowed: false, reason: 'forbidden sysctls', detail: name });
    expect(check('sysctls', 'baseline', from, sysctlPod(name)).allowed).toBe(true);
    expect(check('sysctls', 'baseline', 'latest', sysctlPod(name)).allowed).toBe(true);
  });

  it('allows the v1.0 set at v1.0', () => {
    for (const name of ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start']) {
      expect(check('sysctls', 'baseline', 'v1.0', sysctlPod(name)).allowed).toBe(true);
    }
  });

  it('lists forbidden names in spec order, repeats kept', () => {
    const yaml = podYaml({
      securityContext: {
        sysctls: [
          { name: 'kernel.msgmax', value: '1' },
          { name: 'net.ipv4.tcp_syncookies', value: '1' },
          { name: 'net.core.somaxconn', value: '1' },
          { name: 'kernel.msgmax', value: '2' },
        ],
      },
      containers: [c('a')],
    });
    expect(check('sysctls', 'baseline', 'latest', yaml).detail).toBe('kernel.msgmax, net.core.somaxconn, kernel.msgmax');
  });
});

describe('windowsHostProcess (baseline)', () => {
  it('names the pod and containers that set hostProcess=true', () => {
    const yaml = podYaml({
      os: { name: 'windows' },
      securityContext: { windowsOptions: { hostProcess: true } },
      containers: [c('a', { windowsOptions: { hostProcess: true } }), c('b', { windowsOptions: { hostProcess: false } }), c('d', { windowsOptions: { hostProcess: true } })],
    });
    const r = check('windowsHostProcess', 'baseline', 'latest', yaml);
    expect(r).toMatchObject({ reason: 'hostProcess', detail: 'pod and containers "a", "d" must not set securityContext.windowsOptions.hostProcess=true' });
    const ctr = podYaml({ containers: [c('a', { windowsOptions: { hostProcess: true } })] });
    expect(check('windowsHostProcess', 'baseline', 'latest', ctr).detail).toBe('container "a" must not set securityContext.windowsOptions.hostProcess=true');
  });
});

describe('a fully restricted pod', () => {
  it('passes every check at every level and version', () => {
    const yaml = podYaml({ initContainers: [goodContainer('init')], containers: [goodContainer('app'), goodContainer('side')], volumes: [{ name: 'data', emptyDir: {} }] });
    for (const v of ['v1.0', 'v1.18', 'v1.19', 'v1.22', 'v1.25', 'v1.35', 'latest']) {
      expect(failed('restricted', v, yaml)).toEqual([]);
      expect(failed('baseline', v, yaml)).toEqual([]);
    }
  });

  it('every result carries a check ID, and allowed results have empty strings and no faults', () => {
    const yaml = podYaml({ containers: [goodContainer('app')] });
    for (const r of results('restricted', 'latest', yaml)) {
      expect(r).toMatchObject({ allowed: true, reason: '', detail: '', faults: [] });
      expect(r.check).not.toBe('');
    }
  });
});

describe('faults point at the fields to fix', () => {
  it('names the field or the container that lacks it', () => {
    const yaml = podYaml({ containers: [c('a', { privileged: true }), c('b')] });
    expect(check('privileged', 'baseline', 'latest', yaml).faults).toEqual([['spec', 'containers', 0, 'securityContext', 'privileged']]);
    expect(check('allowPrivilegeEscalation', 'restricted', 'latest', yaml).faults).toEqual([
      ['spec', 'containers', 0, 'securityContext', 'allowPrivilegeEscalation'],
      ['spec', 'containers', 1],
    ]);
  });

  it('a template fault is under spec.template', () => {
    const yaml = podYaml({ hostPID: true, containers: [c('a')] }, { kind: 'Deployment' });
    expect(check('hostNamespaces', 'baseline', 'latest', yaml).faults).toEqual([['spec', 'template', 'spec', 'hostPID']]);
  });
});
