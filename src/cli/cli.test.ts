import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import type { Store } from '../db/store.ts';
import { buildCube } from '../domain/build-cube.ts';
import { ImportError } from '../import/adapter.ts';
import type { ListResponse, TargetRanking, ValueRow } from '../shared/api.ts';
import { targetDefinition } from '../db/store-contract.ts';
import type { Area } from '../shared/types.ts';
import type { DatasetRecord, Snapshot } from '../shared/snapshot.ts';
import { memoryStore } from '../server/testing/memory-store.ts';
import { fixtureSnapshot } from '../server/testing/fixture-snapshot.ts';
import type { CliIo, ImportSource, Importer } from './cli.ts';
import { runCli, USAGE } from './cli.ts';

interface Captured {
  io: CliIo;
  out: () => string;
  err: () => string;
  imports: ImportSource[];
  listened: { host: string; port: number }[];
  openedFiles: string[];
}

function capture(options: { env?: Record<string, string>; tty?: boolean; importer?: Importer; store?: Store } = {}): Captured {
  let out = '';
  let err = '';
  const imports: ImportSource[] = [];
  const listened: { host: string; port: number }[] = [];
  const openedFiles: string[] = [];
  const io: CliIo = {
    stdout: { write: (text: string) => (out += text), isTTY: options.tty ?? false },
    stderr: { write: (text: string) => (err += text), isTTY: options.tty ?? false },
    env: options.env ?? {},
    clock: () => new Date('2024-01-01T00:00:00Z'),
    openStore: async (file) => {
      openedFiles.push(file);
      return options.store ?? memoryStore({ snapshot: fixtureSnapshot() });
    },
    importer: options.importer ?? {
      run: async (_store, source, progress) => {
        imports.push(source);
        progress('reading …');
        return ['3 datasets added'];
      },
    },
    listen: async (_handler, host, port) => {
      listened.push({ host, port });
      return { url: `http://${host}:${port}/`, port, close: async () => {} };
    },
    untilStopped: async () => {},
  };
  return { io, out: () => out, err: () => err, imports, listened, openedFiles };
}

