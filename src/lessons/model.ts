// What a lesson is once loaded: texts in English and Japanese, the cluster, and the checks that grade it.
import type { CheckRef, Localized } from '../core/index';

export { LANGUAGES, type Language, type Localized } from '../core/index';
export type { CheckRef as Check } from '../core/index';

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

/** A "predict first" question: will this connection work under the starting text's policies? */
export interface Question {
  /** Endpoint ids as the graph names them: `ns/name` or `external:name`. */
  from: string;
  to: string;
  probe: { port: number; protocol: 'TCP' | 'UDP' | 'SCTP' };
}

export interface Lesson {
  id: string;
  title: Localized;
  summary: Localized;
  domain: string;
  difficulty: 'beginner' | 'intermediate' | 'advanced';
  minutes: number;
  /** The topic the lesson teaches (`netpol`, `rbac`); its checks may use other topics too. */
  topic: string;
  /** Every topic the lesson evaluates: its own and those its checks name. */
  topics: readonly string[];
  /** Each topic's lesson options (`netpol: {probes: [80/TCP]}`), validated by the topic. */
  options: ReadonlyMap<string, unknown>;
  /** The cluster the learner's YAML applies to (Namespaces, Pods, ...). */
  cluster: { file: string; text: string };
  /** Every cluster file the lesson names, in order (`cluster: [netpol-decoys, netpol-dev]`: a shared cluster plus
   * more decoys); the first is `cluster`. */
  clusters: readonly { file: string; text: string }[];
  /** The editor's starting text: `start.yaml`, and `start.ja.yaml` for Japanese (the same YAML, translated
   * comments; `start.yaml` when absent). */
  start: Localized;
  solution: string;
  instructions: Localized;
  hints: readonly Localized[];
  checks: readonly CheckRef[];
  /** Workshop steps; lessons without their own get: look at the cluster, predict, explore the solution. */
  steps: readonly Step[];
  /** "Predict first" (NetworkPolicy lessons): questions the learner answers about the starting text before the
   * graph shows; empty for most lessons. Answered against the starting text, never graded by the CLI. */
  questions: readonly Question[];
}
