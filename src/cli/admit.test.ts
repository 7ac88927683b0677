// `cks-lab admit`: what the PodSecurity admission plugin answers to `kubectl apply`, in kubectl's words or as JSON,
// by the namespaces' labels or against one --level; configurations, exemptions, relabelling, errors and exit codes.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './test-run';

const dir = fileURLToPath(new URL('./testdata/admit/', import.meta.url));
const at = (name: string): string => dir + name;

const admit = (...args: string[]) => runCli(['admit', ...args]);

/** The restricted checks a plain container fails, in upstream's order (what `kubectl run` of nginx gets). */
const restrictedDetail = (c: string): string =>
  `allowPrivilegeEscalation != false (container "${c}" must set securityContext.allowPrivilegeEscalation=false), ` +
  `unrestricted capabilities (container "${c}" must set securityContext.capabilities.drop=["ALL"]), ` +
  `runAsNonRoot != true (pod or container "${c}" must set securityContext.runAsNonRoot=true), ` +
  `seccompProfile (pod or container "${c}" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")`;

const restrictedViolations = (c: string) => [
  { check: 'allowPrivilegeEscalation', reason: 'allowPrivilegeEscalation != false', detail: `container "${c}" must set securityContext.allowPrivilegeEscalation=false` },
  { check: 'capabilities_restricted', reason: 'unrestricted capabilities', detail: `container "${c}" must set securityContext.capabilities.drop=["ALL"]` },
  { check: 'runAsNonRoot', reason: 'runAsNonRoot != true', detail: `pod or container "${c}" must set securityContext.runAsNonRoot=true` },
  { check: 'seccompProfile_restricted', reason: 'seccompProfile', detail: `pod or container "${c}" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"` },
];

const privilegedViolation = (c: string) => ({ check: 'privileged', reason: 'privileged', detail: `container "${c}" must not set securityContext.privileged=true` });

/** Exactly what `--format json` prints for these rows: two-space indentation, one trailing newline. */
const json = (rows: unknown[]): string => JSON.stringify(rows, null, 2) + '\n';
const lines = (...l: string[]): string => l.map((x) => x + '\n').join('');

