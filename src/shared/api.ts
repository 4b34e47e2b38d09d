// Response shapes of the HTTP API /api/v1 that both the server and the browser client use, so the client's
// one `api` module and the server cannot drift apart.
import type { Area, MissingReason, Unit } from './types.ts';

export interface ListResponse<T> {
  items: T[];
}

export interface AreaDetail {
  area: Area;
  ancestors: Area[];
  children: Area[];
}

export interface ValueSource {
  datasetId: string;
  tableId: string;
  /** Column name exactly as in the source. */
  column: string;
  classificationYear: number;
}

export interface ValueRow {
  area: string;
  indicator: string;
  period: string;
  /** null when missing; `missing` then says why. */
  value: number | null;
  missing: MissingReason | null;
  unit: Unit;
  isEstimate: boolean;
  source: ValueSource;
}

export interface GeometryInfo {
  id: string;
  level: string;
  classificationYear: number;
  codeProperty: string;
  datasetId: string;
}

/** RFC 9457 problem details, as every error of the API is returned. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
}

// --- Segmentation: target groups, estimates, rankings, typology, activities ------------------------------------

/** A target group (doelgroep) as listed: built-in (defined in code) or saved by a user. */
export interface TargetSummary {
  id: string;
  labelNl: string;
  labelEn: string;
  descriptionNl: string;
  builtIn: boolean;
  /** When a user saved it; null for built-ins. */
  createdAt: string | null;
}

/** One indicator a target group reads, with what it is used for. */
export interface TargetIndicatorUse {
  /** Place in the definition, e.g. `terms.0.share`. */
  role: string;
  id: string;
  labelNl: string;
  unit: string;
  isEstimate: boolean;
}

/** A target group explained: its definition, the formulas in words, the indicators and sources. */
export interface TargetDetail<Definition = unknown> extends TargetSummary {
  /** The validated definition (schema: src/domain/segmentation/targets.ts). */
  definition: Definition;
  formulasNl: string[];
  indicators: TargetIndicatorUse[];
  /** For diabetes-type-2: the national age profile the expectation is built on. */
  referenceModel: { referenceYear: number; rates: { population: string; labelNl: string; per1000: number; classes: string[] }[] } | null;
  /** Where the method is written up in the app. */
  methodsPath: string;
}

/** A validation problem of a definition, with its place (`terms.0.share`). */
export interface TargetValidationIssue {
  path: string;
  message: string;
}

export interface MissingInputInfo {
  indicatorId: string;
  period: string;
  reason: MissingReason;
}

/** One area's estimate; null numbers mean "no estimate", `missing` then says which inputs lacked and why. */
export interface TargetEstimateRow {
  code: string;
  name: string;
  estimate: number | null;
  low: number | null;
  high: number | null;
  /** % of all residents. */
  share: number | null;
  /** Persons per km² land. */
  density: number | null;
  terms: { labelNl: string; value: number | null }[];
  factors: { id: string; labelNl: string; multiplier: number | null; contribution: number | null }[];
  normalisation: number | null;
  missing: readonly MissingInputInfo[];
}

export interface TargetEstimates {
  target: TargetSummary;
  level: string;
  parent: string | null;
  populationPeriod: string;
  sharePeriod: string | null;
  calibrationFactor: number;
  renormalisationFactor: number;
  usedIndicators: { role: string; requested: string; used: string; period: string }[];
  /** Sum of the estimates of the listed areas that have one. */
  total: number;
  /** Listed areas without an estimate. */
  unestimable: number;
  noteNl: string;
  items: TargetEstimateRow[];
}

export type StratumId = 'grote-stad' | 'kleinere-stad' | 'platteland';

export interface RankingEntry {
  rank: number;
  code: string;
  name: string;
  gemeenteCode: string;
  stratum: StratumId | null;
  value: number;
  low: number;
  high: number;
  /** The plausible range reaches into the next area's: the order between the two is uncertain. */
  overlapsNext: boolean;
}

export interface RankingGroupInfo {
  groupCode: string;
  groupName: string;
  stratum: StratumId | null;
  candidates: number;
  entries: RankingEntry[];
}

export interface TargetRanking {
  target: TargetSummary;
  level: string;
  metric: 'number' | 'share' | 'density';
  per: 'province' | 'ggdregio';
  top: number;
  strata: boolean;
  thresholds: { bigCityMinInhabitants: number; bigCityMaxUrbanity: number; ruralMinUrbanity: number };
  strataNl: Record<StratumId, string>;
  populationPeriod: string;
  sharePeriod: string | null;
  groups: RankingGroupInfo[];
  unranked: { code: string; reason: string }[];
  warningNl: string;
}

export interface NeighbourhoodTypeInfo {
  id: string;
  labelNl: string;
  size: number;
  distinguishing: { featureId: string; meanZ: number; phraseNl: string }[];
  tags: string[];
}

export interface TypologyResult {
  level: string;
  k: number;
  seed: number;
  populationPeriod: string;
  sharePeriod: string;
  silhouette: { k: number; score: number }[];
  features: { id: string; highNl: string; lowNl: string }[];
  /** Default features without values at this level, and why. */
  leftOutFeatures: { id: string; reasonNl: string }[];
  types: NeighbourhoodTypeInfo[];
  excluded: number;
  items: { code: string; name: string; type: string }[];
}

export interface ActivityInfo {
  id: string;
  nameNl: string;
  descriptionNl: string;
  themes: string[];
  targetGroups: string[];
  settings: string[];
  accessibility: { lowLiteracy: boolean; notesNl: string };
  financing: string[];
  recognition: { status: 'erkend' | 'onbekend'; noteNl: string };
  suitsTags: string[];
}

export interface ActivityMatchInfo {
  activity: ActivityInfo;
  score: number;
  forTargetGroup: boolean;
  reasonsNl: string[];
}

export interface ActivityPalette {
  target: TargetSummary;
  type: NeighbourhoodTypeInfo | null;
  items: ActivityMatchInfo[];
}
