// The PodSecurity admission plugin (admission/admission.go): which policy judges an object, exemptions,
// enforce for Pods only, audit and warn for Pods and every workload with a pod template, and the warnings
// `kubectl label` shows when a namespace's enforce level changes over pods already in it.
import type { IdentifiedResult, Registry } from './registry';
import { REGISTRY, failures, forbiddenDetail, forbiddenReason } from './registry';
import type { PodTemplateView } from './read';
import type { PodSecurityConfig } from './config';
import {
  compareLevels,
  equivalent,
  fullyPrivileged,
  labelErrorText,
  levelLabel,
  levelVersionString,
  MODES,
  policyToEvaluate,
  sameLevelVersion,
  sameVersion,
  versionLabel,
  type LabelError,
  type LevelVersion,
  type Policy,
} from './levels';

/** How one mode judged a pod: the policy and the checks that failed (empty when it passes). */
export interface ModeVerdict {
  policy: LevelVersion;
  failed: readonly IdentifiedResult[];
}

export type Exemption = 'namespace' | 'user' | 'runtimeClass';

/** The plugin's answer for one object. */
export interface AdmissionVerdict {
  allowed: boolean;
  /** Why the object was not judged at all. */
  exempt: Exemption | null;
  /** Judged by enforce (Pods only); null for workloads, exempt objects and fully privileged namespaces. */
  enforce: ModeVerdict | null;
  /** The warn level's verdict, when it was evaluated (not after an enforce rejection). */
  warn: ModeVerdict | null;
  /** The audit level's verdict (what the audit log records). */
  audit: ModeVerdict | null;
  /** `violates PodSecurity "restricted:latest": ...` when rejected. */
  message: string | null;
  /** `would violate PodSecurity "baseline:latest": ...` lines (kubectl prints each after `Warning: `). */
  warnings: readonly string[];
  /** The namespace's labels the plugin could not read (the object is judged with the fallbacks). */
  labelErrors: readonly LabelError[];
  /** The policy that applied. */
  policy: Policy;
}

export interface AdmitRequest {
  /** A Pod (enforced) or another kind with a pod template (audit and warn only). */
  isPod: boolean;
  namespace: string;
  namespaceLabels: Readonly<Record<string, string>>;
  /** The pod or template; null for a workload without one. */
  template: PodTemplateView | null;
  /** The requesting user, for exemptions by username ('' for none). */
  username?: string;
}

const exemptVerdict = (exempt: Exemption | null, policy: Policy, labelErrors: LabelError[]): AdmissionVerdict => ({
  allowed: true,
  exempt,
  enforce: null,
  warn: null,
  audit: null,
  message: null,
  warnings: [],
  labelErrors,
  policy,
});

/** Admission.ValidatePod / ValidatePodController and EvaluatePod, for a create. */
export function admit(req: AdmitRequest, config: PodSecurityConfig, registry: Registry = REGISTRY): AdmissionVerdict {
  const { policy, errors } = policyToEvaluate(req.namespaceLabels, config.defaults);
  if (req.namespace !== '' && config.exemptions.namespaces.includes(req.namespace)) return exemptVerdict('namespace', policy, errors);
  if (req.username && config.exemptions.usernames.includes(req.username)) return exemptVerdict('user', policy, errors);
  if (req.isPod && errors.length === 0 && fullyPrivileged(policy)) return exemptVerdict(null, policy, errors);
  if (!req.isPod && errors.length === 0 && policy.warn.level === 'privileged' && policy.audit.level === 'privileged') return exemptVerdict(null, policy, errors);
  if (!req.template) return exemptVerdict(null, policy, errors);
  const { meta, spec } = req.template;
  if (spec.runtimeClassName && config.exemptions.runtimeClasses.includes(spec.runtimeClassName)) return exemptVerdict('runtimeClass', policy, errors);

  const cache: { lv: LevelVersion; failed: IdentifiedResult[] }[] = [];
  const evaluate = (lv: LevelVersion, remember: boolean): IdentifiedResult[] => {
    const hit = cache.find((c) => sameLevelVersion(c.lv, lv));
    if (hit) return hit.failed;
    const failed = failures(registry.evaluatePod(lv, meta, spec));
    if (remember) cache.push({ lv, failed });
    return failed;
  };
  let allowed = true;
  let message: string | null = null;
  let enforce: ModeVerdict | null = null;
  if (req.isPod) {
    const failed = evaluate(policy.enforce, true);
    enforce = { policy: policy.enforce, failed };
    if (failed.length > 0) {
      allowed = false;
      message = `violates PodSecurity "${levelVersionString(policy.enforce)}": ${forbiddenDetail(failed)}`;
    }
  }
  const audit: ModeVerdict = { policy: policy.audit, failed: evaluate(policy.audit, true) };
  let warn: ModeVerdict | null = null;
  const warnings: string[] = [];
  if (allowed) {
    warn = { policy: policy.warn, failed: evaluate(policy.warn, false) };
    if (warn.failed.length > 0) warnings.push(`would violate PodSecurity "${levelVersionString(policy.warn)}": ${forbiddenDetail(warn.failed)}`);
  }
  return { allowed, exempt: null, enforce, warn, audit, message, warnings, labelErrors: errors, policy };
}

/** A pod already in a namespace, for the relabelling warnings. */
export interface ExistingPod {
  name: string;
  template: PodTemplateView;
}

