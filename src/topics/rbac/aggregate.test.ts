// Tests of ClusterRole aggregation against the clusterrole-aggregation controller's rules: union in selector then
// name order, dedup by rule equality, own rules replaced, self excluded, transitive to a fixed point.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { LabelSelector } from '../../kube/index';
import { aggregateClusterRoles, compareGoStrings, rulesEqual, selectorParses } from './aggregate';
import type { PolicyRule, Role } from './model';

function rule(p: Partial<PolicyRule>): PolicyRule {
  return { verbs: [], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [], location: null, ...p };
}
const loc = { file: 'in.yaml', line: 3, col: 5 };
const sel = (matchLabels: Record<string, string>): LabelSelector => ({ matchLabels, matchExpressions: [] });

function cr(
  name: string,
  rules: PolicyRule[],
  labels: Record<string, string> = {},
  selectors: LabelSelector[] | null = null,
): Role {
  return {
    kind: 'ClusterRole',
    name,
    namespace: '',
    labels,
    rules,
    aggregationRule: selectors === null ? null : { clusterRoleSelectors: selectors },
    builtIn: false,
    location: null,
  };
}

const get = (resource: string): PolicyRule => rule({ verbs: ['get'], apiGroups: [''], resources: [resource] });
const resourcesOf = (rules: readonly PolicyRule[] | undefined): string[] => (rules ?? []).map((r) => r.resources.join(','));

describe('aggregateClusterRoles', () => {
  it('unions the selected roles in name order, replacing the written rules', () => {
    const a = aggregateClusterRoles([
      cr('agg', [get('secrets')], {}, [sel({ to: 'agg' })]),
      cr('zeta', [get('pods')], { to: 'agg' }),
      cr('alpha', [get('services'), get('pods')], { to: 'agg' }),
      cr('other', [get('nodes')], { to: 'else' }),
    ]);
    expect(resourcesOf(a.rules.get('agg'))).toEqual(['services', 'pods']);
    expect(a.sources.get('agg')).toEqual(['alpha', 'alpha']);
    expect(a.converged).toBe(true);
  });

  it('leaves an aggregated role with no rules when nothing matches', () => {
    const a = aggregateClusterRoles([cr('agg', [get('secrets')], {}, [sel({ to: 'nobody' })])]);
    expect(a.rules.get('agg')).toEqual([]);
  });

  it('leaves an aggregated role with no rules when it has no selectors', () => {
    const a = aggregateClusterRoles([cr('agg', [get('secrets')], {}, []), cr('x', [get('pods')], { a: 'b' })]);
    expect(a.rules.get('agg')).toEqual([]);
  });

  it('never aggregates a role into itself', () => {
    const a = aggregateClusterRoles([cr('agg', [get('secrets')], { to: 'agg' }, [sel({ to: 'agg' })])]);
    expect(a.rules.get('agg')).toEqual([]);
  });

  it('selects with an empty selector every other ClusterRole, but never a namespaced Role', () => {
    const role: Role = { ...cr('r', [get('configmaps')]), kind: 'Role', namespace: 'ns1' };
    const a = aggregateClusterRoles([cr('agg', [], {}, [sel({})]), cr('b', [get('pods')]), role]);
    expect(resourcesOf(a.rules.get('agg'))).toEqual(['pods']);
  });

  it('dedups by rule equality (location aside), keeping the first copy', () => {
    const a = aggregateClusterRoles([
      cr('agg', [], {}, [sel({ x: '1' })]),
      cr('a', [{ ...get('pods'), location: loc }], { x: '1' }),
      cr('b', [get('pods'), rule({ verbs: ['list', 'get'], apiGroups: [''], resources: ['pods'] })], { x: '1' }),
    ]);
    const rules = a.rules.get('agg') ?? [];
    expect(rules.map((r) => r.verbs.join(','))).toEqual(['get', 'list,get']);
    expect(a.sources.get('agg')).toEqual(['a', 'b']);
    // Aggregated copies carry no location.
    expect(rules.every((r) => r.location === null)).toBe(true);
  });

  it('visits each selector in turn: a role both select is visited twice, rules of later selectors come after', () => {
    const a = aggregateClusterRoles([
      cr('agg', [], {}, [sel({ second: 'y' }), sel({ first: 'y' })]),
      cr('a', [get('pods')], { first: 'y' }),
      cr('b', [get('services')], { first: 'y', second: 'y' }),
    ]);
    expect(resourcesOf(a.rules.get('agg'))).toEqual(['services', 'pods']);
  });

  it('is transitive: admin aggregates edit which aggregates others, whatever the name order', () => {
    const roles = [
      cr('admin', [get('written-admin')], {}, [sel({ 'to-admin': 'true' })]),
      cr('edit', [get('written-edit')], { 'to-admin': 'true' }, [sel({ 'to-edit': 'true' })]),
      cr('a-extra', [get('pods')], { 'to-edit': 'true' }),
      cr('z-extra', [get('services')], { 'to-edit': 'true', 'to-admin': 'true' }),
    ];
    const a = aggregateClusterRoles(roles);
    expect(resourcesOf(a.rules.get('edit'))).toEqual(['pods', 'services']);
    // admin selects edit (now pods, services) and z-extra (services, deduped).
    expect(resourcesOf(a.rules.get('admin'))).toEqual(['pods', 'services']);
    expect(a.converged).toBe(true);
    // admin sorts before edit, so the first round read edit's written rules: a second round fixes it, a third confirms.
    expect(a.rounds).toBe(3);
  });

  it('terminates on a selection cycle, deterministically', () => {
    const roles = [
      cr('a', [get('pods')], { 'to-b': 'y' }, [sel({ 'to-a': 'y' })]),
      cr('b', [get('services')], { 'to-a': 'y' }, [sel({ 'to-b': 'y' })]),
    ];
    const first = aggregateClusterRoles(roles);
    const second = aggregateClusterRoles([...roles].reverse());
    expect(first.rounds).toBeLessThanOrEqual(4);
    expect(resourcesOf(first.rules.get('a'))).toEqual(resourcesOf(second.rules.get('a')));
    expect(resourcesOf(first.rules.get('b'))).toEqual(resourcesOf(second.rules.get('b')));
    // Round 1: a takes b's [services], then b takes a's new [services]; round 2 changes nothing.
    expect(resourcesOf(first.rules.get('a'))).toEqual(['services']);
    expect(resourcesOf(first.rules.get('b'))).toEqual(['services']);
  });

  it('keeps the written rules of a role whose selector the controller cannot parse', () => {
    const bad: LabelSelector = { matchLabels: {}, matchExpressions: [{ key: 'x', operator: 'In', values: [] }] };
    const a = aggregateClusterRoles([cr('agg', [get('secrets')], {}, [bad]), cr('b', [get('pods')], { x: '1' })]);
    expect(a.rules.has('agg')).toBe(false);
    expect(a.invalid).toEqual(['agg']);
  });

  it('takes the last of duplicate names', () => {
    const a = aggregateClusterRoles([
      cr('agg', [], {}, [sel({ x: '1' })]),
      cr('b', [get('pods')], { x: '1' }),
      cr('b', [get('services')], { x: '1' }),
    ]);
    expect(resourcesOf(a.rules.get('agg'))).toEqual(['services']);
  });

  it('reports no rounds when nothing aggregates', () => {
    const a = aggregateClusterRoles([cr('b', [get('pods')])]);
    expect(a.rules.size).toBe(0);
    expect(a.converged).toBe(true);
    expect(a.rounds).toBe(0);
  });
});

