// The behaviour every Store backend must have, as node:test tests. A backend's test file calls
// `storeContract('sqlite', open)`; a PostgreSQL backend calls it with its own `open` and must pass unchanged.
// Records are small and synthetic, built here: the contract is about storage, not about any dataset.
import assert from 'node:assert/strict';
import { describe, test, type TestContext } from 'node:test';
import type { DatasetInfo } from '../shared/types.ts';
import { MISSING_REASON_CODES } from '../shared/types.ts';
import type {
  AreaAttributes,
  DatasetRecord,
  GeometryRecord,
  IndicatorDefinition,
  PostcodeRecord,
  ReferenceTable,
  SeriesRecord,
  Snapshot,
} from '../shared/snapshot.ts';
import { targetSchema } from '../domain/segmentation/targets.ts';
import type { TargetDefinition } from '../domain/segmentation/targets.ts';
import type { Store } from './store.ts';

export interface StoreFixture {
  /** A new, empty store. */
  store: Store;
  /** Closes whatever store is open and removes what the fixture created. */
  cleanup(): Promise<void>;
  /** Opens the same database again after `store.close()`; absent for backends without persistence. */
  reopen?: () => Promise<Store>;
}

export function storeContract(name: string, open: () => Promise<StoreFixture>): void {
  describe(`Store contract: ${name}`, () => {
    /** Runs body on a fresh store and always cleans up. */
    const withStore = (body: (store: Store, fixture: StoreFixture, t: TestContext) => Promise<void>) => async (t: TestContext) => {
      const fixture = await open();
      try {
        await body(fixture.store, fixture, t);
      } finally {
        await fixture.cleanup();
      }
    };

    test('a new store is empty and has schema version 1 or higher', withStore(async (store) => {
      assert.ok((await store.schemaVersion()) >= 1);
      const snapshot = await store.read((tx) => tx.loadSnapshot());
      assert.deepEqual(snapshot, emptySnapshot());
      assert.deepEqual(await store.read((tx) => tx.listDatasets()), []);
      assert.equal(await store.read((tx) => tx.geometry('gemeente-2022')), null);
    }));

    test('loadSnapshot returns every record kind exactly as written', withStore(async (store) => {
      const written = fullSnapshot();
      await store.write(async (tx) => {
        // Written in reverse id order: the snapshot lists datasets by id.
        for (const d of [...written.datasets].reverse()) await tx.putDataset(d, '2025-01-02T03:04:05.000Z');
        await tx.replaceIndicators(written.indicators);
        await tx.replaceAreaAttributes(written.areaAttributes);
        await tx.replaceGeometries(written.geometries);
        await tx.replacePostcodes(written.postcodes);
        await tx.replaceReferenceTables(written.referenceTables);
      });
      const read = await store.read((tx) => tx.loadSnapshot());
      assert.deepEqual(read, written);
      for (const [i, dataset] of read.datasets.entries()) {
        for (const [j, series] of dataset.series.entries()) {
          assert.ok(series.values instanceof Float64Array && series.missing instanceof Uint8Array);
          assertSameBytes(series.values, written.datasets[i]!.series[j]!.values);
        }
      }
    }));

    test('postcodes round-trip their wijk code, and a missing wijk stays null', withStore(async (store) => {
      const postcodes: PostcodeRecord[] = [
        { pc4: '1011', place: 'Amsterdam', gemeenteCode: 'GM0363', gemeenteName: 'Amsterdam', wijkCode: 'WK036304', inhabitants: 9630 },
        { pc4: '1044', place: 'Amsterdam', gemeenteCode: 'GM0363', gemeenteName: 'Amsterdam', wijkCode: null, inhabitants: null },
      ];
      await store.write((tx) => tx.replacePostcodes(postcodes));
      const read = (await store.read((tx) => tx.loadSnapshot())).postcodes;
      assert.deepEqual(read, postcodes);
      assert.equal(read[1]!.wijkCode, null);
    }));

    test('values round-trip bit-exactly, NaN payloads and every missing-reason code included', withStore(async (store) => {
      const values = new Float64Array([0, -0, 1e-310, Number.MAX_VALUE, -Infinity, Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN]);
      // A NaN with a non-default payload: a backend that stores numbers instead of bytes would canonicalise it.
      new DataView(values.buffer).setUint32(6 * 8, 0x7ff80000 | 0x1234, true);
      const missing = Uint8Array.from([0, 0, 0, 0, 0, ...Object.values(MISSING_REASON_CODES)]);
      const dataset = datasetRecord('ds-bits', 'h1', { areaCount: values.length, series: [{ values, missing }] });
      await store.write((tx) => tx.putDataset(dataset, '2025-01-01T00:00:00.000Z'));
      const [read] = (await store.read((tx) => tx.loadSnapshot())).datasets;
      assertSameBytes(read!.series[0]!.values, values);
      assert.deepEqual([...read!.series[0]!.missing], [0, 0, 0, 0, 0, 1, 2, 3, 4, 5]);
      assert.ok(Object.is(read!.series[0]!.values[1], -0));
    }));

    test('listDatasets reports info, priority, importedAt and counts', withStore(async (store) => {
      const a = datasetRecord('ds-a', 'hash-a', { priority: 2, areaCount: 3, seriesCount: 2 });
      await store.write((tx) => tx.putDataset(a, '2025-03-01T10:00:00.000Z'));
      const [stored] = await store.read((tx) => tx.listDatasets());
      assert.deepEqual(stored, { ...a.info, importedAt: '2025-03-01T10:00:00.000Z', priority: 2, seriesCount: 2, areaCount: 3 });
    }));

    test('putDataset returns added, then unchanged for the same content hash, then replaced for another', withStore(async (store) => {
      const first = datasetRecord('ds-a', 'hash-1', { seriesCount: 3 });
      assert.equal(await store.write((tx) => tx.putDataset(first, '2025-01-01T00:00:00.000Z')), 'added');

      // Same id and hash: nothing is written, not even the import time (or a changed record body).
      const sameHash = datasetRecord('ds-a', 'hash-1', { seriesCount: 1, title: 'other title' });
      assert.equal(await store.write((tx) => tx.putDataset(sameHash, '2025-02-01T00:00:00.000Z')), 'unchanged');
      let [stored] = await store.read((tx) => tx.listDatasets());
      assert.equal(stored!.importedAt, '2025-01-01T00:00:00.000Z');
      assert.deepEqual((await store.read((tx) => tx.loadSnapshot())).datasets, [first]);

      const second = datasetRecord('ds-a', 'hash-2', { seriesCount: 1, areaCount: 2 });
      assert.equal(await store.write((tx) => tx.putDataset(second, '2025-03-01T00:00:00.000Z')), 'replaced');
      [stored] = await store.read((tx) => tx.listDatasets());
      assert.equal(stored!.importedAt, '2025-03-01T00:00:00.000Z');
      assert.equal(stored!.seriesCount, 1);
      assert.deepEqual((await store.read((tx) => tx.loadSnapshot())).datasets, [second]);
    }));

    test('putDataset refuses a series that is not aligned with the areas and writes nothing of it', withStore(async (store) => {
      const bad = datasetRecord('ds-bad', 'h', { areaCount: 3 });
      bad.series[0] = { ...bad.series[0]!, values: new Float64Array(2), missing: new Uint8Array(2) };
      await assert.rejects(store.write((tx) => tx.putDataset(bad, '2025-01-01T00:00:00.000Z')), /ds-bad/);
      assert.deepEqual(await store.read((tx) => tx.listDatasets()), []);
    }));

    test('removeDatasetsExcept removes the other datasets with their areas and series', withStore(async (store) => {
      const [a, b, c] = ['ds-a', 'ds-b', 'ds-c'].map((id) => datasetRecord(id, `hash-${id}`));
      const removed = await store.write(async (tx) => {
        for (const d of [a!, b!, c!]) await tx.putDataset(d, '2025-01-01T00:00:00.000Z');
        return tx.removeDatasetsExcept(['ds-b', 'ds-unknown']);
      });
      assert.deepEqual([...removed].sort(), ['ds-a', 'ds-c']);
      assert.deepEqual((await store.read((tx) => tx.loadSnapshot())).datasets, [b]);
      assert.deepEqual(await store.write((tx) => tx.removeDatasetsExcept(['ds-b'])), []);
    }));

    test('replace methods write only when the content differs and report whether they wrote', withStore(async (store) => {
      const s = fullSnapshot();
      const replaceAll = (snapshot: Snapshot) =>
        store.write(async (tx) => [
          await tx.replaceIndicators(snapshot.indicators),
          await tx.replaceAreaAttributes(snapshot.areaAttributes),
          await tx.replaceGeometries(snapshot.geometries),
          await tx.replacePostcodes(snapshot.postcodes),
          await tx.replaceReferenceTables(snapshot.referenceTables),
        ]);
      assert.deepEqual(await replaceAll(s), [true, true, true, true, true]);
      // A structurally equal copy (new objects) is not a change.
      assert.deepEqual(await replaceAll(fullSnapshot()), [false, false, false, false, false]);

      const changed = fullSnapshot();
      changed.indicators[1] = { ...changed.indicators[1]!, decimals: 3 };
      changed.postcodes.reverse();
      changed.referenceTables[0]!.rows[0]!.value = 7.25;
      assert.deepEqual(await replaceAll(changed), [true, false, false, true, true]);
      const read = await store.read((tx) => tx.loadSnapshot());
      assert.deepEqual(read.indicators, changed.indicators);
      assert.deepEqual(read.postcodes, changed.postcodes);
      assert.deepEqual(read.referenceTables, changed.referenceTables);

      assert.deepEqual(await store.write((tx) => tx.replaceGeometries([])), true);
      assert.deepEqual(await store.read((tx) => tx.listGeometries()), []);
    }));

    test('geometry returns one boundary set and listGeometries lists them without TopoJSON', withStore(async (store) => {
      const { geometries } = fullSnapshot();
      await store.write((tx) => tx.replaceGeometries(geometries));
      assert.deepEqual(await store.read((tx) => tx.geometry(geometries[1]!.id)), geometries[1]);
      assert.equal(await store.read((tx) => tx.geometry('no-such-geometry')), null);
      assert.deepEqual(
        await store.read((tx) => tx.listGeometries()),
        geometries.map(({ topojson: _topojson, ...info }) => info),
      );
    }));

    test('a write whose fn throws leaves everything as it was and rethrows the error', withStore(async (store) => {
      const before = fullSnapshot();
      await writeSnapshot(store, before);
      const boom = new Error('adapter failed half-way');
      await assert.rejects(
        store.write(async (tx) => {
          await tx.putDataset(datasetRecord(before.datasets[0]!.info.id, 'new-hash', { seriesCount: 1 }), '2025-06-01T00:00:00.000Z');
          await tx.putDataset(datasetRecord('ds-new', 'h'), '2025-06-01T00:00:00.000Z');
          await tx.removeDatasetsExcept(['ds-new']);
          await tx.replaceIndicators([]);
          await tx.replaceGeometries([]);
          await tx.replacePostcodes([]);
          throw boom;
        }),
        (error) => error === boom,
      );
      assert.deepEqual(await store.read((tx) => tx.loadSnapshot()), before);
      assert.deepEqual((await store.read((tx) => tx.listDatasets())).map((d) => d.importedAt), before.datasets.map(() => '2025-01-01T00:00:00.000Z'));
    }));

    test('a failed write does not block the writes after it', withStore(async (store) => {
      await assert.rejects(store.write(async () => { throw new Error('first'); }), /first/);
      assert.equal(await store.write((tx) => tx.putDataset(datasetRecord('ds-a', 'h'), '2025-01-01T00:00:00.000Z')), 'added');
    }));

    test('a read sees one consistent state while a write is waiting to commit', withStore(async (store) => {
      await store.write((tx) => tx.putDataset(datasetRecord('ds-a', 'h'), '2025-01-01T00:00:00.000Z'));
      let readStarted!: () => void;
      const started = new Promise<void>((resolve) => (readStarted = resolve));
      let releaseRead!: () => void;
      const released = new Promise<void>((resolve) => (releaseRead = resolve));
      const reading = store.read(async (tx) => {
        const first = (await tx.listDatasets()).map((d) => d.id);
        readStarted();
        await released;
        const second = (await tx.loadSnapshot()).datasets.map((d) => d.info.id);
        return [first, second];
      });
      await started;
      const writing = store.write(async (w) => {
        await w.putDataset(datasetRecord('ds-b', 'h'), '2025-01-01T00:00:00.000Z');
        await w.removeDatasetsExcept(['ds-b']);
      });
      // Give the write every chance to run and commit now if the backend let it overtake the open read.
      for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
      releaseRead();
      assert.deepEqual(await reading, [['ds-a'], ['ds-a']]);
      await writing;
      assert.deepEqual((await store.read((tx) => tx.listDatasets())).map((d) => d.id), ['ds-b']);
    }));

    test('concurrent writes are applied one after another, never interleaved', withStore(async (store) => {
      const writeTwo = (prefix: string) =>
        store.write(async (tx) => {
          await tx.putDataset(datasetRecord(`${prefix}-1`, 'h'), '2025-01-01T00:00:00.000Z');
          await new Promise((resolve) => setImmediate(resolve));
          await tx.removeDatasetsExcept([`${prefix}-1`]);
          await tx.putDataset(datasetRecord(`${prefix}-2`, 'h'), '2025-01-01T00:00:00.000Z');
        });
      await Promise.all([writeTwo('x'), writeTwo('y')]);
      // The last write to commit removed everything but its own datasets: both of them survive only if it saw
      // none of the other's uncommitted rows.
      assert.deepEqual((await store.read((tx) => tx.listDatasets())).map((d) => d.id), ['y-1', 'y-2']);
    }));

    test('a read transaction offers no write methods', withStore(async (store) => {
      const keys = await store.read(async (tx) => Object.keys(tx).sort());
      assert.deepEqual(keys, ['geometry', 'getTarget', 'listDatasets', 'listGeometries', 'listTargets', 'loadSnapshot']);
    }));

    test('a transaction object stops working once its fn has returned', withStore(async (store) => {
      const leaked = await store.write(async (tx) => tx);
      await assert.rejects(leaked.putDataset(datasetRecord('ds-late', 'h'), '2025-01-01T00:00:00.000Z'));
      assert.deepEqual(await store.read((tx) => tx.listDatasets()), []);
    }));

    test('putTarget saves a user-defined target group; listTargets and getTarget return it as written', withStore(async (store) => {
      const definition = targetDefinition('mijn-doelgroep', 'Mijn doelgroep');
      assert.equal(await store.write((tx) => tx.putTarget({ definition, createdAt: '2025-03-04T05:06:07.000Z' })), 'added');
      assert.deepEqual(await store.read((tx) => tx.listTargets()), [{ definition, createdAt: '2025-03-04T05:06:07.000Z' }]);
      assert.deepEqual(await store.read((tx) => tx.getTarget('mijn-doelgroep')), { definition, createdAt: '2025-03-04T05:06:07.000Z' });
      assert.equal(await store.read((tx) => tx.getTarget('iets-anders')), null);
    }));

    test('putTarget with a saved id replaces it; listTargets lists by id', withStore(async (store) => {
      await store.write(async (tx) => {
        await tx.putTarget({ definition: targetDefinition('zeta'), createdAt: '2025-01-01T00:00:00.000Z' });
        await tx.putTarget({ definition: targetDefinition('alfa'), createdAt: '2025-01-01T00:00:00.000Z' });
      });
      const renamed = targetDefinition('zeta', 'Zeta, hernoemd');
      assert.equal(await store.write((tx) => tx.putTarget({ definition: renamed, createdAt: '2025-02-01T00:00:00.000Z' })), 'replaced');
      const listed = await store.read((tx) => tx.listTargets());
      assert.deepEqual(listed.map((t) => [t.definition.id, t.definition.labelNl, t.createdAt]), [
        ['alfa', 'Doelgroep alfa', '2025-01-01T00:00:00.000Z'],
        ['zeta', 'Zeta, hernoemd', '2025-02-01T00:00:00.000Z'],
      ]);
    }));

    test('deleteTarget removes a saved target group and reports whether there was one', withStore(async (store) => {
      await store.write((tx) => tx.putTarget({ definition: targetDefinition('weg'), createdAt: '2025-01-01T00:00:00.000Z' }));
      assert.equal(await store.write((tx) => tx.deleteTarget('weg')), true);
      assert.equal(await store.write((tx) => tx.deleteTarget('weg')), false);
      assert.deepEqual(await store.read((tx) => tx.listTargets()), []);
    }));

    test('a target saved in a write that throws is not kept', withStore(async (store) => {
      await assert.rejects(
        store.write(async (tx) => {
          await tx.putTarget({ definition: targetDefinition('half'), createdAt: '2025-01-01T00:00:00.000Z' });
          throw new Error('stop');
        }),
        /stop/,
      );
      assert.deepEqual(await store.read((tx) => tx.listTargets()), []);
    }));

    test('reopening the database keeps the data and the schema version', withStore(async (store, fixture, t) => {
      if (fixture.reopen === undefined) {
        t.skip(`${name} has no persistence to reopen`);
        return;
      }
      const written = fullSnapshot();
      await writeSnapshot(store, written);
      const version = await store.schemaVersion();
      await store.close();
      const again = await fixture.reopen();
      assert.equal(await again.schemaVersion(), version);
      assert.deepEqual(await again.read((tx) => tx.loadSnapshot()), written);
      assert.equal(await again.write((tx) => tx.putDataset(written.datasets[0]!, '2026-01-01T00:00:00.000Z')), 'unchanged');
    }));
  });
}