/** defaultNamespaceMaxPodsToCheck. */
export const MAX_PODS_TO_CHECK = 3000;

/**
 * Admission.EvaluatePodsInNamespace: the warnings for pods already in a namespace that violate its new enforce
 * level, one per distinct reason list, naming the alphabetically first pod and how many others share it.
 * (Pods of an exempt runtime class are skipped; the one-second budget is not modelled.)
 */
export function evaluatePodsInNamespace(
  namespace: string,
  enforce: LevelVersion,
  pods: readonly ExistingPod[],
  config: PodSecurityConfig,
  registry: Registry = REGISTRY,
): string[] {
  const candidates = pods.filter((p) => !(p.template.spec.runtimeClassName && config.exemptions.runtimeClasses.includes(p.template.spec.runtimeClassName)));
  const checked = candidates.slice(0, MAX_PODS_TO_CHECK);
  const order: string[] = [];
  const counts = new Map<string, { podName: string; podCount: number }>();
  for (const pod of checked) {
    const failed = failures(registry.evaluatePod(enforce, pod.template.meta, pod.template.spec));
    if (failed.length === 0) continue;
    const warning = forbiddenReason(failed);
    const c = counts.get(warning);
    if (!c) {
      counts.set(warning, { podName: pod.name, podCount: 1 });
      order.push(warning);
    } else {
      if (pod.name < c.podName) c.podName = pod.name;
      c.podCount++;
    }
  }
  const warnings: string[] = [];
  if (checked.length < candidates.length) warnings.push(`new PodSecurity enforce level only checked against the first ${checked.length} of ${candidates.length} existing pods`);
  if (order.length > 0) warnings.push(`existing pods in namespace "${namespace}" violate the new PodSecurity enforce level "${levelVersionString(enforce)}"`);
  const decorated = order.map((w) => {
    const c = counts.get(w)!;
    if (c.podCount === 1) return `${c.podName}: ${w}`;
    if (c.podCount === 2) return `${c.podName} (and 1 other pod): ${w}`;
    return `${c.podName} (and ${c.podCount - 1} other pods): ${w}`;
  });
  decorated.sort();
  return [...warnings, ...decorated];
}

/** The plugin's answer to creating or relabelling a Namespace. */
export interface NamespaceVerdict {
  allowed: boolean;
  /** `Namespace "x" is invalid: ...` when the labels cannot be read. */
  message: string | null;
  warnings: readonly string[];
  labelErrors: readonly LabelError[];
}

/**
 * Admission.ValidateNamespace: a create or update with unreadable labels is refused; an update that tightens
 * enforce checks the pods already there; an exempt namespace that asks for a policy gets a warning.
 */
export function admitNamespace(
  name: string,
  labels: Readonly<Record<string, string>>,
  oldLabels: Readonly<Record<string, string>> | null,
  pods: readonly ExistingPod[],
  config: PodSecurityConfig,
  registry: Registry = REGISTRY,
): NamespaceVerdict {
  const next = policyToEvaluate(labels, config.defaults);
  const invalid = (): NamespaceVerdict => ({
    allowed: false,
    message: `Namespace "${name}" is invalid: ${next.errors.length === 1 ? labelErrorText(next.errors[0]!) : `[${next.errors.map(labelErrorText).join(', ')}]`}`,
    warnings: [],
    labelErrors: next.errors,
  });
  const allowed = (warnings: string[] = []): NamespaceVerdict => ({ allowed: true, message: null, warnings, labelErrors: next.errors });
  const exempt = config.exemptions.namespaces.includes(name);
  if (oldLabels === null) {
    if (next.errors.length > 0) return invalid();
    const w = exempt ? exemptNamespaceWarning(name, next.policy, labels, config) : '';
    return allowed(w ? [w] : []);
  }
  const old = policyToEvaluate(oldLabels, config.defaults);
  const sameErrors = JSON.stringify(next.errors) === JSON.stringify(old.errors);
  if (next.errors.length > 0 && (old.errors.length === 0 || !sameErrors)) return invalid();
  const a = next.policy.enforce;
  const b = old.policy.enforce;
  if (sameLevelVersion(a, b)) return allowed();
  if (a.level === 'privileged') return allowed();
  if (sameVersion(a.version, b.version) && compareLevels(a.level, b.level) < 1) return allowed();
  if (exempt) {
    const w = exemptNamespaceWarning(name, next.policy, labels, config);
    return allowed(w ? [w] : []);
  }
  return allowed(evaluatePodsInNamespace(name, a, pods, config, registry));
}

function exemptNamespaceWarning(name: string, policy: Policy, labels: Readonly<Record<string, string>>, config: PodSecurityConfig): string {
  const defaults = config.defaults;
  if (fullyPrivileged(policy) || (equivalent(policy.enforce, defaults.enforce) && equivalent(policy.audit, defaults.audit) && equivalent(policy.warn, defaults.warn))) return '';
  const parts: string[] = [];
  for (const mode of MODES) {
    const has = labels[levelLabel(mode)] !== undefined || labels[versionLabel(mode)] !== undefined;
    if (policy[mode].level !== 'privileged' && has) parts.push(`${mode}=${levelVersionString(policy[mode])}`);
  }
  return `namespace "${name}" is exempt from Pod Security, and the policy (${parts.join(', ')}) will be ignored`;
}