describe('runCli', () => {
  test('values prints the rows of the API as JSON, with missing values null and their reason', async () => {
    const c = capture();
    const status = await runCli(['values', '--areas', 'GM0363,WK036300', '--indicators', 'inwoners', '--periods', '2022'], c.io);
    assert.equal(status, 0, c.err());
    const rows = (JSON.parse(c.out()) as ListResponse<ValueRow>).items;
    const cube = buildCube(fixtureSnapshot());
    assert.equal(rows[0]!.value, cube.cell('inwoners', '2022', 'GM0363').value);
    assert.deepEqual([rows[1]!.value, rows[1]!.missing], [null, cube.cell('inwoners', '2022', 'WK036300').missing]);
  });

  test('--format csv prints RFC 4180 CSV, quoting names with commas and quotes', async () => {
    const c = capture();
    assert.equal(await runCli(['areas', '--q', 'Centrum', '--format', 'csv'], c.io), 0, c.err());
    const records = parse(c.out(), { columns: true }) as Record<string, string>[];
    assert.deepEqual(records.map((r) => r['name']), ['Centrum, "Oude" Stad']);
  });

  test('on a terminal the default is a readable table', async () => {
    const c = capture({ tty: true });
    assert.equal(await runCli(['indicators'], c.io), 0, c.err());
    const lines = c.out().split('\n');
    assert.match(lines[0]!, /^id\s+labelNl/);
    assert.match(lines[1]!, /^-+ +-+/);
    assert.ok(lines.some((l) => l.startsWith('inwoners ')));
  });

  test('areas --level filters by level, as the API does', async () => {
    const c = capture();
    assert.equal(await runCli(['areas', '--level', 'gemeente'], c.io), 0, c.err());
    assert.deepEqual((JSON.parse(c.out()) as ListResponse<Area>).items.map((a) => a.code), ['GM0363']);
  });

  test('an API error exits 1 with the problem detail on one line of stderr', async () => {
    const c = capture();
    assert.equal(await runCli(['values', '--areas', 'GM9999', '--indicators', 'inwoners'], c.io), 1);
    assert.equal(c.out(), '');
    assert.match(c.err(), /^buurtbeeld values: unknown area code "GM9999".*\n$/);
  });

  test('an unknown option or command exits 2 with the usage', async () => {
    for (const argv of [['values', '--colour', 'red'], ['frobnicate'], ['areas', 'extra-positional'], []]) {
      const c = capture();
      assert.equal(await runCli(argv, c.io), 2, argv.join(' '));
      assert.ok(c.err().includes(USAGE), argv.join(' '));
    }
  });

  test('--help after a command prints the usage on stdout and exits 0', async () => {
    const c = capture();
    assert.equal(await runCli(['values', '--help'], c.io), 0);
    assert.equal(c.out(), USAGE);
  });

  test('import reads the data directory from --data (over BUURTBEELD_DATA_DIR) and prints the summary', async () => {
    const c = capture({ env: { BUURTBEELD_DATA_DIR: '/from/env', BUURTBEELD_DB: '/tmp/env.sqlite' } });
    assert.equal(await runCli(['import', '--data', '/from/option'], c.io), 0, c.err());
    assert.deepEqual(c.imports, [{ kind: 'directory', dir: '/from/option' }]);
    assert.deepEqual(c.openedFiles, ['/tmp/env.sqlite']);
    assert.equal(c.out(), '3 datasets added\n');
  });

  test('import goes online when no data directory is configured', async () => {
    const c = capture();
    assert.equal(await runCli(['import'], c.io), 0, c.err());
    assert.equal(c.imports[0]!.kind, 'online');
  });

  test('progress goes to stderr only when stderr is a terminal', async () => {
    const quiet = capture({ env: { BUURTBEELD_DATA_DIR: '/d' } });
    await runCli(['import'], quiet.io);
    assert.equal(quiet.err(), '');
    const loud = capture({ env: { BUURTBEELD_DATA_DIR: '/d' }, tty: true });
    await runCli(['import'], loud.io);
    assert.equal(loud.err(), 'reading …\n');
  });

  test('an ImportError is printed as it is, on one line, with exit 1', async () => {
    const failing: Importer = {
      run: async () => {
        throw new ImportError('kwb/kwb_2022.csv', 12, 'a_inw', 'not a number: "12,5"');
      },
    };
    const c = capture({ importer: failing, env: { BUURTBEELD_DATA_DIR: '/d' } });
    assert.equal(await runCli(['import'], c.io), 1);
    assert.equal(c.err(), 'import failed: kwb/kwb_2022.csv, line 12, column "a_inw": not a number: "12,5"\n');
  });

  test('serve listens on --host and --port and prints the URL', async () => {
    const c = capture();
    assert.equal(await runCli(['serve', '--port', '9999', '--host', '0.0.0.0'], c.io), 0, c.err());
    assert.deepEqual(c.listened, [{ host: '0.0.0.0', port: 9999 }]);
    assert.equal(c.out(), 'buurtbeeld is running at http://0.0.0.0:9999/\n');
    assert.deepEqual(c.imports, []);
  });

  test('start imports first when the database has no datasets, and not when it has', async () => {
    const empty = capture({ env: { BUURTBEELD_DATA_DIR: '/data' } });
    assert.equal(await runCli(['start'], empty.io), 0, empty.err());
    assert.deepEqual(empty.imports, [{ kind: 'directory', dir: '/data' }]);
    assert.equal(empty.listened.length, 1);

    const dataset = { ...fixtureSnapshot().datasets[0]!.info, importedAt: '2024-01-01T00:00:00Z', priority: 1, seriesCount: 1, areaCount: 3 };
    const filled = capture({ env: { BUURTBEELD_DATA_DIR: '/data' }, store: memoryStore({ datasets: [dataset], snapshot: fixtureSnapshot() }) });
    assert.equal(await runCli(['start'], filled.io), 0, filled.err());
    assert.deepEqual(filled.imports, []);
  });

  test('a bad port is a usage error; a bad BUURTBEELD_PORT a one-line error', async () => {
    const option = capture();
    assert.equal(await runCli(['serve', '--port', 'eighty'], option.io), 2);
    const env = capture({ env: { BUURTBEELD_PORT: 'eighty' } });
    assert.equal(await runCli(['serve'], env.io), 1);
    assert.match(env.err(), /^buurtbeeld: BUURTBEELD_PORT must be a port number.*\n$/);
  });
});

