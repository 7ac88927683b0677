// Explanations as data: sentences made of text and references to objects (with their YAML location), so the
// UI can link each object to its line and the CLI prints the same words, with no parsing of sentences back.
import type { SourceLocation } from '../kube/index';
import type { Language } from './localized';

/** A reference to an object the explanation names. */
export interface ObjectRef {
  kind: string;
  /** '' for cluster-scoped objects. */
  namespace: string;
  name: string;
  /** Where it was written; null for the built-in default policy. */
  location: SourceLocation | null;
}

export type Segment = string | { ref: ObjectRef; text: string };

/** One explanation sentence per language. */
export type Explained = Readonly<Record<Language, readonly Segment[]>>;

/** A segment that names an object, displayed as `text` (default `Kind namespace/name`). */
export function refSegment(ref: ObjectRef, text?: string): Segment {
  return { ref, text: text ?? `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}` };
}

/** The sentence as plain text (the CLI, check messages). */
export function plainText(segments: readonly Segment[]): string {
  return segments.map((s) => (typeof s === 'string' ? s : s.text)).join('');
}

/** Builds a sentence per language from parts; strings are the same in both languages unless given per language. */
export function explained(en: readonly Segment[], ja: readonly Segment[]): Explained {
  return { en, ja };
}
