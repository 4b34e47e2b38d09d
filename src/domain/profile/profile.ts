// The area health profile (wijkgezondheidsprofiel): everything the profile page and
// /api/v1/areas/{code}/profile show, as data. Pure: it reads the DataCube and returns plain objects; the
// per-level statistics, regional means, correlations and neighbour matrices are memoised per cube, so after the
// first request of a level a profile takes a few milliseconds. Methods: ./README.md.
import type { AgeGroup, Area, Indicator, Level, Polarity, Provenance, Theme, Unit } from '../../shared/types.ts';
import { NETHERLANDS } from '../../shared/codes.ts';
import type { DataCube } from '../cube.ts';
import type { ProfileMissingReason } from './aggregate.ts';
import type { ComparatorRole, Comparison, Judgement, ProfileValue } from './compare.ts';
import { SIMILAR_THRESHOLD_SD, compareWith, judge, levelStatistics, valueOf } from './compare.ts';
import type { FigureSpec } from './derive.ts';
import { denominatorIds, resolveFigure } from './derive.ts';
import type { ComparableAreas } from './neighbours.ts';
import { comparableAreas } from './neighbours.ts';
import type { Cluster, Signal } from './signals.ts';
import { CLUSTER_MIN_R, clusters, deviations, topSignals } from './signals.ts';
import { percentileRank, quantile, rankFromHighest } from './stats.ts';

export type { ProfileMissingReason, DerivedValue, WeightedMeanInfo } from './aggregate.ts';
export type { ComparatorRole, Comparison, Judgement, ProfileValue } from './compare.ts';
export type { Cluster, ClusterLink, Signal, Signals } from './signals.ts';
export type { ComparableAreas, Neighbour, UsedFeature } from './neighbours.ts';

export interface AreaRef {
  code: string;
  name: string;
  level: Level;
}

export interface Comparator {
  role: ComparatorRole;
  area: AreaRef;
}

/** One composition figure, read or derived from the most recent edition that holds the area's code. */
export interface PopulationFigure {
  key: string;
  labelNl: string;
  labelEn: string;
  unit: Unit;
  decimals: number;
  value: number | null;
  missing: ProfileMissingReason | null;
  /** Period of the figure (of its first input for a derived share); null when no edition holds the area. */
  period: string | null;
  classificationYear: number | null;
  /** Set when the newest edition does not contain the area and an older one was used. */
  fallbackNl: string | null;
  fallbackEn: string | null;
  /** One provenance per input (table, column, classification year). */
  provenance: Provenance[];
  /** For figures buurtbeeld computed from counts: which indicators and how. */
  derivedFrom: { indicatorIds: string[]; formula: string } | null;
}

export interface SpineSummary {
  /** The level the spread is taken over (all areas of the area's own level in Nederland). */
  level: Level;
  n: number;
  min: number;
  p5: number;
  p25: number;
  median: number;
  p75: number;
  p95: number;
  max: number;
  mean: number;
  sd: number;
  areaValue: number | null;
  /** 1 = highest value of the level. */
  rankFromHighest: number | null;
  /** Share of areas with a lower value (ties half), 0–100. */
  percentile: number | null;
  nlValue: number | null;
}

export interface TrendPoint {
  period: string;
  value: number | null;
  missing: ProfileMissingReason | null;
  provenance: Provenance;
}

export interface HealthFigure {
  indicatorId: string;
  /** Indicator without age suffix (`overgewicht`), to group age groups in a table. */
  base: string;
  labelNl: string;
  labelEn: string;
  theme: Theme;
  ageGroup: AgeGroup | null;
  polarity: Polarity;
  unit: Unit;
  decimals: number;
  /** Model-based estimate (RIVM "modelschatting"). */
  isEstimate: boolean;
  period: string;
  provenance: Provenance;
  value: ProfileValue;
  comparisons: Comparison[];
  judgementVsNl: Judgement;
  /** Only for wijk and buurt (their gemeente); null otherwise. */
  judgementVsGemeente: Judgement | null;
  spine: SpineSummary | null;
  trend: TrendPoint[];
}

export interface SubAreaCell {
  value: number | null;
  missing: ProfileMissingReason | null;
  period: string | null;
  judgementVsNl: Judgement;
}

