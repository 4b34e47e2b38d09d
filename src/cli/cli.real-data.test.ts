// The CLI end to end on the real open-data mirror, in-process: import into a temporary SQLite file, import
// again (nothing changes), then query published figures (CBS KWB 2022, 85318NED) back.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { testDataDir } from '../../test/data-dir.ts';
import { openSqliteStore } from '../db/sqlite-store.ts';
import { loadAdapters } from '../import/registry.ts';
import { startReplayServer } from '../import/odata/replay-server.ts';
import type { ListResponse, ValueRow } from '../shared/api.ts';
import type { CliIo } from './cli.ts';
import { runCli } from './cli.ts';
import { createImporter, dataDirectory } from './importer.ts';

describe('runCli on the real data', () => {
  let dir = '';
  const clock = () => new Date('2024-01-01T00:00:00Z');

  function io(): { io: CliIo; out: () => string; err: () => string } {
    let out = '';
    let err = '';
    return {
      io: {
        stdout: { write: (t: string) => (out += t) },
        stderr: { write: (t: string) => (err += t) },
        env: { BUURTBEELD_DB: path.join(dir, 'db.sqlite') },
        clock,
        openStore: (file) => openSqliteStore(file),
        importer: createImporter({ clock, dataSource: dataDirectory, loadAdapters, fetch: globalThis.fetch, sleep: async () => {} }),
        listen: () => Promise.reject(new Error('not in this test')),
        untilStopped: async () => {},
      },
      out: () => out,
      err: () => err,
    };
  }

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'buurtbeeld-cli-'));
  });
  after(async () => {
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  test('import, then a second import of the same data changes nothing', async () => {
    const first = io();
    assert.equal(await runCli(['import', '--data', testDataDir()], first.io), 0, first.err());
    assert.match(first.out(), /datasets \(\d+ added, 0 replaced, 0 unchanged\), 0 removed/);
    const second = io();
    assert.equal(await runCli(['import', '--data', testDataDir()], second.io), 0, second.err());
    assert.match(second.out(), /datasets \(0 added, 0 replaced, \d+ unchanged\), 0 removed/);
  });

  test('values gives KWB 2022 inwoners GM0363 = 882,633 and NL00 = 17,590,672 as JSON and CSV', async () => {
    const json = io();
    assert.equal(await runCli(['values', '--areas', 'GM0363,NL00', '--indicators', 'inwoners', '--periods', '2022'], json.io), 0, json.err());
    const rows = (JSON.parse(json.out()) as ListResponse<ValueRow>).items;
    assert.deepEqual(rows.map((r) => [r.area, r.value]), [['GM0363', 882633], ['NL00', 17590672]]);
    const csv = io();
    assert.equal(await runCli(['values', '--areas', 'GM0363,NL00', '--indicators', 'inwoners', '--periods', '2022', '--format', 'csv'], csv.io), 0, csv.err());
    const records = parse(csv.out(), { columns: true }) as Record<string, string>[];
    assert.deepEqual(records.map((r) => [r['area'], Number(r['value'])]), [['GM0363', 882633], ['NL00', 17590672]]);
  });

  test('an empty data directory imports nothing and names the folders it did not find', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'buurtbeeld-empty-'));
    try {
      const c = io();
      c.io.env = { BUURTBEELD_DB: path.join(empty, 'db.sqlite') };
      assert.equal(await runCli(['import', '--data', empty], c.io), 0, c.err());
      assert.match(c.out(), /folders not found \(not imported\): .*cbs-kwb-2021-2022-gemeente-wijk/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  test('import --online reads StatLine (here a local replay of it) and gives KWB 2024 inwoners GM0363 = 931,298', async () => {
    const server = await startReplayServer({ dataDir: testDataDir(), rivmFiles: ['gezondheid_wijk_buurt_2020_18plus.csv'] });
    try {
      const env = { BUURTBEELD_DB: path.join(dir, 'online.sqlite'), BUURTBEELD_ODATA_CBS: server.url, BUURTBEELD_ODATA_RIVM: server.url };
      const imported = io();
      imported.io.env = env;
      assert.equal(await runCli(['import', '--online'], imported.io), 0, imported.err());
      assert.match(imported.out(), /kwb-2024/);
      const query = io();
      query.io.env = env;
      assert.equal(await runCli(['values', '--areas', 'GM0363', '--indicators', 'inwoners', '--periods', '2024'], query.io), 0, query.err());
      const rows = (JSON.parse(query.out()) as ListResponse<ValueRow>).items;
      assert.deepEqual(rows.map((r) => [r.area, r.value, r.source.tableId]), [['GM0363', 931298, '85984NED']]);
    } finally {
      await server.close();
    }
  });
});
