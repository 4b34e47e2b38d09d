// Figures for one area from the most recent edition that holds the area's code, and shares derived from counts
// of one and the same edition (numerator and denominator must describe the same population on the same date and
// classification). Used by the population section and the comparable-areas features.
import type { IndicatorPeriod, Provenance } from '../../shared/types.ts';
import type { DataCube } from '../cube.ts';
import type { ProfileMissingReason } from './aggregate.ts';

/** A figure read directly (`numerators` of one id, no denominator) or derived as Σ numerators / Σ denominator × scale. */
export interface FigureSpec {
  numerators: readonly string[];
  /** One id, or several that are summed (e.g. education: low + intermediate + high). */
  denominator?: string | readonly string[];
  /** Multiplier of the ratio: 100 for a percentage, 1000 for "per 1000". Default 1. */
  scale?: number;
}

export interface ResolvedFigure {
  value: number | null;
  missing: ProfileMissingReason | null;
  /** Period of the (first) numerator. */
  period: string;
  datasetId: string;
  classificationYear: number;
  /** True when the newest edition of the first numerator does not contain this area's code (other classification). */
  fellBack: boolean;
  /** Period of the most recent edition (what `fellBack` fell back from). */
  latestPeriod: string;
  /** Provenance of every input, numerators first, then the denominator. */
  inputs: { indicatorId: string; period: string; provenance: Provenance }[];
}

/** The denominator ids of a spec as a list (empty without a denominator). */
export function denominatorIds(spec: FigureSpec): readonly string[] {
  if (spec.denominator === undefined) return [];
  return typeof spec.denominator === 'string' ? [spec.denominator] : spec.denominator;
}

/** Σ numerators / Σ denominators × scale over already-read values (numerators first); NaN when not derivable. */
export function combine(spec: FigureSpec, values: readonly number[]): number {
  const n = spec.numerators.length;
  const numerator = values.slice(0, n).reduce((s, v) => s + v, 0);
  if (spec.denominator === undefined) return numerator;
  const denominator = values.slice(n).reduce((s, v) => s + v, 0);
  return denominator > 0 ? (numerator / denominator) * (spec.scale ?? 1) : NaN;
}

const periodMemo = new WeakMap<DataCube, Map<string, IndicatorPeriod[]>>();

/** Periods of an indicator, newest first (memoised per cube: sub-area tables ask this for every child). */
function newestFirst(cube: DataCube, indicatorId: string): IndicatorPeriod[] {
  let memo = periodMemo.get(cube);
  if (memo === undefined) {
    memo = new Map();
    periodMemo.set(cube, memo);
  }
  let periods = memo.get(indicatorId);
  if (periods === undefined) {
    periods = [...(cube.indicators.get(indicatorId)?.periods ?? [])].sort((a, b) => b.period.localeCompare(a.period));
    memo.set(indicatorId, periods);
  }
  return periods;
}

/**
 * Resolves a figure for `code` from the newest edition whose column of the first numerator contains the code and
 * that holds every other input too. null when the indicator is unknown or no edition contains the code.
 */
export function resolveFigure(cube: DataCube, spec: FigureSpec, code: string): ResolvedFigure | null {
  const [first, ...rest] = spec.numerators;
  if (first === undefined) return null;
  const periods = newestFirst(cube, first);
  const latest = periods[0];
  if (latest === undefined) return null;
  for (const p of periods) {
    const column = cube.column(first, p.period);
    if (column === undefined || !column.indexOf.has(code)) continue;
    const datasetId = p.provenance.datasetId;
    const others = [...rest, ...denominatorIds(spec)];
    const otherPeriods = others.map((id) => cube.indicators.get(id)?.periods.find((q) => q.provenance.datasetId === datasetId));
    if (otherPeriods.some((q) => q === undefined)) continue;
    const inputs = [{ indicatorId: first, period: p.period, provenance: p.provenance }, ...others.map((id, i) => ({ indicatorId: id, period: otherPeriods[i]!.period, provenance: otherPeriods[i]!.provenance }))];
    const cells = inputs.map((input) => cube.cell(input.indicatorId, input.period, code));
    const base = { period: p.period, datasetId, classificationYear: p.provenance.classificationYear, fellBack: p.period !== latest.period && cube.column(first, latest.period)?.indexOf.has(code) !== true, latestPeriod: latest.period, inputs };
    const absent = cells.find((c) => c.value === null);
    if (absent !== undefined) return { ...base, value: null, missing: absent.missing ?? 'empty' };
    const value = combine(spec, cells.map((c) => c.value!));
    return Number.isNaN(value) ? { ...base, value: null, missing: 'not-derivable' } : { ...base, value, missing: null };
  }
  return null;
}
