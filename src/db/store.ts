// The one storage interface. SQLite (node:sqlite, embedded default) implements it in sqlite-store.ts; a
// PostgreSQL backend implements the same interface and must pass the same contract suite (store-contract.ts).
// Async throughout so that a networked backend fits; read-only and read-write transactions are distinct types,
// so code that only reads cannot write by accident.
import type { DatasetInfo } from '../shared/types.ts';
import type {
  AreaAttributes,
  DatasetRecord,
  GeometryRecord,
  IndicatorDefinition,
  PostcodeRecord,
  ReferenceTable,
  Snapshot,
} from '../shared/snapshot.ts';
import type { TargetDefinition } from '../domain/segmentation/targets.ts';

export interface StoredDataset extends DatasetInfo {
  /** When it was first imported with this content (ISO 8601, from the injected clock). */
  importedAt: string;
  priority: number;
  seriesCount: number;
  areaCount: number;
}

/**
 * A user-defined target group (doelgroep), saved after validation against the catalog. Built-in targets live
 * in code (src/domain/segmentation/targets.ts) and are never stored, so a saved id can never shadow one.
 */
export interface StoredTarget {
  definition: TargetDefinition;
  /** When it was saved (ISO 8601, from the injected clock). */
  createdAt: string;
}

export interface ReadTx {
  listDatasets(): Promise<StoredDataset[]>;
  /** Everything the in-memory cube needs, in one read. */
  loadSnapshot(): Promise<Snapshot>;
  geometry(id: string): Promise<GeometryRecord | null>;
  listGeometries(): Promise<Omit<GeometryRecord, 'topojson'>[]>;
  /** Saved user-defined target groups, by id. */
  listTargets(): Promise<StoredTarget[]>;
  getTarget(id: string): Promise<StoredTarget | null>;
}

export type PutOutcome = 'added' | 'replaced' | 'unchanged';

export interface WriteTx extends ReadTx {
  /** Insert or replace a dataset with its areas and series; 'unchanged' (and nothing written) when id and contentHash match. */
  putDataset(dataset: DatasetRecord, importedAt: string): Promise<PutOutcome>;
  /** Remove datasets not in `keepIds` (a dataset that left the data directory). Returns removed ids. */
  removeDatasetsExcept(keepIds: readonly string[]): Promise<string[]>;
  /** Replace the whole catalog / attribute / geometry / postcode tables (each written only if it differs). */
  replaceIndicators(indicators: readonly IndicatorDefinition[]): Promise<boolean>;
  replaceAreaAttributes(attributes: readonly AreaAttributes[]): Promise<boolean>;
  replaceGeometries(geometries: readonly GeometryRecord[]): Promise<boolean>;
  replacePostcodes(postcodes: readonly PostcodeRecord[]): Promise<boolean>;
  replaceReferenceTables(tables: readonly ReferenceTable[]): Promise<boolean>;
  /** Saves a target group under its definition's id: 'added', or 'replaced' when that id was saved before. */
  putTarget(target: StoredTarget): Promise<'added' | 'replaced'>;
  /** Removes a saved target group; false when there was none with that id. */
  deleteTarget(id: string): Promise<boolean>;
}

export interface Store {
  /** Runs `fn` in a read-only transaction: a consistent view even while an import commits. */
  read<T>(fn: (tx: ReadTx) => Promise<T>): Promise<T>;
  /** Runs `fn` in one read-write transaction: all of it commits, or (on a throw or a crash) none of it. */
  write<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T>;
  /** Schema version after migrations. */
  schemaVersion(): Promise<number>;
  close(): Promise<void>;
}
