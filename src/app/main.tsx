// Browser entry: pick the language, follow the hash route, render the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { parseLocation, routePath } from '../store/routes';
import { decodeShare } from '../features/share/share-link';
import { initialLanguage, useLab } from '../store/lab-store';
import './styles.css';

// Detected, not remembered: only the switcher saves a choice.
useLab.setState({ lang: initialLanguage(location.search, navigator.languages ?? [navigator.language]) });
const follow = async (): Promise<void> => {
  const { route, share } = parseLocation(location.hash);
  useLab.getState().navigate(route);
  if (share === null) return;
  // The shared text is applied once; the address then drops it, so a reload keeps the learner's edits.
  history.replaceState(null, '', `${location.pathname}${location.search}#${routePath(route)}`);
  useLab.getState().openShared(await decodeShare(share));
};
window.addEventListener('hashchange', () => void follow());
void follow();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The editor and the graph load lazily, so the first page is light; once the browser is idle, fetch them
// anyway, so that opening a lesson from the list does not wait for Monaco.
const prefetch = (): void => {
  void import('../features/editor/MonacoEditor.lazy');
  void import('../features/graph/NetpolGraph.lazy');
};
if ('requestIdleCallback' in window) requestIdleCallback(prefetch, { timeout: 4000 });
else setTimeout(prefetch, 2000);
