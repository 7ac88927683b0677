// `cks-lab can-i` and `cks-lab who-can`: answer RBAC questions about manifests the way `kubectl auth can-i` and
// kubectl-who-can answer them about a cluster, with the same words, warnings and exit codes.
// Pure: the Node entry (src/cli) gives it the inputs and the output streams.
import { analyze, plainText, parseArgs, oneOf, UsageError, type AnyTopic, type CliCommand, type CliEnv, type ParsedArgs } from '../../core/index';
import { formatDiagnostic, parseSources, readObjects, type Diagnostic } from '../../kube/index';
import { explainDecision } from './explain';
import { formatRulesTable, rulesFor, userFor, whoCan } from './authorize';
import { parseIdentity } from './identities';
import { resolveResource } from './api-resources';
import { SubjectAccessReviewKind } from './reviews';
import type { Request, UserInfo } from './model';
import type { RbacResult } from './checks';

// kubectl's lists of the verbs it knows (staging/src/k8s.io/kubectl/pkg/cmd/auth/cani.go); others get a warning.
const RESOURCE_VERBS = new Set(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'impersonate', '*', 'approve', 'sign', 'escalate', 'attest']);
const NON_RESOURCE_VERBS = new Set(['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*']);

const COMMON_FLAGS = [
  { name: 'filename', short: 'f', type: 'list' },
  { name: 'no-defaults', type: 'bool' },
] as const;

/** Reads the manifests and builds the RBAC model; prints problems; null when the input has errors. */
function load(topic: AnyTopic, files: readonly string[], noDefaults: boolean, io: CliEnv): RbacResult | null {
  if (files.length === 0) throw new UsageError('give the manifests with -f FILE (a file, a folder, or - for standard input)');
  const { inputs, problems } = io.readInputs(files);
  const analysis = analyze({ topics: [topic], options: new Map([['rbac', { defaults: !noDefaults }]]), attempt: inputs });
  // Kinds RBAC does not read (Services, ConfigMaps, ...) are left out quietly: a whole cluster dump is fine input.
  const shown = [...problems, ...analysis.diagnostics].filter((d) => d.code !== 'unsupported-kind');
  for (const d of shown) io.stderr.write(formatDiagnostic(d) + '\n');
  if (shown.some((d) => d.severity === 'error')) return null;
  return (analysis.outcomes.get('rbac')?.result as RbacResult | undefined) ?? null;
}

function warn(io: CliEnv, message: string): void {
  io.stderr.write(message.startsWith('Warning: ') ? `${message}\n` : `Warning: ${message}\n`);
}

/** The user of `--as` / `--as-group`, as the API server's impersonation filter builds it. */
function asUser(a: ParsedArgs): UserInfo {
  const name = a.value('as');
  const groups = a.list('as-group');
  if (name === undefined || name === '') {
    if (groups.length === 0) throw new UsageError('say who asks: --as USER (a ServiceAccount is --as system:serviceaccount:NS:NAME), or --as-pod NS/NAME');
    throw new UsageError('--as-group needs --as USER as well (as kubectl requires)');
  }
  return userFor(name, groups);
}

const CAN_I_FLAGS = [
  ...COMMON_FLAGS,
  { name: 'as', type: 'value' },
  { name: 'as-group', type: 'list' },
  { name: 'as-pod', type: 'value' },
  { name: 'namespace', short: 'n', type: 'value' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'subresource', type: 'value' },
  { name: 'list', type: 'bool' },
  { name: 'no-headers', type: 'bool' },
  { name: 'reviews', type: 'value' },
  { name: 'explain', type: 'bool' },
  { name: 'quiet', short: 'q', type: 'bool' },
] as const;

