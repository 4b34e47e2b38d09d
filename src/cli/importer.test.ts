import { test } from 'node:test';
import assert from 'node:assert/strict';
import { summarise } from './importer.ts';
import type { ImportReport } from '../import/run-import.ts';

const table = { count: 1, written: false };

function report(droppedSeries: ImportReport['droppedSeries']): ImportReport {
  return {
    importedAt: '2024-01-01T00:00:00.000Z',
    datasets: [{ id: 'kwb-2022', outcome: 'added', priority: 100, areaCount: 3686, seriesCount: 58, source: ['kwb.csv'] }],
    removedDatasets: [],
    keptDatasets: [],
    tables: { indicators: table, areaAttributes: table, geometries: table, postcodes: table, referenceTables: table },
    droppedSeries,
    missingFolders: [],
    unknownFolders: [],
  };
}

test('summarise reports series left out for a higher-priority dataset as one line per pair of datasets', () => {
  const dropped = ['inwoners', 'mannen', 'vrouwen', 'huishoudens', 'woningvoorraad', 'stedelijkheid', 'bevolkingsdichtheid', 'oppervlakte_land'].map((indicatorId) => ({
    indicatorId,
    period: '2022',
    droppedDatasetId: 'pdok-gemeenten-2022',
    droppedPriority: 10,
    keptDatasetId: 'kwb-2022',
    keptPriority: 100,
  }));
  const lines = summarise(report(dropped));
  const pairLines = lines.filter((l) => l.includes('also holds'));
  assert.equal(pairLines.length, 1);
  assert.match(pairLines[0]!, /pdok-gemeenten-2022 \(priority 10\) also holds 8 series of kwb-2022 \(priority 100\); kept from kwb-2022: inwoners 2022, mannen 2022, .*… \(2 more\)/);
});

test('summarise lists nothing about left-out series when there are none', () => {
  assert.ok(summarise(report([])).every((l) => !l.includes('also holds')));
});
