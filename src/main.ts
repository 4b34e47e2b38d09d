#!/usr/bin/env node
// The one place that wires real I/O: the environment, the clock, the console, the SQLite file, the data
// directory, the network and the process signals. Everything else receives them (see src/cli/cli.ts).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { runCli } from './cli/cli.ts';
import { createImporter, dataDirectory } from './cli/importer.ts';
import { openSqliteStore } from './db/sqlite-store.ts';
import { loadAdapters } from './import/registry.ts';
import { listen } from './server/listen.ts';
import { loadClientFiles } from './server/static.ts';

const clock = () => new Date();
const clientDir = path.resolve(import.meta.dirname, '../dist/client');

// `buurtbeeld values … | head` closes stdout early: that is the reader's choice, not an error to crash on.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  clock,
  openStore: (file) => openSqliteStore(file),
  importer: createImporter({
    clock,
    dataSource: dataDirectory,
    loadAdapters,
    fetch: globalThis.fetch,
    sleep: (ms) => sleep(ms),
  }),
  listen,
  untilStopped: () =>
    new Promise((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }),
  loadClient: () => (existsSync(path.join(clientDir, 'index.html')) ? loadClientFiles(clientDir) : undefined),
});
