// Lets other features (export) reach the live graph without importing cytoscape eagerly.
import type { Core } from 'cytoscape';

let current: Core | null = null;

export const setCurrentGraph = (cy: Core | null): void => {
  current = cy;
};
export const currentGraph = (): Core | null => current;
