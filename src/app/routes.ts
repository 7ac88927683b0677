// Hash routes: `#/` lessons, `#/lessons/<id>` a lesson, `#/playground` free editing.
import type { Route } from '../store/lab-store';

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  const lesson = /^\/lessons\/([^/]+)$/.exec(path);
  if (lesson) return { page: 'lesson', id: decodeURIComponent(lesson[1]!) };
  if (path === '/playground') return { page: 'playground' };
  return { page: 'list' };
}
