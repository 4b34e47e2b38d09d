import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import type { Area, Indicator } from '../shared/types.ts';
import type { AreaDetail, ListResponse, Problem, ValueRow } from '../shared/api.ts';
import type { DataCube } from '../domain/cube.ts';
import type { StoredDataset } from '../db/store.ts';
import type { GeometryRecord } from '../shared/snapshot.ts';
import { API_BASE, createApp, MAX_QUERY_LENGTH } from './app.ts';
import { MAX_VALUE_ROWS } from './values.ts';
import { policyOf } from './authorize.ts';
import { openApiDocument } from './openapi.ts';
import type { Log } from './log.ts';
import { silentLog } from './log.ts';
import { fixtureCube } from './testing/fixture-cube.ts';
import { memoryStore } from './testing/memory-store.ts';

const clock = () => new Date('2024-01-01T00:00:00Z');

function appWith(cube: DataCube = fixtureCube(), options: { log?: Log; datasets?: StoredDataset[]; geometries?: GeometryRecord[] } = {}) {
  return createApp({
    store: memoryStore({ datasets: options.datasets, geometries: options.geometries }),
    clock,
    log: options.log ?? silentLog,
    cube: () => cube,
  });
}

async function get(path: string, headers: Record<string, string> = {}, cube?: DataCube) {
  return appWith(cube).fetch(new Request(`http://localhost${path}`, { headers }));
}

async function problem(response: Response): Promise<Problem> {
  assert.equal(response.headers.get('content-type'), 'application/problem+json');
  return (await response.json()) as Problem;
}

function csvRecords(text: string): Record<string, string>[] {
  return parse(text, { columns: true }) as Record<string, string>[];
}

