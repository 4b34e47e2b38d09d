// The embedded default backend: the Store of store.ts over one node:sqlite connection. Values are kept as one
// BLOB per indicator × period (see ARCHITECTURE.md "Why values are stored as columns"), so an import is a few
// hundred row writes plus the area lists, and loading the snapshot is mostly copying buffers.
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { DatasetRecord, Snapshot } from '../shared/snapshot.ts';
import { currentVersion, migrate } from './migrations.ts';
import {
  parseArea,
  parseAreaAttributes,
  parseDataset,
  parseGeometry,
  parseGeometryInfo,
  parseIndicator,
  parsePostcode,
  parseReferenceTable,
  parseSeries,
  parseTarget,
  serializeArea,
  serializeAreaAttributes,
  serializeDataset,
  serializeGeometry,
  serializeIndicator,
  serializePostcode,
  serializeReferenceTable,
  serializeSeries,
  serializeTarget,
  type InputRow,
  type OutputRow,
} from './rows.ts';
import type { PutOutcome, ReadTx, Store, StoredDataset, StoredTarget, WriteTx } from './store.ts';

export interface SqliteStoreOptions {
  /** How long a transaction waits for another process's write lock before failing (ms). */
  busyTimeoutMs?: number;
}

/**
 * Opens (creating if needed) the database file and migrates it to the latest schema. The parent folder is
 * created, so the default `var/buurtbeeld.sqlite` works on a fresh checkout.
 */
