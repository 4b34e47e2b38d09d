// Neighbourhood typology: wijken (or gemeenten) grouped into a few recognisable types by k-means on
// standardised socio-demographic and health indicators, each type described in plain Dutch by the indicators
// that set it apart most. Reproducible: k-means++ seeding and the silhouette sample use the seeded PRNG, so
// the same data and seed always give the same types. Method: docs/methods.md.
import type { DataCube } from '../cube.ts';
import { levelOfCode } from '../../shared/codes.ts';
import type { Level } from '../../shared/types.ts';
import { sampleIndices, seededRandom } from './random.ts';
import type { SeededRandom } from './random.ts';
import { IDS } from './targets.ts';

/** One dimension of the typology: an indicator, or a sum of counts as a percentage of a denominator. */
export interface TypologyFeature {
  id: string;
  /** Indicator ids summed (one percentage indicator, or counts when `denominator` is set). */
  numerators: string[];
  /** Count indicator: the feature is 100 × Σ numerators / denominator. */
  denominator?: string;
  /** Which period the feature is read at; default 'population' with a denominator (KWB counts), else 'share' (RIVM). */
  periodKind?: 'population' | 'share';
  /** Plain Dutch (B1) phrase when a type scores high / low, e.g. "veel ouderen" / "weinig ouderen". */
  highNl: string;
  lowNl: string;
  /** Words activity matching listens to when the type scores high / low (see activities.ts). */
  tagsHigh?: string[];
  tagsLow?: string[];
}

/** Default features: population make-up from KWB counts and health from the RIVM estimates. */
export const DEFAULT_FEATURES: readonly TypologyFeature[] = [
  {
    id: 'jongvolwassenen',
    numerators: [IDS.age15to24, IDS.age25to44],
    denominator: IDS.inwoners,
    highNl: 'veel jonge mensen',
    lowNl: 'weinig jonge mensen',
    tagsHigh: ['jongeren'],
  },
  {
    id: 'gezinnen',
    numerators: ['huishoudens_met_kinderen_pct'],
    periodKind: 'population',
    highNl: 'veel gezinnen met kinderen',
    lowNl: 'weinig gezinnen met kinderen',
    tagsHigh: ['gezinnen'],
  },
  { id: 'ouderen', numerators: [IDS.age65plus], denominator: IDS.inwoners, highNl: 'veel ouderen', lowNl: 'weinig ouderen', tagsHigh: ['ouderen'] },
  {
    id: 'migratie-hoger-risico',
    numerators: [IDS.suriname, IDS.turkije, IDS.marokko],
    denominator: IDS.inwoners,
    highNl: 'veel mensen met een Surinaamse, Turkse of Marokkaanse achtergrond',
    lowNl: 'weinig mensen met een Surinaamse, Turkse of Marokkaanse achtergrond',
    tagsHigh: ['migratieachtergrond'],
  },
  { id: 'overgewicht', numerators: [IDS.overweight18plus], highNl: 'veel overgewicht', lowNl: 'weinig overgewicht', tagsHigh: ['overgewicht'] },
  {
    id: 'bewegen',
    numerators: [IDS.meetsActivityGuideline18plus],
    highNl: 'veel mensen die genoeg bewegen',
    lowNl: 'weinig mensen die genoeg bewegen',
    tagsLow: ['bewegen'],
  },
  {
    id: 'geldzorgen',
    numerators: [IDS.makingEndsMeet18plus],
    highNl: 'veel geldzorgen',
    lowNl: 'weinig geldzorgen',
    tagsHigh: ['geldzorgen', 'lage-ses'],
  },
  {
    id: 'eenzaamheid-ouderen',
    numerators: [IDS.lonely65plus],
    highNl: 'veel eenzame ouderen',
    lowNl: 'weinig eenzame ouderen',
    tagsHigh: ['eenzaamheid'],
  },
];

/** Plain input of the clustering: one row per area, one column per feature; NaN = missing. */
export interface TypologyInput {
  codes: readonly string[];
  features: readonly TypologyFeature[];
  /** values[f][i]: feature f of area i. */
  values: readonly Float64Array[];
}

