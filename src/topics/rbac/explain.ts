// Why the authorizer answered as it did, as sentences of text and object references (binding, role, rule), in
// English and Japanese: the lab's explanation panel, check messages and `can-i --explain` all read these.
import { plainText, refSegment, type Explained, type ObjectRef, type Segment } from '../../core/index';
import type { Localized } from '../../core/index';
import type { Binding, Decision, PolicyRule, Request, Role, RuleMiss } from './model';
import { apiGroupMatches, firstMiss, nonResourceURLMatches, resourceMatches } from './authorize';

const refOf = (x: Role | Binding): ObjectRef => ({ kind: x.kind, namespace: x.namespace, name: x.name, location: x.location });
const list = (items: readonly string[]): string => (items.length === 0 ? '(none)' : items.map((i) => (i === '' ? '""' : i)).join(', '));

/** A rule in a few words: `get, list on pods, pods/log` or `get on /healthz` (or in Japanese). */
export function describeRule(rule: PolicyRule, lang: 'en' | 'ja' = 'en'): string {
  const groups = list(rule.apiGroups.map((g) => (g === '' ? 'core' : g)));
  if (lang === 'ja') {
    if (rule.nonResourceURLs.length > 0) return `${list(rule.nonResourceURLs)} への ${list(rule.verbs)}`;
    const names = rule.resourceNames.length > 0 ? `（名前 ${list(rule.resourceNames)} のみ）` : '';
    return `${list(rule.resources)}${names} への ${list(rule.verbs)}、apiGroups ${groups}`;
  }
  if (rule.nonResourceURLs.length > 0) return `${list(rule.verbs)} on ${list(rule.nonResourceURLs)}`;
  const names = rule.resourceNames.length > 0 ? ` named ${list(rule.resourceNames)}` : '';
  return `${list(rule.verbs)} on ${list(rule.resources)}${names} (apiGroups ${groups})`;
}

/** What one request asks, in kubectl's words: `list secrets in namespace prod`. */
export function describeRequest(request: Request): Localized {
  if (request.kind === 'nonResource') return { en: `${request.verb} ${request.path}`, ja: `${request.path} への ${request.verb}` };
  const resource = `${request.resource}${request.subresource ? `/${request.subresource}` : ''}${request.apiGroup ? `.${request.apiGroup}` : ''}`;
  const named = request.name ? ` "${request.name}"` : '';
  const where = request.namespace ? { en: ` in namespace ${request.namespace}`, ja: `（namespace ${request.namespace}）` } : { en: ' cluster-wide', ja: '（クラスタ全体）' };
  return { en: `${request.verb} ${resource}${named}${where.en}`, ja: `${resource}${named} の ${request.verb}${where.ja}` };
}

function missText(miss: RuleMiss, rule: PolicyRule, request: Request): Localized {
  switch (miss) {
    case 'verb':
      return { en: `its verbs are ${list(rule.verbs)}, not ${request.verb}`, ja: `verbs が ${list(rule.verbs)} で、${request.verb} を含みません` };
    case 'apiGroup': {
      const group = request.kind === 'resource' ? (request.apiGroup === '' ? '"" (core)' : request.apiGroup) : '';
      return { en: `its apiGroups are ${list(rule.apiGroups)}, not ${group}`, ja: `apiGroups が ${list(rule.apiGroups)} で、${group} を含みません` };
    }
    case 'resource': {
      const res = request.kind === 'resource' ? `${request.resource}${request.subresource ? `/${request.subresource}` : ''}` : '';
      return { en: `its resources are ${list(rule.resources)}, not ${res}`, ja: `resources が ${list(rule.resources)} で、${res} を含みません` };
    }
    case 'resourceName': {
      const name = request.kind === 'resource' && request.name ? `"${request.name}"` : 'a request without a name';
      return { en: `it is limited to the names ${list(rule.resourceNames)}, and this is ${name}`, ja: `resourceNames が ${list(rule.resourceNames)} に限られ、このリクエストは ${name} です` };
    }
    case 'nonResourceURL': {
      const path = request.kind === 'nonResource' ? request.path : '';
      return { en: `its nonResourceURLs are ${list(rule.nonResourceURLs)}, not ${path}`, ja: `nonResourceURLs が ${list(rule.nonResourceURLs)} で、${path} を含みません` };
    }
    case 'kind':
      return rule.nonResourceURLs.length > 0
        ? { en: 'it is a rule for non-resource URLs', ja: '非リソース URL のルールです' }
        : { en: 'it is a rule for resources, not URLs', ja: 'リソースのルールで、URL には当てはまりません' };
  }
}

