// The indicator catalog for the CBS key-figure datasets (Kerncijfers wijken en buurten 2021, 2022, 2024, the CBS
// maatwerk tables on income and car ownership, the key figures on the PDOK gemeente maps, and the Vektis
// health-care costs carried by those maps), plus, per dataset, which source column holds which indicator.
// One id means one thing everywhere: the same definition and unit whatever file or year it comes from, so that a
// time series across datasets compares like with like. Where a source publishes a share (PDOK age groups in %)
// and another a count (KWB persons per age group), they are different indicators with different ids.
import type { DatasetRecord, IndicatorDefinition } from '../../shared/snapshot.ts';
import type { Polarity, Theme, Unit } from '../../shared/types.ts';

/**
 * What the period of a figure means. CBS fills each KWB edition (verslagjaar Y) over time; the StatLine
 * descriptions of 85984NED state per theme what Y refers to: population, dwellings, businesses and vehicles on
 * 1 January Y; income over the year Y; benefits as a stock at the end of December Y; the WOZ value with the
 * valuation date of 1 January Y-1 (tax year Y); births and deaths during Y. Where the text does not establish
 * it (energy, proximity, education level, labour, Wmo) we say only which edition the figure comes from.
 */
export type ReferenceKind = 'jan1' | 'calendar-year' | 'income' | 'wealth' | 'year-end' | 'woz' | 'edition' | 'vektis';

/** Dutch text for IndicatorPeriod.referenceNl. */
export function referenceNl(kind: ReferenceKind, year: number): string {
  switch (kind) {
    case 'jan1':
      return `1 januari ${year}`;
    case 'calendar-year':
      return `${year} (heel kalenderjaar)`;
    case 'income':
      return `${year} (inkomen)`;
    case 'wealth':
      return `${year} (vermogen)`;
    case 'year-end':
      return `eind december ${year}`;
    case 'woz':
      return `waardepeildatum 1 januari ${year - 1} (belastingjaar ${year})`;
    case 'edition':
      return `KWB-editie ${year}`;
    case 'vektis':
      return `${year} (zorgkosten in het jaar)`;
  }
}

/** One source column (CSV header or GeoJSON property) that holds one indicator. */
export interface ColumnMapping {
  column: string;
  indicatorId: string;
  reference: ReferenceKind;
}

interface Def {
  id: string;
  nl: string;
  en: string;
  unit: Unit;
  theme: Theme;
  defNl: string;
  defEn: string;
  polarity?: Polarity;
  decimals?: number;
  shareOf?: readonly [string, string];
}

function ind(d: Def): IndicatorDefinition {
  return {
    id: d.id,
    labelNl: d.nl,
    labelEn: d.en,
    unit: d.unit,
    definitionNl: d.defNl,
    definitionEn: d.defEn,
    theme: d.theme,
    ageGroup: null,
    polarity: d.polarity ?? 'no-judgement',
    shareOfNl: d.shareOf?.[0] ?? null,
    shareOfEn: d.shareOf?.[1] ?? null,
    isEstimate: false,
    decimals: d.decimals ?? 0,
  };
}

const INWONERS = ['inwoners', 'residents'] as const;
const WONINGEN = ['woningen', 'dwellings'] as const;
const HUISHOUDENS = ['particuliere huishoudens', 'private households'] as const;
const HH_INKOMEN = ['particuliere huishoudens met waargenomen inkomen', 'private households with observed income'] as const;
const HH_MINIMUM = ['particuliere huishoudens met een inkomen over het hele jaar (zonder studentenhuishoudens)', 'private households with a full-year income (excluding student households)'] as const;

/** Kinds of dwelling and tenure that CBS splits energy use by (KWB suffixes _ap, _tw, _hw, _2w, _vw, _hu, _ko). */
const DWELLING_SPLITS = [
  { suffix: 'ap', id: 'appartement', nl: 'appartement', en: 'flat' },
  { suffix: 'tw', id: 'tussenwoning', nl: 'tussenwoning', en: 'terraced house' },
  { suffix: 'hw', id: 'hoekwoning', nl: 'hoekwoning', en: 'end-of-terrace house' },
  { suffix: '2w', id: 'twee_onder_een_kap', nl: 'twee-onder-een-kapwoning', en: 'semi-detached house' },
  { suffix: 'vw', id: 'vrijstaand', nl: 'vrijstaande woning', en: 'detached house' },
  { suffix: 'hu', id: 'huurwoning', nl: 'huurwoning', en: 'rented dwelling' },
  { suffix: 'ko', id: 'koopwoning', nl: 'koopwoning', en: 'owner-occupied dwelling' },
] as const;

const energy: IndicatorDefinition[] = [
  ind({ id: 'elektriciteitsverbruik', nl: 'Elektriciteitsverbruik woningen', en: 'Household electricity use', unit: 'kwh', theme: 'energie',
    defNl: 'Gemiddelde jaarlevering van elektriciteit aan particuliere woningen via het openbare net, in kWh, afgerond op tientallen.',
    defEn: 'Average annual electricity delivered to private dwellings through the public grid, in kWh, rounded to tens.' }),
  ...DWELLING_SPLITS.map((s) => ind({ id: `elektriciteitsverbruik_${s.id}`, nl: `Elektriciteitsverbruik ${s.nl}`, en: `Electricity use, ${s.en}`, unit: 'kwh', theme: 'energie',
    defNl: `Gemiddelde jaarlevering van elektriciteit per ${s.nl}, in kWh; vermeld bij zes of meer bewoonde woningen van dit soort.`,
    defEn: `Average annual electricity delivered per ${s.en}, in kWh; shown where there are six or more occupied dwellings of this kind.` })),
  ind({ id: 'aardgasverbruik', nl: 'Aardgasverbruik woningen', en: 'Household natural gas use', unit: 'm3', theme: 'energie',
    defNl: 'Gemiddeld jaarverbruik van aardgas van particuliere woningen, in m³. Woningen met stadsverwarming tellen mee en drukken het gemiddelde.',
    defEn: 'Average annual natural gas use of private dwellings, in m³. Dwellings on district heating are included and lower the average.' }),
  ...DWELLING_SPLITS.map((s) => ind({ id: `aardgasverbruik_${s.id}`, nl: `Aardgasverbruik ${s.nl}`, en: `Natural gas use, ${s.en}`, unit: 'm3', theme: 'energie',
    defNl: `Gemiddeld jaarverbruik van aardgas per ${s.nl}, in m³; vermeld bij zes of meer bewoonde woningen van dit soort.`,
    defEn: `Average annual natural gas use per ${s.en}, in m³; shown where there are six or more occupied dwellings of this kind.` })),
  ind({ id: 'stadsverwarming_pct', nl: 'Woningen met stadsverwarming', en: 'Dwellings on district heating', unit: 'percent', theme: 'energie', decimals: 1, shareOf: WONINGEN,
    defNl: 'Aandeel woningen dat is aangesloten op stadsverwarming (een warmtenet in de wijk).',
    defEn: 'Share of dwellings connected to district heating (a neighbourhood heat network).' }),
];