describe('cks-lab admit, as the namespaces label it', () => {
  const team = at('team.yaml');

  it("prints kubectl's lines in input order: refusals, warnings before the created line, namespaces (exit 1)", async () => {
    expect(await admit(team)).toEqual({
      code: 1,
      stderr: '',
      stdout: lines(
        'namespace/team created',
        `Error from server (Forbidden): error when creating "${team}": pods "bad" is forbidden: violates PodSecurity "restricted:latest": ${restrictedDetail('app')}`,
        'pod/good created',
        // A workload is never refused: its pods would be. It is warned at the warn level (here enforce's).
        'Warning: would violate PodSecurity "restricted:latest": unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]), seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
        'deployment.apps/web created',
        'namespace/dev created',
        'Warning: would violate PodSecurity "baseline:v1.40": host namespaces (hostPID=true), privileged (container "shell" must not set securityContext.privileged=true)',
        'pod/debug created',
        // No namespace: default, unlabelled, so privileged.
        'pod/root-shell created',
      ),
    });
  });

  it('--format json: one row per object sorted by namespace, kind, name; Pods echo the enforce policy, workloads the warn one', async () => {
    const { code, stdout, stderr } = await admit(team, '--format', 'json');
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    expect(stdout).toBe(
      json([
        { kind: 'Pod', namespace: 'default', name: 'root-shell', allowed: true, level: 'privileged', version: 'latest', violations: [], warnings: [] },
        {
          kind: 'Pod',
          namespace: 'dev',
          name: 'debug',
          allowed: true,
          level: 'privileged',
          version: 'latest',
          violations: [],
          warnings: ['would violate PodSecurity "baseline:v1.40": host namespaces (hostPID=true), privileged (container "shell" must not set securityContext.privileged=true)'],
        },
        {
          kind: 'Deployment',
          namespace: 'team',
          name: 'web',
          allowed: true,
          level: 'restricted',
          version: 'latest',
          violations: [restrictedViolations('app')[1], restrictedViolations('app')[3]],
          warnings: [
            'would violate PodSecurity "restricted:latest": unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]), seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
          ],
        },
        { kind: 'Pod', namespace: 'team', name: 'bad', allowed: false, level: 'restricted', version: 'latest', violations: restrictedViolations('app'), warnings: [] },
        { kind: 'Pod', namespace: 'team', name: 'good', allowed: true, level: 'restricted', version: 'latest', violations: [], warnings: [] },
      ]),
    );
  });

  it('exits 0 when everything is admitted, warnings or not', async () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: w\n  labels: {pod-security.kubernetes.io/warn: baseline}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: w}\nspec:\n  hostIPC: true\n  containers: [{name: c, image: nginx}]\n';
    expect(await runCli(['admit', '-'], text)).toEqual({
      code: 0,
      stderr: '',
      stdout: lines('namespace/w created', 'Warning: would violate PodSecurity "baseline:latest": host namespaces (hostIPC=true)', 'pod/p created'),
    });
  });

  it('judges the pod template of every workload kind; only Pods are refused', async () => {
    const file = at('workloads.yaml');
    const warn = (detail: string): string => `Warning: would violate PodSecurity "baseline:v1.40": ${detail}`;
    expect(await admit(file)).toEqual({
      code: 1,
      stderr: '',
      stdout: lines(
        'namespace/apps created',
        // A template is not defaulted as a Pod is: hostNetwork gives no hostPort, only the one written.
        warn('host namespaces (hostNetwork=true), hostPort (container "nginx" uses hostPort 8080)'),
        'deployment.apps/web created',
        warn('privileged (container "app" must not set securityContext.privileged=true)'),
        'replicaset.apps/rs created',
        warn('hostPath volumes (volume "data")'),
        'statefulset.apps/db created',
        warn('non-default capabilities (container "agent" must not include "NET_ADMIN", "SYS_ADMIN" in securityContext.capabilities.add), host namespaces (hostPID=true)'),
        'daemonset.apps/agent created',
        'job.batch/migrate created',
        warn('forbidden sysctls (kernel.msgmax)'),
        'cronjob.batch/nightly created',
        warn('seLinuxOptions (container "app" set forbidden securityContext.seLinuxOptions: type "spc_t")'),
        'replicationcontroller/legacy created',
        'replicationcontroller/empty created',
        warn('forbidden AppArmor profile (annotation must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/app="unconfined"")'),
        'podtemplate/tmpl created',
        // A Pod with hostNetwork has hostPort defaulted to its containerPort.
        `Error from server (Forbidden): error when creating "${file}": pods "web-0" is forbidden: violates PodSecurity "restricted:latest": host namespaces (hostNetwork=true), hostPort (container "nginx" uses hostPort 80), ${restrictedDetail('nginx')}`,
      ),
    });
    const rows = JSON.parse((await admit(file, '--format', 'json')).stdout) as { kind: string; name: string; allowed: boolean; level: string; version: string; violations: { check: string }[]; warnings: string[] }[];
    expect(rows.map((r) => [r.kind, r.name, r.allowed, `${r.level}:${r.version}`, r.violations.map((v) => v.check).join(' '), r.warnings.length])).toEqual([
      ['CronJob', 'nightly', true, 'baseline:v1.40', 'sysctls', 1],
      ['DaemonSet', 'agent', true, 'baseline:v1.40', 'capabilities_baseline hostNamespaces', 1],
      ['Deployment', 'web', true, 'baseline:v1.40', 'hostNamespaces hostPorts', 1],
      ['Job', 'migrate', true, 'baseline:v1.40', '', 0],
      ['Pod', 'web-0', false, 'restricted:latest', 'hostNamespaces hostPorts allowPrivilegeEscalation capabilities_restricted runAsNonRoot seccompProfile_restricted', 0],
      ['PodTemplate', 'tmpl', true, 'baseline:v1.40', 'appArmorProfile', 1],
      ['ReplicaSet', 'rs', true, 'baseline:v1.40', 'privileged', 1],
      ['ReplicationController', 'empty', true, 'baseline:v1.40', '', 0],
      ['ReplicationController', 'legacy', true, 'baseline:v1.40', 'seLinuxOptions', 1],
      ['StatefulSet', 'db', true, 'baseline:v1.40', 'hostPathVolumes', 1],
    ]);
  });

  it('refuses a Namespace whose labels it cannot read, and judges its pods with the fallbacks (enforce: restricted)', async () => {
    const file = at('invalid-labels.yaml');
    expect(await admit(file)).toEqual({
      code: 1,
      stderr: '',
      stdout: lines(
        `Error from server (Invalid): error when creating "${file}": Namespace "strict" is invalid: metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "strict": must be one of privileged, baseline, restricted`,
        `Error from server (Forbidden): error when creating "${file}": pods "p" is forbidden: violates PodSecurity "restricted:latest": ${restrictedDetail('app')}`,
        // An invalid enforce level raises no warn level: the workload is not warned.
        'deployment.apps/d created',
        `Error from server (Invalid): error when creating "${file}": Namespace "two" is invalid: [metadata.labels[pod-security.kubernetes.io/enforce-version]: Invalid value: "1.30": must be "latest" or "v1.x", metadata.labels[pod-security.kubernetes.io/warn]: Invalid value: "Restricted": must be one of privileged, baseline, restricted]`,
        // An invalid version reads as latest; an invalid warn level fails open.
        `Error from server (Forbidden): error when creating "${file}": pods "q" is forbidden: violates PodSecurity "baseline:latest": host namespaces (hostIPC=true)`,
      ),
    });
    const rows = JSON.parse((await admit(file, '--format', 'json')).stdout) as { namespace: string; name: string; allowed: boolean; level: string; version: string }[];
    expect(rows.map((r) => `${r.namespace}/${r.name} ${r.allowed} ${r.level}:${r.version}`)).toEqual(['strict/d true privileged:latest', 'strict/p false restricted:latest', 'two/q false baseline:latest']);
  });

  it('reads a folder (its .yaml files in name order) and several files in the order given', async () => {
    const pods = at('dir/20-pods.yaml');
    expect(await admit(at('dir'))).toEqual({
      code: 1,
      stderr: '',
      stdout: lines(
        'namespace/ci created',
        `Error from server (Forbidden): error when creating "${pods}": pods "runner" is forbidden: violates PodSecurity "baseline:v1.30": hostPort (container "runner" uses hostPort 8080)`,
        'job.batch/build created',
      ),
    });
    const both = await admit(at('versions.yaml'), at('dir'));
    expect(both.stdout.split('\n').slice(0, 2)).toEqual(['pod/app created', 'namespace/ci created']);
    const rows = JSON.parse((await admit(at('dir'), '--format', 'json')).stdout) as { name: string; level: string; version: string }[];
    // The Job is judged by the warn level enforce raised, at enforce's version.
    expect(rows.map((r) => `${r.name} ${r.level}:${r.version}`)).toEqual(['build baseline:v1.30', 'runner baseline:v1.30']);
  });

  it('reads standard input for -, and names it <stdin>', async () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: s\n  labels: {pod-security.kubernetes.io/enforce: baseline}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: s}\nspec:\n  hostNetwork: true\n  containers: [{name: c, image: nginx}]\n';
    expect(await runCli(['admit', '-'], text)).toEqual({
      code: 1,
      stderr: '',
      stdout: lines('namespace/s created', 'Error from server (Forbidden): error when creating "<stdin>": pods "p" is forbidden: violates PodSecurity "baseline:latest": host namespaces (hostNetwork=true)'),
    });
  });
});