describe('GET /api/v1/values', () => {
  test('returns one long-format row per area × indicator × period with the cube value, unit, estimate flag and source', async () => {
    const cube = fixtureCube();
    const response = await get('/api/v1/values?areas=GM0363,GM0599&indicators=inwoners,overgewicht_18plus&periods=2022,2020', {}, cube);
    assert.equal(response.status, 200);
    const { items } = (await response.json()) as ListResponse<ValueRow>;
    assert.deepEqual(
      items.map((r) => `${r.indicator} ${r.period} ${r.area}`),
      ['inwoners 2022 GM0363', 'inwoners 2022 GM0599', 'overgewicht_18plus 2020 GM0363', 'overgewicht_18plus 2020 GM0599'],
    );
    const amsterdam = items[0]!;
    assert.equal(amsterdam.value, cube.cell('inwoners', '2022', 'GM0363').value);
    assert.equal(amsterdam.unit, 'count');
    assert.equal(amsterdam.isEstimate, false);
    const provenance = cube.indicators.get('inwoners')!.periods.find((p) => p.period === '2022')!.provenance;
    assert.deepEqual(amsterdam.source, {
      datasetId: provenance.datasetId,
      tableId: provenance.tableId,
      column: provenance.sourceColumn,
      classificationYear: provenance.classificationYear,
    });
    const overweight = items[2]!;
    assert.equal(overweight.value, cube.cell('overgewicht_18plus', '2020', 'GM0363').value);
    assert.equal(overweight.isEstimate, true);
  });

  test('keeps a missing value missing: null with its reason, never 0', async () => {
    const response = await get('/api/v1/values?areas=GM0599,WK059900,WK036301&indicators=overgewicht_18plus,inwoners&periods=2020,2021');
    const { items } = (await response.json()) as ListResponse<ValueRow>;
    const find = (indicator: string, area: string) => items.find((r) => r.indicator === indicator && r.area === area)!;
    assert.deepEqual([find('overgewicht_18plus', 'GM0599').value, find('overgewicht_18plus', 'GM0599').missing], [null, 'empty']);
    assert.deepEqual([find('inwoners', 'WK059900').value, find('inwoners', 'WK059900').missing], [null, 'secret']);
    assert.deepEqual([find('inwoners', 'WK036301').value, find('inwoners', 'WK036301').missing], [null, 'not-in-dataset']);
  });

  test('level and parent select the areas of that level inside the parent that the dataset holds', async () => {
    const cube = fixtureCube();
    const response = await get('/api/v1/values?level=wijk&parent=GM0363&indicators=inwoners&periods=2022', {}, cube);
    const { items } = (await response.json()) as ListResponse<ValueRow>;
    const expected = cube.column('inwoners', '2022')!.codes.filter((c) => cube.area(c)?.level === 'wijk' && cube.area(c)?.parentCode === 'GM0363');
    assert.deepEqual(items.map((r) => r.area), expected);
    assert.ok(expected.length >= 2);
  });

  test('level without parent gives every area of the level in the dataset; a provincie works as parent', async () => {
    const cube = fixtureCube();
    const all = ((await (await get('/api/v1/values?level=wijk&indicators=inwoners&periods=2022', {}, cube)).json()) as ListResponse<ValueRow>).items;
    assert.deepEqual(all.map((r) => r.area), cube.column('inwoners', '2022')!.codes.filter((c) => cube.area(c)?.level === 'wijk'));
    const inProvince = ((await (await get('/api/v1/values?level=wijk&parent=PV28&indicators=inwoners&periods=2022', {}, cube)).json()) as ListResponse<ValueRow>).items;
    assert.deepEqual(inProvince.map((r) => r.area), ['WK059900']);
  });

  test('latest is the most recent period of each indicator, and is the default', async () => {
    const cube = fixtureCube();
    const explicit = ((await (await get('/api/v1/values?areas=NL00&indicators=inwoners,overgewicht_18plus&periods=latest', {}, cube)).json()) as ListResponse<ValueRow>).items;
    assert.deepEqual(explicit.map((r) => r.period), [cube.latestPeriod('inwoners'), cube.latestPeriod('overgewicht_18plus')]);
    const byDefault = ((await (await get('/api/v1/values?areas=NL00&indicators=inwoners,overgewicht_18plus', {}, cube)).json()) as ListResponse<ValueRow>).items;
    assert.deepEqual(byDefault, explicit);
  });

  test('format=csv and Accept: text/csv give the same rows as RFC 4180 CSV', async () => {
    const cube = fixtureCube();
    const byParam = await get('/api/v1/values?areas=GM0363,GM0599&indicators=overgewicht_18plus&periods=2020&format=csv', {}, cube);
    assert.match(byParam.headers.get('content-type')!, /^text\/csv/);
    const text = await byParam.text();
    assert.ok(text.endsWith('\r\n'));
    const records = csvRecords(text);
    assert.equal(Number(records[0]!['value']), cube.cell('overgewicht_18plus', '2020', 'GM0363').value);
    assert.deepEqual([records[1]!['value'], records[1]!['missing']], ['', 'empty']);
    assert.equal(records[0]!['isEstimate'], 'true');
    const byAccept = await get('/api/v1/values?areas=GM0363,GM0599&indicators=overgewicht_18plus&periods=2020', { accept: 'text/csv' }, cube);
    assert.equal(await byAccept.text(), text);
  });

  test('an unknown area, indicator or period is a 404 problem naming it', async () => {
    for (const [query, named] of [
      ['areas=GM9999&indicators=inwoners', 'GM9999'],
      ['areas=GM0363&indicators=no_such_thing', 'no_such_thing'],
      ['areas=GM0363&indicators=inwoners&periods=1999', '1999'],
      ['level=wijk&parent=GM9999&indicators=inwoners', 'GM9999'],
    ] as const) {
      const response = await get(`/api/v1/values?${query}`);
      assert.equal(response.status, 404, query);
      assert.match((await problem(response)).detail!, new RegExp(named));
    }
  });

  test('a malformed query is a 400 problem that says what is wrong', async () => {
    for (const query of [
      'indicators=inwoners', // neither areas nor level
      'areas=GM0363&level=wijk&indicators=inwoners', // both
      'areas=GM0363', // no indicators
      'areas=GM 0363&indicators=inwoners', // not a code
      'areas=GM0363&indicators=inwoners&level=district', // unknown level
      'areas=GM0363&indicators=inwoners&colour=red', // unknown parameter
      'areas=GM0363&areas=GM0599&indicators=inwoners', // repeated parameter
      'areas=GM0363&parent=GM0363&indicators=inwoners', // parent without level
    ]) {
      const response = await get(`/api/v1/values?${query}`);
      assert.equal(response.status, 400, query);
      const body = await problem(response);
      assert.equal(body.status, 400);
      assert.ok(body.detail !== undefined && body.detail.length > 0);
    }
  });
});

