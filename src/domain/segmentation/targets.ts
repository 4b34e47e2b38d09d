// Target groups (doelgroepen) as documented, validated models over an area's population counts and indicators.
// A target group is plain data, so that built-in and user-defined groups go through the same validation and the
// same arithmetic (estimate.ts), and so that every number shown can be traced back to its formula and sources.
// The methods write-up is docs/methods.md; every constant below is explained there.
import { z } from 'zod';
import type { ReferenceTable } from '../../shared/snapshot.ts';
import type { Unit } from '../../shared/types.ts';

/** Indicator ids are the catalog's readable ids (`inwoners`, `overgewicht_18plus`). */
const indicatorIdSchema = z
  .string({ error: 'moet een indicator-id zijn (tekst)' })
  .regex(/^[a-z0-9_]+$/, { error: 'indicator-id mag alleen kleine letters, cijfers en _ bevatten' });

const slugSchema = z
  .string({ error: 'moet tekst zijn' })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'id mag alleen kleine letters, cijfers en koppeltekens bevatten' })
  // The API reads ids of at most 80 characters (targetIdSchema in src/server/segmentation.ts): a longer one could be
  // saved but never read or deleted.
  .max(80, { error: 'id mag hoogstens 80 tekens lang zijn' });

const textSchema = z.string({ error: 'moet tekst zijn' }).min(1, { error: 'mag niet leeg zijn' });

const relativeRiskSchema = z
  .object({
    estimate: z.number({ error: 'relatief risico moet een getal zijn' }).positive({ error: 'relatief risico moet groter dan 0 zijn' }),
    low: z.number({ error: 'ondergrens moet een getal zijn' }).positive({ error: 'ondergrens moet groter dan 0 zijn' }),
    high: z.number({ error: 'bovengrens moet een getal zijn' }).positive({ error: 'bovengrens moet groter dan 0 zijn' }),
  })
  .refine((rr) => rr.low <= rr.estimate && rr.estimate <= rr.high, {
    error: 'betrouwbaarheidsinterval klopt niet: ondergrens ≤ schatting ≤ bovengrens',
  });

const exposureSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      /** Share of residents (percent) exposed, from a percentage indicator. */
      kind: z.literal('percent'),
      indicator: indicatorIdSchema,
      /** Used when `indicator` has no values for the chosen period (e.g. 18–64 missing in 2020 → 18+). */
      fallbacks: z.array(indicatorIdSchema).default([]),
      /** Subtracted (percentage points): "overweight but not obese" = overgewicht − obesitas. */
      minus: indicatorIdSchema.optional(),
      /** Use 100 − value: "not meeting the activity guideline" = 100 − voldoet_beweegrichtlijn. */
      complement: z.boolean().default(false),
    }),
    z.object({
      /** Share exposed as count ÷ count, e.g. residents with a Turkish background ÷ residents. */
      kind: z.literal('count-ratio'),
      count: indicatorIdSchema,
      denominator: indicatorIdSchema,
    }),
  ],
  { error: 'blootstelling moet kind "percent" of "count-ratio" hebben' },
);

const factorCategorySchema = z.object({
  labelNl: textSchema,
  exposure: exposureSchema,
  /** Relative risk of the exposed versus the unexposed, with its 95% confidence interval. */
  relativeRisk: relativeRiskSchema,
  /** Literature source of the relative risk, full enough to look it up. */
  source: textSchema,
});

const factorSchema = z.object({
  id: slugSchema,
  labelNl: textSchema,
  labelEn: textSchema,
  /** Mutually exclusive exposure categories of one factor (e.g. overweight-not-obese, obese). */
  categories: z.array(factorCategorySchema).min(1, { error: 'een factor heeft minstens één categorie nodig' }),
});

