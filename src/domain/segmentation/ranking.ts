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

/** Ranks the areas of an estimate table per group (and stratum), top N, with ties and overlap flags. */
export function rankEstimates(cube: DataCube, table: EstimateTable, options: RankingOptions = {}): Ranking {
  const metric = options.metric ?? 'number';
  const groupBy = options.groupBy ?? 'provincie';
  const n = options.n ?? 5;
  const thresholds = options.thresholds ?? DEFAULT_STRATUM_THRESHOLDS;
  const values = metric === 'number' ? table.estimate : metric === 'share' ? table.share : table.density;
  const inhabitants = cube.column(IDS.inwoners, table.populationPeriod);
  const unranked: Ranking['unranked'] = [];
  const groups = new Map<string, { groupCode: string; stratum: Stratum | null; items: Omit<RankedArea, 'rank' | 'overlapsNext'>[] }>();

  for (let i = 0; i < table.codes.length; i++) {
    const code = table.codes[i]!;
    const value = values[i]!;
    const estimate = table.estimate[i]!;
    if (Number.isNaN(value)) {
      unranked.push({ code, reason: 'no-estimate' });
      continue;
    }
    const gemeenteCode = gemeenteOf(cube, code);
    const gemeente = gemeenteCode === null ? undefined : cube.area(gemeenteCode);
    const groupCode = groupBy === 'provincie' ? gemeente?.provinceCode : gemeente?.ggdRegionCode;
    if (gemeenteCode === null || groupCode === null || groupCode === undefined) {
      unranked.push({ code, reason: 'no-group' });
      continue;
    }
    const row = inhabitants?.indexOf.get(gemeenteCode);
    const gemeenteInhabitants = row === undefined ? null : inhabitants!.values[row]!;
    const stratum = classifyStratum(gemeente?.urbanity ?? null, Number.isNaN(gemeenteInhabitants) ? null : gemeenteInhabitants, thresholds);
    if (options.byStratum === true && stratum === null) {
      unranked.push({ code, reason: 'no-stratum' });
      continue;
    }
    // The range of a share or density scales with the estimate (same denominator).
    const scale = estimate > 0 ? value / estimate : 0;
    const key = options.byStratum === true ? `${groupCode}|${stratum}` : groupCode;
    const group = groups.get(key) ?? { groupCode, stratum: options.byStratum === true ? stratum : null, items: [] };
    group.items.push({
      code,
      name: cube.area(code)?.name ?? code,
      gemeenteCode,
      stratum,
      value,
      low: table.low[i]! * scale,
      high: table.high[i]! * scale,
    });
    groups.set(key, group);
  }

  const result: RankingGroup[] = [];
  for (const group of groups.values()) {
    const sorted = group.items.sort((a, b) => b.value - a.value || a.code.localeCompare(b.code));
    const ranked: RankedArea[] = [];
    for (let i = 0; i < sorted.length; i++) {
      const item = sorted[i]!;
      const previous = ranked[i - 1];
      const rank = previous !== undefined && rounded(metric, previous.value) === rounded(metric, item.value) ? previous.rank : i + 1;
      if (rank > n) break;
      const next = sorted[i + 1];
      ranked.push({ ...item, rank, overlapsNext: next !== undefined && item.low <= next.high });
    }
    result.push({
      groupCode: group.groupCode,
      groupName: cube.area(group.groupCode)?.name ?? group.groupCode,
      stratum: group.stratum,
      candidates: sorted.length,
      entries: ranked,
    });
  }
  result.sort(
    (a, b) =>
      a.groupCode.localeCompare(b.groupCode) ||
      (a.stratum === null ? -1 : STRATA.indexOf(a.stratum)) - (b.stratum === null ? -1 : STRATA.indexOf(b.stratum)),
  );
  return { metric, groupBy, groups: result, unranked };
}
