// Comparisons of an area with its comparators and the polarity-aware judgement. No confidence intervals are
// published for the RIVM small-area estimates, so "significantly different" cannot be tested; instead a difference
// counts only when it is large relative to how much that indicator varies between areas of the same level:
// |difference| ≥ SIMILAR_THRESHOLD_SD × SD(level) → 'better' or 'worse' (by polarity), else 'similar'.
import type { Level, Polarity } from '../../shared/types.ts';
import type { DataCube } from '../cube.ts';
import type { DerivedValue, ProfileMissingReason, WeightedMeanInfo } from './aggregate.ts';
import { levelOf, regionValue, regionValues } from './aggregate.ts';
import { moments, sortedPresent, zScore } from './stats.ts';

export type Judgement = 'better' | 'worse' | 'similar' | 'no-judgement';

/** A difference below half a standard deviation of the level is "similar" (documented in README.md). */
export const SIMILAR_THRESHOLD_SD = 0.5;

/** +1 when a higher value is better, −1 when it is worse, 0 when the indicator carries no judgement. */
export function polaritySign(polarity: Polarity): 1 | -1 | 0 {
  if (polarity === 'higher-is-better') return 1;
  if (polarity === 'higher-is-worse') return -1;
  return 0;
}

/**
 * Judges a difference (area − comparator, in the indicator's unit) against the spread of the indicator over
 * areas of the area's level. 'no-judgement' when the indicator has no polarity or a figure or the spread is missing.
 */
export function judge(difference: number | null, levelSd: number, polarity: Polarity, threshold: number = SIMILAR_THRESHOLD_SD): Judgement {
  const sign = polaritySign(polarity);
  if (sign === 0 || difference === null || Number.isNaN(difference) || !(levelSd > 0)) return 'no-judgement';
  if (Math.abs(difference) < threshold * levelSd) return 'similar';
  return difference * sign > 0 ? 'better' : 'worse';
}

/** Polarity-aware z-score: positive = more favourable than the level mean, negative = less; NaN without polarity. */
export function favourableZ(value: number, mean: number, sd: number, polarity: Polarity): number {
  const sign = polaritySign(polarity);
  if (sign === 0) return NaN;
  return sign * zScore(value, mean, sd);
}

/** One figure of an area: published (from `cube.cell`) or derived by buurtbeeld (regional weighted mean). */
export interface ProfileValue {
  value: number | null;
  missing: ProfileMissingReason | null;
  /** Set only for figures buurtbeeld computed; null = the published figure. */
  derived: WeightedMeanInfo | null;
}

/**
 * The value of an indicator × period for any area: the published cell, or for a provincie or GGD-regio that the
 * dataset does not hold, the weighted mean of its gemeenten.
 */
export function valueOf(cube: DataCube, indicatorId: string, period: string, code: string): ProfileValue {
  const cell = cube.cell(indicatorId, period, code);
  if (cell.value !== null) return { value: cell.value, missing: null, derived: null };
  if (cell.missing === 'not-in-dataset') {
    const derived: DerivedValue | null = regionValue(cube, indicatorId, period, code);
    if (derived !== null) return { value: derived.value, missing: derived.missing, derived: derived.derived };
  }
  return { value: null, missing: cell.missing, derived: null };
}

/** The distribution of one indicator × period over all areas of one level (memoised per cube). */
export interface LevelStatistics {
  indicatorId: string;
  period: string;
  level: Level;
  /** Areas of the level in the dataset (or, for provincie / GGD-regio, with a derived value), aligned with values. */
  codes: readonly string[];
  /** NaN where missing. */
  values: Float64Array;
  /** Present values ascending. */
  sorted: Float64Array;
  /** Number of present values. */
  n: number;
  mean: number;
  sd: number;
}

const levelMemo = new WeakMap<DataCube, Map<string, LevelStatistics>>();

export function levelStatistics(cube: DataCube, indicatorId: string, period: string, level: Level): LevelStatistics {
  let memo = levelMemo.get(cube);
  if (memo === undefined) {
    memo = new Map();
    levelMemo.set(cube, memo);
  }
  const key = `${indicatorId}|${period}|${level}`;
  let stats = memo.get(key);
  if (stats === undefined) {
    stats = computeLevelStatistics(cube, indicatorId, period, level);
    memo.set(key, stats);
  }
  return stats;
}

function computeLevelStatistics(cube: DataCube, indicatorId: string, period: string, level: Level): LevelStatistics {
  let codes: string[] = [];
  let values = new Float64Array(0);
  if (level === 'provincie' || level === 'ggdregio') {
    const derived = regionValues(cube, indicatorId, period, level);
    codes = [...derived.keys()];
    values = Float64Array.from(codes, (c) => derived.get(c)!.value ?? NaN);
  } else {
    const column = cube.column(indicatorId, period);
    if (column !== undefined) {
      const idx: number[] = [];
      column.codes.forEach((c, i) => {
        if (levelOf(cube, c) === level) {
          codes.push(c);
          idx.push(i);
        }
      });
      values = Float64Array.from(idx, (i) => (column.missing[i] === 0 ? column.values[i]! : NaN));
    }
  }
  const m = moments(values);
  return { indicatorId, period, level, codes, values, sorted: sortedPresent(values), n: m.n, mean: m.mean, sd: m.sd };
}

export type ComparatorRole = 'gemeente' | 'ggdregio' | 'provincie' | 'land';

export interface Comparison {
  role: ComparatorRole;
  code: string;
  value: ProfileValue;
  /** Area − comparator in the indicator's unit (percentage points for percentages); null when either is missing. */
  difference: number | null;
  judgement: Judgement;
}

/** Compares the area's value with one comparator's, judged against the spread of the area's level. */
export function compareWith(areaValue: number | null, comparator: { role: ComparatorRole; code: string; value: ProfileValue }, levelSd: number, polarity: Polarity): Comparison {
  const other = comparator.value.value;
  const difference = areaValue === null || other === null ? null : areaValue - other;
  return { ...comparator, difference, judgement: judge(difference, levelSd, polarity) };
}
