// A small client for the StatLine OData v3 API (opendata.cbs.nl and the "dataderden" catalogue where RIVM
// publishes). StatLine is slow, rate-limited and occasionally returns 5xx under load, so every request has a
// time-out and is retried with exponential backoff; 4xx means our request is wrong and is never retried.
// Every response is validated with zod so that a changed API stops the import with a StatlineError instead of
// importing garbage. `fetch` and `sleep` are injected: main.ts wires the real ones, tests a local replay server.
import { z } from 'zod';

/** What went wrong, for callers that react differently (and for tests). */
export type StatlineErrorKind = 'http' | 'network' | 'timeout' | 'invalid-json' | 'invalid-response';

/** A failed StatLine request, naming the table, the URL and (for HTTP errors) the status. */
export class StatlineError extends Error {
  readonly tableId: string;
  readonly url: string;
  /** HTTP status, or null when no response arrived (network error, time-out). */
  readonly status: number | null;
  readonly kind: StatlineErrorKind;
  /** The message without table and URL. */
  readonly problem: string;

  constructor(kind: StatlineErrorKind, tableId: string, url: string, status: number | null, problem: string, options?: { cause?: unknown }) {
    super(`StatLine table ${tableId}: ${problem} (${status === null ? '' : `HTTP ${status}, `}${url})`, options);
    this.name = 'StatlineError';
    this.kind = kind;
    this.problem = problem;
    this.tableId = tableId;
    this.url = url;
    this.status = status;
  }
}

export interface StatlineClientOptions {
  /** Service root without trailing slash, e.g. https://opendata.cbs.nl/ODataApi/odata. */
  baseUrl: string;
  fetch: typeof fetch;
  /** Per attempt, including reading the body; an attempt that takes longer is abandoned (and retried). */
  timeoutMs: number;
  /** Extra attempts after the first for network errors, time-outs, 429 and 5xx. */
  retries: number;
  sleep: (ms: number) => Promise<void>;
  log?: (message: string) => void;
  /** First backoff delay; doubles per retry. Default 1,000 ms. */
  backoffMs?: number;
  /** Upper bound for one wait, also for a server's Retry-After. Default 60,000 ms. */
  maxDelayMs?: number;
  /**
   * Most rows StatLine v3 returns in one response (10,000). A page of exactly this many rows without
   * `odata.nextLink` is treated as possibly cut off, and the next page is asked for with `$skip`.
   */
  maxRowsPerResponse?: number;
  /** Clock for an HTTP-date Retry-After; default Date.now. */
  now?: () => number;
}

const odataEnvelope = z.object({
  'odata.metadata': z.string().optional(),
  'odata.nextLink': z.string().optional(),
  value: z.array(z.unknown()),
});

/** One entry of `DataProperties`: a dimension, a topic group or a topic (a measure column). */
export const dataPropertySchema = z.looseObject({
  ID: z.number().int(),
  Position: z.number().int().nullable(),
  ParentID: z.number().int().nullable(),
  Type: z.string(),
  Key: z.string(),
  Title: z.string(),
  Description: z.string().nullable().optional(),
  /** Only on topics. */
  Unit: z.string().nullable().optional(),
  Decimals: z.number().int().nullable().optional(),
  Datatype: z.string().nullable().optional(),
});
export type DataProperty = z.infer<typeof dataPropertySchema>;

export const tableInfoSchema = z.looseObject({
  ID: z.number().int(),
  Title: z.string(),
  ShortTitle: z.string().optional(),
  Identifier: z.string(),
  Modified: z.string(),
  Period: z.string().optional(),
  Catalog: z.string().optional(),
  Language: z.string().optional(),
});
export type TableInfo = z.infer<typeof tableInfoSchema>;

/** One code of a dimension (e.g. `WijkenEnBuurten`, `Leeftijd`, `Perioden`). */
export const categorySchema = z.looseObject({
  Key: z.string(),
  Title: z.string(),
  Description: z.string().nullable().optional(),
});
export type Category = z.infer<typeof categorySchema>;

/** A TypedDataSet row: dimension codes and strings as text, measures as numbers, absent figures as null. */
export const typedRowSchema = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
export type TypedRow = z.infer<typeof typedRowSchema>;

/** Parsed entries plus the raw response bodies (for a content hash) and the URLs they came from. */
export interface StatlineResult<T> {
  value: T[];
  bodies: string[];
  urls: string[];
}

export interface TypedDataSetQuery {
  /** Columns to return (`$select`); all when absent. */
  select?: readonly string[];
  /** OData `$filter` expression, e.g. `SoortRegio_2 eq 'Gemeente  '`. */
  filter?: string;
}

export interface StatlineClient {
  readonly baseUrl: string;
  tableInfos(tableId: string): Promise<StatlineResult<TableInfo>>;
  dataProperties(tableId: string): Promise<StatlineResult<DataProperty>>;
  /** All rows, following `odata.nextLink` page by page. */
  typedDataSet(tableId: string, query?: TypedDataSetQuery): Promise<StatlineResult<TypedRow>>;
  /** The code list of one dimension. */
  categories(tableId: string, dimensionKey: string): Promise<StatlineResult<Category>>;
}

