// Adapter for RIVM 50090NED "Gezondheid per wijk en buurt; 2012/2016/2020 (indeling 2020)": one dataset per
// file (year × age group), every area of the 2020 classification, one series per measure that the file has.
// See rivm-gezondheid-wijk-buurt-2012-2016-2020/PROVENANCE.md for the layout this reads.
import { ImportError, type DataSource, type DatasetAdapter } from '../adapter.ts';
import { parseNumberCell, type CsvTable } from '../csv.ts';
import { readCsvFile, sha256Hex } from './helpers.ts';
import { HEALTH_AGE_GROUPS, HEALTH_MEASURES, healthIndicator, healthIndicatorId, type HealthAgeGroup } from '../catalog/health.ts';
import { levelOfCode, normaliseCode, parentFromCode } from '../../shared/codes.ts';
import type { AreaRecord, DatasetRecord, IndicatorDefinition, SeriesRecord } from '../../shared/snapshot.ts';
import type { Level } from '../../shared/types.ts';

const FOLDER = 'rivm-gezondheid-wijk-buurt-2012-2016-2020';
const FILE_NAME = /^gezondheid_wijk_buurt_(\d{4})_(18plus|18-64|65plus)\.csv(\.gz)?$/;

/** The levels `SoortRegio_2` names; a code's own level must agree with it. */
const SOORT_REGIO: Record<string, Level> = { Land: 'land', Gemeente: 'gemeente', Wijk: 'wijk', Buurt: 'buurt' };

/** PROVENANCE.md: plain numbers, an empty cell is unknown; a CBS symbol would mean a different file. */
const PLAIN_NUMBERS = { cbsSymbols: false } as const;

const KEY_COLUMNS = ['Leeftijd', 'Marges', 'RegioCode', 'Perioden', 'Gemeentenaam_1', 'SoortRegio_2'] as const;

/** The survey ran in the autumn of each monitor year; the period label says so. */
function referenceNl(year: number): string {
  return `${year} (Gezondheidsmonitor, najaar ${year})`;
}

/** Reads the areas of one file, checking codes, levels and the presence of each wijk's and buurt's parent. */
function readAreas(table: CsvTable): AreaRecord[] {
  const col = (name: string) => table.header.indexOf(name);
  const iCode = col('RegioCode');
  const iName = col('Gemeentenaam_1');
  const iSoort = col('SoortRegio_2');
  const areas: AreaRecord[] = [];
  const seen = new Map<string, number>();
  let countries = 0;
  table.rows.forEach((row, r) => {
    const line = table.lines[r]!;
    const raw = row[iCode]!;
    const code = normaliseCode(raw);
    const level = levelOfCode(code);
    if (level === null || level === 'provincie' || level === 'ggdregio') {
      throw new ImportError(table.file, line, 'RegioCode', `"${raw}" is not a code of Nederland, a gemeente, wijk or buurt`);
    }
    const soort = row[iSoort]!.trim();
    const expected = SOORT_REGIO[soort];
    if (expected === undefined) {
      throw new ImportError(table.file, line, 'SoortRegio_2', `"${soort}" is not one of Land, Gemeente, Wijk, Buurt`);
    }
    if (expected !== level) {
      throw new ImportError(table.file, line, 'SoortRegio_2', `"${soort}" contradicts code ${code}, which is a ${level}`);
    }
    const earlier = seen.get(code);
    if (earlier !== undefined) {
      throw new ImportError(table.file, line, 'RegioCode', `code ${code} occurs twice (also on line ${earlier})`);
    }
    seen.set(code, line);
    if (level === 'land') countries++;
    const gemeentenaam = row[iName]!.trim();
    // The file names only the gemeente; wijk and buurt names are not in 50090NED as converted here, so they are
    // left empty (as helpers.ts does for nameless files) and the register takes a name from a dataset that has one.
    const name = level === 'land' ? 'Nederland' : level === 'gemeente' ? gemeentenaam : '';
    if (level === 'gemeente' && name === '') {
      throw new ImportError(table.file, line, 'Gemeentenaam_1', `gemeente ${code} has no name`);
    }
    areas.push({ code, level, name, parentCode: level === 'wijk' || level === 'buurt' ? parentFromCode(code) : null });
  });
  if (countries !== 1) {
    throw new ImportError(table.file, null, 'RegioCode', `expected exactly one row for Nederland (NL01), found ${countries}`);
  }
  areas.forEach((area, r) => {
    if (area.parentCode !== null && !seen.has(area.parentCode)) {
      throw new ImportError(table.file, table.lines[r]!, 'RegioCode',
        `${area.level} ${area.code} lies in ${area.parentCode}, which does not occur in this file; is the file truncated?`);
    }
  });
  return areas;
}

