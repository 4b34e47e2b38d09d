// Estimates of a target group for every area of a level: number, share of residents, density, a plausible
// range, the contribution of each factor and the inputs that were missing. The formulas are in
// docs/methods.md; this file is their one implementation.
//
// Speed: the plan (which column, which row of it, for every input and area) is built once per cube, target,
// level and periods and cached; the evaluation then only walks typed arrays, so a user-defined target over
// every wijk costs well under a millisecond.
import type { Column, DataCube } from '../cube.ts';
import { NETHERLANDS, levelOfCode, parentFromCode } from '../../shared/codes.ts';
import { MISSING_REASONS } from '../../shared/types.ts';
import type { Level } from '../../shared/types.ts';
import { IDS } from './targets.ts';
import type { RelativeRisk, TargetDefinition } from './targets.ts';
import type { MissingInputInfo, TargetEstimateRow } from '../../shared/api.ts';

/**
 * Relative half-width assumed for the small-area estimates (RIVM SAE) of a share, per level. 50090NED publishes
 * point estimates only; these planning values follow the usual width of SAE intervals (narrow for gemeenten,
 * wider for small areas). Changeable per call.
 */
export const DEFAULT_SHARE_MARGINS: Readonly<Record<Level, number>> = {
  land: 0,
  provincie: 0.02,
  ggdregio: 0.02,
  gemeente: 0.05,
  wijk: 0.1,
  buurt: 0.15,
};

export interface EstimateOptions {
  level: Level;
  /** KWB period of the counts; default: the one whose codes match the share indicators' codes best (then latest). */
  populationPeriod?: string;
  /** Period of the percentage indicators; default: the latest period they all have. */
  sharePeriod?: string;
  /** Overrides of DEFAULT_SHARE_MARGINS. */
  shareMargins?: Partial<Record<Level, number>>;
}

/** An input that was missing for an area, and why: the area then has no estimate (never 0). */
/** Which input of an estimate was missing for an area, and why (the shape the API returns). */
export type MissingInput = MissingInputInfo;

/** Which indicator and period served a role, after fallbacks (e.g. overgewicht_18plus for a missing 18–64). */
export interface UsedIndicator {
  role: string;
  requested: string;
  used: string;
  period: string;
}

export interface PopulationPeriodChoice {
  period: string;
  /** Per candidate period: codes of the level present in both the counts and the share indicators. */
  overlap: { period: string; codesInBoth: number; onlyInCounts: number; onlyInShares: number }[];
}

/**
 * The estimates of one target for all areas of a level, as columns aligned with `codes`. NaN marks "no
 * estimate"; `missing[i]` then says why.
 */
export interface EstimateTable {
  targetId: string;
  level: Level;
  populationPeriod: string;
  sharePeriod: string | null;
  periodChoice: PopulationPeriodChoice | null;
  codes: readonly string[];
  /** Estimated number of persons. */
  estimate: Float64Array;
  low: Float64Array;
  high: Float64Array;
  /** Estimate as % of all residents (`inwoners`). */
  share: Float64Array;
  /** Estimate per km² of land. */
  density: Float64Array;
  inhabitants: Float64Array;
  /** Additive decomposition: estimate = Σ termParts + Σ factorParts + normalisationPart. */
  termParts: Float64Array[];
  factorParts: Float64Array[];
  normalisationPart: Float64Array;
  /** Multiplier of each factor (local relative to national). */
  multipliers: Float64Array[];
  missing: readonly (readonly MissingInput[] | null)[];
  terms: { labelNl: string }[];
  factors: { id: string; labelNl: string }[];
  /** National scaling factor of the calibration (1 without calibration). */
  calibrationFactor: number;
  /** Factor k that keeps the level's total unchanged by the adjustments (1 without renormalisation). */
  renormalisationFactor: number;
  usedIndicators: UsedIndicator[];
}

/** One area's estimate as a plain object, for the API and tables (the API adds the area's name). */
export type EstimateRow = Omit<TargetEstimateRow, 'name'>;

// ------------------------------------------------------------------------------------------------------------
// Plan