/** Every indicator these datasets can hold, in catalog order. */
export const KWB_INDICATORS: readonly IndicatorDefinition[] = [
  // Bevolking
  ind({ id: 'inwoners', nl: 'Inwoners', en: 'Residents', unit: 'count', theme: 'bevolking',
    defNl: 'Aantal personen dat op 1 januari in het bevolkingsregister (BRP) van een gemeente in dit gebied staat ingeschreven.',
    defEn: 'Number of people registered in the municipal population register (BRP) as living in this area on 1 January.' }),
  ind({ id: 'mannen', nl: 'Mannen', en: 'Men', unit: 'count', theme: 'bevolking',
    defNl: 'Aantal mannelijke inwoners op 1 januari.', defEn: 'Number of male residents on 1 January.' }),
  ind({ id: 'vrouwen', nl: 'Vrouwen', en: 'Women', unit: 'count', theme: 'bevolking',
    defNl: 'Aantal vrouwelijke inwoners op 1 januari.', defEn: 'Number of female residents on 1 January.' }),
  ind({ id: 'leeftijd_0_14', nl: 'Inwoners 0 tot 15 jaar', en: 'Residents aged 0–14', unit: 'count', theme: 'bevolking',
    defNl: 'Aantal inwoners dat op 1 januari 0 tot 15 jaar oud is.', defEn: 'Number of residents aged 0 to 14 on 1 January.' }),
  ind({ id: 'leeftijd_15_24', nl: 'Inwoners 15 tot 25 jaar', en: 'Residents aged 15–24', unit: 'count', theme: 'bevolking',
    defNl: 'Aantal inwoners dat op 1 januari 15 tot 25 jaar oud is.', defEn: 'Number of residents aged 15 to 24 on 1 January.' }),
  ind({ id: 'leeftijd_25_44', nl: 'Inwoners 25 tot 45 jaar', en: 'Residents aged 25–44', unit: 'count', theme: 'bevolking',
    defNl: 'Aantal inwoners dat op 1 januari 25 tot 45 jaar oud is.', defEn: 'Number of residents aged 25 to 44 on 1 January.' }),
  ind({ id: 'leeftijd_45_64', nl: 'Inwoners 45 tot 65 jaar', en: 'Residents aged 45–64', unit: 'count', theme: 'bevolking',
    defNl: 'Aantal inwoners dat op 1 januari 45 tot 65 jaar oud is.', defEn: 'Number of residents aged 45 to 64 on 1 January.' }),
  ind({ id: 'leeftijd_65plus', nl: 'Inwoners 65 jaar of ouder', en: 'Residents aged 65+', unit: 'count', theme: 'bevolking',
    defNl: 'Aantal inwoners dat op 1 januari 65 jaar of ouder is.', defEn: 'Number of residents aged 65 or over on 1 January.' }),
  ind({ id: 'aandeel_0_14', nl: 'Aandeel 0 tot 15 jaar', en: 'Share aged 0–14', unit: 'percent', theme: 'bevolking', shareOf: INWONERS,
    defNl: 'Inwoners van 0 tot 15 jaar als percentage van alle inwoners op 1 januari, afgerond op hele procenten.',
    defEn: 'Residents aged 0 to 14 as a percentage of all residents on 1 January, rounded to whole percent.' }),
  ind({ id: 'aandeel_15_24', nl: 'Aandeel 15 tot 25 jaar', en: 'Share aged 15–24', unit: 'percent', theme: 'bevolking', shareOf: INWONERS,
    defNl: 'Inwoners van 15 tot 25 jaar als percentage van alle inwoners op 1 januari, afgerond op hele procenten.',
    defEn: 'Residents aged 15 to 24 as a percentage of all residents on 1 January, rounded to whole percent.' }),
  ind({ id: 'aandeel_25_44', nl: 'Aandeel 25 tot 45 jaar', en: 'Share aged 25–44', unit: 'percent', theme: 'bevolking', shareOf: INWONERS,
    defNl: 'Inwoners van 25 tot 45 jaar als percentage van alle inwoners op 1 januari, afgerond op hele procenten.',
    defEn: 'Residents aged 25 to 44 as a percentage of all residents on 1 January, rounded to whole percent.' }),
  ind({ id: 'aandeel_45_64', nl: 'Aandeel 45 tot 65 jaar', en: 'Share aged 45–64', unit: 'percent', theme: 'bevolking', shareOf: INWONERS,
    defNl: 'Inwoners van 45 tot 65 jaar als percentage van alle inwoners op 1 januari, afgerond op hele procenten.',
    defEn: 'Residents aged 45 to 64 as a percentage of all residents on 1 January, rounded to whole percent.' }),
  ind({ id: 'aandeel_65plus', nl: 'Aandeel 65 jaar of ouder', en: 'Share aged 65+', unit: 'percent', theme: 'bevolking', shareOf: INWONERS,
    defNl: 'Inwoners van 65 jaar of ouder als percentage van alle inwoners op 1 januari, afgerond op hele procenten.',
    defEn: 'Residents aged 65 or over as a percentage of all residents on 1 January, rounded to whole percent.' }),
  ind({ id: 'ongehuwd', nl: 'Ongehuwd', en: 'Never married', unit: 'count', theme: 'bevolking',
    defNl: 'Aantal inwoners dat op 1 januari nooit een huwelijk of geregistreerd partnerschap is aangegaan.',
    defEn: 'Number of residents who on 1 January have never married or entered a registered partnership.' }),
  ind({ id: 'gehuwd', nl: 'Gehuwd', en: 'Married', unit: 'count', theme: 'bevolking',
    defNl: 'Aantal inwoners dat op 1 januari gehuwd is of een geregistreerd partnerschap heeft (ook wie van tafel en bed gescheiden is).',
    defEn: 'Number of residents who on 1 January are married or in a registered partnership (including legal separation).' }),
  ind({ id: 'gescheiden', nl: 'Gescheiden', en: 'Divorced', unit: 'count', theme: 'bevolking',
    defNl: 'Aantal inwoners dat op 1 januari gescheiden is na een huwelijk of geregistreerd partnerschap.',
    defEn: 'Number of residents who on 1 January are divorced from a marriage or registered partnership.' }),
  ind({ id: 'verweduwd', nl: 'Verweduwd', en: 'Widowed', unit: 'count', theme: 'bevolking',
    defNl: 'Aantal inwoners van wie op 1 januari de partner is overleden en die niet hertrouwd zijn.',
    defEn: 'Number of residents who on 1 January are widowed and have not remarried.' }),
  ind({ id: 'ongehuwd_pct', nl: 'Aandeel ongehuwd', en: 'Share never married', unit: 'percent', theme: 'bevolking', shareOf: INWONERS,
    defNl: 'Ongehuwde inwoners als percentage van alle inwoners op 1 januari.', defEn: 'Never-married residents as a percentage of all residents on 1 January.' }),
  ind({ id: 'gehuwd_pct', nl: 'Aandeel gehuwd', en: 'Share married', unit: 'percent', theme: 'bevolking', shareOf: INWONERS,
    defNl: 'Gehuwde inwoners (inclusief geregistreerd partnerschap) als percentage van alle inwoners op 1 januari.',
    defEn: 'Married residents (including registered partnerships) as a percentage of all residents on 1 January.' }),
  ind({ id: 'geboorten', nl: 'Geboorten', en: 'Births', unit: 'count', theme: 'bevolking',
    defNl: 'Aantal levendgeborenen van 1 januari tot en met 31 december van het jaar.', defEn: 'Number of live births from 1 January to 31 December of the year.' }),
  ind({ id: 'geboorten_per_1000', nl: 'Geboorten per 1000 inwoners', en: 'Births per 1,000 residents', unit: 'per-1000', theme: 'bevolking', shareOf: INWONERS,
    defNl: 'Levendgeborenen in het jaar per 1000 inwoners op 1 januari; in snel groeiende wijken kan dit hoog uitvallen.',
    defEn: 'Live births during the year per 1,000 residents on 1 January; it can be high in fast-growing neighbourhoods.' }),
  ind({ id: 'sterfgevallen', nl: 'Sterfgevallen', en: 'Deaths', unit: 'count', theme: 'bevolking',
    defNl: 'Aantal overledenen van 1 januari tot en met 31 december van het jaar.', defEn: 'Number of deaths from 1 January to 31 December of the year.' }),
  ind({ id: 'sterfte_per_1000', nl: 'Sterfte per 1000 inwoners', en: 'Deaths per 1,000 residents', unit: 'per-1000', theme: 'bevolking', shareOf: INWONERS,
    defNl: 'Overledenen in het jaar per 1000 inwoners op 1 januari (ruwe sterfte, niet gecorrigeerd voor leeftijd; een verpleeghuis in de buurt telt zwaar).',
    defEn: 'Deaths during the year per 1,000 residents on 1 January (crude rate, not age-adjusted; a nursing home in the area weighs heavily).' }),
  ind({ id: 'bevolkingsdichtheid', nl: 'Bevolkingsdichtheid', en: 'Population density', unit: 'per-km2', theme: 'bevolking',
    defNl: 'Aantal inwoners op 1 januari per km² land.', defEn: 'Residents on 1 January per km² of land.' }),
  // Migratie en herkomst
  ind({ id: 'westerse_migratieachtergrond', nl: 'Westerse migratieachtergrond', en: 'Western migration background', unit: 'count', theme: 'migratie',
    defNl: 'Aantal inwoners met een westerse migratieachtergrond (zelf of ten minste één ouder geboren in Europa, Noord-Amerika, Oceanië, Indonesië of Japan; CBS-indeling tot 2022).',
    defEn: 'Residents with a Western migration background (they or at least one parent born in Europe, North America, Oceania, Indonesia or Japan; CBS classification up to 2022).' }),
  ind({ id: 'niet_westerse_migratieachtergrond', nl: 'Niet-westerse migratieachtergrond', en: 'Non-Western migration background', unit: 'count', theme: 'migratie',
    defNl: 'Aantal inwoners met een niet-westerse migratieachtergrond (zelf of ten minste één ouder geboren in Afrika, Latijns-Amerika of Azië behalve Indonesië en Japan, of in Turkije).',
    defEn: 'Residents with a non-Western migration background (they or at least one parent born in Africa, Latin America or Asia except Indonesia and Japan, or in Turkey).' }),
  ind({ id: 'migratie_marokko', nl: 'Migratieachtergrond Marokko', en: 'Moroccan background', unit: 'count', theme: 'migratie',
    defNl: 'Aantal inwoners met een migratieachtergrond uit Marokko.', defEn: 'Residents with a migration background from Morocco.' }),
  ind({ id: 'migratie_antillen_aruba', nl: 'Migratieachtergrond Ned. Antillen en Aruba', en: 'Dutch Caribbean background', unit: 'count', theme: 'migratie',
    defNl: 'Aantal inwoners met een migratieachtergrond uit de (voormalige) Nederlandse Antillen of Aruba.', defEn: 'Residents with a migration background from the (former) Netherlands Antilles or Aruba.' }),
  ind({ id: 'migratie_suriname', nl: 'Migratieachtergrond Suriname', en: 'Surinamese background', unit: 'count', theme: 'migratie',
    defNl: 'Aantal inwoners met een migratieachtergrond uit Suriname.', defEn: 'Residents with a migration background from Suriname.' }),
  ind({ id: 'migratie_turkije', nl: 'Migratieachtergrond Turkije', en: 'Turkish background', unit: 'count', theme: 'migratie',
    defNl: 'Aantal inwoners met een migratieachtergrond uit Turkije.', defEn: 'Residents with a migration background from Turkey.' }),
  ind({ id: 'migratie_overig_niet_westers', nl: 'Overige niet-westerse migratieachtergrond', en: 'Other non-Western background', unit: 'count', theme: 'migratie',
    defNl: 'Aantal inwoners met een niet-westerse migratieachtergrond anders dan Marokko, Turkije, Suriname of de Antillen en Aruba.',
    defEn: 'Residents with a non-Western migration background other than Morocco, Turkey, Suriname or the Dutch Caribbean.' }),
  ind({ id: 'herkomst_nederland_pct', nl: 'Herkomst Nederland', en: 'Dutch origin', unit: 'percent', theme: 'migratie', shareOf: INWONERS,
    defNl: 'Aandeel inwoners met herkomst Nederland volgens de CBS-herkomstindeling vanaf 2022 (geboorteland van de persoon en de ouders).',
    defEn: 'Share of residents of Dutch origin in the CBS origin classification from 2022 (country of birth of the person and the parents).' }),
  ind({ id: 'herkomst_europa_pct', nl: 'Herkomst Europa (excl. Nederland)', en: 'European origin (excl. Dutch)', unit: 'percent', theme: 'migratie', shareOf: INWONERS,
    defNl: 'Aandeel inwoners met een Europese herkomst buiten Nederland volgens de CBS-herkomstindeling vanaf 2022.',
    defEn: 'Share of residents of European origin other than Dutch in the CBS origin classification from 2022.' }),
  ind({ id: 'herkomst_buiten_europa_pct', nl: 'Herkomst buiten Europa', en: 'Origin outside Europe', unit: 'percent', theme: 'migratie', shareOf: INWONERS,
    defNl: 'Aandeel inwoners met een herkomst buiten Europa volgens de CBS-herkomstindeling vanaf 2022.',
    defEn: 'Share of residents with an origin outside Europe in the CBS origin classification from 2022.' }),
  // Huishoudens
  ind({ id: 'huishoudens', nl: 'Huishoudens', en: 'Households', unit: 'count', theme: 'huishoudens',
    defNl: 'Aantal particuliere huishoudens op 1 januari: een of meer personen die samen een woonruimte bewonen en zelf in hun onderhoud voorzien (geen instellingen).',
    defEn: 'Number of private households on 1 January: one or more people sharing a dwelling and providing for themselves (institutions excluded).' }),
  ind({ id: 'eenpersoonshuishoudens', nl: 'Eenpersoonshuishoudens', en: 'Single-person households', unit: 'count', theme: 'huishoudens',
    defNl: 'Aantal particuliere huishoudens van één persoon op 1 januari.', defEn: 'Number of one-person private households on 1 January.' }),
  ind({ id: 'huishoudens_zonder_kinderen', nl: 'Huishoudens zonder kinderen', en: 'Households without children', unit: 'count', theme: 'huishoudens',
    defNl: 'Aantal meerpersoonshuishoudens zonder thuiswonende kinderen op 1 januari.', defEn: 'Number of multi-person households without children living at home on 1 January.' }),
  ind({ id: 'huishoudens_met_kinderen', nl: 'Huishoudens met kinderen', en: 'Households with children', unit: 'count', theme: 'huishoudens',
    defNl: 'Aantal huishoudens met thuiswonende kinderen (paren en eenouderhuishoudens) op 1 januari.', defEn: 'Number of households with children living at home (couples and single parents) on 1 January.' }),
  ind({ id: 'eenpersoonshuishoudens_pct', nl: 'Aandeel eenpersoonshuishoudens', en: 'Share single-person households', unit: 'percent', theme: 'huishoudens', shareOf: HUISHOUDENS,
    defNl: 'Eenpersoonshuishoudens als percentage van alle particuliere huishoudens op 1 januari.', defEn: 'One-person households as a percentage of all private households on 1 January.' }),
  ind({ id: 'huishoudens_zonder_kinderen_pct', nl: 'Aandeel huishoudens zonder kinderen', en: 'Share households without children', unit: 'percent', theme: 'huishoudens', shareOf: HUISHOUDENS,
    defNl: 'Meerpersoonshuishoudens zonder kinderen als percentage van alle particuliere huishoudens.', defEn: 'Multi-person households without children as a percentage of all private households.' }),
  ind({ id: 'huishoudens_met_kinderen_pct', nl: 'Aandeel huishoudens met kinderen', en: 'Share households with children', unit: 'percent', theme: 'huishoudens', shareOf: HUISHOUDENS,
    defNl: 'Huishoudens met thuiswonende kinderen als percentage van alle particuliere huishoudens.', defEn: 'Households with children living at home as a percentage of all private households.' }),
  ind({ id: 'gemiddelde_huishoudensgrootte', nl: 'Gemiddelde huishoudensgrootte', en: 'Average household size', unit: 'persons-per-household', theme: 'huishoudens', decimals: 1,
    defNl: 'Aantal personen in particuliere huishoudens gedeeld door het aantal particuliere huishoudens.', defEn: 'People living in private households divided by the number of private households.' }),
  // Wonen
  ind({ id: 'woningvoorraad', nl: 'Woningvoorraad', en: 'Dwelling stock', unit: 'count', theme: 'wonen',
    defNl: 'Aantal woningen op 1 januari: verblijfsobjecten met ten minste een woonfunctie.', defEn: 'Number of dwellings on 1 January: premises with at least a residential function.' }),
  ind({ id: 'woz_waarde', nl: 'Gemiddelde WOZ-waarde', en: 'Average WOZ property value', unit: 'euro-x1000', theme: 'wonen',
    defNl: 'Gemiddelde WOZ-waarde van woningen in duizenden euro’s, op de waardepeildatum van 1 januari van het voorgaande jaar.',
    defEn: 'Average assessed (WOZ) value of dwellings in thousands of euros, valued on 1 January of the previous year.' }),
  ind({ id: 'eengezinswoningen_pct', nl: 'Eengezinswoningen', en: 'Single-family dwellings', unit: 'percent', theme: 'wonen', shareOf: WONINGEN,
    defNl: 'Woningen die een heel pand vormen (rijtjeshuizen, twee-onder-een-kap, vrijstaand) als percentage van de woningvoorraad.',
    defEn: 'Dwellings that form a whole building (terraced, semi-detached, detached) as a percentage of the dwelling stock.' }),
  ind({ id: 'meergezinswoningen_pct', nl: 'Meergezinswoningen', en: 'Multi-family dwellings', unit: 'percent', theme: 'wonen', shareOf: WONINGEN,
    defNl: 'Woningen die met andere woningen of bedrijfsruimten één pand vormen (flats, appartementen, boven- en benedenwoningen), als percentage van de woningvoorraad.',
    defEn: 'Dwellings sharing a building with other dwellings or business premises (flats, apartments, upper and lower units), as a percentage of the stock.' }),
  ind({ id: 'bewoonde_woningen_pct', nl: 'Bewoonde woningen', en: 'Occupied dwellings', unit: 'percent', theme: 'wonen', shareOf: WONINGEN,
    defNl: 'Woningen waar op 1 januari iemand in de BRP staat ingeschreven, als percentage van de woningvoorraad.',
    defEn: 'Dwellings where someone is registered in the population register on 1 January, as a percentage of the stock.' }),
  ind({ id: 'leegstaande_woningen_pct', nl: 'Leegstaande woningen', en: 'Vacant dwellings', unit: 'percent', theme: 'wonen', shareOf: WONINGEN,
    defNl: 'Woningen waar op 1 januari niemand in de BRP staat ingeschreven, als percentage van de woningvoorraad.',
    defEn: 'Dwellings where nobody is registered in the population register on 1 January, as a percentage of the stock.' }),
  ind({ id: 'koopwoningen_pct', nl: 'Koopwoningen', en: 'Owner-occupied dwellings', unit: 'percent', theme: 'wonen', shareOf: WONINGEN,
    defNl: 'Woningen in eigendom van de bewoner (of als tweede woning in gebruik), als percentage van de woningvoorraad.',
    defEn: 'Dwellings owned by their occupant (or used as a second home), as a percentage of the dwelling stock.' }),
  ind({ id: 'huurwoningen_pct', nl: 'Huurwoningen', en: 'Rented dwellings', unit: 'percent', theme: 'wonen', shareOf: WONINGEN,
    defNl: 'Woningen die niet door de eigenaar worden bewoond, als percentage van de woningvoorraad.',
    defEn: 'Dwellings not occupied by their owner, as a percentage of the dwelling stock.' }),
  ind({ id: 'corporatiewoningen_pct', nl: 'Huurwoningen van een corporatie', en: 'Housing-association dwellings', unit: 'percent', theme: 'wonen', shareOf: WONINGEN,
    defNl: 'Huurwoningen in eigendom van een woningcorporatie, als percentage van de woningvoorraad (niet hetzelfde als sociale huur).',
    defEn: 'Rented dwellings owned by a housing association, as a percentage of the stock (not the same as social rent).' }),
  ind({ id: 'overige_verhuurders_pct', nl: 'Huurwoningen van overige verhuurders', en: 'Dwellings let by other landlords', unit: 'percent', theme: 'wonen', shareOf: WONINGEN,
    defNl: 'Huurwoningen in eigendom van bedrijven, particulieren of beleggers, als percentage van de woningvoorraad.',
    defEn: 'Rented dwellings owned by companies, private persons or investors, as a percentage of the stock.' }),
  ind({ id: 'eigendom_onbekend_pct', nl: 'Woningen met onbekende eigendom', en: 'Dwellings of unknown ownership', unit: 'percent', theme: 'wonen', shareOf: WONINGEN,
    defNl: 'Woningen waarvan niet is vast te stellen of ze gehuurd of gekocht zijn, als percentage van de woningvoorraad.',
    defEn: 'Dwellings whose tenure could not be established, as a percentage of the stock.' }),
  ind({ id: 'bouwjaar_voor_2000_pct', nl: 'Woningen gebouwd voor 2000', en: 'Dwellings built before 2000', unit: 'percent', theme: 'wonen', shareOf: WONINGEN,
    defNl: 'Woningen met een bouwjaar voor 2000, als percentage van de woningvoorraad.', defEn: 'Dwellings built before 2000, as a percentage of the stock.' }),
  ind({ id: 'bouwjaar_vanaf_2000_pct', nl: 'Woningen gebouwd vanaf 2000', en: 'Dwellings built from 2000', unit: 'percent', theme: 'wonen', shareOf: WONINGEN,
    defNl: 'Woningen met een bouwjaar in 2000 of later, als percentage van de woningvoorraad.', defEn: 'Dwellings built in 2000 or later, as a percentage of the stock.' }),
  // Energie
  ...energy,
  // Onderwijs en arbeid
  ind({ id: 'opleiding_laag', nl: 'Opleidingsniveau laag', en: 'Low education level', unit: 'count', theme: 'onderwijs-arbeid',
    defNl: 'Aantal inwoners van 15 tot 75 jaar met als hoogst behaalde opleiding basisonderwijs, vmbo, mbo-1 of de onderbouw van havo/vwo. Afgerond op tientallen.',
    defEn: 'Residents aged 15–74 whose highest completed education is primary school, pre-vocational (vmbo), mbo level 1 or lower secondary. Rounded to tens.' }),
  ind({ id: 'opleiding_middelbaar', nl: 'Opleidingsniveau middelbaar', en: 'Intermediate education level', unit: 'count', theme: 'onderwijs-arbeid',
    defNl: 'Aantal inwoners van 15 tot 75 jaar met als hoogst behaalde opleiding havo, vwo of mbo-2 tot en met mbo-4. Afgerond op tientallen.',
    defEn: 'Residents aged 15–74 whose highest completed education is senior general secondary (havo/vwo) or mbo levels 2–4. Rounded to tens.' }),
  ind({ id: 'opleiding_hoog', nl: 'Opleidingsniveau hoog', en: 'High education level', unit: 'count', theme: 'onderwijs-arbeid',
    defNl: 'Aantal inwoners van 15 tot 75 jaar met als hoogst behaalde opleiding hbo of wo. Afgerond op tientallen.',
    defEn: 'Residents aged 15–74 whose highest completed education is higher professional (hbo) or university (wo). Rounded to tens.' }),
  ind({ id: 'nettoarbeidsparticipatie', nl: 'Nettoarbeidsparticipatie', en: 'Net labour participation', unit: 'percent', theme: 'onderwijs-arbeid', polarity: 'higher-is-better',
    shareOf: ['inwoners van 15 tot 75 jaar', 'residents aged 15–74'],
    defNl: 'Werkzame personen (werknemers en zelfstandigen) als percentage van alle inwoners van 15 tot 75 jaar.',
    defEn: 'Employed people (employees and self-employed) as a percentage of all residents aged 15–74.' }),
  ind({ id: 'werknemers_pct', nl: 'Werknemers', en: 'Employees', unit: 'percent', theme: 'onderwijs-arbeid', shareOf: ['werkzame inwoners van 15 tot 75 jaar', 'employed residents aged 15–74'],
    defNl: 'Werknemers als percentage van de werkzame inwoners van 15 tot 75 jaar.', defEn: 'Employees as a percentage of employed residents aged 15–74.' }),
  ind({ id: 'zelfstandigen_pct', nl: 'Zelfstandigen', en: 'Self-employed', unit: 'percent', theme: 'onderwijs-arbeid', shareOf: ['werkzame inwoners van 15 tot 75 jaar', 'employed residents aged 15–74'],
    defNl: 'Zelfstandigen als percentage van de werkzame inwoners van 15 tot 75 jaar.', defEn: 'Self-employed people as a percentage of employed residents aged 15–74.' }),
  // Inkomen
  ind({ id: 'inkomensontvangers', nl: 'Inkomensontvangers', en: 'Income recipients', unit: 'count', theme: 'inkomen',
    defNl: 'Aantal personen in particuliere huishoudens met een persoonlijk inkomen in het jaar.', defEn: 'Number of people in private households with a personal income during the year.' }),
  ind({ id: 'inkomen_per_ontvanger', nl: 'Gemiddeld inkomen per inkomensontvanger', en: 'Average income per recipient', unit: 'euro-x1000', theme: 'inkomen', decimals: 1,
    defNl: 'Gemiddeld persoonlijk bruto-inkomen per inkomensontvanger in particuliere huishoudens, in duizenden euro’s.',
    defEn: 'Average gross personal income per income recipient in private households, in thousands of euros.' }),
  ind({ id: 'inkomen_per_inwoner', nl: 'Gemiddeld inkomen per inwoner', en: 'Average income per resident', unit: 'euro-x1000', theme: 'inkomen', decimals: 1,
    defNl: 'Gemiddeld persoonlijk inkomen per inwoner van particuliere huishoudens (ook wie geen inkomen heeft telt mee), in duizenden euro’s.',
    defEn: 'Average personal income per resident of private households (people without income count too), in thousands of euros.' }),
  ind({ id: 'personen_laagste_40pct_inkomen', nl: 'Personen met laagste 40% inkomens', en: 'People in the lowest 40% of incomes', unit: 'percent', theme: 'inkomen', decimals: 1,
    shareOf: ['personen met persoonlijk inkomen', 'people with a personal income'],
    defNl: 'Aandeel inkomensontvangers dat hoort bij de landelijk 40% laagste persoonlijke inkomens.', defEn: 'Share of income recipients in the lowest 40% of personal incomes nationally.' }),
  ind({ id: 'personen_hoogste_20pct_inkomen', nl: 'Personen met hoogste 20% inkomens', en: 'People in the highest 20% of incomes', unit: 'percent', theme: 'inkomen', decimals: 1,
    shareOf: ['personen met persoonlijk inkomen', 'people with a personal income'],
    defNl: 'Aandeel inkomensontvangers dat hoort bij de landelijk 20% hoogste persoonlijke inkomens.', defEn: 'Share of income recipients in the highest 20% of personal incomes nationally.' }),
  ind({ id: 'gestandaardiseerd_inkomen', nl: 'Gemiddeld gestandaardiseerd huishoudinkomen', en: 'Average equivalised household income', unit: 'euro-x1000', theme: 'inkomen', decimals: 1,
    defNl: 'Gemiddeld besteedbaar huishoudinkomen, omgerekend naar een eenpersoonshuishouden zodat huishoudens van verschillende grootte vergelijkbaar zijn, in duizenden euro’s.',
    defEn: 'Average disposable household income, converted to a one-person equivalent so households of different size compare, in thousands of euros.' }),
  ind({ id: 'huishoudens_laagste_40pct_inkomen', nl: 'Huishoudens met laagste 40% inkomens', en: 'Households in the lowest 40% of incomes', unit: 'percent', theme: 'inkomen', decimals: 1,
    polarity: 'higher-is-worse', shareOf: HH_INKOMEN,
    defNl: 'Aandeel particuliere huishoudens dat hoort bij de landelijk 40% huishoudens met het laagste besteedbaar inkomen (landelijk dus per definitie 40%).',
    defEn: 'Share of private households in the national bottom 40% of disposable household income (40% nationally by definition).' }),
  ind({ id: 'huishoudens_hoogste_20pct_inkomen', nl: 'Huishoudens met hoogste 20% inkomens', en: 'Households in the highest 20% of incomes', unit: 'percent', theme: 'inkomen', decimals: 1,
    shareOf: HH_INKOMEN,
    defNl: 'Aandeel particuliere huishoudens dat hoort bij de landelijk 20% huishoudens met het hoogste besteedbaar inkomen (landelijk dus per definitie 20%).',
    defEn: 'Share of private households in the national top 20% of disposable household income (20% nationally by definition).' }),
  ind({ id: 'huishoudens_laag_inkomen_pct', nl: 'Huishoudens met een laag inkomen', en: 'Low-income households', unit: 'percent', theme: 'inkomen', decimals: 1,
    polarity: 'higher-is-worse', shareOf: HH_MINIMUM,
    defNl: 'Aandeel huishoudens met een gestandaardiseerd inkomen onder de vaste CBS-lage-inkomensgrens (koopkracht van een bijstandsuitkering rond 1979).',
    defEn: 'Share of households whose equivalised income is below the fixed CBS low-income threshold (purchasing power of a social-assistance benefit around 1979).' }),
  ind({ id: 'huishoudens_rond_sociaal_minimum_pct', nl: 'Huishoudens onder of rond sociaal minimum', en: 'Households at or below the social minimum', unit: 'percent', theme: 'inkomen', decimals: 1,
    polarity: 'higher-is-worse', shareOf: HH_MINIMUM,
    defNl: 'Aandeel huishoudens met een besteedbaar inkomen tot 101% van het voor hen geldende sociaal minimum (bijstands- of AOW-norm).',
    defEn: 'Share of households whose disposable income is at most 101% of the social minimum that applies to them (social-assistance or state-pension norm).' }),
  ind({ id: 'huishoudens_tot_110pct_sociaal_minimum', nl: 'Huishoudens tot 110% van sociaal minimum', en: 'Households below 110% of the social minimum', unit: 'percent', theme: 'inkomen', decimals: 1,
    polarity: 'higher-is-worse', shareOf: HH_MINIMUM,
    defNl: 'Aandeel huishoudens met een besteedbaar inkomen (zonder gebonden uitkeringen) onder 110% van het sociaal minimum.',
    defEn: 'Share of households whose disposable income (excluding earmarked benefits) is below 110% of the social minimum.' }),
  ind({ id: 'huishoudens_tot_120pct_sociaal_minimum', nl: 'Huishoudens tot 120% van sociaal minimum', en: 'Households below 120% of the social minimum', unit: 'percent', theme: 'inkomen', decimals: 1,
    polarity: 'higher-is-worse', shareOf: HH_MINIMUM,
    defNl: 'Aandeel huishoudens met een besteedbaar inkomen (zonder gebonden uitkeringen) onder 120% van het sociaal minimum.',
    defEn: 'Share of households whose disposable income (excluding earmarked benefits) is below 120% of the social minimum.' }),
  ind({ id: 'mediaan_vermogen', nl: 'Mediaan vermogen huishoudens', en: 'Median household wealth', unit: 'euro-x1000', theme: 'inkomen', decimals: 1,
    defNl: 'Middelste waarde van het vermogen (bezittingen min schulden, inclusief eigen woning) van particuliere huishoudens, in duizenden euro’s.',
    defEn: 'Median net wealth (assets minus debts, including the own home) of private households, in thousands of euros.' }),
  // Sociale zekerheid
  ind({ id: 'bijstand', nl: 'Personen met bijstand', en: 'People on social assistance', unit: 'count', theme: 'sociale-zekerheid', polarity: 'higher-is-worse',
    defNl: 'Aantal personen met een bijstandsuitkering (Participatiewet) eind december, zonder wie in een instelling verblijft of dakloos is.',
    defEn: 'Number of people receiving social assistance (Participation Act) at the end of December, excluding people in institutions or homeless people.' }),
  ind({ id: 'arbeidsongeschiktheidsuitkering', nl: 'Personen met arbeidsongeschiktheidsuitkering', en: 'People on disability benefit', unit: 'count', theme: 'sociale-zekerheid', polarity: 'higher-is-worse',
    defNl: 'Aantal personen met een uitkering wegens arbeidsongeschiktheid (WAO, WIA, WAZ of Wajong) eind december.',
    defEn: 'Number of people receiving a work-disability benefit (WAO, WIA, WAZ or Wajong) at the end of December.' }),
  ind({ id: 'ww_uitkering', nl: 'Personen met WW-uitkering', en: 'People on unemployment benefit', unit: 'count', theme: 'sociale-zekerheid', polarity: 'higher-is-worse',
    defNl: 'Aantal personen met een werkloosheidsuitkering (WW) eind december.', defEn: 'Number of people receiving unemployment insurance benefit (WW) at the end of December.' }),
  ind({ id: 'aow', nl: 'Personen met AOW', en: 'People on state pension', unit: 'count', theme: 'sociale-zekerheid',
    defNl: 'Aantal personen met een AOW-pensioen (algemene ouderdomswet) eind december.', defEn: 'Number of people receiving the state old-age pension (AOW) at the end of December.' }),
  // Zorg en welzijn
  ind({ id: 'wmo_clienten', nl: 'Wmo-cliënten', en: 'Social-support (Wmo) clients', unit: 'count', theme: 'sociaal',
    defNl: 'Aantal personen met ten minste één maatwerkvoorziening van de gemeente onder de Wet maatschappelijke ondersteuning (Wmo 2015).',
    defEn: 'Number of people with at least one tailored provision from the municipality under the Social Support Act (Wmo 2015).' }),
  ind({ id: 'wmo_clienten_per_1000', nl: 'Wmo-cliënten per 1000 inwoners', en: 'Wmo clients per 1,000 residents', unit: 'per-1000', theme: 'sociaal', shareOf: INWONERS,
    defNl: 'Personen met een Wmo-maatwerkvoorziening per 1000 inwoners; alleen voor gemeenten die de gegevens leverden en publicatie toestonden.',
    defEn: 'People with a tailored Wmo provision per 1,000 residents; only for municipalities that supplied the data and allowed publication.' }),
  ind({ id: 'jongeren_met_jeugdzorg_pct', nl: 'Jongeren met jeugdzorg', en: 'Young people in youth care', unit: 'percent', theme: 'sociaal', decimals: 1,
    shareOf: ['inwoners tot 23 jaar', 'residents under 23'],
    defNl: 'Aandeel personen tot 23 jaar dat in het jaar jeugdhulp, jeugdbescherming of jeugdreclassering kreeg.',
    defEn: 'Share of people under 23 who received youth care, child protection or juvenile probation during the year.' }),
  // Bedrijven
  ind({ id: 'bedrijfsvestigingen', nl: 'Bedrijfsvestigingen', en: 'Business establishments', unit: 'count', theme: 'bedrijven',
    defNl: 'Aantal vestigingen van bedrijven op 1 januari (een vestiging is elke afzonderlijk gelegen plek van waaruit een bedrijf werkt).',
    defEn: 'Number of business establishments on 1 January (each separately located site a business operates from).' }),
  ind({ id: 'bedrijven_landbouw', nl: 'Vestigingen landbouw, bosbouw en visserij', en: 'Establishments: agriculture, forestry, fishing', unit: 'count', theme: 'bedrijven',
    defNl: 'Bedrijfsvestigingen in landbouw, bosbouw en visserij (SBI A) op 1 januari.', defEn: 'Business establishments in agriculture, forestry and fishing (SBI A) on 1 January.' }),
  ind({ id: 'bedrijven_nijverheid_energie', nl: 'Vestigingen nijverheid en energie', en: 'Establishments: industry and energy', unit: 'count', theme: 'bedrijven',
    defNl: 'Bedrijfsvestigingen in industrie, energie, water en bouw (SBI B–F) op 1 januari.', defEn: 'Business establishments in industry, energy, water and construction (SBI B–F) on 1 January.' }),
  ind({ id: 'bedrijven_handel_horeca', nl: 'Vestigingen handel en horeca', en: 'Establishments: trade and hospitality', unit: 'count', theme: 'bedrijven',
    defNl: 'Bedrijfsvestigingen in handel en horeca (SBI G en I) op 1 januari.', defEn: 'Business establishments in trade, hotels and restaurants (SBI G and I) on 1 January.' }),
  ind({ id: 'bedrijven_vervoer_ict', nl: 'Vestigingen vervoer, informatie en communicatie', en: 'Establishments: transport and ICT', unit: 'count', theme: 'bedrijven',
    defNl: 'Bedrijfsvestigingen in vervoer, opslag, informatie en communicatie (SBI H en J) op 1 januari.', defEn: 'Business establishments in transport, storage, information and communication (SBI H and J) on 1 January.' }),
  ind({ id: 'bedrijven_financieel_onroerend_goed', nl: 'Vestigingen financiële diensten en onroerend goed', en: 'Establishments: finance and real estate', unit: 'count', theme: 'bedrijven',
    defNl: 'Bedrijfsvestigingen in financiële dienstverlening en onroerend goed (SBI K en L) op 1 januari.', defEn: 'Business establishments in financial services and real estate (SBI K and L) on 1 January.' }),
  ind({ id: 'bedrijven_zakelijke_diensten', nl: 'Vestigingen zakelijke dienstverlening', en: 'Establishments: business services', unit: 'count', theme: 'bedrijven',
    defNl: 'Bedrijfsvestigingen in zakelijke dienstverlening (SBI M en N) op 1 januari.', defEn: 'Business establishments in business services (SBI M and N) on 1 January.' }),
  ind({ id: 'bedrijven_overheid_onderwijs_zorg', nl: 'Vestigingen overheid, onderwijs en zorg', en: 'Establishments: government, education, care', unit: 'count', theme: 'bedrijven',
    defNl: 'Vestigingen van overheid, onderwijs en gezondheids- en welzijnszorg (SBI O–Q) op 1 januari.', defEn: 'Establishments in government, education, health and social care (SBI O–Q) on 1 January.' }),
  ind({ id: 'bedrijven_cultuur_recreatie_overig', nl: 'Vestigingen cultuur, recreatie en overige diensten', en: 'Establishments: culture, recreation, other', unit: 'count', theme: 'bedrijven',
    defNl: 'Bedrijfsvestigingen in cultuur, recreatie en overige dienstverlening (SBI R–U) op 1 januari.', defEn: 'Business establishments in culture, recreation and other services (SBI R–U) on 1 January.' }),
  // Mobiliteit
  ind({ id: 'personenautos', nl: 'Personenauto’s', en: 'Passenger cars', unit: 'count', theme: 'mobiliteit',
    defNl: 'Aantal verzekerde personenauto’s met een kenteken op een adres in het gebied op 1 januari (lease- en verhuurauto’s tellen op het adres van het bedrijf).',
    defEn: 'Number of insured passenger cars registered at an address in the area on 1 January (lease and rental cars count at the company address).' }),
  ind({ id: 'personenautos_benzine', nl: 'Personenauto’s op benzine', en: 'Petrol cars', unit: 'count', theme: 'mobiliteit',
    defNl: 'Aantal personenauto’s dat op benzine rijdt, op 1 januari.', defEn: 'Number of passenger cars running on petrol, on 1 January.' }),
  ind({ id: 'personenautos_overige_brandstof', nl: 'Personenauto’s op overige brandstof', en: 'Cars on other fuels', unit: 'count', theme: 'mobiliteit',
    defNl: 'Aantal personenauto’s op diesel, lpg, elektriciteit (ook hybride), waterstof of andere brandstof dan benzine, op 1 januari.',
    defEn: 'Number of passenger cars on diesel, LPG, electricity (including hybrids), hydrogen or other fuels than petrol, on 1 January.' }),
  ind({ id: 'autos_per_huishouden', nl: 'Personenauto’s per huishouden', en: 'Cars per household', unit: 'cars-per-household', theme: 'mobiliteit', decimals: 1, shareOf: HUISHOUDENS,
    defNl: 'Aantal personenauto’s per particulier huishouden op 1 januari; vermeld bij ten minste 50 huishoudens.',
    defEn: 'Passenger cars per private household on 1 January; shown where there are at least 50 households.' }),
  ind({ id: 'autos_per_km2', nl: 'Personenauto’s per km²', en: 'Cars per km²', unit: 'cars-per-km2', theme: 'mobiliteit',
    defNl: 'Aantal personenauto’s per km² land op 1 januari.', defEn: 'Passenger cars per km² of land on 1 January.' }),
  ind({ id: 'motorfietsen', nl: 'Motorfietsen', en: 'Motorcycles', unit: 'count', theme: 'mobiliteit',
    defNl: 'Aantal motortweewielers (motorfietsen) met een kenteken op een adres in het gebied op 1 januari; bromfietsen tellen niet mee.',
    defEn: 'Number of registered motorcycles at addresses in the area on 1 January; mopeds are not included.' }),
  // Nabijheid van voorzieningen
  ind({ id: 'afstand_huisarts', nl: 'Afstand tot huisartsenpraktijk', en: 'Distance to GP practice', unit: 'km', theme: 'voorzieningen', decimals: 1, polarity: 'higher-is-worse',
    defNl: 'Gemiddelde afstand over de weg van alle inwoners tot de dichtstbijzijnde huisartsenpraktijk (vanaf 2020 zonder nevenvestigingen).',
    defEn: 'Average road distance from all residents to the nearest GP practice (from 2020 without branch locations).' }),
  ind({ id: 'afstand_apotheek', nl: 'Afstand tot apotheek', en: 'Distance to pharmacy', unit: 'km', theme: 'voorzieningen', decimals: 1, polarity: 'higher-is-worse',
    defNl: 'Gemiddelde afstand over de weg van alle inwoners tot de dichtstbijzijnde apotheek.', defEn: 'Average road distance from all residents to the nearest pharmacy.' }),
  ind({ id: 'afstand_ziekenhuis', nl: 'Afstand tot ziekenhuis', en: 'Distance to hospital', unit: 'km', theme: 'voorzieningen', decimals: 1, polarity: 'higher-is-worse',
    defNl: 'Gemiddelde afstand over de weg van alle inwoners tot het dichtstbijzijnde ziekenhuis.', defEn: 'Average road distance from all residents to the nearest hospital.' }),
  ind({ id: 'afstand_grote_supermarkt', nl: 'Afstand tot grote supermarkt', en: 'Distance to large supermarket', unit: 'km', theme: 'voorzieningen', decimals: 1,
    defNl: 'Gemiddelde afstand over de weg van alle inwoners tot de dichtstbijzijnde supermarkt van ten minste 150 m².',
    defEn: 'Average road distance from all residents to the nearest supermarket of at least 150 m².' }),
  ind({ id: 'afstand_kinderdagverblijf', nl: 'Afstand tot kinderdagverblijf', en: 'Distance to day nursery', unit: 'km', theme: 'voorzieningen', decimals: 1,
    defNl: 'Gemiddelde afstand over de weg van alle inwoners tot het dichtstbijzijnde kinderdagverblijf.', defEn: 'Average road distance from all residents to the nearest day nursery.' }),
  ind({ id: 'afstand_school', nl: 'Afstand tot basisschool', en: 'Distance to primary school', unit: 'km', theme: 'voorzieningen', decimals: 1,
    defNl: 'Gemiddelde afstand over de weg van alle inwoners tot de dichtstbijzijnde reguliere basisschool.', defEn: 'Average road distance from all residents to the nearest mainstream primary school.' }),
  ind({ id: 'scholen_binnen_3km', nl: 'Basisscholen binnen 3 km', en: 'Primary schools within 3 km', unit: 'number', theme: 'voorzieningen', decimals: 1,
    defNl: 'Gemiddeld aantal reguliere basisscholen binnen 3 km over de weg, voor alle inwoners.', defEn: 'Average number of mainstream primary schools within 3 km by road, over all residents.' }),
  ind({ id: 'afstand_treinstation', nl: 'Afstand tot treinstation', en: 'Distance to railway station', unit: 'km', theme: 'voorzieningen', decimals: 1,
    defNl: 'Gemiddelde afstand over de weg van alle inwoners tot het dichtstbijzijnde treinstation.', defEn: 'Average road distance from all residents to the nearest railway station.' }),
  ind({ id: 'afstand_bibliotheek', nl: 'Afstand tot bibliotheek', en: 'Distance to library', unit: 'km', theme: 'voorzieningen', decimals: 1,
    defNl: 'Gemiddelde afstand over de weg van alle inwoners tot de dichtstbijzijnde openbare bibliotheek.', defEn: 'Average road distance from all residents to the nearest public library.' }),
  ind({ id: 'afstand_cafe', nl: 'Afstand tot café', en: 'Distance to café', unit: 'km', theme: 'voorzieningen', decimals: 1,
    defNl: 'Gemiddelde afstand over de weg van alle inwoners tot het dichtstbijzijnde café.', defEn: 'Average road distance from all residents to the nearest café or pub.' }),
  ind({ id: 'afstand_restaurant', nl: 'Afstand tot restaurant', en: 'Distance to restaurant', unit: 'km', theme: 'voorzieningen', decimals: 1,
    defNl: 'Gemiddelde afstand over de weg van alle inwoners tot het dichtstbijzijnde restaurant.', defEn: 'Average road distance from all residents to the nearest restaurant.' }),
  ind({ id: 'afstand_oprit_hoofdweg', nl: 'Afstand tot oprit hoofdverkeersweg', en: 'Distance to main-road access', unit: 'km', theme: 'voorzieningen', decimals: 1,
    defNl: 'Gemiddelde afstand over de weg van alle inwoners tot de dichtstbijzijnde oprit van een hoofdverkeersweg.', defEn: 'Average road distance from all residents to the nearest slip road of a main highway.' }),
  // Oppervlakte en stedelijkheid
  ind({ id: 'oppervlakte_totaal', nl: 'Oppervlakte totaal', en: 'Total area', unit: 'ha', theme: 'oppervlakte',
    defNl: 'Totale oppervlakte van land en water in hele hectaren (voor gemeenten inclusief ingedeeld buitenwater).', defEn: 'Total area of land and water in whole hectares (for municipalities including assigned coastal water).' }),
  ind({ id: 'oppervlakte_land', nl: 'Oppervlakte land', en: 'Land area', unit: 'ha', theme: 'oppervlakte',
    defNl: 'Oppervlakte land in hele hectaren, bepaald met het Bestand Bodemgebruik.', defEn: 'Land area in whole hectares, derived from the CBS land-use file.' }),
  ind({ id: 'oppervlakte_water', nl: 'Oppervlakte water', en: 'Water area', unit: 'ha', theme: 'oppervlakte',
    defNl: 'Oppervlakte binnen- en buitenwater in hele hectaren.', defEn: 'Area of inland and coastal water in whole hectares.' }),
  ind({ id: 'stedelijkheid', nl: 'Mate van stedelijkheid', en: 'Degree of urbanisation', unit: 'class', theme: 'stedelijkheid',
    defNl: 'CBS-klasse naar omgevingsadressendichtheid: 1 zeer sterk stedelijk (2500 of meer adressen per km²) tot 5 niet stedelijk (minder dan 500).',
    defEn: 'CBS class by address density: 1 very strongly urban (2,500 or more addresses per km²) to 5 not urban (fewer than 500).' }),
  ind({ id: 'omgevingsadressendichtheid', nl: 'Omgevingsadressendichtheid', en: 'Address density', unit: 'per-km2', theme: 'stedelijkheid',
    defNl: 'Gemiddeld aantal adressen per km² binnen een cirkel van 1 km rond elk adres in het gebied; de maat voor stedelijkheid.',
    defEn: 'Average number of addresses per km² within a 1 km radius of each address in the area; the measure behind urbanisation.' }),
  // Zorgkosten (Vektis)
  ind({ id: 'verzekerden', nl: 'Verzekerden (Vektis)', en: 'Insured persons (Vektis)', unit: 'count', theme: 'zorgkosten',
    defNl: 'Aantal personen met een basisverzekering (Zvw) woonachtig in de gemeente, volgens Vektis.', defEn: 'Number of people with basic health insurance (Zvw) living in the municipality, according to Vektis.' }),
  ind({ id: 'zorgkosten_totaal', nl: 'Zorgkosten per verzekerde', en: 'Health-care costs per insured', unit: 'euro', theme: 'zorgkosten', shareOf: ['verzekerden', 'insured persons'],
    defNl: 'Door zorgverzekeraars vergoede kosten uit de basisverzekering per verzekerde, in euro’s per jaar (Vektis).', defEn: 'Costs reimbursed by health insurers under basic insurance per insured person, in euros per year (Vektis).' }),
  ind({ id: 'zorgkosten_huisarts', nl: 'Huisartskosten per verzekerde', en: 'GP costs per insured', unit: 'euro', theme: 'zorgkosten', shareOf: ['verzekerden', 'insured persons'],
    defNl: 'Vergoede kosten van huisartsenzorg per verzekerde, in euro’s per jaar (Vektis).', defEn: 'Reimbursed costs of GP care per insured person, in euros per year (Vektis).' }),
  ind({ id: 'zorgkosten_farmacie', nl: 'Farmaciekosten per verzekerde', en: 'Pharmacy costs per insured', unit: 'euro', theme: 'zorgkosten', shareOf: ['verzekerden', 'insured persons'],
    defNl: 'Vergoede kosten van geneesmiddelen en farmaceutische zorg per verzekerde, in euro’s per jaar (Vektis).', defEn: 'Reimbursed costs of medicines and pharmaceutical care per insured person, in euros per year (Vektis).' }),
  ind({ id: 'zorgkosten_medisch_specialist', nl: 'Kosten medisch-specialistische zorg per verzekerde', en: 'Specialist care costs per insured', unit: 'euro', theme: 'zorgkosten', shareOf: ['verzekerden', 'insured persons'],
    defNl: 'Vergoede kosten van medisch-specialistische (ziekenhuis)zorg per verzekerde, in euro’s per jaar (Vektis).', defEn: 'Reimbursed costs of medical specialist (hospital) care per insured person, in euros per year (Vektis).' }),
  ind({ id: 'zorgkosten_ggz', nl: 'GGZ-kosten per verzekerde', en: 'Mental health care costs per insured', unit: 'euro', theme: 'zorgkosten', shareOf: ['verzekerden', 'insured persons'],
    defNl: 'Vergoede kosten van geestelijke gezondheidszorg per verzekerde, in euro’s per jaar (Vektis, zorgprestatiemodel vanaf 2022).', defEn: 'Reimbursed costs of mental health care per insured person, in euros per year (Vektis, care-service model from 2022).' }),
  ind({ id: 'zorgkosten_paramedisch', nl: 'Paramedische kosten per verzekerde', en: 'Allied-health costs per insured', unit: 'euro', theme: 'zorgkosten', shareOf: ['verzekerden', 'insured persons'],
    defNl: 'Vergoede kosten van paramedische zorg (zoals fysiotherapie en diëtetiek) per verzekerde, in euro’s per jaar (Vektis).', defEn: 'Reimbursed costs of allied health care (such as physiotherapy and dietetics) per insured person, in euros per year (Vektis).' }),
  ind({ id: 'zorgkosten_overig', nl: 'Overige zorgkosten per verzekerde', en: 'Other care costs per insured', unit: 'euro', theme: 'zorgkosten', shareOf: ['verzekerden', 'insured persons'],
    defNl: 'Vergoede kosten van overige zorg uit de basisverzekering per verzekerde, in euro’s per jaar (Vektis).', defEn: 'Reimbursed costs of other care under basic insurance per insured person, in euros per year (Vektis).' }),
];