async function runCanI(topic: AnyTopic, args: readonly string[], io: CliEnv): Promise<number> {
  const a = parseArgs(args, CAN_I_FLAGS);
  if (a.has('reviews')) return runReviews(topic, a, io);
  const files = a.list('filename');
  if (a.bool('list')) {
    if (a.positional.length > 0) throw new UsageError('list option must be specified with no arguments');
    if (a.bool('all-namespaces') || a.bool('quiet') || a.has('subresource')) {
      throw new UsageError("list option can't be specified with neither quiet, all-namespaces nor subresource options");
    }
  } else {
    if (a.positional.length < 2 || a.positional.length > 3) throw new UsageError('can-i needs VERB RESOURCE[/SUBRESOURCE] [NAME] or VERB /URL');
    if (a.bool('no-headers')) throw new UsageError('--no-headers cannot be set without --list specified');
  }
  const result = load(topic, files, a.bool('no-defaults'), io);
  if (!result) return 2;
  let user: UserInfo;
  if (a.has('as-pod')) {
    const identity = parseIdentity(`pod:${a.value('as-pod')}`, result.model);
    if ('error' in identity) throw new UsageError(`--as-pod: ${identity.error}`);
    user = identity.user;
  } else user = asUser(a);
  const namespace = a.bool('all-namespaces') ? '' : (a.value('namespace') ?? 'default');

  if (a.bool('list')) {
    io.stdout.write(formatRulesTable(rulesFor(result.index, user, namespace), { noHeaders: a.bool('no-headers') }));
    return 0;
  }
  const [verb = '', target = '', name = ''] = a.positional;
  let request: Request;
  if (target.startsWith('/')) {
    if (a.has('subresource')) throw new UsageError('--subresource can not be used with NonResourceURL');
    if (name) throw new UsageError('NonResourceURL and ResourceName can not specified together');
    if (!NON_RESOURCE_VERBS.has(verb)) warn(io, `verb '${verb}' is not a known verb`);
    request = { kind: 'nonResource', verb, path: target };
  } else {
    // cks-lab reads RESOURCE/SUBRESOURCE (pods/log) and NAME as a third argument. With --subresource, the
    // argument reads as kubectl reads it: TYPE/NAME.
    const slash = target.indexOf('/');
    const resourceArg = slash < 0 ? target : target.slice(0, slash);
    const afterSlash = slash < 0 ? '' : target.slice(slash + 1);
    const kubectlStyle = a.has('subresource');
    if (kubectlStyle && afterSlash && name) throw new UsageError('give the name once: TYPE/NAME with --subresource, or RESOURCE/SUBRESOURCE NAME');
    const subresource = kubectlStyle ? (a.value('subresource') ?? '') : afterSlash;
    const resourceName = kubectlStyle && afterSlash ? afterSlash : name;
    const resolved = resolveResource(resourceArg);
    for (const w of resolved.warnings) warn(io, w);
    if (!a.bool('all-namespaces') && resolved.namespaced === false) {
      warn(io, resolved.group === '' ? `resource '${resolved.resource}' is not namespace scoped` : `resource '${resolved.resource}' is not namespace scoped in group '${resolved.group}'`);
    }
    // kubectl checks resource verbs only when it checks the namespace scope too (not with -A).
    if (!a.bool('all-namespaces') && !RESOURCE_VERBS.has(verb)) warn(io, `verb '${verb}' is not a known verb`);
    // The namespace goes to the authorizer as asked, as kubectl sends it (even for cluster-scoped resources).
    request = { kind: 'resource', verb, namespace, apiGroup: resolved.group, resource: resolved.resource, subresource, name: resourceName };
  }
  const decision = result.decide({ ref: user.name, kind: 'User', user, label: user.name }, request);
  if (!a.bool('quiet')) {
    io.stdout.write(decision.allowed ? 'yes\n' : `no${decision.reason ? ` - ${decision.reason}` : ''}\n`);
    if (a.bool('explain')) for (const s of explainDecision(decision, request)) io.stdout.write(plainText(s.en) + '\n');
  }
  return decision.allowed ? 0 : 1;
}

