// Rankings of target-group estimates: top N per province (or GGD-regio), optionally per urbanity stratum
// (large city, smaller town, rural), so that a national programme can pick locations of every kind. Ties share
// a rank ("1224" competition ranking) and ranks whose plausible ranges overlap the next one are flagged: the
// order between them is not certain.
import type { DataCube } from '../cube.ts';
import { parentFromCode } from '../../shared/codes.ts';
import type { EstimateTable } from './estimate.ts';
import { IDS } from './targets.ts';

export const STRATA = ['grote-stad', 'kleinere-stad', 'platteland'] as const;
export type Stratum = (typeof STRATA)[number];

/** Where the strata begin; changeable per request. Urbanity is the CBS class 1 (very urban) … 5 (not urban). */
export interface StratumThresholds {
  /** A large city has at least this many inhabitants … */
  bigCityMinInhabitants: number;
  /** … and an urbanity class of at most this. */
  bigCityMaxUrbanity: number;
  /** Rural: urbanity class of at least this (4 = weinig stedelijk, 5 = niet stedelijk). */
  ruralMinUrbanity: number;
}

export const DEFAULT_STRATUM_THRESHOLDS: StratumThresholds = {
  bigCityMinInhabitants: 100_000,
  bigCityMaxUrbanity: 2,
  ruralMinUrbanity: 4,
};

/** Stratum of a gemeente from its urbanity class and inhabitants; null when the urbanity is unknown. */
export function classifyStratum(
  urbanity: number | null,
  inhabitants: number | null,
  thresholds: StratumThresholds = DEFAULT_STRATUM_THRESHOLDS,
): Stratum | null {
  if (urbanity === null || !Number.isFinite(urbanity)) return null;
  if (urbanity <= thresholds.bigCityMaxUrbanity && inhabitants !== null && inhabitants >= thresholds.bigCityMinInhabitants) {
    return 'grote-stad';
  }
  if (urbanity >= thresholds.ruralMinUrbanity) return 'platteland';
  return 'kleinere-stad';
}

export type RankingMetric = 'number' | 'share' | 'density';

export interface RankingOptions {
  groupBy?: 'provincie' | 'ggdregio';
  metric?: RankingMetric;
  /** How many ranks per group (ties at the last rank are all included). */
  n?: number;
  /** Rank within province × stratum instead of within province. */
  byStratum?: boolean;
  thresholds?: StratumThresholds;
}

export interface RankedArea {
  code: string;
  name: string;
  gemeenteCode: string;
  stratum: Stratum | null;
  /** Competition rank: equal values share a rank, the next rank skips (1, 2, 2, 4). */
  rank: number;
  value: number;
  low: number;
  high: number;
  /** The plausible range reaches into the next area's range: the order between the two is uncertain. */
  overlapsNext: boolean;
}

export interface RankingGroup {
  groupCode: string;
  groupName: string;
  stratum: Stratum | null;
  /** Areas with an estimate in the group (before taking the top N). */
  candidates: number;
  entries: RankedArea[];
}

export type UnrankedReason = 'no-estimate' | 'no-group' | 'no-stratum';

export interface Ranking {
  metric: RankingMetric;
  groupBy: 'provincie' | 'ggdregio';
  groups: RankingGroup[];
  unranked: { code: string; reason: UnrankedReason }[];
}

/**
 * Values compare at the precision they are shown with, so that "equal" means equal to the reader: numbers of
 * persons and densities as whole numbers, shares to one decimal.
 */
function rounded(metric: RankingMetric, value: number): number {
  return metric === 'share' ? Math.round(value * 10) / 10 : Math.round(value);
}

function gemeenteOf(cube: DataCube, code: string): string | null {
  if (code.startsWith('GM')) return code;
  let current: string | null = code;
  while (current !== null && !current.startsWith('GM')) current = cube.area(current)?.parentCode ?? parentFromCode(current);
  return current;
}

/**
 * What does not change between two rankings of the same areas: each row's group (province or GGD-regio, and
 * stratum) or why it has none. Built once per cube, row set and grouping, so that a ranking only sorts values.
 */
interface RankPlan {
  groups: { groupCode: string; groupName: string; stratum: Stratum | null; rows: Int32Array }[];
  /** Per row: index into `groups`, or -1 (no group) / -2 (no stratum). */
  groupOf: Int32Array;
  names: string[];
  gemeenten: (string | null)[];
  strata: (Stratum | null)[];
}

const NO_GROUP = -1;
const NO_STRATUM = -2;

/** Plans per cube → row set (the codes array an estimate table shares) → grouping options. */
const plans = new WeakMap<DataCube, WeakMap<readonly string[], Map<string, RankPlan>>>();

