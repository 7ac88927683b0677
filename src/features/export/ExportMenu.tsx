// Export: download the editor's YAML, copy it as a `kubectl apply` command, save the graph (with its legend) as PNG.
import { useEffect, useState } from 'react';
import { useLab } from '../../store/lab-store';
import { selectDoc } from '../../store/selectors';
import { currentGraph } from '../graph/graph-registry';
import { withLegend } from './png-legend';
import { useStrings } from '../i18n/useStrings';

/** The editor text as a shell command that applies it. */
export function kubectlApply(text: string): string {
  let marker = 'EOF';
  while (text.split('\n').includes(marker)) marker += '_';
  return `kubectl apply -f - <<'${marker}'\n${text.replace(/\n?$/, '\n')}${marker}\n`;
}

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ExportMenu({ part }: { part: 'editor' | 'graph' }) {
  const t = useStrings();
  const doc = useLab(selectDoc);
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(''), 4000);
    return () => clearTimeout(timer);
  }, [message]);
  if (!doc) return null;
  const base = doc.lesson ? doc.lesson.id : 'playground';

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(kubectlApply(doc.text));
      setMessage(t.copied);
    } catch {
      setMessage(t.copyFailed);
    }
  };
  const png = async () => {
    const cy = currentGraph();
    if (!cy) return;
    const bg = getComputedStyle(document.body).getPropertyValue('--bg').trim() || '#ffffff';
    const graph = cy.png({ output: 'blob', full: true, scale: 2, bg }) as unknown as Blob;
    const legend = (cy.container()?.closest('.graph-area') ?? document).querySelector<HTMLElement>('.legend');
    download(`${base}.png`, await withLegend(graph, legend, 2, bg));
  };

  if (part === 'graph') {
    return (
      <div className="export-menu">
        <button type="button" className="ghost" data-testid="export-png" onClick={() => void png()}>
          {t.savePng}
        </button>
      </div>
    );
  }
  return (
    <div className="export-menu">
      <span className="muted" role="status">
        {message}
      </span>
      <button type="button" className="ghost" data-testid="export-yaml" onClick={() => download(`${base}.yaml`, new Blob([doc.text], { type: 'application/yaml' }))}>
        {t.exportYaml}
      </button>
      <button type="button" className="ghost" data-testid="copy-kubectl" onClick={copy}>
        {t.copyKubectl}
      </button>
    </div>
  );
}