describe('GET /api/v1/values row limit', () => {
  function limitedApp(cube: DataCube, maxValueRows: number) {
    return createApp({ store: memoryStore({}), clock, log: silentLog, cube: () => cube, maxValueRows });
  }
  async function rowsOf(response: Response): Promise<ValueRow[]> {
    assert.equal(response.status, 200);
    return ((await response.json()) as ListResponse<ValueRow>).items;
  }

  test('a query of more rows than maxValueRows is a 413 problem that points to /download; one at the limit is served', async () => {
    const cube = fixtureCube();
    const path = '/api/v1/values?level=wijk&indicators=inwoners,overgewicht_18plus&periods=2020,2022';
    const unlimited = await rowsOf(await appWith(cube).fetch(new Request(`http://localhost${path}`)));
    assert.ok(unlimited.length >= 3);

    const atLimit = await rowsOf(await limitedApp(cube, unlimited.length).fetch(new Request(`http://localhost${path}`)));
    assert.deepEqual(atLimit, unlimited);

    const overLimit = await limitedApp(cube, unlimited.length - 1).fetch(new Request(`http://localhost${path}`));
    assert.equal(overLimit.status, 413);
    const body = await problem(overLimit);
    assert.match(body.detail!, new RegExp(`would return ${unlimited.length} rows`));
    assert.match(body.detail!, /\/api\/v1\/download/);
  });

  test('the limit counts explicit areas × series, and only the areas inside a parent', async () => {
    const cube = fixtureCube();
    const codes = '/api/v1/values?areas=GM0363,GM0599,NL00&indicators=inwoners&periods=2022';
    assert.equal((await limitedApp(cube, 3).fetch(new Request(`http://localhost${codes}`))).status, 200);
    assert.equal((await limitedApp(cube, 2).fetch(new Request(`http://localhost${codes}`))).status, 413);

    const inAmsterdam = '/api/v1/values?level=wijk&parent=GM0363&indicators=inwoners&periods=2022';
    const wijken = await rowsOf(await appWith(cube).fetch(new Request(`http://localhost${inAmsterdam}`)));
    const allWijken = await rowsOf(await appWith(cube).fetch(new Request('http://localhost/api/v1/values?level=wijk&indicators=inwoners&periods=2022')));
    assert.ok(wijken.length < allWijken.length);
    assert.equal((await limitedApp(cube, wijken.length).fetch(new Request(`http://localhost${inAmsterdam}`))).status, 200);
    assert.equal((await limitedApp(cube, wijken.length - 1).fetch(new Request(`http://localhost${inAmsterdam}`))).status, 413);
  });

  test('the default limit is MAX_VALUE_ROWS, and the OpenAPI document states it with the 413', () => {
    const values = openApiDocument.paths['/values']!.get!;
    assert.ok(values.responses['413'] !== undefined);
    assert.match(values.description!, new RegExp(`more than ${MAX_VALUE_ROWS} rows`));
  });
});

