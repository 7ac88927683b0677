// The admission plugin's decisions (admission/admission.go): enforce for Pods only, audit and warn for Pods and
// workloads, warnings only when enforce passes, exemptions, the fully privileged shortcut, the namespace
// create/update rules and the warnings for pods already in a relabelled namespace.
import { describe, expect, it } from 'vitest';
import { admit, admitNamespace, evaluatePodsInNamespace, MAX_PODS_TO_CHECK, type ExistingPod } from './admission';
import { DEFAULT_CONFIG, type PodSecurityConfig } from './config';
import { LATEST, majorMinor, type Policy } from './levels';
import type { Registry } from './registry';
import { REGISTRY } from './registry';
import { analyzeText, goodContainer, lv, namespaceYaml, podYaml, template } from './test-builders';

const ENFORCE = 'pod-security.kubernetes.io/enforce';
const AUDIT = 'pod-security.kubernetes.io/audit';
const WARN = 'pod-security.kubernetes.io/warn';
const ENFORCE_V = 'pod-security.kubernetes.io/enforce-version';
const WARN_V = 'pod-security.kubernetes.io/warn-version';

const config = (over: Partial<PodSecurityConfig['exemptions']> = {}, defaults: Policy = DEFAULT_CONFIG.defaults): PodSecurityConfig => ({
  defaults,
  exemptions: { usernames: [], namespaces: [], runtimeClasses: [], ...over },
  location: null,
});

// A pod that fails baseline (hostPID) and so restricted too; one that is baseline but not restricted; one restricted.
const HOST_PID = template(podYaml({ hostPID: true, containers: [{ name: 'app', image: 'nginx' }] }));
const BASELINE_ONLY = template(podYaml({ containers: [{ name: 'app', image: 'nginx' }] }));
const RESTRICTED = template(podYaml({ containers: [goodContainer('app')] }));
const HOST_PID_DEPLOY = template(podYaml({ hostPID: true, containers: [{ name: 'app', image: 'nginx' }] }, { kind: 'Deployment' }));

/** A registry that counts its evaluations (to see the cache at work). */
function countingRegistry(): { registry: Registry; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    registry: {
      ...REGISTRY,
      evaluatePod(l, meta, spec) {
        calls.push(`${l.level}:${l.version.latest ? 'latest' : `v1.${l.version.minor}`}`);
        return REGISTRY.evaluatePod(l, meta, spec);
      },
    },
  };
}