describe('cks-lab admit, a namespace relabelled in the same input', () => {
  const file = at('relabel.yaml');
  const relabelWarnings = [
    'Warning: existing pods in namespace "shop" violate the new PodSecurity enforce level "baseline:latest"',
    'Warning: tools: host namespaces',
    'Warning: web-a (and 1 other pod): privileged',
    'namespace/shop configured',
  ];

  it('warns of the pods already there that violate the new enforce level, one line per reason list', async () => {
    const { code, stdout, stderr } = await admit(file);
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    expect(stdout).toContain(lines(...relabelWarnings));
    expect(stdout.split('\n').at(-2)).toBe(
      `Error from server (Forbidden): error when creating "${file}": pods "late" is forbidden: violates PodSecurity "baseline:latest": privileged (container "app" must not set securityContext.privileged=true)`,
    );
  });

  // Each object is judged by the labels its namespace had when kubectl apply reached it; each definition prints.
  it('judges each object by the labels in force when it is applied, and prints every definition of the namespace', async () => {
    expect(await admit(file)).toEqual({
      code: 1,
      stderr: '',
      stdout: lines(
        'namespace/shop created',
        'pod/web-b created',
        'pod/web-a created',
        'pod/tools created',
        'pod/plain created',
        ...relabelWarnings,
        `Error from server (Forbidden): error when creating "${file}": pods "late" is forbidden: violates PodSecurity "baseline:latest": privileged (container "app" must not set securityContext.privileged=true)`,
      ),
    });
  });
});

