// Test utility: a local HTTP server (127.0.0.1, random port) that answers like the StatLine OData v3 API, built
// at start-up from the real files of the open-data mirror (never from copies in the repository), so the online
// import can be tested end to end without the network. It can inject the faults the client must survive.
//
// What it serves, per table:
// - 85984NED (KWB 2024): TableInfos and DataProperties are the real StatLine responses in the mirror; the
//   TypedDataSet is rebuilt from kwb_2024_gemeente_wijk_subset.csv (342 gemeenten + 3,393 wijken, 8 topics),
//   with Gemeentenaam_1 from gemeenten_2024.geojson. Only the subset's topics exist: $select of another topic
//   is a 400, as StatLine answers for an unknown property.
// - 50090NED (RIVM, only when asked for): the TypedDataSet rebuilt from the RIVM CSVs (exports of the real
//   table). The mirror has no TableInfos for it, so the replay serves a stand-in whose Modified says "replay".
// Text fields are padded with spaces as StatLine pads them (codes and SoortRegio_2 to 10, names to 40), so the
// code under test has to trim them.
// close() ends every open connection (also held-back and stalled responses), so a test's server never keeps
// the process alive.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { directorySource } from '../data-source.ts';
import { parseCsv, parseNumberCell } from '../csv.ts';

type Value = string | number | null;
type Row = Record<string, Value>;

interface ReplayTable {
  tableInfos: unknown[];
  dataProperties: unknown[] | null;
  /** Column order of a row (ID first). */
  columns: string[];
  rows: Row[];
  categories: Record<string, { Key: string; Title: string; Description: string | null }[]>;
}

export interface ReplayFaults {
  /** Answer the first N requests (any path) with 503 Service Unavailable. */
  fail503?: number;
  /** Retry-After header sent with those 503s. */
  retryAfter?: string;
  /** Hold the first N responses back for `delayMs` (to provoke a client time-out). */
  delayFirst?: number;
  delayMs?: number;
  /** Send the headers and half the body of the first N responses, then neither end nor close (a stalled stream). */
  stallFirst?: number;
  /** Cut the JSON body of the first N successful responses in half. */
  truncateFirst?: number;
  /** Leave `odata.nextLink` out of TypedDataSet pages, like a response silently capped at the page size. */
  omitNextLink?: boolean;
}

export interface ReplayOptions {
  /** The open-data mirror (testDataDir()). */
  dataDir: string;
  /** Rows per TypedDataSet response; StatLine's is 10,000. */
  pageSize?: number;
  faults?: ReplayFaults;
  /** Also serve RIVM 50090NED, rebuilt from these files of rivm-gezondheid-wijk-buurt-2012-2016-2020/. */
  rivmFiles?: string[];
}

export interface ReplayServer {
  /** Service root, e.g. http://127.0.0.1:41234/ODataApi/odata (no trailing slash). */
  url: string;
  /** Path and query of every request received, in order. */
  requests: string[];
  close(): Promise<void>;
}

const KWB_DIR = 'cbs-kwb-2024-85984NED-subset';
const RIVM_DIR = 'rivm-gezondheid-wijk-buurt-2012-2016-2020';
const ROOT = '/ODataApi/odata';

const pad = (s: string, width: number) => s.padEnd(width, ' ');

function numberOrNull(raw: string, file: string, line: number, column: string): number | null {
  const [value] = parseNumberCell(raw, { file, line, column }, { cbsSymbols: false });
  return Number.isNaN(value) ? null : value;
}

async function loadKwb(dataDir: string): Promise<ReplayTable> {
  const source = directorySource(dataDir);
  const tableInfos = JSON.parse(await source.readText(`${KWB_DIR}/85984NED_TableInfos.json`)) as unknown[];
  const dataProperties = JSON.parse(await source.readText(`${KWB_DIR}/85984NED_DataProperties.json`)) as unknown[];
  const geo = JSON.parse(await source.readText('gemeenten-2012-2024-pdok/gemeenten_2024.geojson')) as {
    features: { properties: { gemeentecode?: string; gemeentenaam?: string } }[];
  };
  const names = new Map<string, string>();
  for (const f of geo.features) {
    if (f.properties.gemeentecode !== undefined && f.properties.gemeentenaam !== undefined) names.set(f.properties.gemeentecode, f.properties.gemeentenaam);
  }
  const file = `${KWB_DIR}/kwb_2024_gemeente_wijk_subset.csv`;
  const table = parseCsv(await source.readText(file), file, { required: ['Codering_3', 'SoortRegio'] });
  const topics = table.header.filter((h) => h !== 'Codering_3' && h !== 'SoortRegio');
  const columns = ['ID', 'WijkenEnBuurten', 'Gemeentenaam_1', 'SoortRegio_2', 'Codering_3', ...topics];
  const rows: Row[] = [];
  const categories: ReplayTable['categories'] = { WijkenEnBuurten: [] };
  table.rows.forEach((cells, i) => {
    const code = cells[table.header.indexOf('Codering_3')]!;
    const gemeente = names.get(`GM${code.slice(2, 6)}`) ?? null;
    const row: Row = {
      ID: i,
      WijkenEnBuurten: pad(code, 10),
      Gemeentenaam_1: gemeente === null ? null : pad(gemeente, 40),
      SoortRegio_2: pad(cells[table.header.indexOf('SoortRegio')]!, 10),
      Codering_3: pad(code, 10),
    };
    for (const topic of topics) row[topic] = numberOrNull(cells[table.header.indexOf(topic)]!, file, table.lines[i]!, topic);
    rows.push(row);
    // The mirror has no wijk names for 2024: a wijk's Title is its code (StatLine gives the real name).
    categories['WijkenEnBuurten']!.push({ Key: pad(code, 10), Title: code.startsWith('GM') && gemeente !== null ? gemeente : code, Description: null });
  });
  return { tableInfos, dataProperties, columns, rows, categories };
}