export interface SubAreaTable {
  columns: { indicatorId: string; labelNl: string; labelEn: string; unit: Unit; decimals: number; polarity: Polarity; isEstimate: boolean }[];
  /** Children of every classification year; `years` lets the page show one classification at a time. */
  rows: { code: string; name: string; level: Level; years: number[]; cells: SubAreaCell[] }[];
}

export interface MethodNotes {
  similarThresholdSd: number;
  clusterMinR: number;
  judgementNl: string;
  judgementEn: string;
  regionsNl: string;
  regionsEn: string;
}

export interface AreaProfile {
  area: AreaRef & { urbanity: number | null; years: number[] };
  /** From the direct parent up to Nederland (wijk → gemeente → provincie → NL). */
  ancestors: AreaRef[];
  ggdRegion: AreaRef | null;
  comparators: Comparator[];
  population: PopulationFigure[];
  health: HealthFigure[];
  signals: { favourable: Signal[]; unfavourable: Signal[] };
  clusters: Cluster[];
  subAreas: SubAreaTable;
  comparable: ComparableAreas;
  methods: MethodNotes;
}

export interface ProfileOptions {
  /** Indicators of the sub-area table; ids absent from the cube are skipped. */
  keyIndicators?: readonly string[];
  /** Signals shown per direction. */
  signalsPerDirection?: number;
  neighbours?: number;
}

/** Indicators of the sub-area table by default: one per theme that GGD's ask about first. */
export const DEFAULT_KEY_INDICATORS: readonly string[] = [
  'inwoners',
  'ervaren_gezondheid_goed_18plus',
  'overgewicht_18plus',
  'roker_18plus',
  'voldoet_beweegrichtlijn_18plus',
  'risico_angst_depressie_18plus',
  'eenzaam_18plus',
  'eenzaam_65plus',
  'moeite_rondkomen_18plus',
];

interface PopulationSpec extends FigureSpec {
  key: string;
  labelNl: string;
  labelEn: string;
  unit: Unit;
  decimals: number;
}

/** Education counts cover inhabitants aged 15–75 with a known level: shares are of their sum. */
const EDUCATION = ['opleiding_laag', 'opleiding_middelbaar', 'opleiding_hoog'];

const share = (key: string, labelNl: string, labelEn: string, numerators: string[], denominator: string | string[]): PopulationSpec => ({
  key,
  labelNl,
  labelEn,
  unit: 'percent',
  decimals: 1,
  numerators,
  denominator,
  scale: 100,
});