describe('GET /api/v1/areas', () => {
  test('searches by name and writes names with commas and quotes as quoted CSV fields', async () => {
    const cube = fixtureCube();
    const json = (await (await get('/api/v1/areas?q=Centrum', {}, cube)).json()) as ListResponse<Area>;
    const expected = cube.searchAreas({ q: 'Centrum', limit: 20 });
    assert.deepEqual(json.items, expected);
    const csv = await (await get('/api/v1/areas?q=Centrum&format=csv', {}, cube)).text();
    assert.ok(csv.includes('"Centrum, ""Oude"" Stad"'));
    assert.deepEqual(csvRecords(csv).map((r) => r['name']), expected.map((a) => a.name));
  });

  test('validates limit and level', async () => {
    assert.equal((await get('/api/v1/areas?limit=abc')).status, 400);
    assert.equal((await get('/api/v1/areas?limit=0')).status, 400);
    assert.equal((await get('/api/v1/areas?level=planet')).status, 400);
    assert.equal((await get('/api/v1/areas?parent=GM9999')).status, 404);
  });

  test('GET /areas/{code} gives the area with its ancestors and children', async () => {
    const cube = fixtureCube();
    const response = await get('/api/v1/areas/GM0363', {}, cube);
    assert.equal(response.status, 200);
    const detail = (await response.json()) as AreaDetail;
    assert.deepEqual(detail.area, cube.area('GM0363'));
    assert.deepEqual(detail.ancestors.map((a) => a.code), cube.ancestors('GM0363').map((a) => a.code));
    assert.deepEqual(detail.children.map((a) => a.code), cube.children('GM0363').map((a) => a.code));
    assert.equal((await get('/api/v1/areas/GM9999')).status, 404);
    assert.equal((await get('/api/v1/areas/GM0363?format=csv')).status, 406);
  });
});

describe('GET /api/v1/indicators', () => {
  test('lists the catalog with periods and provenance, filtered by theme', async () => {
    const cube = fixtureCube();
    const all = (await (await get('/api/v1/indicators', {}, cube)).json()) as ListResponse<Indicator>;
    assert.deepEqual(all.items, [...cube.indicators.values()]);
    const leefstijl = (await (await get('/api/v1/indicators?theme=leefstijl', {}, cube)).json()) as ListResponse<Indicator>;
    assert.deepEqual(leefstijl.items.map((i) => i.id), [...cube.indicators.values()].filter((i) => i.theme === 'leefstijl').map((i) => i.id));
    assert.equal((await get('/api/v1/indicators?theme=weather')).status, 400);
  });

  test('GET /indicators/{id} gives one indicator or a 404', async () => {
    const cube = fixtureCube();
    assert.deepEqual(await (await get('/api/v1/indicators/inwoners', {}, cube)).json(), cube.indicators.get('inwoners'));
    assert.equal((await get('/api/v1/indicators/nope')).status, 404);
  });
});