async function loadRivm(dataDir: string, files: readonly string[]): Promise<ReplayTable> {
  const source = directorySource(dataDir);
  const rows: Row[] = [];
  let columns: string[] = [];
  const seen = new Map<string, Map<string, string>>([['Leeftijd', new Map()], ['Marges', new Map()], ['Perioden', new Map()], ['WijkenEnBuurten', new Map()]]);
  for (const name of files) {
    const file = `${RIVM_DIR}/${name}`;
    const table = parseCsv(await source.readText(file), file, { required: ['Leeftijd', 'Leeftijd_label', 'Marges', 'RegioCode', 'Perioden', 'Gemeentenaam_1', 'SoortRegio_2'] });
    const at = (h: string) => table.header.indexOf(h);
    const topics = table.header.filter((h) => /_\d+$/.test(h) && h !== 'Gemeentenaam_1' && h !== 'SoortRegio_2');
    columns = ['ID', 'Leeftijd', 'Marges', 'WijkenEnBuurten', 'Perioden', 'Gemeentenaam_1', 'SoortRegio_2', 'Codering_3', ...topics];
    table.rows.forEach((cells, i) => {
      const code = cells[at('RegioCode')]!;
      const row: Row = {
        ID: rows.length,
        Leeftijd: cells[at('Leeftijd')]!,
        Marges: cells[at('Marges')]!,
        WijkenEnBuurten: pad(code, 10),
        Perioden: cells[at('Perioden')]!,
        Gemeentenaam_1: pad(cells[at('Gemeentenaam_1')]!, 40),
        SoortRegio_2: pad(cells[at('SoortRegio_2')]!, 10),
        Codering_3: pad(code, 10),
      };
      for (const topic of topics) row[topic] = numberOrNull(cells[at(topic)]!, file, table.lines[i]!, topic);
      rows.push(row);
      seen.get('Leeftijd')!.set(cells[at('Leeftijd')]!, cells[at('Leeftijd_label')]!);
      seen.get('Marges')!.set(cells[at('Marges')]!, cells[at('Marges')] === 'MW00000' ? 'Waarde' : cells[at('Marges')]!);
      seen.get('Perioden')!.set(cells[at('Perioden')]!, cells[at('Perioden')]!.slice(0, 4));
      seen.get('WijkenEnBuurten')!.set(pad(code, 10), code.startsWith('GM') ? cells[at('Gemeentenaam_1')]! : code);
    });
  }
  const categories: ReplayTable['categories'] = {};
  for (const [dimension, codes] of seen) categories[dimension] = [...codes].map(([Key, Title]) => ({ Key, Title, Description: null }));
  const tableInfos = [{
    ID: 0,
    Title: 'Gezondheid per wijk en buurt; 2012/2016/2020 (indeling 2020)',
    ShortTitle: 'Gezondheid per wijk en buurt',
    Identifier: '50090NED',
    Modified: 'replay',
    Catalog: 'RIVM',
    Language: 'nl',
    ShortDescription: 'Stand-in from the replay server: the open-data mirror has no TableInfos for 50090NED.',
  }];
  return { tableInfos, dataProperties: null, columns, rows, categories };
}

/** A `$filter` of `Key eq 'value'` clauses joined by `and`; values compare with surrounding spaces ignored. */
function parseFilter(filter: string, columns: readonly string[]): ((row: Row) => boolean) | string {
  const clauses = filter.split(/\s+and\s+/);
  const tests: [string, string][] = [];
  for (const clause of clauses) {
    const m = /^\s*([A-Za-z][A-Za-z0-9_]*)\s+eq\s+'((?:[^']|'')*)'\s*$/.exec(clause);
    if (m === null) return `the replay server only understands "Key eq 'value'" clauses joined by "and", not "${clause}"`;
    if (!columns.includes(m[1]!)) return `no property "${m[1]}"`;
    tests.push([m[1]!, m[2]!.replace(/''/g, "'").trim()]);
  }
  return (row) => tests.every(([key, value]) => typeof row[key] === 'string' && (row[key] as string).trim() === value);
}