interface ColumnRef {
  indicatorId: string;
  period: string;
  column: Column;
  /** Row of each area of the plan in `column`, −1 when the area is not in its dataset. */
  rows: Int32Array;
  /** Value for NL00, NaN when absent. */
  national: number;
  isEstimate: boolean;
}

interface TermPlan {
  population: ColumnRef;
  fraction: number;
  share: ColumnRef | null;
  rate: number;
}

interface CategoryPlan {
  kind: 'percent' | 'count-ratio';
  a: ColumnRef;
  /** minus (percent) or denominator (count-ratio). */
  b: ColumnRef | null;
  complement: boolean;
  rr: RelativeRisk;
  /** National exposure share (0–1). */
  nationalP: number;
}

interface FactorPlan {
  categories: CategoryPlan[];
  /** National 1 + Σ p(RR − 1) at the RR estimate, low and high. */
  dNat: number;
  dNatLow: number;
  dNatHigh: number;
}

interface Plan {
  codes: string[];
  terms: TermPlan[];
  factors: FactorPlan[];
  inhabitants: ColumnRef | null;
  landArea: ColumnRef | null;
  calibrationFactor: number;
  margin: number;
  populationPeriod: string;
  sharePeriod: string | null;
  periodChoice: PopulationPeriodChoice | null;
  usedIndicators: UsedIndicator[];
}

function ref(cube: DataCube, indicatorId: string, period: string, codes: readonly string[]): ColumnRef {
  const column = cube.column(indicatorId, period);
  if (column === undefined) throw new Error(`no values for ${indicatorId} in ${period}`);
  const rows = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) rows[i] = column.indexOf.get(codes[i]!) ?? -1;
  const n = column.indexOf.get(NETHERLANDS);
  return {
    indicatorId,
    period,
    column,
    rows,
    national: n === undefined ? Number.NaN : column.values[n]!,
    isEstimate: cube.indicators.get(indicatorId)?.isEstimate ?? false,
  };
}

/** First of `ids` that has a column for `period`; throws naming all of them when none has. */
function firstAvailable(cube: DataCube, ids: readonly string[], period: string, role: string): string {
  for (const id of ids) if (cube.column(id, period) !== undefined) return id;
  throw new Error(`${role}: none of ${ids.join(', ')} has values for ${period}`);
}

function periodsOf(cube: DataCube, id: string): string[] {
  return cube.indicators.get(id)?.periods.map((p) => p.period) ?? [];
}

/** Percentage indicators of a target, each as its chain of alternatives (primary, then fallbacks). */
function shareChains(target: TargetDefinition): string[][] {
  const chains: string[][] = [];
  for (const term of target.terms) if (term.share !== undefined) chains.push([term.share, ...term.shareFallbacks]);
  for (const factor of target.factors) {
    for (const { exposure } of factor.categories) {
      if (exposure.kind === 'percent') {
        chains.push([exposure.indicator, ...exposure.fallbacks]);
        if (exposure.minus !== undefined) chains.push([exposure.minus]);
      }
    }
  }
  return chains;
}

function countIds(target: TargetDefinition): string[] {
  const ids = new Set<string>(target.terms.map((term) => term.population));
  for (const factor of target.factors) {
    for (const { exposure } of factor.categories) {
      if (exposure.kind === 'count-ratio') {
        ids.add(exposure.count);
        ids.add(exposure.denominator);
      }
    }
  }
  return [...ids];
}

/** Latest period in which every chain has at least one indicator with values; null when there are no chains. */
export function chooseSharePeriod(cube: DataCube, target: TargetDefinition): string | null {
  const chains = shareChains(target);
  if (chains.length === 0) return null;
  const perChain = chains.map((chain) => new Set(chain.flatMap((id) => periodsOf(cube, id))));
  const sorted = [...perChain[0]!].filter((p) => perChain.every((periods) => periods.has(p))).sort();
  if (sorted.length === 0) throw new Error(`target ${target.id}: its percentage indicators have no period in common`);
  return sorted.at(-1)!;
}

/**
 * The population period whose codes of `level` match the share indicators' codes best (RIVM is on the 2020
 * classification, KWB on 2021/2022): most codes in both, then the most recent. Candidates are the periods in
 * which every count indicator of the target has values.
 */