/** KWB short codes (Excel download 2021/2022) → indicator and what the period means. */
export const KWB_2021_COLUMNS: readonly ColumnMapping[] = [
  ...([
    ['a_inw', 'inwoners'], ['a_man', 'mannen'], ['a_vrouw', 'vrouwen'], ['a_00_14', 'leeftijd_0_14'], ['a_15_24', 'leeftijd_15_24'],
    ['a_25_44', 'leeftijd_25_44'], ['a_45_64', 'leeftijd_45_64'], ['a_65_oo', 'leeftijd_65plus'], ['a_ongeh', 'ongehuwd'],
    ['a_gehuwd', 'gehuwd'], ['a_gesch', 'gescheiden'], ['a_verwed', 'verweduwd'], ['a_w_all', 'westerse_migratieachtergrond'],
    ['a_nw_all', 'niet_westerse_migratieachtergrond'], ['a_marok', 'migratie_marokko'], ['a_antaru', 'migratie_antillen_aruba'],
    ['a_suri', 'migratie_suriname'], ['a_tur', 'migratie_turkije'], ['a_ov_nw', 'migratie_overig_niet_westers'],
  ] as const).map(([column, indicatorId]) => ({ column, indicatorId, reference: 'jan1' as const })),
  { column: 'a_geb', indicatorId: 'geboorten', reference: 'calendar-year' },
  { column: 'p_geb', indicatorId: 'geboorten_per_1000', reference: 'calendar-year' },
  { column: 'a_ste', indicatorId: 'sterfgevallen', reference: 'calendar-year' },
  { column: 'p_ste', indicatorId: 'sterfte_per_1000', reference: 'calendar-year' },
  ...([
    ['a_hh', 'huishoudens'], ['a_1p_hh', 'eenpersoonshuishoudens'], ['a_hh_z_k', 'huishoudens_zonder_kinderen'],
    ['a_hh_m_k', 'huishoudens_met_kinderen'], ['g_hhgro', 'gemiddelde_huishoudensgrootte'], ['bev_dich', 'bevolkingsdichtheid'],
    ['a_woning', 'woningvoorraad'],
  ] as const).map(([column, indicatorId]) => ({ column, indicatorId, reference: 'jan1' as const })),
  { column: 'g_wozbag', indicatorId: 'woz_waarde', reference: 'woz' },
  ...([
    ['p_1gezw', 'eengezinswoningen_pct'], ['p_mgezw', 'meergezinswoningen_pct'], ['p_bewndw', 'bewoonde_woningen_pct'],
    ['p_leegsw', 'leegstaande_woningen_pct'], ['p_koopw', 'koopwoningen_pct'], ['p_huurw', 'huurwoningen_pct'],
    ['p_wcorpw', 'corporatiewoningen_pct'], ['p_ov_hw', 'overige_verhuurders_pct'], ['p_e_o_w', 'eigendom_onbekend_pct'],
    ['p_bjj2k', 'bouwjaar_voor_2000_pct'], ['p_bjo2k', 'bouwjaar_vanaf_2000_pct'],
  ] as const).map(([column, indicatorId]) => ({ column, indicatorId, reference: 'jan1' as const })),
  { column: 'g_ele', indicatorId: 'elektriciteitsverbruik', reference: 'edition' },
  ...DWELLING_SPLITS.map((s) => ({ column: `g_ele_${s.suffix}`, indicatorId: `elektriciteitsverbruik_${s.id}`, reference: 'edition' as const })),
  { column: 'g_gas', indicatorId: 'aardgasverbruik', reference: 'edition' },
  ...DWELLING_SPLITS.map((s) => ({ column: `g_gas_${s.suffix}`, indicatorId: `aardgasverbruik_${s.id}`, reference: 'edition' as const })),
  { column: 'p_stadsv', indicatorId: 'stadsverwarming_pct', reference: 'edition' },
  { column: 'a_opl_lg', indicatorId: 'opleiding_laag', reference: 'edition' },
  { column: 'a_opl_md', indicatorId: 'opleiding_middelbaar', reference: 'edition' },
  { column: 'a_opl_hg', indicatorId: 'opleiding_hoog', reference: 'edition' },
  { column: 'p_arb_pp', indicatorId: 'nettoarbeidsparticipatie', reference: 'edition' },
  { column: 'p_arb_wn', indicatorId: 'werknemers_pct', reference: 'edition' },
  { column: 'p_arb_zs', indicatorId: 'zelfstandigen_pct', reference: 'edition' },
  ...([
    ['a_inkont', 'inkomensontvangers'], ['g_ink_po', 'inkomen_per_ontvanger'], ['g_ink_pi', 'inkomen_per_inwoner'],
    ['p_ink_li', 'personen_laagste_40pct_inkomen'], ['p_ink_hi', 'personen_hoogste_20pct_inkomen'], ['g_hh_sti', 'gestandaardiseerd_inkomen'],
    ['p_hh_li', 'huishoudens_laagste_40pct_inkomen'], ['p_hh_hi', 'huishoudens_hoogste_20pct_inkomen'], ['p_hh_lkk', 'huishoudens_laag_inkomen_pct'],
    ['p_hh_osm', 'huishoudens_rond_sociaal_minimum_pct'], ['p_hh_110', 'huishoudens_tot_110pct_sociaal_minimum'],
    ['p_hh_120', 'huishoudens_tot_120pct_sociaal_minimum'],
  ] as const).map(([column, indicatorId]) => ({ column, indicatorId, reference: 'income' as const })),
  { column: 'm_hh_ver', indicatorId: 'mediaan_vermogen', reference: 'wealth' },
  { column: 'a_soz_wb', indicatorId: 'bijstand', reference: 'year-end' },
  { column: 'a_soz_ao', indicatorId: 'arbeidsongeschiktheidsuitkering', reference: 'year-end' },
  { column: 'a_soz_ww', indicatorId: 'ww_uitkering', reference: 'year-end' },
  { column: 'a_soz_ow', indicatorId: 'aow', reference: 'year-end' },
  { column: 'a_wmo_t', indicatorId: 'wmo_clienten', reference: 'edition' },
  { column: 'p_wmo_t', indicatorId: 'wmo_clienten_per_1000', reference: 'edition' },
  ...([
    ['a_bedv', 'bedrijfsvestigingen'], ['a_bed_a', 'bedrijven_landbouw'], ['a_bed_bf', 'bedrijven_nijverheid_energie'],
    ['a_bed_gi', 'bedrijven_handel_horeca'], ['a_bed_hj', 'bedrijven_vervoer_ict'], ['a_bed_kl', 'bedrijven_financieel_onroerend_goed'],
    ['a_bed_mn', 'bedrijven_zakelijke_diensten'], ['a_bed_oq', 'bedrijven_overheid_onderwijs_zorg'], ['a_bed_ru', 'bedrijven_cultuur_recreatie_overig'],
    ['a_pau', 'personenautos'], ['a_bst_b', 'personenautos_benzine'], ['a_bst_nb', 'personenautos_overige_brandstof'],
    ['g_pau_hh', 'autos_per_huishouden'], ['g_pau_km', 'autos_per_km2'], ['a_m2w', 'motorfietsen'],
  ] as const).map(([column, indicatorId]) => ({ column, indicatorId, reference: 'jan1' as const })),
  ...([
    ['g_afs_hp', 'afstand_huisarts'], ['g_afs_gs', 'afstand_grote_supermarkt'], ['g_afs_kv', 'afstand_kinderdagverblijf'],
    ['g_afs_sc', 'afstand_school'], ['g_3km_sc', 'scholen_binnen_3km'],
  ] as const).map(([column, indicatorId]) => ({ column, indicatorId, reference: 'edition' as const })),
  ...([
    ['a_opp_ha', 'oppervlakte_totaal'], ['a_lan_ha', 'oppervlakte_land'], ['a_wat_ha', 'oppervlakte_water'],
    ['ste_mvs', 'stedelijkheid'], ['ste_oad', 'omgevingsadressendichtheid'],
  ] as const).map(([column, indicatorId]) => ({ column, indicatorId, reference: 'jan1' as const })),
];

