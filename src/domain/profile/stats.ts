// Descriptive statistics over typed arrays, the building blocks of spine charts, judgements, signals, clusters
// and neighbours. NaN means "missing" everywhere: every function skips it instead of treating it as 0.

/** The present (non-NaN) values, sorted ascending, in a new array. */
export function sortedPresent(values: Float64Array): Float64Array {
  let n = 0;
  for (const v of values) if (!Number.isNaN(v)) n++;
  const out = new Float64Array(n);
  let i = 0;
  for (const v of values) if (!Number.isNaN(v)) out[i++] = v;
  return out.sort();
}

/**
 * Quantile p (0…1) of an ascending array without NaN, by linear interpolation between order statistics
 * (Hyndman & Fan type 7, the default of R and of spreadsheet PERCENTILE), so results can be checked by hand.
 * NaN for an empty array.
 */
export function quantile(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export interface Moments {
  /** Number of present values. */
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1); NaN for fewer than two values. */
  sd: number;
}

/** Mean and sample standard deviation of the present values. */
export function moments(values: Float64Array): Moments {
  let n = 0;
  let sum = 0;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    n++;
    sum += v;
  }
  if (n === 0) return { n, mean: NaN, sd: NaN };
  const mean = sum / n;
  let ss = 0;
  for (const v of values) if (!Number.isNaN(v)) ss += (v - mean) * (v - mean);
  return { n, mean, sd: n < 2 ? NaN : Math.sqrt(ss / (n - 1)) };
}

/** (value − mean) / sd; NaN when any input is missing or the spread is zero (nothing to compare against). */
export function zScore(value: number, mean: number, sd: number): number {
  if (Number.isNaN(value) || Number.isNaN(mean) || !(sd > 0)) return NaN;
  return (value - mean) / sd;
}

export interface Correlation {
  /** Pearson r over the pairs where both values are present; NaN for fewer than 3 pairs or a constant series. */
  r: number;
  /** Number of complete pairs used. */
  n: number;
}

/** Pearson correlation over pairwise-complete observations of two aligned arrays. */
export function pearson(x: Float64Array, y: Float64Array): Correlation {
  const len = Math.min(x.length, y.length);
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < len; i++) {
    const a = x[i]!;
    const b = y[i]!;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    n++;
    sx += a;
    sy += b;
  }
  if (n < 3) return { r: NaN, n };
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < len; i++) {
    const a = x[i]!;
    const b = y[i]!;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    sxy += (a - mx) * (b - my);
    sxx += (a - mx) * (a - mx);
    syy += (b - my) * (b - my);
  }
  if (sxx === 0 || syy === 0) return { r: NaN, n };
  return { r: sxy / Math.sqrt(sxx * syy), n };
}

/**
 * Percentile rank of `value` among the sorted values: the share (0…100) of values below it, counting ties as
 * half (mid-rank), so the median area gets 50 whatever the ties. NaN for a missing value or an empty array.
 */
export function percentileRank(sorted: Float64Array, value: number): number {
  if (Number.isNaN(value) || sorted.length === 0) return NaN;
  const below = lowerBound(sorted, value);
  const notAbove = upperBound(sorted, value);
  return ((below + (notAbove - below) / 2) / sorted.length) * 100;
}

/**
 * Rank of `value` from the highest (1 = highest value; ties share the best rank), so "rank 3 of 355" reads as
 * "third highest". NaN for a missing value.
 */
export function rankFromHighest(sorted: Float64Array, value: number): number {
  if (Number.isNaN(value)) return NaN;
  return sorted.length - upperBound(sorted, value) + 1;
}

/** First index with sorted[i] >= value. */
function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index with sorted[i] > value. */
function upperBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
