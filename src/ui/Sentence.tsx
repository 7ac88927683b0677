// One explanation sentence: text, and the objects it names as buttons that jump to their YAML line (objects
// without a line in the learner's text, such as the cluster's default roles, stay plain text with a note).
import type { ObjectRef, Segment } from '../core/index';

export function Sentence({ segments, onRef, linkable }: { segments: readonly Segment[]; onRef(ref: ObjectRef): void; linkable(ref: ObjectRef): boolean }) {
  return (
    <>
      {segments.map((s, i) => {
        if (typeof s === 'string') return <span key={i}>{s}</span>;
        if (!linkable(s.ref)) return <strong key={i}>{s.text}</strong>;
        return (
          <button key={i} type="button" className="linklike policy-link" onClick={() => onRef(s.ref)}>
            {s.text}
          </button>
        );
      })}
    </>
  );
}
