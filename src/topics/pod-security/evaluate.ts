// Model -> result: the admission verdict of every object (as each was created, in input order), and of every
// Namespace (created, or relabelled over the pods already in it). Effective securityContexts are resolved on
// demand (the CLI's `admit` never needs them).
import { admit, admitNamespace, type AdmissionVerdict, type ExistingPod, type NamespaceVerdict } from './admission';
import { policyToEvaluate, type LabelError, type Policy } from './levels';
import { effectiveContexts, type EffectiveContext } from './security-context';
import { labelsAt, type PodSecurityModel, type PsaNamespace, type PsaObject } from './build';

export interface NamespaceOutcome {
  namespace: PsaNamespace;
  policy: Policy;
  labelErrors: readonly LabelError[];
  /** The plugin's answer to the Namespace's (last) create or relabel; null for a namespace not declared. */
  verdict: NamespaceVerdict | null;
  /** The pods that existed before a relabel (what `kubectl label` checked). */
  existing: readonly PsaObject[];
}

export interface PodSecurityResult {
  model: PodSecurityModel;
  verdicts: ReadonlyMap<PsaObject, AdmissionVerdict>;
  namespaces: ReadonlyMap<string, NamespaceOutcome>;
  /** Every container's effective securityContext (computed once per object, on first use). */
  contexts(obj: PsaObject): readonly EffectiveContext[];
}

export interface EvaluateOptions {
  /** The requesting user, for exemptions by username. */
  username?: string;
  /**
   * `current` (the lab): every object against its namespace's labels now, so relabelling recolours the pods
   * already there. `applied` (`cks-lab admit`): each object against the labels it met when created in input order.
   */
  labels?: 'current' | 'applied';
}

export function evaluatePodSecurity(model: PodSecurityModel, options: EvaluateOptions = {}): PodSecurityResult {
  const verdicts = new Map<PsaObject, AdmissionVerdict>();
  for (const obj of model.objects) {
    const ns = model.namespaces.get(obj.namespace);
    verdicts.set(
      obj,
      admit(
        {
          isPod: obj.isPod,
          namespace: obj.namespace,
          namespaceLabels: !ns ? {} : options.labels === 'applied' ? labelsAt(ns, obj.order) : ns.labels,
          template: obj.template,
          username: options.username,
        },
        model.config,
      ),
    );
  }
  const namespaces = new Map<string, NamespaceOutcome>();
  for (const ns of model.namespaces.values()) {
    const { policy, errors } = policyToEvaluate(ns.labels, model.config.defaults);
    const existing = model.objects.filter((o) => o.isPod && o.namespace === ns.name && o.order < ns.order && o.template);
    const pods: ExistingPod[] = existing.map((o) => ({ name: o.name, template: o.template! }));
    // The plugin's answer to the last definition (a create, or a relabel over the pods given before it).
    const last = ns.history.at(-1);
    const verdict = last ? admitNamespace(ns.name, last.labels, last.before, pods, model.config) : null;
    namespaces.set(ns.name, { namespace: ns, policy, labelErrors: errors, verdict, existing });
  }
  const cache = new Map<PsaObject, readonly EffectiveContext[]>();
  return {
    model,
    verdicts,
    namespaces,
    contexts(obj) {
      let list = cache.get(obj);
      if (!list) {
        list = obj.template ? effectiveContexts(obj.template.spec, obj.name, obj.namespace, obj.uid ?? undefined) : [];
        cache.set(obj, list);
      }
      return list;
    },
  };
}