const TABLE_ID = /^[0-9A-Za-z]+$/;
const DIMENSION_KEY = /^[A-Za-z][0-9A-Za-z_]*$/;

/** The body of a 2xx response, or the failure and whether another attempt may help. */
type Outcome = { body: string } | { failure: StatlineError; retryable: boolean; retryAfter: string | null };

/** Largest delay setTimeout honours; a longer one fires after 1 ms (Node) instead of waiting. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Settings that would make a wait endless or a loop unbounded are refused before any request is made. */
function checkOptions(options: StatlineClientOptions): void {
  const positive = (name: string, value: number | undefined, max = MAX_TIMER_MS) => {
    if (value !== undefined && !(Number.isFinite(value) && value > 0 && value <= max)) {
      throw new RangeError(`StatLine client: ${name} must be a number above 0 and at most ${max}, not ${value}`);
    }
  };
  positive('timeoutMs', options.timeoutMs);
  positive('backoffMs', options.backoffMs);
  positive('maxDelayMs', options.maxDelayMs);
  positive('maxRowsPerResponse', options.maxRowsPerResponse, Number.MAX_SAFE_INTEGER);
  if (!Number.isInteger(options.retries) || options.retries < 0) {
    throw new RangeError(`StatLine client: retries must be a whole number of at least 0, not ${options.retries}`);
  }
}

