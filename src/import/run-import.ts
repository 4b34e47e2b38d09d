// The import orchestrator: run every adapter over its folder, check the outputs against each other, and only
// then write everything in one store transaction. Reading and writing are separate functions so that a bad
// file stops the import before the store is touched, and so that the CLI can show what will change.
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { ImportError, type AdapterOutput, type DataSource, type DatasetAdapter } from './adapter.ts';
import type { PutOutcome, Store, WriteTx } from '../db/store.ts';
import type { DatasetRecord, IndicatorDefinition, SeriesRecord, Snapshot } from '../shared/snapshot.ts';
import { MISSING_REASONS } from '../shared/types.ts';

export interface ImportProgressEvent {
  step: string;
  done: number;
  total: number;
}
export type ImportProgress = (event: ImportProgressEvent) => void;

/**
 * A data source that can also list the folders at its root, so that a folder no adapter reads is reported
 * (a dataset someone added without an adapter would otherwise be ignored silently).
 */
export type FolderListingSource = DataSource & { listFolders?: () => Promise<string[]> };

/** A series left out because a dataset of higher priority holds the same indicator × period. */
export interface DroppedSeries {
  indicatorId: string;
  period: string;
  droppedDatasetId: string;
  droppedPriority: number;
  keptDatasetId: string;
  keptPriority: number;
}

/** Everything the adapters produced, checked across datasets and ready to write. */
export interface DirectoryImport extends AdapterOutput {
  /** Adapter folders absent from the data directory: their datasets are not imported (removed if stored only with prune). */
  missingFolders: string[];
  /** Folders in the data directory that no adapter reads; null when the source cannot list folders. */
  unknownFolders: string[] | null;
  droppedSeries: DroppedSeries[];
}

export interface DatasetReport {
  id: string;
  outcome: PutOutcome;
  priority: number;
  areaCount: number;
  seriesCount: number;
  source: string[];
}

export interface TableReport {
  count: number;
  /** False when the stored table was already equal. */
  written: boolean;
}

export interface WriteImportOptions {
  /**
   * Also remove stored datasets whose folder is missing from the data directory (CLI `--prune`). Without it an
   * import only adds and replaces: a missing folder (a partial or mistyped --data) never deletes anything.
   */
  prune?: boolean;
}

export interface ImportReport {
  importedAt: string;
  datasets: DatasetReport[];
  /** Stored datasets that this import no longer has. */
  removedDatasets: string[];
  /** Stored datasets of missing folders that were kept because prune was not asked for. */
  keptDatasets: string[];
  tables: {
    indicators: TableReport;
    areaAttributes: TableReport;
    geometries: TableReport;
    postcodes: TableReport;
    referenceTables: TableReport;
  };
  droppedSeries: DroppedSeries[];
  missingFolders: string[];
  unknownFolders: string[] | null;
}

/**
 * Runs every adapter whose folder exists and checks the merged output. Throws ImportError (nothing is written,
 * nothing is returned) for bad input or for outputs that contradict each other.
 */
export async function readDataDirectory(
  source: FolderListingSource,
  adapters: readonly DatasetAdapter[],
  progress: ImportProgress = () => {},
): Promise<DirectoryImport> {
  const known = new Set(adapters.map((a) => a.folder));
  const missingFolders = new Set<string>();
  const outputs: { folder: string; output: AdapterOutput }[] = [];
  const total = adapters.length + 1;
  for (const [i, adapter] of adapters.entries()) {
    progress({ step: `read ${adapter.folder}`, done: i, total });
    if (!(await source.exists(adapter.folder))) {
      missingFolders.add(adapter.folder);
      continue;
    }
    const partial = await adapter.read(source);
    outputs.push({
      folder: adapter.folder,
      output: {
        datasets: partial.datasets ?? [],
        indicators: partial.indicators ?? [],
        areaAttributes: partial.areaAttributes ?? [],
        geometries: partial.geometries ?? [],
        postcodes: partial.postcodes ?? [],
        referenceTables: partial.referenceTables ?? [],
      },
    });
  }
  if (adapters.length > 0 && missingFolders.size === adapters.length) {
    // Not one folder an adapter reads: almost certainly the wrong directory. Importing "nothing" would at best
    // change nothing and at worst (with prune) empty the database, so refuse and say where we looked.
    throw new ImportError(
      source.root,
      null,
      null,
      `none of the ${adapters.length} dataset folders (${adapters.map((a) => a.folder).join(', ')}) is in this directory; is --data right?`,
    );
  }
  progress({ step: 'check', done: adapters.length, total });
  const unknownFolders = source.listFolders === undefined
    ? null
    : (await source.listFolders()).filter((f) => !known.has(f) && !f.startsWith('.')).sort();
  const merged = mergeOutputs(outputs);
  progress({ step: 'check', done: total, total });
  return { ...merged, missingFolders: [...missingFolders].sort(), unknownFolders };
}

