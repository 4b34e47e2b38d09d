// Child process of bench/run.ts: one full offline import of the data directory into a fresh SQLite file.
// Runs in its own process so that its peak RSS (process.resourceUsage().maxRSS) is the import's alone.
// Usage: node bench/import-child.ts <data-dir> <db-file>; prints one JSON line { importMs, maxRssKb, datasets }.
import { performance } from 'node:perf_hooks';
import { openSqliteStore } from '../src/db/sqlite-store.ts';
import { dataDirectory } from '../src/cli/importer.ts';
import { loadAdapters } from '../src/import/registry.ts';
import { readDataDirectory, writeImport } from '../src/import/run-import.ts';

const [dataDir, dbFile] = process.argv.slice(2);
if (dataDir === undefined || dbFile === undefined) throw new Error('usage: node bench/import-child.ts <data-dir> <db-file>');

const start = performance.now();
const store = await openSqliteStore(dbFile);
const source = dataDirectory(dataDir);
const input = await readDataDirectory(source, await loadAdapters());
const readMs = performance.now() - start;
const report = await writeImport(store, input, () => new Date());
await store.close();
const importMs = performance.now() - start;
process.stdout.write(
  `${JSON.stringify({ importMs, readMs, maxRssKb: process.resourceUsage().maxRSS, datasets: report.datasets.length, series: report.datasets.reduce((n, d) => n + d.seriesCount, 0) })}\n`,
);