/** `--reviews FILE`: SubjectAccessReviews answered in input order, as a JSON array. */
async function runReviews(topic: AnyTopic, a: ParsedArgs, io: CliEnv): Promise<number> {
  const files = [...a.list('filename'), ...a.positional];
  const reviewsFile = a.value('reviews')!;
  const result = load(topic, files, a.bool('no-defaults'), io);
  const { inputs, problems } = io.readInputs([reviewsFile]);
  const parsed = parseSources(inputs);
  const read = readObjects(parsed.documents, [SubjectAccessReviewKind]);
  // Anything but authorization.k8s.io/v1 SubjectAccessReview in the reviews file would shift the answers
  // against the input order: it is an error there, not a skipped kind.
  const reviewProblems = read.diagnostics.map((d) => (d.code === 'unsupported-kind' ? { ...d, severity: 'error' as const, message: d.message.replace(/; skipped$/, '; --reviews reads authorization.k8s.io/v1 SubjectAccessReview only') } : d));
  const diagnostics: Diagnostic[] = [...problems, ...parsed.diagnostics, ...reviewProblems];
  for (const d of diagnostics) io.stderr.write(formatDiagnostic(d) + '\n');
  if (!result || diagnostics.some((d) => d.severity === 'error')) return 2;
  const explain = a.bool('explain');
  const rows = read.objects.map((o) => {
    const { user, request } = o.value as { user: UserInfo; request: Request };
    const decision = result.decide({ ref: user.name, kind: 'User', user, label: user.name }, request);
    const row: Record<string, unknown> = { allowed: decision.allowed, reason: decision.reason };
    if (explain) {
      const g = decision.grant;
      if (g) {
        row.binding = { kind: g.binding.kind, namespace: g.binding.namespace, name: g.binding.name };
        row.role = { kind: g.role.kind, namespace: g.role.namespace, name: g.role.name };
        row.rule = g.ruleIndex;
      }
      row.explanation = explainDecision(decision, request).map((s) => plainText(s.en)).join(' ');
    }
    return JSON.stringify(row);
  });
  io.stdout.write(rows.length === 0 ? '[]\n' : `[\n  ${rows.join(',\n  ')}\n]\n`);
  return 0;
}

const WHO_CAN_FLAGS = [
  ...COMMON_FLAGS,
  { name: 'namespace', short: 'n', type: 'value' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'subresource', type: 'value' },
  { name: 'format', type: 'value' },
] as const;

/** Columns padded as Go's tabwriter pads them (two spaces between columns). */
function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]! + 2))).join('').trimEnd()).join('\n') + '\n';
}

