// The Monaco editor bound to the store: every edit goes to the store (which saves it); text replaced from
// outside (reset, solution) arrives as an undoable edit; engine diagnostics become markers.
import { useEffect, useRef } from 'react';
import { monaco, setSchemaLanguage } from './monaco.lazy';
import { useLab } from '../../store/lab-store';
import { selectDiagnostics, selectLang, selectReveal, selectTextEpoch } from '../../store/selectors';
import { EDITOR_FILE } from '../../store/lab-store';
import { usePrefersDark } from '../layout/usePrefersDark';
import { STRINGS } from '../i18n/strings';
import { diagnosticText } from '../i18n/diagnostics-ja';
import { useStrings } from '../i18n/useStrings';

declare global {
  interface Window {
    /** Test hook: the editor's markers with their owners (the engine's are `cks-lab`; no other should exist). */
    __cksLabMarkers?: () => { owner: string; message: string; startLineNumber: number; severity: number }[];
  }
}

export default function MonacoEditor({ fontSize = 14 }: { fontSize?: number }) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const epoch = useLab(selectTextEpoch);
  const diagnostics = useLab(selectDiagnostics);
  const reveal = useLab(selectReveal);
  const t = useStrings();
  const lang = useLab(selectLang);
  const dark = usePrefersDark();
  const appliedEpoch = useRef(-1);

  useEffect(() => {
    if (!host.current) return;
    const uri = monaco.Uri.parse(`file:///${EDITOR_FILE}`);
    monaco.editor.getModel(uri)?.dispose();
    const model = monaco.editor.createModel(useLab.getState().doc?.text ?? '', 'yaml', uri);
    const editor = monaco.editor.create(host.current, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      tabSize: 2,
      insertSpaces: true,
      // A long line wraps at a space only, indented under its key: never inside a key, a name or a path
      // (Monaco's defaults break after '.', '/' and ',', which splits kubernetes.io/metadata.name).
      wordWrap: 'on',
      wordWrapBreakAfterCharacters: ' \t',
      wordWrapBreakBeforeCharacters: '',
      wrappingIndent: 'indent',
      // A narrow gutter leaves the text the room it needs in a 390 px column (1280 wide).
      lineNumbersMinChars: 3,
      lineDecorationsWidth: 6,
      renderWhitespace: 'boundary',
      fixedOverflowWidgets: true,
      // Enter always starts a new line (YAML is typed line by line); Tab accepts a suggestion.
      acceptSuggestionOnEnter: 'off',
      ariaLabel: STRINGS[useLab.getState().lang].editorLabel,
    });
    editorRef.current = editor;
    appliedEpoch.current = useLab.getState().textEpoch;
    const changes = model.onDidChangeContent(() => useLab.getState().setText(model.getValue()));
    const cursor = editor.onDidChangeCursorPosition((e) => useLab.getState().setCursorLine(e.position.lineNumber));
    const blur = editor.onDidBlurEditorText(() => useLab.getState().setCursorLine(null));
    window.__cksLabMarkers = () =>
      monaco.editor.getModelMarkers({ resource: uri }).map((m) => ({ owner: m.owner, message: m.message, startLineNumber: m.startLineNumber, severity: m.severity }));
    return () => {
      changes.dispose();
      cursor.dispose();
      blur.dispose();
      editor.dispose();
      model.dispose();
      editorRef.current = null;
      delete window.__cksLabMarkers;
    };
  }, []);

  // Text replaced from outside the editor: apply as an undoable edit, so nothing is ever lost.
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || appliedEpoch.current === epoch) return;
    appliedEpoch.current = epoch;
    const text = useLab.getState().doc?.text ?? '';
    if (model.getValue() === text) return;
    editor.pushUndoStop();
    editor.executeEdits('cks-lab', [{ range: model.getFullModelRange(), text }]);
    editor.pushUndoStop();
  }, [epoch]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    const markers = diagnostics
      .filter((d) => d.file === EDITOR_FILE)
      .map((d) => {
        const line = Math.min(Math.max(1, d.line), model.getLineCount());
        const word = model.getWordAtPosition({ lineNumber: line, column: d.col });
        const end = word && word.endColumn > d.col ? word.endColumn : Math.max(d.col + 1, model.getLineMaxColumn(line));
        return {
          severity: d.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
          message: diagnosticText(d, lang),
          code: d.code,
          source: 'cks-lab',
          startLineNumber: line,
          startColumn: d.col,
          endLineNumber: line,
          endColumn: end,
        };
      });
    monaco.editor.setModelMarkers(model, 'cks-lab', markers);
  }, [diagnostics, lang]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !reveal) return;
    editor.revealLineInCenter(reveal.line);
    editor.setPosition({ lineNumber: reveal.line, column: reveal.column });
    editor.focus();
  }, [reveal]);

  useEffect(() => {
    monaco.editor.setTheme(dark ? 'vs-dark' : 'vs');
  }, [dark]);

  useEffect(() => {
    void setSchemaLanguage(lang);
  }, [lang]);

  useEffect(() => {
    editorRef.current?.updateOptions({ fontSize, ariaLabel: t.editorLabel });
  }, [fontSize, t]);

  return <div ref={host} className="monaco-host" data-testid="editor" />;
}
