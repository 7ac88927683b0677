// `cks-lab admit`: what the PodSecurity admission plugin says to `kubectl apply` of the given manifests, in
// kubectl's own words (text) or as JSON, either as the namespaces' labels decide or against one level.
// Pure: the Node entry (src/cli) gives it the inputs and the output streams.
import { analyze, oneOf, parseArgs, UsageError, type AnyTopic, type CliCommand } from '../../core/index';
import { formatDiagnostic } from '../../kube/index';
import { LEVELS, labelErrorText, levelVersionString, parseVersion, versionString, type Level, type LevelVersion } from './levels';
import { REGISTRY, failures, forbiddenDetail, type IdentifiedResult } from './registry';

import type { PodSecurityResult } from './evaluate';
import type { AdmissionVerdict } from './admission';
import { admitNamespace } from './admission';
import type { PsaObject } from './build';

/** kubectl's resource.group for each kind: `pods "x" is forbidden`, `deployment.apps/x created`. */
const RESOURCES: Readonly<Record<string, { plural: string; singular: string }>> = {
  Pod: { plural: 'pods', singular: 'pod' },
  Deployment: { plural: 'deployments.apps', singular: 'deployment.apps' },
  ReplicaSet: { plural: 'replicasets.apps', singular: 'replicaset.apps' },
  StatefulSet: { plural: 'statefulsets.apps', singular: 'statefulset.apps' },
  DaemonSet: { plural: 'daemonsets.apps', singular: 'daemonset.apps' },
  Job: { plural: 'jobs.batch', singular: 'job.batch' },
  CronJob: { plural: 'cronjobs.batch', singular: 'cronjob.batch' },
  PodTemplate: { plural: 'podtemplates', singular: 'podtemplate' },
  ReplicationController: { plural: 'replicationcontrollers', singular: 'replicationcontroller' },
};

/** One object's answer, as `--format json` prints it. */
export interface AdmitRow {
  kind: string;
  namespace: string;
  name: string;
  allowed: boolean;
  level: Level;
  version: string;
  violations: { check: string; reason: string; detail: string }[];
  warnings: string[];
}

interface Line {
  order: number;
  lines: string[];
}

/** What `kubectl apply` prints for an object the admission plugin answered: the refusal, or warnings and "created". */
export function applyLines(obj: PsaObject, v: AdmissionVerdict): string[] {
  const res = RESOURCES[obj.kind]!;
  if (!v.allowed) return [`Error from server (Forbidden): error when creating "${obj.source.doc.file}": ${res.plural} "${obj.name}" is forbidden: ${v.message}`];
  return [...v.warnings.map((w) => `Warning: ${w}`), `${res.singular}/${obj.name} created`];
}