export async function openSqliteStore(file: string, options: SqliteStoreOptions = {}): Promise<Store> {
  if (!littleEndian()) {
    // The value blobs are raw Float64Array bytes; a big-endian machine would read other numbers.
    throw new Error('the SQLite store stores values as little-endian Float64 bytes; this machine is big-endian');
  }
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new DatabaseSync(file, { enableForeignKeyConstraints: true, timeout: options.busyTimeoutMs ?? 10_000 });
  try {
    // WAL: readers keep their snapshot while an import commits, and a crash leaves only uncommitted frames.
    db.exec('PRAGMA journal_mode = WAL');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return new SqliteStore(db);
}

function littleEndian(): boolean {
  return new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;
}

/**
 * Marks the async context of a running transaction, so that a nested `store.read`/`store.write` (which would
 * wait forever behind the transaction that awaits it) fails at once with an explanation.
 */
const insideTransaction = new AsyncLocalStorage<SqliteStore>();

class SqliteStore implements Store {
  readonly #db: DatabaseSync;
  readonly #statements = new Map<string, StatementSync>();
  /** Transactions run one after another on the one connection: `fn` is async and would otherwise interleave. */
  #tail: Promise<unknown> = Promise.resolve();
  #closed = false;
  #closing: Promise<void> | undefined;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  read<T>(fn: (tx: ReadTx) => Promise<T>): Promise<T> {
    return this.#enqueue(async () => {
      this.#db.exec('PRAGMA query_only = ON');
      try {
        this.#db.exec('BEGIN');
        // A deferred transaction takes its snapshot at the first read; take it now, not at fn's first query.
        this.#stmt('SELECT 1 FROM schema_migrations LIMIT 1').get();
        return await this.#finish(fn, this.#readTx.bind(this));
      } finally {
        this.#db.exec('PRAGMA query_only = OFF');
      }
    });
  }

  write<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T> {
    return this.#enqueue(async () => {
      this.#db.exec('BEGIN IMMEDIATE');
      return this.#finish(fn, this.#writeTx.bind(this));
    });
  }

  schemaVersion(): Promise<number> {
    return this.#enqueue(async () => currentVersion(this.#db));
  }

  /** Closing twice is harmless, so that cleanup code need not know whether a test already closed the store. */
  close(): Promise<void> {
    this.#closing ??= this.#enqueue(async () => {
      this.#closed = true;
      this.#statements.clear();
      this.#db.close();
    });
    return this.#closing;
  }

  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    if (insideTransaction.getStore() === this) {
      return Promise.reject(new Error('store.read/write called inside a transaction of the same store; use the tx passed to fn'));
    }
    const run = this.#tail.then(() => {
      if (this.#closed) throw new Error('the store is closed');
      return insideTransaction.run(this, task);
    });
    this.#tail = run.catch(() => undefined);
    return run;
  }

  /** Runs fn with a tx that stops working once the transaction has ended; COMMIT on success, ROLLBACK on a throw. */
  async #finish<Tx, T>(fn: (tx: Tx) => Promise<T>, makeTx: (isOpen: () => boolean) => Tx): Promise<T> {
    let open = true;
    try {
      const result = await fn(makeTx(() => open));
      this.#db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
      throw error;
    } finally {
      open = false;
    }
  }

  #stmt(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #readTx(isOpen: () => boolean): ReadTx {
    const guard = <A extends unknown[], R>(f: (...args: A) => R) => async (...args: A): Promise<Awaited<R>> => {
      if (!isOpen()) throw new Error('this transaction has ended; use the tx only inside its fn');
      return await f(...args);
    };
    return {
      listDatasets: guard(() => this.#listDatasets()),
      loadSnapshot: guard(() => this.#loadSnapshot()),
      geometry: guard((id: string) => {
        const row = this.#stmt('SELECT * FROM geometries WHERE id = ?').get(id);
        return row === undefined ? null : parseGeometry(row);
      }),
      listGeometries: guard(() =>
        this.#stmt('SELECT id, level, classification_year, code_property, dataset_id FROM geometries ORDER BY ordinal')
          .all()
          .map(parseGeometryInfo),
      ),
      listTargets: guard(() => this.#stmt('SELECT * FROM targets ORDER BY id').all().map(parseTarget)),
      getTarget: guard((id: string) => {
        const row = this.#stmt('SELECT * FROM targets WHERE id = ?').get(id);
        return row === undefined ? null : parseTarget(row);
      }),
    };
  }

  #writeTx(isOpen: () => boolean): WriteTx {
    const guard = <A extends unknown[], R>(f: (...args: A) => R) => async (...args: A): Promise<Awaited<R>> => {
      if (!isOpen()) throw new Error('this transaction has ended; use the tx only inside its fn');
      return await f(...args);
    };
    return {
      ...this.#readTx(isOpen),
      putDataset: guard((dataset: DatasetRecord, importedAt: string) => this.#atomically(() => this.#putDataset(dataset, importedAt))),
      removeDatasetsExcept: guard((keepIds: readonly string[]) => this.#atomically(() => this.#removeDatasetsExcept(keepIds))),
      replaceIndicators: guard((indicators) => this.#replace('indicators', INDICATOR_COLUMNS, indicators.map((d, i) => serializeIndicator(i, d)))),
      replaceAreaAttributes: guard((attributes) =>
        this.#replace('area_attributes', AREA_ATTRIBUTE_COLUMNS, attributes.map((a, i) => serializeAreaAttributes(i, a))),
      ),
      replaceGeometries: guard((geometries) => this.#replace('geometries', GEOMETRY_COLUMNS, geometries.map((g, i) => serializeGeometry(i, g)))),
      replacePostcodes: guard((postcodes) => this.#replace('postcodes', POSTCODE_COLUMNS, postcodes.map((p, i) => serializePostcode(i, p)))),
      replaceReferenceTables: guard((tables) =>
        this.#replace('reference_tables', REFERENCE_TABLE_COLUMNS, tables.map((t, i) => serializeReferenceTable(i, t))),
      ),
      putTarget: guard((target: StoredTarget) =>
        this.#atomically(() => {
          const existed = this.#stmt('SELECT 1 FROM targets WHERE id = ?').get(target.definition.id) !== undefined;
          insert(this.#stmt(insertSql('targets', TARGET_COLUMNS).replace('INSERT', 'INSERT OR REPLACE')), serializeTarget(target));
          return existed ? ('replaced' as const) : ('added' as const);
        }),
      ),
      deleteTarget: guard((id: string) => Number(this.#stmt('DELETE FROM targets WHERE id = ?').run(id).changes) > 0),
    };
  }

  /** One method call is all-or-nothing even when fn catches its error and carries on with the transaction. */
  #atomically<T>(f: () => T): T {
    this.#db.exec('SAVEPOINT method');
    try {
      const result = f();
      this.#db.exec('RELEASE method');
      return result;
    } catch (error) {
      this.#db.exec('ROLLBACK TO method');
      this.#db.exec('RELEASE method');
      throw error;
    }
  }

  #listDatasets(): StoredDataset[] {
    return this.#stmt(
      `SELECT d.*,
              (SELECT count(*) FROM series s WHERE s.dataset_id = d.id) AS series_count,
              (SELECT count(*) FROM dataset_areas a WHERE a.dataset_id = d.id) AS area_count
         FROM datasets d ORDER BY d.id`,
    )
      .all()
      .map((row) => {
        const { info, priority, importedAt } = parseDataset(row);
        return { ...info, importedAt, priority, seriesCount: Number(row['series_count']), areaCount: Number(row['area_count']) };
      });
  }

  #loadSnapshot(): Snapshot {
    const areas = groupBy(this.#stmt('SELECT * FROM dataset_areas ORDER BY dataset_id, ordinal').all());
    const series = groupBy(this.#stmt('SELECT * FROM series ORDER BY dataset_id, ordinal').all());
    const datasets = this.#stmt('SELECT * FROM datasets ORDER BY id')
      .all()
      .map((row): DatasetRecord => {
        const { info, priority } = parseDataset(row);
        return {
          info,
          priority,
          areas: (areas.get(info.id) ?? []).map(parseArea),
          series: (series.get(info.id) ?? []).map(parseSeries),
        };
      });
    return {
      datasets,
      referenceTables: this.#stmt('SELECT * FROM reference_tables ORDER BY ordinal').all().map(parseReferenceTable),
      indicators: this.#stmt('SELECT * FROM indicators ORDER BY ordinal').all().map(parseIndicator),
      areaAttributes: this.#stmt('SELECT * FROM area_attributes ORDER BY ordinal').all().map(parseAreaAttributes),
      geometries: this.#stmt('SELECT * FROM geometries ORDER BY ordinal').all().map(parseGeometry),
      postcodes: this.#stmt('SELECT * FROM postcodes ORDER BY ordinal').all().map(parsePostcode),
    };
  }

  #putDataset(dataset: DatasetRecord, importedAt: string): PutOutcome {
    const { info } = dataset;
    checkAligned(dataset);
    const stored = this.#stmt('SELECT content_hash FROM datasets WHERE id = ?').get(info.id);
    if (stored !== undefined && stored['content_hash'] === info.contentHash) return 'unchanged';
    if (stored !== undefined) this.#stmt('DELETE FROM datasets WHERE id = ?').run(info.id);
    insert(this.#stmt(insertSql('datasets', DATASET_COLUMNS)), serializeDataset(info, dataset.priority, importedAt));
    const areaInsert = this.#stmt(insertSql('dataset_areas', AREA_COLUMNS));
    dataset.areas.forEach((area, i) => insert(areaInsert, serializeArea(info.id, i, area)));
    const seriesInsert = this.#stmt(insertSql('series', SERIES_COLUMNS));
    dataset.series.forEach((s, i) => insert(seriesInsert, serializeSeries(info.id, i, s)));
    return stored === undefined ? 'added' : 'replaced';
  }

  #removeDatasetsExcept(keepIds: readonly string[]): string[] {
    const keep = new Set(keepIds);
    const remove = this.#stmt('SELECT id FROM datasets ORDER BY id')
      .all()
      .map((row) => String(row['id']))
      .filter((id) => !keep.has(id));
    const del = this.#stmt('DELETE FROM datasets WHERE id = ?');
    for (const id of remove) del.run(id);
    return remove;
  }

  /** Replaces a whole table when its rows differ from `rows` (compared column by column, in order). */
  #replace(table: string, columns: readonly string[], rows: InputRow[]): boolean {
    return this.#atomically(() => {
      const stored = this.#stmt(`SELECT ${columns.map(quote).join(', ')} FROM ${table} ORDER BY ordinal`).all();
      if (sameRows(stored, rows, columns)) return false;
      this.#stmt(`DELETE FROM ${table}`).run();
      const statement = this.#stmt(insertSql(table, columns));
      for (const row of rows) insert(statement, row);
      return true;
    });
  }
}

