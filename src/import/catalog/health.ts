// The indicator catalog for the RIVM small-area health estimates (StatLine 50090NED, Gezondheidsmonitor
// Volwassenen en Ouderen). One measure exists per age group, so each measure becomes one indicator per age
// group (`overgewicht_18plus`, `overgewicht_65plus`, …): an 18+ and a 65+ percentage are different quantities
// and must never share a column.
//
// Polarity rule, applied consistently: a measure gets a direction only when the measure itself is a health
// outcome, a health risk or meeting a health guideline. Behaviour that mostly reflects circumstances rather than
// health (drinking at all, giving informal care, volunteering, how people travel to school or work, which also
// depends on whether they work or study) is 'no-judgement'.
import type { IndicatorDefinition } from '../../shared/snapshot.ts';
import type { AgeGroup, Polarity, Theme } from '../../shared/types.ts';

/** One measure of 50090NED, independent of age group. */
export interface HealthMeasure {
  /** Indicator id without the age suffix. */
  base: string;
  /** Column name exactly as in the RIVM CSV files. */
  sourceColumn: string;
  labelNl: string;
  labelEn: string;
  definitionNl: string;
  definitionEn: string;
  theme: Theme;
  polarity: Polarity;
}

/** The age groups of the Gezondheidsmonitor files, with the codes 50090NED uses for them. */
export interface HealthAgeGroup {
  /** Suffix of indicator ids (`_18plus`). */
  idSuffix: '18plus' | '18_64' | '65plus';
  /** Suffix of the file names and dataset ids (`18-64`). */
  fileSuffix: '18plus' | '18-64' | '65plus';
  ageGroup: AgeGroup;
  /** `Leeftijd` code in the file. */
  leeftijdCode: string;
  shareOfNl: string;
  shareOfEn: string;
}

export const HEALTH_AGE_GROUPS: readonly HealthAgeGroup[] = [
  {
    idSuffix: '18plus',
    fileSuffix: '18plus',
    ageGroup: '18+',
    leeftijdCode: '20300',
    shareOfNl: 'inwoners van 18 jaar en ouder',
    shareOfEn: 'residents aged 18 and over',
  },
  {
    idSuffix: '18_64',
    fileSuffix: '18-64',
    ageGroup: '18-64',
    leeftijdCode: '53115',
    shareOfNl: 'inwoners van 18 tot 65 jaar',
    shareOfEn: 'residents aged 18 to 64',
  },
  {
    idSuffix: '65plus',
    fileSuffix: '65plus',
    ageGroup: '65+',
    leeftijdCode: '80200',
    shareOfNl: 'inwoners van 65 jaar en ouder',
    shareOfEn: 'residents aged 65 and over',
  },
];

const m = (
  base: string,
  sourceColumn: string,
  theme: Theme,
  polarity: Polarity,
  labelNl: string,
  labelEn: string,
  definitionNl: string,
  definitionEn: string,
): HealthMeasure => ({ base, sourceColumn, labelNl, labelEn, definitionNl, definitionEn, theme, polarity });

