// Values for areas the sources do not publish: GGD-regio's and provincies. RIVM publishes its health estimates
// for gemeenten, wijken and buurten and Nederland only, so a region's value is the population-weighted mean of
// its gemeenten — labelled `derived: 'weighted-mean'` with its method and coverage, never passed off as a
// published figure. Results are memoised per cube (WeakMap), so a profile request reuses them.
import type { AgeGroup, Level, MissingReason } from '../../shared/types.ts';
import { levelOfCode } from '../../shared/codes.ts';
import type { DataCube } from '../cube.ts';

/**
 * Why a profile value is absent: a reason from the source (via `cube.cell`), or 'not-derivable' when a derived
 * figure (a share, a regional mean) has no usable inputs at all.
 */
export type ProfileMissingReason = MissingReason | 'not-derivable';

/** Indicator ids the weights are read from (catalog `src/import/catalog/kwb.ts`). */
export const WEIGHT_INDICATORS = {
  inhabitants: 'inwoners',
  /** KWB counts of persons by age group. */
  count0to14: 'leeftijd_0_14',
  count15to24: 'leeftijd_15_24',
  count65plus: 'leeftijd_65plus',
  /** PDOK gemeente figures give the same age groups as percentages of inhabitants. */
  share0to14: 'aandeel_0_14',
  share15to24: 'aandeel_15_24',
  share65plus: 'aandeel_65plus',
} as const;

/**
 * CBS publishes ages in bands 0–14 and 15–24; adults (18+) are estimated as all inhabitants minus the 0–14 band
 * minus 3/10 of the 15–24 band (ages 15, 16 and 17, assuming an even spread within the band).
 */
export const UNDER_18_SHARE_OF_15_24 = 0.3;

export interface Weight {
  weight: number;
  /** Period and dataset of the population figures used. */
  period: string;
  datasetId: string;
  classificationYear: number;
}

export interface WeightedMeanInfo {
  method: 'weighted-mean';
  descriptionNl: string;
  descriptionEn: string;
  /** Population group that weighs each gemeente. */
  weightGroup: AgeGroup | 'all';
  /** Gemeenten of the region in the indicator's dataset. */
  members: number;
  /** Gemeenten whose value and weight both entered the mean. */
  membersUsed: number;
  /** Gemeenten with a missing value (left out of the mean). */
  membersWithoutValue: string[];
  /** Gemeenten with a value but no population figure to weigh it (left out, reported). */
  membersWithoutWeight: string[];
  /** Periods (and their classification years) of the population figures used as weights. */
  weightSources: { period: string; datasetId: string; classificationYear: number }[];
}

export interface DerivedValue {
  value: number | null;
  missing: ProfileMissingReason | null;
  derived: WeightedMeanInfo;
}

export type RegionLevel = 'provincie' | 'ggdregio';

/** Population weights for gemeenten: which group, matched to which classification year. */
export function populationWeights(cube: DataCube, group: AgeGroup | 'all', classificationYear: number): ReadonlyMap<string, Weight> {
  const memo = memoFor(cube).weights;
  const key = `${group}|${classificationYear}`;
  let weights = memo.get(key);
  if (weights === undefined) {
    weights = computeWeights(cube, group, classificationYear);
    memo.set(key, weights);
  }
  return weights;
}

/**
 * Weighted means of one indicator × period for every region of a level, keyed by region code. Gemeenten are
 * the gemeente-level areas of the indicator's column; their region is the register's provinceCode or
 * ggdRegionCode.
 */
export function regionValues(cube: DataCube, indicatorId: string, period: string, level: RegionLevel): ReadonlyMap<string, DerivedValue> {
  const memo = memoFor(cube).regions;
  const key = `${indicatorId}|${period}|${level}`;
  let values = memo.get(key);
  if (values === undefined) {
    values = computeRegionValues(cube, indicatorId, period, level);
    memo.set(key, values);
  }
  return values;
}