export function choosePopulationPeriod(
  cube: DataCube,
  target: TargetDefinition,
  level: Level,
  sharePeriod: string | null,
): PopulationPeriodChoice {
  const counts = countIds(target);
  const candidates = periodsOf(cube, counts[0]!).filter((p) => counts.every((id) => cube.column(id, p) !== undefined));
  if (candidates.length === 0) throw new Error(`target ${target.id}: no period has all of ${counts.join(', ')}`);
  const shareCodes = new Set<string>();
  if (sharePeriod !== null) {
    for (const chain of shareChains(target)) {
      const id = chain.find((c) => cube.column(c, sharePeriod) !== undefined);
      if (id === undefined) continue;
      for (const code of cube.column(id, sharePeriod)!.codes) if (levelOfCode(code) === level) shareCodes.add(code);
      break;
    }
  }
  const overlap = candidates.map((period) => {
    const codes = cube.column(counts[0]!, period)!.codes.filter((code) => levelOfCode(code) === level);
    const inBoth = codes.filter((code) => shareCodes.has(code)).length;
    return { period, codesInBoth: inBoth, onlyInCounts: codes.length - inBoth, onlyInShares: shareCodes.size - inBoth };
  });
  const best = [...overlap].sort((x, y) => y.codesInBoth - x.codesInBoth || y.period.localeCompare(x.period))[0]!;
  return { period: best.period, overlap };
}

