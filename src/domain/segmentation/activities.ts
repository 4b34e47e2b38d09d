// The activity palette: prevention activities a neighbourhood can choose from, written for this project in our
// own words, and a matcher from a target group and a neighbourhood type to the activities that fit. Recognition
// levels are only filled in where certain; otherwise 'onbekend' — check Loket Gezond Leven before relying on it.

export type ActivityTheme = 'leefstijl' | 'bewegen' | 'voeding' | 'valpreventie' | 'eenzaamheid' | 'geldzorgen' | 'diabetespreventie';

export type Setting = 'huisarts' | 'fysiotherapie' | 'buurthuis' | 'buitenruimte' | 'thuis' | 'gemeenschap' | 'gemeente-loket';

export type Financing = 'basisverzekering' | 'aanvullende-verzekering' | 'wmo' | 'spuk-gala' | 'gemeente' | 'eigen-bijdrage';

export interface Activity {
  id: string;
  nameNl: string;
  /** What happens, in plain Dutch (B1). */
  descriptionNl: string;
  themes: ActivityTheme[];
  /** Target group ids (targets.ts) the activity is meant for. */
  targetGroups: string[];
  settings: Setting[];
  accessibility: {
    /** Usable by people who read little or no Dutch (spoken, visual, in the own language, with key persons). */
    lowLiteracy: boolean;
    notesNl: string;
  };
  financing: Financing[];
  recognition: {
    /** 'erkend' only where recognition is certain; 'onbekend' rather than a guess. */
    status: 'erkend' | 'onbekend';
    noteNl: string;
  };
  /** Neighbourhood-type tags (typology.ts) the activity suits especially. */
  suitsTags: string[];
}

const GLI_RECOGNITION = {
  status: 'erkend' as const,
  noteNl: 'Een GLI wordt alleen uit de basisverzekering betaald als het programma erkend is; het erkenningsniveau staat in Loket Gezond Leven.',
};

const UNKNOWN = { status: 'onbekend' as const, noteNl: 'Erkenning niet nagegaan: kijk in Loket Gezond Leven.' };

