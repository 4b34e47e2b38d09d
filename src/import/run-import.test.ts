import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { serialize } from 'node:v8';
import { ImportError, type AdapterOutput, type DataSource, type DatasetAdapter } from './adapter.ts';
import { directorySource } from './data-source.ts';
import { loadAdapters } from './registry.ts';
import { readDataDirectory, writeImport, type FolderListingSource, type ImportProgressEvent } from './run-import.ts';
import { openSqliteStore } from '../db/sqlite-store.ts';
import type { Store } from '../db/store.ts';
import type { DatasetRecord, IndicatorDefinition } from '../shared/snapshot.ts';
import { MISSING_REASON_CODES } from '../shared/types.ts';
import { testDataDir } from '../../test/data-dir.ts';

// --- synthetic inputs ---------------------------------------------------------------------------------------------

/** A data directory held in memory: folder names → file names; every file reads as `contents`. */
function memorySource(folders: Record<string, string[]>): FolderListingSource {
  const has = (p: string) => p in folders || Object.entries(folders).some(([f, files]) => files.some((n) => `${f}/${n}` === p));
  return {
    root: 'memory:',
    exists: async (p) => has(p),
    list: async (folder) => [...(folders[folder] ?? [])].sort(),
    readBytes: async (p) => new TextEncoder().encode(`contents of ${p}`),
    readText: async (p) => `contents of ${p}`,
    listFolders: async () => Object.keys(folders),
  };
}

function indicator(id: string, labelNl = `Label ${id}`): IndicatorDefinition {
  return {
    id, labelNl, labelEn: id, unit: 'percent', definitionNl: 'd', definitionEn: 'd', theme: 'gezondheid', ageGroup: '18+',
    polarity: 'higher-is-worse', shareOfNl: 'inwoners', shareOfEn: 'residents', isEstimate: true, decimals: 1,
  };
}

/**
 * A dataset of three gemeenten; each series' third value is missing ("secret"). Read from `folder`/`id`.csv when
 * a folder is given (as real adapters name their files), else from `id`/data.csv.
 */
function dataset(id: string, hash: string, series: [indicatorId: string, period: string][], priority = 100, folder?: string): DatasetRecord {
  return {
    info: {
      id, titleNl: id, publisher: 'CBS', tableId: 'T', licence: 'CC BY 4.0', classificationYear: 2022,
      source: [folder === undefined ? `${id}/data.csv` : `${folder}/${id}.csv`], contentHash: hash,
    },
    priority,
    areas: ['GM0001', 'GM0002', 'GM0003'].map((code) => ({ code, level: 'gemeente' as const, name: code, parentCode: null })),
    series: series.map(([indicatorId, period], s) => ({
      indicatorId, period, sourceColumn: `${indicatorId}_${period}`, referenceNl: period,
      values: Float64Array.from([s + 0.5, s + 1.25, Number.NaN]),
      missing: Uint8Array.from([0, 0, MISSING_REASON_CODES.secret]),
    })),
  };
}

function adapter(folder: string, output: Partial<AdapterOutput>): DatasetAdapter {
  return { folder, read: async () => output };
}

function failingAdapter(folder: string): DatasetAdapter {
  return {
    folder,
    read: async () => {
      throw new ImportError(`${folder}/data.csv`, 7, 'a_inw', '"12,5" has a decimal comma; this file uses a decimal point');
    },
  };
}

/** Two folders with a catalog, attributes, a geometry, postcodes and a reference table. */
function twoAdapters(): DatasetAdapter[] {
  return [
    adapter('kwb', {
      datasets: [dataset('kwb-2021', 'h21', [['inwoners', '2021']], 100, 'kwb'), dataset('kwb-2022', 'h22', [['inwoners', '2022']], 100, 'kwb')],
      indicators: [indicator('inwoners')],
      areaAttributes: [{ code: 'GM0001', year: 2022, provinceCode: 'PV20', provinceName: 'Groningen', ggdRegionName: null, urbanity: 4, datasetId: 'kwb-2022' }],
    }),
    adapter('rivm', {
      datasets: [dataset('rivm-2020', 'hr', [['overgewicht', '2020'], ['roken', '2020']], 100, 'rivm')],
      indicators: [indicator('overgewicht'), indicator('roken')],
      geometries: [{ id: 'gemeente-2020', level: 'gemeente', classificationYear: 2020, codeProperty: 'code', topojson: '{"type":"Topology"}', datasetId: 'geo' }],
      postcodes: [{ pc4: '1011', place: 'Amsterdam', gemeenteCode: 'GM0363', gemeenteName: 'Amsterdam', wijkCode: 'WK036304', inhabitants: 9000 }],
      referenceTables: [{
        id: 'ref', titleNl: 'ref', datasetId: 'ref', publisher: 'CBS', tableId: 'T', sourceColumn: 'c', unit: 'per-1000',
        dimensions: ['jaar'], rows: [{ dims: ['2009'], value: 1.5, missing: null }],
      }],
    }),
  ];
}