describe('helpers', () => {
  it('rulesEqual compares every list in order and ignores location', () => {
    expect(rulesEqual(get('pods'), { ...get('pods'), location: loc })).toBe(true);
    expect(rulesEqual(get('pods'), get('services'))).toBe(false);
    expect(rulesEqual(rule({ verbs: ['get', 'list'] }), rule({ verbs: ['list', 'get'] }))).toBe(false);
    expect(rulesEqual(rule({ resourceNames: ['a'] }), rule({}))).toBe(false);
    expect(rulesEqual(rule({ nonResourceURLs: ['/a'] }), rule({ nonResourceURLs: ['/a'] }))).toBe(true);
  });

  it('compareGoStrings is byte (code point) order', () => {
    expect(compareGoStrings('a', 'b')).toBe(-1);
    expect(compareGoStrings('B', 'a')).toBe(-1);
    expect(compareGoStrings('ab', 'a')).toBe(1);
    expect(compareGoStrings('x', 'x')).toBe(0);
    // U+FF5E sorts before U+1F600 in UTF-8, though its UTF-16 unit is larger than the surrogate's.
    expect(compareGoStrings('\uff5e', '\u{1f600}')).toBe(-1);
    expect(compareGoStrings('\u{1f600}', '\uff5e')).toBe(1);
  });

  it('selectorParses as LabelSelectorAsSelector does', () => {
    const req = (operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist', values: string[]): LabelSelector => ({
      matchLabels: {},
      matchExpressions: [{ key: 'k', operator, values }],
    });
    expect(selectorParses(sel({}))).toBe(true);
    expect(selectorParses(sel({ 'rbac.example/x': 'true' }))).toBe(true);
    expect(selectorParses(sel({ 'bad key': 'v' }))).toBe(false);
    expect(selectorParses(sel({ k: 'bad value' }))).toBe(false);
    expect(selectorParses(req('In', ['a']))).toBe(true);
    expect(selectorParses(req('In', []))).toBe(false);
    expect(selectorParses(req('NotIn', []))).toBe(false);
    expect(selectorParses(req('Exists', []))).toBe(true);
    expect(selectorParses(req('Exists', ['a']))).toBe(false);
    expect(selectorParses(req('DoesNotExist', ['a']))).toBe(false);
  });
});