export function createStatlineClient(options: StatlineClientOptions): StatlineClient {
  checkOptions(options);
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const backoffMs = options.backoffMs ?? 1_000;
  const maxDelayMs = options.maxDelayMs ?? 60_000;
  const maxRows = options.maxRowsPerResponse ?? 10_000;
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => undefined);

  /** `$`-parameters are written literally, as StatLine writes them in its own links; values are encoded. */
  function tableUrl(tableId: string, entity: string, params: [string, string][] = []): string {
    if (!TABLE_ID.test(tableId)) throw new StatlineError('invalid-response', tableId, baseUrl, null, 'a table id has only letters and digits');
    const query = [['$format', 'json'], ...params].map(([k, v]) => `${k}=${encodeURIComponent(v!)}`).join('&');
    return `${baseUrl}/${tableId}/${entity}?${query}`;
  }

  /** How long to wait before retry `attempt` (0-based), honouring Retry-After (seconds or HTTP-date). */
  function delayFor(attempt: number, retryAfter: string | null): number {
    let delay = backoffMs * 2 ** attempt;
    if (retryAfter !== null) {
      const seconds = Number(retryAfter.trim());
      if (retryAfter.trim() !== '' && Number.isFinite(seconds) && seconds >= 0) delay = seconds * 1000;
      else {
        const at = Date.parse(retryAfter);
        if (Number.isFinite(at)) delay = Math.max(0, at - now());
      }
    }
    return Math.min(delay, maxDelayMs);
  }

  /** Request and body of one attempt; settles when the body has been read completely. */
  async function exchange(tableId: string, url: string, signal: AbortSignal): Promise<Outcome> {
    const response = await options.fetch(url, { signal, headers: { accept: 'application/json' } });
    if (response.ok) return { body: await response.text() };
    // Read the body so the connection can be reused; its start is a hint for the person reading the error.
    const detail = (await response.text().catch(() => '')).slice(0, 200).replace(/\s+/g, ' ').trim();
    const failure = new StatlineError('http', tableId, url, response.status,
      `the server answered ${response.status} ${response.statusText}${detail === '' ? '' : `: ${detail}`}`);
    // 4xx (other than 429 Too Many Requests) means the request itself is wrong: asking again cannot help.
    const retryable = response.status === 429 || response.status >= 500;
    return { failure, retryable, retryAfter: response.headers.get('retry-after') };
  }

  /**
   * One attempt: the body of a 2xx response, or the failure and whether another attempt may help. The time-out
   * covers headers and body. It aborts the request and, independently, ends the wait with its own timer: a
   * fetch that ignores the signal, or a body stream that stalls, cannot hold the import up. The timer is a
   * referenced one (AbortSignal.timeout's is not), so a stuck request keeps the process alive until it fires
   * instead of leaving a promise pending on an empty event loop.
   */
  async function attempt(tableId: string, url: string): Promise<Outcome> {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const reason = new DOMException(`no complete response within ${options.timeoutMs} ms`, 'TimeoutError');
        controller.abort(reason);
        reject(reason);
      }, options.timeoutMs);
    });
    try {
      return await Promise.race([exchange(tableId, url, controller.signal), deadline]);
    } catch (error) {
      const failure = controller.signal.aborted
        ? new StatlineError('timeout', tableId, url, null, `no complete response within ${options.timeoutMs} ms`, { cause: error })
        : new StatlineError('network', tableId, url, null, `network error: ${(error as Error).message}`, { cause: error });
      return { failure, retryable: true, retryAfter: null };
    } finally {
      clearTimeout(timer);
    }
  }

  /** One GET with time-out and retries; returns the body text of a 2xx response. */
  async function get(tableId: string, url: string): Promise<string> {
    for (let n = 0; ; n++) {
      const outcome = await attempt(tableId, url);
      if ('body' in outcome) return outcome.body;
      const { failure } = outcome;
      if (!outcome.retryable) throw failure;
      if (n >= options.retries) {
        throw new StatlineError(failure.kind, tableId, url, failure.status, `${failure.problem}; gave up after ${n + 1} attempts`, { cause: failure });
      }
      const delay = delayFor(n, outcome.retryAfter);
      log(`StatLine ${tableId}: ${failure.problem}; retry ${n + 1} of ${options.retries} in ${delay} ms (${url})`);
      await options.sleep(delay);
    }
  }

  /** GET, parse JSON and check the OData envelope. */
  async function getEnvelope(tableId: string, url: string): Promise<{ body: string; envelope: z.infer<typeof odataEnvelope> }> {
    const body = await get(tableId, url);
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (error) {
      throw new StatlineError('invalid-json', tableId, url, 200,
        `the response is not valid JSON (${(error as Error).message}; ${body.length} characters received); is it truncated?`, { cause: error });
    }
    const parsed = odataEnvelope.safeParse(json);
    if (!parsed.success) {
      throw new StatlineError('invalid-response', tableId, url, 200, `the response is not an OData value list: ${z.prettifyError(parsed.error).replace(/\s+/g, ' ')}`);
    }
    return { body, envelope: parsed.data };
  }

  function parseEntries<T>(tableId: string, url: string, entries: unknown[], schema: z.ZodType<T>, what: string, offset: number): T[] {
    const out: T[] = [];
    for (let i = 0; i < entries.length; i++) {
      const parsed = schema.safeParse(entries[i]);
      if (!parsed.success) {
        throw new StatlineError('invalid-response', tableId, url, 200,
          `${what} entry ${offset + i} does not have the expected shape: ${z.prettifyError(parsed.error).replace(/\s+/g, ' ')}`);
      }
      out.push(parsed.data);
    }
    return out;
  }

  async function single<T>(tableId: string, url: string, schema: z.ZodType<T>, what: string): Promise<StatlineResult<T>> {
    const { body, envelope } = await getEnvelope(tableId, url);
    return { value: parseEntries(tableId, url, envelope.value, schema, what, 0), bodies: [body], urls: [url] };
  }

  return {
    baseUrl,
    tableInfos: (tableId) => single(tableId, tableUrl(tableId, 'TableInfos'), tableInfoSchema, 'TableInfos'),
    dataProperties: (tableId) => single(tableId, tableUrl(tableId, 'DataProperties'), dataPropertySchema, 'DataProperties'),
    categories(tableId, dimensionKey) {
      if (!DIMENSION_KEY.test(dimensionKey)) {
        return Promise.reject(new StatlineError('invalid-response', tableId, baseUrl, null, `"${dimensionKey}" is not a dimension key`));
      }
      return single(tableId, tableUrl(tableId, dimensionKey), categorySchema, dimensionKey);
    },
    async typedDataSet(tableId, query = {}) {
      const params: [string, string][] = [];
      if (query.select !== undefined && query.select.length > 0) params.push(['$select', query.select.join(',')]);
      if (query.filter !== undefined && query.filter !== '') params.push(['$filter', query.filter]);
      const first = tableUrl(tableId, 'TypedDataSet', params);
      const result: StatlineResult<TypedRow> = { value: [], bodies: [], urls: [] };
      const seen = new Set<string>();
      let url: string | null = first;
      while (url !== null) {
        if (seen.has(url)) throw new StatlineError('invalid-response', tableId, url, 200, 'odata.nextLink points to a page already read');
        seen.add(url);
        const { body, envelope } = await getEnvelope(tableId, url);
        // A server that ignores $skip (or a nextLink that does not move on) would give the same page forever
        // under ever new URLs; the seen-URL check above does not catch that, this does.
        if (result.bodies.length > 0 && body === result.bodies[result.bodies.length - 1]) {
          throw new StatlineError('invalid-response', tableId, url, 200, 'the next page repeats the previous one; does the server ignore $skip?');
        }
        const rows = parseEntries(tableId, url, envelope.value, typedRowSchema, 'TypedDataSet', result.value.length);
        for (const row of rows) result.value.push(row);
        result.bodies.push(body);
        result.urls.push(url);
        const next = envelope['odata.nextLink'];
        if (next !== undefined && rows.length === 0) {
          // Every page but the last is full; a nextLink after an empty page cannot lead to more rows.
          throw new StatlineError('invalid-response', tableId, url, 200, 'odata.nextLink after a page without rows');
        }
        if (next !== undefined) {
          url = new URL(next, url).toString();
        } else if (rows.length >= maxRows) {
          // StatLine caps a response at 10,000 rows; a full page without nextLink may be cut off, so ask on.
          url = tableUrl(tableId, 'TypedDataSet', [...params, ['$skip', String(result.value.length)]]);
          log(`StatLine ${tableId}: ${rows.length} rows without odata.nextLink; asking for more with $skip=${result.value.length}`);
        } else {
          url = null;
        }
        if (url !== null) log(`StatLine ${tableId}: ${result.value.length} rows read, next page`);
      }
      return result;
    },
  };
}
