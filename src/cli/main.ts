// The `cks-lab` command line: the topics' subcommands (eval, can-i, who-can), grade and lessons.
// The only place that touches the file system: it hands each subcommand its inputs and output streams.
import { readFileSync } from 'node:fs';
import { UsageError, type CliEnv } from '../core/index';
import { TOPICS } from '../topics/index';
import { writeLines, type Output } from './output';
import { readInputs } from './inputs';
import { runGrade, runLessons } from './grade';

const COMMANDS = TOPICS.flatMap((t) => t.commands);

export const USAGE = `cks-lab: an interactive CKS lab (${TOPICS.map((t) => t.title.en).join(', ')}), and its command line

Usage:
${[...COMMANDS.flatMap((c) => c.usage), 'cks-lab grade --lesson ID (FILE... | --batch DIR | --links FILE) [--format text|json|junit] [--lang en|ja] [--lessons DIR]', 'cks-lab lessons [--format text|json] [--lang en|ja] [--lessons DIR]', 'cks-lab --help | --version'].map((u) => `  ${u}`).join('\n')}

${COMMANDS.map((c) => c.help).join('\n\n')}

grade  Grades a submission (the FILEs together, or each file or sub-folder of DIR as one learner) against a
       lesson's checks. --links FILE grades share links, one learner a line (URL, or NAME<TAB>URL; # comments).
       Exit 0 passed, 1 failed (in a batch: any learner failed), 2 bad input or unknown lesson.
lessons Lists the lessons.

Exit status: 0 success, 2 invalid input or usage (each problem as FILE:LINE:COL: error[CODE]: message).`;

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

/** Runs the CLI; returns the exit code. The streams and standard input are injectable for tests. */
export async function main(argv: readonly string[], io: Partial<CliIO> = {}): Promise<number> {
  const streams: CliIO = { ...defaultIO(), ...io };
  const env: CliEnv & CliIO = {
    ...streams,
    readInputs: (files) => readInputs(files, streams.readStdin),
    writeLines: (lines) => writeLines(streams.stdout, lines),
  };
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
    const topicCommand = COMMANDS.find((c) => c.name === command);
    if (topicCommand) return await topicCommand.run(rest, env);
    if (command === 'grade') return await runGrade(rest, env);
    if (command === 'lessons') return await runLessons(rest, env);
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
