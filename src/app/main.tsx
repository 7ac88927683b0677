// Browser entry: pick the language, follow the hash route, render the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { parseHash } from './routes';
import { initialLanguage, useLab } from '../store/lab-store';
import './styles.css';

// Detected, not remembered: only the switcher saves a choice.
useLab.setState({ lang: initialLanguage(location.search, navigator.languages ?? [navigator.language]) });
const follow = () => useLab.getState().navigate(parseHash(location.hash));
window.addEventListener('hashchange', follow);
follow();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
