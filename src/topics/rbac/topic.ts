// The RBAC topic in the shape every topic has: its kinds, build (with the cluster's default policy), evaluate
// (the authorizer's index, answers remembered per user and request), lesson options and checks.
import type { Topic } from '../../core/index';
import type { RbacModel } from './model';
import { authorize, indexRbac } from './authorize';
import { buildRbac, RBAC_KINDS, type BuildOptions } from './read';
import { accessCheck, rbacStructureCheck, type RbacResult } from './checks';
import type { Identity } from './identities';
import { RBAC_ERROR_CODES } from './errors';
import { rbacCommands } from './commands';

/** Builds the authorizer's index once; each answer is computed on first use and kept. */
export function evaluateRbac(model: RbacModel): RbacResult {
  const index = indexRbac(model);
  const memo = new Map<string, ReturnType<typeof authorize>>();
  return {
    model,
    index,
    decide(identity: Identity, request) {
      const key = `${identity.user.name}\u0000${identity.user.groups.join('\u0001')}\u0000${JSON.stringify(request)}`;
      let decision = memo.get(key);
      if (!decision) {
        decision = authorize(index, identity.user, request);
        memo.set(key, decision);
      }
      return decision;
    },
  };
}

export const rbacTopic: Topic<RbacModel, RbacResult, BuildOptions> = {
  id: 'rbac',
  title: { en: 'RBAC', ja: 'RBAC' },
  codes: RBAC_ERROR_CODES,
  kinds: RBAC_KINDS,
  build: (objects, options) => buildRbac(objects, options),
  evaluate: (model) => evaluateRbac(model),
  /** `rbac: {defaults: false}` leaves the default roles out; without a section they are there. */
  lessonOptions(value, path, fail) {
    if (value === undefined) return { defaults: true };
    const section = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
    if (!section) {
      fail(path, 'must be a mapping, e.g. {defaults: true}');
      return { defaults: true };
    }
    for (const key of Object.keys(section)) if (key !== 'defaults') fail(`${path}.${key}`, 'is not an rbac option (defaults)');
    if (section.defaults !== undefined && typeof section.defaults !== 'boolean') fail(`${path}.defaults`, 'must be true or false');
    return { defaults: section.defaults !== false };
  },
  defaultOptions: { defaults: true },
  pendingMessage: { en: 'The submission holds no Role, ClusterRole, binding or ServiceAccount.', ja: '提出物に Role、ClusterRole、バインディング、ServiceAccount のいずれもありません。' },
  attempted: (model, files) =>
    [...model.roles, ...model.bindings, ...model.serviceAccounts].some((x) => x.location !== null && files.has(x.location.file)),
  checks: [accessCheck, rbacStructureCheck],
  commands: rbacCommands(() => rbacTopic),
};