/** The 35 measures of 50090NED, in the column order of the files. */
export const HEALTH_MEASURES: readonly HealthMeasure[] = [
  m('ervaren_gezondheid_goed', 'ErvarenGezondheidGoedZeerGoed_4', 'gezondheid', 'higher-is-better',
    'Ervaren gezondheid (zeer) goed', 'Perceived health good or very good',
    'Aandeel dat de eigen gezondheid als goed of zeer goed beoordeelt.',
    'Share who rate their own health as good or very good.'),
  m('voldoet_beweegrichtlijn', 'VoldoetAanBeweegrichtlijn_5', 'leefstijl', 'higher-is-better',
    'Voldoet aan beweegrichtlijn', 'Meets physical activity guideline',
    'Aandeel dat voldoet aan de Beweegrichtlijnen 2017 van de Gezondheidsraad: minstens 150 minuten per week matig intensief bewegen en twee keer per week spier- en botversterkende activiteiten.',
    'Share meeting the 2017 Dutch physical activity guidelines: at least 150 minutes a week of moderate-intensity activity plus muscle- and bone-strengthening activities twice a week.'),
  m('wekelijkse_sporters', 'WekelijkseSporters_6', 'leefstijl', 'higher-is-better',
    'Wekelijkse sporters', 'Weekly sports participation',
    'Aandeel dat minstens één keer per week sport.',
    'Share who play sports at least once a week.'),
  m('ondergewicht', 'Ondergewicht_7', 'leefstijl', 'higher-is-worse',
    'Ondergewicht', 'Underweight',
    'Aandeel met ondergewicht: een BMI (gewicht in kg gedeeld door het kwadraat van de lengte in m) onder 18,5, berekend uit zelfgerapporteerde lengte en gewicht.',
    'Share who are underweight: a body mass index (weight in kg divided by height in m squared) below 18.5, from self-reported height and weight.'),
  m('normaal_gewicht', 'NormaalGewicht_8', 'leefstijl', 'higher-is-better',
    'Normaal gewicht', 'Healthy weight',
    'Aandeel met een gezond gewicht: een BMI van 18,5 tot 25, berekend uit zelfgerapporteerde lengte en gewicht.',
    'Share with a healthy weight: a body mass index from 18.5 up to 25, from self-reported height and weight.'),
  m('overgewicht', 'Overgewicht_9', 'leefstijl', 'higher-is-worse',
    'Overgewicht', 'Overweight',
    'Aandeel met overgewicht: een BMI van 25 of hoger, inclusief ernstig overgewicht (obesitas).',
    'Share who are overweight: a body mass index of 25 or more, obesity included.'),
  m('obesitas', 'ErnstigOvergewicht_10', 'leefstijl', 'higher-is-worse',
    'Ernstig overgewicht (obesitas)', 'Obesity',
    'Aandeel met ernstig overgewicht: een BMI van 30 of hoger.',
    'Share who are obese: a body mass index of 30 or more.'),
  m('roker', 'Roker_11', 'leefstijl', 'higher-is-worse',
    'Roker', 'Smoker',
    'Aandeel dat rookt, ongeacht wat en hoeveel.',
    'Share who smoke, whatever and however much.'),
  m('voldoet_alcoholrichtlijn', 'VoldoetAanAlcoholRichtlijn_12', 'leefstijl', 'higher-is-better',
    'Voldoet aan alcoholrichtlijn', 'Meets alcohol guideline',
    'Aandeel dat voldoet aan de richtlijn van de Gezondheidsraad (2015): geen alcohol, of hooguit één glas per dag.',
    'Share meeting the Health Council guideline (2015): no alcohol, or at most one glass a day.'),
  m('drinker', 'Drinker_13', 'leefstijl', 'no-judgement',
    'Drinkt alcohol', 'Drinks alcohol',
    'Aandeel dat wel eens alcohol drinkt.',
    'Share who drink alcohol at all.'),
  m('zware_drinker', 'ZwareDrinker_14', 'leefstijl', 'higher-is-worse',
    'Zware drinker', 'Heavy drinker',
    'Aandeel zware drinkers: minstens één keer per week zes of meer glazen (mannen) of vier of meer glazen (vrouwen) op één dag.',
    'Share of heavy drinkers: at least once a week six or more glasses (men) or four or more glasses (women) on a single day.'),
  m('overmatige_drinker', 'OvermatigeDrinker_15', 'leefstijl', 'higher-is-worse',
    'Overmatige drinker', 'Excessive drinker',
    'Aandeel overmatige drinkers: gemiddeld meer dan 21 glazen per week (mannen) of meer dan 14 glazen per week (vrouwen).',
    'Share of excessive drinkers: on average more than 21 glasses a week (men) or more than 14 glasses a week (women).'),
  m('langdurige_aandoening', 'EenOfMeerLangdurigeAandoeningen_16', 'gezondheid', 'higher-is-worse',
    'Eén of meer langdurige aandoeningen', 'One or more long-term conditions',
    'Aandeel met minstens één langdurige ziekte of aandoening (zes maanden of langer).',
    'Share with at least one long-term illness or condition (lasting six months or more).'),
  m('beperkt_gezondheid', 'BeperktVanwegeGezondheid_17', 'gezondheid', 'higher-is-worse',
    'Beperkt vanwege gezondheid', 'Limited because of health',
    'Aandeel dat al minstens zes maanden beperkt is in dagelijkse activiteiten door gezondheidsproblemen (GALI-vraag).',
    'Share who have been limited in daily activities by health problems for at least six months (GALI question).'),
  m('ernstig_beperkt_gezondheid', 'ErnstigBeperktVanwegeGezondheid_18', 'gezondheid', 'higher-is-worse',
    'Ernstig beperkt vanwege gezondheid', 'Severely limited because of health',
    'Aandeel dat al minstens zes maanden ernstig beperkt is in dagelijkse activiteiten door gezondheidsproblemen.',
    'Share who have been severely limited in daily activities by health problems for at least six months.'),
  m('langdurig_ziek_beperkt', 'LangdurigeZiekteEnBeperkt_19', 'gezondheid', 'higher-is-worse',
    'Langdurig ziek en beperkt', 'Long-term illness with limitation',
    'Aandeel met een langdurige aandoening dat daardoor ook beperkt is in dagelijkse activiteiten.',
    'Share with a long-term condition who are also limited in daily activities because of it.'),
  m('lichamelijke_beperking', 'EenOfMeerLichamelijkeBeperkingen_20', 'gezondheid', 'higher-is-worse',
    'Eén of meer lichamelijke beperkingen', 'One or more physical disabilities',
    'Aandeel met minstens één beperking in horen, zien of bewegen (OESO-indicator).',
    'Share with at least one limitation in hearing, seeing or mobility (OECD indicator).'),
  m('beperking_horen', 'BeperkingInHoren_21', 'gezondheid', 'higher-is-worse',
    'Beperking in horen', 'Hearing limitation',
    'Aandeel dat een gesprek met een of meer personen niet of alleen met grote moeite kan volgen.',
    'Share who cannot follow a conversation with one or more people, or only with great difficulty.'),
  m('beperking_zien', 'BeperkingInZien_22', 'gezondheid', 'higher-is-worse',
    'Beperking in zien', 'Vision limitation',
    'Aandeel dat kleine letters of een gezicht op vier meter afstand niet of alleen met grote moeite kan zien (ook met bril of lenzen).',
    'Share who cannot see small print or a face at four metres, or only with great difficulty (glasses or lenses allowed).'),
  m('beperking_bewegen', 'BeperkingInBewegen_23', 'gezondheid', 'higher-is-worse',
    'Beperking in bewegen', 'Mobility limitation',
    'Aandeel dat niet of alleen met grote moeite iets kan dragen, bukken of een stuk lopen.',
    'Share who cannot carry something, bend down or walk some distance, or only with great difficulty.'),
  m('risico_angst_depressie', 'MatigHoogRisicoOpAngstOfDepressie_24', 'psychisch', 'higher-is-worse',
    'Matig of hoog risico op angst of depressie', 'Moderate or high risk of anxiety or depression',
    'Aandeel met een matig of hoog risico op een angststoornis of depressie, gemeten met de Kessler-10-vragenlijst over psychische klachten (K10-score 16 of hoger).',
    'Share at moderate or high risk of an anxiety disorder or depression, measured with the Kessler 10 psychological distress scale (K10 score 16 or more).'),
  m('hoog_risico_angst_depressie', 'HoogRisicoOpAngstOfDepressie_25', 'psychisch', 'higher-is-worse',
    'Hoog risico op angst of depressie', 'High risk of anxiety or depression',
    'Aandeel met een hoog risico op een angststoornis of depressie (K10-score 30 of hoger).',
    'Share at high risk of an anxiety disorder or depression (K10 score 30 or more).'),
  m('veel_stress', 'HeelVeelStressInAfgelopen4Weken_26', 'psychisch', 'higher-is-worse',
    '(Heel) veel stress', 'A lot of stress',
    'Aandeel dat in de afgelopen vier weken veel of heel veel stress heeft ervaren.',
    'Share who experienced a lot or a great deal of stress in the past four weeks.'),
  m('regie_eigen_leven', 'MatigVeelRegieOverEigenLeven_27', 'psychisch', 'higher-is-better',
    'Matig of veel regie over eigen leven', 'Moderate or strong control over own life',
    'Aandeel dat matig of veel regie ervaart over het eigen leven (Pearlin-Schooler-mastery-schaal).',
    'Share who feel moderate or strong control over their own life (Pearlin-Schooler mastery scale).'),
  m('eenzaam', 'Eenzaam_28', 'sociaal', 'higher-is-worse',
    'Eenzaam', 'Lonely',
    'Aandeel dat zich matig of (zeer) ernstig eenzaam voelt volgens de eenzaamheidsschaal van De Jong Gierveld.',
    'Share who feel moderately, severely or very severely lonely on the De Jong Gierveld loneliness scale.'),
  m('ernstig_eenzaam', 'ErnstigZeerErnstigEenzaam_29', 'sociaal', 'higher-is-worse',
    '(Zeer) ernstig eenzaam', 'Severely lonely',
    'Aandeel dat zich ernstig of zeer ernstig eenzaam voelt volgens de schaal van De Jong Gierveld.',
    'Share who feel severely or very severely lonely on the De Jong Gierveld scale.'),
  m('emotioneel_eenzaam', 'EmotioneelEenzaam_30', 'sociaal', 'higher-is-worse',
    'Emotioneel eenzaam', 'Emotionally lonely',
    'Aandeel dat een hechte, intieme band met iemand mist.',
    'Share who miss a close, intimate relationship with someone.'),
  m('sociaal_eenzaam', 'SociaalEenzaam_31', 'sociaal', 'higher-is-worse',
    'Sociaal eenzaam', 'Socially lonely',
    'Aandeel dat een bredere kring van vrienden, kennissen of buren mist.',
    'Share who miss a wider circle of friends, acquaintances or neighbours.'),
  m('mantelzorger', 'Mantelzorger_32', 'sociaal', 'no-judgement',
    'Mantelzorger', 'Informal carer',
    'Aandeel dat in de afgelopen twaalf maanden minstens drie maanden en/of acht uur per week onbetaald zorg gaf aan een naaste.',
    'Share who gave unpaid care to someone close for at least three months and/or eight hours a week in the past twelve months.'),
  m('vrijwilligerswerk', 'Vrijwilligerswerk_33', 'sociaal', 'no-judgement',
    'Vrijwilligerswerk', 'Volunteering',
    'Aandeel dat vrijwilligerswerk doet.',
    'Share who do voluntary work.'),
  m('lopen_fietsen_school_werk', 'LopenEnOfFietsenNaarSchoolOfWerk_34', 'leefstijl', 'no-judgement',
    'Lopen en/of fietsen naar school of werk', 'Walks and/or cycles to school or work',
    'Aandeel dat lopend en/of fietsend naar school of werk gaat.',
    'Share who walk and/or cycle to school or work.'),
  m('lopen_school_werk', 'LopenNaarSchoolOfWerk_35', 'leefstijl', 'no-judgement',
    'Lopen naar school of werk', 'Walks to school or work',
    'Aandeel dat lopend naar school of werk gaat.',
    'Share who walk to school or work.'),
  m('fietsen_school_werk', 'FietsenNaarSchoolOfWerk_36', 'leefstijl', 'no-judgement',
    'Fietsen naar school of werk', 'Cycles to school or work',
    'Aandeel dat fietsend naar school of werk gaat.',
    'Share who cycle to school or work.'),
  m('geluidhinder_buren', 'ErnstigeGeluidhinderDoorBuren_37', 'sociaal', 'higher-is-worse',
    'Ernstige geluidhinder door buren', 'Severe noise annoyance from neighbours',
    'Aandeel dat thuis ernstig gehinderd wordt door geluid van buren.',
    'Share severely annoyed at home by noise from neighbours.'),
  m('moeite_rondkomen', 'MoeiteMetRondkomen_38', 'sociaal', 'higher-is-worse',
    'Moeite met rondkomen', 'Difficulty making ends meet',
    'Aandeel in een huishouden dat enige of grote moeite heeft om rond te komen van het inkomen.',
    'Share living in a household that has some or great difficulty making ends meet on its income.'),
];