describe('runCli estimate and rank', () => {
  /**
   * The fixture data plus an invented RIVM-like overweight series and Amsterdam's province and urbanity, with one
   * saved target: residents × overweight share.
   */
  const snapshot = (): Snapshot => {
    const base = fixtureSnapshot();
    const rivm: DatasetRecord = {
      info: { ...base.datasets[0]!.info, id: 'fixture-rivm-2020', tableId: 'R2020', classificationYear: 2020, contentHash: 'rivm' },
      priority: 2,
      areas: base.datasets[0]!.areas,
      series: [
        {
          indicatorId: 'overgewicht_18plus',
          period: '2020',
          sourceColumn: 'Overgewicht_9',
          referenceNl: '2020',
          values: new Float64Array([50.5, 40.25, NaN]),
          missing: new Uint8Array([0, 0, 1]),
        },
      ],
    };
    const attributes = { code: 'GM0363', year: 2022, provinceCode: 'PV27', provinceName: 'Noord-Holland', ggdRegionName: 'GGD Amsterdam', urbanity: 1, datasetId: 'fixture-2022' };
    return { ...base, datasets: [...base.datasets, rivm], areaAttributes: [attributes] };
  };
  const withSavedTarget = () =>
    memoryStore({ snapshot: snapshot(), targets: [{ definition: targetDefinition('inwoners-met-overgewicht'), createdAt: '2024-01-01T00:00:00.000Z' }] });

  test('estimate --target prints the estimates per area as CSV: residents × overweight % / 100, missing stays empty', async () => {
    const c = capture({ store: withSavedTarget() });
    const status = await runCli(['estimate', '--target', 'inwoners-met-overgewicht', '--level', 'wijk', '--format', 'csv'], c.io);
    assert.equal(status, 0, c.err());
    const records = parse(c.out(), { columns: true }) as Record<string, string>[];
    const cube = buildCube(snapshot());
    const wijk = records.find((r) => r['code'] === 'WK036300')!;
    assert.equal(wijk['estimate'], '');
    assert.match(wijk['missing']!, /inwoners 2022: /);
    const g = capture({ store: withSavedTarget() });
    assert.equal(await runCli(['estimate', '--target', 'inwoners-met-overgewicht', '--format', 'csv'], g.io), 0, g.err());
    const amsterdam = (parse(g.out(), { columns: true }) as Record<string, string>[]).find((r) => r['code'] === 'GM0363')!;
    const expected = (cube.cell('inwoners', '2022', 'GM0363').value! * cube.cell('overgewicht_18plus', '2020', 'GM0363').value!) / 100;
    assert.ok(Math.abs(Number(amsterdam['estimate']) - expected) < 1e-9, amsterdam['estimate']);
  });

  test('estimate --parent limits the areas', async () => {
    const c = capture({ store: withSavedTarget() });
    assert.equal(await runCli(['estimate', '--target', 'inwoners-met-overgewicht', '--parent', 'GM0363'], c.io), 0, c.err());
    assert.deepEqual((JSON.parse(c.out()) as ListResponse<{ code: string }>).items.map((r) => r.code), ['GM0363']);
  });

  test('rank --strata --top 1 prints the top area per province and stratum as JSON', async () => {
    const c = capture({ store: withSavedTarget() });
    assert.equal(await runCli(['rank', '--target', 'inwoners-met-overgewicht', '--top', '1', '--strata'], c.io), 0, c.err());
    const ranking = JSON.parse(c.out()) as TargetRanking;
    assert.equal(ranking.strata, true);
    assert.equal(ranking.top, 1);
    // Urbanity 1 but only 310 invented residents: below the 100,000 of a large city, so a smaller town.
    assert.deepEqual(ranking.groups.map((g) => [g.groupCode, g.stratum, g.entries.map((e) => e.code)]), [['PV27', 'kleinere-stad', ['GM0363']]]);
  });

  test('estimate without --target exits 2; an unknown target exits 1 with the API problem', async () => {
    const missing = capture();
    assert.equal(await runCli(['estimate'], missing.io), 2);
    assert.match(missing.err(), /needs --target/);
    const unknown = capture();
    assert.equal(await runCli(['rank', '--target', 'bestaat-niet'], unknown.io), 1);
    assert.match(unknown.err(), /^buurtbeeld rank: unknown target group "bestaat-niet"/);
  });
});
