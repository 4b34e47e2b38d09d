import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { testDataDir } from '../../../test/data-dir.ts';
import { createStatlineClient, StatlineError, type StatlineClientOptions } from './client.ts';
import { startReplayServer, type ReplayOptions } from './replay-server.ts';

/** A replay server and a client on it whose sleeps are recorded instead of waited. */
async function setup(replay: Omit<ReplayOptions, 'dataDir'> = {}, client: Partial<StatlineClientOptions> = {}) {
  const server = await startReplayServer({ dataDir: testDataDir(), ...replay });
  const sleeps: number[] = [];
  const logs: string[] = [];
  const statline = createStatlineClient({
    baseUrl: server.url,
    fetch,
    timeoutMs: 5_000,
    retries: 3,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    log: (message) => logs.push(message),
    ...client,
  });
  return { server, statline, sleeps, logs };
}

function code(row: Record<string, unknown>): string {
  return String(row['WijkenEnBuurten']).trim();
}

test('typedDataSet follows odata.nextLink page by page and reproduces the published KWB 2024 figures', async (t) => {
  const { server, statline } = await setup({ pageSize: 1_000 });
  t.after(() => server.close());

  const result = await statline.typedDataSet('85984NED');

  // PROVENANCE.md: 3,735 rows = 342 gemeenten + 3,393 wijken; Amsterdam 931,298, Rotterdam 670,610 inhabitants.
  assert.equal(result.value.length, 3_735);
  assert.equal(result.value.filter((r) => code(r).startsWith('GM')).length, 342);
  assert.equal(result.value.find((r) => code(r) === 'GM0363')?.['AantalInwoners_5'], 931_298);
  assert.equal(result.value.find((r) => code(r) === 'GM0599')?.['AantalInwoners_5'], 670_610);
  assert.equal(new Set(result.value.map(code)).size, 3_735, 'no row read twice');
  assert.equal(result.bodies.length, 4, '3,735 rows at 1,000 per page');
  assert.equal(server.requests.length, 4);
  assert.match(server.requests[3]!, /\$skip=3000/);
});

test('typedDataSet sends $select and $filter and keeps them on the following pages', async (t) => {
  const { server, statline } = await setup({ pageSize: 100 });
  t.after(() => server.close());

  const result = await statline.typedDataSet('85984NED', { select: ['WijkenEnBuurten', 'AantalInwoners_5'], filter: "SoortRegio_2 eq 'Gemeente'" });

  assert.equal(result.value.length, 342);
  assert.deepEqual(Object.keys(result.value[0]!).sort(), ['AantalInwoners_5', 'WijkenEnBuurten']);
  assert.ok(server.requests.every((r) => r.includes('$select=') && r.includes('$filter=')), server.requests.join('\n'));
});

test('typedDataSet asks on with $skip when a full page comes without odata.nextLink', async (t) => {
  const { server, statline, logs } = await setup({ pageSize: 1_000, faults: { omitNextLink: true } }, { maxRowsPerResponse: 1_000 });
  t.after(() => server.close());

  const result = await statline.typedDataSet('85984NED');

  assert.equal(result.value.length, 3_735);
  assert.equal(result.value.find((r) => code(r) === 'GM0363')?.['AantalInwoners_5'], 931_298);
  assert.deepEqual(server.requests.map((r) => /\$skip=(\d+)/.exec(r)?.[1] ?? '0'), ['0', '1000', '2000', '3000']);
  assert.ok(logs.some((l) => l.includes('without odata.nextLink')));
});

test('typedDataSet reads past StatLine\'s 10,000-row cap on the RIVM table when nextLink is missing', async (t) => {
  const { server, statline } = await setup({ pageSize: 10_000, faults: { omitNextLink: true }, rivmFiles: ['gezondheid_wijk_buurt_2020_18plus.csv'] });
  t.after(() => server.close());

  const result = await statline.typedDataSet('50090NED');

  // PROVENANCE.md: 17,341 rows per file; NL01 Overgewicht_9 = 50.8 in 2020 (18+).
  assert.equal(result.value.length, 17_341);
  assert.equal(result.value.find((r) => code(r) === 'NL01')?.['Overgewicht_9'], 50.8);
  assert.equal(server.requests.length, 2);
});

