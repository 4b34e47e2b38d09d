// The `buurtbeeld` commands. runCli receives every piece of I/O (streams, environment, clock, store, importer,
// network listener) from main.ts, so tests run it in-process with injected fakes or the real store. The query
// commands (areas, indicators, values, datasets, classifications) go through the HTTP app in-process: the same
// validation, the same errors and the same CSV as the API.
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { readConfig } from '../config.ts';
import type { Config } from '../config.ts';
import type { Store } from '../db/store.ts';
import { buildCube } from '../domain/build-cube.ts';
import type { DataCube } from '../domain/cube.ts';
import { ImportError } from '../import/adapter.ts';
import { createApp } from '../server/app.ts';
import type { Log } from '../server/log.ts';
import type { FetchHandler, RunningServer } from '../server/listen.ts';
import type { Problem } from '../shared/api.ts';
import type { ReferenceTable } from '../shared/snapshot.ts';
import { csvToTable } from './table.ts';

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Where an import reads from: a data directory laid out like ../shared/data, or StatLine online. */
/** `prune` (--prune): also remove stored datasets whose folder the directory lacks; without it they are kept. */
export type ImportSource = { kind: 'directory'; dir: string; prune?: boolean } | { kind: 'online'; config: Config };

export interface Importer {
  /** Reads and validates everything, then writes it in one transaction. Returns summary lines for the user. */
  run(store: Store, source: ImportSource, progress: (message: string) => void): Promise<string[]>;
}

export interface CliIo {
  stdout: Output;
  stderr: Output;
  env: Record<string, string | undefined>;
  clock: () => Date;
  openStore(file: string): Promise<Store>;
  importer: Importer;
  listen(handler: FetchHandler, host: string, port: number): Promise<RunningServer>;
  /** Resolves when the server should stop (SIGINT/SIGTERM in main.ts). */
  untilStopped(): Promise<void>;
  /** The browser client to serve beside the API; undefined when it is not built (API only). Called by serve. */
  loadClient?: () => { respond(pathname: string): Response | null } | undefined;
}

/** Bad command line: shown with the usage, exit status 2. */
class UsageError extends Error {}

export const USAGE = `usage: buurtbeeld <command> [options]

commands:
  import   [--data DIR] [--db FILE] [--online] [--prune]
                                                   import the data directory (or StatLine online) into the database;
                                                   --prune also removes stored datasets whose folder is missing
  serve    [--db FILE] [--port N] [--host H]       serve the API and the app
  start    [--db FILE] [--port N] [--host H]       import on first start (no datasets yet), then serve
  areas    [--q TEXT] [--level L] [--parent CODE] [--limit N]
  indicators [--theme T]
  values   (--areas CODE,… | --level L [--parent CODE]) --indicators ID,… [--periods P,…|latest]
  datasets
  classifications
  estimate --target ID [--level gemeente|wijk] [--parent CODE]     estimated size of a target group per area
  rank     --target ID [--level gemeente|wijk] [--per province|ggdregio] [--top N] [--by number|share|density] [--strata]
                                                   top N areas per province (and urbanity stratum)

query commands take --format json|csv|table (default: table on a terminal, json otherwise).
environment: BUURTBEELD_DATA_DIR, BUURTBEELD_DB, BUURTBEELD_HOST, BUURTBEELD_PORT, BUURTBEELD_ODATA_CBS, BUURTBEELD_ODATA_RIVM,
  BUURTBEELD_EDITOR_TOKENS (SHA-256 hashes of the tokens that may save target groups; unset = read-only)
`;

const DB = { db: { type: 'string' } } as const;
const SERVE = { ...DB, port: { type: 'string' }, host: { type: 'string' } } as const;
const FORMAT = { ...DB, format: { type: 'string' } } as const;