export const ACTIVITIES: readonly Activity[] = [
  {
    id: 'gli-cool',
    nameNl: 'GLI Coaching op Leefstijl (CooL)',
    descriptionNl:
      'Twee jaar lang werken aan gezonder eten, meer bewegen en beter slapen, in groepjes en in gesprekken met een leefstijlcoach. De huisarts verwijst.',
    themes: ['leefstijl', 'bewegen', 'voeding', 'diabetespreventie'],
    targetGroups: ['verhoogd-risico-diabetes-type-2', 'diabetes-type-2'],
    settings: ['huisarts', 'buurthuis'],
    accessibility: { lowLiteracy: false, notesNl: 'Groepsbijeenkomsten in het Nederlands; coaches kunnen aanpassen aan taalniveau.' },
    financing: ['basisverzekering'],
    recognition: GLI_RECOGNITION,
    suitsTags: ['overgewicht', 'bewegen'],
  },
  {
    id: 'gli-slimmer',
    nameNl: 'GLI SLIMMER',
    descriptionNl:
      'Een diëtist en een beweegprofessional begeleiden deelnemers samen, met sporten in de buurt. De gemeente zorgt vaak voor beweegaanbod na afloop.',
    themes: ['leefstijl', 'bewegen', 'voeding', 'diabetespreventie'],
    targetGroups: ['verhoogd-risico-diabetes-type-2', 'diabetes-type-2'],
    settings: ['huisarts', 'buitenruimte', 'buurthuis'],
    accessibility: { lowLiteracy: false, notesNl: 'Veel doen en bewegen, weinig lezen; begeleiding in het Nederlands.' },
    financing: ['basisverzekering', 'gemeente'],
    recognition: GLI_RECOGNITION,
    suitsTags: ['overgewicht', 'bewegen'],
  },
  {
    id: 'gli-beweegkuur',
    nameNl: 'GLI BeweegKuur',
    descriptionNl: 'Leefstijlcoach, fysiotherapeut en diëtist helpen samen om bewegen en eten blijvend te veranderen.',
    themes: ['leefstijl', 'bewegen', 'voeding', 'diabetespreventie'],
    targetGroups: ['verhoogd-risico-diabetes-type-2', 'diabetes-type-2'],
    settings: ['huisarts', 'fysiotherapie'],
    accessibility: { lowLiteracy: false, notesNl: 'Individuele begeleiding; taal van de zorgverlener.' },
    financing: ['basisverzekering'],
    recognition: GLI_RECOGNITION,
    suitsTags: ['overgewicht', 'bewegen'],
  },
  {
    id: 'diabetespreventie-hindostaans',
    nameNl: 'Diabetespreventie met Hindostaans-Surinaamse gemeenschappen',
    descriptionNl:
      'Voorlichting, een risicotest en samen gezond koken en bewegen, georganiseerd met sleutelpersonen, een mandir of een vereniging uit de gemeenschap.',
    themes: ['diabetespreventie', 'voeding', 'bewegen'],
    targetGroups: ['verhoogd-risico-diabetes-type-2', 'diabetes-type-2'],
    settings: ['gemeenschap', 'buurthuis'],
    accessibility: { lowLiteracy: true, notesNl: 'Via sleutelpersonen, mondeling, in Sarnami of Nederlands, op plekken waar mensen al komen.' },
    financing: ['gemeente', 'spuk-gala'],
    recognition: UNKNOWN,
    suitsTags: ['migratieachtergrond'],
  },
  {
    id: 'gezond-koken-buurthuis',
    nameNl: 'Samen gezond en goedkoop koken in het buurthuis',
    descriptionNl: 'Buurtbewoners koken en eten samen en leren hoe gezond eten betaalbaar kan. Ook een plek om elkaar te ontmoeten.',
    themes: ['voeding', 'eenzaamheid', 'geldzorgen'],
    targetGroups: ['verhoogd-risico-diabetes-type-2', 'eenzame-ouderen', 'moeite-met-rondkomen'],
    settings: ['buurthuis'],
    accessibility: { lowLiteracy: true, notesNl: 'Doen in plaats van lezen; recepten met plaatjes; ook in andere talen te organiseren.' },
    financing: ['gemeente', 'wmo'],
    recognition: UNKNOWN,
    suitsTags: ['geldzorgen', 'migratieachtergrond', 'overgewicht', 'eenzaamheid'],
  },
  {
    id: 'buurtsportcoach-beweegaanbod',
    nameNl: 'Beweegaanbod van de buurtsportcoach',
    descriptionNl:
      'Laagdrempelig sporten en bewegen in de wijk, zoals in Samen Gezond-achtige programma’s, begeleid door een buurtsportcoach die mensen ook doorverwijst.',
    themes: ['bewegen', 'leefstijl'],
    targetGroups: ['verhoogd-risico-diabetes-type-2', 'diabetes-type-2', 'eenzame-ouderen'],
    settings: ['buitenruimte', 'buurthuis'],
    accessibility: { lowLiteracy: true, notesNl: 'Gratis of goedkoop, dichtbij huis, weinig uitleg op papier nodig.' },
    financing: ['gemeente', 'spuk-gala'],
    recognition: UNKNOWN,
    suitsTags: ['bewegen', 'jongeren', 'geldzorgen'],
  },
  {
    id: 'wandelgroep',
    nameNl: 'Wandelgroep in de buurt',
    descriptionNl: 'Elke week samen wandelen vanaf een vast punt in de wijk, met een vrijwilliger of buurtsportcoach. Bewegen en contact in één.',
    themes: ['bewegen', 'eenzaamheid'],
    targetGroups: ['verhoogd-risico-diabetes-type-2', 'diabetes-type-2', 'eenzame-ouderen', 'ernstig-eenzame-ouderen'],
    settings: ['buitenruimte'],
    accessibility: { lowLiteracy: true, notesNl: 'Geen taal of geld nodig; ook als groep voor vrouwen of in een eigen taal te organiseren.' },
    financing: ['gemeente'],
    recognition: UNKNOWN,
    suitsTags: ['ouderen', 'eenzaamheid', 'bewegen'],
  },
  {
    id: 'valpreventie-in-balans',
    nameNl: 'Valpreventie: In Balans',
    descriptionNl: 'Een groepstraining voor ouderen om evenwicht en kracht te oefenen en minder bang te zijn om te vallen.',
    themes: ['valpreventie', 'bewegen'],
    targetGroups: ['ouderen-valrisico'],
    settings: ['buurthuis', 'fysiotherapie'],
    accessibility: { lowLiteracy: true, notesNl: 'Vooral oefenen; uitleg mondeling.' },
    financing: ['spuk-gala', 'gemeente', 'aanvullende-verzekering'],
    recognition: UNKNOWN,
    suitsTags: ['ouderen'],
  },
  {
    id: 'valpreventie-otago',
    nameNl: 'Valpreventie: OTAGO-thuisoefenprogramma',
    descriptionNl: 'Oefeningen voor thuis, opgebouwd en gevolgd door een fysiotherapeut, voor ouderen die minder makkelijk de deur uit gaan.',
    themes: ['valpreventie', 'bewegen'],
    targetGroups: ['ouderen-valrisico'],
    settings: ['thuis', 'fysiotherapie'],
    accessibility: { lowLiteracy: true, notesNl: 'Oefeningen worden voorgedaan; ook bruikbaar voor wie weinig leest.' },
    financing: ['aanvullende-verzekering', 'gemeente', 'eigen-bijdrage'],
    recognition: UNKNOWN,
    suitsTags: ['ouderen'],
  },
  {
    id: 'valpreventie-halt-u-valt',
    nameNl: 'Valpreventie: Halt! U valt',
    descriptionNl: 'Bijeenkomsten voor ouderen over vallen voorkomen, met een check van het huis en oefeningen.',
    themes: ['valpreventie'],
    targetGroups: ['ouderen-valrisico'],
    settings: ['buurthuis', 'thuis'],
    accessibility: { lowLiteracy: false, notesNl: 'Groepsvoorlichting in het Nederlands.' },
    financing: ['spuk-gala', 'gemeente'],
    recognition: UNKNOWN,
    suitsTags: ['ouderen'],
  },
  {
    id: 'welzijn-op-recept',
    nameNl: 'Welzijn op recept',
    descriptionNl:
      'De huisarts of praktijkondersteuner verwijst iemand met klachten door eenzaamheid, stress of geldzorgen naar een welzijnscoach, die samen zoekt naar een passende activiteit.',
    themes: ['eenzaamheid', 'geldzorgen'],
    targetGroups: ['eenzame-ouderen', 'ernstig-eenzame-ouderen', 'moeite-met-rondkomen'],
    settings: ['huisarts', 'buurthuis'],
    accessibility: { lowLiteracy: true, notesNl: 'Persoonlijk gesprek; de welzijnscoach kan een tolk of sleutelpersoon inschakelen.' },
    financing: ['wmo', 'gemeente'],
    recognition: UNKNOWN,
    suitsTags: ['eenzaamheid', 'ouderen', 'geldzorgen'],
  },
  {
    id: 'gesprekken-eenzaamheid',
    nameNl: 'Goede gesprekken over eenzaamheid',
    descriptionNl:
      'Huisbezoeken en kleine gespreksgroepen waarin ouderen praten over wat contact voor hen betekent, en samen kijken wat ze zelf willen veranderen.',
    themes: ['eenzaamheid'],
    targetGroups: ['eenzame-ouderen', 'ernstig-eenzame-ouderen'],
    settings: ['thuis', 'buurthuis'],
    accessibility: { lowLiteracy: true, notesNl: 'Alleen praten; in de eigen taal mogelijk met vrijwilligers uit de gemeenschap.' },
    financing: ['wmo', 'gemeente'],
    recognition: UNKNOWN,
    suitsTags: ['eenzaamheid', 'ouderen'],
  },
  {
    id: 'schuldhulp',
    nameNl: 'Schuldhulpverlening en vroegsignalering',
    descriptionNl:
      'De gemeente helpt bij schulden en zoekt zelf contact bij betalingsachterstanden (huur, energie, zorgverzekering), voordat het probleem groot wordt.',
    themes: ['geldzorgen'],
    targetGroups: ['moeite-met-rondkomen'],
    settings: ['gemeente-loket', 'thuis'],
    accessibility: { lowLiteracy: true, notesNl: 'Hulp aan huis mogelijk; formulieren worden samen ingevuld.' },
    financing: ['gemeente'],
    recognition: UNKNOWN,
    suitsTags: ['geldzorgen', 'lage-ses'],
  },
  {
    id: 'geldzaken-op-orde',
    nameNl: 'Hulp bij geldzaken en de thuisadministratie',
    descriptionNl: 'Een vrijwilliger of cursus helpt om post, rekeningen en toeslagen op orde te krijgen en geldstress te verminderen.',
    themes: ['geldzorgen'],
    targetGroups: ['moeite-met-rondkomen'],
    settings: ['thuis', 'buurthuis'],
    accessibility: { lowLiteracy: true, notesNl: 'Persoonlijke hulp thuis; geschikt voor wie moeite heeft met lezen of met de computer.' },
    financing: ['gemeente', 'wmo'],
    recognition: UNKNOWN,
    suitsTags: ['geldzorgen', 'lage-ses', 'migratieachtergrond'],
  },
];

