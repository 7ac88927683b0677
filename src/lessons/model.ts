// What a lesson is once loaded: texts in English and Japanese, the cluster, and the checks that grade it.
import type { Probe } from '../topics/netpol/index';

export const LANGUAGES = ['en', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text in every UI language. */
export type Localized = Readonly<Record<Language, string>>;

export type Verdict = 'allowed' | 'denied';

/** One exception of a connectivity table: endpoints as `ns/name`, `ns/*`, `external:name` or `*`. */
export interface ConnectivityException {
  from: string;
  to: string;
  /** `80`, `80/TCP`; absent means every probe. */
  probe: Probe | null;
  verdict: Verdict;
}

/** Expected connectivity written as "default plus exceptions"; later exceptions win. */
export interface ConnectivityCheck {
  kind: 'connectivity';
  default: Verdict;
  except: readonly ConnectivityException[];
}

/** Pods (a pattern) must (or must not) be isolated in the given directions. */
export interface IsolationCheck {
  kind: 'isolation';
  pods: string;
  ingress: boolean | null;
  egress: boolean | null;
}

/** Structural checks on the learner's policies. */
export interface PolicyCheck {
  kind: 'policy';
  /** Some policy lives in each of these namespaces. */
  namespaces: readonly string[];
  /** Some policy uses this peer kind. */
  uses: 'podSelector' | 'namespaceSelector' | 'ipBlock' | null;
  /** Some policy has exactly these effective policyTypes (after API-server defaulting; order aside). */
  policyTypes: readonly ('Ingress' | 'Egress')[] | null;
  /** At most this many policies in all. */
  maxPolicies: number | null;
}

export type CheckSpec = ConnectivityCheck | IsolationCheck | PolicyCheck;

export interface Check {
  id: string;
  /** The task line the learner sees in the checklist. */
  title: Localized;
  /** Shown when the check fails. */
  hint: Localized;
  spec: CheckSpec;
}

/** One step of a lesson as a presenter runs it in a workshop. */
export interface Step {
  title: Localized;
  /** What the room sees under the title (Markdown). */
  body: Localized;
  /** Presenter notes, shown on the console only. */
  notes: Localized;
  /** The YAML the presenter applies for the audience at this step ("apply this step's YAML"), if any, per
   * language (the starting text's comments are translated; other YAML is the same in both). */
  apply: Localized | null;
  /** Hide the verdicts: the room marks each edge allowed or denied first, then the presenter reveals. */
  predict: boolean;
}

export interface Lesson {
  id: string;
  title: Localized;
  summary: Localized;
  domain: string;
  difficulty: 'beginner' | 'intermediate' | 'advanced';
  minutes: number;
  /** The cluster the learner's policies apply to (Namespaces, Pods, ExternalEndpoints). */
  cluster: { file: string; text: string };
  probes: readonly Probe[];
  /** The editor's starting text: `start.yaml`, and `start.ja.yaml` for Japanese (the same YAML, translated
   * comments; `start.yaml` when absent). */
  start: Localized;
  solution: string;
  instructions: Localized;
  hints: readonly Localized[];
  checks: readonly Check[];
  /** Workshop steps; lessons without their own get: look at the cluster, predict, explore the solution. */
  steps: readonly Step[];
}
