// `cks-lab eval`: every connection's verdict for the given manifests, as JSON rows, truth tables or counts.
// Pure: the Node entry (src/cli) gives it the inputs and the output streams.
import { oneOf, parseArgs, UsageError, type CliCommand, type CliEnv } from '../../core/index';
import { formatDiagnostic } from '../../kube/index';
import { evaluate, EvaluationTooLarge, type Connectivity } from './evaluate';
import { loadCluster } from './read';
import { parseProbeList } from './probes';
import { describeExplanation } from './explain';
import { renderTable } from './truth-table';
import type { DirectionReason, Probe } from './model';

interface EvalOptions {
  files: string[];
  ports: Probe[];
  declaredPorts: boolean;
  format: 'json' | 'table' | 'summary';
  explain: boolean;
}

function parseEvalArgs(args: readonly string[]): EvalOptions {
  const a = parseArgs(args, [
    { name: 'ports', type: 'list' },
    { name: 'no-declared-ports', type: 'bool' },
    { name: 'format', type: 'value' },
    { name: 'explain', type: 'bool' },
  ]);
  const ports: Probe[] = [];
  for (const list of a.list('ports')) {
    const parsed = parseProbeList(list);
    if ('error' in parsed) throw new UsageError(`--ports: ${parsed.error}`);
    for (const probe of parsed.probes) ports.push(probe); // not push(...): a whole port range overflows the stack
  }
  if (a.positional.length === 0) throw new UsageError('eval needs at least one FILE');
  return {
    files: a.positional,
    ports,
    declaredPorts: !a.bool('no-declared-ports'),
    format: oneOf('format', a.value('format'), ['json', 'table', 'summary'], 'json'),
    explain: a.bool('explain'),
  };
}

async function runEval(options: EvalOptions, io: CliEnv): Promise<number> {
  const { inputs, problems } = io.readInputs(options.files);
  const { cluster, diagnostics } = loadCluster(inputs);
  const all = [...problems, ...diagnostics];
  for (const d of all) io.stderr.write(formatDiagnostic(d) + '\n');
  if (all.some((d) => d.severity === 'error')) return 2;

  let result: Connectivity;
  try {
    result = evaluate(cluster, { ports: options.ports, declaredPorts: options.declaredPorts });
  } catch (err) {
    // What would not fit in memory is refused with a message, before anything big is allocated.
    if (!(err instanceof EvaluationTooLarge)) throw err;
    io.stderr.write(`cks-lab: error[too-large]: ${err.message}\n`);
    return 2;
  }
  switch (options.format) {
    case 'summary': {
      const c = result.counts();
      io.stdout.write(`{"rows": ${c.rows}, "allowed": ${c.allowed}, "denied": ${c.denied}}\n`);
      break;
    }
    case 'table':
      await io.writeLines(renderTable(result, io.color));
      if (options.explain) await io.writeLines(explainLines(result));
      break;
    case 'json':
      await io.writeLines(jsonLines(result, options.explain));
      break;
  }
  return 0;
}

function* jsonLines(result: Connectivity, explain: boolean): Generator<string> {
  const ids = result.cluster.endpoints.map((e) => JSON.stringify(e.id));
  let previous: string | null = null;
  yield '[';
  for (const { from: s, to: d, probe: g } of result.cells()) {
    const probe = result.probes[g]!;
    const v = result.verdict(s, d, g);
    let row = `{"from": ${ids[s]}, "to": ${ids[d]}, "port": ${probe.port}, "protocol": "${probe.protocol}", "allowed": ${v.allowed}, "ingressAllowed": ${v.ingressAllowed}, "egressAllowed": ${v.egressAllowed}`;
    if (explain) {
      const exp = result.explain(s, d, g);
      row += `, "ingress": ${JSON.stringify(numbered(exp.ingress))}, "egress": ${JSON.stringify(numbered(exp.egress))}, "explanation": ${JSON.stringify(describeExplanation(result.index, exp).join(' '))}`;
    }
    if (previous !== null) yield `  ${previous},`;
    previous = row + '}';
  }
  if (previous !== null) yield `  ${previous}`;
  yield ']';
}

/** A direction's reason for JSON: rules, peers and ports count from 1, as the sentences say "ingress rule 1". */
function numbered({ direction: _, ...reason }: DirectionReason) {
  const one = (i: number | null): number | null => (i === null ? null : i + 1);
  return { ...reason, allowedBy: reason.allowedBy.map((r) => ({ policy: r.policy, direction: r.direction, rule: r.rule + 1, peer: one(r.peer), port: one(r.port) })) };
}

function* explainLines(result: Connectivity): Generator<string> {
  for (const { from: s, to: d, probe: g } of result.cells()) {
    yield '';
    for (const line of describeExplanation(result.index, result.explain(s, d, g))) yield line;
  }
}

export const evalCommand: CliCommand = {
  name: 'eval',
  usage: ['cks-lab eval FILE... [--ports LIST] [--no-declared-ports] [--format json|table|summary] [--explain]'],
  help: `eval   Decides every connection between the pods (and external endpoints) in FILE... under the
       NetworkPolicies in FILE... . FILE is YAML (multi-document, kind: List) or JSON; a directory
       reads its *.yaml, *.yml and *.json files; - reads standard input.

  --ports LIST          probe these ports too, e.g. 80,53/UDP,8000-8002/TCP (protocol default TCP)
  --no-declared-ports   probe only --ports, not each destination's declared container ports
  --format FORMAT       json (default): one row per connection; table: a truth table per port;
                        summary: {"rows": N, "allowed": A, "denied": D}
  --explain             add each verdict's reasons (json) or print them under the table`,
  run: (args, env) => runEval(parseEvalArgs(args), env),
};