/** Composition figures (KWB / PDOK indicator ids, see src/import/catalog/kwb.ts). Shares are derived from counts. */
export const POPULATION_FIGURES: readonly PopulationSpec[] = [
  { key: 'inwoners', labelNl: 'Inwoners', labelEn: 'Inhabitants', unit: 'count', decimals: 0, numerators: ['inwoners'] },
  share('pct_0_14', 'Aandeel 0 tot 15 jaar', 'Share aged 0–14', ['leeftijd_0_14'], 'inwoners'),
  share('pct_15_24', 'Aandeel 15 tot 25 jaar', 'Share aged 15–24', ['leeftijd_15_24'], 'inwoners'),
  share('pct_25_44', 'Aandeel 25 tot 45 jaar', 'Share aged 25–44', ['leeftijd_25_44'], 'inwoners'),
  share('pct_45_64', 'Aandeel 45 tot 65 jaar', 'Share aged 45–64', ['leeftijd_45_64'], 'inwoners'),
  share('pct_65plus', 'Aandeel 65 jaar en ouder', 'Share aged 65 and over', ['leeftijd_65plus'], 'inwoners'),
  { key: 'huishoudens', labelNl: 'Huishoudens', labelEn: 'Households', unit: 'count', decimals: 0, numerators: ['huishoudens'] },
  share('pct_eenpersoonshuishoudens', 'Aandeel eenpersoonshuishoudens', 'Share of single-person households', ['eenpersoonshuishoudens'], 'huishoudens'),
  share('pct_huishoudens_met_kinderen', 'Aandeel huishoudens met kinderen', 'Share of households with children', ['huishoudens_met_kinderen'], 'huishoudens'),
  { key: 'gemiddelde_huishoudensgrootte', labelNl: 'Gemiddelde huishoudensgrootte', labelEn: 'Mean household size', unit: 'persons-per-household', decimals: 1, numerators: ['gemiddelde_huishoudensgrootte'] },
  share('pct_westerse_migratieachtergrond', 'Aandeel met westerse migratieachtergrond', 'Share with a Western migration background', ['westerse_migratieachtergrond'], 'inwoners'),
  share('pct_niet_westerse_migratieachtergrond', 'Aandeel met niet-westerse migratieachtergrond', 'Share with a non-Western migration background', ['niet_westerse_migratieachtergrond'], 'inwoners'),
  { key: 'inkomen_per_inwoner', labelNl: 'Gemiddeld inkomen per inwoner', labelEn: 'Mean income per inhabitant', unit: 'euro-x1000', decimals: 1, numerators: ['inkomen_per_inwoner'] },
  { key: 'huishoudens_laag_inkomen_pct', labelNl: 'Huishoudens met een laag inkomen', labelEn: 'Households with a low income', unit: 'percent', decimals: 1, numerators: ['huishoudens_laag_inkomen_pct'] },
  { key: 'bijstand_per_1000', labelNl: 'Personen met bijstand per 1000 inwoners', labelEn: 'People on social assistance per 1000 inhabitants', unit: 'per-1000', decimals: 1, numerators: ['bijstand'], denominator: 'inwoners', scale: 1000 },
  share('pct_opleiding_laag', 'Aandeel laag opgeleid', 'Share with a low education level', ['opleiding_laag'], EDUCATION),
  share('pct_opleiding_middelbaar', 'Aandeel middelbaar opgeleid', 'Share with a medium education level', ['opleiding_middelbaar'], EDUCATION),
  share('pct_opleiding_hoog', 'Aandeel hoog opgeleid', 'Share with a high education level', ['opleiding_hoog'], EDUCATION),
  { key: 'stedelijkheid', labelNl: 'Stedelijkheid (1 = zeer sterk, 5 = niet stedelijk)', labelEn: 'Urbanity (1 = very strongly, 5 = not urban)', unit: 'class', decimals: 0, numerators: ['stedelijkheid'] },
  { key: 'bevolkingsdichtheid', labelNl: 'Bevolkingsdichtheid', labelEn: 'Population density', unit: 'per-km2', decimals: 0, numerators: ['bevolkingsdichtheid'] },
];

const AGE_SUFFIX = /_(18plus|18_64|65plus)$/;

/** Builds the profile of one area; null when the code is not in the register. */
export function buildProfile(cube: DataCube, code: string, options: ProfileOptions = {}): AreaProfile | null {
  const area = cube.area(code);
  if (area === undefined) return null;
  const ancestors = cube.ancestors(code);
  const ggd = area.ggdRegionCode === null ? undefined : cube.area(area.ggdRegionCode);
  const comparators = comparatorsOf(cube, area, ancestors);
  const health = healthFigures(cube, area, comparators);
  const latest = health.map((h) => ({ id: h.indicatorId, period: h.period }));
  const found = deviations(cube, code, area.level, latest);
  const limit = options.signalsPerDirection ?? 5;
  return {
    area: { ...ref(area), urbanity: area.urbanity, years: area.years },
    ancestors: ancestors.map(ref),
    ggdRegion: ggd === undefined ? null : ref(ggd),
    comparators: comparators.map((c) => ({ role: c.role, area: c.area })),
    population: POPULATION_FIGURES.filter((spec) => [...spec.numerators, ...denominatorIds(spec)].every((id) => cube.indicators.has(id))).map((spec) => populationFigure(cube, spec, code)),
    health,
    signals: { favourable: topSignals(found.favourable, limit), unfavourable: topSignals(found.unfavourable, limit) },
    clusters: clusters(cube, area.level, found.unfavourable),
    subAreas: subAreaTable(cube, code, options.keyIndicators ?? DEFAULT_KEY_INDICATORS),
    comparable: comparableAreas(cube, code, { limit: options.neighbours ?? 8 }),
    methods: METHODS,
  };
}