// --- synthetic records ------------------------------------------------------------------------------------------

function assertSameBytes(actual: Float64Array, expected: Float64Array): void {
  assert.deepEqual(
    new Uint8Array(actual.buffer, actual.byteOffset, actual.byteLength),
    new Uint8Array(expected.buffer, expected.byteOffset, expected.byteLength),
  );
}

function emptySnapshot(): Snapshot {
  return { datasets: [], referenceTables: [], indicators: [], areaAttributes: [], geometries: [], postcodes: [] };
}

async function writeSnapshot(store: Store, snapshot: Snapshot): Promise<void> {
  await store.write(async (tx) => {
    for (const d of snapshot.datasets) await tx.putDataset(d, '2025-01-01T00:00:00.000Z');
    await tx.replaceIndicators(snapshot.indicators);
    await tx.replaceAreaAttributes(snapshot.areaAttributes);
    await tx.replaceGeometries(snapshot.geometries);
    await tx.replacePostcodes(snapshot.postcodes);
    await tx.replaceReferenceTables(snapshot.referenceTables);
  });
}

interface DatasetOptions {
  priority?: number;
  areaCount?: number;
  seriesCount?: number;
  title?: string;
  series?: { values: Float64Array; missing: Uint8Array }[];
}

/** A dataset of `areaCount` gemeenten with `seriesCount` series; every third value is missing (reason 'secret'). */
export function datasetRecord(id: string, contentHash: string, options: DatasetOptions = {}): DatasetRecord {
  const areaCount = options.areaCount ?? 4;
  const info: DatasetInfo = {
    id,
    titleNl: options.title ?? `Testdataset ${id}`,
    publisher: 'CBS',
    tableId: '85318NED',
    licence: 'CC BY 4.0',
    classificationYear: 2022,
    source: [`${id}/data.csv`, `${id}/PROVENANCE.md`],
    contentHash,
  };
  const areas = Array.from({ length: areaCount }, (_, i) => ({
    code: `GM${String(i + 1).padStart(4, '0')}`,
    level: 'gemeente' as const,
    name: `Gemeente ${i + 1} – ‘s-Hertogenbosch-achtig`,
    parentCode: i % 2 === 0 ? 'PV20' : null,
  }));
  const series: SeriesRecord[] = (options.series ?? Array.from({ length: options.seriesCount ?? 2 }, (_, s) => {
    const values = new Float64Array(areaCount);
    const missing = new Uint8Array(areaCount);
    for (let i = 0; i < areaCount; i++) {
      if (i % 3 === 2) {
        values[i] = Number.NaN;
        missing[i] = MISSING_REASON_CODES.secret;
      } else {
        values[i] = (s + 1) * 1000 + i / 7;
      }
    }
    return { values, missing };
  })).map(({ values, missing }, s) => ({
    indicatorId: `indicator_${s}`,
    period: String(2020 + s),
    sourceColumn: `col_${s}`,
    referenceNl: `1 januari ${2020 + s}`,
    values,
    missing,
  }));
  return { info, priority: options.priority ?? 1, areas, series };
}

