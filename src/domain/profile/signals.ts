// The strongest deviations of an area ("wat gaat goed" / "aandachtspunten") and how its unfavourable deviations
// hang together ("onderlinge samenhang"). Deviations are polarity-aware z-scores against all areas of the same
// level; correlations are Pearson r over those same areas, computed once per pair and level (memoised per cube).
import type { AgeGroup, Indicator, Level } from '../../shared/types.ts';
import type { DataCube } from '../cube.ts';
import type { Judgement } from './compare.ts';
import { favourableZ, judge, levelStatistics, polaritySign, valueOf } from './compare.ts';
import { pearson } from './stats.ts';

/** Minimum correlation (after turning polarity around) for two concerns to count as related. */
export const CLUSTER_MIN_R = 0.5;

export interface Signal {
  indicatorId: string;
  labelNl: string;
  labelEn: string;
  ageGroup: AgeGroup | null;
  period: string;
  value: number;
  /** Published value of Nederland, the reference in the sentence. */
  nlValue: number;
  /** Polarity-aware z-score against the areas of the same level: > 0 favourable, < 0 unfavourable. */
  z: number;
  /** Mean and SD of the level the z-score is taken against, and how many areas it covers. */
  levelMean: number;
  levelSd: number;
  levelN: number;
  judgementVsNl: Judgement;
  textNl: string;
  textEn: string;
}

export interface Signals {
  favourable: Signal[];
  unfavourable: Signal[];
}

export interface ClusterLink {
  a: string;
  b: string;
  /** Pearson r of the two indicators over the areas of the level, as published (not turned around). */
  r: number;
  /** Number of areas with both values. */
  n: number;
}

export interface Cluster {
  ageGroup: AgeGroup | null;
  indicatorIds: string[];
  links: ClusterLink[];
  textNl: string;
  textEn: string;
}

/** Formats a number for a sentence: Dutch decimal comma, English decimal point; percent sign per language habit. */
export function formatValue(value: number, decimals: number, unit: Indicator['unit'], lang: 'nl' | 'en'): string {
  const text = value.toFixed(decimals);
  const number = lang === 'nl' ? text.replace('.', ',') : text;
  if (unit === 'percent') return lang === 'nl' ? `${number} %` : `${number}%`;
  return number;
}

/**
 * Every polarity-bearing indicator whose difference with Nederland is judged 'better' or 'worse' and whose
 * z-score points the same way, strongest first (by |z|).
 */
export function deviations(cube: DataCube, code: string, level: Level, indicators: readonly { id: string; period: string }[]): Signals {
  const favourable: Signal[] = [];
  const unfavourable: Signal[] = [];
  for (const { id, period } of indicators) {
    const indicator = cube.indicators.get(id);
    if (indicator === undefined || polaritySign(indicator.polarity) === 0) continue;
    const value = valueOf(cube, id, period, code).value;
    const nlValue = valueOf(cube, id, period, 'NL00').value;
    if (value === null || nlValue === null) continue;
    const stats = levelStatistics(cube, id, period, level);
    const z = favourableZ(value, stats.mean, stats.sd, indicator.polarity);
    const judgement = judge(value - nlValue, stats.sd, indicator.polarity);
    if (Number.isNaN(z)) continue;
    const signal: Signal = {
      indicatorId: id,
      labelNl: indicator.labelNl,
      labelEn: indicator.labelEn,
      ageGroup: indicator.ageGroup,
      period,
      value,
      nlValue,
      z,
      levelMean: stats.mean,
      levelSd: stats.sd,
      levelN: stats.n,
      judgementVsNl: judgement,
      ...sentences(indicator, value, nlValue),
    };
    if (judgement === 'better' && z > 0) favourable.push(signal);
    if (judgement === 'worse' && z < 0) unfavourable.push(signal);
  }
  favourable.sort((a, b) => b.z - a.z);
  unfavourable.sort((a, b) => a.z - b.z);
  return { favourable, unfavourable };
}

function sentences(indicator: Indicator, value: number, nlValue: number): { textNl: string; textEn: string } {
  const higher = value > nlValue;
  const nl = formatValue(value, indicator.decimals, indicator.unit, 'nl');
  const nlRef = formatValue(nlValue, indicator.decimals, indicator.unit, 'nl');
  const en = formatValue(value, indicator.decimals, indicator.unit, 'en');
  const enRef = formatValue(nlValue, indicator.decimals, indicator.unit, 'en');
  const what = indicator.unit === 'percent' ? 'Het percentage' : 'De waarde van';
  const whatEn = indicator.unit === 'percent' ? 'The percentage' : 'The value of';
  return {
    textNl: `${what} '${indicator.labelNl}' is ${higher ? 'hoger' : 'lager'} dan gemiddeld in Nederland (${nl} tegen ${nlRef}).`,
    textEn: `${whatEn} '${indicator.labelEn}' is ${higher ? 'higher' : 'lower'} than the Dutch average (${en} vs ${enRef}).`,
  };
}

const correlationMemo = new WeakMap<DataCube, Map<string, { r: number; n: number }>>();

