// The one store of the lab, made of slices per concern (route, document, evaluation, selection, presenter).
// Components read it through the named selectors in selectors.ts; derived values (status, staleness) are
// selectors too. The document is saved by a debounced subscriber.
import { create } from 'zustand';
import { createRouteSlice } from './slices/route';
import { createDocSlice } from './slices/doc';
import { createEvaluationSlice } from './slices/evaluation';
import { createSelectionSlice } from './slices/selection';
import { createPresenterSlice } from './slices/presenter';
import { installPersistence } from './persist-subscriber';
import type { LabState } from './types';

export type * from './types';
export { EDITOR_FILE, debounceFor } from './evaluation';
export { initialLanguage } from './slices/route';

export const useLab = create<LabState>()((set, get) => ({
  ...createRouteSlice(set, get),
  ...createDocSlice(set, get),
  ...createEvaluationSlice(set, get),
  ...createSelectionSlice(set, get),
  ...createPresenterSlice(set, get),
}));

installPersistence(useLab);
