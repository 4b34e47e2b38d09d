// Comparable areas: the nearest areas of the same level on standardised composition (age structure, migration
// background, income, household size, density, urbanity). Each feature is z-standardised over the candidate areas
// so that no unit dominates; the distance is Euclidean over those z-scores. Areas with any missing feature are
// left out and counted, never imputed. The standardised matrix is memoised per cube and feature set.
import type { Level } from '../../shared/types.ts';
import type { DataCube } from '../cube.ts';
import { levelOf } from './aggregate.ts';
import type { FigureSpec } from './derive.ts';
import { combine, resolveFigure } from './derive.ts';
import { moments } from './stats.ts';

export interface FeatureSpec extends FigureSpec {
  key: string;
  labelNl: string;
  labelEn: string;
  /** Take log10 first (density spans four orders of magnitude). */
  log?: boolean;
}

/** Composition features (KWB indicator ids, see src/import/catalog/kwb.ts). */
export const COMPOSITION_FEATURES: readonly FeatureSpec[] = [
  { key: 'pct_0_14', labelNl: 'Aandeel 0–14 jaar', labelEn: 'Share aged 0–14', numerators: ['leeftijd_0_14'], denominator: 'inwoners', scale: 100 },
  { key: 'pct_15_24', labelNl: 'Aandeel 15–24 jaar', labelEn: 'Share aged 15–24', numerators: ['leeftijd_15_24'], denominator: 'inwoners', scale: 100 },
  { key: 'pct_25_44', labelNl: 'Aandeel 25–44 jaar', labelEn: 'Share aged 25–44', numerators: ['leeftijd_25_44'], denominator: 'inwoners', scale: 100 },
  { key: 'pct_45_64', labelNl: 'Aandeel 45–64 jaar', labelEn: 'Share aged 45–64', numerators: ['leeftijd_45_64'], denominator: 'inwoners', scale: 100 },
  { key: 'pct_65plus', labelNl: 'Aandeel 65 jaar en ouder', labelEn: 'Share aged 65 and over', numerators: ['leeftijd_65plus'], denominator: 'inwoners', scale: 100 },
  {
    key: 'pct_migratieachtergrond',
    labelNl: 'Aandeel met migratieachtergrond',
    labelEn: 'Share with a migration background',
    numerators: ['westerse_migratieachtergrond', 'niet_westerse_migratieachtergrond'],
    denominator: 'inwoners',
    scale: 100,
  },
  { key: 'inkomen_per_inwoner', labelNl: 'Gemiddeld inkomen per inwoner', labelEn: 'Mean income per inhabitant', numerators: ['inkomen_per_inwoner'] },
  { key: 'huishoudensgrootte', labelNl: 'Gemiddelde huishoudensgrootte', labelEn: 'Mean household size', numerators: ['gemiddelde_huishoudensgrootte'] },
  { key: 'bevolkingsdichtheid', labelNl: 'Bevolkingsdichtheid (log)', labelEn: 'Population density (log)', numerators: ['bevolkingsdichtheid'], log: true },
  { key: 'stedelijkheid', labelNl: 'Stedelijkheid', labelEn: 'Urbanity', numerators: ['stedelijkheid'] },
];

export const DEFAULT_NEIGHBOURS = 8;

export interface UsedFeature {
  key: string;
  labelNl: string;
  labelEn: string;
  /** Edition the feature is read from (for every candidate). */
  period: string;
  datasetId: string;
  /** The area's value (before standardising) and the candidates' mean and SD used to standardise. */
  areaValue: number;
  mean: number;
  sd: number;
}

export interface Neighbour {
  code: string;
  name: string;
  /** Euclidean distance over the standardised features (0 = identical composition). */
  distance: number;
}

export interface ComparableAreas {
  neighbours: Neighbour[];
  features: UsedFeature[];
  /** Features left out because no edition holds them for this area (e.g. no KWB at buurt level). */
  featuresUnavailable: string[];
  /** Same-level areas considered, and those left out for a missing feature. */
  candidates: number;
  excludedForMissing: number;
  /** Set when no comparison is possible, with the reason. */
  reasonNl: string | null;
  reasonEn: string | null;
}

interface Matrix {
  codes: string[];
  /** Row-major, codes.length × features.length, z-standardised. */
  z: Float64Array;
  features: Omit<UsedFeature, 'areaValue'>[];
  candidates: number;
  excluded: number;
}

const matrixMemo = new WeakMap<DataCube, Map<string, Matrix>>();