export async function startReplayServer(options: ReplayOptions): Promise<ReplayServer> {
  const pageSize = options.pageSize ?? 10_000;
  const faults = options.faults ?? {};
  const tables = new Map<string, ReplayTable>([['85984NED', await loadKwb(options.dataDir)]]);
  if (options.rivmFiles !== undefined) tables.set('50090NED', await loadRivm(options.dataDir, options.rivmFiles));
  const requests: string[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let truncated = 0;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const n = requests.length;
    requests.push(req.url ?? '');
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
    const send = (status: number, body: unknown) => {
      let text = JSON.stringify(body);
      if (status === 200 && truncated < (faults.truncateFirst ?? 0)) {
        truncated++;
        text = text.slice(0, Math.floor(text.length / 2));
      }
      const bytes = Buffer.from(text, 'utf8');
      const write = () => {
        if (res.destroyed) return;
        res.writeHead(status, {
          'content-type': 'application/json;odata=minimalmetadata;streaming=true;charset=utf-8',
          'content-length': bytes.length,
        });
        // The rest of a stalled body never comes; close() ends the connection (closeAllConnections).
        if (n < (faults.stallFirst ?? 0)) res.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
        else res.end(bytes);
      };
      if (n < (faults.delayFirst ?? 0)) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          write();
        }, faults.delayMs ?? 10_000);
        timers.add(timer);
      } else {
        write();
      }
    };
    const error = (status: number, message: string) => send(status, { 'odata.error': { code: '', message: { lang: 'en-US', value: message } } });

    if (n < (faults.fail503 ?? 0)) {
      res.writeHead(503, { 'content-type': 'text/plain', ...(faults.retryAfter === undefined ? {} : { 'retry-after': faults.retryAfter }) });
      res.end('Service Unavailable');
      return;
    }
    const url = new URL(req.url ?? '/', origin);
    if (req.method !== 'GET') return error(405, 'only GET');
    if (!url.pathname.startsWith(`${ROOT}/`)) return error(404, 'not found');
    const [tableId, entity, ...rest] = url.pathname.slice(ROOT.length + 1).split('/');
    const table = tables.get(tableId ?? '');
    if (table === undefined || entity === undefined || rest.length > 0) return error(404, `no resource ${url.pathname}`);
    const metadata = `${origin}${ROOT}/${tableId}/$metadata#Cbs.OData.WebAPI.${entity}`;
    if (entity === 'TableInfos') return send(200, { 'odata.metadata': metadata, value: table.tableInfos });
    if (entity === 'DataProperties') {
      if (table.dataProperties === null) return error(404, `the mirror has no DataProperties for ${tableId}`);
      return send(200, { 'odata.metadata': metadata, value: table.dataProperties });
    }
    const codes = table.categories[entity];
    if (codes !== undefined) return send(200, { 'odata.metadata': metadata, value: codes });
    if (entity !== 'TypedDataSet') return error(404, `no resource ${url.pathname}`);

    const params = url.searchParams;
    const select = params.get('$select')?.split(',').map((s) => s.trim()).filter((s) => s !== '') ?? table.columns;
    const unknown = select.filter((s) => !table.columns.includes(s));
    if (unknown.length > 0) return error(400, `no property "${unknown.join('", "')}" in ${tableId} (the replay has only: ${table.columns.join(', ')})`);
    let rows = table.rows;
    const filter = params.get('$filter');
    if (filter !== null && filter.trim() !== '') {
      const test = parseFilter(filter, table.columns);
      if (typeof test === 'string') return error(400, test);
      rows = rows.filter(test);
    }
    const skip = Number(params.get('$skip') ?? '0');
    const top = params.has('$top') ? Number(params.get('$top')) : Number.POSITIVE_INFINITY;
    if (!Number.isInteger(skip) || skip < 0 || !(top === Number.POSITIVE_INFINITY || (Number.isInteger(top) && top >= 0))) {
      return error(400, '$skip and $top must be non-negative integers');
    }
    const end = Math.min(rows.length, skip + top);
    const pageEnd = Math.min(end, skip + pageSize);
    const value = rows.slice(skip, pageEnd).map((row) => Object.fromEntries(select.map((k) => [k, row[k] ?? null])));
    const body: Record<string, unknown> = { 'odata.metadata': `${metadata}`, value };
    if (pageEnd < end && faults.omitNextLink !== true) {
      const next: [string, string][] = [...params].filter(([k]) => k !== '$skip' && k !== '$top');
      if (top !== Number.POSITIVE_INFINITY) next.push(['$top', String(end - pageEnd)]);
      next.push(['$skip', String(pageEnd)]);
      const query = next.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
      body['odata.nextLink'] = `${origin}${ROOT}/${tableId}/TypedDataSet?${query}`;
    }
    return send(200, body);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${ROOT}`,
    requests,
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((err) => (err === undefined ? resolve() : reject(err))));
    },
  };
}