describe('GET /api/v1/datasets, /classifications, /geometries', () => {
  const dataset: StoredDataset = {
    id: 'fixture-2022',
    titleNl: 'Fixture, "test"',
    publisher: 'Fixture',
    tableId: 'T2022',
    licence: 'CC BY 4.0',
    classificationYear: 2022,
    source: ['fixture.csv'],
    contentHash: 'abc',
    importedAt: '2024-01-01T00:00:00.000Z',
    priority: 1,
    seriesCount: 1,
    areaCount: 6,
  };
  const geometry: GeometryRecord = {
    id: 'gemeente-2022',
    level: 'gemeente',
    classificationYear: 2022,
    codeProperty: 'code',
    topojson: '{"type":"Topology","objects":{"gemeente-2022":{"type":"GeometryCollection","geometries":[]}},"arcs":[]}',
    datasetId: 'fixture-2022',
  };

  test('datasets are listed from the store as JSON and CSV', async () => {
    const app = appWith(fixtureCube(), { datasets: [dataset] });
    const json = (await (await app.fetch(new Request('http://localhost/api/v1/datasets'))).json()) as ListResponse<StoredDataset>;
    assert.deepEqual(json.items, [dataset]);
    const csv = csvRecords(await (await app.fetch(new Request('http://localhost/api/v1/datasets?format=csv'))).text());
    assert.equal(csv[0]!['titleNl'], dataset.titleNl);
  });

  test('classifications report the cube diffs, one CSV row per code', async () => {
    const cube = fixtureCube();
    assert.deepEqual(((await (await get('/api/v1/classifications', {}, cube)).json()) as ListResponse<unknown>).items, cube.classificationDiffs());
    const csv = csvRecords(await (await get('/api/v1/classifications?format=csv', {}, cube)).text());
    const codes = cube.classificationDiffs().flatMap((d) => [...d.onlyInFrom, ...d.onlyInTo]);
    assert.deepEqual(csv.map((r) => r['code']), codes);
  });

  test('a geometry is served as TopoJSON with an ETag, and If-None-Match gives 304', async () => {
    const app = appWith(fixtureCube(), { geometries: [geometry] });
    const list = (await (await app.fetch(new Request('http://localhost/api/v1/geometries'))).json()) as ListResponse<{ id: string }>;
    assert.deepEqual(list.items.map((g) => g.id), [geometry.id]);
    const first = await app.fetch(new Request('http://localhost/api/v1/geometries/gemeente-2022'));
    assert.equal(first.status, 200);
    assert.equal(await first.text(), geometry.topojson);
    const etag = first.headers.get('etag');
    assert.ok(etag !== null && etag.startsWith('"'));
    assert.match(first.headers.get('cache-control')!, /max-age/);
    const again = await app.fetch(new Request('http://localhost/api/v1/geometries/gemeente-2022', { headers: { 'if-none-match': etag } }));
    assert.equal(again.status, 304);
    assert.equal((await app.fetch(new Request('http://localhost/api/v1/geometries/nope'))).status, 404);
  });
});

describe('GET /api/v1/download', () => {
  test('streams every value of the cube as CSV, one row per area of each series', async () => {
    const cube = fixtureCube();
    const response = await get('/api/v1/download?format=csv', {}, cube);
    assert.match(response.headers.get('content-disposition')!, /attachment/);
    const records = csvRecords(await response.text());
    let expected = 0;
    for (const indicator of cube.indicators.values()) for (const p of indicator.periods) expected += cube.column(indicator.id, p.period)?.codes.length ?? 0;
    assert.equal(records.length, expected);
    const row = records.find((r) => r['indicator'] === 'inwoners' && r['period'] === '2021' && r['area'] === 'GM0363')!;
    assert.equal(Number(row['value']), cube.cell('inwoners', '2021', 'GM0363').value);
  });

  test('streams valid JSON filtered by indicator', async () => {
    const cube = fixtureCube();
    const body = (await (await get('/api/v1/download?indicators=overgewicht_18plus', {}, cube)).json()) as ListResponse<ValueRow>;
    assert.equal(body.items.length, cube.column('overgewicht_18plus', '2020')!.codes.length);
    assert.ok(body.items.every((r) => r.indicator === 'overgewicht_18plus' && r.isEstimate));
  });
});

