// The contract between the import orchestrator and the one-adapter-per-dataset modules in ./adapters/.
// An adapter reads its folder of the data directory exactly as its PROVENANCE.md describes it and returns
// records; it never touches the store. All parsing happens before anything is written, so bad input can
// never leave a half-done import behind.
import type {
  AreaAttributes,
  DatasetRecord,
  GeometryRecord,
  IndicatorDefinition,
  PostcodeRecord,
  ReferenceTable,
} from '../shared/snapshot.ts';

/** Read access to the data directory. Paths are relative to it, with forward slashes. */
export interface DataSource {
  /** Root shown in messages. */
  readonly root: string;
  exists(path: string): Promise<boolean>;
  /** Folders directly inside the root, sorted (to report folders no adapter reads); absent where a source cannot list. */
  listFolders?(): Promise<string[]>;
  /** Files directly inside a folder, sorted. */
  list(folder: string): Promise<string[]>;
  /** Raw bytes; `.gz` files are returned decompressed. */
  readBytes(path: string): Promise<Uint8Array>;
  /** Strict UTF-8 text (a BOM is dropped); a byte sequence that is not UTF-8 throws ImportError with its line. */
  readText(path: string): Promise<string>;
}

export interface AdapterOutput {
  datasets: DatasetRecord[];
  indicators: IndicatorDefinition[];
  areaAttributes: AreaAttributes[];
  geometries: GeometryRecord[];
  postcodes: PostcodeRecord[];
  referenceTables: ReferenceTable[];
}

/** Every adapter module in ./adapters/ exports `adapters: DatasetAdapter[]` (usually one). */
export interface DatasetAdapter {
  /** Folder name in the data directory, e.g. `cbs-kwb-2021-2022-gemeente-wijk`. */
  readonly folder: string;
  /** Reads and validates every file of the folder. Throws ImportError on bad input. */
  read(source: DataSource): Promise<Partial<AdapterOutput>>;
}

/**
 * Bad input, located: which file, which line (1-based, the header is line 1) and which column.
 * The message is written for the person who has to fix the file.
 */
export class ImportError extends Error {
  readonly file: string;
  readonly line: number | null;
  readonly column: string | null;

  constructor(file: string, line: number | null, column: string | null, problem: string) {
    const where = [file, line === null ? null : `line ${line}`, column === null ? null : `column "${column}"`]
      .filter((part) => part !== null)
      .join(', ');
    super(`${where}: ${problem}`);
    this.name = 'ImportError';
    this.file = file;
    this.line = line;
    this.column = column;
  }
}