/** Reads the features for every area of a level: counts at `populationPeriod`, percentages at `sharePeriod`. */
export function typologyInputFromCube(
  cube: DataCube,
  level: Level,
  periods: { populationPeriod: string; sharePeriod: string },
  features: readonly TypologyFeature[] = DEFAULT_FEATURES,
): TypologyInput {
  const periodOf = (feature: TypologyFeature): string =>
    (feature.periodKind ?? (feature.denominator === undefined ? 'share' : 'population')) === 'population' ? periods.populationPeriod : periods.sharePeriod;
  const columnOf = (id: string, period: string) => {
    const column = cube.column(id, period);
    if (column === undefined) throw new Error(`typology: no values for ${id} in ${period}`);
    return column;
  };
  const universe = new Set<string>();
  for (const feature of features) {
    for (const id of feature.numerators) for (const code of columnOf(id, periodOf(feature)).codes) if (levelOfCode(code) === level) universe.add(code);
  }
  const codes = [...universe].sort();
  const values = features.map((feature) => {
    const period = periodOf(feature);
    const numerators = feature.numerators.map((id) => columnOf(id, period));
    const denominator = feature.denominator === undefined ? null : columnOf(feature.denominator, period);
    const out = new Float64Array(codes.length);
    codes.forEach((code, i) => {
      let sum = 0;
      for (const column of numerators) {
        const row = column.indexOf.get(code);
        sum += row === undefined ? Number.NaN : column.values[row]!;
      }
      if (denominator !== null) {
        const row = denominator.indexOf.get(code);
        const d = row === undefined ? Number.NaN : denominator.values[row]!;
        sum = d > 0 ? (100 * sum) / d : Number.NaN;
      }
      out[i] = sum;
    });
    return out;
  });
  return { codes, features, values };
}

export interface TypologyOptions {
  seed?: number;
  /** Range of k tried; the one with the highest mean silhouette wins (the smaller k on a tie). */
  kMin?: number;
  kMax?: number;
  /** Fixed k instead of choosing. */
  k?: number;
  /** k-means runs per k; the one with the lowest within-cluster sum of squares is kept. */
  restarts?: number;
  maxIterations?: number;
  /** Areas on which the silhouette is computed (seeded sample), for speed on thousands of wijken. */
  silhouetteSample?: number;
  /** Noun for the labels: "Wijken", "Gemeenten". */
  nounNl?: string;
}

export interface DistinguishingFeature {
  featureId: string;
  /** Mean z-score of the type's areas on the feature. */
  meanZ: number;
  phraseNl: string;
}

export interface NeighbourhoodType {
  /** `type-1` … by decreasing size. */
  id: string;
  labelNl: string;
  size: number;
  /** Mean z-score per feature (aligned with the input features). */
  centroid: number[];
  /** The 2–3 features with the largest |mean z|. */
  distinguishing: DistinguishingFeature[];
  /** Tags of the distinguishing features (|z| ≥ 0.5), for matching activities. */
  tags: string[];
}

export interface Typology {
  k: number;
  seed: number;
  /** Mean silhouette per k tried. */
  silhouette: { k: number; score: number }[];
  types: NeighbourhoodType[];
  /** Type index (into `types`) per included area. */
  assignment: ReadonlyMap<string, number>;
  /** Areas left out because a feature was missing. */
  excluded: { code: string; missingFeatures: string[] }[];
  /** Mean and standard deviation used for the z-scores. */
  standardisation: { featureId: string; mean: number; sd: number }[];
}

/** Squared Euclidean distance between row a of `x` and row b of `y` (both n×d, row-major). */
function dist2(x: Float64Array, a: number, y: Float64Array, b: number, d: number): number {
  let s = 0;
  for (let j = 0; j < d; j++) {
    const diff = x[a * d + j]! - y[b * d + j]!;
    s += diff * diff;
  }
  return s;
}

interface KMeansResult {
  labels: Int32Array;
  centroids: Float64Array;
  inertia: number;
}

