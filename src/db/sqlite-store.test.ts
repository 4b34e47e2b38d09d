import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, test } from 'node:test';
import { LATEST_VERSION, MIGRATIONS, migrate } from './migrations.ts';
import { openSqliteStore } from './sqlite-store.ts';
import { datasetRecord, storeContract } from './store-contract.ts';
import type { Store } from './store.ts';

async function tempDbFile(): Promise<{ file: string; removeDir: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'buurtbeeld-sqlite-'));
  return { file: path.join(dir, 'sub', 'test.sqlite'), removeDir: () => rm(dir, { recursive: true, force: true }) };
}

storeContract('SQLite file', async () => {
  const { file, removeDir } = await tempDbFile();
  let current: Store = await openSqliteStore(file);
  return {
    store: current,
    reopen: async () => (current = await openSqliteStore(file)),
    cleanup: async () => {
      await current.close();
      await removeDir();
    },
  };
});

storeContract('SQLite :memory:', async () => {
  const store = await openSqliteStore(':memory:');
  return { store, cleanup: () => store.close() };
});

describe('openSqliteStore', () => {
  test('creates the parent folder, uses WAL and records each migration once across reopenings', async () => {
    const { file, removeDir } = await tempDbFile();
    try {
      for (let i = 0; i < 3; i++) {
        const store = await openSqliteStore(file);
        assert.equal(await store.schemaVersion(), LATEST_VERSION);
        await store.close();
      }
      const db = new DatabaseSync(file, { readOnly: true });
      assert.equal(db.prepare('PRAGMA journal_mode').get()?.['journal_mode'], 'wal');
      assert.deepEqual(
        db.prepare('SELECT version FROM schema_migrations ORDER BY version').all().map((r) => r['version']),
        MIGRATIONS.map((m) => m.version),
      );
      db.close();
    } finally {
      await removeDir();
    }
  });

  test('refuses a database whose schema is newer than this build', async () => {
    const { file, removeDir } = await tempDbFile();
    try {
      await (await openSqliteStore(file)).close();
      const db = new DatabaseSync(file);
      db.prepare('INSERT INTO schema_migrations (version, description) VALUES (?, ?)').run(LATEST_VERSION + 1, 'from the future');
      db.close();
      await assert.rejects(openSqliteStore(file), /newer than this buurtbeeld knows/);
    } finally {
      await removeDir();
    }
  });

  test('removing a dataset removes its areas and series rows (foreign keys are on)', async () => {
    const { file, removeDir } = await tempDbFile();
    try {
      const store = await openSqliteStore(file);
      await store.write(async (tx) => {
        await tx.putDataset(datasetRecord('ds-a', 'h', { areaCount: 5, seriesCount: 3 }), '2025-01-01T00:00:00.000Z');
        await tx.removeDatasetsExcept([]);
      });
      await store.close();
      const db = new DatabaseSync(file, { readOnly: true });
      assert.equal(db.prepare('SELECT count(*) AS n FROM series').get()?.['n'], 0);
      assert.equal(db.prepare('SELECT count(*) AS n FROM dataset_areas').get()?.['n'], 0);
      db.close();
    } finally {
      await removeDir();
    }
  });

  test('a read on one connection keeps its snapshot while another connection commits', async () => {
    const { file, removeDir } = await tempDbFile();
    const reader = await openSqliteStore(file);
    const writer = await openSqliteStore(file);
    try {
      await writer.write((tx) => tx.putDataset(datasetRecord('ds-a', 'h1'), '2025-01-01T00:00:00.000Z'));
      const seen = await reader.read(async (tx) => {
        const before = (await tx.listDatasets()).map((d) => d.contentHash);
        await writer.write((w) => w.putDataset(datasetRecord('ds-a', 'h2'), '2025-02-01T00:00:00.000Z'));
        const after = (await tx.loadSnapshot()).datasets.map((d) => d.info.contentHash);
        return { before, after };
      });
      assert.deepEqual(seen, { before: ['h1'], after: ['h1'] });
      assert.deepEqual((await reader.read((tx) => tx.listDatasets())).map((d) => d.contentHash), ['h2']);
    } finally {
      await reader.close();
      await writer.close();
      await removeDir();
    }
  });

  test('a nested read or write on the same store fails at once instead of waiting forever', async () => {
    const store = await openSqliteStore(':memory:');
    try {
      await assert.rejects(
        store.write(async () => store.read((tx) => tx.listDatasets())),
        /inside a transaction of the same store/,
      );
      assert.equal(await store.write((tx) => tx.putDataset(datasetRecord('ds-a', 'h'), '2025-01-01T00:00:00.000Z')), 'added');
    } finally {
      await store.close();
    }
  });

  test('a damaged value column is reported with its table and column', async () => {
    const { file, removeDir } = await tempDbFile();
    try {
      const store = await openSqliteStore(file);
      await store.write((tx) => tx.putDataset(datasetRecord('ds-a', 'h'), '2025-01-01T00:00:00.000Z'));
      await store.close();
      const db = new DatabaseSync(file);
      db.prepare('UPDATE series SET "values" = ? WHERE ordinal = 0').run(new Uint8Array(7));
      db.close();
      const again = await openSqliteStore(file);
      await assert.rejects(again.read((tx) => tx.loadSnapshot()), /table series, column values: expected a multiple of 8 bytes/);
      await again.close();
    } finally {
      await removeDir();
    }
  });
});