function buildPlan(cube: DataCube, target: TargetDefinition, options: EstimateOptions): Plan {
  const { level } = options;
  const sharePeriod = options.sharePeriod ?? chooseSharePeriod(cube, target);
  const periodChoice = options.populationPeriod === undefined ? choosePopulationPeriod(cube, target, level, sharePeriod) : null;
  const populationPeriod = options.populationPeriod ?? periodChoice!.period;
  const usedIndicators: UsedIndicator[] = [];
  const use = (role: string, ids: readonly string[], period: string): { id: string; period: string } => {
    const id = firstAvailable(cube, ids, period, role);
    usedIndicators.push({ role, requested: ids[0]!, used: id, period });
    return { id, period };
  };

  // Resolve which indicator serves each role, then collect the universe of codes of the level.
  const termIds = target.terms.map((term, t) => ({
    population: use(`terms.${t}.population`, [term.population], populationPeriod),
    share: term.share === undefined ? null : use(`terms.${t}.share`, [term.share, ...term.shareFallbacks], sharePeriod!),
  }));
  const categoryIds = target.factors.map((factor, f) =>
    factor.categories.map((category, c) => {
      const role = `factors.${f}.categories.${c}`;
      const e = category.exposure;
      return e.kind === 'percent'
        ? { a: use(role, [e.indicator, ...e.fallbacks], sharePeriod!), b: e.minus === undefined ? null : use(`${role}.minus`, [e.minus], sharePeriod!) }
        : { a: use(role, [e.count], populationPeriod), b: use(`${role}.denominator`, [e.denominator], populationPeriod) };
    }),
  );
  const inputs = [...termIds.flatMap((t) => [t.population, t.share]), ...categoryIds.flat().flatMap((c) => [c.a, c.b])].filter(
    (x): x is { id: string; period: string } => x !== null,
  );
  const universe = new Set<string>();
  for (const input of inputs) for (const code of cube.column(input.id, input.period)!.codes) if (levelOfCode(code) === level) universe.add(code);
  const codes = [...universe].sort();

  const terms: TermPlan[] = target.terms.map((term, t) => ({
    population: ref(cube, termIds[t]!.population.id, populationPeriod, codes),
    fraction: term.populationFraction,
    share: termIds[t]!.share === null ? null : ref(cube, termIds[t]!.share!.id, sharePeriod!, codes),
    rate: term.rate ?? 1,
  }));
  const factors: FactorPlan[] = target.factors.map((factor, f) => {
    const categories: CategoryPlan[] = factor.categories.map((category, c) => {
      const ids = categoryIds[f]![c]!;
      const a = ref(cube, ids.a.id, ids.a.period, codes);
      const b = ids.b === null ? null : ref(cube, ids.b.id, ids.b.period, codes);
      const plan: CategoryPlan = {
        kind: category.exposure.kind,
        a,
        b,
        complement: category.exposure.kind === 'percent' && category.exposure.complement,
        rr: category.relativeRisk,
        nationalP: 0,
      };
      plan.nationalP = exposureOf(plan, a.national, b === null ? 0 : b.national);
      if (Number.isNaN(plan.nationalP)) {
        throw new Error(`target ${target.id}: factor ${factor.id} needs the national (NL00) value of ${a.indicatorId}${b === null ? '' : ` and ${b.indicatorId}`}`);
      }
      if (!isExposure(plan.nationalP)) {
        throw new Error(
          `target ${target.id}: factor ${factor.id}: the national (NL00) exposure from ${a.indicatorId}${b === null ? '' : ` and ${b.indicatorId}`} is ${plan.nationalP}, not a share between 0 and 1; check the indicators of this category`,
        );
      }
      return plan;
    });
    const d = (pick: (rr: RelativeRisk) => number): number => 1 + categories.reduce((s, c) => s + c.nationalP * (pick(c.rr) - 1), 0);
    const factorPlan = { categories, dNat: d((rr) => rr.estimate), dNatLow: d((rr) => rr.low), dNatHigh: d((rr) => rr.high) };
    // The multiplier divides by these: at or below 0 it would flip the direction of every relative risk.
    if (!(factorPlan.dNat > 0 && factorPlan.dNatLow > 0 && factorPlan.dNatHigh > 0)) {
      throw new Error(
        `target ${target.id}: factor ${factor.id}: the national denominator 1 + Σ p × (RR − 1) is ${Math.min(factorPlan.dNat, factorPlan.dNatLow, factorPlan.dNatHigh)}, not positive; the exposures and relative risks of this factor do not fit together`,
      );
    }
    return factorPlan;
  });

  let calibrationFactor = 1;
  if (target.calibration !== undefined) {
    let national = 0;
    for (const term of terms) national += term.population.national * term.fraction * (term.share === null ? term.rate : term.share.national / 100);
    if (!(national > 0)) throw new Error(`target ${target.id}: calibration needs national (NL00) values of every term`);
    calibrationFactor = target.calibration.nationalTotal / national;
  }
  const inhabitantsId = cube.column(IDS.inwoners, populationPeriod) === undefined ? null : IDS.inwoners;
  const landPeriod = cube.column(IDS.landArea, populationPeriod) !== undefined ? populationPeriod : cube.latestPeriod(IDS.landArea);
  return {
    codes,
    terms,
    factors,
    inhabitants: inhabitantsId === null ? null : ref(cube, inhabitantsId, populationPeriod, codes),
    landArea: landPeriod === undefined ? null : ref(cube, IDS.landArea, landPeriod, codes),
    calibrationFactor,
    margin: options.shareMargins?.[level] ?? DEFAULT_SHARE_MARGINS[level],
    populationPeriod,
    sharePeriod,
    periodChoice,
    usedIndicators,
  };
}

/**
 * Exposure share (0–1) from the values of a category's columns: `b` is the denominator (count-ratio) or the
 * subtracted percentage (0 when there is none). NaN in, NaN out; no residents means no exposure.
 */
/** Whether `p` can be an exposure share: finite and within 0–1 (a count over its denominator can exceed 1). */
function isExposure(p: number): boolean {
  return Number.isFinite(p) && p >= 0 && p <= 1;
}

function exposureOf(c: { kind: 'percent' | 'count-ratio'; complement: boolean }, a: number, b: number): number {
  if (c.kind === 'count-ratio') return b === 0 && a === 0 ? 0 : a / b;
  const percent = a - b;
  return (c.complement ? 100 - percent : percent) / 100;
}

const planCache = new WeakMap<DataCube, Map<string, Plan>>();

function planFor(cube: DataCube, target: TargetDefinition, options: EstimateOptions): Plan {
  let plans = planCache.get(cube);
  if (plans === undefined) {
    plans = new Map();
    planCache.set(cube, plans);
  }
  const key = JSON.stringify([target, options]);
  let plan = plans.get(key);
  if (plan === undefined) {
    plan = buildPlan(cube, target, options);
    plans.set(key, plan);
  }
  return plan;
}