/** One k-means run: k-means++ seeding, then Lloyd iterations until no label changes. */
function kMeansRun(data: Float64Array, n: number, d: number, k: number, random: SeededRandom, maxIterations: number): KMeansResult {
  const centroids = new Float64Array(k * d);
  const nearest = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  let pick = random.int(n);
  for (let c = 0; c < k; c++) {
    centroids.set(data.subarray(pick * d, pick * d + d), c * d);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const dd = dist2(data, i, centroids, c, d);
      if (dd < nearest[i]!) nearest[i] = dd;
      total += nearest[i]!;
    }
    if (c + 1 === k) break;
    // Next seed with probability proportional to the squared distance to the nearest seed so far.
    let r = random.next() * total;
    pick = n - 1;
    for (let i = 0; i < n; i++) {
      r -= nearest[i]!;
      if (r < 0) {
        pick = i;
        break;
      }
    }
  }
  const labels = new Int32Array(n).fill(-1);
  const sums = new Float64Array(k * d);
  const counts = new Int32Array(k);
  let inertia = 0;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let changed = false;
    inertia = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestD = Number.POSITIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        const dd = dist2(data, i, centroids, c, d);
        if (dd < bestD) {
          bestD = dd;
          best = c;
        }
      }
      if (labels[i] !== best) {
        labels[i] = best;
        changed = true;
      }
      inertia += bestD;
    }
    if (!changed) break;
    sums.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const c = labels[i]!;
      counts[c]! += 1;
      for (let j = 0; j < d; j++) sums[c * d + j]! += data[i * d + j]!;
    }
    for (let c = 0; c < k; c++) {
      if (counts[c] === 0) {
        // An empty cluster takes the area farthest from its own centroid.
        let far = 0;
        let farD = -1;
        for (let i = 0; i < n; i++) {
          const dd = dist2(data, i, centroids, labels[i]!, d);
          if (dd > farD) {
            farD = dd;
            far = i;
          }
        }
        centroids.set(data.subarray(far * d, far * d + d), c * d);
      } else {
        for (let j = 0; j < d; j++) centroids[c * d + j] = sums[c * d + j]! / counts[c]!;
      }
    }
  }
  return { labels, centroids, inertia };
}

/** Mean silhouette of the areas in `sample` (distances within the sample). */
function silhouette(data: Float64Array, d: number, labels: Int32Array, k: number, sample: Int32Array): number {
  const m = sample.length;
  const sumTo = new Float64Array(k);
  const countIn = new Int32Array(k);
  for (let s = 0; s < m; s++) countIn[labels[sample[s]!]!]! += 1;
  let total = 0;
  for (let s = 0; s < m; s++) {
    const i = sample[s]!;
    const own = labels[i]!;
    sumTo.fill(0);
    for (let t = 0; t < m; t++) {
      if (t === s) continue;
      const j = sample[t]!;
      sumTo[labels[j]!]! += Math.sqrt(dist2(data, i, data, j, d));
    }
    if (countIn[own]! <= 1) continue; // a singleton scores 0
    const a = sumTo[own]! / (countIn[own]! - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) if (c !== own && countIn[c]! > 0) b = Math.min(b, sumTo[c]! / countIn[c]!);
    if (Number.isFinite(b)) total += (b - a) / Math.max(a, b);
  }
  return total / m;
}