const MAX_MISSES = 3;

/**
 * The explanation of a decision: for an allowed request, the binding, role and rule that granted it; for a
 * denied one, every binding that reaches the user and why none of its rules match, or that none reaches it.
 */
export function explainDecision(decision: Decision, request: Request): Explained[] {
  const asked = describeRequest(request);
  if (decision.by === 'privileged-group') {
    return [{
      en: [`Allowed: the user is in the group system:masters, which the API server allows before RBAC is asked.`],
      ja: [`許可: ユーザーは system:masters グループに属しています。API サーバーは RBAC に問い合わせる前にこのグループを許可します。`],
    }];
  }
  if (decision.grant) {
    const g = decision.grant;
    const subject = g.binding.subjects[g.subjectIndex]!;
    // namespace/name as the lab writes accounts everywhere (upstream's reason string says name/namespace).
    const who = subject.kind === 'ServiceAccount' ? `ServiceAccount ${subject.namespace || g.binding.namespace}/${subject.name}` : `${subject.kind} ${subject.name}`;
    const scope: Localized = g.binding.kind === 'ClusterRoleBinding'
      ? { en: ' in every namespace', ja: '（すべての namespace で有効）' }
      : { en: ` in namespace ${g.binding.namespace} only`, ja: `（namespace ${g.binding.namespace} の中だけで有効）` };
    const rule = `rule ${g.ruleIndex + 1} (${describeRule(g.rule)})`;
    const ruleJa = `ルール ${g.ruleIndex + 1}（${describeRule(g.rule, 'ja')}）`;
    const aggregated = g.role.aggregationRule ? { en: ' (aggregated)', ja: '（集約されたルール）' } : { en: '', ja: '' };
    const ruleRef: Segment = g.rule.location ? { ref: { ...refOf(g.role), location: g.rule.location }, text: rule } : rule;
    const ruleRefJa: Segment = g.rule.location ? { ref: { ...refOf(g.role), location: g.rule.location }, text: ruleJa } : ruleJa;
    return [{
      en: [`Allowed: `, refSegment(refOf(g.binding)), ` binds ${who} to `, refSegment(refOf(g.role)), `${scope.en}; its `, ruleRef, `${aggregated.en} matches ${asked.en}.`],
      ja: [`許可: `, refSegment(refOf(g.binding)), ` が ${who} に `, refSegment(refOf(g.role)), ` を付与しています${scope.ja}。その `, ruleRefJa, `${aggregated.ja} が「${asked.ja}」に一致します。`],
    }];
  }
  const onlyDefaults = decision.misses.every((m) => m.binding.builtIn && m.role?.builtIn);
  if (decision.misses.length === 0 || onlyDefaults) {
    const names = decision.misses.map((m) => m.binding.name).join(', ');
    const tail = names ? { en: ` Only the default bindings ${names} reach it, and they grant none of this.`, ja: `届くのはデフォルトのバインディング ${names} だけで、どれもこれを許可しません。` } : { en: '', ja: '' };
    return [{
      en: [`Denied: no RoleBinding in ${request.kind === 'resource' && request.namespace ? `namespace ${request.namespace}` : 'scope'} and no ClusterRoleBinding names this user, its ServiceAccount or any of its groups, so nothing grants ${asked.en}.${tail.en}`],
      ja: [`拒否: このユーザー、その ServiceAccount、所属グループのどれにも、${request.kind === 'resource' && request.namespace ? `namespace ${request.namespace} の RoleBinding も` : ''} ClusterRoleBinding もありません。「${asked.ja}」を許可するものはありません。${tail.ja}`],
    }];
  }
  const out: Explained[] = [{ en: [`Denied: nothing grants ${asked.en}.`], ja: [`拒否: 「${asked.ja}」を許可するものはありません。`] }];
  // The default bindings every authenticated user has (discovery, basic-user, ...) are named together, briefly.
  const defaults = decision.misses.filter((m) => m.binding.builtIn && m.role?.builtIn);
  for (const miss of decision.misses) {
    if (defaults.includes(miss)) continue;
    const b = refSegment(refOf(miss.binding));
    if (!miss.role) {
      const missing = `${miss.binding.roleRef.kind} ${miss.binding.roleRef.name}`;
      out.push({
        en: [b, ` refers to ${missing}, which does not exist, so it grants nothing.`],
        ja: [b, ` は ${missing} を参照していますが、そのロールは存在しないため何も許可しません。`],
      });
      continue;
    }
    const role = refSegment(refOf(miss.role));
    const rules = miss.rules.flatMap((r) => (r.rule ?? miss.role!.rules[r.ruleIndex] ? [{ index: r.ruleIndex, rule: (r.rule ?? miss.role!.rules[r.ruleIndex])! }] : []));
    if (rules.length === 0) {
      out.push({ en: [b, ` grants `, role, `, which has no rules.`], ja: [b, ` は `, role, ` を付与していますが、そのロールにはルールがありません。`] });
      continue;
    }
    // Near misses: rules about this resource (or URL) that fail on the verb or the name.
    const near = rules.filter((r) => about(r.rule, request)).slice(0, MAX_MISSES);
    if (near.length === 0) {
      const what = request.kind === 'resource' ? describeResource(request) : request.path;
      out.push({
        en: [b, ` grants `, role, `, but none of its ${rules.length} rule${rules.length > 1 ? 's' : ''} covers ${what}.`],
        ja: [b, ` は `, role, ` を付与していますが、その ${rules.length} 個のルールはどれも ${what} を対象にしていません。`],
      });
      continue;
    }
    const shown = near.map((r) => ({ index: r.index, text: missText(firstMiss(request, r.rule) ?? 'kind', r.rule, request) }));
    const en = shown.map((x) => `rule ${x.index + 1}: ${x.text.en}`).join('; ');
    const ja = shown.map((x) => `ルール ${x.index + 1}: ${x.text.ja}`).join('。');
    out.push({ en: [b, ` grants `, role, `, but no rule matches (${en}).`], ja: [b, ` は `, role, ` を付与していますが、一致するルールがありません（${ja}）。`] });
  }
  if (defaults.length > 0) {
    const names = defaults.map((m) => m.binding.name).join(', ');
    out.push({
      en: [`The default bindings ${names} reach this user too, but grant none of this.`],
      ja: [`デフォルトのバインディング ${names} もこのユーザーに届きますが、どれもこれを許可しません。`],
    });
  }
  return out;
}

/** `secrets`, `pods/log`, `deployments.apps`: the resource a request names, kubectl style. */
function describeResource(request: Extract<Request, { kind: 'resource' }>): string {
  return `${request.resource}${request.subresource ? `/${request.subresource}` : ''}${request.apiGroup ? `.${request.apiGroup}` : ''}`;
}

/** Does the rule speak of what the request asks for (the same group and resource, or URL), whatever its verbs? */
function about(rule: PolicyRule, request: Request): boolean {
  if (request.kind === 'nonResource') return rule.nonResourceURLs.length > 0 && nonResourceURLMatches(rule, request.path);
  const combined = request.subresource ? `${request.resource}/${request.subresource}` : request.resource;
  return rule.nonResourceURLs.length === 0 && apiGroupMatches(rule, request.apiGroup) && resourceMatches(rule, combined, request.subresource);
}

/** The explanation in plain text, one line per sentence (check messages, `--explain`). */
export function describeDecision(decision: Decision, request: Request): Localized {
  const sentences = explainDecision(decision, request);
  return { en: sentences.map((s) => plainText(s.en)).join(' '), ja: sentences.map((s) => plainText(s.ja)).join('') };
}
