// The CLI end to end on the real open-data mirror, in-process: import into a temporary SQLite file, import
// again (nothing changes), then query published figures (CBS KWB 2022, 85318NED) back.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
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

  test('a data directory without any dataset folder is refused (exit 1), naming it, and the stored datasets stay', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'buurtbeeld-empty-'));
    try {
      const before = io();
      assert.equal(await runCli(['datasets', '--format', 'json'], before.io), 0, before.err());
      const storedBefore = (JSON.parse(before.out()) as ListResponse<{ id: string }>).items.map((d) => d.id);
      assert.ok(storedBefore.length > 0);

      for (const args of [['import', '--data', empty], ['import', '--data', empty, '--prune']]) {
        const c = io();
        assert.equal(await runCli(args, c.io), 1, args.join(' '));
        assert.match(c.err(), /^import failed: /);
        assert.ok(c.err().includes(empty), c.err());
        assert.match(c.err(), /is --data right\?/);
      }

      const after = io();
      assert.equal(await runCli(['datasets', '--format', 'json'], after.io), 0, after.err());
      assert.deepEqual((JSON.parse(after.out()) as ListResponse<{ id: string }>).items.map((d) => d.id), storedBefore);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  test('a missing folder keeps its stored datasets (reported as kept) unless --prune removes them', async () => {
    const partial = await mkdtemp(path.join(tmpdir(), 'buurtbeeld-partial-'));
    const left = 'cbs-maatwerk-inkomen2020-autobezit2023';
    try {
      for (const entry of await readdir(testDataDir(), { withFileTypes: true })) {
        if (entry.isDirectory() && entry.name !== left) await symlink(path.join(testDataDir(), entry.name), path.join(partial, entry.name));
      }
      const env = { BUURTBEELD_DB: path.join(partial, 'db.sqlite') };
      const run = async (args: string[]) => {
        const c = io();
        c.io.env = env;
        assert.equal(await runCli(args, c.io), 0, c.err());
        return c.out();
      };
      const storedIds = async () => (JSON.parse(await run(['datasets', '--format', 'json'])) as ListResponse<{ id: string; source: string[] }>).items;

      await run(['import', '--data', testDataDir()]);
      const all = await storedIds();
      const ofLeftFolder = all.filter((d) => d.source.some((s) => s.startsWith(`${left}/`))).map((d) => d.id);
      assert.ok(ofLeftFolder.length > 0);

      const kept = await run(['import', '--data', partial]);
      assert.match(kept, new RegExp(`0 removed, ${ofLeftFolder.length} kept`));
      for (const id of ofLeftFolder) assert.match(kept, new RegExp(`${id}: kept \\(its folder is missing`));
      assert.match(kept, new RegExp(`folders not found \\(not imported\\): ${left}`));
      assert.deepEqual((await storedIds()).map((d) => d.id), all.map((d) => d.id));

      const pruned = await run(['import', '--data', partial, '--prune']);
      assert.match(pruned, new RegExp(`${ofLeftFolder.length} removed, 0 kept`));
      assert.deepEqual((await storedIds()).map((d) => d.id), all.map((d) => d.id).filter((id) => !ofLeftFolder.includes(id)));
    } finally {
      await rm(partial, { recursive: true, force: true });
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
