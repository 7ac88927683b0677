// The bitset helpers behind the fast evaluator, checked against naive versions on random matrices.
import { describe, expect, it } from 'vitest';
import { type Bits, bitsWith, forEachBit, fullBits, hasBit, popcount32, transpose, wordsFor } from './bitset';

/** A small deterministic generator (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An n x n matrix of booleans with the given density, as rows of bits. */
function randomMatrix(n: number, density: number, seed: number): { cells: boolean[][]; rows: Bits[] } {
  const next = random(seed);
  const cells = Array.from({ length: n }, () => Array.from({ length: n }, () => next() < density));
  const rows = cells.map((row) => bitsWith(wordsFor(n), row.flatMap((on, c) => (on ? [c] : []))));
  return { cells, rows };
}

const toCells = (rows: readonly Bits[], n: number): boolean[][] =>
  rows.map((row) => Array.from({ length: n }, (_, c) => hasBit(row, c)));

describe('transpose', () => {
  it.each([1, 31, 32, 33, 100])('agrees with a naive transpose on random %i x %i matrices', (n) => {
    for (const [density, seed] of [[0.5, 1], [0.1, 2], [0.9, 3], [0, 4], [1, 5]] as const) {
      const { cells, rows } = randomMatrix(n, density, seed * 1000 + n);
      const naive = cells.map((_, r) => cells.map((row) => row[r]!));
      const out = transpose(rows, n);
      expect(out).toHaveLength(n);
      expect(toCells(out, n)).toEqual(naive);
      // No bit beyond column n-1 is set, and each row has the words of an n-bit set.
      for (const row of out) {
        expect(row).toHaveLength(wordsFor(n));
        forEachBit(row, (i) => expect(i).toBeLessThan(n));
      }
    }
  });

  it('is its own inverse', () => {
    const { rows } = randomMatrix(100, 0.3, 42);
    expect(transpose(transpose(rows, 100), 100)).toEqual(rows);
  });

  it('maps a single set bit to its mirror position', () => {
    const n = 70;
    for (const [r, c] of [[0, 0], [0, 69], [69, 0], [31, 32], [32, 31], [33, 64], [65, 2]] as const) {
      const rows = Array.from({ length: n }, (_, i) => bitsWith(wordsFor(n), i === r ? [c] : []));
      const out = transpose(rows, n);
      const set: string[] = [];
      out.forEach((row, i) => forEachBit(row, (j) => set.push(`${i},${j}`)));
      expect(set).toEqual([`${c},${r}`]);
    }
  });
});

describe('bit helpers', () => {
  it.each([0, 1, 31, 32, 33, 64, 100])('fullBits(%i) sets exactly the first n bits', (n) => {
    const b = fullBits(n);
    expect(b).toHaveLength(wordsFor(n));
    const set: number[] = [];
    forEachBit(b, (i) => set.push(i));
    expect(set).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  it('popcount32 counts the set bits of any 32-bit word', () => {
    const next = random(7);
    const words = [0, 1, 0x80000000, 0xffffffff, 0x55555555, 0xaaaaaaaa, ...Array.from({ length: 200 }, () => Math.floor(next() * 2 ** 32))];
    for (const w of words) {
      const naive = w.toString(2).split('').filter((d) => d === '1').length;
      expect(popcount32(w)).toBe(naive);
      expect(popcount32(w | 0)).toBe(naive);
    }
  });

  it('forEachBit visits set bits in increasing order, across word boundaries', () => {
    const indexes = [0, 5, 31, 32, 63, 64, 95, 127];
    const seen: number[] = [];
    forEachBit(bitsWith(4, [127, 31, 0, 64, 5, 95, 32, 63]), (i) => seen.push(i));
    expect(seen).toEqual(indexes);
  });
});