function indicator(id: string, overrides: Partial<IndicatorDefinition> = {}): IndicatorDefinition {
  return {
    id,
    labelNl: `Label ${id}`,
    labelEn: `Label ${id} (en)`,
    unit: 'percent',
    definitionNl: 'Aandeel van de inwoners',
    definitionEn: 'Share of residents',
    theme: 'gezondheid',
    ageGroup: '18+',
    polarity: 'higher-is-worse',
    shareOfNl: 'inwoners van 18 jaar en ouder',
    shareOfEn: 'residents aged 18 and over',
    isEstimate: true,
    decimals: 1,
    ...overrides,
  };
}

/** One of everything, with nulls where the types allow them. */
function fullSnapshot(): Snapshot {
  const indicators = [
    indicator('indicator_0'),
    indicator('indicator_1', { unit: 'count', ageGroup: null, polarity: 'no-judgement', shareOfNl: null, shareOfEn: null, isEstimate: false, decimals: 0 }),
  ];
  const areaAttributes: AreaAttributes[] = [
    { code: 'GM0001', year: 2022, provinceCode: 'PV20', provinceName: 'Groningen', ggdRegionName: 'GGD Groningen', urbanity: 3, datasetId: 'regio' },
    { code: 'GM0002', year: 2022, provinceCode: null, provinceName: null, ggdRegionName: null, urbanity: null, datasetId: 'regio' },
  ];
  const geometries: GeometryRecord[] = [
    { id: 'gemeente-2022', level: 'gemeente', classificationYear: 2022, codeProperty: 'statcode', topojson: '{"type":"Topology","objects":{"gemeente-2022":{"type":"GeometryCollection","geometries":[]}},"arcs":[]}', datasetId: 'geo-2022' },
    { id: 'pc4-2022', level: 'pc4', classificationYear: 2022, codeProperty: 'postcode', topojson: '{"type":"Topology","objects":{"pc4-2022":{"type":"GeometryCollection","geometries":[]}},"arcs":[]}', datasetId: 'geo-2022' },
  ];
  const postcodes: PostcodeRecord[] = [
    { pc4: '9901', place: 'Appingedam', gemeenteCode: 'GM0001', gemeenteName: 'Gemeente 1', wijkCode: 'WK000101', inhabitants: 4210 },
    { pc4: '9902', place: 'Appingedam', gemeenteCode: null, gemeenteName: 'Onbekend', wijkCode: null, inhabitants: null },
  ];
  const referenceTables: ReferenceTable[] = [
    {
      id: 'reference-1',
      titleNl: 'Prevalentie naar leeftijd en geslacht',
      datasetId: 'nationaal',
      publisher: 'CBS',
      tableId: '00000NED',
      sourceColumn: 'Prevalentie_1',
      unit: 'per-1000',
      dimensions: ['jaar', 'geslacht', 'leeftijd'],
      rows: [
        { dims: ['2009', 'Mannen', '45-65'], value: 61.5, missing: null },
        { dims: ['2009', 'Vrouwen', '0-15'], value: null, missing: 'secret' },
      ],
    },
  ];
  return {
    datasets: [datasetRecord('ds-a', 'hash-a', { priority: 2 }), datasetRecord('ds-b', 'hash-b', { areaCount: 0, seriesCount: 1 }), datasetRecord('ds-c', 'hash-c', { seriesCount: 0 })],
    referenceTables,
    indicators,
    areaAttributes,
    geometries,
    postcodes,
  };
}

/** A small, valid target definition (defaults filled in by the schema, as after validation). */
export function targetDefinition(id: string, labelNl = `Doelgroep ${id}`): TargetDefinition {
  return targetSchema.parse({
    id,
    labelNl,
    labelEn: `Target ${id}`,
    descriptionNl: 'Inwoners met overgewicht.',
    terms: [{ labelNl: 'Alle inwoners met overgewicht', population: 'inwoners', share: 'overgewicht_18plus' }],
    sources: ['Synthetisch, voor de contracttest.'],
  });
}