/**
 * The KWB 2022 file is an early release: the columns not yet published then (income, benefits, energy,
 * education, proximity, births and deaths) were dropped, so it holds exactly these KWB short codes.
 */
const KWB_2022_PRESENT = new Set([
  'a_inw', 'a_man', 'a_vrouw', 'a_00_14', 'a_15_24', 'a_25_44', 'a_45_64', 'a_65_oo', 'a_ongeh', 'a_gehuwd', 'a_gesch', 'a_verwed',
  'a_w_all', 'a_nw_all', 'a_marok', 'a_antaru', 'a_suri', 'a_tur', 'a_ov_nw', 'a_hh', 'a_1p_hh', 'a_hh_z_k', 'a_hh_m_k', 'g_hhgro',
  'bev_dich', 'a_woning', 'g_wozbag', 'p_1gezw', 'p_mgezw', 'p_bewndw', 'p_leegsw', 'p_koopw', 'p_huurw', 'p_wcorpw', 'p_ov_hw',
  'p_e_o_w', 'p_bjj2k', 'p_bjo2k', 'a_bedv', 'a_bed_a', 'a_bed_bf', 'a_bed_gi', 'a_bed_hj', 'a_bed_kl', 'a_bed_mn', 'a_bed_oq',
  'a_bed_ru', 'a_pau', 'a_bst_b', 'a_bst_nb', 'g_pau_hh', 'g_pau_km', 'a_m2w', 'a_opp_ha', 'a_lan_ha', 'a_wat_ha', 'ste_mvs', 'ste_oad',
]);
export const KWB_2022_COLUMNS: readonly ColumnMapping[] = KWB_2021_COLUMNS.filter((m) => KWB_2022_PRESENT.has(m.column));

