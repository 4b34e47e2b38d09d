// Seeded pseudo-random numbers for the domain. The domain may not use Math.random (ESLint forbids it): every
// random choice (k-means++ seeds, silhouette samples) must be reproducible from a seed, so that the same data
// and the same seed always give the same neighbourhood types.

/** A reproducible stream of numbers in [0, 1). */
export interface SeededRandom {
  /** Next number in [0, 1). */
  next(): number;
  /** Next integer in [0, n). */
  int(n: number): number;
}

/**
 * mulberry32 (Tommy Ettinger, public domain): 32 bits of state, passes the usual small-state test batteries and
 * is fast enough for sampling. Chosen for being tiny and easy to re-implement elsewhere to reproduce results.
 */
export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number): number => Math.floor(next() * n),
  };
}

/** Picks `size` distinct indices from 0..n-1 (all of them, in order, when size ≥ n), via a partial Fisher–Yates. */
export function sampleIndices(n: number, size: number, random: SeededRandom): Int32Array {
  if (size >= n) return Int32Array.from({ length: n }, (_, i) => i);
  const pool = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < size; i++) {
    const j = i + random.int(n - i);
    const tmp = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = tmp;
  }
  return pool.slice(0, size).sort();
}
