// Properties of the evaluator over generated pods (written as YAML and read through the real reader): the levels
// nest, privileged allows everything, `latest` is the newest version, order of unrelated things does not matter,
// value sets come sorted, and the admission plugin's modes relate as upstream's code makes them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { admit, evaluatePodsInNamespace } from './admission';
import { byteOrder } from './checks';
import { DEFAULT_CONFIG } from './config';
import { compareLevels, goQuote, parseLevel, parseVersion, policyToEvaluate, versionString, PRIVILEGED_POLICY, type Level } from './levels';
import { REGISTRY, failures } from './registry';
import type { PodTemplateView } from './read';
import { lv, podYaml, template } from './test-builders';

const RUNS = 120;

const opt = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });

const profile = fc.constantFrom({ type: 'RuntimeDefault' }, { type: 'Unconfined' }, { type: 'Localhost', localhostProfile: 'p.json' });
const seLinux = fc.constantFrom({ type: 'container_t' }, { type: 'spc_t' }, { type: 'container_engine_t' }, { user: 'system_u' }, { role: 'r', level: 's0' });

const containerSc = fc.record(
  {
    privileged: fc.boolean(),
    allowPrivilegeEscalation: fc.boolean(),
    runAsNonRoot: fc.boolean(),
    runAsUser: fc.constantFrom(0, 1000),
    procMount: fc.constantFrom('Default', 'Unmasked'),
    capabilities: fc.record(
      { add: fc.subarray(['NET_BIND_SERVICE', 'CHOWN', 'NET_RAW', 'SYS_ADMIN']), drop: fc.subarray(['ALL', 'NET_RAW']) },
      { requiredKeys: [] },
    ),
    seccompProfile: profile,
    appArmorProfile: profile,
    seLinuxOptions: seLinux,
    windowsOptions: fc.record({ hostProcess: fc.boolean() }),
  },
  { requiredKeys: [] },
);

const podSc = fc.record(
  {
    runAsNonRoot: fc.boolean(),
    runAsUser: fc.constantFrom(0, 1000),
    seccompProfile: profile,
    appArmorProfile: profile,
    seLinuxOptions: seLinux,
    sysctls: fc.subarray(['kernel.shm_rmid_forced', 'net.ipv4.tcp_rmem', 'kernel.msgmax', 'net.ipv4.tcp_notsent_lowat']).map((names) => names.map((name) => ({ name, value: '1' }))),
  },
  { requiredKeys: [] },
);

const port = fc.record({ containerPort: fc.constantFrom(80, 443, 8080), hostPort: fc.constantFrom(0, 80, 9090) }, { requiredKeys: ['containerPort'] });
const containerBody = fc.record(
  {
    securityContext: containerSc,
    ports: fc.array(port, { maxLength: 2 }),
    livenessProbe: fc.constantFrom({ httpGet: { port: 80 } }, { httpGet: { host: 'example.com', port: 80 } }, { tcpSocket: { host: '10.0.0.1', port: 80 } }),
  },
  { requiredKeys: [] },
);

const VOLUME_KINDS = [
  { emptyDir: {} },
  { configMap: { name: 'cm' } },
  { secret: { secretName: 's' } },
  { persistentVolumeClaim: { claimName: 'c' } },
  { hostPath: { path: '/var' } },
  { nfs: { server: 'n', path: '/' } },
  {},
];

interface GenPod {
  spec: Record<string, unknown>;
  annotations: Record<string, string>;
}