/** The weighted mean for one region, or a 'not-derivable' value when none of its gemeenten can be used. */
export function regionValue(cube: DataCube, indicatorId: string, period: string, regionCode: string): DerivedValue | null {
  const level = cube.area(regionCode)?.level ?? levelOfCode(regionCode);
  if (level !== 'provincie' && level !== 'ggdregio') return null;
  return regionValues(cube, indicatorId, period, level).get(regionCode) ?? emptyRegion(cube, indicatorId);
}

interface Memo {
  weights: Map<string, ReadonlyMap<string, Weight>>;
  regions: Map<string, ReadonlyMap<string, DerivedValue>>;
}

const memos = new WeakMap<DataCube, Memo>();

function memoFor(cube: DataCube): Memo {
  let memo = memos.get(cube);
  if (memo === undefined) {
    memo = { weights: new Map(), regions: new Map() };
    memos.set(cube, memo);
  }
  return memo;
}

function weightGroupOf(cube: DataCube, indicatorId: string): AgeGroup | 'all' {
  return cube.indicators.get(indicatorId)?.ageGroup ?? 'all';
}

function classificationYearOf(cube: DataCube, indicatorId: string, period: string): number | null {
  const p = cube.indicators.get(indicatorId)?.periods.find((x) => x.period === period);
  return p === undefined ? null : p.provenance.classificationYear;
}

function describe(group: AgeGroup | 'all'): { nl: string; en: string } {
  const nl = { all: 'inwoners', '18+': 'inwoners van 18 jaar en ouder', '18-64': 'inwoners van 18 tot 65 jaar', '65+': 'inwoners van 65 jaar en ouder' }[group];
  const en = { all: 'inhabitants', '18+': 'inhabitants aged 18 and over', '18-64': 'inhabitants aged 18 to 64', '65+': 'inhabitants aged 65 and over' }[group];
  return {
    nl: `Berekend door buurtbeeld, geen gepubliceerd cijfer: gemiddelde van de gemeenten in dit gebied, gewogen naar het aantal ${nl} (CBS-bevolkingscijfers van de gebiedsindeling die het dichtst bij die van het cijfer ligt).`,
    en: `Computed by buurtbeeld, not a published figure: mean of the gemeenten in this area, weighted by the number of ${en} (CBS population figures on the classification closest to the figure's).`,
  };
}

function emptyRegion(cube: DataCube, indicatorId: string): DerivedValue {
  const group = weightGroupOf(cube, indicatorId);
  const text = describe(group);
  return {
    value: null,
    missing: 'not-derivable',
    derived: {
      method: 'weighted-mean',
      descriptionNl: text.nl,
      descriptionEn: text.en,
      weightGroup: group,
      members: 0,
      membersUsed: 0,
      membersWithoutValue: [],
      membersWithoutWeight: [],
      weightSources: [],
    },
  };
}

function computeRegionValues(cube: DataCube, indicatorId: string, period: string, level: RegionLevel): Map<string, DerivedValue> {
  const out = new Map<string, DerivedValue>();
  const column = cube.column(indicatorId, period);
  if (column === undefined) return out;
  const group = weightGroupOf(cube, indicatorId);
  const year = classificationYearOf(cube, indicatorId, period) ?? 0;
  const weights = populationWeights(cube, group, year);
  const text = describe(group);
  interface Acc {
    sum: number;
    weight: number;
    members: number;
    used: number;
    withoutValue: string[];
    withoutWeight: string[];
    sources: Map<string, { period: string; datasetId: string; classificationYear: number }>;
  }
  const acc = new Map<string, Acc>();
  column.codes.forEach((code, i) => {
    const area = cube.area(code);
    if ((area?.level ?? levelOfCode(code)) !== 'gemeente') return;
    const region = level === 'provincie' ? area?.provinceCode : area?.ggdRegionCode;
    if (region === null || region === undefined) return;
    let a = acc.get(region);
    if (a === undefined) {
      a = { sum: 0, weight: 0, members: 0, used: 0, withoutValue: [], withoutWeight: [], sources: new Map() };
      acc.set(region, a);
    }
    a.members++;
    const v = column.values[i]!;
    if (column.missing[i] !== 0 || Number.isNaN(v)) {
      a.withoutValue.push(code);
      return;
    }
    const w = weights.get(code);
    if (w === undefined) {
      a.withoutWeight.push(code);
      return;
    }
    a.sum += w.weight * v;
    a.weight += w.weight;
    a.used++;
    a.sources.set(`${w.datasetId}|${w.period}`, { period: w.period, datasetId: w.datasetId, classificationYear: w.classificationYear });
  });
  for (const [region, a] of acc) {
    const value = a.weight > 0 ? a.sum / a.weight : null;
    out.set(region, {
      value,
      missing: value === null ? 'not-derivable' : null,
      derived: {
        method: 'weighted-mean',
        descriptionNl: text.nl,
        descriptionEn: text.en,
        weightGroup: group,
        members: a.members,
        membersUsed: a.used,
        membersWithoutValue: a.withoutValue,
        membersWithoutWeight: a.withoutWeight,
        weightSources: [...a.sources.values()],
      },
    });
  }
  return out;
}