describe('cks-lab admit with a PodSecurity configuration', () => {
  const file = at('exemptions.yaml');
  const exemptNamespace = 'Warning: namespace "legacy" is exempt from Pod Security, and the policy (enforce=restricted:latest) will be ignored';

  it('takes its defaults and exempts namespaces and runtime classes; an exempt namespace that asks for a policy is warned', async () => {
    const expected = {
      code: 1,
      stderr: '',
      stdout: lines(
        exemptNamespace,
        'namespace/legacy created',
        'pod/priv created',
        `Error from server (Forbidden): error when creating "${file}": pods "priv" is forbidden: violates PodSecurity "baseline:latest": privileged (container "app" must not set securityContext.privileged=true)`,
        'pod/sandboxed created',
        `Warning: would violate PodSecurity "restricted:latest": ${restrictedDetail('app')}`,
        'pod/plain created',
        'pod/sys created',
      ),
    };
    expect(await admit(file)).toEqual(expected);
    // A user who is not exempt changes nothing.
    expect(await admit(file, '--as', 'jane')).toEqual(expected);
  });

  it('--as an exempt user: everything is admitted without a warning (the namespace exemption still warns)', async () => {
    expect(await admit(file, '--as', 'ci-bot')).toEqual({
      code: 0,
      stderr: '',
      stdout: lines(exemptNamespace, 'namespace/legacy created', 'pod/priv created', 'pod/priv created', 'pod/sandboxed created', 'pod/plain created', 'pod/sys created'),
    });
  });

  it('--format json: exempt objects are allowed with no violations; the policy echoed is the namespace\'s', async () => {
    expect((await admit(file, '--format', 'json')).stdout).toBe(
      json([
        {
          kind: 'Pod',
          namespace: 'default',
          name: 'plain',
          allowed: true,
          level: 'baseline',
          version: 'latest',
          violations: [],
          warnings: [`would violate PodSecurity "restricted:latest": ${restrictedDetail('app')}`],
        },
        { kind: 'Pod', namespace: 'default', name: 'priv', allowed: false, level: 'baseline', version: 'latest', violations: [privilegedViolation('app')], warnings: [] },
        { kind: 'Pod', namespace: 'default', name: 'sandboxed', allowed: true, level: 'baseline', version: 'latest', violations: [], warnings: [] },
        { kind: 'Pod', namespace: 'kube-system', name: 'sys', allowed: true, level: 'baseline', version: 'latest', violations: [], warnings: [] },
        { kind: 'Pod', namespace: 'legacy', name: 'priv', allowed: true, level: 'restricted', version: 'latest', violations: [], warnings: [] },
      ]),
    );
  });

  it("reads the PodSecurity plugin's inline configuration from an AdmissionConfiguration, versions included", async () => {
    const ac = at('admission-config.yaml');
    const refused = `Error from server (Forbidden): error when creating "${ac}": pods "old" is forbidden: violates PodSecurity "restricted:v1.22": unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"])`;
    expect(await admit(ac)).toEqual({ code: 1, stderr: '', stdout: lines(refused) });
    expect((await admit(ac, '--format', 'json')).stdout).toBe(
      json([{ kind: 'Pod', namespace: 'default', name: 'old', allowed: false, level: 'restricted', version: 'v1.22', violations: [restrictedViolations('app')[1]], warnings: [] }]),
    );
    expect(await admit(ac, '--as', 'system:serviceaccount:kube-system:replicaset-controller')).toEqual({ code: 0, stderr: '', stdout: lines('pod/old created') });
  });
});