const termSchema = z
  .object({
    labelNl: textSchema,
    /** Count indicator: the persons this term is about (e.g. leeftijd_45_64). */
    population: indicatorIdSchema,
    /** Part of the counted persons that belongs to the term, e.g. 0.7 for the 18–24-year-olds within 15–24. */
    populationFraction: z.number().gt(0, { error: 'populationFraction moet groter dan 0 zijn' }).max(1, { error: 'populationFraction mag hoogstens 1 zijn' }).default(1),
    /** Percentage indicator: the share of those persons in the target group. */
    share: indicatorIdSchema.optional(),
    /** Tried in order when `share` has no values for the chosen period. */
    shareFallbacks: z.array(indicatorIdSchema).default([]),
    /** Fixed proportion (0–1) instead of a share indicator, e.g. an age-specific prevalence. */
    rate: z.number().min(0, { error: 'rate moet tussen 0 en 1 liggen' }).max(1, { error: 'rate moet tussen 0 en 1 liggen' }).optional(),
  })
  .refine((term) => term.share === undefined || term.rate === undefined, {
    error: 'een term heeft een share-indicator óf een vaste rate, niet allebei',
  })
  .refine((term) => term.shareFallbacks.length === 0 || term.share !== undefined, {
    error: 'shareFallbacks zonder share',
  });

const calibrationSchema = z.object({
  /** National total the estimate is scaled to (persons). */
  nationalTotal: z.number().positive({ error: 'nationalTotal moet groter dan 0 zijn' }),
  /** Year the national total refers to. */
  year: z.number().int(),
  sourceNl: textSchema,
});

export const targetSchema = z.object({
  id: slugSchema,
  labelNl: textSchema,
  labelEn: textSchema,
  /** What the number means, in plain Dutch (B1), shown beside every estimate. */
  descriptionNl: textSchema,
  /** Summed: the base number of persons before risk adjustment. */
  terms: z.array(termSchema).min(1, { error: 'een doelgroep heeft minstens één term nodig' }),
  /** Multiplicative adjustments for local excess of risk factors relative to the national level. */
  factors: z.array(factorSchema).default([]),
  /** Scale the age-based expectation so that the national total equals a published figure. */
  calibration: calibrationSchema.optional(),
  /**
   * After adjustment, rescale the areas of a level so that their total equals the unadjusted total: the factors
   * then move people between areas but do not change the national number.
   */
  renormalise: z.boolean().default(false),
  /** Sources of the model as a whole. */
  sources: z.array(textSchema).default([]),
});

/** A validated target group (defaults filled in). */
export type TargetDefinition = z.infer<typeof targetSchema>;
export type TargetInput = z.input<typeof targetSchema>;
export type TargetTerm = TargetDefinition['terms'][number];
export type TargetFactor = TargetDefinition['factors'][number];
export type FactorCategory = TargetFactor['categories'][number];
export type Exposure = FactorCategory['exposure'];
export type RelativeRisk = FactorCategory['relativeRisk'];

export interface ValidationIssue {
  /** Where in the definition, e.g. `terms.0.share`. */
  path: string;
  message: string;
}

export type ValidationResult = { ok: true; target: TargetDefinition } | { ok: false; issues: ValidationIssue[] };

/** What validation needs to know of the catalog: the unit of each indicator id. */
export type UnitCatalog = ReadonlyMap<string, { unit: Unit }>;

/**
 * Validates a target group definition (built-in or from a user): first its shape, then every indicator it names
 * against the catalog — unknown ids, share indicators that are not percentages and population indicators that
 * are not counts are reported with their place in the definition, all at once.
 */