const clock = (iso: string) => () => new Date(iso);

async function snapshotBytes(store: Store): Promise<Buffer> {
  return serialize(await store.read((tx) => tx.loadSnapshot()));
}

// --- readDataDirectory --------------------------------------------------------------------------------------------

describe('readDataDirectory', () => {
  test('runs the adapters whose folder exists and reports missing and unknown folders', async () => {
    const ran: string[] = [];
    const spy = (folder: string): DatasetAdapter => ({ folder, read: async () => (ran.push(folder), {}) });
    const result = await readDataDirectory(memorySource({ present: ['a.csv'], stray: ['x.csv'], '.git': [] }), [spy('present'), spy('absent')]);
    assert.deepEqual(ran, ['present']);
    assert.deepEqual(result.missingFolders, ['absent']);
    assert.deepEqual(result.unknownFolders, ['stray']);
  });

  test('refuses a directory that holds none of the adapter folders, naming it and asking whether --data is right', async () => {
    const ran: string[] = [];
    const spy = (folder: string): DatasetAdapter => ({ folder, read: async () => (ran.push(folder), {}) });
    await assert.rejects(
      readDataDirectory(memorySource({ stray: ['x.csv'] }), [spy('kwb'), spy('rivm')]),
      (error) => error instanceof ImportError && error.file === 'memory:' && /none of the 2 dataset folders \(kwb, rivm\).*is --data right\?/.test(error.message),
    );
    assert.deepEqual(ran, []);
  });

  test('cannot name unknown folders when the source cannot list folders', async () => {
    const { listFolders: _listFolders, ...plain } = memorySource({ kwb: [] });
    const result = await readDataDirectory(plain satisfies DataSource, []);
    assert.equal(result.unknownFolders, null);
  });

  test('merges the outputs of all adapters', async () => {
    const result = await readDataDirectory(memorySource({ kwb: [], rivm: [] }), twoAdapters());
    assert.deepEqual(result.datasets.map((d) => d.info.id), ['kwb-2021', 'kwb-2022', 'rivm-2020']);
    assert.deepEqual(result.indicators.map((i) => i.id), ['inwoners', 'overgewicht', 'roken']);
    assert.equal(result.areaAttributes.length, 1);
    assert.equal(result.geometries.length, 1);
    assert.equal(result.postcodes.length, 1);
    assert.equal(result.referenceTables.length, 1);
    assert.deepEqual(result.droppedSeries, []);
  });

  test('reports progress up to the total', async () => {
    const events: ImportProgressEvent[] = [];
    await readDataDirectory(memorySource({ kwb: [], rivm: [] }), twoAdapters(), (e) => events.push(e));
    assert.deepEqual(events.map((e) => e.step).slice(0, 2), ['read kwb', 'read rivm']);
    assert.ok(events.every((e) => e.done <= e.total));
    assert.equal(events.at(-1)!.done, events.at(-1)!.total);
  });

  test('accepts the same indicator defined identically by two adapters, once', async () => {
    const result = await readDataDirectory(memorySource({ a: [], b: [] }), [
      adapter('a', { indicators: [indicator('inwoners')] }),
      adapter('b', { indicators: [indicator('inwoners')] }),
    ]);
    assert.deepEqual(result.indicators, [indicator('inwoners')]);
  });

  test('refuses the same indicator id with two different definitions, naming both folders', async () => {
    await assert.rejects(
      readDataDirectory(memorySource({ a: [], b: [] }), [
        adapter('a', { indicators: [indicator('inwoners')] }),
        adapter('b', { indicators: [indicator('inwoners', 'Aantal inwoners')] }),
      ]),
      (error) => error instanceof ImportError && /"inwoners" is defined differently here and in a \(differs in: labelNl\)/.test(error.message) && error.file === 'b',
    );
  });

  test('refuses a series whose indicator is not in the catalog, naming file and column', async () => {
    await assert.rejects(
      readDataDirectory(memorySource({ a: [] }), [adapter('a', { datasets: [dataset('d', 'h', [['onbekend', '2022']])] })]),
      (error) => error instanceof ImportError && error.file === 'd/data.csv' && error.column === 'onbekend_2022',
    );
  });

  test('refuses the same indicator × period from two datasets of equal priority, naming both files', async () => {
    await assert.rejects(
      readDataDirectory(memorySource({ a: [], b: [] }), [
        adapter('a', { datasets: [dataset('first', 'h1', [['inwoners', '2022']])], indicators: [indicator('inwoners')] }),
        adapter('b', { datasets: [dataset('second', 'h2', [['inwoners', '2022']])] }),
      ]),
      (error) => error instanceof ImportError && error.message.includes('first/data.csv') && error.message.includes('second/data.csv'),
    );
  });

  test('keeps the series of the higher priority and lists the dropped one', async () => {
    const low = dataset('low', 'h-low', [['inwoners', '2022'], ['inwoners', '2021']], 50);
    const high = dataset('high', 'h-high', [['inwoners', '2022']], 200);
    const result = await readDataDirectory(memorySource({ a: [], b: [] }), [
      adapter('a', { datasets: [low], indicators: [indicator('inwoners')] }),
      adapter('b', { datasets: [high] }),
    ]);
    assert.deepEqual(result.droppedSeries, [
      { indicatorId: 'inwoners', period: '2022', droppedDatasetId: 'low', droppedPriority: 50, keptDatasetId: 'high', keptPriority: 200 },
    ]);
    const trimmed = result.datasets.find((d) => d.info.id === 'low')!;
    assert.deepEqual(trimmed.series.map((s) => s.period), ['2021']);
    // The trimmed dataset must not pass for the full one: its hash differs from the source hash.
    assert.notEqual(trimmed.info.contentHash, 'h-low');
    assert.equal(result.datasets.find((d) => d.info.id === 'high'), high);
  });

  test('refuses a series where a value is NaN without a reason code', async () => {
    const d = dataset('d', 'h', [['inwoners', '2022']]);
    d.series[0]!.missing[2] = 0;
    await assert.rejects(
      readDataDirectory(memorySource({ a: [] }), [adapter('a', { datasets: [d], indicators: [indicator('inwoners')] })]),
      /area GM0003: value NaN with missing code 0/,
    );
  });

  test('refuses two adapters producing the same dataset id', async () => {
    await assert.rejects(
      readDataDirectory(memorySource({ a: [], b: [] }), [
        adapter('a', { datasets: [dataset('d', 'h1', [])] }),
        adapter('b', { datasets: [dataset('d', 'h2', [])] }),
      ]),
      /dataset id "d" is also produced from a/,
    );
  });

  test('passes an adapter\'s ImportError through unchanged', async () => {
    await assert.rejects(
      readDataDirectory(memorySource({ kwb: [] }), [failingAdapter('kwb')]),
      (error) => error instanceof ImportError && error.file === 'kwb/data.csv' && error.line === 7 && error.column === 'a_inw',
    );
  });
});

