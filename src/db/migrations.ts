// Versioned schema of the SQLite store. Each migration is applied once, in its own transaction, and recorded in
// `schema_migrations`; reopening a database applies only the versions it does not have yet. A migration that has
// been released is never edited: a schema change is a new entry at the end.
import type { DatabaseSync } from 'node:sqlite';

export interface Migration {
  /** Strictly increasing from 1, without gaps, so "newer than this build" is detectable. */
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'datasets as value columns, catalog, area attributes, geometries, postcodes, reference tables',
    sql: `
      CREATE TABLE datasets (
        id TEXT PRIMARY KEY,
        title_nl TEXT NOT NULL,
        publisher TEXT NOT NULL,
        table_id TEXT NOT NULL,
        licence TEXT NOT NULL,
        classification_year INTEGER NOT NULL,
        source TEXT NOT NULL,            -- JSON array of file names
        content_hash TEXT NOT NULL,
        priority INTEGER NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE dataset_areas (
        dataset_id TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,        -- index into every series' values of this dataset
        code TEXT NOT NULL,
        level TEXT NOT NULL,
        name TEXT NOT NULL,
        parent_code TEXT,
        PRIMARY KEY (dataset_id, ordinal)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE series (
        dataset_id TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        indicator_id TEXT NOT NULL,
        period TEXT NOT NULL,
        source_column TEXT NOT NULL,
        reference_nl TEXT NOT NULL,
        "values" BLOB NOT NULL,          -- Float64Array bytes (little-endian), one per area
        missing BLOB NOT NULL,           -- Uint8Array: 0 present, else a MISSING_REASON_CODES code
        PRIMARY KEY (dataset_id, ordinal)
      ) STRICT;
      CREATE INDEX series_indicator_period ON series (indicator_id, period);

      CREATE TABLE indicators (
        id TEXT PRIMARY KEY,
        ordinal INTEGER NOT NULL UNIQUE,
        label_nl TEXT NOT NULL,
        label_en TEXT NOT NULL,
        unit TEXT NOT NULL,
        definition_nl TEXT NOT NULL,
        definition_en TEXT NOT NULL,
        theme TEXT NOT NULL,
        age_group TEXT,
        polarity TEXT NOT NULL,
        share_of_nl TEXT,
        share_of_en TEXT,
        is_estimate INTEGER NOT NULL CHECK (is_estimate IN (0, 1)),
        decimals INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE area_attributes (
        ordinal INTEGER PRIMARY KEY,
        code TEXT NOT NULL,
        year INTEGER NOT NULL,
        province_code TEXT,
        province_name TEXT,
        ggd_region_name TEXT,
        urbanity INTEGER,
        dataset_id TEXT NOT NULL
      ) STRICT;
      CREATE INDEX area_attributes_code ON area_attributes (code, year);

      CREATE TABLE geometries (
        id TEXT PRIMARY KEY,
        ordinal INTEGER NOT NULL UNIQUE,
        level TEXT NOT NULL,
        classification_year INTEGER NOT NULL,
        code_property TEXT NOT NULL,
        topojson TEXT NOT NULL,
        dataset_id TEXT NOT NULL
      ) STRICT;

      CREATE TABLE postcodes (
        ordinal INTEGER PRIMARY KEY,
        pc4 TEXT NOT NULL,
        place TEXT NOT NULL,
        gemeente_code TEXT,
        gemeente_name TEXT NOT NULL,
        inhabitants REAL
      ) STRICT;
      CREATE INDEX postcodes_pc4 ON postcodes (pc4);

      CREATE TABLE reference_tables (
        id TEXT PRIMARY KEY,
        ordinal INTEGER NOT NULL UNIQUE,
        title_nl TEXT NOT NULL,
        dataset_id TEXT NOT NULL,
        publisher TEXT NOT NULL,
        table_id TEXT NOT NULL,
        source_column TEXT NOT NULL,
        unit TEXT NOT NULL,
        dimensions TEXT NOT NULL,        -- JSON array of dimension names
        rows TEXT NOT NULL               -- JSON array of { dims, value, missing }
      ) STRICT;
    `,
  },
  {
    version: 2,
    description: 'user-defined target groups (doelgroepen)',
    sql: `
      CREATE TABLE targets (
        id TEXT PRIMARY KEY,
        definition TEXT NOT NULL,        -- JSON of a validated TargetDefinition (src/domain/segmentation/targets.ts)
        created_at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 3,
    description: 'postcodes: the 2020 wijk holding the centre of each PC4',
    sql: `
      ALTER TABLE postcodes ADD COLUMN wijk_code TEXT;  -- NULL: no wijk holds the centre, or imported before version 3
    `,
  },
];

/** The version a fully migrated database has. */
export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

/**
 * Brings the database to LATEST_VERSION and returns it. Each pending migration runs in its own IMMEDIATE
 * transaction, re-reading the applied versions inside it so that two processes opening the same new file do
 * not both apply a migration. A database newer than this build is refused rather than misread.
 */
export function migrate(db: DatabaseSync, migrations: readonly Migration[] = MIGRATIONS): number {
  checkOrder(migrations);
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL) STRICT');
  const latest = migrations.at(-1)?.version ?? 0;
  for (const migration of migrations) {
    db.exec('BEGIN IMMEDIATE');
    try {
      const current = currentVersion(db);
      if (current > latest) {
        throw new Error(`the database has schema version ${current}, newer than this buurtbeeld knows (${latest}); upgrade buurtbeeld`);
      }
      if (current < migration.version) {
        db.exec(migration.sql);
        db.prepare('INSERT INTO schema_migrations (version, description) VALUES (?, ?)').run(migration.version, migration.description);
      }
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
  const version = currentVersion(db);
  if (version > latest) {
    throw new Error(`the database has schema version ${version}, newer than this buurtbeeld knows (${latest}); upgrade buurtbeeld`);
  }
  return version;
}

/** Highest applied version; 0 for a new database. */
export function currentVersion(db: DatabaseSync): number {
  const row = db.prepare('SELECT max(version) AS version FROM schema_migrations').get();
  const version = row?.['version'];
  return typeof version === 'number' ? version : 0;
}

function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`migration ${i + 1} has version ${m.version}: versions must be 1, 2, 3, … in order`);
    }
  });
}
