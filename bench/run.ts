// `npm run bench`: parse and evaluation times at 100 / 1,000 / 5,000 pods, verdicts per second, and the
// whole CLI run against a bare `yaml` parse of the same file. Medians of several runs after warm-up; the
// machine is noted.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';
import { evaluate, loadCluster, type Probe } from '../src/topics/netpol/index';
import { generateCluster } from './cluster-gen';

const SIZES = [
  { pods: 100, namespaces: 30, policies: 30 },
  { pods: 1000, namespaces: 30, policies: 300 },
  { pods: 5000, namespaces: 30, policies: 1500 },
];
const PORTS = '80,443,53/UDP,9090';
const PROBES: Probe[] = [
  { port: 80, protocol: 'TCP' },
  { port: 443, protocol: 'TCP' },
  { port: 53, protocol: 'UDP' },
  { port: 9090, protocol: 'TCP' },
];
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const root = process.cwd();
const outDir = join(root, 'bench', 'out');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function wall(args: string[]): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const fmt = (ms: number): string => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));

mkdirSync(outDir, { recursive: true });
const bareParse = join(outDir, 'bare-parse.mjs');
writeFileSync(
  bareParse,
  `import { readFileSync } from 'node:fs';\nimport { parseAllDocuments } from 'yaml';\n` +
    `const docs = parseAllDocuments(readFileSync(process.argv[2], 'utf8')).map((d) => d.toJS());\n` +
    `process.stdout.write(JSON.stringify({ documents: docs.length }) + '\\n');\n`,
);

console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}; medians of ${RUNS} runs`);
console.log('pods  policies  verdicts    yaml.parse  load (parse+validate)  evaluate  verdicts/s   CLI run  bare parse run  CLI/bare');
const results = [];
for (const size of SIZES) {
  const text = generateCluster(size);
  const file = join(outDir, `cluster-${size.pods}.yaml`);
  writeFileSync(file, text);

  const yamlMs = median(Array.from({ length: RUNS }, () => time(() => parseAllDocuments(text).map((d) => d.toJS()))));
  const loads = Array.from({ length: RUNS }, () => time(() => loadCluster([{ file, text }])));
  const { cluster, diagnostics } = loadCluster([{ file, text }]);
  if (diagnostics.length > 0) throw new Error(`generated cluster has diagnostics: ${diagnostics[0]!.message}`);
  let rows = 0;
  // Warm up first: the medians are of the optimised code, as in a long-lived page or a big CLI run.
  for (let i = 0; i < 3; i++) evaluate(cluster, { declaredPorts: false, ports: PROBES }).counts();
  const evals = Array.from({ length: RUNS }, () =>
    time(() => {
      rows = evaluate(cluster, { declaredPorts: false, ports: PROBES }).counts().rows;
    }),
  );
  const evalMs = median(evals);
  const cliArgs = ['bin/cks-lab.mjs', 'eval', file, '--no-declared-ports', '--ports', PORTS, '--format', 'summary'];
  const cli: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Interleaved so both see the same machine load.
    cli.push(wall(cliArgs));
    bare.push(wall([bareParse, file]));
  }
  const row = {
    pods: size.pods,
    policies: size.policies,
    verdicts: rows,
    yamlParseMs: yamlMs,
    loadMs: median(loads),
    evaluateMs: evalMs,
    verdictsPerSecond: Math.round(rows / (evalMs / 1000)),
    cliMs: median(cli),
    bareParseRunMs: median(bare),
    cliOverBare: median(cli) / median(bare),
  };
  results.push(row);
  console.log(
    `${String(row.pods).padStart(4)}  ${String(row.policies).padStart(8)}  ${String(row.verdicts).padStart(9)}  ` +
      `${fmt(row.yamlParseMs).padStart(10)}  ${fmt(row.loadMs).padStart(21)}  ${fmt(row.evaluateMs).padStart(8)}  ` +
      `${(row.verdictsPerSecond / 1e6).toFixed(1).padStart(8)}M  ${fmt(row.cliMs).padStart(8)}  ${fmt(row.bareParseRunMs).padStart(14)}  ` +
      `${row.cliOverBare.toFixed(2).padStart(8)}x`,
  );
}
writeFileSync(join(outDir, 'results.json'), JSON.stringify({ machine: cpus()[0]?.model, cores: cpus().length, node: process.version, runs: RUNS, results }, null, 2));
console.log('times in ms; written to bench/out/results.json');