// --- writeImport --------------------------------------------------------------------------------------------------

describe('writeImport', () => {
  test('a first import adds every dataset and writes every table', async () => {
    const store = await openSqliteStore(':memory:');
    try {
      const input = await readDataDirectory(memorySource({ kwb: [], rivm: [] }), twoAdapters());
      const report = await writeImport(store, input, clock('2025-05-01T12:00:00Z'));
      assert.equal(report.importedAt, '2025-05-01T12:00:00.000Z');
      assert.deepEqual(report.datasets.map((d) => [d.id, d.outcome, d.seriesCount, d.areaCount]), [
        ['kwb-2021', 'added', 1, 3], ['kwb-2022', 'added', 1, 3], ['rivm-2020', 'added', 2, 3],
      ]);
      assert.deepEqual(report.tables.indicators, { count: 3, written: true });
      assert.deepEqual(report.tables.referenceTables, { count: 1, written: true });
      assert.deepEqual(report.removedDatasets, []);
      const snapshot = await store.read((tx) => tx.loadSnapshot());
      assert.deepEqual(snapshot.datasets, input.datasets);
      assert.deepEqual(snapshot.indicators, input.indicators);
    } finally {
      await store.close();
    }
  });

  test('importing the same data twice changes nothing: unchanged everywhere, byte-identical snapshot', async () => {
    const store = await openSqliteStore(':memory:');
    try {
      const source = memorySource({ kwb: [], rivm: [] });
      await writeImport(store, await readDataDirectory(source, twoAdapters()), clock('2025-05-01T12:00:00Z'));
      const before = await snapshotBytes(store);
      const listedBefore = await store.read((tx) => tx.listDatasets());
      const report = await writeImport(store, await readDataDirectory(source, twoAdapters()), clock('2025-06-01T12:00:00Z'));
      assert.deepEqual(new Set(report.datasets.map((d) => d.outcome)), new Set(['unchanged']));
      assert.deepEqual(Object.values(report.tables).map((t) => t.written), [false, false, false, false, false]);
      assert.deepEqual(report.removedDatasets, []);
      assert.ok((await snapshotBytes(store)).equals(before));
      assert.deepEqual(await store.read((tx) => tx.listDatasets()), listedBefore);
    } finally {
      await store.close();
    }
  });

  test('without prune, the datasets of a folder that left the data directory are kept whole and reported as kept', async () => {
    const store = await openSqliteStore(':memory:');
    try {
      await writeImport(store, await readDataDirectory(memorySource({ kwb: [], rivm: [] }), twoAdapters()), clock('2025-05-01T12:00:00Z'));
      const before = await store.read((tx) => tx.loadSnapshot());
      const report = await writeImport(store, await readDataDirectory(memorySource({ kwb: [] }), twoAdapters()), clock('2025-06-01T12:00:00Z'));
      assert.deepEqual(report.missingFolders, ['rivm']);
      assert.deepEqual(report.removedDatasets, []);
      assert.deepEqual(report.keptDatasets, ['rivm-2020']);
      const after = await store.read((tx) => tx.loadSnapshot());
      assert.deepEqual(after.datasets.map((d) => d.info.id), ['kwb-2021', 'kwb-2022', 'rivm-2020']);
      // The catalog entries the kept series use stay, so the kept values can still be shown.
      assert.deepEqual(after.indicators.map((i) => i.id).sort(), ['inwoners', 'overgewicht', 'roken']);
      assert.deepEqual(after.postcodes, before.postcodes);
    } finally {
      await store.close();
    }
  });

  test('with prune, the datasets of a folder that left the data directory are removed and reported', async () => {
    const store = await openSqliteStore(':memory:');
    try {
      await writeImport(store, await readDataDirectory(memorySource({ kwb: [], rivm: [] }), twoAdapters()), clock('2025-05-01T12:00:00Z'));
      const report = await writeImport(
        store,
        await readDataDirectory(memorySource({ kwb: [] }), twoAdapters()),
        clock('2025-06-01T12:00:00Z'),
        () => {},
        { prune: true },
      );
      assert.deepEqual(report.missingFolders, ['rivm']);
      assert.deepEqual(report.removedDatasets, ['rivm-2020']);
      assert.deepEqual(report.keptDatasets, []);
      const after = await store.read((tx) => tx.loadSnapshot());
      assert.deepEqual(after.datasets.map((d) => d.info.id), ['kwb-2021', 'kwb-2022']);
      assert.deepEqual(after.indicators.map((i) => i.id), ['inwoners']);
      assert.deepEqual(after.postcodes, []);
    } finally {
      await store.close();
    }
  });

  test('a dataset that lost series to a higher priority gets them back once that dataset is gone', async () => {
    const store = await openSqliteStore(':memory:');
    try {
      const low = adapter('low', { datasets: [dataset('low', 'h-low', [['inwoners', '2022']], 50)], indicators: [indicator('inwoners')] });
      const high = adapter('high', { datasets: [dataset('high', 'h-high', [['inwoners', '2022']], 200)] });
      await writeImport(store, await readDataDirectory(memorySource({ low: [], high: [] }), [low, high]), clock('2025-05-01T12:00:00Z'));
      assert.equal((await store.read((tx) => tx.listDatasets())).find((d) => d.id === 'low')!.seriesCount, 0);
      const report = await writeImport(store, await readDataDirectory(memorySource({ low: [] }), [low, high]), clock('2025-06-01T12:00:00Z'), () => {}, { prune: true });
      assert.deepEqual(report.datasets.map((d) => [d.id, d.outcome, d.seriesCount]), [['low', 'replaced', 1]]);
      assert.deepEqual(report.removedDatasets, ['high']);
    } finally {
      await store.close();
    }
  });

  test('a failing adapter writes nothing and the previous import stays', async () => {
    const store = await openSqliteStore(':memory:');
    try {
      await writeImport(store, await readDataDirectory(memorySource({ kwb: [], rivm: [] }), twoAdapters()), clock('2025-05-01T12:00:00Z'));
      const before = await snapshotBytes(store);
      const [kwb] = twoAdapters();
      await assert.rejects(
        (async () => writeImport(store, await readDataDirectory(memorySource({ kwb: [], rivm: [] }), [kwb!, failingAdapter('rivm')]), clock('2025-06-01T12:00:00Z')))(),
        ImportError,
      );
      assert.ok((await snapshotBytes(store)).equals(before));
    } finally {
      await store.close();
    }
  });

  test('an import killed mid-transaction leaves the previous import intact', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'buurtbeeld-interrupted-'));
    const file = path.join(dir, 'db.sqlite');
    try {
      let store = await openSqliteStore(file);
      await writeImport(store, await readDataDirectory(memorySource({ kwb: [], rivm: [] }), twoAdapters()), clock('2025-05-01T12:00:00Z'));
      const before = await snapshotBytes(store);
      const listedBefore = await store.read((tx) => tx.listDatasets());
      await store.close();
      const walBefore = statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;

      const script = fileURLToPath(new URL('./testing/interrupted-import.ts', import.meta.url));
      const child = spawn(process.execPath, [script, file], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('paused') && resolve());
        void exited.then((how) => reject(new Error(`child exited (${String(how)}) before pausing: ${stderr}`)));
      });
      // The uncommitted import really reached the disk (SQLite spilled it into the WAL) before the kill.
      assert.ok(statSync(`${file}-wal`).size > walBefore + 4_000_000, 'expected the open transaction to have spilled into the WAL');
      child.kill('SIGKILL');
      assert.equal(await exited, 'SIGKILL');

      store = await openSqliteStore(file);
      assert.ok((await snapshotBytes(store)).equals(before));
      assert.deepEqual(await store.read((tx) => tx.listDatasets()), listedBefore);
      await store.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

