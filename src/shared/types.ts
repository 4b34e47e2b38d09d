// Types shared by every layer: the vocabulary of buurtbeeld's data.
// Nothing here computes or does I/O; see ARCHITECTURE.md for who may import what.

/** CBS regional levels, plus the GGD-regio that public health works in. */
export const LEVELS = ['land', 'provincie', 'ggdregio', 'gemeente', 'wijk', 'buurt'] as const;
export type Level = (typeof LEVELS)[number];

/**
 * One area of the register. A code keeps its identity across classification years (CBS reuses a code only for
 * the same area); `years` lists the classification years in which the code occurs in any imported dataset, so a
 * merged gemeente (e.g. GM0003 Appingedam, only up to 2020) stays findable with the data that describe it.
 */
export interface Area {
  /** CBS code: NL00, PVxx, GMxxxx, WKxxxxxx, BUxxxxxxxx; GGD-regio's have a readable slug (`ggd-amsterdam`). */
  code: string;
  level: Level;
  /** Name in the most recent classification year that has this code. */
  name: string;
  /** Parent in the CBS hierarchy (buurt → wijk → gemeente → provincie → land); null for NL00. */
  parentCode: string | null;
  /** Classification years in which this code occurs, ascending. */
  years: number[];
  /** For gemeenten (and their wijken and buurten, inherited): provincie code PVxx. */
  provinceCode: string | null;
  /** For gemeenten (and below): GGD-regio code. */
  ggdRegionCode: string | null;
  /** CBS "mate van stedelijkheid" 1 (zeer sterk stedelijk) … 5 (niet stedelijk), of the most recent year known. */
  urbanity: number | null;
}

export type Polarity = 'higher-is-better' | 'higher-is-worse' | 'no-judgement';

/** Age groups of the Gezondheidsmonitor; null where an indicator is about all residents or about areas. */
export type AgeGroup = '18+' | '18-64' | '65+';

export type Unit =
  | 'count'
  | 'percent'
  | 'per-1000'
  | 'per-km2'
  | 'euro-x1000'
  | 'km'
  | 'ha'
  | 'kwh'
  | 'm3'
  | 'class'
  | 'persons-per-household'
  | 'cars-per-household'
  | 'cars-per-km2'
  | 'euro'
  | 'number';

/** Where the values of one indicator for one period come from: enough to cite and to re-fetch. */
export interface Provenance {
  datasetId: string;
  publisher: string;
  /** StatLine table id (e.g. 85318NED, 50090NED) or the publication's identifier. */
  tableId: string;
  /** Column name exactly as in the source file or OData table (e.g. `a_inw`, `Overgewicht_9`). */
  sourceColumn: string;
  /** The regional classification (gebiedsindeling) year the values are on. */
  classificationYear: number;
}

export interface Indicator {
  /** Stable, readable id, e.g. `inwoners`, `overgewicht_18plus`. Never reused for another meaning. */
  id: string;
  labelNl: string;
  labelEn: string;
  unit: Unit;
  definitionNl: string;
  definitionEn: string;
  theme: Theme;
  ageGroup: AgeGroup | null;
  polarity: Polarity;
  /** What a percentage or rate is a share of, e.g. "inwoners van 18 jaar en ouder"; null for counts and sizes. */
  shareOfNl: string | null;
  shareOfEn: string | null;
  /** True for model-based estimates (RIVM small-area estimates): shown as "modelschatting". */
  isEstimate: boolean;
  /** Decimals to show. */
  decimals: number;
  /** One entry per period for which values exist, ascending by period. */
  periods: IndicatorPeriod[];
}

export interface IndicatorPeriod {
  /** Period label as used in queries: a year ("2022"). */
  period: string;
  /** What the period means for this indicator, e.g. "1 januari 2022" or "2020 (enquête najaar 2020)". */
  referenceNl: string;
  provenance: Provenance;
}

export const THEMES = [
  'bevolking',
  'huishoudens',
  'migratie',
  'inkomen',
  'sociale-zekerheid',
  'onderwijs-arbeid',
  'wonen',
  'energie',
  'voorzieningen',
  'bedrijven',
  'mobiliteit',
  'oppervlakte',
  'stedelijkheid',
  'gezondheid',
  'leefstijl',
  'psychisch',
  'sociaal',
  'zorgkosten',
] as const;
export type Theme = (typeof THEMES)[number];

/**
 * Why a value is missing. A missing value is never 0: CBS/RIVM leave cells empty when a figure is unknown,
 * secret (too few people) or not applicable; CBS symbols say which.
 */
export type MissingReason =
  | 'empty' // empty cell: unknown, secret or not applicable (source does not say which)
  | 'unknown' // CBS "." cijfer onbekend of geheim
  | 'secret' // CBS "x" geheim
  | 'unreliable' // "?" onbetrouwbaar
  | 'not-in-dataset'; // the area does not occur in the dataset that holds this period

export const MISSING_REASON_CODES: Record<MissingReason, number> = {
  empty: 1,
  unknown: 2,
  secret: 3,
  unreliable: 4,
  'not-in-dataset': 5,
};
export const MISSING_REASONS: readonly MissingReason[] = ['empty', 'unknown', 'secret', 'unreliable', 'not-in-dataset'];

/** One cell: a value or an explained absence. */
export type Cell = { value: number; missing?: undefined } | { value: null; missing: MissingReason };

/** Description of one imported dataset (one source file or OData table on one classification year). */
export interface DatasetInfo {
  /** Stable id, e.g. `kwb-2022`, `rivm-2020-18plus`. */
  id: string;
  titleNl: string;
  publisher: string;
  tableId: string;
  licence: string;
  classificationYear: number;
  /** Files (relative to the data directory) or OData URL the dataset was read from. */
  source: string[];
  /** sha256 over the source bytes; equal hash = same data, so re-importing changes nothing. */
  contentHash: string;
}