function rankPlan(cube: DataCube, table: EstimateTable, groupBy: 'provincie' | 'ggdregio', byStratum: boolean, thresholds: StratumThresholds): RankPlan {
  let byCodes = plans.get(cube);
  if (byCodes === undefined) plans.set(cube, (byCodes = new WeakMap()));
  let byOptions = byCodes.get(table.codes);
  if (byOptions === undefined) byCodes.set(table.codes, (byOptions = new Map()));
  const key = `${groupBy}|${byStratum}|${table.populationPeriod}|${thresholds.bigCityMinInhabitants}|${thresholds.bigCityMaxUrbanity}|${thresholds.ruralMinUrbanity}`;
  const cached = byOptions.get(key);
  if (cached !== undefined) return cached;

  const inhabitants = cube.column(IDS.inwoners, table.populationPeriod);
  const n = table.codes.length;
  const groupOf = new Int32Array(n);
  const names: string[] = new Array<string>(n);
  const gemeenten: (string | null)[] = new Array<string | null>(n);
  const strata: (Stratum | null)[] = new Array<Stratum | null>(n);
  const index = new Map<string, number>();
  const members: { groupCode: string; stratum: Stratum | null; rows: number[] }[] = [];
  for (let i = 0; i < n; i++) {
    const code = table.codes[i]!;
    names[i] = cube.area(code)?.name ?? code;
    const gemeenteCode = gemeenteOf(cube, code);
    gemeenten[i] = gemeenteCode;
    const gemeente = gemeenteCode === null ? undefined : cube.area(gemeenteCode);
    const groupCode = groupBy === 'provincie' ? gemeente?.provinceCode : gemeente?.ggdRegionCode;
    const row = gemeenteCode === null ? undefined : inhabitants?.indexOf.get(gemeenteCode);
    const gemeenteInhabitants = row === undefined ? null : inhabitants!.values[row]!;
    const stratum = classifyStratum(gemeente?.urbanity ?? null, gemeenteInhabitants === null || Number.isNaN(gemeenteInhabitants) ? null : gemeenteInhabitants, thresholds);
    strata[i] = stratum;
    if (gemeenteCode === null || groupCode === null || groupCode === undefined) {
      groupOf[i] = NO_GROUP;
      continue;
    }
    if (byStratum && stratum === null) {
      groupOf[i] = NO_STRATUM;
      continue;
    }
    const groupKey = byStratum ? `${groupCode}|${stratum}` : groupCode;
    let g = index.get(groupKey);
    if (g === undefined) {
      g = members.length;
      index.set(groupKey, g);
      members.push({ groupCode, stratum: byStratum ? stratum : null, rows: [] });
    }
    members[g]!.rows.push(i);
    groupOf[i] = g;
  }
  const plan: RankPlan = {
    groups: members.map((m) => ({ groupCode: m.groupCode, groupName: cube.area(m.groupCode)?.name ?? m.groupCode, stratum: m.stratum, rows: Int32Array.from(m.rows) })),
    groupOf,
    names,
    gemeenten,
    strata,
  };
  byOptions.set(key, plan);
  return plan;
}

/** Ranks the areas of an estimate table per group (and stratum), top N, with ties and overlap flags. */
export function rankEstimates(cube: DataCube, table: EstimateTable, options: RankingOptions = {}): Ranking {
  const metric = options.metric ?? 'number';
  const groupBy = options.groupBy ?? 'provincie';
  const n = options.n ?? 5;
  const byStratum = options.byStratum === true;
  const plan = rankPlan(cube, table, groupBy, byStratum, options.thresholds ?? DEFAULT_STRATUM_THRESHOLDS);
  const values = metric === 'number' ? table.estimate : metric === 'share' ? table.share : table.density;
  const { codes } = table;

  const unranked: Ranking['unranked'] = [];
  for (let i = 0; i < codes.length; i++) {
    if (Number.isNaN(values[i]!)) unranked.push({ code: codes[i]!, reason: 'no-estimate' });
    else if (plan.groupOf[i] === NO_GROUP) unranked.push({ code: codes[i]!, reason: 'no-group' });
    else if (plan.groupOf[i] === NO_STRATUM) unranked.push({ code: codes[i]!, reason: 'no-stratum' });
  }

  const result: RankingGroup[] = [];
  const buffer = new Int32Array(codes.length);
  // Highest value first; equal values in code order, so the outcome never depends on input order.
  const byValue = (a: number, b: number) => values[b]! - values[a]! || (codes[a]! < codes[b]! ? -1 : codes[a]! > codes[b]! ? 1 : 0);
  for (const group of plan.groups) {
    let count = 0;
    for (const row of group.rows) if (!Number.isNaN(values[row]!)) buffer[count++] = row;
    if (count === 0) continue;
    const sorted = buffer.subarray(0, count).sort(byValue);
    const entries: RankedArea[] = [];
    const item = (row: number) => {
      // The range of a share or density scales with the estimate (same denominator).
      const estimate = table.estimate[row]!;
      const scale = estimate > 0 ? values[row]! / estimate : 0;
      return { low: table.low[row]! * scale, high: table.high[row]! * scale };
    };
    for (let k = 0; k < count; k++) {
      const row = sorted[k]!;
      const previous = entries[k - 1];
      const rank = previous !== undefined && rounded(metric, previous.value) === rounded(metric, values[row]!) ? previous.rank : k + 1;
      if (rank > n) break;
      const range = item(row);
      const next = k + 1 < count ? item(sorted[k + 1]!) : undefined;
      entries.push({
        code: codes[row]!,
        name: plan.names[row]!,
        gemeenteCode: plan.gemeenten[row]!,
        stratum: plan.strata[row]!,
        rank,
        value: values[row]!,
        low: range.low,
        high: range.high,
        overlapsNext: next !== undefined && range.low <= next.high,
      });
    }
    result.push({ groupCode: group.groupCode, groupName: group.groupName, stratum: group.stratum, candidates: count, entries });
  }
  result.sort(
    (a, b) =>
      a.groupCode.localeCompare(b.groupCode) ||
      (a.stratum === null ? -1 : STRATA.indexOf(a.stratum)) - (b.stratum === null ? -1 : STRATA.indexOf(b.stratum)),
  );
  return { metric, groupBy, groups: result, unranked };
}