export function validateTarget(input: unknown, catalog: UnitCatalog): ValidationResult {
  const parsed = targetSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
    };
  }
  const target = parsed.data;
  const issues: ValidationIssue[] = [];
  const expect = (path: string, id: string, unit: 'count' | 'percent'): void => {
    const entry = catalog.get(id);
    if (entry === undefined) {
      issues.push({ path, message: `onbekende indicator "${id}"` });
    } else if (entry.unit !== unit) {
      const wanted = unit === 'count' ? 'aantal (eenheid count)' : 'percentage (eenheid percent)';
      issues.push({ path, message: `indicator "${id}" is geen ${wanted} maar heeft eenheid ${entry.unit}` });
    }
  };
  target.terms.forEach((term, t) => {
    expect(`terms.${t}.population`, term.population, 'count');
    if (term.share !== undefined) expect(`terms.${t}.share`, term.share, 'percent');
    term.shareFallbacks.forEach((id, f) => expect(`terms.${t}.shareFallbacks.${f}`, id, 'percent'));
  });
  target.factors.forEach((factor, f) => {
    factor.categories.forEach((category, c) => {
      const path = `factors.${f}.categories.${c}.exposure`;
      const exposure = category.exposure;
      if (exposure.kind === 'percent') {
        expect(`${path}.indicator`, exposure.indicator, 'percent');
        exposure.fallbacks.forEach((id, i) => expect(`${path}.fallbacks.${i}`, id, 'percent'));
        if (exposure.minus !== undefined) expect(`${path}.minus`, exposure.minus, 'percent');
      } else {
        expect(`${path}.count`, exposure.count, 'count');
        expect(`${path}.denominator`, exposure.denominator, 'count');
      }
    });
  });
  return issues.length === 0 ? { ok: true, target } : { ok: false, issues };
}