/** The `limit` areas of the same level closest to `code` in composition. */
export function comparableAreas(cube: DataCube, code: string, options: { limit?: number; features?: readonly FeatureSpec[] } = {}): ComparableAreas {
  const limit = options.limit ?? DEFAULT_NEIGHBOURS;
  const specs = options.features ?? COMPOSITION_FEATURES;
  const level = levelOf(cube, code);
  const used: { spec: FeatureSpec; period: string; datasetId: string; inputs: { indicatorId: string; period: string }[] }[] = [];
  const unavailable: string[] = [];
  for (const spec of specs) {
    const resolved = resolveFigure(cube, spec, code);
    if (resolved === null || resolved.value === null) unavailable.push(spec.key);
    else used.push({ spec, period: resolved.period, datasetId: resolved.datasetId, inputs: resolved.inputs });
  }
  const none = (nl: string, en: string): ComparableAreas => ({ neighbours: [], features: [], featuresUnavailable: unavailable, candidates: 0, excludedForMissing: 0, reasonNl: nl, reasonEn: en });
  if (level === null) return none('Onbekend gebied.', 'Unknown area.');
  if (used.length < 2) return none('Te weinig kenmerken van dit gebied bekend om vergelijkbare gebieden te zoeken.', 'Too few characteristics of this area are known to find comparable areas.');

  const key = `${level}|${used.map((u) => `${u.spec.key}@${u.datasetId}`).join(',')}`;
  let memo = matrixMemo.get(cube);
  if (memo === undefined) {
    memo = new Map();
    matrixMemo.set(cube, memo);
  }
  let matrix = memo.get(key);
  if (matrix === undefined) {
    matrix = buildMatrix(cube, level, used);
    memo.set(key, matrix);
  }
  const f = matrix.features.length;
  const self = matrix.codes.indexOf(code);
  if (self < 0) return { ...none('Van dit gebied ontbreekt een kenmerk.', 'A characteristic of this area is missing.'), candidates: matrix.candidates, excludedForMissing: matrix.excluded };
  const distances: { i: number; d: number }[] = [];
  for (let i = 0; i < matrix.codes.length; i++) {
    if (i === self) continue;
    let ss = 0;
    for (let j = 0; j < f; j++) {
      const diff = matrix.z[i * f + j]! - matrix.z[self * f + j]!;
      ss += diff * diff;
    }
    distances.push({ i, d: Math.sqrt(ss) });
  }
  distances.sort((a, b) => a.d - b.d || matrix.codes[a.i]!.localeCompare(matrix.codes[b.i]!));
  return {
    neighbours: distances.slice(0, limit).map(({ i, d }) => {
      const c = matrix.codes[i]!;
      return { code: c, name: cube.area(c)?.name ?? c, distance: d };
    }),
    features: matrix.features.map((feature, j) => ({ ...feature, areaValue: matrix.z[self * f + j]! * feature.sd + feature.mean })),
    featuresUnavailable: unavailable,
    candidates: matrix.candidates,
    excludedForMissing: matrix.excluded,
    reasonNl: null,
    reasonEn: null,
  };
}

function buildMatrix(cube: DataCube, level: Level, used: { spec: FeatureSpec; period: string; datasetId: string; inputs: { indicatorId: string; period: string }[] }[]): Matrix {
  // Candidates: the areas of the level in the first feature's first input column.
  const firstColumn = cube.column(used[0]!.inputs[0]!.indicatorId, used[0]!.inputs[0]!.period);
  const candidates = (firstColumn?.codes ?? []).filter((c) => levelOf(cube, c) === level);
  const raw = used.map((u) => {
    const columns = u.inputs.map((input) => cube.column(input.indicatorId, input.period)!);
    return Float64Array.from(candidates, (c) => {
      const values = columns.map((col) => {
        const i = col.indexOf.get(c);
        return i === undefined || col.missing[i] !== 0 ? NaN : col.values[i]!;
      });
      let v = values.some((x) => Number.isNaN(x)) ? NaN : combine(u.spec, values);
      if (u.spec.log === true) v = v > 0 ? Math.log10(v) : NaN;
      return v;
    });
  });
  const complete: number[] = [];
  for (let i = 0; i < candidates.length; i++) if (raw.every((col) => !Number.isNaN(col[i]!))) complete.push(i);
  const f = used.length;
  const features = used.map((u, j) => {
    const m = moments(Float64Array.from(complete, (i) => raw[j]![i]!));
    return { key: u.spec.key, labelNl: u.spec.labelNl, labelEn: u.spec.labelEn, period: u.period, datasetId: u.datasetId, mean: m.mean, sd: m.sd };
  });
  const z = new Float64Array(complete.length * f);
  complete.forEach((i, row) => {
    for (let j = 0; j < f; j++) {
      const { mean, sd } = features[j]!;
      // A feature without spread cannot separate areas: it contributes 0 to every distance.
      z[row * f + j] = sd > 0 ? (raw[j]![i]! - mean) / sd : 0;
    }
  });
  return { codes: complete.map((i) => candidates[i]!), z, features, candidates: candidates.length, excluded: candidates.length - complete.length };
}