/** Indicator id of a measure for an age group: `overgewicht_18plus`, `overgewicht_18_64`, … */
export function healthIndicatorId(base: string, age: HealthAgeGroup): string {
  return `${base}_${age.idSuffix}`;
}

const AGE_LABEL: Record<AgeGroup, string> = { '18+': '18+', '18-64': '18-64', '65+': '65+' };

/** Catalog entry of one measure for one age group. */
export function healthIndicator(measure: HealthMeasure, age: HealthAgeGroup): IndicatorDefinition {
  return {
    id: healthIndicatorId(measure.base, age),
    labelNl: `${measure.labelNl} (${AGE_LABEL[age.ageGroup]})`,
    labelEn: `${measure.labelEn} (${AGE_LABEL[age.ageGroup]})`,
    unit: 'percent',
    definitionNl: `${measure.definitionNl} Modelschatting van het RIVM op basis van de Gezondheidsmonitor Volwassenen en Ouderen.`,
    definitionEn: `${measure.definitionEn} RIVM model estimate based on the Adult and Elderly Health Monitor.`,
    theme: measure.theme,
    ageGroup: age.ageGroup,
    polarity: measure.polarity,
    shareOfNl: age.shareOfNl,
    shareOfEn: age.shareOfEn,
    // Small-area estimates from a model, not counts: the UI labels them "modelschatting".
    isEstimate: true,
    decimals: 1,
  };
}

/** Every measure × age group: the full RIVM catalog (105 entries). */
export function healthIndicators(): IndicatorDefinition[] {
  return HEALTH_AGE_GROUPS.flatMap((age) => HEALTH_MEASURES.map((measure) => healthIndicator(measure, age)));
}