// --- the real data directory --------------------------------------------------------------------------------------

describe('import of the real data directory', () => {
  test(
    'every folder of the data directory imports, and a second import changes nothing',
    async () => {
      const source = directorySource(testDataDir());
      const adapters = await loadAdapters();
      const store = await openSqliteStore(':memory:');
      try {
        const first = await readDataDirectory(source, adapters);
        assert.deepEqual(first.missingFolders, []);
        assert.deepEqual(first.unknownFolders, []);
        const report = await writeImport(store, first, clock('2025-05-01T12:00:00Z'));
        assert.ok(report.datasets.length > 0 && report.datasets.every((d) => d.outcome === 'added'));

        // The RIVM 2020 estimates sit on the 2020 classification with its 355 gemeenten (ARCHITECTURE.md).
        const snapshot = await store.read((tx) => tx.loadSnapshot());
        const rivm2020 = snapshot.datasets.find((d) => d.info.tableId === '50090NED' && d.info.id.includes('2020'));
        assert.ok(rivm2020, 'an RIVM 50090NED dataset for 2020');
        assert.equal(rivm2020.areas.filter((a) => a.level === 'gemeente').length, 355);

        const before = serialize(snapshot);
        const second = await writeImport(store, await readDataDirectory(source, adapters), clock('2025-06-01T12:00:00Z'));
        assert.ok(second.datasets.every((d) => d.outcome === 'unchanged'));
        assert.ok(Object.values(second.tables).every((t) => !t.written));
        assert.ok(serialize(await store.read((tx) => tx.loadSnapshot())).equals(before));
      } finally {
        await store.close();
      }
    },
  );
});