/** Tags of a type that call for activities that work without much reading or Dutch. */
const LOW_LITERACY_TAGS = ['migratieachtergrond', 'geldzorgen', 'lage-ses'];

export interface ActivityMatch {
  activity: Activity;
  /** 3 for the target group, +1 per shared neighbourhood tag, +1 for low-literacy access where the type needs it. */
  score: number;
  /** Whether the activity is meant for the target group itself (else it fits the neighbourhood only). */
  forTargetGroup: boolean;
  reasonsNl: string[];
}

/**
 * Activities for a target group in a neighbourhood type: those meant for the target group first, then those
 * that only fit the type's tags; within each, the best fit first. `type` null = no neighbourhood type known.
 */
export function matchActivities(
  targetId: string,
  type: { labelNl?: string; tags: readonly string[] } | null,
  catalog: readonly Activity[] = ACTIVITIES,
): ActivityMatch[] {
  const tags = type?.tags ?? [];
  const needsLowLiteracy = tags.some((tag) => LOW_LITERACY_TAGS.includes(tag));
  const matches: ActivityMatch[] = [];
  for (const activity of catalog) {
    const reasonsNl: string[] = [];
    const forTargetGroup = activity.targetGroups.includes(targetId);
    let score = 0;
    if (forTargetGroup) {
      score += 3;
      reasonsNl.push('bedoeld voor deze doelgroep');
    }
    const shared = activity.suitsTags.filter((tag) => tags.includes(tag));
    score += shared.length;
    if (shared.length > 0) reasonsNl.push(`past bij de wijk: ${shared.join(', ')}`);
    if (needsLowLiteracy && activity.accessibility.lowLiteracy) {
      score += 1;
      reasonsNl.push('ook bruikbaar voor wie weinig Nederlands leest');
    }
    if (forTargetGroup || shared.length > 0) matches.push({ activity, score, forTargetGroup, reasonsNl });
  }
  return matches.sort(
    (a, b) => Number(b.forTargetGroup) - Number(a.forTargetGroup) || b.score - a.score || a.activity.nameNl.localeCompare(b.activity.nameNl, 'nl'),
  );
}