/** Writes a checked import in one transaction: all of it, or (on any error or crash) none of it. */
export async function writeImport(
  store: Store,
  input: DirectoryImport,
  clock: () => Date,
  progress: ImportProgress = () => {},
  options: WriteImportOptions = {},
): Promise<ImportReport> {
  const importedAt = clock().toISOString();
  const total = input.datasets.length + 6;
  let done = 0;
  const step = (name: string) => progress({ step: name, done: ++done, total });
  return store.write(async (tx) => {
    const kept = options.prune === true ? EMPTY_KEPT : await keptOfMissingFolders(tx, input);
    const datasets: DatasetReport[] = [];
    for (const dataset of input.datasets) {
      const outcome = await tx.putDataset(dataset, importedAt);
      datasets.push({
        id: dataset.info.id,
        outcome,
        priority: dataset.priority,
        areaCount: dataset.areas.length,
        seriesCount: dataset.series.length,
        source: dataset.info.source,
      });
      step(`write dataset ${dataset.info.id}`);
    }
    const removedDatasets = await tx.removeDatasetsExcept([...input.datasets.map((d) => d.info.id), ...kept.ids]);
    step('remove datasets no longer present');
    const table = async (name: string, count: number, replace: () => Promise<boolean>): Promise<TableReport> => {
      const written = await replace();
      step(`write ${name}`);
      return { count, written };
    };
    // Rows that belong to kept datasets stay beside the new ones, so that what is kept is still shown whole.
    const indicators = [...input.indicators, ...kept.indicators.filter((i) => !input.indicators.some((n) => n.id === i.id))];
    const areaAttributes = [...input.areaAttributes, ...kept.areaAttributes];
    const geometries = [...input.geometries, ...kept.geometries.filter((g) => !input.geometries.some((n) => n.id === g.id))];
    const postcodes = input.postcodes.length > 0 ? input.postcodes : kept.postcodes;
    const referenceTables = [...input.referenceTables, ...kept.referenceTables.filter((r) => !input.referenceTables.some((n) => n.id === r.id))];
    const tables = {
      indicators: await table('indicators', indicators.length, () => tx.replaceIndicators(indicators)),
      areaAttributes: await table('area attributes', areaAttributes.length, () => tx.replaceAreaAttributes(areaAttributes)),
      geometries: await table('geometries', geometries.length, () => tx.replaceGeometries(geometries)),
      postcodes: await table('postcodes', postcodes.length, () => tx.replacePostcodes(postcodes)),
      referenceTables: await table('reference tables', referenceTables.length, () => tx.replaceReferenceTables(referenceTables)),
    };
    return {
      importedAt,
      datasets,
      removedDatasets,
      keptDatasets: kept.ids,
      tables,
      droppedSeries: input.droppedSeries,
      missingFolders: input.missingFolders,
      unknownFolders: input.unknownFolders,
    };
  });
}

/** What a non-pruning import keeps of the stored data: the datasets of missing folders and the rows they need. */
interface Kept {
  ids: string[];
  indicators: IndicatorDefinition[];
  areaAttributes: Snapshot['areaAttributes'];
  geometries: Snapshot['geometries'];
  postcodes: Snapshot['postcodes'];
  referenceTables: Snapshot['referenceTables'];
}

const EMPTY_KEPT: Kept = { ids: [], indicators: [], areaAttributes: [], geometries: [], postcodes: [], referenceTables: [] };

/**
 * Stored datasets read from a folder that is missing now (by their source paths, which start with the folder),
 * with the catalog entries their series use and the attribute, geometry and reference rows that name them.
 * Stored postcodes are kept when this import has none (they come from one folder and name no dataset).
 */