const METHODS: MethodNotes = {
  similarThresholdSd: SIMILAR_THRESHOLD_SD,
  clusterMinR: CLUSTER_MIN_R,
  judgementNl: `Het RIVM publiceert geen betrouwbaarheidsintervallen bij deze modelschattingen. Een verschil telt daarom pas als het minstens ${String(SIMILAR_THRESHOLD_SD).replace('.', ',')} keer de standaardafwijking is van dat cijfer tussen alle gebieden van hetzelfde niveau; kleinere verschillen heten 'vergelijkbaar'. Of hoger beter of slechter is, volgt uit de indicator.`,
  judgementEn: `RIVM publishes no confidence intervals for these model estimates. A difference therefore counts only when it is at least ${SIMILAR_THRESHOLD_SD} times the standard deviation of that figure across all areas of the same level; smaller differences are 'similar'. Whether higher is better or worse follows from the indicator.`,
  regionsNl: "Cijfers voor GGD-regio's en provincies zijn niet gepubliceerd: buurtbeeld berekent ze als gemiddelde van de gemeenten, gewogen naar het aantal inwoners in de leeftijdsgroep.",
  regionsEn: 'Figures for GGD regions and provinces are not published: buurtbeeld computes them as the mean of the gemeenten, weighted by the number of inhabitants in the age group.',
};

function ref(area: Area): AreaRef {
  return { code: area.code, name: area.name, level: area.level };
}

interface ResolvedComparator {
  role: ComparatorRole;
  area: AreaRef;
}

function comparatorsOf(cube: DataCube, area: Area, ancestors: Area[]): ResolvedComparator[] {
  const out: ResolvedComparator[] = [];
  const add = (role: ComparatorRole, code: string | null | undefined): void => {
    if (code === null || code === undefined || code === area.code) return;
    const a = cube.area(code);
    out.push({ role, area: a === undefined ? { code, name: code, level: role } : ref(a) });
  };
  if (area.level === 'wijk' || area.level === 'buurt') add('gemeente', ancestors.find((a) => a.level === 'gemeente')?.code);
  if (area.level === 'wijk' || area.level === 'buurt' || area.level === 'gemeente') {
    add('ggdregio', area.ggdRegionCode);
    add('provincie', area.provinceCode ?? ancestors.find((a) => a.level === 'provincie')?.code);
  }
  if (area.level !== 'land') add('land', NETHERLANDS);
  return out;
}

function populationFigure(cube: DataCube, spec: PopulationSpec, code: string): PopulationFigure {
  const resolved = resolveFigure(cube, spec, code);
  const derived = spec.denominator !== undefined || spec.numerators.length > 1;
  const denominators = denominatorIds(spec);
  const formula = denominators.length === 0 ? spec.numerators.join(' + ') : `(${spec.numerators.join(' + ')}) / (${denominators.join(' + ')}) × ${spec.scale ?? 1}`;
  const base = {
    key: spec.key,
    labelNl: spec.labelNl,
    labelEn: spec.labelEn,
    unit: spec.unit,
    decimals: spec.decimals,
    derivedFrom: derived ? { indicatorIds: [...spec.numerators, ...denominators], formula } : null,
  };
  if (resolved === null) {
    return { ...base, value: null, missing: 'not-in-dataset', period: null, classificationYear: null, fallbackNl: null, fallbackEn: null, provenance: [] };
  }
  return {
    ...base,
    value: resolved.value,
    missing: resolved.missing,
    period: resolved.period,
    classificationYear: resolved.classificationYear,
    fallbackNl: resolved.fellBack ? `Dit gebied komt niet voor in de gegevens van ${resolved.latestPeriod} (andere gebiedsindeling); cijfer van ${resolved.period}.` : null,
    fallbackEn: resolved.fellBack ? `This area does not occur in the ${resolved.latestPeriod} figures (different classification); figure from ${resolved.period}.` : null,
    provenance: resolved.inputs.map((i) => i.provenance),
  };
}

/** RIVM-style indicators: model estimates for an age group. */
function healthIndicators(cube: DataCube): Indicator[] {
  const themeOrder = ['gezondheid', 'leefstijl', 'psychisch', 'sociaal'];
  const ageOrder: (AgeGroup | null)[] = ['18+', '18-64', '65+'];
  return [...cube.indicators.values()]
    .filter((i) => i.isEstimate && i.ageGroup !== null && i.periods.length > 0)
    .sort((a, b) => themeRank(themeOrder, a.theme) - themeRank(themeOrder, b.theme) || a.id.replace(AGE_SUFFIX, '').localeCompare(b.id.replace(AGE_SUFFIX, '')) || ageOrder.indexOf(a.ageGroup) - ageOrder.indexOf(b.ageGroup));
}

