// The Pod Security topic in the shape every topic has: its kinds, build, evaluate, lesson options and checks.
import type { Topic } from '../../core/index';
import { buildPodSecurity, POD_SECURITY_KINDS, type PodSecurityModel } from './build';
import { evaluatePodSecurity, type EvaluateOptions, type PodSecurityResult } from './evaluate';
import { admitCommand } from './commands';
import { POD_SECURITY_CODES } from './codes';
import { POD_SECURITY_CHECKS } from './lesson-checks';

export const podSecurityTopic: Topic<PodSecurityModel, PodSecurityResult, EvaluateOptions> = {
  id: 'pod-security',
  title: { en: 'Pod Security', ja: 'Pod Security' },
  codes: POD_SECURITY_CODES,
  kinds: POD_SECURITY_KINDS,
  build: (objects) => buildPodSecurity(objects),
  evaluate: (model, options) => evaluatePodSecurity(model, options),
  /** `pod-security: {username: NAME}`: who applies the learner's objects (for exemptions by username). */
  lessonOptions(value, path, fail) {
    if (value === undefined) return {};
    const section = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
    if (!section) {
      fail(path, 'must be a mapping, e.g. {username: alice}');
      return {};
    }
    for (const key of Object.keys(section)) if (key !== 'username') fail(`${path}.${key}`, 'is not a pod-security option (username)');
    if (section.username !== undefined && typeof section.username !== 'string') fail(`${path}.username`, 'must be a string');
    return typeof section.username === 'string' ? { username: section.username } : {};
  },
  defaultOptions: {},
  pendingMessage: { en: 'The submission holds no Pod, workload or Namespace.', ja: '提出物に Pod、ワークロード、Namespace のいずれもありません。' },
  attempted: (model, files) =>
    model.objects.some((o) => files.has(o.location.file)) || [...model.namespaces.values()].some((n) => n.location !== null && files.has(n.location.file)),
  checks: POD_SECURITY_CHECKS,
  commands: [admitCommand(() => podSecurityTopic)],
};