/** Pearson r of two indicators (same period) over all areas of a level, memoised per cube. */
export function levelCorrelation(cube: DataCube, level: Level, a: { id: string; period: string }, b: { id: string; period: string }): { r: number; n: number } {
  let memo = correlationMemo.get(cube);
  if (memo === undefined) {
    memo = new Map();
    correlationMemo.set(cube, memo);
  }
  const [first, second] = `${a.id}|${a.period}` < `${b.id}|${b.period}` ? [a, b] : [b, a];
  const key = `${level}|${first.id}|${first.period}|${second.id}|${second.period}`;
  let result = memo.get(key);
  if (result === undefined) {
    const x = levelStatistics(cube, first.id, first.period, level);
    const y = levelStatistics(cube, second.id, second.period, level);
    let yAligned = y.values;
    if (x.codes !== y.codes && !sameCodes(x.codes, y.codes)) {
      const index = new Map(y.codes.map((c, i) => [c, i]));
      yAligned = Float64Array.from(x.codes, (c) => {
        const i = index.get(c);
        return i === undefined ? NaN : y.values[i]!;
      });
    }
    result = pearson(x.values, yAligned);
    memo.set(key, result);
  }
  return result;
}

function sameCodes(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Most concerns a cluster lists: the seed plus its strongest partners, so a cluster stays readable. */
export const CLUSTER_MAX_SIZE = 5;

/**
 * Groups unfavourable deviations that hang together. Two concerns are linked when, across all areas of the level,
 * their indicators correlate with |r| ≥ CLUSTER_MIN_R in the unfavourable direction (r turned around by both
 * polarities is positive). Seeded grouping, per age group: the strongest remaining concern is the seed and takes
 * its linked concerns (strongest r first, at most CLUSTER_MAX_SIZE in all); repeat with what is left. A star around
 * a seed, not a chain, so every member relates directly to the seed and the r values can be read as such.
 * The 18–64 group is skipped where 18+ is present: it is nearly the same population and would repeat the 18+ groups.
 */
export function clusters(cube: DataCube, level: Level, unfavourable: readonly Signal[], minR: number = CLUSTER_MIN_R): Cluster[] {
  const out: Cluster[] = [];
  const ageGroups = new Set(unfavourable.map((s) => s.ageGroup));
  if (ageGroups.has('18+')) ageGroups.delete('18-64');
  for (const ageGroup of ageGroups) {
    // Strongest first (most negative z).
    const remaining = unfavourable.filter((s) => s.ageGroup === ageGroup).sort((a, b) => a.z - b.z);
    while (remaining.length > 1) {
      const seed = remaining.shift()!;
      const seedSign = polaritySign(cube.indicators.get(seed.indicatorId)!.polarity);
      const partners: { signal: Signal; link: ClusterLink }[] = [];
      for (const other of remaining) {
        const { r, n } = levelCorrelation(cube, level, { id: seed.indicatorId, period: seed.period }, { id: other.indicatorId, period: other.period });
        const signs = seedSign * polaritySign(cube.indicators.get(other.indicatorId)!.polarity);
        if (Math.abs(r) >= minR && r * signs > 0) partners.push({ signal: other, link: { a: seed.indicatorId, b: other.indicatorId, r, n } });
      }
      if (partners.length === 0) continue;
      partners.sort((x, y) => Math.abs(y.link.r) - Math.abs(x.link.r));
      const chosen = partners.slice(0, CLUSTER_MAX_SIZE - 1);
      for (const { signal } of chosen) remaining.splice(remaining.indexOf(signal), 1);
      const group = [seed, ...chosen.map((c) => c.signal)];
      const strongest = Math.abs(chosen[0]!.link.r);
      out.push({
        ageGroup,
        indicatorIds: group.map((g) => g.indicatorId),
        links: chosen.map((c) => c.link),
        textNl: `Deze aandachtspunten hangen met elkaar samen: ${listNl(group.map((g) => g.labelNl))}. In ${LEVEL_PLURAL_NL[level]} waar '${seed.labelNl}' ongunstig is, zijn de andere meestal ook ongunstig (sterkste samenhang r = ${strongest.toFixed(2).replace('.', ',')}).`,
        textEn: `These concerns go together: ${listEn(group.map((g) => g.labelEn))}. In ${LEVEL_PLURAL_EN[level]} where '${seed.labelEn}' is unfavourable, the others usually are too (strongest correlation r = ${strongest.toFixed(2)}).`,
      });
    }
  }
  return out;
}

/**
 * The strongest signals for display: at most `limit`, one per measure (the age group with the largest |z|), so
 * 'Overgewicht (18+)' and 'Overgewicht (18-64)' do not take two places.
 */
export function topSignals(signals: readonly Signal[], limit: number): Signal[] {
  const seen = new Set<string>();
  const out: Signal[] = [];
  for (const s of signals) {
    const base = s.indicatorId.replace(/_(18plus|18_64|65plus)$/, '');
    if (seen.has(base)) continue;
    seen.add(base);
    out.push(s);
    if (out.length === limit) break;
  }
  return out;
}

const LEVEL_PLURAL_NL: Record<Level, string> = { land: 'landen', provincie: 'provincies', ggdregio: "GGD-regio's", gemeente: 'gemeenten', wijk: 'wijken', buurt: 'buurten' };
const LEVEL_PLURAL_EN: Record<Level, string> = { land: 'countries', provincie: 'provinces', ggdregio: 'GGD regions', gemeente: 'municipalities', wijk: 'districts', buurt: 'neighbourhoods' };

function listNl(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`;
}

function listEn(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