describe('cks-lab admit --level', () => {
  const team = at('team.yaml');

  it('judges every object against the level whatever its namespace says; Pods are refused, workloads warned (exit 1)', async () => {
    expect(await admit(team, '--level', 'baseline')).toEqual({
      code: 1,
      stderr: '',
      stdout: lines(
        'pod/bad created',
        'pod/good created',
        'deployment.apps/web created',
        `Error from server (Forbidden): error when creating "${team}": pods "debug" is forbidden: violates PodSecurity "baseline:latest": host namespaces (hostPID=true), privileged (container "shell" must not set securityContext.privileged=true)`,
        `Error from server (Forbidden): error when creating "${team}": pods "root-shell" is forbidden: violates PodSecurity "baseline:latest": privileged (container "shell" must not set securityContext.privileged=true)`,
      ),
    });
  });

  it('--format json: allowed is false for a workload whose pods would violate it; its warning is the text one', async () => {
    const warning = 'would violate PodSecurity "restricted:latest": unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]), seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")';
    const { code, stdout, stderr } = await admit(team, '--level', 'restricted', '--format', 'json');
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    expect(stdout).toBe(
      json([
        { kind: 'Pod', namespace: 'default', name: 'root-shell', allowed: false, level: 'restricted', version: 'latest', violations: [privilegedViolation('shell'), ...restrictedViolations('shell')], warnings: [] },
        {
          kind: 'Pod',
          namespace: 'dev',
          name: 'debug',
          allowed: false,
          level: 'restricted',
          version: 'latest',
          violations: [{ check: 'hostNamespaces', reason: 'host namespaces', detail: 'hostPID=true' }, privilegedViolation('shell'), ...restrictedViolations('shell')],
          warnings: [],
        },
        { kind: 'Deployment', namespace: 'team', name: 'web', allowed: false, level: 'restricted', version: 'latest', violations: [restrictedViolations('app')[1], restrictedViolations('app')[3]], warnings: [warning] },
        { kind: 'Pod', namespace: 'team', name: 'bad', allowed: false, level: 'restricted', version: 'latest', violations: restrictedViolations('app'), warnings: [] },
        { kind: 'Pod', namespace: 'team', name: 'good', allowed: true, level: 'restricted', version: 'latest', violations: [], warnings: [] },
      ]),
    );
    const text = await admit(team, '--level', 'restricted');
    expect(text.stdout.split('\n').slice(2, 4)).toEqual([`Warning: ${warning}`, 'deployment.apps/web created']);
  });

  it('a workload that violates the level fails the run (exit 1) though it is created', async () => {
    const text = 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n      hostNetwork: true\n      containers: [{name: c, image: nginx}]\n';
    expect(await runCli(['admit', '-', '--level', 'baseline'], text)).toEqual({
      code: 1,
      stderr: '',
      stdout: lines('Warning: would violate PodSecurity "baseline:latest": host namespaces (hostNetwork=true)', 'daemonset.apps/d created'),
    });
  });

  it('--version picks the checks of that release and is echoed as given; privileged admits everything (exit 0)', async () => {
    const file = at('versions.yaml');
    expect(await admit(file, '--level', 'restricted', '--version', 'v1.21')).toEqual({ code: 0, stderr: '', stdout: lines('pod/app created') });
    expect(await admit(file, '--level', 'restricted', '--version', 'v1.22')).toEqual({
      code: 1,
      stderr: '',
      stdout: lines(`Error from server (Forbidden): error when creating "${file}": pods "app" is forbidden: violates PodSecurity "restricted:v1.22": unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"])`),
    });
    // A version newer than any check is judged as the newest, and named as given.
    const future = JSON.parse((await admit(file, '--level', 'restricted', '--version', 'v1.99', '--format', 'json')).stdout) as { version: string; violations: unknown[] }[];
    expect(future.map((r) => [r.version, r.violations.length])).toEqual([['v1.99', 1]]);
    const latest = JSON.parse((await admit(file, '--level', 'baseline', '--format', 'json')).stdout) as { level: string; version: string }[];
    expect(latest.map((r) => `${r.level}:${r.version}`)).toEqual(['baseline:latest']);
    expect(await admit(team, '--level', 'privileged')).toEqual({
      code: 0,
      stderr: '',
      stdout: lines('pod/bad created', 'pod/good created', 'deployment.apps/web created', 'pod/debug created', 'pod/root-shell created'),
    });
  });
});

