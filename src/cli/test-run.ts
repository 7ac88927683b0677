// Runs the CLI in-process for tests, capturing what it writes and its exit code.
import { main, type CliIO } from './main';

export async function runCli(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Partial<CliIO> = {
    stdout: { write: (s: string) => ((stdout += s), true) },
    stderr: { write: (s: string) => ((stderr += s), true) },
    readStdin: () => stdin,
    color: false,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