async function keptOfMissingFolders(tx: WriteTx, input: DirectoryImport): Promise<Kept> {
  if (input.missingFolders.length === 0) return EMPTY_KEPT;
  const inFolder = (path: string) => input.missingFolders.some((folder) => path === folder || path.startsWith(`${folder}/`));
  const incoming = new Set(input.datasets.map((d) => d.info.id));
  const stored = await tx.listDatasets();
  if (!stored.some((d) => !incoming.has(d.id) && d.source.some(inFolder))) return EMPTY_KEPT;
  const snapshot = await tx.loadSnapshot();
  const keptDatasets = snapshot.datasets.filter((d) => !incoming.has(d.info.id) && d.info.source.some(inFolder));
  const ids = new Set(keptDatasets.map((d) => d.info.id));
  const usedIndicators = new Set(keptDatasets.flatMap((d) => d.series.map((s) => s.indicatorId)));
  return {
    ids: [...ids].sort(),
    indicators: snapshot.indicators.filter((i) => usedIndicators.has(i.id)),
    areaAttributes: snapshot.areaAttributes.filter((a) => ids.has(a.datasetId)),
    geometries: snapshot.geometries.filter((g) => ids.has(g.datasetId)),
    postcodes: snapshot.postcodes,
    referenceTables: snapshot.referenceTables.filter((r) => ids.has(r.datasetId)),
  };
}

// --- checks across adapters -------------------------------------------------------------------------------------

interface Merged extends AdapterOutput {
  droppedSeries: DroppedSeries[];
}

function mergeOutputs(outputs: readonly { folder: string; output: AdapterOutput }[]): Merged {
  const datasetFolder = new Map<string, string>();
  for (const { folder, output } of outputs) {
    for (const d of output.datasets) {
      const other = datasetFolder.get(d.info.id);
      if (other !== undefined) {
        throw new ImportError(fileOf(d, folder), null, null, `dataset id "${d.info.id}" is also produced from ${other}`);
      }
      datasetFolder.set(d.info.id, folder);
      checkSeries(d, folder);
    }
  }
  const indicators = mergeCatalog(outputs);
  const catalog = new Set(indicators.map((i) => i.id));
  const datasets = outputs.flatMap(({ output }) => output.datasets);
  for (const d of datasets) {
    for (const s of d.series) {
      if (!catalog.has(s.indicatorId)) {
        throw new ImportError(fileOf(d, datasetFolder.get(d.info.id)!), null, s.sourceColumn,
          `indicator "${s.indicatorId}" is not in the catalog: its adapter must define it`);
      }
    }
  }
  const { kept, droppedSeries } = resolveDuplicates(datasets, datasetFolder);
  return {
    datasets: kept,
    indicators,
    areaAttributes: outputs.flatMap(({ output }) => output.areaAttributes),
    geometries: unique(outputs, (o) => o.geometries, (g) => g.id, 'geometry'),
    postcodes: outputs.flatMap(({ output }) => output.postcodes),
    referenceTables: unique(outputs, (o) => o.referenceTables, (t) => t.id, 'reference table'),
    droppedSeries,
  };
}

/** The file to name in a message about a dataset: its first source file, else its folder. */
function fileOf(dataset: DatasetRecord, folder: string): string {
  return dataset.info.source[0] ?? folder;
}

/** Alignment and the NaN ⇔ reason rule of SeriesRecord: a break here would show a wrong value or a false 0. */
function checkSeries(dataset: DatasetRecord, folder: string): void {
  const n = dataset.areas.length;
  const file = fileOf(dataset, folder);
  for (const s of dataset.series) {
    if (s.values.length !== n || s.missing.length !== n) {
      throw new ImportError(file, null, s.sourceColumn,
        `series ${s.indicatorId} ${s.period} has ${s.values.length} values and ${s.missing.length} missing codes for ${n} areas`);
    }
    for (let i = 0; i < n; i++) {
      const code = s.missing[i]!;
      const isNaN = Number.isNaN(s.values[i]!);
      if (code > MISSING_REASONS.length || isNaN !== (code !== 0)) {
        throw new ImportError(file, null, s.sourceColumn,
          `series ${s.indicatorId} ${s.period}, area ${dataset.areas[i]!.code}: value ${s.values[i]} with missing code ${code} (NaN exactly when a reason code is set)`);
      }
    }
  }
}

