// Lets other features (export) reach the live graph without importing cytoscape eagerly.
import type { Core } from 'cytoscape';

let current: Core | null = null;

export const setCurrentGraph = (cy: Core | null): void => {
  current = cy;
};
export const currentGraph = (): Core | null => current;

let guessHandler: ((edge: string) => void) | null = null;

/** While the room predicts, tapping an edge records a guess through this handler instead of selecting it. */
export const setGuessHandler = (handler: ((edge: string) => void) | null): void => {
  guessHandler = handler;
};
export const currentGuessHandler = (): ((edge: string) => void) | null => guessHandler;
