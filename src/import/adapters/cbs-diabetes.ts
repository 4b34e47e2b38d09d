// Adapter for the national CBS diabetes and overweight tables 2001–2009 (cbs-diabetes-overgewicht-nationaal-2001-2009/):
// not per area, so they become ReferenceTables (age- and sex-specific rates for indirect standardisation), each
// with a dataset record (no areas, no series) that carries provenance and content hash.
import { ImportError, type DatasetAdapter } from '../adapter.ts';
import { parseNumberCell, type CsvTable } from '../csv.ts';
import { readCsvFile, sha256Hex } from './helpers.ts';
import { MISSING_REASONS, MISSING_REASON_CODES, type MissingReason, type Unit } from '../../shared/types.ts';
import type { DatasetRecord, ReferenceTable } from '../../shared/snapshot.ts';

const FOLDER = 'cbs-diabetes-overgewicht-nationaal-2001-2009';
const GP_FILE = `${FOLDER}/huisartspatienten_diabetes_2002_2009.csv`;
const SURVEY_FILE = `${FOLDER}/gezondheidsenquete_diabetes_overgewicht_2001_2009.csv`;

const GP_DATASET = 'cbs-diabetes-huisarts-2002-2009';
const SURVEY_DATASET = 'cbs-gezondheidsenquete-2001-2009';
const LICENCE = 'CC BY 4.0 (CBS open data)';

/** The measures of the survey file, each one table: diabetes (all, type 1, type 2) and the BMI classes of adults. */
const SURVEY_MEASURES: readonly { column: string; titleNl: string }[] = [
  { column: 'suiker', titleNl: 'Diabetes (zelfgerapporteerd), Gezondheidsenquête 2001–2009' },
  { column: 'suiker1', titleNl: 'Diabetes type 1 (zelfgerapporteerd), Gezondheidsenquête 2001–2009' },
  { column: 'suiker2', titleNl: 'Diabetes type 2 (zelfgerapporteerd), Gezondheidsenquête 2001–2009' },
  { column: 'ondergewicht', titleNl: 'Ondergewicht (BMI < 18,5), Gezondheidsenquête 2001–2009' },
  { column: 'normaalgewicht', titleNl: 'Normaal gewicht (BMI 18,5–25), Gezondheidsenquête 2001–2009' },
  { column: 'matigovergewicht', titleNl: 'Matig overgewicht (BMI 25–30), Gezondheidsenquête 2001–2009' },
  { column: 'ernstigovergewicht', titleNl: 'Ernstig overgewicht (BMI ≥ 30), Gezondheidsenquête 2001–2009' },
];

/** PROVENANCE.md: "." = unknown, nothing else; any other symbol means the file is not the one described. */
const CBS_SYMBOLS = { cbsSymbols: true } as const;

/** Reads one cell of a measure: a number, or "." as unknown; other CBS symbols are errors here. */
function readCell(table: CsvTable, r: number, column: string, at: number, max: number): { value: number | null; missing: MissingReason | null } {
  const raw = table.rows[r]![at]!.trim();
  const line = table.lines[r]!;
  if (raw !== '.' && /^[x?-]$/i.test(raw)) {
    throw new ImportError(table.file, line, column, `CBS symbol "${raw}" is not used in this file (only "." = unknown, see PROVENANCE.md)`);
  }
  const [value, code] = parseNumberCell(raw, { file: table.file, line, column }, CBS_SYMBOLS);
  if (code !== 0) {
    const reason = MISSING_REASONS.find((m) => MISSING_REASON_CODES[m] === code)!;
    if (reason === 'empty') throw new ImportError(table.file, line, column, 'empty cell; this file writes "." for an unknown figure');
    return { value: null, missing: reason };
  }
  if (value < 0 || value > max) throw new ImportError(table.file, line, column, `${value} is outside 0–${max}`);
  return { value, missing: null };
}

function yearOf(table: CsvTable, r: number, at: number, column: string): string {
  const year = table.rows[r]![at]!.trim();
  if (!/^(19|20)\d{2}$/.test(year)) throw new ImportError(table.file, table.lines[r]!, column, `"${year}" is not a year`);
  return year;
}

function checkUnique(table: CsvTable, keys: string[], columns: string): void {
  const seen = new Map<string, number>();
  keys.forEach((key, r) => {
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new ImportError(table.file, table.lines[r]!, columns, `the combination ${key} occurs twice (also on line ${earlier})`);
    }
    seen.set(key, table.lines[r]!);
  });
}

