// Child process of run-import.test.ts ("an interrupted import leaves the previous import intact"): starts a
// large import into the database file given as argument, prints "paused" once most of it is written inside the
// still-open transaction, and then blocks until the parent kills it with SIGKILL.
// Usage: node src/import/testing/interrupted-import.ts <db-file>
import { writeSync } from 'node:fs';
import { openSqliteStore } from '../../db/sqlite-store.ts';
import { writeImport, type DirectoryImport } from '../run-import.ts';
import type { DatasetRecord } from '../../shared/snapshot.ts';

/** Big enough (about 16 MB of values) that SQLite has to spill uncommitted pages to the WAL file. */
function bigDataset(): DatasetRecord {
  const areaCount = 20_000;
  const areas = Array.from({ length: areaCount }, (_, i) => ({
    code: `BU${String(i).padStart(8, '0')}`,
    level: 'buurt' as const,
    name: `Buurt ${i}`,
    parentCode: null,
  }));
  const series = Array.from({ length: 100 }, (_, s) => ({
    indicatorId: 'interrupted_indicator',
    period: String(1900 + s),
    sourceColumn: `col_${s}`,
    referenceNl: `${1900 + s}`,
    values: Float64Array.from({ length: areaCount }, (_, i) => s * areaCount + i),
    missing: new Uint8Array(areaCount),
  }));
  return {
    info: {
      id: 'interrupted-big',
      titleNl: 'Import that never commits',
      publisher: 'test',
      tableId: 'none',
      licence: 'none',
      classificationYear: 2020,
      source: ['interrupted/big.csv'],
      contentHash: 'interrupted-hash',
    },
    priority: 1,
    areas,
    series,
  };
}

const file = process.argv[2];
if (file === undefined) throw new Error('usage: interrupted-import.ts <db-file>');
const store = await openSqliteStore(file);
const input: DirectoryImport = {
  datasets: [bigDataset()],
  indicators: [{
    id: 'interrupted_indicator', labelNl: 'x', labelEn: 'x', unit: 'count', definitionNl: 'x', definitionEn: 'x',
    theme: 'bevolking', ageGroup: null, polarity: 'no-judgement', shareOfNl: null, shareOfEn: null, isEstimate: false, decimals: 0,
  }],
  areaAttributes: [],
  geometries: [],
  postcodes: [],
  referenceTables: [],
  missingFolders: [],
  unknownFolders: [],
  droppedSeries: [],
};
await writeImport(store, input, () => new Date('2030-01-01T00:00:00Z'), (event) => {
  // Pause just before the last step: the new dataset is in, the old ones are deleted, the catalog replaced.
  if (event.done === event.total - 1) {
    writeSync(1, 'paused\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
    throw new Error('the parent did not kill this process within 60 s');
  }
});