const OPTIONS = {
  import: { ...DB, data: { type: 'string' }, online: { type: 'boolean' }, prune: { type: 'boolean' } },
  serve: SERVE,
  start: SERVE,
  areas: { ...FORMAT, q: { type: 'string' }, level: { type: 'string' }, parent: { type: 'string' }, limit: { type: 'string' } },
  indicators: { ...FORMAT, theme: { type: 'string' } },
  values: { ...FORMAT, areas: { type: 'string' }, level: { type: 'string' }, parent: { type: 'string' }, indicators: { type: 'string' }, periods: { type: 'string' } },
  datasets: FORMAT,
  classifications: FORMAT,
  estimate: { ...FORMAT, target: { type: 'string' }, level: { type: 'string' }, parent: { type: 'string' } },
  rank: {
    ...FORMAT,
    target: { type: 'string' },
    level: { type: 'string' },
    per: { type: 'string' },
    top: { type: 'string' },
    by: { type: 'string' },
    strata: { type: 'boolean' },
  },
} as const satisfies Record<string, ParseArgsConfig['options']>;

type Command = keyof typeof OPTIONS;
type Values = Record<string, string | boolean | undefined>;

/** Runs one command; resolves to the process exit status (0 ok, 1 failure, 2 bad command line). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
      (name === undefined ? io.stderr : io.stdout).write(USAGE);
      return name === undefined ? 2 : 0;
    }
    if (!Object.hasOwn(OPTIONS, name)) throw new UsageError(`unknown command "${name}"`);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(USAGE);
      return 0;
    }
    const command = name as Command;
    let values: Values;
    try {
      values = parseArgs({ args: [...rest], options: OPTIONS[command], strict: true, allowPositionals: false }).values as Values;
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const config = withOptions(readConfig(io.env), values);
    switch (command) {
      case 'import':
        return await importCommand(io, config, values['online'] === true, values['prune'] === true);
      case 'serve':
        return await serveCommand(io, config, false);
      case 'start':
        return await serveCommand(io, config, true);
      default:
        return await queryCommand(io, config, command, values);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`buurtbeeld: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    io.stderr.write(`${error instanceof ImportError ? 'import failed: ' : 'buurtbeeld: '}${oneLine(error)}\n`);
    return 1;
  }
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
}

/** Command-line options override the environment. */
function withOptions(config: Config, values: Values): Config {
  const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
  const port = text('port');
  if (port !== undefined && !/^\d{1,5}$/.test(port)) throw new UsageError(`--port must be a port number, not "${port}"`);
  if (port !== undefined && Number(port) > 65535) throw new UsageError(`--port must be at most 65535, not ${port}`);
  return {
    ...config,
    dataDir: text('data') ?? config.dataDir,
    dbFile: text('db') ?? config.dbFile,
    host: text('host') ?? config.host,
    port: port === undefined ? config.port : Number(port),
  };
}

function progressTo(io: CliIo): (message: string) => void {
  return io.stderr.isTTY === true ? (message) => io.stderr.write(`${message}\n`) : () => undefined;
}