const genPod: fc.Arbitrary<GenPod> = fc
  .record({
    flags: fc.record({ hostNetwork: fc.boolean(), hostPID: fc.boolean(), hostIPC: fc.boolean(), hostUsers: fc.boolean() }, { requiredKeys: [] }),
    os: opt(fc.constantFrom('linux', 'windows')),
    securityContext: opt(podSc),
    init: fc.array(containerBody, { maxLength: 2 }),
    main: fc.array(containerBody, { minLength: 1, maxLength: 3 }),
    volumes: fc.array(fc.nat({ max: VOLUME_KINDS.length - 1 }), { maxLength: 4 }),
    annotations: fc.dictionary(
      fc.constantFrom('container.apparmor.security.beta.kubernetes.io/c0', 'container.apparmor.security.beta.kubernetes.io/i0', 'seccomp.security.alpha.kubernetes.io/pod', 'team'),
      fc.constantFrom('unconfined', 'runtime/default', 'localhost/x', 'docker/default', 'x'),
      { maxKeys: 3 },
    ),
  })
  .map(({ flags, os, securityContext, init, main, volumes, annotations }) => {
    const spec: Record<string, unknown> = { ...flags };
    if (os) spec.os = { name: os };
    if (securityContext) spec.securityContext = securityContext;
    if (init.length > 0) spec.initContainers = init.map((b, i) => ({ name: `i${i}`, image: 'x', ...b }));
    spec.containers = main.map((b, i) => ({ name: `c${i}`, image: 'x', ...b }));
    if (volumes.length > 0) spec.volumes = volumes.map((k, i) => ({ name: `v${i}`, ...VOLUME_KINDS[k] }));
    return { spec, annotations };
  });

const toTemplate = (p: GenPod, kind: 'Pod' | 'Deployment' = 'Pod'): PodTemplateView => template(podYaml(p.spec, { kind, annotations: p.annotations }));
const VERSIONS = ['v1.0', 'v1.18', 'v1.19', 'v1.22', 'v1.24', 'v1.25', 'v1.30', 'v1.31', 'v1.34', 'v1.35', 'v1.37', 'latest'];
const evalAt = (level: Level, version: string, t: PodTemplateView) => REGISTRY.evaluatePod(lv(level, version), t.meta, t.spec);
const allowedAt = (level: Level, version: string, t: PodTemplateView): boolean => failures(evalAt(level, version, t)).length === 0;