/** Judges every object; with `forced`, against that policy alone (as a namespace enforcing it would). */
export function admitRows(result: PodSecurityResult, forced: LevelVersion | null): { rows: AdmitRow[]; text: Line[]; rejected: boolean } {
  const rows: AdmitRow[] = [];
  const text: Line[] = [];
  let rejected = false;
  const file = (o: PsaObject): string => o.source.doc.file;
  const violations = (failed: readonly IdentifiedResult[]): AdmitRow['violations'] => failed.map((f) => ({ check: f.check, reason: f.reason, detail: f.detail }));
  for (const obj of result.model.objects) {
    const res = RESOURCES[obj.kind]!;
    const lines: string[] = [];
    let row: AdmitRow;
    if (forced) {
      const failed = obj.template ? failures(REGISTRY.evaluatePod(forced, obj.template.meta, obj.template.spec)) : [];
      const summary = `PodSecurity "${levelVersionString(forced)}": ${forbiddenDetail(failed)}`;
      // A workload's warning is the one the text prints (a Pod refused gets none, as the plugin gives none).
      const warnings = !obj.isPod && failed.length > 0 ? [`would violate ${summary}`] : [];
      row = { kind: obj.kind, namespace: obj.namespace, name: obj.name, allowed: failed.length === 0, level: forced.level, version: versionString(forced.version), violations: violations(failed), warnings };
      if (failed.length > 0) {
        rejected = true;
        // As a namespace labelled `enforce: LEVEL` answers: Pods are refused, other kinds warned.
        if (obj.isPod) lines.push(`Error from server (Forbidden): error when creating "${file(obj)}": ${res.plural} "${obj.name}" is forbidden: violates ${summary}`);
        else lines.push(`Warning: would violate ${summary}`, `${res.singular}/${obj.name} created`);
      } else lines.push(`${res.singular}/${obj.name} created`);
    } else {
      const v = result.verdicts.get(obj)!;
      // The policy the plugin judged with: enforce for Pods; warn for other kinds (never enforced).
      const judged = obj.isPod ? v.policy.enforce : v.policy.warn;
      const failed = obj.isPod ? (v.enforce?.failed ?? []) : (v.warn?.failed ?? []);
      row = {
        kind: obj.kind,
        namespace: obj.namespace,
        name: obj.name,
        allowed: v.allowed,
        level: judged.level,
        version: versionString(judged.version),
        violations: violations(failed),
        warnings: v.warnings.map((w) => w),
      };
      if (!v.allowed) rejected = true;
      lines.push(...applyLines(obj, v));
    }
    rows.push(row);
    text.push({ order: obj.order, lines });
  }
  if (!forced) {
    // Each definition of a Namespace, in input order: created, configured (with the warnings `kubectl label`
    // prints for the pods given before it), or refused for labels the plugin cannot read.
    for (const ns of result.model.namespaces.values()) {
      for (const h of ns.history) {
        const pods = result.model.objects.filter((o) => o.isPod && o.namespace === ns.name && o.order < h.order && o.template);
        const v = admitNamespace(ns.name, h.labels, h.before, pods.map((o) => ({ name: o.name, template: o.template! })), result.model.config);
        const lines: string[] = [];
        if (!v.allowed) {
          rejected = true;
          lines.push(`Error from server (Invalid): error when ${h.before ? 'applying patch' : 'creating'} "${h.location.file}": ${v.message}`);
        } else {
          for (const w of v.warnings) lines.push(`Warning: ${w}`);
          lines.push(`namespace/${ns.name} ${h.before ? 'configured' : 'created'}`);
        }
        text.push({ order: h.order, lines });
      }
    }
  }
  rows.sort((a, b) => cmp(a.namespace, b.namespace) || cmp(a.kind, b.kind) || cmp(a.name, b.name));
  text.sort((a, b) => a.order - b.order);
  return { rows, text, rejected };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function admitCommand(topic: () => AnyTopic): CliCommand {
  return {
    name: 'admit',
    usage: ['cks-lab admit FILE... [--level privileged|baseline|restricted] [--version latest|v1.N] [--format text|json] [--as USER]'],
    help:
      'Says what the PodSecurity admission plugin answers to `kubectl apply` of the manifests: Pods are refused when they violate their namespace\'s enforce level, Pods and workloads get warnings for its warn level. Namespaces decide by their pod-security.kubernetes.io labels (an object without a namespace is in default; an unlabelled namespace is privileged); a PodSecurityConfiguration or AdmissionConfiguration in the input sets defaults and exemptions. With --level, every object is judged against that level (and --version, default latest) whatever its namespace says. Exit 0 when everything is admitted, 1 when something is refused (or, with --level, violates it), 2 for invalid input.',
    async run(args, io) {
      const a = parseArgs(args, [
        { name: 'level', type: 'value' },
        { name: 'version', type: 'value' },
        { name: 'format', type: 'value' },
        { name: 'as', type: 'value' },
      ]);
      if (a.positional.length === 0) throw new UsageError('admit needs at least one FILE');
      const format = oneOf('format', a.value('format'), ['text', 'json'], 'text');
      let forced: LevelVersion | null = null;
      if (a.has('level')) {
        const level = oneOf('level', a.value('level'), LEVELS, 'restricted');
        const text = a.value('version') ?? 'latest';
        const parsed = parseVersion(text);
        if (parsed.error) throw new UsageError(`--version ${parsed.error}, not "${text}"`);
        forced = { level, version: parsed.version };
      } else if (a.has('version')) throw new UsageError('--version needs --level (without it, each namespace\'s labels choose the version)');
      const { inputs, problems } = io.readInputs(a.positional);
      const analysis = analyze({ topics: [topic()], options: new Map([['pod-security', { username: a.value('as') ?? '', labels: 'applied' }]]), attempt: inputs });
      const shown = [...problems, ...analysis.diagnostics].filter((d) => d.code !== 'unsupported-kind');
      for (const d of shown) io.stderr.write(formatDiagnostic(d) + '\n');
      if (shown.some((d) => d.severity === 'error')) return 2;
      const result = analysis.outcomes.get('pod-security')?.result as PodSecurityResult | undefined;
      if (!result) return 2;
      for (const outcome of result.namespaces.values()) {
        if (forced || !outcome.namespace.location || outcome.verdict?.allowed === false) continue;
        for (const e of outcome.labelErrors) {
          io.stderr.write(`${formatDiagnostic({ ...outcome.namespace.location, severity: 'warning', code: 'invalid-label', message: labelErrorText(e) })}\n`);
        }
      }
      const { rows, text, rejected } = admitRows(result, forced);
      if (format === 'json') io.stdout.write(JSON.stringify(rows, null, 2) + '\n');
      else await io.writeLines(text.flatMap((t) => t.lines));
      return rejected ? 1 : 0;
    },
  };
}