describe('admit: Pods', () => {
  it('rejects a pod that violates enforce with the detail of every failed check, and gives no warnings', () => {
    const v = admit({ isPod: true, namespace: 'team', namespaceLabels: { [ENFORCE]: 'baseline', [WARN]: 'restricted' }, template: HOST_PID }, config());
    expect(v.allowed).toBe(false);
    expect(v.message).toBe('violates PodSecurity "baseline:latest": host namespaces (hostPID=true)');
    expect(v.warnings).toEqual([]);
    expect(v.warn).toBeNull();
    expect(v.enforce?.failed.map((f) => f.check)).toEqual(['hostNamespaces']);
  });

  it('lists every failure at restricted, in registry order', () => {
    const v = admit({ isPod: true, namespace: 'team', namespaceLabels: { [ENFORCE]: 'restricted' }, template: HOST_PID }, config());
    expect(v.message).toBe(
      'violates PodSecurity "restricted:latest": host namespaces (hostPID=true), ' +
        'allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false), ' +
        'unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]), ' +
        'runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true), ' +
        'seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    );
  });

  it('admits with a warning when only warn is violated', () => {
    const v = admit({ isPod: true, namespace: 'team', namespaceLabels: { [ENFORCE]: 'baseline', [WARN]: 'restricted', [WARN_V]: 'v1.21' }, template: BASELINE_ONLY }, config());
    expect(v.allowed).toBe(true);
    expect(v.message).toBeNull();
    expect(v.warnings).toEqual([
      'would violate PodSecurity "restricted:v1.21": allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false), ' +
        'runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true), ' +
        'seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    ]);
  });

  it('warn defaults to the enforce level, so a rejected pod gets the message and no warning', () => {
    const v = admit({ isPod: true, namespace: 'team', namespaceLabels: { [ENFORCE]: 'restricted' }, template: BASELINE_ONLY }, config());
    expect(v.allowed).toBe(false);
    expect(v.warnings).toEqual([]);
    expect(v.policy.warn.level).toBe('restricted');
  });

  it('records the audit verdict whether or not the pod is admitted', () => {
    const v = admit({ isPod: true, namespace: 'team', namespaceLabels: { [AUDIT]: 'baseline' }, template: HOST_PID }, config());
    expect(v.allowed).toBe(true);
    expect(v.warnings).toEqual([]);
    expect(v.audit?.failed.map((f) => f.check)).toEqual(['hostNamespaces']);
    expect(v.audit?.policy).toEqual(lv('baseline'));
  });

  it('evaluates each distinct level and version once (enforce, audit and warn share results)', () => {
    const same = countingRegistry();
    admit({ isPod: true, namespace: 'team', namespaceLabels: { [ENFORCE]: 'baseline', [AUDIT]: 'baseline', [WARN]: 'baseline' }, template: BASELINE_ONLY }, config(), same.registry);
    expect(same.calls).toEqual(['baseline:latest']);
    const distinct = countingRegistry();
    admit(
      { isPod: true, namespace: 'team', namespaceLabels: { [ENFORCE]: 'baseline', [AUDIT]: 'restricted', [WARN]: 'restricted', [ENFORCE_V]: 'v1.30' }, template: BASELINE_ONLY },
      config(),
      distinct.registry,
    );
    expect(distinct.calls).toEqual(['baseline:v1.30', 'restricted:latest']);
  });

  it('a fully privileged namespace evaluates nothing', () => {
    const counting = countingRegistry();
    const v = admit({ isPod: true, namespace: 'team', namespaceLabels: { [ENFORCE]: 'privileged' }, template: HOST_PID }, config(), counting.registry);
    expect(v).toMatchObject({ allowed: true, exempt: null, enforce: null, audit: null, warn: null, warnings: [] });
    expect(counting.calls).toEqual([]);
  });

  it('label errors disable the privileged shortcut but the fallbacks still apply', () => {
    const counting = countingRegistry();
    const v = admit({ isPod: true, namespace: 'team', namespaceLabels: { [AUDIT]: 'bogus' }, template: HOST_PID }, config(), counting.registry);
    expect(v.allowed).toBe(true);
    expect(v.labelErrors.map((e) => e.label)).toEqual([AUDIT]);
    expect(v.enforce).not.toBeNull();
    expect(v.policy.audit.level).toBe('privileged');
    expect(counting.calls).toEqual(['privileged:latest']);
  });

  it('an invalid enforce label rejects at restricted (fail closed)', () => {
    const v = admit({ isPod: true, namespace: 'team', namespaceLabels: { [ENFORCE]: 'Restricted' }, template: BASELINE_ONLY }, config());
    expect(v.allowed).toBe(false);
    expect(v.message).toMatch(/^violates PodSecurity "restricted:latest": /);
    expect(v.labelErrors).toHaveLength(1);
  });

  it('applies the configured defaults to an unlabelled namespace', () => {
    const defaults: Policy = { enforce: { level: 'baseline', version: majorMinor(1, 30) }, audit: { level: 'privileged', version: LATEST }, warn: { level: 'restricted', version: LATEST } };
    const v = admit({ isPod: true, namespace: 'team', namespaceLabels: {}, template: HOST_PID }, config({}, defaults));
    expect(v.message).toBe('violates PodSecurity "baseline:v1.30": host namespaces (hostPID=true)');
  });
});

describe('admit: workloads', () => {
  it('never rejects; warns at the warn level (here defaulted from enforce)', () => {
    const v = admit({ isPod: false, namespace: 'team', namespaceLabels: { [ENFORCE]: 'baseline' }, template: HOST_PID_DEPLOY }, config());
    expect(v.allowed).toBe(true);
    expect(v.enforce).toBeNull();
    expect(v.message).toBeNull();
    expect(v.warnings).toEqual(['would violate PodSecurity "baseline:latest": host namespaces (hostPID=true)']);
  });

  it('enforce alone with warn explicitly privileged: nothing to say', () => {
    const counting = countingRegistry();
    const v = admit({ isPod: false, namespace: 'team', namespaceLabels: { [ENFORCE]: 'restricted', [WARN]: 'privileged' }, template: HOST_PID_DEPLOY }, config(), counting.registry);
    expect(v).toMatchObject({ allowed: true, warnings: [], audit: null, warn: null });
    expect(counting.calls).toEqual([]);
  });

  it('label errors make a workload be evaluated even when warn and audit fall back to privileged', () => {
    const counting = countingRegistry();
    const v = admit({ isPod: false, namespace: 'team', namespaceLabels: { [WARN]: 'loud' }, template: HOST_PID_DEPLOY }, config(), counting.registry);
    expect(v).toMatchObject({ allowed: true, warnings: [], enforce: null });
    expect(v.labelErrors.map((e) => e.label)).toEqual([WARN]);
    expect(counting.calls).toEqual(['privileged:latest']);
  });

  it('a workload without a pod template is admitted unjudged', () => {
    const v = admit({ isPod: false, namespace: 'team', namespaceLabels: { [WARN]: 'restricted' }, template: null }, config());
    expect(v).toMatchObject({ allowed: true, exempt: null, warnings: [], audit: null });
  });
});

describe('admit: exemptions', () => {
  const labels = { [ENFORCE]: 'restricted' };

  it('exempt namespace, then user, then runtime class', () => {
    const cfg = config({ namespaces: ['kube-system'], usernames: ['admin'], runtimeClasses: ['kata'] });
    expect(admit({ isPod: true, namespace: 'kube-system', namespaceLabels: labels, template: HOST_PID, username: 'admin' }, cfg).exempt).toBe('namespace');
    expect(admit({ isPod: true, namespace: 'team', namespaceLabels: labels, template: HOST_PID, username: 'admin' }, cfg).exempt).toBe('user');
    const kata = template(podYaml({ runtimeClassName: 'kata', hostPID: true, containers: [{ name: 'a', image: 'x' }] }));
    const v = admit({ isPod: true, namespace: 'team', namespaceLabels: labels, template: kata, username: 'bob' }, cfg);
    expect(v).toMatchObject({ allowed: true, exempt: 'runtimeClass', message: null });
    expect(admit({ isPod: true, namespace: 'team', namespaceLabels: labels, template: HOST_PID, username: 'bob' }, cfg).allowed).toBe(false);
  });

  it('an empty username or runtime class exempts nothing', () => {
    const cfg = config({ usernames: ['admin'], runtimeClasses: ['kata'] });
    expect(admit({ isPod: true, namespace: 'team', namespaceLabels: labels, template: HOST_PID, username: '' }, cfg).exempt).toBeNull();
    const empty = template(podYaml({ runtimeClassName: '', hostPID: true, containers: [{ name: 'a', image: 'x' }] }));
    expect(admit({ isPod: true, namespace: 'team', namespaceLabels: labels, template: empty }, cfg).allowed).toBe(false);
  });

  it('exempts workloads too', () => {
    const cfg = config({ namespaces: ['kube-system'] });
    const v = admit({ isPod: false, namespace: 'kube-system', namespaceLabels: { [WARN]: 'restricted' }, template: HOST_PID_DEPLOY }, cfg);
    expect(v).toMatchObject({ exempt: 'namespace', warnings: [] });
  });
});

describe('evaluatePodsInNamespace', () => {
  const pod = (name: string, t = HOST_PID): ExistingPod => ({ name, template: t });

  it('names one pod per distinct reason list with "(and N other pods)", sorted', () => {
    const w = evaluatePodsInNamespace('team', lv('restricted'), [pod('web-2', BASELINE_ONLY), pod('db'), pod('web-1', BASELINE_ONLY), pod('ok', RESTRICTED), pod('web-0', BASELINE_ONLY), pod('cache')], config());
    expect(w).toEqual([
      'existing pods in namespace "team" violate the new PodSecurity enforce level "restricted:latest"',
      'cache (and 1 other pod): host namespaces, allowPrivilegeEscalation != false, unrestricted capabilities, runAsNonRoot != true, seccompProfile',
      'web-0 (and 2 other pods): allowPrivilegeEscalation != false, unrestricted capabilities, runAsNonRoot != true, seccompProfile',
    ]);
  });

  it('a single pod is named alone; no violations, no warnings', () => {
    expect(evaluatePodsInNamespace('team', lv('baseline', 'v1.30'), [pod('solo'), pod('fine', BASELINE_ONLY)], config())).toEqual([
      'existing pods in namespace "team" violate the new PodSecurity enforce level "baseline:v1.30"',
      'solo: host namespaces',
    ]);
    expect(evaluatePodsInNamespace('team', lv('baseline'), [pod('fine', BASELINE_ONLY)], config())).toEqual([]);
  });

  it('skips pods of an exempt runtime class', () => {
    const kata = template(podYaml({ runtimeClassName: 'kata', hostPID: true, containers: [{ name: 'a', image: 'x' }] }));
    expect(evaluatePodsInNamespace('team', lv('baseline'), [pod('k', kata)], config({ runtimeClasses: ['kata'] }))).toEqual([]);
  });

  it('checks at most MAX_PODS_TO_CHECK pods and says so', () => {
    const many = Array.from({ length: MAX_PODS_TO_CHECK + 2 }, (_, i) => pod(`p${String(i).padStart(4, '0')}`, BASELINE_ONLY));
    const w = evaluatePodsInNamespace('team', lv('baseline'), many, config());
    expect(w).toEqual([`new PodSecurity enforce level only checked against the first ${MAX_PODS_TO_CHECK} of ${MAX_PODS_TO_CHECK + 2} existing pods`]);
  });
});

describe('admitNamespace', () => {
  it('create: invalid labels are refused with field errors', () => {
    const one = admitNamespace('team', { [ENFORCE]: 'strict' }, null, [], config());
    expect(one.allowed).toBe(false);
    expect(one.message).toBe('Namespace "team" is invalid: metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "strict": must be one of privileged, baseline, restricted');
    const two = admitNamespace('team', { [ENFORCE]: 'strict', [WARN_V]: 'v1' }, null, [], config());
    expect(two.message).toBe(
      'Namespace "team" is invalid: [metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "strict": must be one of privileged, baseline, restricted, ' +
        'metadata.labels[pod-security.kubernetes.io/warn-version]: Invalid value: "v1": must be "latest" or "v1.x"]',
    );
  });

  it('create: valid labels pass without looking at pods', () => {
    expect(admitNamespace('team', { [ENFORCE]: 'restricted' }, null, [{ name: 'x', template: HOST_PID }], config())).toMatchObject({ allowed: true, warnings: [] });
  });

  it('create or update of an exempt namespace that asks for a policy warns that it is ignored', () => {
    const cfg = config({ namespaces: ['kube-system'] });
    const w = `namespace "kube-system" is exempt from Pod Security, and the policy (enforce=baseline:latest, audit=restricted:v1.30) will be ignored`;
    const labels = { [ENFORCE]: 'baseline', [AUDIT]: 'restricted', 'pod-security.kubernetes.io/audit-version': 'v1.30' };
    expect(admitNamespace('kube-system', labels, null, [], cfg).warnings).toEqual([w]);
    expect(admitNamespace('kube-system', labels, {}, [{ name: 'x', template: HOST_PID }], cfg).warnings).toEqual([w]);
    // a privileged policy, or one equal to the defaults, says nothing
    expect(admitNamespace('kube-system', { [ENFORCE]: 'privileged', [ENFORCE_V]: 'v1.20' }, null, [], cfg).warnings).toEqual([]);
    expect(admitNamespace('other', labels, null, [], cfg).warnings).toEqual([]);
  });

  it('exempt warning names only the modes with labels (a defaulted warn is not named)', () => {
    const cfg = config({ namespaces: ['kube-system'] });
    expect(admitNamespace('kube-system', { [ENFORCE]: 'restricted' }, null, [], cfg).warnings).toEqual([
      'namespace "kube-system" is exempt from Pod Security, and the policy (enforce=restricted:latest) will be ignored',
    ]);
  });

  it('update of an exempt namespace that leaves enforce alone says nothing, even when adding audit', () => {
    const cfg = config({ namespaces: ['kube-system'] });
    expect(admitNamespace('kube-system', { [ENFORCE]: 'baseline', [AUDIT]: 'restricted' }, { [ENFORCE]: 'baseline' }, [], cfg).warnings).toEqual([]);
  });

  it('update: tightening enforce checks the pods already there', () => {
    const v = admitNamespace('team', { [ENFORCE]: 'baseline' }, {}, [{ name: 'x', template: HOST_PID }], config());
    expect(v).toMatchObject({ allowed: true, message: null });
    expect(v.warnings).toEqual(['existing pods in namespace "team" violate the new PodSecurity enforce level "baseline:latest"', 'x: host namespaces']);
  });

  it('update: unchanged, privileged, or loosened at the same version is not checked', () => {
    const pods = [{ name: 'x', template: HOST_PID }];
    expect(admitNamespace('team', { [ENFORCE]: 'baseline', [WARN]: 'restricted' }, { [ENFORCE]: 'baseline' }, pods, config()).warnings).toEqual([]);
    expect(admitNamespace('team', { [ENFORCE]: 'privileged' }, { [ENFORCE]: 'restricted' }, pods, config()).warnings).toEqual([]);
    expect(admitNamespace('team', { [ENFORCE]: 'baseline' }, { [ENFORCE]: 'restricted' }, pods, config()).warnings).toEqual([]);
  });

  it('update: loosening the level while changing the version is checked', () => {
    const pods = [{ name: 'x', template: HOST_PID }];
    const v = admitNamespace('team', { [ENFORCE]: 'baseline', [ENFORCE_V]: 'v1.30' }, { [ENFORCE]: 'restricted' }, pods, config());
    expect(v.warnings).toEqual(['existing pods in namespace "team" violate the new PodSecurity enforce level "baseline:v1.30"', 'x: host namespaces']);
  });

  it('update: new invalid labels are refused; the same invalid labels as before are let through', () => {
    const bad = { [ENFORCE]: 'strict' };
    expect(admitNamespace('team', bad, {}, [], config()).allowed).toBe(false);
    expect(admitNamespace('team', bad, { [ENFORCE]: 'other' }, [], config()).allowed).toBe(false);
    const same = admitNamespace('team', { ...bad, other: 'x' }, bad, [{ name: 'x', template: HOST_PID }], config());
    expect(same.allowed).toBe(true);
    expect(same.warnings).toEqual([]);
  });
});

describe('through the pipeline', () => {
  it('a relabelled namespace warns about the pods created before it', () => {
    const text = [
      namespaceYaml('team', {}),
      podYaml({ hostNetwork: true, containers: [{ name: 'app', image: 'nginx', ports: [{ containerPort: 8080 }] }] }, { name: 'old', namespace: 'team' }),
      namespaceYaml('team', { [ENFORCE]: 'baseline' }),
    ].join('---\n');
    const { result } = analyzeText(text);
    expect(result).not.toBeNull();
    const ns = result!.namespaces.get('team')!;
    expect(ns.verdict?.warnings).toEqual([
      'existing pods in namespace "team" violate the new PodSecurity enforce level "baseline:latest"',
      'old: host namespaces, hostPort',
    ]);
    expect(ns.existing.map((o) => o.name)).toEqual(['old']);
  });

  it('a namespace not declared is an unlabelled existing one; the username option exempts', () => {
    const cfg = `apiVersion: pod-security.admission.config.k8s.io/v1
kind: PodSecurityConfiguration
defaults:
  enforce: baseline
exemptions:
  usernames: [ops]
---
`;
    const pod = podYaml({ hostPID: true, containers: [{ name: 'a', image: 'x' }] }, { name: 'p', namespace: 'apps' });
    const run = (user?: string): boolean => [...analyzeText(cfg + pod, user).result!.verdicts.values()][0]!.allowed;
    expect(run()).toBe(false);
    expect(run('ops')).toBe(true);
    expect(analyzeText(cfg + pod).result!.namespaces.get('apps')!.verdict).toBeNull();
  });
});