// ------------------------------------------------------------------------------------------------------------
// Evaluation

/** Value of a column for plan row i; NaN when missing (the reason is read only when building the report). */
function valueAt(ref: ColumnRef, i: number): number {
  const row = ref.rows[i]!;
  return row < 0 ? Number.NaN : ref.column.values[row]!;
}

function missingOf(ref: ColumnRef, i: number): MissingInput | null {
  const row = ref.rows[i]!;
  if (row < 0) return { indicatorId: ref.indicatorId, period: ref.period, reason: 'not-in-dataset' };
  const code = ref.column.missing[row]!;
  if (code === 0 && !Number.isNaN(ref.column.values[row]!)) return null;
  return { indicatorId: ref.indicatorId, period: ref.period, reason: MISSING_REASONS[code - 1] ?? 'empty' };
}

/** Logarithmic mean: the weight that makes the log decomposition of a product add up exactly (LMDI). */
function logMean(a: number, b: number): number {
  if (a === b || a <= 0 || b <= 0) return a;
  return (a - b) / (Math.log(a) - Math.log(b));
}

/**
 * Estimates a target for every area of a level. Areas whose inputs are missing get NaN and the list of missing
 * inputs; every formula is documented in docs/methods.md.
 */
export function estimateTarget(cube: DataCube, target: TargetDefinition, options: EstimateOptions): EstimateTable {
  const plan = planFor(cube, target, options);
  const n = plan.codes.length;
  const nTerms = plan.terms.length;
  const nFactors = plan.factors.length;
  const estimate = new Float64Array(n);
  const low = new Float64Array(n);
  const high = new Float64Array(n);
  const share = new Float64Array(n);
  const density = new Float64Array(n);
  const inhabitants = new Float64Array(n);
  const base = new Float64Array(n);
  const termParts = Array.from({ length: nTerms }, () => new Float64Array(n));
  const factorParts = Array.from({ length: nFactors }, () => new Float64Array(n));
  const multipliers = Array.from({ length: nFactors }, () => new Float64Array(n));
  const normalisationPart = new Float64Array(n);
  const missing: (MissingInput[] | null)[] = new Array<MissingInput[] | null>(n).fill(null);
  const c = plan.calibrationFactor;
  const margin = plan.margin;
  let sumBase = 0;
  let sumAdjusted = 0;

  for (let i = 0; i < n; i++) {
    let b = 0;
    let shareBased = 0;
    let ok = true;
    for (let t = 0; t < nTerms; t++) {
      const term = plan.terms[t]!;
      const pop = valueAt(term.population, i);
      const s = term.share === null ? term.rate : valueAt(term.share, i) / 100;
      const part = pop * term.fraction * s * c;
      termParts[t]![i] = part;
      if (Number.isNaN(part)) ok = false;
      else {
        b += part;
        if (term.share !== null && term.share.isEstimate) shareBased += part;
      }
    }
    // Relative squared deviations down and up, combined in quadrature (independent sources).
    const shareRel = b > 0 ? (margin * shareBased) / b : 0;
    let down2 = shareRel * shareRel;
    let up2 = down2;
    let product = 1;
    for (let f = 0; f < nFactors; f++) {
      const factor = plan.factors[f]!;
      let num = 1;
      let numLow = 1;
      let numHigh = 1;
      let numExpLow = 1;
      let numExpHigh = 1;
      for (const cat of factor.categories) {
        const p = exposureOf(cat, valueAt(cat.a, i), cat.b === null ? 0 : valueAt(cat.b, i));
        // Out of 0–1 (e.g. a count above its denominator, or x/0) is no share at all: missing, never a number.
        if (!isExposure(p)) ok = false;
        const excess = cat.rr.estimate - 1;
        num += p * excess;
        numLow += p * (cat.rr.low - 1);
        numHigh += p * (cat.rr.high - 1);
        const pm = cat.a.isEstimate ? p * margin : 0;
        numExpLow += (p - pm) * excess;
        numExpHigh += (p + pm) * excess;
      }
      const m = num / factor.dNat;
      multipliers[f]![i] = m;
      product *= m;
      const r1 = numLow / factor.dNatLow / m - 1;
      const r2 = numHigh / factor.dNatHigh / m - 1;
      const r3 = numExpLow / factor.dNat / m - 1;
      const r4 = numExpHigh / factor.dNat / m - 1;
      const rrDown = Math.min(r1, r2, 0);
      const rrUp = Math.max(r1, r2, 0);
      const expDown = Math.min(r3, r4, 0);
      const expUp = Math.max(r3, r4, 0);
      down2 += rrDown * rrDown + expDown * expDown;
      up2 += rrUp * rrUp + expUp * expUp;
    }
    if (!ok) {
      estimate[i] = Number.NaN;
      low[i] = Number.NaN;
      high[i] = Number.NaN;
      base[i] = Number.NaN;
      continue;
    }
    base[i] = b;
    estimate[i] = b * product;
    low[i] = Math.sqrt(down2);
    high[i] = Math.sqrt(up2);
    sumBase += b;
    sumAdjusted += b * product;
  }

  const k = target.renormalise && nFactors > 0 && sumAdjusted > 0 ? sumBase / sumAdjusted : 1;
  const logK = Math.log(k);
  for (let i = 0; i < n; i++) {
    const pop = plan.inhabitants === null ? Number.NaN : valueAt(plan.inhabitants, i);
    inhabitants[i] = pop;
    const b = base[i]!;
    if (Number.isNaN(b)) {
      share[i] = Number.NaN;
      density[i] = Number.NaN;
      normalisationPart[i] = Number.NaN;
      for (let f = 0; f < nFactors; f++) factorParts[f]![i] = Number.NaN;
      const list: MissingInput[] = [];
      const note = (r: ColumnRef | null): void => {
        const m = r === null ? null : missingOf(r, i);
        if (m !== null && !list.some((x) => x.indicatorId === m.indicatorId && x.period === m.period)) list.push(m);
      };
      for (const term of plan.terms) {
        note(term.population);
        note(term.share);
      }
      for (const factor of plan.factors) {
        for (const cat of factor.categories) {
          note(cat.a);
          note(cat.b);
          const present = missingOf(cat.a, i) === null && (cat.b === null || missingOf(cat.b, i) === null);
          if (present && !isExposure(exposureOf(cat, valueAt(cat.a, i), cat.b === null ? 0 : valueAt(cat.b, i)))) {
            // Both inputs are there but give no share between 0 and 1: reported as unreliable, the closest reason.
            if (!list.some((x) => x.indicatorId === cat.a.indicatorId && x.period === cat.a.period)) {
              list.push({ indicatorId: cat.a.indicatorId, period: cat.a.period, reason: 'unreliable' });
            }
          }
        }
      }
      missing[i] = list;
      continue;
    }
    const e = estimate[i]! * k;
    estimate[i] = e;
    const relDown = low[i]!;
    const relUp = high[i]!;
    low[i] = Math.max(0, e * (1 - relDown));
    high[i] = e * (1 + relUp);
    share[i] = pop > 0 ? (e / pop) * 100 : Number.NaN;
    const landHa = plan.landArea === null ? Number.NaN : valueAt(plan.landArea, i);
    density[i] = landHa > 0 ? e / (landHa / 100) : Number.NaN;
    // LMDI: each factor's share of (estimate − base) is L(e, b)·ln(multiplier); the parts add up exactly.
    const w = logMean(e, b);
    for (let f = 0; f < nFactors; f++) {
      const m = multipliers[f]![i]!;
      factorParts[f]![i] = b > 0 && e > 0 ? w * Math.log(m) : 0;
    }
    normalisationPart[i] = b > 0 && e > 0 ? w * logK : 0;
  }

  return {
    targetId: target.id,
    level: options.level,
    populationPeriod: plan.populationPeriod,
    sharePeriod: plan.sharePeriod,
    periodChoice: plan.periodChoice,
    codes: plan.codes,
    estimate,
    low,
    high,
    share,
    density,
    inhabitants,
    termParts,
    factorParts,
    normalisationPart,
    multipliers,
    missing,
    terms: target.terms.map((term) => ({ labelNl: term.labelNl })),
    factors: target.factors.map((factor) => ({ id: factor.id, labelNl: factor.labelNl })),
    calibrationFactor: plan.calibrationFactor,
    renormalisationFactor: k,
    usedIndicators: plan.usedIndicators,
  };
}

