// Hash routes: `#/` lessons, `#/lessons/<id>` a lesson, `#/playground` free editing, `#/present/<id>` the
// projector view and `#/presenter/<id>` the presenter's console.
import type { Route } from './lab-store';

/** The route of a hash, and the shared text payload it carries, if any (`#/lessons/x?share=...`). */
export function parseLocation(hash: string): { route: Route; share: string | null } {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?', 2);
  return { route: parseHash(path), share: new URLSearchParams(query).get('share') };
}

/** The path part of a route, for links. */
export function routePath(route: Route): string {
  if (route.page === 'lesson' || route.page === 'missing' || route.page === 'present' || route.page === 'presenter') {
    return `/lessons/${encodeURIComponent(route.id)}`;
  }
  return route.page === 'playground' ? '/playground' : '/';
}

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '').split('?')[0]!.replace(/\/+$/, '') || '/';
  const lesson = /^\/lessons\/([^/]+)$/.exec(path);
  if (lesson) return { page: 'lesson', id: decodeURIComponent(lesson[1]!) };
  if (path === '/playground') return { page: 'playground' };
  const present = /^\/(present|presenter)\/([^/]+)$/.exec(path);
  if (present) return { page: present[1] === 'present' ? 'present' : 'presenter', id: decodeURIComponent(present[2]!) };
  return { page: 'list' };
}