async function readGp(source: Parameters<DatasetAdapter['read']>[0]): Promise<{ dataset: DatasetRecord; table: ReferenceTable }> {
  const required = ['o4', 'jaar', 'geslacht', 'leeftijd', 'soort', 'aantalpatienten'];
  const { table, bytes } = await readCsvFile(source, GP_FILE, required, ';');
  const at = (c: string) => table.header.indexOf(c);
  const rows: ReferenceTable['rows'] = [];
  const keys: string[] = [];
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r]!;
    const line = table.lines[r]!;
    if (row[at('o4')]!.trim() !== 'Diabetes mellitus') {
      throw new ImportError(GP_FILE, line, 'o4', `"${row[at('o4')]}" is not "Diabetes mellitus"`);
    }
    if (row[at('soort')]!.trim() !== 'per 1000 personen') {
      throw new ImportError(GP_FILE, line, 'soort', `"${row[at('soort')]}" is not "per 1000 personen"`);
    }
    const dims = [yearOf(table, r, at('jaar'), 'jaar'), row[at('geslacht')]!.trim(), row[at('leeftijd')]!.trim()];
    if (dims[1] === '' || dims[2] === '') throw new ImportError(GP_FILE, line, dims[1] === '' ? 'geslacht' : 'leeftijd', 'empty category');
    keys.push(dims.join(' × '));
    rows.push({ dims, ...readCell(table, r, 'aantalpatienten', at('aantalpatienten'), 1000) });
  }
  checkUnique(table, keys, 'jaar, geslacht, leeftijd');
  const dataset: DatasetRecord = {
    info: {
      id: GP_DATASET,
      titleNl: 'Personen met een door de huisarts geregistreerde diagnose diabetes mellitus, per 1000 (2002–2009)',
      publisher: 'CBS (StatLine, op basis van Nivel LINH)',
      tableId: 'Personen naar door de huisarts geregistreerde diagnose',
      licence: LICENCE,
      // National figures: no regional classification; the last year of the table stands in.
      classificationYear: 2009,
      source: [GP_FILE],
      contentHash: sha256Hex([bytes]),
    },
    priority: 100,
    areas: [],
    series: [],
  };
  return {
    dataset,
    table: {
      id: 'diabetes-huisarts-2002-2009',
      titleNl: 'Diabetes mellitus bij de huisarts per 1000 personen, naar jaar, geslacht en leeftijd (2002–2009)',
      datasetId: GP_DATASET,
      publisher: dataset.info.publisher,
      tableId: dataset.info.tableId,
      sourceColumn: 'aantalpatienten',
      unit: 'per-1000',
      dimensions: ['jaar', 'geslacht', 'leeftijd'],
      rows,
    },
  };
}

async function readSurvey(source: Parameters<DatasetAdapter['read']>[0]): Promise<{ dataset: DatasetRecord; tables: ReferenceTable[] }> {
  const required = ['leeftijd_geslacht', 'jaar', ...SURVEY_MEASURES.map((m) => m.column)];
  const { table, bytes } = await readCsvFile(source, SURVEY_FILE, required, ';');
  const groupAt = table.header.indexOf('leeftijd_geslacht');
  const yearAt = table.header.indexOf('jaar');
  const dims: string[][] = table.rows.map((row, r) => {
    const group = row[groupAt]!.trim();
    if (group === '') throw new ImportError(SURVEY_FILE, table.lines[r]!, 'leeftijd_geslacht', 'empty category');
    return [group, yearOf(table, r, yearAt, 'jaar')];
  });
  checkUnique(table, dims.map((d) => d.join(' × ')), 'leeftijd_geslacht, jaar');
  const dataset: DatasetRecord = {
    info: {
      id: SURVEY_DATASET,
      titleNl: 'Gezondheidsenquête: diabetes en BMI-klassen naar leeftijd en geslacht (2001–2009)',
      publisher: 'CBS (StatLine, Gezondheidsenquête)',
      tableId: '03799',
      licence: LICENCE,
      classificationYear: 2009,
      source: [SURVEY_FILE],
      contentHash: sha256Hex([bytes]),
    },
    priority: 100,
    areas: [],
    series: [],
  };
  const unit: Unit = 'percent';
  const tables = SURVEY_MEASURES.map((measure): ReferenceTable => {
    const at = table.header.indexOf(measure.column);
    return {
      id: `gezondheidsenquete-${measure.column}-2001-2009`,
      titleNl: measure.titleNl,
      datasetId: SURVEY_DATASET,
      publisher: dataset.info.publisher,
      tableId: dataset.info.tableId,
      sourceColumn: measure.column,
      unit,
      dimensions: ['leeftijd_geslacht', 'jaar'],
      rows: dims.map((d, r) => ({ dims: d, ...readCell(table, r, measure.column, at, 100) })),
    };
  });
  return { dataset, tables };
}

export const adapters: DatasetAdapter[] = [
  {
    folder: FOLDER,
    async read(source) {
      const gp = await readGp(source);
      const survey = await readSurvey(source);
      return { datasets: [gp.dataset, survey.dataset], referenceTables: [gp.table, ...survey.tables] };
    },
  },
];
