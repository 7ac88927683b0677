// The `cks-lab` command line: `eval` prints every connection's verdict for the given manifests.
// The only place that touches the file system; everything it decides comes from the topics (src/topics).
import { readFileSync } from 'node:fs';
import {
  type Connectivity,
  type Probe,
  evaluate,
  EvaluationTooLarge,
  formatDiagnostic,
  loadCluster,
  parseProbeList,
  describeExplanation,
} from '../topics/netpol/index';
import { writeLines, type Output } from './output';
import { renderTable } from './table';
import { readInputs } from './inputs';
import { runGrade, runLessons } from './grade';
import { runCanI, runWhoCan } from './rbac';
import { oneOf, parseArgs, UsageError } from './args';

export const USAGE = `cks-lab: an interactive CKS lab (NetworkPolicy, RBAC), and its command line

Usage:
  cks-lab eval FILE... [--ports LIST] [--no-declared-ports] [--format json|table|summary] [--explain]
  cks-lab can-i VERB RESOURCE[/SUBRESOURCE] [NAME] --as USER [--as-group GROUP]... [-n NS | -A] -f FILE... [--explain] [--no-defaults]
  cks-lab can-i VERB /NON/RESOURCE/URL --as USER -f FILE...
  cks-lab can-i --list --as USER [-n NS] [--no-headers] -f FILE...
  cks-lab can-i --reviews REVIEWS.yaml [--no-defaults] [--explain] FILE...
  cks-lab who-can VERB RESOURCE[/SUBRESOURCE] [NAME] [-n NS | -A] -f FILE... [--format text|json]
  cks-lab grade --lesson ID (FILE... | --batch DIR) [--format text|json|junit] [--lang en|ja] [--lessons DIR]
  cks-lab lessons [--format text|json] [--lang en|ja] [--lessons DIR]
  cks-lab --help | --version

eval   Decides every connection between the pods (and external endpoints) in FILE... under the
       NetworkPolicies in FILE... . FILE is YAML (multi-document, kind: List) or JSON; a directory
       reads its *.yaml, *.yml and *.json files; - reads standard input.

  --ports LIST          probe these ports too, e.g. 80,53/UDP,8000-8002/TCP (protocol default TCP)
  --no-declared-ports   probe only --ports, not each destination's declared container ports
  --format FORMAT       json (default): one row per connection; table: a truth table per port;
                        summary: {"rows": N, "allowed": A, "denied": D}
  --explain             add each verdict's reasons (json) or print them under the table

can-i  Answers as \`kubectl auth can-i\` would against a cluster holding FILE... (Roles, ClusterRoles, their
       bindings, ServiceAccounts, Pods) plus the default roles and bindings (--no-defaults leaves them out).
       Prints yes or no; exit 0 yes, 1 no. RESOURCE is a plural, singular or short name (po, deploy, svc),
       RESOURCE.GROUP, or *. Without -n the namespace is default. --as-pod NS/NAME asks as the pod's
       ServiceAccount. --list prints kubectl's table of rules; --reviews answers SubjectAccessReviews as JSON.
who-can Lists the subjects a binding lets do VERB on RESOURCE (as kubectl-who-can), with the binding.

grade  Grades a submission (the FILEs together, or each file or sub-folder of DIR as one learner) against a
       lesson's checks. Exit 0 passed, 1 failed (in a batch: any learner failed), 2 bad input or unknown lesson.
lessons Lists the lessons.

Exit status: 0 success, 2 invalid input or usage (each problem as FILE:LINE:COL: error[CODE]: message).`;

interface EvalOptions {
  files: string[];
  ports: Probe[];
  declaredPorts: boolean;
  format: 'json' | 'table' | 'summary';
  explain: boolean;
}


/** Runs the CLI; returns the exit code. `out` and `readStdin` are injectable for tests. */
export async function main(argv: readonly string[], io: Partial<CliIO> = {}): Promise<number> {
  const env: CliIO = { ...defaultIO(), ...io };
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      env.stdout.write(USAGE + '\n');
      return command === undefined ? 2 : 0;
    }
    if (command === '--version') {
      env.stdout.write('cks-lab 0.1.0\n');
      return 0;
    }
    if (command === 'eval') return await runEval(parseEvalArgs(rest), env);
    if (command === 'grade') return await runGrade(rest, env);
    if (command === 'lessons') return await runLessons(rest, env);
    if (command === 'can-i') return await runCanI(rest, env);
    if (command === 'who-can') return await runWhoCan(rest, env);
    throw new UsageError(`unknown command "${command}"; try cks-lab --help`);
  } catch (err) {
    if (err instanceof UsageError) {
      env.stderr.write(`cks-lab: error[invalid-flag]: ${err.message}\n`);
      return 2;
    }
    env.stderr.write(`cks-lab: error[internal]: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
}

export interface CliIO {
  stdout: Output;
  stderr: Output;
  readStdin: () => string;
  color: boolean;
}

function defaultIO(): CliIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: () => readFileSync(0, 'utf8'),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  };
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

async function runEval(options: EvalOptions, io: CliIO): Promise<number> {
  const { inputs, problems } = readInputs(options.files, io.readStdin);
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
      await writeLines(io.stdout, renderTable(result, io.color));
      if (options.explain) await writeLines(io.stdout, explainLines(result));
      break;
    case 'json':
      await writeLines(io.stdout, jsonLines(result, options.explain));
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
      const { direction: _i, ...ingress } = exp.ingress;
      const { direction: _e, ...egress } = exp.egress;
      row += `, "ingress": ${JSON.stringify(ingress)}, "egress": ${JSON.stringify(egress)}, "explanation": ${JSON.stringify(describeExplanation(result.index, exp).join(' '))}`;
    }
    if (previous !== null) yield `  ${previous},`;
    previous = row + '}';
  }
  if (previous !== null) yield `  ${previous}`;
  yield ']';
}

function* explainLines(result: Connectivity): Generator<string> {
  for (const { from: s, to: d, probe: g } of result.cells()) {
    yield '';
    for (const line of describeExplanation(result.index, result.explain(s, d, g))) yield line;
  }
}