/** KWB 2024 (85984NED) OData topic keys in the subset CSV → the same indicators as the KWB short codes. */
export const KWB_2024_COLUMNS: readonly ColumnMapping[] = [
  { column: 'AantalInwoners_5', indicatorId: 'inwoners', reference: 'jan1' },
  { column: 'Mannen_6', indicatorId: 'mannen', reference: 'jan1' },
  { column: 'Vrouwen_7', indicatorId: 'vrouwen', reference: 'jan1' },
  { column: 'Bevolkingsdichtheid_34', indicatorId: 'bevolkingsdichtheid', reference: 'jan1' },
  { column: 'Woningvoorraad_35', indicatorId: 'woningvoorraad', reference: 'jan1' },
  { column: 'OppervlakteTotaal_122', indicatorId: 'oppervlakte_totaal', reference: 'jan1' },
  { column: 'OppervlakteLand_123', indicatorId: 'oppervlakte_land', reference: 'jan1' },
  { column: 'OppervlakteWater_124', indicatorId: 'oppervlakte_water', reference: 'jan1' },
];

/** CBS maatwerk "Inkomen per gemeente en wijk, 2020": the KWB income definitions, for 2020. */
export const CBS_INKOMEN_2020_COLUMNS: readonly ColumnMapping[] = [
  { column: 'g_ink_pi', indicatorId: 'inkomen_per_inwoner', reference: 'income' },
  { column: 'p_hh_laagste40', indicatorId: 'huishoudens_laagste_40pct_inkomen', reference: 'income' },
  { column: 'p_hh_hoogste20', indicatorId: 'huishoudens_hoogste_20pct_inkomen', reference: 'income' },
];

