// ClusterRole aggregation as the clusterrole-aggregation controller does it, run to the fixed point the controller
// converges to: an aggregated ClusterRole's rules become the deduplicated union of the rules of the roles it selects.
import { checkLabelKey, checkLabelValue, selectorMatches, type LabelSelector } from '../../kube/index';
import type { PolicyRule, Role } from './model';

/** The outcome of aggregation over a set of roles. */
export interface Aggregation {
  /** Effective rules of every ClusterRole that has an aggregationRule, by name; other roles keep their written rules. */
  rules: ReadonlyMap<string, readonly PolicyRule[]>;
  /** Per aggregated ClusterRole, for each of its effective rules, the ClusterRole it was first copied from. */
  sources: ReadonlyMap<string, readonly string[]>;
  /** Aggregated ClusterRoles whose selectors the controller cannot parse: they keep their written rules. */
  invalid: readonly string[];
  /** False when the round cap was reached while rules were still changing (only a selection cycle can do that). */
  converged: boolean;
  /** Rounds run, the last one being the one that changed nothing (when converged). */
  rounds: number;
}

/** Go's string order (bytes of UTF-8, i.e. code points), which `sort.Sort(byName)` and the listers use. */
export function compareGoStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // UTF-16 order equals code point order except that surrogates (code points above U+FFFF) sort after U+E000-U+FFFF.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

function listsEqual(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** equality.Semantic.DeepEqual on two PolicyRules: every list equal in order (nil and empty alike); location ignored. */
export function rulesEqual(a: PolicyRule, b: PolicyRule): boolean {
  return (
    listsEqual(a.verbs, b.verbs) &&
    listsEqual(a.apiGroups, b.apiGroups) &&
    listsEqual(a.resources, b.resources) &&
    listsEqual(a.resourceNames, b.resourceNames) &&
    listsEqual(a.nonResourceURLs, b.nonResourceURLs)
  );
}

function ruleListsEqual(a: readonly PolicyRule[], b: readonly PolicyRule[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!rulesEqual(a[i] as PolicyRule, b[i] as PolicyRule)) return false;
  return true;
}

/** metav1.LabelSelectorAsSelector's checks (staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go): false = error. */
export function selectorParses(selector: LabelSelector): boolean {
  for (const key in selector.matchLabels) {
    if (checkLabelKey(key) !== null || checkLabelValue(selector.matchLabels[key] as string) !== null) return false;
  }
  for (const req of selector.matchExpressions) {
    if (checkLabelKey(req.key) !== null) return false;
    const needsValues = req.operator === 'In' || req.operator === 'NotIn';
    if (needsValues ? req.values.length === 0 : req.values.length !== 0) return false;
    for (const v of req.values) if (checkLabelValue(v) !== null) return false;
  }
  return true;
}

/**
 * The rules the controller writes into one aggregated ClusterRole, given every ClusterRole's current rules
 * (pkg/controller/clusterroleaggregation/clusterroleaggregation_controller.go, syncClusterRole and ruleExists).
 */
function syncClusterRole(
  target: Role,
  selectors: readonly LabelSelector[],
  byName: readonly Role[],
  current: ReadonlyMap<string, readonly PolicyRule[]>,
): { rules: PolicyRule[]; sources: string[] } {
  const rules: PolicyRule[] = [];
  const sources: string[] = [];
  // One pass per selector, each over the ClusterRoles it lists sorted by name: a role two selectors match is
  // visited twice, and the second visit adds nothing because of the dedup.
  for (const selector of selectors) {
    for (const other of byName) {
      if (other.name === target.name || !selectorMatches(selector, other.labels)) continue;
      for (const rule of current.get(other.name) ?? other.rules) {
        if (rules.some((r) => rulesEqual(r, rule))) continue;
        rules.push(rule.location === null ? rule : { ...rule, location: null });
        sources.push(other.name);
      }
    }
  }
  return { rules, sources };
}

/**
 * Aggregates every ClusterRole that has an aggregationRule, iterating the controller's sync (aggregated roles in name
 * order, each seeing the others' latest rules) until a round changes nothing, or the cap of (aggregated roles + 2)
 * rounds, which any acyclic aggregation graph stays under, is hit.
 */
export function aggregateClusterRoles(roles: readonly Role[]): Aggregation {
  // Later duplicates replace earlier ones, as applying the input in order would.
  const unique = new Map<string, Role>();
  for (const r of roles) if (r.kind === 'ClusterRole') unique.set(r.name, r);
  const byName = [...unique.values()].sort((a, b) => compareGoStrings(a.name, b.name));
  const current = new Map<string, readonly PolicyRule[]>();
  for (const r of byName) current.set(r.name, r.rules);

  const invalid: string[] = [];
  const aggregated: { role: Role; selectors: readonly LabelSelector[] }[] = [];
  for (const role of byName) {
    if (role.aggregationRule === null) continue;
    const selectors = role.aggregationRule.clusterRoleSelectors;
    // The controller returns the parse error and never updates the role: its written rules stay.
    if (selectors.every(selectorParses)) aggregated.push({ role, selectors });
    else invalid.push(role.name);
  }

  const sources = new Map<string, readonly string[]>();
  const cap = aggregated.length + 2;
  let rounds = 0;
  let converged = aggregated.length === 0;
  while (!converged && rounds < cap) {
    rounds++;
    let changed = false;
    for (const { role, selectors } of aggregated) {
      const next = syncClusterRole(role, selectors, byName, current);
      sources.set(role.name, next.sources);
      if (!ruleListsEqual(next.rules, current.get(role.name) ?? [])) changed = true;
      // Stored even when equal, so that an aggregated role's rules are always the copies (location null).
      current.set(role.name, next.rules);
    }
    converged = !changed;
  }

  const rules = new Map<string, readonly PolicyRule[]>();
  for (const { role } of aggregated) rules.set(role.name, current.get(role.name) ?? []);
  return { rules, sources, invalid, converged, rounds };
}