const DATASET_COLUMNS = [
  'id', 'title_nl', 'publisher', 'table_id', 'licence', 'classification_year', 'source', 'content_hash', 'priority', 'imported_at',
] as const;
const AREA_COLUMNS = ['dataset_id', 'ordinal', 'code', 'level', 'name', 'parent_code'] as const;
const SERIES_COLUMNS = ['dataset_id', 'ordinal', 'indicator_id', 'period', 'source_column', 'reference_nl', 'values', 'missing'] as const;
const INDICATOR_COLUMNS = [
  'id', 'ordinal', 'label_nl', 'label_en', 'unit', 'definition_nl', 'definition_en', 'theme', 'age_group', 'polarity',
  'share_of_nl', 'share_of_en', 'is_estimate', 'decimals',
] as const;
const AREA_ATTRIBUTE_COLUMNS = [
  'ordinal', 'code', 'year', 'province_code', 'province_name', 'ggd_region_name', 'urbanity', 'dataset_id',
] as const;
const GEOMETRY_COLUMNS = ['id', 'ordinal', 'level', 'classification_year', 'code_property', 'topojson', 'dataset_id'] as const;
const POSTCODE_COLUMNS = ['ordinal', 'pc4', 'place', 'gemeente_code', 'gemeente_name', 'wijk_code', 'inhabitants'] as const;
const REFERENCE_TABLE_COLUMNS = [
  'id', 'ordinal', 'title_nl', 'dataset_id', 'publisher', 'table_id', 'source_column', 'unit', 'dimensions', 'rows',
] as const;