async function withStore<T>(io: CliIo, config: Config, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await io.openStore(config.dbFile);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

function importSource(config: Config, online: boolean, prune = false): ImportSource {
  if (online || config.dataDir === null) return { kind: 'online', config };
  return prune ? { kind: 'directory', dir: config.dataDir, prune } : { kind: 'directory', dir: config.dataDir };
}

async function importCommand(io: CliIo, config: Config, online: boolean, prune: boolean): Promise<number> {
  const lines = await withStore(io, config, (store) => io.importer.run(store, importSource(config, online, prune), progressTo(io)));
  for (const line of lines) io.stdout.write(`${line}\n`);
  return 0;
}

/** The cube and the reference tables of the same snapshot, read once (the server never re-reads them). */
async function loadCube(store: Store): Promise<{ cube: DataCube; referenceTables: readonly ReferenceTable[] }> {
  const snapshot = await store.read((tx) => tx.loadSnapshot());
  return { cube: buildCube(snapshot), referenceTables: snapshot.referenceTables };
}

function logTo(io: CliIo): Log {
  const write = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    io.stderr.write(`${io.clock().toISOString()} ${level} ${message}${fields === undefined ? '' : ` ${JSON.stringify(fields)}`}\n`);
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

async function serveCommand(io: CliIo, config: Config, importFirst: boolean): Promise<number> {
  return withStore(io, config, async (store) => {
    if (importFirst) {
      const datasets = await store.read((tx) => tx.listDatasets());
      if (datasets.length === 0) {
        const source = importSource(config, false);
        io.stderr.write(`first start: importing from ${source.kind === 'directory' ? source.dir : 'StatLine (online)'}…\n`);
        for (const line of await io.importer.run(store, source, progressTo(io))) io.stderr.write(`${line}\n`);
      }
    }
    const { cube, referenceTables } = await loadCube(store);
    const app = createApp({
      store,
      clock: io.clock,
      log: logTo(io),
      cube: () => cube,
      referenceTables: () => referenceTables,
      credentials: { editorTokenHashes: config.editorTokenHashes },
      client: io.loadClient?.(),
    });
    if (config.editorTokenHashes.length === 0) io.stderr.write('saving target groups is disabled: BUURTBEELD_EDITOR_TOKENS is not set\n');
    const server = await io.listen((request) => app.fetch(request), config.host, config.port);
    io.stdout.write(`buurtbeeld is running at ${server.url}\n`);
    await io.untilStopped();
    await server.close();
    return 0;
  });
}

const QUERY_PATHS: Record<Exclude<Command, 'import' | 'serve' | 'start'>, string> = {
  areas: '/api/v1/areas',
  indicators: '/api/v1/indicators',
  values: '/api/v1/values',
  datasets: '/api/v1/datasets',
  classifications: '/api/v1/classifications',
  estimate: '/api/v1/targets/{target}/estimates',
  rank: '/api/v1/rankings',
};

async function queryCommand(io: CliIo, config: Config, command: keyof typeof QUERY_PATHS, values: Values): Promise<number> {
  const format = (values['format'] as string | undefined) ?? (io.stdout.isTTY === true ? 'table' : 'json');
  if (!['json', 'csv', 'table'].includes(format)) throw new UsageError(`--format must be json, csv or table, not "${format}"`);
  const params = new URLSearchParams();
  let path = QUERY_PATHS[command];
  if (path.includes('{target}')) {
    const target = values['target'];
    if (typeof target !== 'string' || !/^[a-z0-9-]{1,80}$/.test(target)) throw new UsageError(`${command} needs --target ID (a target group id, e.g. diabetes-type-2)`);
    path = path.replace('{target}', target);
  } else if (command === 'rank' && typeof values['target'] !== 'string') {
    throw new UsageError('rank needs --target ID (a target group id, e.g. verhoogd-risico-diabetes-type-2)');
  }
  for (const [key, value] of Object.entries(values)) {
    if (key === 'db' || key === 'format' || (key === 'target' && command === 'estimate')) continue;
    if (typeof value === 'string') params.set(key, value);
    if (value === true) params.set(key, 'true');
  }
  params.set('format', format === 'json' ? 'json' : 'csv');
  return withStore(io, config, async (store) => {
    const { cube, referenceTables } = await loadCube(store);
    const app = createApp({ store, clock: io.clock, log: logTo(io), cube: () => cube, referenceTables: () => referenceTables });
    const response = await app.fetch(new Request(`http://buurtbeeld.local${path}?${params.toString()}`));
    const body = await response.text();
    if (!response.ok) {
      let detail = body;
      try {
        const problem = JSON.parse(body) as Problem;
        detail = problem.detail ?? problem.title;
      } catch {
        // Not problem+json: show the text as it is.
      }
      io.stderr.write(`buurtbeeld ${command}: ${detail}\n`);
      return 1;
    }
    if (format === 'json') io.stdout.write(`${JSON.stringify(JSON.parse(body), null, 2)}\n`);
    else if (format === 'csv') io.stdout.write(body);
    else io.stdout.write(csvToTable(body));
    return 0;
  });
}