/** One definition per id; the same id defined differently by two adapters is a contradiction, not a choice. */
function mergeCatalog(outputs: readonly { folder: string; output: AdapterOutput }[]): IndicatorDefinition[] {
  const byId = new Map<string, { definition: IndicatorDefinition; folder: string }>();
  for (const { folder, output } of outputs) {
    for (const definition of output.indicators) {
      const earlier = byId.get(definition.id);
      if (earlier === undefined) {
        byId.set(definition.id, { definition, folder });
      } else if (!isDeepStrictEqual(earlier.definition, definition)) {
        const fields = (Object.keys(definition) as (keyof IndicatorDefinition)[])
          .filter((k) => !isDeepStrictEqual(definition[k], earlier.definition[k]));
        throw new ImportError(folder, null, null,
          `indicator "${definition.id}" is defined differently here and in ${earlier.folder} (differs in: ${fields.join(', ')})`);
      }
    }
  }
  return [...byId.values()].map((e) => e.definition);
}

/**
 * Keeps, per indicator × period, the series of the highest-priority dataset. Equal priorities are an error:
 * which figure is right is a decision for a person, not for import order.
 * A dataset that loses series gets a content hash derived from its source hash and what it lost, so that it is
 * rewritten in full once the winning dataset is gone (an unchanged hash would keep the trimmed copy forever).
 */
function resolveDuplicates(
  datasets: readonly DatasetRecord[],
  folderOf: ReadonlyMap<string, string>,
): { kept: DatasetRecord[]; droppedSeries: DroppedSeries[] } {
  const holders = new Map<string, { dataset: DatasetRecord; series: SeriesRecord }[]>();
  for (const dataset of datasets) {
    for (const series of dataset.series) {
      const key = `${series.indicatorId}\u0000${series.period}`;
      const list = holders.get(key) ?? [];
      list.push({ dataset, series });
      holders.set(key, list);
    }
  }
  const dropped = new Map<SeriesRecord, DroppedSeries>();
  for (const list of holders.values()) {
    if (list.length === 1) continue;
    const top = Math.max(...list.map((h) => h.dataset.priority));
    const winners = list.filter((h) => h.dataset.priority === top);
    if (winners.length > 1) {
      const [a, b] = winners as [(typeof winners)[0], (typeof winners)[0]];
      const where = (h: typeof a) => `${fileOf(h.dataset, folderOf.get(h.dataset.info.id)!)} (column ${h.series.sourceColumn})`;
      throw new ImportError(fileOf(b.dataset, folderOf.get(b.dataset.info.id)!), null, b.series.sourceColumn,
        `${a.series.indicatorId} ${a.series.period} is in both ${where(a)} and ${where(b)} with the same priority ${top}; ` +
        'give one dataset a higher priority or remove the duplicate');
    }
    const winner = winners[0]!;
    for (const h of list) {
      if (h === winner) continue;
      dropped.set(h.series, {
        indicatorId: h.series.indicatorId,
        period: h.series.period,
        droppedDatasetId: h.dataset.info.id,
        droppedPriority: h.dataset.priority,
        keptDatasetId: winner.dataset.info.id,
        keptPriority: winner.dataset.priority,
      });
    }
  }
  const kept = datasets.map((dataset): DatasetRecord => {
    const lost = dataset.series.filter((s) => dropped.has(s));
    if (lost.length === 0) return dataset;
    const hash = createHash('sha256').update(dataset.info.contentHash);
    for (const s of lost) hash.update(`\n-${s.indicatorId}\u0000${s.period}`);
    return {
      ...dataset,
      info: { ...dataset.info, contentHash: hash.digest('hex') },
      series: dataset.series.filter((s) => !dropped.has(s)),
    };
  });
  return { kept, droppedSeries: [...dropped.values()] };
}

function unique<T>(
  outputs: readonly { folder: string; output: AdapterOutput }[],
  pick: (o: AdapterOutput) => readonly T[],
  idOf: (item: T) => string,
  kind: string,
): T[] {
  const seen = new Map<string, string>();
  const all: T[] = [];
  for (const { folder, output } of outputs) {
    for (const item of pick(output)) {
      const other = seen.get(idOf(item));
      if (other !== undefined) throw new ImportError(folder, null, null, `${kind} "${idOf(item)}" is also produced from ${other}`);
      seen.set(idOf(item), folder);
      all.push(item);
    }
  }
  return all;
}