/** CBS maatwerk "Autobezit per huishouden, 1 januari 2023". */
export const CBS_AUTOBEZIT_2023_COLUMNS: readonly ColumnMapping[] = [
  { column: 'personenautos_per_huishouden', indicatorId: 'autos_per_huishouden', reference: 'jan1' },
];

/**
 * Properties of the PDOK gemeente maps with a clear CBS KWB meaning. The compiler of these files does not say
 * which year income, energy, labour, Wmo and proximity refer to in older editions (before 2019 CBS published
 * them with a lag of several years), so those are labelled by edition only. Left out on purpose: crime (cr_*),
 * species observations (ff_*), agriculture (lbt_*), BAG address counts (bag_*, identical in every year, so not
 * per year) and land-use shares (one 2017 land-use file reused for later years).
 */
export const PDOK_ATTRIBUTES: readonly ColumnMapping[] = [
  ...([
    ['aantal_inwoners', 'inwoners'], ['mannen', 'mannen'], ['vrouwen', 'vrouwen'], ['0_15', 'aandeel_0_14'], ['15_25', 'aandeel_15_24'],
    ['25_45', 'aandeel_25_44'], ['45_65', 'aandeel_45_64'], ['65plus', 'aandeel_65plus'], ['pct_ongehuwd', 'ongehuwd_pct'],
    ['pct_gehuwd', 'gehuwd_pct'], ['pct_herkomst_nl', 'herkomst_nederland_pct'], ['pct_herkomst_europa', 'herkomst_europa_pct'],
    ['pct_herkomst_buiten_europa', 'herkomst_buiten_europa_pct'], ['huishoudens', 'huishoudens'],
    ['gem_huishouden_grootte', 'gemiddelde_huishoudensgrootte'], ['pct_eenpersoonshhd', 'eenpersoonshuishoudens_pct'],
    ['pct_hhd_met_kind', 'huishoudens_met_kinderen_pct'], ['pct_hhd_zonder_kind', 'huishoudens_zonder_kinderen_pct'],
    ['bevolkingsdichtheid', 'bevolkingsdichtheid'], ['omgevingsadressendichtheid', 'omgevingsadressendichtheid'],
    ['stedelijkheid', 'stedelijkheid'], ['woningvoorraad', 'woningvoorraad'], ['koopwoningen', 'koopwoningen_pct'],
    ['huurwoningen', 'huurwoningen_pct'], ['pct_huurcorporatie', 'corporatiewoningen_pct'], ['pct_leegstand', 'leegstaande_woningen_pct'],
    ['pct_eengezins', 'eengezinswoningen_pct'], ['pct_meergezins', 'meergezinswoningen_pct'], ['pct_bouwjaar_na_2000', 'bouwjaar_vanaf_2000_pct'],
    ['bedrijfsvestigingen', 'bedrijfsvestigingen'], ['personenautos', 'personenautos'], ['auto_per_huishouden', 'autos_per_huishouden'],
    ['auto_per_km2', 'autos_per_km2'], ['motorfietsen', 'motorfietsen'], ['opp_land', 'oppervlakte_land'], ['opp_water', 'oppervlakte_water'],
  ] as const).map(([column, indicatorId]) => ({ column, indicatorId, reference: 'jan1' as const })),
  { column: 'geboorte_relatief', indicatorId: 'geboorten_per_1000', reference: 'calendar-year' },
  { column: 'sterfte_relatief', indicatorId: 'sterfte_per_1000', reference: 'calendar-year' },
  ...([
    ['gem_woz_waarde', 'woz_waarde'], ['gem_aardgas', 'aardgasverbruik'], ['gem_elektriciteit', 'elektriciteitsverbruik'],
    ['pct_stadsverwarming', 'stadsverwarming_pct'], ['gem_inkomen_inwoner', 'inkomen_per_inwoner'], ['gem_inkomen_ontvanger', 'inkomen_per_ontvanger'],
    ['gem_gestand_inkomen', 'gestandaardiseerd_inkomen'], ['pct_hh_laag_inkomen', 'huishoudens_laagste_40pct_inkomen'],
    ['pct_hh_hoog_inkomen', 'huishoudens_hoogste_20pct_inkomen'], ['pct_rond_sociaal_min', 'huishoudens_rond_sociaal_minimum_pct'],
    ['mediaan_vermogen', 'mediaan_vermogen'], ['opl_laag', 'opleiding_laag'], ['opl_midden', 'opleiding_middelbaar'], ['opl_hoog', 'opleiding_hoog'],
    ['arbeidsparticipatie', 'nettoarbeidsparticipatie'], ['pct_werknemers', 'werknemers_pct'], ['pct_zelfstandigen', 'zelfstandigen_pct'],
    ['wmo_per_1000', 'wmo_clienten_per_1000'], ['pct_jeugdzorg', 'jongeren_met_jeugdzorg_pct'], ['afstand_huisarts', 'afstand_huisarts'],
    ['afstand_apotheek', 'afstand_apotheek'], ['afstand_ziekenhuis', 'afstand_ziekenhuis'], ['afstand_supermarkt', 'afstand_grote_supermarkt'],
    ['afstand_kdv', 'afstand_kinderdagverblijf'], ['afstand_basisonderwijs', 'afstand_school'], ['afstand_treinstation', 'afstand_treinstation'],
    ['afstand_bibliotheek', 'afstand_bibliotheek'], ['afstand_cafe', 'afstand_cafe'], ['afstand_restaurant', 'afstand_restaurant'],
    ['afstand_oprit', 'afstand_oprit_hoofdweg'],
  ] as const).map(([column, indicatorId]) => ({ column, indicatorId, reference: 'edition' as const })),
];

