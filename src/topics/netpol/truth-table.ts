// The `--format table` view: one truth table per probe, rows = from, columns = to.
import type { Connectivity } from './evaluate';

const GREEN = '\x1b[32m';
const RED = '\x1b[31m';
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

/** Lines of the truth tables; `.` allowed, `X` denied, `-` not probed (or external to external). */
export function* renderTable(result: Connectivity, color: boolean): Generator<string> {
  const endpoints = result.cluster.endpoints;
  const n = endpoints.length;
  const width = String(n).length;
  const nameWidth = Math.max(4, ...endpoints.map((e) => e.id.length));
  const paint = (text: string, code: string): string => (color ? code + text + RESET : text);
  if (result.probes.length === 0) {
    yield 'No probes: no destination declares a port. Add --ports, for example --ports 80.';
    return;
  }
  const probedSets = endpoints.map((_, d) => new Set(result.probesOf(d)));
  for (let g = 0; g < result.probes.length; g++) {
    const probe = result.probes[g]!;
    const probedTo = probedSets.map((set) => set.has(g));
    yield `${probe.protocol} ${probe.port}  (rows: from, columns: to; ${paint('.', GREEN)} allowed, ${paint('X', RED)} denied, - not probed)`;
    const header = endpoints.map((_, d) => String(d + 1).padStart(width)).join(' ');
    yield `${' '.repeat(width + 1 + nameWidth)} ${header}`;
    for (let s = 0; s < n; s++) {
      const cells: string[] = [];
      for (let d = 0; d < n; d++) {
        if (!probedTo[d] || !result.isPair(s, d)) {
          cells.push(paint('-'.padStart(width), DIM));
          continue;
        }
        const allowed = result.verdict(s, d, g).allowed;
        cells.push(allowed ? paint('.'.padStart(width), GREEN) : paint('X'.padStart(width), RED));
      }
      yield `${String(s + 1).padStart(width)} ${endpoints[s]!.id.padEnd(nameWidth)} ${cells.join(' ')}`;
    }
    yield '';
  }
}