async function runWhoCan(topic: AnyTopic, args: readonly string[], io: CliEnv): Promise<number> {
  const a = parseArgs(args, WHO_CAN_FLAGS);
  if (a.positional.length < 2 || a.positional.length > 3) throw new UsageError('who-can needs VERB RESOURCE[/SUBRESOURCE] [NAME] or VERB /URL');
  const format = oneOf('format', a.value('format'), ['text', 'json'], 'text');
  const result = load(topic, a.list('filename'), a.bool('no-defaults'), io);
  if (!result) return 2;
  const [verb = '', target = '', name = ''] = a.positional;
  const namespace = a.bool('all-namespaces') ? '' : (a.value('namespace') ?? 'default');
  let request: Request;
  if (target.startsWith('/')) request = { kind: 'nonResource', verb, path: target };
  else {
    const slash = target.indexOf('/');
    const resolved = resolveResource(slash < 0 ? target : target.slice(0, slash));
    for (const w of resolved.warnings) warn(io, w);
    const subresource = slash < 0 ? (a.value('subresource') ?? '') : target.slice(slash + 1);
    // As kubectl-who-can: a cluster-scoped resource is asked cluster-wide.
    const ns = resolved.namespaced === false ? '' : namespace;
    request = { kind: 'resource', verb, namespace: ns, apiGroup: resolved.group, resource: resolved.resource, subresource, name };
  }
  // With -A, kubectl-who-can lists the RoleBindings of every namespace (each granting in its own namespace).
  const entries = whoCan(result.index, request);
  if (request.kind === 'resource' && request.namespace === '' && a.bool('all-namespaces')) {
    for (const ns of result.model.namespaces) entries.push(...whoCan(result.index, { ...request, namespace: ns }).filter((e) => e.binding.kind === 'RoleBinding'));
  }
  if (format === 'json') {
    const rows = entries.map((e) => ({
      kind: e.kind,
      namespace: e.namespace,
      name: e.name,
      binding: { kind: e.binding.kind, namespace: e.binding.namespace, name: e.binding.name },
      role: { kind: e.role.kind, name: e.role.name },
      rule: e.ruleIndex,
    }));
    io.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    return 0;
  }
  const rb = entries.filter((e) => e.binding.kind === 'RoleBinding');
  const crb = entries.filter((e) => e.binding.kind === 'ClusterRoleBinding');
  const asked = request.kind === 'resource' ? `${verb} ${target}${name ? `/${name}` : ''}` : `${verb} ${target}`;
  if (request.kind === 'resource') {
    if (rb.length === 0) io.stdout.write(`No subjects found with permissions to ${asked} assigned through RoleBindings\n`);
    else io.stdout.write(table([['ROLEBINDING', 'NAMESPACE', 'SUBJECT', 'TYPE', 'SA-NAMESPACE'], ...rb.map((e) => [e.binding.name, e.binding.namespace, e.name, e.kind, e.kind === 'ServiceAccount' ? e.namespace : ''])]));
    io.stdout.write('\n');
  }
  if (crb.length === 0) io.stdout.write(`No subjects found with permissions to ${asked} assigned through ClusterRoleBindings\n`);
  else io.stdout.write(table([['CLUSTERROLEBINDING', 'SUBJECT', 'TYPE', 'SA-NAMESPACE'], ...crb.map((e) => [e.binding.name, e.name, e.kind, e.kind === 'ServiceAccount' ? e.namespace : ''])]));
  return 0;
}

/** The RBAC topic's subcommands; `topic` is read when a command runs (the topic lists these commands itself). */
export function rbacCommands(topic: () => AnyTopic): CliCommand[] {
  return [
    {
      name: 'can-i',
      usage: [
        'cks-lab can-i VERB RESOURCE[/SUBRESOURCE] [NAME] --as USER [--as-group GROUP]... [-n NS | -A] -f FILE... [--explain] [--no-defaults]',
        'cks-lab can-i VERB /NON/RESOURCE/URL --as USER -f FILE...',
        'cks-lab can-i --list --as USER [-n NS] [--no-headers] -f FILE...',
        'cks-lab can-i --reviews REVIEWS.yaml [--no-defaults] [--explain] FILE...',
      ],
      help: `can-i  Answers as \`kubectl auth can-i\` would against a cluster holding FILE... (Roles, ClusterRoles, their
       bindings, ServiceAccounts, Pods) plus the default roles and bindings (--no-defaults leaves them out).
       Prints yes or no; exit 0 yes, 1 no. RESOURCE is a plural, singular or short name (po, deploy, svc),
       RESOURCE.GROUP, or *. Without -n the namespace is default. --as-pod NS/NAME asks as the pod's
       ServiceAccount. --list prints kubectl's table of rules; --reviews answers SubjectAccessReviews as JSON.`,
      run: (args, env) => runCanI(topic(), args, env),
    },
    {
      name: 'who-can',
      usage: ['cks-lab who-can VERB RESOURCE[/SUBRESOURCE] [NAME] [-n NS | -A] -f FILE... [--format text|json]'],
      help: 'who-can Lists the subjects a binding lets do VERB on RESOURCE (as kubectl-who-can), with the binding.',
      run: (args, env) => runWhoCan(topic(), args, env),
    },
  ];
}
