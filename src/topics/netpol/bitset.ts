// Fixed-size bitsets over endpoint indexes, and a bit-matrix transpose, for the fast evaluator.

export type Bits = Uint32Array;

export const wordsFor = (n: number): number => (n + 31) >>> 5;

export function bitsWith(words: number, indexes: Iterable<number>): Bits {
  const b = new Uint32Array(words);
  for (const i of indexes) b[i >>> 5]! |= 1 << (i & 31);
  return b;
}

export function fullBits(n: number): Bits {
  const words = wordsFor(n);
  const b = new Uint32Array(words).fill(0xffffffff);
  const rest = n & 31;
  if (rest !== 0 && words > 0) b[words - 1] = (1 << rest) - 1 >>> 0;
  return b;
}

export const hasBit = (b: Bits, i: number): boolean => ((b[i >>> 5]! >>> (i & 31)) & 1) === 1;

export function orInto(target: Bits, source: Bits): void {
  for (let i = 0; i < target.length; i++) target[i]! |= source[i]!;
}

export function andBits(a: Bits, b: Bits): Bits {
  const out = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! & b[i]!;
  return out;
}

export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Calls fn for every set bit, in increasing order. */
export function forEachBit(b: Bits, fn: (i: number) => void): void {
  for (let w = 0; w < b.length; w++) {
    let word = b[w]!;
    while (word !== 0) {
      const low = word & -word;
      fn((w << 5) + (31 - Math.clz32(low)));
      word ^= low;
    }
  }
}

/**
 * Transposes an n x n bit matrix given as rows (rows[r] bit c = M[r][c]) into rows of the transpose,
 * 32 x 32 blocks at a time.
 */
export function transpose(rows: readonly Bits[], n: number): Bits[] {
  const words = wordsFor(n);
  const out = Array.from({ length: n }, () => new Uint32Array(words));
  const block = new Uint32Array(32);
  for (let rb = 0; rb < words; rb++) {
    for (let cb = 0; cb < words; cb++) {
      let any = 0;
      for (let i = 0; i < 32; i++) {
        const r = (rb << 5) + i;
        const v = r < n ? rows[r]![cb]! : 0;
        block[i] = v;
        any |= v;
      }
      if (any === 0) continue;
      transpose32(block);
      for (let i = 0; i < 32; i++) {
        const c = (cb << 5) + i;
        if (c < n) out[c]![rb] = block[i]!;
      }
    }
  }
  return out;
}

/** In-place transpose of a 32x32 bit block where block[i] bit j = M[i][j] (Hacker's Delight, adapted to LSB-first). */
function transpose32(a: Uint32Array): void {
  let j = 16;
  let m = 0x0000ffff;
  while (j !== 0) {
    for (let k = 0; k < 32; k = (k + j + 1) & ~j) {
      const t = ((a[k]! >>> j) ^ a[k + j]!) & m;
      a[k] = a[k]! ^ (t << j);
      a[k + j] = a[k + j]! ^ t;
    }
    j >>>= 1;
    m ^= m << j;
  }
}
