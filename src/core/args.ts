// The one argument parser of every CLI subcommand (a topic's or the lab's own): long flags (`--ports 80`,
// `--ports=80`), short aliases (`-n dev`, `-n=dev`), boolean and repeatable flags, and positional arguments.
import type { Diagnostic, SourceText } from '../kube/index';

export class UsageError extends Error {}

export interface FlagSpec {
  /** The long name without dashes: `ports`, `as-group`. */
  name: string;
  /** A one-letter alias without the dash: `n`, `A`, `f`. */
  short?: string;
  /** bool takes no value; value takes one (the last wins); list takes one each time it is given. */
  type: 'bool' | 'value' | 'list';
}

export interface ParsedArgs {
  positional: string[];
  bool(name: string): boolean;
  value(name: string): string | undefined;
  list(name: string): string[];
  /** True when the flag was given at all. */
  has(name: string): boolean;
}

/** Parses `args` against the flags a subcommand accepts; an unknown flag or a missing value is a UsageError. */
export function parseArgs(args: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const byLong = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const values = new Map<string, string[]>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    let spec: FlagSpec | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      spec = byLong.get(eq > 0 ? arg.slice(2, eq) : arg.slice(2));
      if (eq > 0) inline = arg.slice(eq + 1);
    } else if (arg.startsWith('-') && arg.length > 1) {
      spec = byShort.get(arg[1]!);
      if (arg.length > 2) inline = arg[2] === '=' ? arg.slice(3) : arg.slice(2);
    } else {
      positional.push(arg);
      continue;
    }
    const shown = arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    if (!spec) throw new UsageError(`unknown flag ${shown}`);
    const list = values.get(spec.name) ?? [];
    if (spec.type === 'bool') {
      if (inline !== undefined && inline !== 'true' && inline !== 'false') throw new UsageError(`${shown} takes no value`);
      list.push(inline ?? 'true');
    } else {
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`${shown} needs a value`);
      list.push(value);
    }
    values.set(spec.name, list);
  }
  return {
    positional,
    bool: (name) => values.get(name)?.at(-1) === 'true',
    value: (name) => values.get(name)?.at(-1),
    list: (name) => values.get(name) ?? [],
    has: (name) => values.has(name),
  };
}

/** A value that must be one of `choices`. */
export function oneOf<T extends string>(flag: string, value: string | undefined, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) throw new UsageError(`--${flag} must be ${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}, not "${value}"`);
  return value as T;
}

/** What a CLI subcommand gets from the Node entry: output streams, input reading, colour. Keeps topics pure. */
export interface CliEnv {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  /** Colour on a terminal (NO_COLOR turns it off). */
  color: boolean;
  /** Reads files, folders of manifests, or `-` (standard input); unreadable ones become diagnostics. */
  readInputs(files: readonly string[]): { inputs: SourceText[]; problems: Diagnostic[] };
  /** Writes many lines with back-pressure. */
  writeLines(lines: Iterable<string>): Promise<void>;
}

/** A topic's subcommand (`cks-lab eval`, `cks-lab can-i`): its usage lines, its help, and what it does. */
export interface CliCommand {
  name: string;
  /** Usage lines, each starting with `cks-lab NAME`. */
  usage: readonly string[];
  /** A paragraph for --help. */
  help: string;
  /** Returns the exit code; throws UsageError for bad flags. */
  run(args: readonly string[], env: CliEnv): Promise<number>;
}