/** Periods of an indicator whose dataset is `datasetId` (same edition = same reference date and classification). */
function periodInDataset(cube: DataCube, indicatorId: string, datasetId: string): string | undefined {
  return cube.indicators.get(indicatorId)?.periods.find((p) => p.provenance.datasetId === datasetId)?.period;
}

function present(cube: DataCube, indicatorId: string, period: string | undefined, code: string): number {
  if (period === undefined) return NaN;
  const cell = cube.cell(indicatorId, period, code);
  return cell.value ?? NaN;
}

/** Number of people in `group` for one gemeente from the figures of one dataset, NaN when not derivable. */
function groupSize(cube: DataCube, group: AgeGroup | 'all', datasetId: string, inhabitants: number, code: string): number {
  if (group === 'all') return inhabitants;
  const ids = WEIGHT_INDICATORS;
  const count = (id: string): number => present(cube, id, periodInDataset(cube, id, datasetId), code);
  const share = (id: string): number => (inhabitants * present(cube, id, periodInDataset(cube, id, datasetId), code)) / 100;
  const pick = (a: number, b: number): number => (Number.isNaN(a) ? b : a);
  const age0to14 = pick(count(ids.count0to14), share(ids.share0to14));
  const age15to24 = pick(count(ids.count15to24), share(ids.share15to24));
  const age65plus = pick(count(ids.count65plus), share(ids.share65plus));
  const adults = inhabitants - age0to14 - UNDER_18_SHARE_OF_15_24 * age15to24;
  if (group === '65+') return age65plus;
  if (group === '18+') return adults;
  return adults - age65plus;
}

function computeWeights(cube: DataCube, group: AgeGroup | 'all', classificationYear: number): Map<string, Weight> {
  const out = new Map<string, Weight>();
  const inhabitants = cube.indicators.get(WEIGHT_INDICATORS.inhabitants);
  if (inhabitants === undefined) return out;
  // Nearest classification year first; on a tie the earlier one, because a gemeente of year Y still existed
  // (same code) the year before but may have merged away the year after.
  const candidates = [...inhabitants.periods].sort((a, b) => {
    const da = Math.abs(a.provenance.classificationYear - classificationYear);
    const db = Math.abs(b.provenance.classificationYear - classificationYear);
    return da - db || a.provenance.classificationYear - b.provenance.classificationYear;
  });
  for (const candidate of candidates) {
    const column = cube.column(inhabitants.id, candidate.period);
    if (column === undefined) continue;
    column.codes.forEach((code, i) => {
      if (out.has(code) || (cube.area(code)?.level ?? levelOfCode(code)) !== 'gemeente') return;
      const total = column.values[i]!;
      if (column.missing[i] !== 0 || Number.isNaN(total)) return;
      const size = groupSize(cube, group, column.datasetId, total, code);
      if (!(size > 0)) return;
      out.set(code, { weight: size, period: candidate.period, datasetId: column.datasetId, classificationYear: candidate.provenance.classificationYear });
    });
  }
  return out;
}

/** Level of a code for aggregation purposes (register first, then the code's shape). */
export function levelOf(cube: DataCube, code: string): Level | null {
  return cube.area(code)?.level ?? levelOfCode(code);
}