const TARGET_COLUMNS = ['id', 'definition', 'created_at'] as const;

/** `values` is an SQL keyword; every identifier is quoted so that column names need no care. */
function quote(column: string): string {
  return `"${column}"`;
}

function insertSql(table: string, columns: readonly string[]): string {
  return `INSERT INTO ${table} (${columns.map(quote).join(', ')}) VALUES (${columns.map((c) => `$${c}`).join(', ')})`;
}

function insert(statement: StatementSync, row: InputRow): void {
  statement.run(row);
}

function sameRows(stored: OutputRow[], rows: InputRow[], columns: readonly string[]): boolean {
  if (stored.length !== rows.length) return false;
  return stored.every((s, i) => columns.every((c) => sameValue(s[c], rows[i]![c])));
}

function sameValue(a: unknown, b: unknown): boolean {
  // SQLite stores NaN as NULL, so a NaN written compares equal to the NULL read back.
  if (a === b) return true;
  return a === null && typeof b === 'number' && Number.isNaN(b);
}

function groupBy(rows: OutputRow[]): Map<string, OutputRow[]> {
  const groups = new Map<string, OutputRow[]>();
  for (const row of rows) {
    const id = String(row['dataset_id']);
    let group = groups.get(id);
    if (group === undefined) groups.set(id, (group = []));
    group.push(row);
  }
  return groups;
}

/** A series not aligned with its dataset's areas would silently shift values to other areas: refuse it. */
function checkAligned(dataset: DatasetRecord): void {
  const n = dataset.areas.length;
  for (const s of dataset.series) {
    if (s.values.length !== n || s.missing.length !== n) {
      throw new Error(
        `dataset ${dataset.info.id}, series ${s.indicatorId} ${s.period}: ${s.values.length} values and ${s.missing.length} missing codes for ${n} areas`,
      );
    }
  }
}