// ---- property: any acyclic aggregation equals a recursive definition, whatever the input order --------------------

interface Spec {
  name: string;
  group: string;
  rules: PolicyRule[];
  /** Selectors over ranks strictly above this role's own, so that the aggregation graph is acyclic. */
  selectors: { group: string | null; ranks: number[] }[] | null;
}

const ruleArb = fc
  .record({ verbs: fc.subarray(['get', 'list', 'watch']), resources: fc.subarray(['pods', 'services', 'secrets']) })
  .map(({ verbs, resources }) => rule({ verbs, apiGroups: [''], resources }));

const specsArb = fc
  .uniqueArray(fc.stringMatching(/^[a-z]{1,3}$/), { minLength: 1, maxLength: 7 })
  .chain((names) =>
    fc.tuple(
      ...names.map((name, rank) =>
        fc.record({
          name: fc.constant(name),
          group: fc.constantFrom('0', '1'),
          rules: fc.array(ruleArb, { maxLength: 3 }),
          selectors: fc.option(
            fc.array(
              fc.record({
                group: fc.option(fc.constantFrom('0', '1')),
                ranks: fc.subarray(names.map((_, i) => i).filter((i) => i > rank)),
              }),
              { maxLength: 2 },
            ),
          ),
        }),
      ),
    ),
  );

function toRoles(specs: readonly Spec[]): Role[] {
  return specs.map((s, rank) =>
    cr(
      s.name,
      s.rules,
      { rank: String(rank), group: s.group },
      s.selectors === null
        ? null
        : s.selectors.map((q): LabelSelector => ({
            matchLabels: q.group === null ? {} : { group: q.group },
            // An empty In list does not parse: use a rank nobody has instead.
            matchExpressions: [{ key: 'rank', operator: 'In' as const, values: q.ranks.length ? q.ranks.map(String) : ['none'] }],
          })),
    ),
  );
}

/** The aggregated rules by definition: for each selector, the matching others by name, their effective rules, deduped. */
function referenceRules(specs: readonly Spec[]): Map<string, string[]> {
  const memo = new Map<number, string[]>();
  const key = (r: PolicyRule): string => JSON.stringify([r.verbs, r.apiGroups, r.resources, r.resourceNames, r.nonResourceURLs]);
  const effective = (rank: number): string[] => {
    const spec = specs[rank] as Spec;
    if (spec.selectors === null) return spec.rules.map(key);
    const cached = memo.get(rank);
    if (cached) return cached;
    const out: string[] = [];
    for (const q of spec.selectors) {
      const picked = specs
        .map((s, i) => ({ s, i }))
        .filter(({ s, i }) => i !== rank && q.ranks.includes(i) && (q.group === null || s.group === q.group))
        .sort((x, y) => (x.s.name < y.s.name ? -1 : 1));
      for (const { i } of picked) for (const k of effective(i)) if (!out.includes(k)) out.push(k);
    }
    memo.set(rank, out);
    return out;
  };
  const result = new Map<string, string[]>();
  specs.forEach((s, rank) => {
    if (s.selectors !== null) result.set(s.name, effective(rank));
  });
  return result;
}

describe('aggregation properties', () => {
  it('equals the recursive definition on acyclic graphs, in any input order, and converges', () => {
    fc.assert(
      fc.property(specsArb, fc.integer(), (specs, seed) => {
        const roles = toRoles(specs);
        const shuffled = [...roles].sort((a, b) => ((a.name.charCodeAt(0) * 31 + seed) % 7) - ((b.name.charCodeAt(0) * 31 + seed) % 7));
        const want = referenceRules(specs);
        for (const input of [roles, shuffled]) {
          const got = aggregateClusterRoles(input);
          expect(got.converged).toBe(true);
          for (const [name, rules] of want) {
            const actual = (got.rules.get(name) ?? []).map((r) =>
              JSON.stringify([r.verbs, r.apiGroups, r.resources, r.resourceNames, r.nonResourceURLs]),
            );
            expect(actual).toEqual(rules);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
