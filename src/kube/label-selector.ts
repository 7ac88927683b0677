// metav1.LabelSelector matching, as apimachinery does it: matchLabels AND every matchExpressions entry.
import type { LabelSelector, SelectorRequirement } from './types';

/** True when the labels satisfy the selector. An empty selector matches everything. */
export function selectorMatches(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  for (const key in selector.matchLabels) {
    if (!Object.hasOwn(labels, key) || labels[key] !== selector.matchLabels[key]) return false;
  }
  for (const req of selector.matchExpressions) if (!requirementMatches(req, labels)) return false;
  return true;
}

function requirementMatches(req: SelectorRequirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.hasOwn(labels, req.key);
  switch (req.operator) {
    case 'In':
      return has && req.values.includes(labels[req.key] as string);
    case 'NotIn': // a missing key satisfies NotIn
      return !has || !req.values.includes(labels[req.key] as string);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
  }
}

/** True for `{}`: no labels and no expressions, so it selects everything. */
export function isEmptySelector(selector: LabelSelector): boolean {
  return selector.matchExpressions.length === 0 && Object.keys(selector.matchLabels).length === 0;
}

/** A short human form: `app=web, tier in (a,b)`; `{}` reads as "everything". */
export function formatSelector(selector: LabelSelector): string {
  const parts = Object.entries(selector.matchLabels).map(([k, v]) => `${k}=${v}`);
  for (const r of selector.matchExpressions) {
    if (r.operator === 'Exists') parts.push(r.key);
    else if (r.operator === 'DoesNotExist') parts.push(`!${r.key}`);
    else parts.push(`${r.key} ${r.operator === 'In' ? 'in' : 'notin'} (${r.values.join(',')})`);
  }
  return parts.length === 0 ? '{}' : parts.join(', ');
}