function joinDutch(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} en ${parts.at(-1)!}`;
}

/**
 * Clusters the areas into types. Areas with any missing feature are excluded and reported; features are
 * z-scored over the included areas; k is chosen by the mean silhouette over kMin…kMax unless fixed.
 */
export function buildTypology(input: TypologyInput, options: TypologyOptions = {}): Typology {
  const seed = options.seed ?? 20240501;
  const restarts = options.restarts ?? 10;
  const maxIterations = options.maxIterations ?? 100;
  const nounNl = options.nounNl ?? 'Wijken';
  const d = input.features.length;
  const included: number[] = [];
  const excluded: Typology['excluded'] = [];
  input.codes.forEach((code, i) => {
    const missingFeatures = input.features.filter((_, f) => !Number.isFinite(input.values[f]![i]!)).map((feature) => feature.id);
    if (missingFeatures.length > 0) excluded.push({ code, missingFeatures });
    else included.push(i);
  });
  const n = included.length;
  const standardisation = input.features.map((feature, f) => {
    let mean = 0;
    for (const i of included) mean += input.values[f]![i]!;
    mean /= n;
    let variance = 0;
    for (const i of included) variance += (input.values[f]![i]! - mean) ** 2;
    return { featureId: feature.id, mean, sd: Math.sqrt(variance / Math.max(1, n - 1)) };
  });
  const data = new Float64Array(n * d);
  included.forEach((i, row) => {
    for (let f = 0; f < d; f++) {
      const { mean, sd } = standardisation[f]!;
      data[row * d + f] = sd > 0 ? (input.values[f]![i]! - mean) / sd : 0;
    }
  });

  const kMin = options.k ?? options.kMin ?? 3;
  const kMax = Math.min(options.k ?? options.kMax ?? 8, n - 1);
  if (n < 2 || kMax < kMin) throw new Error(`typology: ${n} areas with complete data is too few for k = ${kMin}…${kMax}`);
  const sample = sampleIndices(n, options.silhouetteSample ?? 1000, seededRandom(seed ^ 0x5bd1e995));
  const scores: Typology['silhouette'] = [];
  let best: { k: number; run: KMeansResult; score: number } | null = null;
  for (let k = kMin; k <= kMax; k++) {
    const random = seededRandom(seed + k);
    let bestRun: KMeansResult | null = null;
    for (let r = 0; r < restarts; r++) {
      const run = kMeansRun(data, n, d, k, random, maxIterations);
      if (bestRun === null || run.inertia < bestRun.inertia) bestRun = run;
    }
    const score = silhouette(data, d, bestRun!.labels, k, sample);
    scores.push({ k, score });
    if (best === null || score > best.score) best = { k, run: bestRun!, score };
  }
  const { k, run } = best!;

  // Types by decreasing size (then by centroid, for a stable order), described by their largest |mean z|.
  const sizes = new Int32Array(k);
  for (let i = 0; i < n; i++) sizes[run.labels[i]!]! += 1;
  const order = Array.from({ length: k }, (_, c) => c).sort(
    (a, b) => sizes[b]! - sizes[a]! || run.centroids[a * d]! - run.centroids[b * d]!,
  );
  const typeOfCluster = new Int32Array(k);
  order.forEach((c, t) => (typeOfCluster[c] = t));
  const types: NeighbourhoodType[] = order.map((c, t) => {
    const centroid = Array.from({ length: d }, (_, f) => run.centroids[c * d + f]!);
    const distinguishing = centroid
      .map((z, f) => ({ f, z }))
      .sort((a, b) => Math.abs(b.z) - Math.abs(a.z))
      .slice(0, 3)
      .filter((x, rank) => rank < 2 || Math.abs(x.z) >= 0.5)
      .map(({ f, z }) => ({
        featureId: input.features[f]!.id,
        meanZ: z,
        phraseNl: z >= 0 ? input.features[f]!.highNl : input.features[f]!.lowNl,
      }));
    const tags = new Set<string>();
    for (const x of distinguishing) {
      const feature = input.features.find((ft) => ft.id === x.featureId)!;
      if (x.meanZ >= 0.5) for (const tag of feature.tagsHigh ?? []) tags.add(tag);
      if (x.meanZ <= -0.5) for (const tag of feature.tagsLow ?? []) tags.add(tag);
    }
    return {
      id: `type-${t + 1}`,
      labelNl: `${nounNl} met ${joinDutch(distinguishing.map((x) => x.phraseNl))}`,
      size: sizes[c]!,
      centroid,
      distinguishing,
      tags: [...tags].sort(),
    };
  });
  const assignment = new Map<string, number>();
  included.forEach((i, row) => assignment.set(input.codes[i]!, typeOfCluster[run.labels[row]!]!));
  return { k, seed, silhouette: scores, types, assignment, excluded, standardisation };
}