test('a request answered with 503 is retried with exponential backoff until it succeeds', async (t) => {
  const { server, statline, sleeps } = await setup({ faults: { fail503: 3 } }, { retries: 3, backoffMs: 500 });
  t.after(() => server.close());

  const infos = await statline.tableInfos('85984NED');

  assert.equal(infos.value[0]?.Identifier, '85984NED');
  assert.deepEqual(sleeps, [500, 1_000, 2_000]);
  assert.equal(server.requests.length, 4);
});

test('Retry-After of a 503 sets the wait', async (t) => {
  const { server, statline, sleeps } = await setup({ faults: { fail503: 2, retryAfter: '7' } });
  t.after(() => server.close());

  await statline.tableInfos('85984NED');

  assert.deepEqual(sleeps, [7_000, 7_000]);
});

test('retries stop after the configured number and the error names table, URL and status', async (t) => {
  const { server, statline } = await setup({ faults: { fail503: 10 } }, { retries: 2 });
  t.after(() => server.close());

  const error = await statline.tableInfos('85984NED').then(() => null, (e: unknown) => e);

  assert.ok(error instanceof StatlineError);
  assert.equal(error.status, 503);
  assert.equal(error.kind, 'http');
  assert.equal(error.tableId, '85984NED');
  assert.match(error.url, /\/85984NED\/TableInfos/);
  assert.match(error.message, /85984NED.*503.*gave up after 3 attempts/);
  assert.equal(server.requests.length, 3);
});

test('a response slower than the time-out is abandoned and the retry succeeds', async (t) => {
  const { server, statline, sleeps, logs } = await setup({ faults: { delayFirst: 1, delayMs: 3_000 } }, { timeoutMs: 200 });
  t.after(() => server.close());

  const props = await statline.dataProperties('85984NED');

  assert.ok(props.value.some((p) => p.Key === 'AantalInwoners_5'));
  assert.equal(server.requests.length, 2);
  assert.equal(sleeps.length, 1);
  assert.ok(logs.some((l) => l.includes('no complete response within 200 ms')));
});

test('a time-out on every attempt ends in a StatlineError of kind timeout', async (t) => {
  const { server, statline } = await setup({ faults: { delayFirst: 5, delayMs: 3_000 } }, { timeoutMs: 100, retries: 1 });
  t.after(() => server.close());

  const error = await statline.tableInfos('85984NED').then(() => null, (e: unknown) => e);

  assert.ok(error instanceof StatlineError);
  assert.equal(error.kind, 'timeout');
  assert.equal(error.status, null);
});

test('a response whose body stalls half-way is abandoned at the time-out and the retry succeeds', async (t) => {
  const { server, statline, logs } = await setup({ faults: { stallFirst: 1 } }, { timeoutMs: 200, retries: 1 });
  t.after(() => server.close());

  const infos = await statline.tableInfos('85984NED');

  assert.equal(infos.value[0]?.Identifier, '85984NED');
  assert.equal(server.requests.length, 2);
  assert.ok(logs.some((l) => l.includes('no complete response within 200 ms')));
});

test('a fetch that never settles and ignores the abort signal still ends in a time-out', async () => {
  // Nothing else keeps the event loop alive here: the client's own timer has to end the wait.
  let calls = 0;
  const stuck: typeof fetch = () => {
    calls++;
    return new Promise<Response>(() => undefined);
  };
  const statline = createStatlineClient({ baseUrl: 'http://127.0.0.1:9/odata', fetch: stuck, timeoutMs: 50, retries: 1, sleep: async () => undefined });

  const error = await statline.tableInfos('85984NED').then(() => null, (e: unknown) => e);

  assert.ok(error instanceof StatlineError);
  assert.equal(error.kind, 'timeout');
  assert.match(error.message, /gave up after 2 attempts/);
  assert.equal(calls, 2);
});

test('createStatlineClient refuses a time-out that would not bound the wait', () => {
  for (const timeoutMs of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31]) {
    assert.throws(
      () => createStatlineClient({ baseUrl: 'http://127.0.0.1:9/odata', fetch, timeoutMs, retries: 0, sleep: async () => undefined }),
      RangeError,
      String(timeoutMs),
    );
  }
});

test('typedDataSet stops when the server ignores $skip instead of reading the same page forever', async (t) => {
  // Drops $skip from every request, so each "next" page is the first page again.
  const ignoringSkip: typeof fetch = (input, init) => fetch(String(input).replace(/&\$skip=\d+/, ''), init);
  const { server, statline } = await setup({ pageSize: 1_000, faults: { omitNextLink: true } }, { maxRowsPerResponse: 1_000, fetch: ignoringSkip });
  t.after(() => server.close());

  const error = await statline.typedDataSet('85984NED').then(() => null, (e: unknown) => e);

  assert.ok(error instanceof StatlineError);
  assert.equal(error.kind, 'invalid-response');
  assert.match(error.message, /85984NED.*repeats the previous one.*\$skip=1000/);
  assert.equal(server.requests.length, 2);
});