/**
 * Vektis health-care costs carried by the PDOK maps (`zk_*`, reference year in `zk_jaar`). GGZ costs are left
 * out before 2022: in the 2017–2019 files they are a small fraction of later years (Amsterdam €13 against €375 in
 * 2022), so they cover only part of mental health care and would suggest a trend that is not there.
 */
export const VEKTIS_ATTRIBUTES: readonly ColumnMapping[] = [
  { column: 'zk_aantal_verzekerden', indicatorId: 'verzekerden', reference: 'vektis' },
  { column: 'zk_kosten_totaal', indicatorId: 'zorgkosten_totaal', reference: 'vektis' },
  { column: 'zk_kosten_huisarts', indicatorId: 'zorgkosten_huisarts', reference: 'vektis' },
  { column: 'zk_kosten_farmacie', indicatorId: 'zorgkosten_farmacie', reference: 'vektis' },
  { column: 'zk_kosten_medspec', indicatorId: 'zorgkosten_medisch_specialist', reference: 'vektis' },
  { column: 'zk_kosten_ggz', indicatorId: 'zorgkosten_ggz', reference: 'vektis' },
  { column: 'zk_kosten_paramedisch', indicatorId: 'zorgkosten_paramedisch', reference: 'vektis' },
  { column: 'zk_kosten_overig', indicatorId: 'zorgkosten_overig', reference: 'vektis' },
];

/** First year in which the Vektis GGZ column covers all of mental health care (see VEKTIS_ATTRIBUTES). */
export const VEKTIS_GGZ_FROM = 2022;

/** The series to read for one dataset: every mapped column, for the year the figures refer to. */
export function seriesSpecs(mappings: readonly ColumnMapping[], year: number): { column: string; indicatorId: string; period: string; referenceNl: string }[] {
  return mappings.map((m) => ({ column: m.column, indicatorId: m.indicatorId, period: String(year), referenceNl: referenceNl(m.reference, year) }));
}

/** The catalog entries that a set of datasets actually uses: what an adapter returns with its data. */
export function kwbCatalogFor(datasets: readonly DatasetRecord[]): IndicatorDefinition[] {
  const used = new Set(datasets.flatMap((d) => d.series.map((s) => s.indicatorId)));
  return KWB_INDICATORS.filter((i) => used.has(i.id));
}
