// The last evaluation of the document: diagnostics always, the result only when the text is valid (the views
// keep showing the last good one), and the lesson marked passed the first time it is.
import { cancelEvaluation, runEvaluation } from '../evaluation';
import type { EvaluationSlice, SliceCreator } from '../types';

export const createEvaluationSlice: SliceCreator<EvaluationSlice> = (set, get) => ({
  diagnostics: [],
  result: null,
  playgroundTopic: 'netpol',

  evaluateNow() {
    cancelEvaluation();
    const doc = get().doc;
    if (!doc) return;
    const { diagnostics, result } = runEvaluation(doc, get().playgroundTopic);
    if (!result) {
      set({ diagnostics });
      return;
    }
    set({ diagnostics, result });
    if (result.grade?.status === 'passed' && !doc.passed) set({ doc: { ...get().doc!, passed: true } });
  },

  setPlaygroundTopic(topic) {
    if (get().playgroundTopic === topic) return;
    set({ playgroundTopic: topic, selectedEdge: null, selectedPod: null, selectedItem: null });
    const result = get().result;
    if (result && !get().doc?.lesson) set({ result: { ...result, topic } });
    // Pod Security reads the text on its own (NetworkPolicy and RBAC are evaluated together).
    const needs = topic === 'pod-security' ? !result?.podSecurity : !result?.netpol && !result?.rbac;
    if (needs && !get().doc?.lesson) get().evaluateNow();
  },
});
