// What the learner has chosen and sees: an edge, a pod, an RBAC item, the cursor line, the tab, a line to show.
import type { SelectionSlice, SliceCreator } from '../types';

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set, get) => ({
  selectedEdge: null,
  selectedPod: null,
  selectedItem: null,
  cursorLine: null,
  view: 'graph',
  reveal: null,

  selectEdge(edge) {
    set({ selectedEdge: edge });
  },
  selectPod(id) {
    set({ selectedPod: id });
  },
  selectItem(id) {
    set({ selectedItem: id });
  },
  setCursorLine(line) {
    if (get().cursorLine !== line) set({ cursorLine: line });
  },
  setView(view) {
    set({ view });
  },
  revealLine(line, column = 1) {
    set({ reveal: { line, column, nonce: (get().reveal?.nonce ?? 0) + 1 } });
  },
});