describe('migrate', () => {
  test('refuses migrations whose versions are not 1, 2, 3, … in order', () => {
    const db = new DatabaseSync(':memory:');
    assert.throws(() => migrate(db, [{ version: 2, description: 'gap', sql: 'CREATE TABLE t (x INTEGER)' }]), /versions must be 1, 2, 3/);
    db.close();
  });

  test('rolls back a failing migration and keeps the versions before it', () => {
    const db = new DatabaseSync(':memory:');
    const good = { version: 1, description: 'one', sql: 'CREATE TABLE one (x INTEGER)' };
    const bad = { version: 2, description: 'two', sql: 'CREATE TABLE two (x INTEGER); CREATE TABLE one (y INTEGER)' };
    assert.throws(() => migrate(db, [good, bad]), /already exists/);
    assert.deepEqual(db.prepare("SELECT name FROM sqlite_schema WHERE name IN ('one', 'two')").all().map((r) => r['name']), ['one']);
    assert.equal(migrate(db, [good]), 1);
    db.close();
  });

  test('version 3 keeps the postcodes of an older database and gives them no wijk (NULL)', async () => {
    const { file, removeDir } = await tempDbFile();
    try {
      await openSqliteStore(file).then((store) => store.close());
      const old = new DatabaseSync(file);
      // Back to version 2: the postcodes table as version 1 created it, with one row.
      old.exec("DELETE FROM schema_migrations WHERE version >= 3; ALTER TABLE postcodes DROP COLUMN wijk_code");
      old.prepare('INSERT INTO postcodes (ordinal, pc4, place, gemeente_code, gemeente_name, inhabitants) VALUES (0, ?, ?, ?, ?, ?)')
        .run('1011', 'Amsterdam', 'GM0363', 'Amsterdam', 9630);
      old.close();
      const store = await openSqliteStore(file);
      try {
        assert.equal(await store.schemaVersion(), LATEST_VERSION);
        const { postcodes } = await store.read((tx) => tx.loadSnapshot());
        assert.deepEqual(postcodes, [{ pc4: '1011', place: 'Amsterdam', gemeenteCode: 'GM0363', gemeenteName: 'Amsterdam', wijkCode: null, inhabitants: 9630 }]);
      } finally {
        await store.close();
      }
    } finally {
      await removeDir();
    }
  });
});
