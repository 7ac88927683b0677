// The one shape every CKS topic has (NetworkPolicy, RBAC, Pod Security, ...): the kinds it reads, how it builds
// its model, evaluates it, and the lesson checks it offers. The app, the grader and the CLI know topics only
// through this shape; topics never import each other.
import type { Diagnostic, KindReader, KubeObject } from '../kube/index';
import type { Localized } from './localized';
import type { CliCommand } from './args';

/** Reports a problem in a lesson file: the field (e.g. `checks[2].access.except[0].verb`) and what is wrong. */
export type LessonFail = (field: string, message: string) => void;

/** What a check runs against: the topic's model and result, and which input files are the learner's. */
export interface CheckContext<Model, Result> {
  model: Model;
  result: Result;
  /** The learner's files (the editor, or a submission), as opposed to the lesson's cluster. */
  attemptFiles: ReadonlySet<string>;
}

/** A kind of lesson check, keyed in lesson.yaml by `key` (`connectivity:`, `access:`, ...). */
export interface CheckKind<Spec = unknown, Model = unknown, Result = unknown> {
  key: string;
  /** Validates the check's lesson.yaml value; reports problems through `fail` at `path`. */
  parse(value: unknown, path: string, fail: LessonFail): Spec | null;
  /** What is wrong, in every language; empty when the check passes. */
  run(spec: Spec, ctx: CheckContext<Model, Result>): Localized[];
}

/** A topic's evaluation refused an input (too large), with a diagnostic to show instead of a result. */
export interface Refusal {
  diagnostic(file: string): Diagnostic;
}

export interface Topic<Model = unknown, Result = unknown, Options = unknown> {
  /** `netpol`, `rbac`: the lesson.yaml `topic:` value and the key of the topic's options section. */
  id: string;
  title: Localized;
  /** The topic's own diagnostic codes and what each means (the shared ones are in src/kube/errors.ts). */
  codes: Readonly<Record<string, string>>;
  /** The kinds the topic reads (common kinds included where it needs them). */
  kinds: readonly KindReader[];
  /** Objects -> model; problems that need several objects (duplicates, references) become diagnostics. */
  build(objects: readonly KubeObject[], options: Options): { model: Model; diagnostics: Diagnostic[] };
  /** Model -> result. May throw a Refusal (an error with `diagnostic(file)`) for input too large to evaluate. */
  evaluate(model: Model, options: Options): Result;
  /** The topic's options in a lesson (`netpol: {probes: ...}`), validated; `undefined` when the lesson has none. */
  lessonOptions(value: unknown, path: string, fail: LessonFail): Options;
  /** Options outside a lesson (the playground). */
  defaultOptions: Options;
  /** What a submission without anything graded is told (`cks-lab grade`, the lesson's pending status). */
  pendingMessage: Localized;
  /** Did the learner write anything this topic grades yet? (A lesson is pending until then.) */
  attempted(model: Model, attemptFiles: ReadonlySet<string>): boolean;
  checks: readonly CheckKind<any, Model, Result>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** The topic's CLI subcommands. */
  commands: readonly CliCommand[];
}

/** A topic with its type parameters erased, for registries. */
export type AnyTopic = Topic<any, any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function isRefusal(err: unknown): err is Refusal {
  return err instanceof Error && typeof (err as Partial<Refusal>).diagnostic === 'function';
}
