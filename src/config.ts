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
  /**
   * SHA-256 hashes (lower-case hex) of the bearer tokens that may save and delete target groups. Hashes, so that
   * the environment and process listings never hold a usable token. Empty = writing is disabled.
   */
  editorTokenHashes: string[];
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
  const editorTokenHashes = (env['BUURTBEELD_EDITOR_TOKENS'] ?? '')
    .split(',')
    .map((hash) => hash.trim().toLowerCase())
    .filter((hash) => hash !== '');
  editorTokenHashes.forEach((hash, i) => {
    // The entry is not echoed: it may be a token pasted by mistake.
    if (!/^[0-9a-f]{64}$/.test(hash)) {
      throw new Error(
        `BUURTBEELD_EDITOR_TOKENS must be comma-separated SHA-256 hashes (64 hex digits) of tokens, not the tokens themselves; entry ${i + 1} is not one (make one with: printf %s "$TOKEN" | sha256sum)`,
      );
    }
  });
  return {
    dataDir: dataDir === undefined || dataDir === '' ? null : path.resolve(dataDir),
    dbFile: path.resolve(env['BUURTBEELD_DB'] ?? DEFAULTS.dbFile),
    host: env['BUURTBEELD_HOST'] ?? DEFAULTS.host,
    port,
    odataCbsBase: env['BUURTBEELD_ODATA_CBS'] ?? DEFAULTS.odataCbsBase,
    odataRivmBase: env['BUURTBEELD_ODATA_RIVM'] ?? DEFAULTS.odataRivmBase,
    editorTokenHashes,
  };
}
