// The Pod Security benchmark's input: deterministic, of the asked size, read without a diagnostic, and a mix of
// compliant pods, baseline violations and restricted-only violations.
import { describe, expect, it } from 'vitest';
import { generatePodSecurity, podSort, PSA_BENCH_SIZE } from './psa-gen';
import { MAX_INPUT_CHARS } from '../src/kube/index';
import { runCli } from '../src/cli/test-run';

const SMALL = { pods: 300, namespaces: 6, podsPerFile: 120 };

describe('benchmark Pod Security generator', () => {
  it('is deterministic per seed', () => {
    expect(generatePodSecurity(SMALL)).toEqual(generatePodSecurity(SMALL));
    expect(generatePodSecurity({ ...SMALL, seed: 7 })).not.toEqual(generatePodSecurity(SMALL));
  });

  it('splits the pods into files, each within the lab\'s input limit at full size', () => {
    const files = generatePodSecurity(SMALL);
    expect(files.map((f) => f.match(/^kind: Pod$/gm)?.length)).toEqual([120, 120, 60]);
    expect(files[0]!.match(/^kind: Namespace$/gm)).toHaveLength(6);
    for (const f of generatePodSecurity(PSA_BENCH_SIZE)) expect(f.length).toBeLessThan(MAX_INPUT_CHARS);
  });

  it('makes the asked pods, each of its sort at restricted and at baseline', async () => {
    const text = generatePodSecurity(SMALL).join('---\n');
    const judge = async (level: string) => {
      const r = await runCli(['admit', '-', '--level', level, '--format', 'json'], text);
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout) as { name: string; allowed: boolean }[];
    };
    const sortOf = (name: string): string => podSort(Number(name.slice(name.lastIndexOf('-') + 1)));
    const restricted = await judge('restricted');
    expect(restricted).toHaveLength(300);
    for (const row of restricted) expect([row.name, row.allowed]).toEqual([row.name, sortOf(row.name) === 'compliant']);
    for (const row of await judge('baseline')) expect([row.name, row.allowed]).toEqual([row.name, sortOf(row.name) !== 'baseline']);
  });
});