/** Parses a definition that is known to be well-formed (built-ins); throws with all issues otherwise. */
function defineTarget(input: TargetInput): TargetDefinition {
  const parsed = targetSchema.safeParse(input);
  if (!parsed.success) throw new Error(`target "${input.id}": ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return parsed.data;
}

// ---------------------------------------------------------------------------------------------------------------
// Indicator ids the built-in targets read (KWB ids from src/import/catalog/kwb.ts, RIVM ids `${base}_${age}`).

export const IDS = {
  inwoners: 'inwoners',
  age15to24: 'leeftijd_15_24',
  age25to44: 'leeftijd_25_44',
  age45to64: 'leeftijd_45_64',
  age65plus: 'leeftijd_65plus',
  suriname: 'migratie_suriname',
  turkije: 'migratie_turkije',
  marokko: 'migratie_marokko',
  landArea: 'oppervlakte_land',
  overweight18plus: 'overgewicht_18plus',
  overweight18to64: 'overgewicht_18_64',
  overweight65plus: 'overgewicht_65plus',
  obese18plus: 'obesitas_18plus',
  meetsActivityGuideline18plus: 'voldoet_beweegrichtlijn_18plus',
  lonely65plus: 'eenzaam_65plus',
  severelyLonely65plus: 'ernstig_eenzaam_65plus',
  makingEndsMeet18plus: 'moeite_rondkomen_18plus',
  mobilityLimitation65plus: 'beperking_bewegen_65plus',
} as const;

/** Part of the 15–24-year-olds that is 18 or older: 7 of 10 single years, assuming equal cohort sizes. */
export const ADULT_FRACTION_OF_15_24 = 0.7;

/**
 * Relative risks for type 2 diabetes used by the built-in models (95% CI). Incidence RRs from meta-analyses and
 * cohort studies, used as prevalence ratios: an approximation stated in docs/methods.md.
 */
export const RELATIVE_RISKS = {
  /** Not meeting the activity guideline; 1/0.65 (1/0.71–1/0.59) from high vs low activity. */
  inactivity: {
    rr: { estimate: 1.54, low: 1.41, high: 1.69 },
    source:
      'Aune D, Norat T, Leitzmann M, Tonstad S, Vatten LJ. Physical activity and the risk of type 2 diabetes: a systematic review and dose-response meta-analysis. Eur J Epidemiol 2015;30:529–542 (RR hoog vs laag 0,65; 0,59–0,71), omgerekend naar inactief vs actief.',
  },
  overweight: {
    rr: { estimate: 2.99, low: 2.42, high: 3.72 },
    source:
      'Abdullah A, Peeters A, de Courten M, Stoelwinder J. The magnitude of association between overweight and obesity and the risk of diabetes: a meta-analysis of prospective cohort studies. Diabetes Res Clin Pract 2010;89:309–319 (overgewicht BMI 25–30).',
  },
  obesity: {
    rr: { estimate: 7.19, low: 5.74, high: 9.0 },
    source: 'Abdullah A et al. Diabetes Res Clin Pract 2010;89:309–319 (obesitas BMI ≥ 30).',
  },
  suriname: {
    rr: { estimate: 3.0, low: 2.0, high: 4.0 },
    source:
      'HELIUS: Snijder MB et al. Cohort profile: the Healthy Life in an Urban Setting (HELIUS) study. Int J Epidemiol 2017;46:1319–1319j, en Bindraban NR et al. Prevalence of diabetes mellitus and the performance of a risk score among Hindustani Surinamese, African Surinamese and ethnic Dutch. BMC Public Health 2008;8:271. Afgeronde planningswaarde voor de CBS-telling "Suriname" (Hindostaans- en Afrikaans-Surinaams samen).',
  },
  turkije: {
    rr: { estimate: 2.0, low: 1.5, high: 2.7 },
    source: 'HELIUS (Snijder MB et al. 2017), leeftijd- en geslachtgecorrigeerde prevalentieverhouding, afgerond.',
  },
  marokko: {
    rr: { estimate: 2.5, low: 1.8, high: 3.3 },
    source: 'HELIUS (Snijder MB et al. 2017), leeftijd- en geslachtgecorrigeerde prevalentieverhouding, afgerond.',
  },
  lowIncome: {
    rr: { estimate: 1.4, low: 1.04, high: 1.88 },
    source:
      'Agardh E, Allebeck P, Hallqvist J, Moradi T, Sidorchuk A. Type 2 diabetes incidence and socio-economic position: a systematic review and meta-analysis. Int J Epidemiol 2011;40:804–818 (laag vs hoog inkomen).',
  },
} as const;

/** A factor as written in a definition (defaults not yet filled in). */
type FactorInput = NonNullable<TargetInput['factors']>[number];

const migrationFactor: FactorInput = {
  id: 'migratieachtergrond',
  labelNl: 'Migratieachtergrond met hoger risico',
  labelEn: 'Migration background with higher risk',
  categories: [
    {
      labelNl: 'Surinaamse achtergrond',
      exposure: { kind: 'count-ratio', count: IDS.suriname, denominator: IDS.inwoners },
      relativeRisk: RELATIVE_RISKS.suriname.rr,
      source: RELATIVE_RISKS.suriname.source,
    },
    {
      labelNl: 'Turkse achtergrond',
      exposure: { kind: 'count-ratio', count: IDS.turkije, denominator: IDS.inwoners },
      relativeRisk: RELATIVE_RISKS.turkije.rr,
      source: RELATIVE_RISKS.turkije.source,
    },
    {
      labelNl: 'Marokkaanse achtergrond',
      exposure: { kind: 'count-ratio', count: IDS.marokko, denominator: IDS.inwoners },
      relativeRisk: RELATIVE_RISKS.marokko.rr,
      source: RELATIVE_RISKS.marokko.source,
    },
  ],
};

const lowIncomeFactor: FactorInput = {
  id: 'laag-inkomen',
  labelNl: 'Moeite met rondkomen (lage SES)',
  labelEn: 'Difficulty making ends meet (low SES)',
  categories: [
    {
      labelNl: 'Moeite met rondkomen',
      exposure: { kind: 'percent', indicator: IDS.makingEndsMeet18plus },
      relativeRisk: RELATIVE_RISKS.lowIncome.rr,
      source: RELATIVE_RISKS.lowIncome.source,
    },
  ],
};

const inactivityFactor: FactorInput = {
  id: 'bewegen',
  labelNl: 'Te weinig bewegen',
  labelEn: 'Physical inactivity',
  categories: [
    {
      labelNl: 'Voldoet niet aan de beweegrichtlijn',
      exposure: { kind: 'percent', indicator: IDS.meetsActivityGuideline18plus, complement: true },
      relativeRisk: RELATIVE_RISKS.inactivity.rr,
      source: RELATIVE_RISKS.inactivity.source,
    },
  ],
};

const overweightFactor: FactorInput = {
  id: 'overgewicht',
  labelNl: 'Overgewicht en obesitas',
  labelEn: 'Overweight and obesity',
  categories: [
    {
      labelNl: 'Overgewicht zonder obesitas (BMI 25–30)',
      exposure: { kind: 'percent', indicator: IDS.overweight18plus, minus: IDS.obese18plus },
      relativeRisk: RELATIVE_RISKS.overweight.rr,
      source: RELATIVE_RISKS.overweight.source,
    },
    {
      labelNl: 'Obesitas (BMI ≥ 30)',
      exposure: { kind: 'percent', indicator: IDS.obese18plus },
      relativeRisk: RELATIVE_RISKS.obesity.rr,
      source: RELATIVE_RISKS.obesity.source,
    },
  ],
};

/**
 * Adults 45+ with overweight, weighted for the local excess of the other risk factors. Overweight is in the base
 * (not a factor) and age in the population terms, so neither is counted twice.
 */
export const RISK_DIABETES_TYPE_2: TargetDefinition = defineTarget({
  id: 'verhoogd-risico-diabetes-type-2',
  labelNl: 'Volwassenen met verhoogd risico op diabetes type 2',
  labelEn: 'Adults at elevated risk of type 2 diabetes',
  descriptionNl:
    'Geschat aantal inwoners van 45 jaar en ouder met overgewicht, gewogen naar hoe vaak in het gebied te weinig bewegen, een migratieachtergrond met hoger risico en moeite met rondkomen voorkomen (vergeleken met heel Nederland).',
  terms: [
    {
      labelNl: '45 tot 65 jaar met overgewicht',
      population: IDS.age45to64,
      share: IDS.overweight18to64,
      shareFallbacks: [IDS.overweight18plus],
    },
    {
      labelNl: '65 jaar en ouder met overgewicht',
      population: IDS.age65plus,
      share: IDS.overweight65plus,
      shareFallbacks: [IDS.overweight18plus],
    },
  ],
  factors: [inactivityFactor, migrationFactor, lowIncomeFactor],
  renormalise: true,
  sources: [
    'Lindström J, Tuomilehto J. The diabetes risk score (FINDRISC). Diabetes Care 2003;26:725–731 (keuze van risicofactoren: leeftijd, BMI, bewegen).',
    'NHG-Standaard Diabetes mellitus type 2 (risicogroepen: 45+, overgewicht, etnische herkomst, lage SES).',
    'RIVM/GGD/CBS Gezondheidsmonitor Volwassenen en Ouderen, kleinereichschattingen (tabel 50090NED).',
    'CBS Kerncijfers wijken en buurten (leeftijd, migratieachtergrond).',
  ],
});

export const LONELY_ELDERLY: TargetDefinition = defineTarget({
  id: 'eenzame-ouderen',
  labelNl: 'Eenzame ouderen',
  labelEn: 'Lonely older people',
  descriptionNl: 'Geschat aantal inwoners van 65 jaar en ouder dat zich eenzaam voelt.',
  terms: [{ labelNl: '65 jaar en ouder, eenzaam', population: IDS.age65plus, share: IDS.lonely65plus }],
  sources: ['RIVM/GGD/CBS Gezondheidsmonitor (eenzaamheid, schaal De Jong Gierveld), CBS KWB (aantal 65+).'],
});

export const SEVERELY_LONELY_ELDERLY: TargetDefinition = defineTarget({
  id: 'ernstig-eenzame-ouderen',
  labelNl: 'Ernstig eenzame ouderen',
  labelEn: 'Severely lonely older people',
  descriptionNl: 'Geschat aantal inwoners van 65 jaar en ouder dat zich ernstig of zeer ernstig eenzaam voelt.',
  terms: [{ labelNl: '65 jaar en ouder, (zeer) ernstig eenzaam', population: IDS.age65plus, share: IDS.severelyLonely65plus }],
  sources: ['RIVM/GGD/CBS Gezondheidsmonitor (eenzaamheid, schaal De Jong Gierveld), CBS KWB (aantal 65+).'],
});

/** Adults approximated from the KWB bands: 70% of 15–24 (ages 18–24) plus 25–44, 45–64 and 65+. */
export const MAKING_ENDS_MEET: TargetDefinition = defineTarget({
  id: 'moeite-met-rondkomen',
  labelNl: 'Volwassenen met moeite met rondkomen',
  labelEn: 'Adults with difficulty making ends meet',
  descriptionNl: 'Geschat aantal inwoners van 18 jaar en ouder dat moeite heeft om rond te komen.',
  terms: [
    { labelNl: '18 tot 25 jaar', population: IDS.age15to24, populationFraction: ADULT_FRACTION_OF_15_24, share: IDS.makingEndsMeet18plus },
    { labelNl: '25 tot 45 jaar', population: IDS.age25to44, share: IDS.makingEndsMeet18plus },
    { labelNl: '45 tot 65 jaar', population: IDS.age45to64, share: IDS.makingEndsMeet18plus },
    { labelNl: '65 jaar en ouder', population: IDS.age65plus, share: IDS.makingEndsMeet18plus },
  ],
  sources: ['RIVM/GGD/CBS Gezondheidsmonitor (moeite met rondkomen), CBS KWB (leeftijdsopbouw).'],
});

export const FALL_RISK_ELDERLY: TargetDefinition = defineTarget({
  id: 'ouderen-valrisico',
  labelNl: 'Ouderen met een beperking in bewegen (valrisico)',
  labelEn: 'Older people with a mobility limitation (fall risk)',
  descriptionNl:
    'Geschat aantal inwoners van 65 jaar en ouder met een beperking in bewegen: een groep met een verhoogd risico om te vallen.',
  terms: [{ labelNl: '65 jaar en ouder met beperking in bewegen', population: IDS.age65plus, share: IDS.mobilityLimitation65plus }],
  sources: ['RIVM/GGD/CBS Gezondheidsmonitor (beperking in bewegen), CBS KWB (aantal 65+).'],
});

// ---------------------------------------------------------------------------------------------------------------
// Diabetes type 2: indirect standardisation on a national age-specific prevalence.

/** Id of the national reference table with GP-registered diabetes per 1000 by year × sex × age class. */
export const DIABETES_REFERENCE_TABLE_ID = 'diabetes-huisarts-2002-2009';

/**
 * Current national number of people with type 2 diabetes the expectation is scaled to: about 1.2 million people
 * with diabetes in 2023 (Nivel Zorgregistraties eerste lijn, via VZinfo "Diabetes mellitus"), of whom about 90%
 * type 2. Replace when a newer figure is published.
 */
export const DIABETES_TYPE_2_NATIONAL = {
  nationalTotal: 1_080_000,
  year: 2023,
  sourceNl:
    'Ongeveer 1,2 miljoen mensen met diabetes in 2023 (Nivel Zorgregistraties eerste lijn, via VZinfo.nl "Diabetes mellitus"), van wie ongeveer 90% type 2: 1.080.000.',
};

/** KWB age bands used for the standardisation; under-15s are left out (diabetes there is almost all type 1). */
export const DIABETES_AGE_BANDS = [
  { population: IDS.age15to24, from: 15, to: 25, labelNl: '15 tot 25 jaar' },
  { population: IDS.age25to44, from: 25, to: 45, labelNl: '25 tot 45 jaar' },
  { population: IDS.age45to64, from: 45, to: 65, labelNl: '45 tot 65 jaar' },
  { population: IDS.age65plus, from: 65, to: Number.POSITIVE_INFINITY, labelNl: '65 jaar en ouder' },
] as const;

export interface AgeBandRate {
  population: string;
  labelNl: string;
  /** Prevalence per 1000 in the band: mean of the source age classes within it. */
  per1000: number;
  /** Source age classes averaged, as labelled in the table. */
  classes: string[];
}

export interface DiabetesModel {
  target: TargetDefinition;
  /** Year of the reference table whose age profile was used. */
  referenceYear: number;
  rates: AgeBandRate[];
}

/** Reads "45 tot 50 jaar" → [45, 50), "75 jaar of ouder" → [75, ∞), "0 jaar" → [0, 1); other labels → null. */
export function parseAgeClass(label: string): { from: number; to: number } | null {
  const range = /^(\d+) tot (\d+) jaar$/.exec(label.trim());
  if (range !== null) return { from: Number(range[1]), to: Number(range[2]) };
  const open = /^(\d+) jaar of ouder$/.exec(label.trim());
  if (open !== null) return { from: Number(open[1]), to: Number.POSITIVE_INFINITY };
  const single = /^(\d+) jaar$/.exec(label.trim());
  if (single !== null) return { from: Number(single[1]), to: Number(single[1]) + 1 };
  return null;
}

/**
 * Builds the `diabetes-type-2` target from the national reference table: the latest year, both sexes, the
 * 5-year age classes averaged (equal weights: the national 5-year population is not in the data; the
 * calibration absorbs the level, only the age gradient matters) into the KWB bands, then scaled to the current
 * national total and adjusted for overweight/obesity, migration background and low income (renormalised).
 */
export function diabetesType2Target(
  table: ReferenceTable,
  calibration: { nationalTotal: number; year: number; sourceNl: string } = DIABETES_TYPE_2_NATIONAL,
): DiabetesModel {
  const yearDim = table.dimensions.indexOf('jaar');
  const sexDim = table.dimensions.indexOf('geslacht');
  const ageDim = table.dimensions.indexOf('leeftijd');
  if (yearDim < 0 || sexDim < 0 || ageDim < 0) {
    throw new Error(`reference table ${table.id} needs dimensions jaar, geslacht, leeftijd; has ${table.dimensions.join(', ')}`);
  }
  const bothSexes = table.rows.filter((row) => /^totaal/i.test(row.dims[sexDim] ?? '') && row.value !== null);
  const years = [...new Set(bothSexes.map((row) => Number(row.dims[yearDim])))].filter(Number.isFinite);
  if (years.length === 0) throw new Error(`reference table ${table.id} has no values for both sexes`);
  const referenceYear = Math.max(...years);
  const rows = bothSexes.filter((row) => Number(row.dims[yearDim]) === referenceYear);
  const rates: AgeBandRate[] = DIABETES_AGE_BANDS.map((band) => {
    const inBand = rows.filter((row) => {
      const ageClass = parseAgeClass(row.dims[ageDim] ?? '');
      return ageClass !== null && ageClass.from >= band.from && ageClass.to <= band.to;
    });
    if (inBand.length === 0) throw new Error(`reference table ${table.id} ${referenceYear} has no age classes within ${band.labelNl}`);
    const per1000 = inBand.reduce((sum, row) => sum + row.value!, 0) / inBand.length;
    return { population: band.population, labelNl: band.labelNl, per1000, classes: inBand.map((row) => row.dims[ageDim]!) };
  });
  const target = defineTarget({
    id: 'diabetes-type-2',
    labelNl: 'Mensen met diabetes type 2',
    labelEn: 'People with type 2 diabetes',
    descriptionNl:
      'Verwacht aantal inwoners met diabetes type 2: de landelijke kans per leeftijdsgroep toegepast op de leeftijdsopbouw van het gebied, en daarna bijgesteld voor overgewicht, migratieachtergrond en moeite met rondkomen in het gebied.',
    terms: rates.map((rate) => ({ labelNl: rate.labelNl, population: rate.population, rate: rate.per1000 / 1000 })),
    factors: [overweightFactor, migrationFactor, lowIncomeFactor],
    calibration,
    renormalise: true,
    sources: [
      `CBS StatLine, personen met een door de huisarts geregistreerde zorgepisode diabetes mellitus per 1000, ${referenceYear} (leeftijdsprofiel).`,
      calibration.sourceNl,
      'NHG-Standaard Diabetes mellitus type 2; RIVM VZinfo Diabetes mellitus.',
    ],
  });
  return { target, referenceYear, rates };
}

/** The built-in targets that need no reference table, by id. */
export const BUILT_IN_TARGETS: readonly TargetDefinition[] = [
  RISK_DIABETES_TYPE_2,
  LONELY_ELDERLY,
  SEVERELY_LONELY_ELDERLY,
  MAKING_ENDS_MEET,
  FALL_RISK_ELDERLY,
];