describe('cks-lab admit errors', () => {
  it('a YAML syntax error is FILE:LINE:COL: error[CODE] on stderr, nothing on stdout, exit 2', async () => {
    const file = at('syntax.yaml');
    expect(await admit(file)).toEqual({
      code: 2,
      stdout: '',
      stderr: `${file}:5:1: error[yaml-syntax]: a "{" above is not closed with "}" (or this line is not indented enough)\n`,
    });
  });

  it('a misspelt securityContext field is an error with a "did you mean", as kubectl\'s strict validation', async () => {
    const file = at('typo.yaml');
    const expected = {
      code: 2,
      stdout: '',
      stderr: `${file}:10:7: error[unknown-field]: unknown field spec.containers[0].securityContext.allowPrivilegeEscalaton; did you mean allowPrivilegeEscalation? (Pod default/p)\n`,
    };
    expect(await admit(file)).toEqual(expected);
    expect(await admit(file, '--level', 'restricted', '--format', 'json')).toEqual(expected);
  });

  it('an object defined twice and a missing file are errors (exit 2)', async () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: nginx}]}\n';
    expect(await runCli(['admit', '-'], `${pod}---\n${pod}`)).toEqual({ code: 2, stdout: '', stderr: '<stdin>:6:1: error[duplicate]: Pod default/p is defined twice (also at <stdin>:1:1)\n' });
    const missing = at('nope.yaml');
    expect(await admit(missing)).toEqual({ code: 2, stdout: '', stderr: `${missing}:1:1: error[read-failed]: no such file or directory\n` });
  });

  it('usage errors: a bad --level, --version or --format, --version without --level, an unknown flag, no FILE (exit 2)', async () => {
    const file = at('versions.yaml');
    const usage = (message: string) => ({ code: 2, stdout: '', stderr: `cks-lab: error[invalid-flag]: ${message}\n` });
    expect(await admit(file, '--level', 'foo')).toEqual(usage('--level must be privileged, baseline or restricted, not "foo"'));
    expect(await admit(file, '--level', 'restricted', '--version', 'v1.x')).toEqual(usage('--version must be "latest" or "v1.x", not "v1.x"'));
    expect(await admit(file, '--level', 'restricted', '--version', 'v1.07')).toEqual(usage('--version must be "latest" or "v1.x", not "v1.07"'));
    expect(await admit(file, '--version', 'v1.30')).toEqual(usage("--version needs --level (without it, each namespace's labels choose the version)"));
    expect(await admit(file, '--format', 'yaml')).toEqual(usage('--format must be text or json, not "yaml"'));
    expect(await admit(file, '--colour')).toEqual(usage('unknown flag --colour'));
    expect(await admit(file, '--level')).toEqual(usage('--level needs a value'));
    expect(await admit()).toEqual(usage('admit needs at least one FILE'));
  });

  it('default exists before the input: labelling it configures it, with the warnings for pods given before', async () => {
    const text = [
      'apiVersion: v1\nkind: Pod\nmetadata: {name: agent}\nspec:\n  hostPID: true\n  containers: [{name: c, image: busybox}]\n',
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: default\n  labels: {pod-security.kubernetes.io/enforce: baseline}\n',
    ].join('---\n');
    expect(await runCli(['admit', '-'], text)).toEqual({
      code: 0,
      stdout: [
        'pod/agent created',
        'Warning: existing pods in namespace "default" violate the new PodSecurity enforce level "baseline:latest"',
        'Warning: agent: host namespaces',
        'namespace/default configured',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('a Namespace created with labels the plugin cannot read is refused; the next definition creates it', async () => {
    const text = [
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {pod-security.kubernetes.io/audit: loose}\n',
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {pod-security.kubernetes.io/enforce: restricted}\n',
    ].join('---\n');
    expect(await runCli(['admit', '-'], text)).toEqual({
      code: 1,
      stdout: [
        'Error from server (Invalid): error when creating "<stdin>": Namespace "shop" is invalid: metadata.labels[pod-security.kubernetes.io/audit]: Invalid value: "loose": must be one of privileged, baseline, restricted',
        'namespace/shop created',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('is listed in --help', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('  cks-lab admit FILE... [--level privileged|baseline|restricted] [--version latest|v1.N] [--format text|json] [--as USER]\n');
  });
});