/** Checks the constant columns: age group, margin (point estimate) and period must be those of the file. */
function checkConstants(table: CsvTable, year: number, age: HealthAgeGroup): void {
  const iAge = table.header.indexOf('Leeftijd');
  const iMarges = table.header.indexOf('Marges');
  const iPeriod = table.header.indexOf('Perioden');
  const period = `${year}JJ00`;
  table.rows.forEach((row, r) => {
    const line = table.lines[r]!;
    if (row[iAge]!.trim() !== age.leeftijdCode) {
      throw new ImportError(table.file, line, 'Leeftijd',
        `age group "${row[iAge]}" does not match the file name (${age.fileSuffix} = ${age.leeftijdCode})`);
    }
    if (row[iMarges]!.trim() !== 'MW00000') {
      throw new ImportError(table.file, line, 'Marges', `"${row[iMarges]}" is not MW00000 (point estimate); only point estimates are imported`);
    }
    if (row[iPeriod]!.trim() !== period) {
      throw new ImportError(table.file, line, 'Perioden', `"${row[iPeriod]}" does not match the year of the file name (${period})`);
    }
  });
}

/** One series per measure column; a column that is empty in every row was not measured that year and is left out. */
function readSeries(table: CsvTable, year: number, age: HealthAgeGroup): SeriesRecord[] {
  const n = table.rows.length;
  const columns = HEALTH_MEASURES.map((measure) => ({
    measure,
    index: table.header.indexOf(measure.sourceColumn),
    values: new Float64Array(n),
    missing: new Uint8Array(n),
    present: 0,
    // One location object per column, updated per row: this loop runs millions of times per import.
    where: { file: table.file, line: 0, column: measure.sourceColumn },
  }));
  // Row-major: each row's cells are read while the row is in cache.
  for (let r = 0; r < n; r++) {
    const row = table.rows[r]!;
    const line = table.lines[r]!;
    for (const c of columns) {
      c.where.line = line;
      const [value, code] = parseNumberCell(row[c.index]!, c.where, PLAIN_NUMBERS);
      if (code === 0) {
        if (value < 0 || value > 100) {
          throw new ImportError(table.file, line, c.measure.sourceColumn, `${value} is not a percentage (0–100)`);
        }
        c.present++;
      }
      c.values[r] = value;
      c.missing[r] = code;
    }
  }
  return columns
    .filter((c) => c.present > 0)
    .map((c) => ({
      indicatorId: healthIndicatorId(c.measure.base, age),
      period: String(year),
      sourceColumn: c.measure.sourceColumn,
      referenceNl: referenceNl(year),
      values: c.values,
      missing: c.missing,
    }));
}

/** Reads one file of the folder into its dataset. */
export async function readRivmFile(source: DataSource, file: string, year: number, age: HealthAgeGroup): Promise<DatasetRecord> {
  const { table, bytes } = await readCsvFile(source, file, [...KEY_COLUMNS, ...HEALTH_MEASURES.map((m) => m.sourceColumn)]);
  checkConstants(table, year, age);
  const areas = readAreas(table);
  const series = readSeries(table, year, age);
  return {
    info: {
      id: `rivm-${year}-${age.fileSuffix}`,
      titleNl: `Gezondheid per wijk en buurt ${year}, ${age.shareOfNl} (modelschattingen RIVM, indeling 2020)`,
      publisher: "RIVM; GGD'en, CBS en RIVM (Gezondheidsmonitor Volwassenen en Ouderen)",
      tableId: '50090NED',
      licence: 'CC BY 4.0 (RIVM/CBS open data, StatLine)',
      classificationYear: 2020,
      source: [file],
      contentHash: sha256Hex([bytes]),
    },
    // The RIVM estimates are the only source of these indicators; 100 is the default precedence.
    priority: 100,
    areas,
    series,
  };
}

export const adapters: DatasetAdapter[] = [
  {
    folder: FOLDER,
    async read(source) {
      const files: { file: string; year: number; age: HealthAgeGroup }[] = [];
      for (const name of await source.list(FOLDER)) {
        if (name.endsWith('.md')) continue;
        const match = FILE_NAME.exec(name);
        const file = `${FOLDER}/${name}`;
        if (match === null) {
          throw new ImportError(file, null, null,
            'unexpected file: names are gezondheid_wijk_buurt_<year>_<18plus|18-64|65plus>.csv[.gz] (see PROVENANCE.md)');
        }
        const age = HEALTH_AGE_GROUPS.find((a) => a.fileSuffix === match[2])!;
        files.push({ file, year: Number(match[1]), age });
      }
      if (files.length === 0) throw new ImportError(FOLDER, null, null, 'no gezondheid_wijk_buurt_*.csv files in this folder');
      const ids = new Set<string>();
      for (const f of files) {
        const id = `${f.year}-${f.age.fileSuffix}`;
        if (ids.has(id)) throw new ImportError(f.file, null, null, `a second file for ${f.year} ${f.age.fileSuffix} (.csv and .csv.gz?)`);
        ids.add(id);
      }
      const datasets = await Promise.all(files.map((f) => readRivmFile(source, f.file, f.year, f.age)));
      // Catalog entries only for measures that have values in at least one file: an age group that was never
      // measured (e.g. walking to work for 65+) would otherwise show as an indicator without data.
      const used = new Set(datasets.flatMap((d) => d.series.map((s) => s.indicatorId)));
      const indicators: IndicatorDefinition[] = HEALTH_AGE_GROUPS.flatMap((age) =>
        HEALTH_MEASURES.map((measure) => healthIndicator(measure, age)),
      ).filter((indicator) => used.has(indicator.id));
      return { datasets, indicators };
    },
  },
];