describe('createApp errors and security', () => {
  test('every error is application/problem+json with type, title, status, detail and instance', async () => {
    const response = await get('/api/v1/nothing-here?x=1');
    assert.equal(response.status, 404);
    const body = await problem(response);
    assert.deepEqual(Object.keys(body).sort(), ['detail', 'instance', 'status', 'title', 'type']);
    assert.equal(body.instance, '/api/v1/nothing-here');
    assert.equal(body.title, 'Not Found');
  });

  test('an unknown format is 406, by parameter or by Accept', async () => {
    assert.equal((await get('/api/v1/areas?format=xml')).status, 406);
    assert.equal((await get('/api/v1/areas', { accept: 'image/png' })).status, 406);
    assert.equal((await get('/api/v1/openapi.json?format=csv')).status, 406);
    assert.equal((await get('/api/v1/areas', { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' })).status, 200);
  });

  test('only GET and HEAD are allowed: other methods are 405 with Allow', async () => {
    const app = appWith();
    const response = await app.fetch(new Request('http://localhost/api/v1/areas', { method: 'POST', body: '{}' }));
    assert.equal(response.status, 405);
    assert.equal(response.headers.get('allow'), 'GET, HEAD');
    await problem(response);
    const head = await app.fetch(new Request('http://localhost/api/v1/areas?q=Amsterdam', { method: 'HEAD' }));
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
  });

  test('an oversized query string is refused with 414', async () => {
    const response = await get(`/api/v1/areas?q=${'a'.repeat(MAX_QUERY_LENGTH)}`);
    assert.equal(response.status, 414);
    await problem(response);
  });

  test('an internal error is a 500 without the message or stack, and is logged', async () => {
    const logged: string[] = [];
    const log: Log = { ...silentLog, error: (message, fields) => logged.push(`${message} ${JSON.stringify(fields)}`) };
    const broken = { ...fixtureCube(), searchAreas: () => { throw new Error('secret database path /var/x'); } } as DataCube;
    const app = appWith(broken, { log });
    const response = await app.fetch(new Request('http://localhost/api/v1/areas?q=x'));
    assert.equal(response.status, 500);
    const text = await response.clone().text();
    assert.ok(!text.includes('secret database path'));
    assert.ok(!text.includes('at '), 'no stack trace');
    await problem(response);
    assert.equal(logged.length, 1);
    assert.match(logged[0]!, /secret database path/);
  });

  test('security headers are on successes and errors alike', async () => {
    for (const path of ['/api/v1/areas', '/api/v1/areas/GM9999', '/nowhere']) {
      const response = await get(path);
      assert.equal(response.headers.get('content-security-policy'), "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'", path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer', path);
    }
  });

  test('the open-data API may be read from any origin', async () => {
    assert.equal((await get('/api/v1/areas')).headers.get('access-control-allow-origin'), '*');
  });
});

describe('createApp routes', () => {
  const routes = () =>
    appWith()
      .routes.filter((r) => r.method !== 'ALL')
      .map((r) => ({ key: `${r.method} ${r.path}`, handler: r.handler }));

  test('every registered route declares one authorisation policy, the one its OpenAPI entry states', () => {
    const keys = new Set(routes().map((r) => r.key));
    assert.ok(keys.size >= 11);
    for (const key of keys) {
      const policies = routes().filter((r) => r.key === key).map((r) => policyOf(r.handler)).filter((p) => p !== undefined);
      const [method, path] = key.split(' ') as [string, string];
      const documented = openApiDocument.paths[path.replace(API_BASE, '').replace(/:(\w+)/g, '{$1}')];
      const operation = documented?.[method.toLowerCase() as 'get' | 'post' | 'delete'];
      assert.deepEqual(policies, [operation?.['x-policy']], key);
      assert.equal(policies[0] === 'public', method === 'GET', `${key}: reading is public, writing is not`);
    }
  });

  test('every route is in the OpenAPI document and every documented path is a route', async () => {
    const fromApp = new Set(routes().map((r) => r.key.replace(/:(\w+)/g, '{$1}')));
    const documented = new Set(
      Object.entries(openApiDocument.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} /api/v1${path}`)),
    );
    assert.deepEqual([...fromApp].sort(), [...documented].sort());
    const served = await (await get('/api/v1/openapi.json')).json();
    assert.deepEqual(served, openApiDocument);
  });
});

describe('createApp with the browser client', () => {
  test('paths outside /api go to the client files; API paths never do', async () => {
    const client = { respond: (pathname: string) => (pathname.startsWith('/api/') ? null : new Response(`client ${pathname}`)) };
    const app = createApp({ store: memoryStore(), clock, log: silentLog, cube: fixtureCube, client });
    const page = await app.fetch(new Request('http://localhost/gebied/GM0363'));
    assert.equal(await page.text(), 'client /gebied/GM0363');
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    const api = await app.fetch(new Request('http://localhost/api/v1/nothing'));
    assert.equal(api.status, 404);
    await problem(api);
  });
});
