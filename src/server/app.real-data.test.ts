// The API on the real open-data mirror: a full import into a temporary SQLite file, then published figures
// read back through /api/v1 as JSON and CSV. The figures are the ones CBS and RIVM publish (see the folders'
// PROVENANCE.md), not copies of this program's output.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { importRealData } from '../../test/real-data.ts';
import type { RealData } from '../../test/real-data.ts';
import type { AreaDetail, ListResponse, ValueRow } from '../shared/api.ts';
import type { Indicator } from '../shared/types.ts';
import type { AreaProfile } from '../domain/profile/profile.ts';
import { createApp } from './app.ts';
import { silentLog } from './log.ts';

describe('createApp on the real data', () => {
  let real: RealData | undefined;
  let app: ReturnType<typeof createApp>;

  before(async () => {
    real = await importRealData();
    const { store, cube } = real;
    app = createApp({ store, clock: () => new Date('2024-01-01T00:00:00Z'), log: silentLog, cube: () => cube });
  });

  after(async () => {
    await real?.close();
  });

  const get = (url: string) => app.fetch(new Request(`http://localhost${url}`));

  test('KWB 2022 inwoners: GM0363 Amsterdam 882,633 and NL00 17,590,672, as JSON', async () => {
    const response = await get('/api/v1/values?areas=GM0363,NL00&indicators=inwoners&periods=2022');
    assert.equal(response.status, 200);
    const { items } = (await response.json()) as ListResponse<ValueRow>;
    assert.deepEqual(items.map((r) => [r.area, r.value]), [['GM0363', 882633], ['NL00', 17590672]]);
    assert.equal(items[0]!.source.tableId, '85318NED');
    assert.equal(items[0]!.source.classificationYear, 2022);
    assert.equal(items[0]!.isEstimate, false);
  });

  test('RIVM 2020 overgewicht 18+: NL00 50.8 % and GM0363 41.4 %, a model estimate, as JSON and CSV', async () => {
    const url = '/api/v1/values?areas=NL00,GM0363&indicators=overgewicht_18plus&periods=2020';
    const { items } = (await (await get(url)).json()) as ListResponse<ValueRow>;
    assert.deepEqual(items.map((r) => [r.area, r.value]), [['NL00', 50.8], ['GM0363', 41.4]]);
    assert.ok(items.every((r) => r.isEstimate && r.unit === 'percent' && r.source.tableId === '50090NED'));
    const csv = parse(await (await get(`${url}&format=csv`)).text(), { columns: true }) as Record<string, string>[];
    assert.deepEqual(csv.map((r) => [r['area'], Number(r['value']), r['isEstimate']]), [['NL00', 50.8, 'true'], ['GM0363', 41.4, 'true']]);
  });

  test('KWB 2022 inwoners as CSV', async () => {
    const csv = parse(await (await get('/api/v1/values?areas=GM0363,NL00&indicators=inwoners&periods=2022&format=csv')).text(), { columns: true }) as Record<string, string>[];
    assert.deepEqual(csv.map((r) => [r['area'], Number(r['value']), r['sourceColumn']]), [['GM0363', 882633, 'a_inw'], ['NL00', 17590672, 'a_inw']]);
  });

  test('level=wijk&parent=GM0363 gives the Amsterdam wijken of KWB 2022, which together hold (almost) all its inwoners', async () => {
    const { items } = (await (await get('/api/v1/values?level=wijk&parent=GM0363&indicators=inwoners&periods=2022')).json()) as ListResponse<ValueRow>;
    assert.ok(items.length > 5);
    assert.ok(items.every((r) => r.area.startsWith('WK0363')));
    // Wijk counts add up to slightly less than the gemeente (people registered without a wijk address).
    const sum = items.reduce((total, r) => total + (r.value ?? 0), 0);
    assert.ok(sum <= 882633 && sum > 0.99 * 882633, `sum of wijken ${sum}`);
  });

  test('search finds Amsterdam by name, and the area detail has NL00 among its ancestors', async () => {
    const { items } = (await (await get('/api/v1/areas?q=Amsterdam&level=gemeente')).json()) as ListResponse<{ code: string }>;
    assert.equal(items[0]!.code, 'GM0363');
    const detail = (await (await get('/api/v1/areas/GM0363')).json()) as AreaDetail;
    assert.equal(detail.area.name, 'Amsterdam');
    assert.ok(detail.ancestors.some((a) => a.code === 'NL00'));
    assert.ok(detail.children.some((a) => a.code.startsWith('WK0363')));
  });

  test('search for postcode 1011 gives gemeente GM0363 Amsterdam first, then the Amsterdam wijk holding the postcode', async () => {
    const response = await get('/api/v1/areas?q=1011');
    assert.equal(response.status, 200);
    const { items } = (await response.json()) as ListResponse<{ code: string; level: string; parentCode: string | null }>;
    assert.equal(items[0]?.code, 'GM0363');
    assert.match(items[1]?.code ?? '', /^WK0363[0-9A-Z]{2}$/);
    assert.equal(items[1]?.level, 'wijk');
    assert.equal(items[1]?.parentCode, 'GM0363');
  });

  test('the catalog lists inwoners with its KWB periods and provenance', async () => {
    const indicator = (await (await get('/api/v1/indicators/inwoners')).json()) as Indicator;
    const p2022 = indicator.periods.find((p) => p.period === '2022');
    assert.equal(p2022?.provenance.tableId, '85318NED');
    assert.equal(p2022?.provenance.sourceColumn, 'a_inw');
  });
  test('profile of GM0363 Amsterdam: published RIVM figures with the Netherlands as comparator, judged by polarity', async () => {
    const response = await get('/api/v1/areas/GM0363/profile');
    assert.equal(response.status, 200);
    const profile = (await response.json()) as AreaProfile;
    assert.equal(profile.area.name, 'Amsterdam');
    const overweight = profile.health.find((h) => h.indicatorId === 'overgewicht_18plus')!;
    assert.equal(overweight.value.value, 41.4);
    assert.equal(overweight.isEstimate, true);
    assert.equal(overweight.provenance.tableId, '50090NED');
    assert.equal(overweight.provenance.sourceColumn, 'Overgewicht_9');
    const nl = overweight.comparisons.find((c) => c.role === 'land')!;
    assert.equal(nl.value.value, 50.8);
    assert.equal(nl.value.derived, null);
    // 41.4 % against 50.8 % overweight, and overweight is higher-is-worse: better than the Netherlands.
    assert.equal(overweight.judgementVsNl, 'better');
    const region = overweight.comparisons.find((c) => c.role === 'ggdregio');
    assert.ok(region !== undefined && region.value.derived !== null, 'the GGD-regio value is a derived weighted mean and says so');
    // The same figure through /values: the page and the API agree.
    const { items } = (await (await get('/api/v1/values?areas=GM0363&indicators=overgewicht_18plus&periods=2020')).json()) as ListResponse<ValueRow>;
    assert.equal(items[0]!.value, overweight.value.value);
    assert.ok(profile.subAreas.rows.length > 0 && profile.subAreas.rows.every((r) => r.level === 'wijk'));
  });

  test('profile of a buurt and an unknown code', async () => {
    const buurt = await get('/api/v1/areas/BU03630000/profile');
    assert.equal(buurt.status, 200);
    const profile = (await buurt.json()) as AreaProfile;
    assert.deepEqual(profile.ancestors.slice(0, 2).map((a) => a.code), ['WK036300', 'GM0363']);
    const unknown = await get('/api/v1/areas/GM9998/profile');
    assert.equal(unknown.status, 404);
    assert.match(unknown.headers.get('content-type') ?? '', /application\/problem\+json/);
  });
});