const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

/** Row i of a table as a plain object (nulls for missing), for the API. */
export function estimateRow(table: EstimateTable, i: number): EstimateRow {
  return {
    code: table.codes[i]!,
    estimate: orNull(table.estimate[i]!),
    low: orNull(table.low[i]!),
    high: orNull(table.high[i]!),
    share: orNull(table.share[i]!),
    density: orNull(table.density[i]!),
    terms: table.terms.map((term, t) => ({ labelNl: term.labelNl, value: orNull(table.termParts[t]![i]!) })),
    factors: table.factors.map((factor, f) => ({
      id: factor.id,
      labelNl: factor.labelNl,
      multiplier: orNull(table.multipliers[f]![i]!),
      contribution: orNull(table.factorParts[f]![i]!),
    })),
    normalisation: orNull(table.normalisationPart[i]!),
    missing: table.missing[i] ?? [],
  };
}

/** Areas without an estimate, with the inputs that were missing. */
export function unestimable(table: EstimateTable): { code: string; missing: readonly MissingInput[] }[] {
  const result: { code: string; missing: readonly MissingInput[] }[] = [];
  table.missing.forEach((m, i) => {
    if (m !== null) result.push({ code: table.codes[i]!, missing: m });
  });
  return result;
}

// ------------------------------------------------------------------------------------------------------------
// Additivity

