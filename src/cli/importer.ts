// The real Importer behind `buurtbeeld import` and first `start`: the data directory through the adapters of
// the registry, or StatLine online; then one write transaction. I/O (the directory, fetch, sleep) is injected
// by main.ts. Returns the lines the user sees: what was added, replaced, unchanged, removed, dropped.
import { readdir } from 'node:fs/promises';
import type { AdapterOutput, DatasetAdapter } from '../import/adapter.ts';
import { directorySource } from '../import/data-source.ts';
import { createStatlineClient } from '../import/odata/client.ts';
import { readOnline } from '../import/odata/statline-tables.ts';
import { readDataDirectory, writeImport } from '../import/run-import.ts';
import type { DirectoryImport, FolderListingSource, ImportProgressEvent, ImportReport } from '../import/run-import.ts';
import type { Config } from '../config.ts';
import type { Importer } from './cli.ts';

export interface ImporterDeps {
  clock: () => Date;
  dataSource(dir: string): FolderListingSource;
  loadAdapters(): Promise<DatasetAdapter[]>;
  fetch: typeof fetch;
  sleep(ms: number): Promise<void>;
}

/** The data directory on disk, able to list its folders so that a folder no adapter reads is reported. */
export function dataDirectory(dir: string): FolderListingSource {
  return {
    ...directorySource(dir),
    listFolders: async () => (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name),
  };
}

export function createImporter(deps: ImporterDeps): Importer {
  return {
    async run(store, source, progress) {
      const onEvent = (e: ImportProgressEvent) => progress(`${e.step} (${e.done}/${e.total})`);
      const input =
        source.kind === 'directory'
          ? await readDataDirectory(deps.dataSource(source.dir), await deps.loadAdapters(), onEvent)
          : asImport(await readOnline(onlineClients(deps, source.config, progress), progress));
      const prune = source.kind === 'directory' && source.prune === true;
      return summarise(await writeImport(store, input, deps.clock, onEvent, { prune }));
    },
  };
}

function onlineClients(deps: ImporterDeps, config: Config, progress: (message: string) => void) {
  const options = { fetch: deps.fetch, sleep: deps.sleep, timeoutMs: 60_000, retries: 4, log: progress };
  return {
    cbs: createStatlineClient({ ...options, baseUrl: config.odataCbsBase }),
    rivm: createStatlineClient({ ...options, baseUrl: config.odataRivmBase }),
  };
}

/** The online output has no folders to check and one dataset per table, so nothing is dropped. */
function asImport(output: AdapterOutput): DirectoryImport {
  return { ...output, missingFolders: [], unknownFolders: null, droppedSeries: [] };
}

/** The report as a few readable lines. */
export function summarise(report: ImportReport): string[] {
  const count = (outcome: string) => report.datasets.filter((d) => d.outcome === outcome).length;
  const lines = [
    `import ${report.importedAt}: ${report.datasets.length} datasets (${count('added')} added, ${count('replaced')} replaced, ${count('unchanged')} unchanged), ${report.removedDatasets.length} removed, ${report.keptDatasets.length} kept`,
  ];
  for (const d of report.datasets) lines.push(`  ${d.id}: ${d.outcome}, ${d.areaCount} areas, ${d.seriesCount} series`);
  for (const id of report.removedDatasets) lines.push(`  ${id}: removed (no longer in the source)`);
  const tables = Object.entries(report.tables).map(([name, t]) => `${name} ${t.count}${t.written ? ' (written)' : ''}`);
  lines.push(`tables: ${tables.join(', ')}`);
  // One line per pair of datasets: which series the lower-priority one holds too, and which one is kept.
  const pairs = new Map<string, { kept: string; dropped: string; keptPriority: number; droppedPriority: number; series: string[] }>();
  for (const s of report.droppedSeries) {
    const key = `${s.droppedDatasetId}|${s.keptDatasetId}`;
    let pair = pairs.get(key);
    if (pair === undefined) {
      pair = { kept: s.keptDatasetId, dropped: s.droppedDatasetId, keptPriority: s.keptPriority, droppedPriority: s.droppedPriority, series: [] };
      pairs.set(key, pair);
    }
    pair.series.push(`${s.indicatorId} ${s.period}`);
  }
  for (const p of pairs.values()) {
    const shown = p.series.slice(0, 6).join(', ') + (p.series.length > 6 ? `, … (${p.series.length - 6} more)` : '');
    lines.push(`  ${p.dropped} (priority ${p.droppedPriority}) also holds ${p.series.length} series of ${p.kept} (priority ${p.keptPriority}); kept from ${p.kept}: ${shown}`);
  }
  for (const id of report.keptDatasets) lines.push(`  ${id}: kept (its folder is missing; --prune removes it)`);
  if (report.missingFolders.length > 0) lines.push(`folders not found (not imported): ${report.missingFolders.join(', ')}`);
  if (report.unknownFolders !== null && report.unknownFolders.length > 0) {
    lines.push(`folders without an adapter (ignored): ${report.unknownFolders.join(', ')}`);
  }
  return lines;
}