function themeRank(order: string[], theme: string): number {
  const i = order.indexOf(theme);
  return i < 0 ? order.length : i;
}

function healthFigures(cube: DataCube, area: Area, comparators: ResolvedComparator[]): HealthFigure[] {
  return healthIndicators(cube).map((indicator) => {
    const latest = indicator.periods.at(-1)!;
    const period = latest.period;
    const value = valueOf(cube, indicator.id, period, area.code);
    const stats = levelStatistics(cube, indicator.id, period, area.level);
    const comparisons = comparators.map((c) => compareWith(value.value, { role: c.role, code: c.area.code, value: valueOf(cube, indicator.id, period, c.area.code) }, stats.sd, indicator.polarity));
    const nl = comparisons.find((c) => c.role === 'land');
    const gemeente = comparisons.find((c) => c.role === 'gemeente');
    const nlValue = nl?.value.value ?? (area.code === NETHERLANDS ? value.value : null);
    return {
      indicatorId: indicator.id,
      base: indicator.id.replace(AGE_SUFFIX, ''),
      labelNl: indicator.labelNl,
      labelEn: indicator.labelEn,
      theme: indicator.theme,
      ageGroup: indicator.ageGroup,
      polarity: indicator.polarity,
      unit: indicator.unit,
      decimals: indicator.decimals,
      isEstimate: indicator.isEstimate,
      period,
      provenance: latest.provenance,
      value,
      comparisons,
      judgementVsNl: nl?.judgement ?? 'no-judgement',
      judgementVsGemeente: gemeente === undefined ? null : gemeente.judgement,
      spine: area.level === 'land' || stats.n === 0 ? null : spine(stats, value.value, nlValue),
      trend: indicator.periods.map((p) => {
        const v = valueOf(cube, indicator.id, p.period, area.code);
        return { period: p.period, value: v.value, missing: v.missing, provenance: p.provenance };
      }),
    };
  });
}

function spine(stats: ReturnType<typeof levelStatistics>, areaValue: number | null, nlValue: number | null): SpineSummary {
  const s = stats.sorted;
  return {
    level: stats.level,
    n: stats.n,
    min: s[0]!,
    p5: quantile(s, 0.05),
    p25: quantile(s, 0.25),
    median: quantile(s, 0.5),
    p75: quantile(s, 0.75),
    p95: quantile(s, 0.95),
    max: s[s.length - 1]!,
    mean: stats.mean,
    sd: stats.sd,
    areaValue,
    rankFromHighest: areaValue === null ? null : rankFromHighest(s, areaValue),
    percentile: areaValue === null ? null : percentileRank(s, areaValue),
    nlValue,
  };
}

function subAreaTable(cube: DataCube, code: string, keyIndicators: readonly string[]): SubAreaTable {
  const indicators = keyIndicators.map((id) => cube.indicators.get(id)).filter((i): i is Indicator => i !== undefined);
  const children = cube.children(code);
  return {
    columns: indicators.map((i) => ({ indicatorId: i.id, labelNl: i.labelNl, labelEn: i.labelEn, unit: i.unit, decimals: i.decimals, polarity: i.polarity, isEstimate: i.isEstimate })),
    rows: children.map((child) => ({
      ...ref(child),
      years: child.years,
      cells: indicators.map((indicator): SubAreaCell => {
        // Each child on the newest edition that holds its code (wijk codes differ between classifications).
        const resolved = resolveFigure(cube, { numerators: [indicator.id] }, child.code);
        if (resolved === null) return { value: null, missing: 'not-in-dataset', period: null, judgementVsNl: 'no-judgement' };
        const nl = valueOf(cube, indicator.id, resolved.period, NETHERLANDS).value;
        const sd = levelStatistics(cube, indicator.id, resolved.period, child.level).sd;
        const difference = resolved.value === null || nl === null ? null : resolved.value - nl;
        return { value: resolved.value, missing: resolved.missing, period: resolved.period, judgementVsNl: judge(difference, sd, indicator.polarity) };
      }),
    })),
  };
}