describe('levels nest', () => {
  // Not for Windows pods: from v1.25 restricted's seccomp and capabilities checks exempt them, and they override
  // the baseline ones, which do not (see checks.test.ts).
  it('anything allowed at restricted is allowed at baseline, at the same version (Linux pods)', () => {
    fc.assert(
      fc.property(genPod, fc.constantFrom(...VERSIONS), (p, v) => {
        const t = toTemplate({ ...p, spec: { ...p.spec, os: { name: 'linux' } } });
        if (allowedAt('restricted', v, t)) expect(allowedAt('baseline', v, t)).toBe(true);
        // and every baseline failure has a restricted failure with the same check or the one overriding it
        const restrictedFailed = new Set(failures(evalAt('restricted', v, t)).map((r) => r.check));
        for (const f of failures(evalAt('baseline', v, t))) {
          const replacement: Record<string, string> = {
            capabilities_baseline: 'capabilities_restricted',
            hostPathVolumes: 'restrictedVolumes',
            seccompProfile_baseline: 'seccompProfile_restricted',
            procMount: 'procMount_restricted',
          };
          expect(restrictedFailed.has(f.check) || restrictedFailed.has(replacement[f.check] ?? '')).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('privileged allows everything and runs no checks', () => {
    fc.assert(
      fc.property(genPod, fc.constantFrom(...VERSIONS), (p, v) => {
        expect(evalAt('privileged', v, toTemplate(p))).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});

describe('versions', () => {
  it('latest, v1.37 and v1.99 judge alike', () => {
    fc.assert(
      fc.property(genPod, fc.constantFrom<Level>('baseline', 'restricted'), (p, level) => {
        const t = toTemplate(p);
        const at37 = evalAt(level, 'v1.37', t);
        expect(evalAt(level, 'latest', t)).toEqual(at37);
        expect(evalAt(level, 'v1.99', t)).toEqual(at37);
      }),
      { numRuns: RUNS },
    );
  });

  it('parseVersion reads back every v1.N it accepts and rejects leading zeros', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 9223372036854775807n }), (n) => {
        const parsed = parseVersion(`v1.${n}`);
        expect(parsed.error).toBeNull();
        expect(versionString(parsed.version)).toBe(`v1.${n}`);
        expect(parseVersion(`v1.0${n}`).error).not.toBeNull();
      }),
    );
  });
});

describe('order independence and sorted sets', () => {
  it('permuting volumes changes no decision, and nothing at all when no volume is restricted', () => {
    fc.assert(
      fc.property(genPod, fc.constantFrom<Level>('baseline', 'restricted'), fc.constantFrom(...VERSIONS), (p, level, v) => {
        const volumes = (p.spec.volumes as Record<string, unknown>[] | undefined) ?? [];
        const reversed: GenPod = { ...p, spec: { ...p.spec, volumes: [...volumes].reverse() } };
        const a = evalAt(level, v, toTemplate(p));
        const b = evalAt(level, v, toTemplate(reversed));
        expect(b.map((r) => [r.check, r.allowed])).toEqual(a.map((r) => [r.check, r.allowed]));
        const restricted = volumes.some((vol) => 'hostPath' in vol || 'nfs' in vol);
        if (!restricted) expect(b.map((r) => r.detail)).toEqual(a.map((r) => r.detail));
      }),
      { numRuns: RUNS },
    );
  });

  it('annotation order does not matter', () => {
    fc.assert(
      fc.property(genPod, fc.constantFrom(...VERSIONS), (p, v) => {
        const reversed: GenPod = { ...p, annotations: Object.fromEntries(Object.entries(p.annotations).reverse()) };
        // (faults, the lab's addition, follow the annotations' order; upstream's strings do not)
        const strings = (t: PodTemplateView) => evalAt('restricted', v, t).map((r) => [r.check, r.allowed, r.reason, r.detail]);
        expect(strings(toTemplate(reversed))).toEqual(strings(toTemplate(p)));
      }),
      { numRuns: RUNS },
    );
  });

  it('hostPort lists are sorted as strings and have no repeats', () => {
    fc.assert(
      fc.property(genPod, (p) => {
        const r = evalAt('baseline', 'latest', toTemplate(p)).find((x) => x.check === 'hostPorts')!;
        if (r.allowed) return;
        const list = r.detail.replace(/^.* hostPorts? /, '').split(', ');
        expect(list).toEqual([...new Set(list)].sort(byteOrder));
      }),
      { numRuns: RUNS },
    );
  });

  it('a Pod and a Deployment with the same template agree when no Pod-only defaulting applies', () => {
    fc.assert(
      fc.property(genPod, fc.constantFrom<Level>('baseline', 'restricted'), fc.constantFrom(...VERSIONS), (p, level, v) => {
        const plain: GenPod = { spec: { ...p.spec, hostNetwork: false }, annotations: {} };
        const pod = evalAt(level, v, toTemplate(plain, 'Pod'));
        const dep = evalAt(level, v, toTemplate(plain, 'Deployment'));
        expect(dep.map((r) => [r.check, r.allowed, r.reason, r.detail])).toEqual(pod.map((r) => [r.check, r.allowed, r.reason, r.detail]));
      }),
      { numRuns: RUNS },
    );
  });

  it('hostUsers: false never makes a pod fail more checks from v1.35', () => {
    fc.assert(
      fc.property(genPod, fc.constantFrom<Level>('baseline', 'restricted'), fc.constantFrom('v1.35', 'latest'), (p, level, v) => {
        const withNs = toTemplate({ ...p, spec: { ...p.spec, hostUsers: false } });
        const withoutNs = toTemplate({ ...p, spec: { ...p.spec, hostUsers: true } });
        const relaxed = new Set(failures(evalAt(level, v, withNs)).map((r) => r.check));
        const strict = new Set(failures(evalAt(level, v, withoutNs)).map((r) => r.check));
        for (const id of relaxed) expect(strict.has(id)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('admission', () => {
  const levelArb = fc.constantFrom('privileged', 'baseline', 'restricted', 'bogus');
  const versionArb = fc.constantFrom('latest', 'v1.20', 'v1.30', 'v1.01');
  const labelsArb = fc.dictionary(
    fc.constantFrom('enforce', 'audit', 'warn', 'enforce-version', 'audit-version', 'warn-version').map((m) => `pod-security.kubernetes.io/${m}`),
    fc.oneof(levelArb, versionArb),
    { maxKeys: 6 },
  );

  it('workloads are never rejected; Pods get warnings only when admitted', () => {
    fc.assert(
      fc.property(genPod, labelsArb, fc.boolean(), (p, labels, isPod) => {
        const t = toTemplate(p, isPod ? 'Pod' : 'Deployment');
        const v = admit({ isPod, namespace: 'team', namespaceLabels: labels, template: t }, DEFAULT_CONFIG);
        if (!isPod) expect(v.allowed).toBe(true);
        if (!v.allowed) expect(v.warnings).toEqual([]);
        expect(v.allowed).toBe(v.message === null);
        if (v.warn) expect(v.warnings.length).toBe(v.warn.failed.length > 0 ? 1 : 0);
      }),
      { numRuns: RUNS },
    );
  });

  it('a pod passes enforce exactly when the registry finds no failure at the enforce level', () => {
    fc.assert(
      fc.property(genPod, labelsArb, (p, labels) => {
        const t = toTemplate(p);
        const v = admit({ isPod: true, namespace: 'team', namespaceLabels: labels, template: t }, DEFAULT_CONFIG);
        const { policy } = policyToEvaluate(labels, DEFAULT_CONFIG.defaults);
        expect(v.allowed).toBe(failures(REGISTRY.evaluatePod(policy.enforce, t.meta, t.spec)).length === 0);
      }),
      { numRuns: RUNS },
    );
  });

  it('policyToEvaluate: errors exactly for invalid labels; a valid enforce label without a warn label makes warn at least as strict', () => {
    fc.assert(
      fc.property(labelsArb, (labels) => {
        const { policy, errors } = policyToEvaluate(labels, PRIVILEGED_POLICY);
        const invalid = Object.entries(labels).filter(([k, value]) => (k.endsWith('-version') ? parseVersion(value).error : parseLevel(value).error) !== null);
        expect(errors.map((e) => e.label).sort()).toEqual(invalid.map(([k]) => k).sort());
        const enforce = labels['pod-security.kubernetes.io/enforce'];
        if (enforce !== undefined && parseLevel(enforce).error === null && labels['pod-security.kubernetes.io/warn'] === undefined) {
          expect(compareLevels(policy.warn.level, policy.enforce.level)).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('the namespace warnings account for every violating pod exactly once', () => {
    fc.assert(
      fc.property(fc.array(genPod, { minLength: 1, maxLength: 5 }), fc.constantFrom<Level>('baseline', 'restricted'), (pods, level) => {
        const existing = pods.map((p, i) => ({ name: `pod-${i}`, template: toTemplate(p) }));
        const warnings = evaluatePodsInNamespace('team', lv(level), existing, DEFAULT_CONFIG);
        const violating = existing.filter((e) => failures(REGISTRY.evaluatePod(lv(level), e.template.meta, e.template.spec)).length > 0).length;
        const perLine = warnings.slice(violating > 0 ? 1 : 0).map((w) => {
          const m = /^pod-\d+(?: \(and (\d+) other pods?\))?: /.exec(w);
          expect(m).not.toBeNull();
          return 1 + Number(m![1] ?? 0);
        });
        expect(perLine.reduce((a, b) => a + b, 0)).toBe(violating);
        expect(warnings.slice(1)).toEqual([...warnings.slice(1)].sort());
      }),
      { numRuns: 60 },
    );
  });
});

describe('goQuote', () => {
  it('matches JSON quoting for printable ASCII', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) }), (s) => {
        expect(goQuote(s)).toBe(JSON.stringify(s));
      }),
    );
  });
});
