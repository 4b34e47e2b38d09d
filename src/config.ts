// The one reader of process.env. Every setting has a command-line option that overrides it (src/cli),
// an environment variable, and a default.
import path from 'node:path';

export interface Config {
  /** Data directory laid out like ../shared/data; null = import online from StatLine. */
  dataDir: string | null;
  /** SQLite database file. */
  dbFile: string;
  host: string;
  port: number;
  /** Base URLs of the StatLine OData v3 services (CBS and the "dataderden" catalogue where RIVM publishes). */
  odataCbsBase: string;
  odataRivmBase: string;
}

export const DEFAULTS = {
  dbFile: 'var/buurtbeeld.sqlite',
  host: '127.0.0.1',
  port: 8080,
  odataCbsBase: 'https://opendata.cbs.nl/ODataApi/odata',
  odataRivmBase: 'https://dataderden.cbs.nl/ODataApi/odata',
} as const;

/** Reads configuration from an environment (process.env in main.ts; a plain object in tests). */
export function readConfig(env: Record<string, string | undefined>): Config {
  const port = env['BUURTBEELD_PORT'] === undefined ? DEFAULTS.port : Number(env['BUURTBEELD_PORT']);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`BUURTBEELD_PORT must be a port number (0–65535), not "${env['BUURTBEELD_PORT']}"`);
  }
  const dataDir = env['BUURTBEELD_DATA_DIR'];
  return {
    dataDir: dataDir === undefined || dataDir === '' ? null : path.resolve(dataDir),
    dbFile: path.resolve(env['BUURTBEELD_DB'] ?? DEFAULTS.dbFile),
    host: env['BUURTBEELD_HOST'] ?? DEFAULTS.host,
    port,
    odataCbsBase: env['BUURTBEELD_ODATA_CBS'] ?? DEFAULTS.odataCbsBase,
    odataRivmBase: env['BUURTBEELD_ODATA_RIVM'] ?? DEFAULTS.odataRivmBase,
  };
}
