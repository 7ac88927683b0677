// Placeholder page until the full lab UI lands: a policy editor (plain textarea) over the seed demo
// cluster and the engine's verdict table, evaluated in the page as you type.
import { evaluate, formatDiagnostic, loadCluster } from '../engine/index';
import { DEMO_CLUSTER, DEMO_POLICY } from './demo';
import './placeholder.css';

const root = document.getElementById('root')!;
root.innerHTML = `
  <main>
    <h1>cks-lab</h1>
    <p>Kubernetes NetworkPolicy, hands-on. The full lab (editor, graph, lessons) is on its way; meanwhile the
    engine runs here: edit the policy and every connection of the demo cluster is decided again.</p>
    <label for="policy">NetworkPolicy YAML (applied to the demo cluster: default/sample-pod-1, -2, test/sample-pod-3, -4)</label>
    <textarea id="policy" spellcheck="false" rows="22"></textarea>
    <pre id="problems" role="status" aria-live="polite"></pre>
    <table data-testid="connectivity-table"><thead><tr><th>from</th><th>to</th><th>port</th><th>verdict</th><th>why</th></tr></thead><tbody></tbody></table>
  </main>`;

const editor = root.querySelector<HTMLTextAreaElement>('#policy')!;
const problems = root.querySelector<HTMLPreElement>('#problems')!;
const body = root.querySelector('tbody')!;
editor.value = DEMO_POLICY;

function render(): void {
  const { cluster, diagnostics } = loadCluster([
    { file: 'cluster.yaml', text: DEMO_CLUSTER },
    { file: 'policy.yaml', text: editor.value },
  ]);
  problems.textContent = diagnostics.map(formatDiagnostic).join('\n');
  if (diagnostics.some((d) => d.severity === 'error')) return; // keep the last good table
  const result = evaluate(cluster, { ports: [{ port: 80, protocol: 'TCP' }] });
  const rows: HTMLTableRowElement[] = [];
  const endpoints = cluster.endpoints;
  for (let s = 0; s < endpoints.length; s++) {
    for (let d = 0; d < endpoints.length; d++) {
      if (!result.isPair(s, d)) continue;
      for (const g of result.probesOf(d)) {
        const probe = result.probes[g]!;
        const v = result.verdict(s, d, g);
        const exp = result.explain(s, d, g);
        const tr = document.createElement('tr');
        tr.dataset.from = endpoints[s]!.id;
        tr.dataset.to = endpoints[d]!.id;
        tr.dataset.port = String(probe.port);
        tr.dataset.protocol = probe.protocol;
        tr.dataset.verdict = v.allowed ? 'allowed' : 'denied';
        const denied = [exp.egress, exp.ingress].find((r) => !r.allowed);
        const why = denied ? `${denied.direction}: ${denied.endpoint} isolated by ${denied.isolatedBy.join(', ')}` : '';
        for (const text of [endpoints[s]!.id, endpoints[d]!.id, `${probe.protocol} ${probe.port}`, v.allowed ? 'allowed' : 'denied', why]) {
          const td = document.createElement('td');
          td.textContent = text;
          tr.append(td);
        }
        rows.push(tr);
      }
    }
  }
  body.replaceChildren(...rows);
}

let timer: ReturnType<typeof setTimeout> | undefined;
editor.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(render, 100);
});
render();
