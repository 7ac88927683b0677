// The editor column: the lazily loaded Monaco editor and the list of problems under it.
import { lazy, Suspense, useMemo } from 'react';
import { useLab, EDITOR_FILE } from '../../store/lab-store';
import { selectDiagnostics, selectLang, selectRoute, selectText } from '../../store/selectors';
import { routePath } from '../../store/routes';
import { diagnosticText } from '../i18n/diagnostics-ja';
import { ExportMenu } from '../export/ExportMenu';
import { ShareButton } from '../share/ShareButton';
import { useStrings } from '../i18n/useStrings';

const MonacoEditor = lazy(() => import('./MonacoEditor.lazy'));

export function EditorPanel({ fontSize, minimal = false }: { fontSize?: number; minimal?: boolean }) {
  const t = useStrings();
  const lang = useLab(selectLang);
  const all = useLab(selectDiagnostics);
  const text = useLab(selectText);
  const route = useLab(selectRoute);
  // The editor's problems first (each links to its line), then any in the lesson's own files (a duplicate of a
  // cluster object, say), named by file: a banner asking to fix errors never points at an empty list.
  const diagnostics = useMemo(() => [...all.filter((d) => d.file === EDITOR_FILE), ...all.filter((d) => d.file !== EDITOR_FILE && d.severity === 'error')], [all]);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;

  return (
    <section className="editor-panel" aria-label={t.editorLabel}>
      {!minimal && (
        <div className="editor-bar">
          <span className="editor-title">{t.editorLabel}</span>
          {/* Keyed by the page: a link or message made on one page never shows on another. */}
          <ExportMenu part="editor" key={`export:${routePath(route)}`} />
          <ShareButton key={`share:${routePath(route)}`} />
        </div>
      )}
      {!minimal && (
        // Tab indents inside the editor, so keyboard users get a way past it (Monaco's Ctrl+M also works).
        <button type="button" className="secondary skip-link" onClick={() => document.getElementById('tab-graph')?.focus()}>
          {t.skipEditor}
        </button>
      )}
      <Suspense
        fallback={
          <div className="editor-loading" aria-busy="true">
            <p>{t.editorLoading}</p>
            <pre>{text}</pre>
          </div>
        }
      >
        <MonacoEditor fontSize={fontSize} />
      </Suspense>
      <div className="problems" data-testid="problems" role="status" aria-live="polite">
        {errors > 0 && <div className="problems-title">{t.errors(errors)}</div>}
        <ul>
          {diagnostics.map((d, i) => (
            <li key={i} className={`problem ${d.severity}`} data-code={d.code}>
              {d.file === EDITOR_FILE ? (
                <button type="button" className="linklike" onClick={() => useLab.getState().revealLine(d.line, d.col)}>
                  {d.line}:{d.col}
                </button>
              ) : (
                <span className="muted">
                  {d.file}:{d.line}:{d.col}
                </span>
              )}{' '}
              <span className="problem-code">
                {d.severity}[{d.code}]
              </span>{' '}
              {diagnosticText(d, lang)}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