test('a 404 is not retried', async (t) => {
  const { server, statline, sleeps } = await setup();
  t.after(() => server.close());

  const error = await statline.tableInfos('99999NED').then(() => null, (e: unknown) => e);

  assert.ok(error instanceof StatlineError);
  assert.equal(error.status, 404);
  assert.equal(error.tableId, '99999NED');
  assert.match(error.message, /99999NED.*HTTP 404/);
  assert.equal(server.requests.length, 1);
  assert.deepEqual(sleeps, []);
});

test('a 400 for an unknown $select column is not retried and carries the server\'s explanation', async (t) => {
  const { server, statline } = await setup();
  t.after(() => server.close());

  const error = await statline.typedDataSet('85984NED', { select: ['NoSuchTopic_999'] }).then(() => null, (e: unknown) => e);

  assert.ok(error instanceof StatlineError);
  assert.equal(error.status, 400);
  assert.match(error.message, /NoSuchTopic_999/);
  assert.equal(server.requests.length, 1);
});

test('a truncated JSON body is a StatlineError that says so', async (t) => {
  const { server, statline } = await setup({ faults: { truncateFirst: 1 } });
  t.after(() => server.close());

  const error = await statline.dataProperties('85984NED').then(() => null, (e: unknown) => e);

  assert.ok(error instanceof StatlineError);
  assert.equal(error.kind, 'invalid-json');
  assert.match(error.message, /85984NED.*not valid JSON.*truncated/);
  assert.match(error.url, /DataProperties/);
});

test('a network error is retried', async () => {
  let calls = 0;
  const flaky: typeof fetch = async (input, init) => {
    calls++;
    if (calls === 1) throw new TypeError('fetch failed');
    return fetch(input, init);
  };
  const server = await startReplayServer({ dataDir: testDataDir() });
  try {
    const statline = createStatlineClient({ baseUrl: server.url, fetch: flaky, timeoutMs: 5_000, retries: 1, sleep: async () => undefined });
    const infos = await statline.tableInfos('85984NED');
    assert.equal(infos.value[0]?.Identifier, '85984NED');
    assert.equal(calls, 2);
  } finally {
    await server.close();
  }
});

test('a response that is JSON but not the StatLine shape is an invalid-response error naming the entry', async () => {
  const wrong: typeof fetch = async () => new Response(JSON.stringify({ value: [{ Key: 'AantalInwoners_5' }] }), { status: 200 });
  const statline = createStatlineClient({ baseUrl: 'http://127.0.0.1:9/odata', fetch: wrong, timeoutMs: 1_000, retries: 0, sleep: async () => undefined });

  const error = await statline.dataProperties('85984NED').then(() => null, (e: unknown) => e);

  assert.ok(error instanceof StatlineError);
  assert.equal(error.kind, 'invalid-response');
  assert.match(error.message, /DataProperties entry 0/);
});

test('dataProperties returns every entry of the real response with its unit and decimals', async (t) => {
  const { server, statline } = await setup();
  t.after(() => server.close());
  const file = JSON.parse(await readFile(path.join(testDataDir(), 'cbs-kwb-2024-85984NED-subset', '85984NED_DataProperties.json'), 'utf8')) as unknown[];

  const props = await statline.dataProperties('85984NED');

  assert.equal(props.value.length, file.length);
  const inwoners = props.value.find((p) => p.Key === 'AantalInwoners_5');
  assert.equal(inwoners?.Title, 'Aantal inwoners');
  assert.equal(inwoners?.Unit, 'aantal');
  assert.equal(inwoners?.Decimals, 0);
  assert.equal(props.value.find((p) => p.Type === 'GeoDetail')?.Key, 'WijkenEnBuurten');
});

test('categories returns the code list of a dimension', async (t) => {
  const { server, statline } = await setup();
  t.after(() => server.close());

  const codes = await statline.categories('85984NED', 'WijkenEnBuurten');

  assert.equal(codes.value.length, 3_735);
  assert.equal(codes.value.find((c) => c.Key.trim() === 'GM0363')?.Title, 'Amsterdam');
  assert.match(server.requests[0]!, /\/85984NED\/WijkenEnBuurten/);
});