export interface AdditivityRow {
  parentCode: string;
  parentEstimate: number | null;
  /** Sum of the children that have an estimate. */
  childSum: number;
  childCount: number;
  /** Children without an estimate: their sum is then incomplete and the comparison is not meaningful. */
  childrenMissing: number;
  /** (childSum − parentEstimate) / parentEstimate; null when the parent has no estimate or children are missing. */
  relativeDeviation: number | null;
  withinMargin: boolean | null;
}

/** Default margin for additivity: the level-specific models are not linear, so sums differ a little. */
export const DEFAULT_ADDITIVITY_MARGIN = 0.05;

/**
 * Compares the children's estimates (e.g. wijken) summed per parent with the parent's own estimate (gemeente).
 * Parents come from the code (WK → GM) unless `parentOf` is given.
 */
export function additivityCheck(
  children: EstimateTable,
  parents: EstimateTable,
  options: { relativeMargin?: number; parentOf?: (code: string) => string | null } = {},
): AdditivityRow[] {
  const margin = options.relativeMargin ?? DEFAULT_ADDITIVITY_MARGIN;
  const parentOf = options.parentOf ?? parentFromCode;
  const sums = new Map<string, { sum: number; count: number; missing: number }>();
  children.codes.forEach((code, i) => {
    const parent = parentOf(code);
    if (parent === null) return;
    const entry = sums.get(parent) ?? { sum: 0, count: 0, missing: 0 };
    const e = children.estimate[i]!;
    if (Number.isNaN(e)) entry.missing += 1;
    else {
      entry.sum += e;
      entry.count += 1;
    }
    sums.set(parent, entry);
  });
  const parentIndex = new Map(parents.codes.map((code, i) => [code, i]));
  return [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([parentCode, entry]) => {
      const i = parentIndex.get(parentCode);
      const pe = i === undefined ? Number.NaN : parents.estimate[i]!;
      const comparable = !Number.isNaN(pe) && pe > 0 && entry.missing === 0;
      const deviation = comparable ? (entry.sum - pe) / pe : null;
      return {
        parentCode,
        parentEstimate: orNull(pe),
        childSum: entry.sum,
        childCount: entry.count,
        childrenMissing: entry.missing,
        relativeDeviation: deviation,
        withinMargin: deviation === null ? null : Math.abs(deviation) <= margin,
      };
    });
}
