import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import type { ListResponse, Problem, TargetDetail, TargetEstimates, TargetSummary, ValueRow } from '../shared/api.ts';
import type { Store } from '../db/store.ts';
import { createApp } from './app.ts';
import { tokenHash } from './authorize.ts';
import { silentLog } from './log.ts';
import { validateTarget } from '../domain/segmentation/targets.ts';
import { MAX_BODY_BYTES, MAX_SEED } from './segmentation.ts';
import { fixtureCube } from './testing/fixture-cube.ts';
import { memoryStore } from './testing/memory-store.ts';

const TOKEN = 'correct-horse-battery-staple';
const clock = () => new Date('2024-05-06T07:08:09Z');

function appWith(options: { tokens?: string[]; store?: Store } = {}) {
  return createApp({
    store: options.store ?? memoryStore(),
    clock,
    log: silentLog,
    cube: fixtureCube,
    credentials: { editorTokenHashes: (options.tokens ?? []).map(tokenHash) },
  });
}

/** A user-defined target over the fixture cube's two indicators: residents × overweight share. */
function overweightTarget(id = 'inwoners-met-overgewicht') {
  return {
    id,
    labelNl: 'Inwoners met overgewicht',
    labelEn: 'Residents with overweight',
    descriptionNl: 'Alle inwoners maal het percentage volwassenen met overgewicht.',
    terms: [{ labelNl: 'Inwoners met overgewicht', population: 'inwoners', share: 'overgewicht_18plus' }],
  };
}

function post(app: ReturnType<typeof appWith>, body: unknown, headers: Record<string, string> = {}) {
  return app.fetch(
    new Request('http://localhost/api/v1/targets', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

async function problem(response: Response): Promise<Problem & { issues?: { path: string; message: string }[] }> {
  assert.equal(response.headers.get('content-type'), 'application/problem+json');
  return (await response.json()) as Problem & { issues?: { path: string; message: string }[] };
}

describe('POST /api/v1/targets authorisation', () => {
  test('without configured editor tokens it is 403, explaining how to enable writing', async () => {
    const response = await post(appWith(), overweightTarget());
    assert.equal(response.status, 403);
    assert.match((await problem(response)).detail ?? '', /BUURTBEELD_EDITOR_TOKENS/);
  });

  test('without a bearer token it is 401 with a Bearer challenge', async () => {
    const response = await post(appWith({ tokens: [TOKEN] }), overweightTarget(), { authorization: '' });
    assert.equal(response.status, 401);
    assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/);
    await problem(response);
  });

  test('with a wrong token it is 401 and nothing is saved', async () => {
    const store = memoryStore();
    const response = await post(appWith({ tokens: [TOKEN], store }), overweightTarget(), { authorization: 'Bearer not-the-token' });
    assert.equal(response.status, 401);
    assert.match(response.headers.get('www-authenticate') ?? '', /invalid_token/);
    assert.deepEqual(await store.read((tx) => tx.listTargets()), []);
  });

  test('with a token whose hash is configured it saves: 201 with Location and the target explained', async () => {
    const store = memoryStore();
    const response = await post(appWith({ tokens: ['another-token', TOKEN], store }), overweightTarget());
    assert.equal(response.status, 201);
    assert.equal(response.headers.get('location'), '/api/v1/targets/inwoners-met-overgewicht');
    const body = (await response.json()) as TargetDetail;
    assert.equal(body.builtIn, false);
    assert.equal(body.createdAt, '2024-05-06T07:08:09.000Z');
    assert.deepEqual(body.indicators.map((i) => [i.role, i.id, i.unit]), [
      ['terms.0.population', 'inwoners', 'count'],
      ['terms.0.share', 'overgewicht_18plus', 'percent'],
    ]);
    const saved = await store.read((tx) => tx.getTarget('inwoners-met-overgewicht'));
    assert.equal(saved?.definition.labelNl, 'Inwoners met overgewicht');
  });

  test('a form post (not application/json) is 415, so a cross-site form cannot write', async () => {
    const response = await post(appWith({ tokens: [TOKEN] }), 'id=x', { 'content-type': 'application/x-www-form-urlencoded' });
    assert.equal(response.status, 415);
    await problem(response);
  });

  test('a body over the size limit is 413', async () => {
    const big = { ...overweightTarget(), descriptionNl: 'x'.repeat(MAX_BODY_BYTES) };
    const response = await post(appWith({ tokens: [TOKEN] }), big);
    assert.equal(response.status, 413);
    await problem(response);
  });

  test('PUT is 405 and Allow names the methods the resource has', async () => {
    const response = await appWith({ tokens: [TOKEN] }).fetch(new Request('http://localhost/api/v1/targets', { method: 'PUT', body: '{}' }));
    assert.equal(response.status, 405);
    assert.equal(response.headers.get('allow'), 'GET, HEAD, POST');
  });
});

describe('POST /api/v1/targets validation', () => {
  test('an invalid definition is 400 listing every issue with its place, and nothing is saved', async () => {
    const store = memoryStore();
    const definition = {
      ...overweightTarget(),
      terms: [
        { labelNl: 'a', population: 'overgewicht_18plus', share: 'rokers_65plus' },
        { labelNl: 'b', population: 'inwoners', share: 'inwoners' },
      ],
    };
    const response = await post(appWith({ tokens: [TOKEN], store }), definition);
    assert.equal(response.status, 400);
    const body = await problem(response);
    assert.deepEqual(body.issues?.map((i) => i.path), ['terms.0.population', 'terms.0.share', 'terms.1.share']);
    assert.match(body.issues![1]!.message, /onbekende indicator "rokers_65plus"/);
    assert.match(body.detail ?? '', /terms\.0\.population: .*geen aantal/);
    assert.deepEqual(await store.read((tx) => tx.listTargets()), []);
  });

  test('a malformed JSON body is 400', async () => {
    const response = await post(appWith({ tokens: [TOKEN] }), '{"id": ');
    assert.equal(response.status, 400);
    assert.match((await problem(response)).detail ?? '', /not valid JSON/);
  });

  test('the id of a built-in target, or of a saved one, is 409', async () => {
    const app = appWith({ tokens: [TOKEN] });
    assert.equal((await post(app, overweightTarget('eenzame-ouderen'))).status, 409);
    assert.equal((await post(app, overweightTarget())).status, 201);
    const again = await post(app, overweightTarget());
    assert.equal(again.status, 409);
    assert.match((await problem(again)).detail ?? '', /already saved/);
  });
});

describe('DELETE /api/v1/targets/{id}', () => {
  test('deletes a saved target (204), after which it is 404; a built-in is 409', async () => {
    const app = appWith({ tokens: [TOKEN] });
    await post(app, overweightTarget());
    const del = (id: string) => app.fetch(new Request(`http://localhost/api/v1/targets/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${TOKEN}` } }));
    assert.equal((await del('verhoogd-risico-diabetes-type-2')).status, 409);
    assert.equal((await del('inwoners-met-overgewicht')).status, 204);
    assert.equal((await app.fetch(new Request('http://localhost/api/v1/targets/inwoners-met-overgewicht'))).status, 404);
    assert.equal((await del('inwoners-met-overgewicht')).status, 404);
  });

  test('without a token it is 401', async () => {
    const response = await appWith({ tokens: [TOKEN] }).fetch(new Request('http://localhost/api/v1/targets/x', { method: 'DELETE' }));
    assert.equal(response.status, 401);
  });
});

describe('GET /api/v1/targets and estimates', () => {
  test('lists the built-in targets and the saved ones, as JSON and CSV', async () => {
    const app = appWith({ tokens: [TOKEN] });
    await post(app, overweightTarget());
    const { items } = (await (await app.fetch(new Request('http://localhost/api/v1/targets'))).json()) as ListResponse<TargetSummary>;
    assert.ok(items.some((t) => t.id === 'verhoogd-risico-diabetes-type-2' && t.builtIn));
    assert.ok(items.some((t) => t.id === 'inwoners-met-overgewicht' && !t.builtIn));
    const csv = parse(await (await app.fetch(new Request('http://localhost/api/v1/targets?format=csv'))).text(), { columns: true }) as Record<string, string>[];
    assert.deepEqual(csv.map((r) => r['id']), items.map((t) => t.id));
  });

  test('estimates of a saved target are inwoners × overgewicht / 100 of the periods used, read from /values', async () => {
    const app = appWith({ tokens: [TOKEN] });
    await post(app, overweightTarget());
    const response = await app.fetch(new Request('http://localhost/api/v1/targets/inwoners-met-overgewicht/estimates?level=gemeente'));
    assert.equal(response.status, 200);
    const body = (await response.json()) as TargetEstimates;
    const values = async (indicator: string, period: string) =>
      ((await (await app.fetch(new Request(`http://localhost/api/v1/values?areas=GM0363,GM0599&indicators=${indicator}&periods=${period}`))).json()) as ListResponse<ValueRow>).items;
    const [people] = await values('inwoners', body.populationPeriod);
    const [share, missingShare] = await values('overgewicht_18plus', body.sharePeriod!);
    const amsterdam = body.items.find((r) => r.code === 'GM0363')!;
    assert.ok(Math.abs(amsterdam.estimate! - (people!.value! * share!.value!) / 100) < 1e-9);
    // Rotterdam's share is missing: no estimate (never 0), and the reason is given.
    assert.equal(missingShare!.value, null);
    const rotterdam = body.items.find((r) => r.code === 'GM0599')!;
    assert.equal(rotterdam.estimate, null);
    assert.deepEqual(rotterdam.missing.map((m) => [m.indicatorId, m.reason]), [['overgewicht_18plus', missingShare!.missing]]);
  });

  test('an unknown target is 404 and a malformed level is 400', async () => {
    const app = appWith();
    assert.equal((await app.fetch(new Request('http://localhost/api/v1/targets/niet-bestaand/estimates'))).status, 404);
    assert.equal((await app.fetch(new Request('http://localhost/api/v1/targets/eenzame-ouderen/estimates?level=buurtje'))).status, 400);
  });
});

describe('GET /api/v1/typology and /activities seed', () => {
  test('a seed outside 1…MAX_SEED is a 400 problem that states the range, before any typology is computed', async () => {
    const app = appWith();
    for (const path of [
      `/api/v1/typology?seed=${MAX_SEED + 1}`,
      '/api/v1/typology?seed=0',
      '/api/v1/typology?seed=123456789',
      `/api/v1/activities?target=eenzame-ouderen&type=type-1&seed=${MAX_SEED + 1}`,
    ]) {
      const response = await app.fetch(new Request(`http://localhost${path}`));
      assert.equal(response.status, 400, path);
      assert.match((await problem(response)).detail ?? '', /seed/, path);
    }
  });

  test('a seed inside the range passes validation (the fixture cube then lacks the data: 422, not 400)', async () => {
    const response = await appWith().fetch(new Request(`http://localhost/api/v1/typology?seed=${MAX_SEED}`));
    assert.equal(response.status, 422);
  });
});

describe('GET /api/v1/targets/{id}/estimates with relative risks that do not fit the data', () => {
  test('a saved factor whose national denominator 1 + Σ p(RR − 1) is not positive is a 422 problem with the reason', async () => {
    const cube = fixtureCube();
    // Three categories of the same exposure (overweight, 50.5 % nationally) with RR 0.1: 1 − 3 × 0.505 × 0.9 < 0.
    const input = {
      ...overweightTarget('omgekeerd-risico'),
      terms: [{ labelNl: 'Inwoners', population: 'inwoners', rate: 0.1 }],
      factors: [
        {
          id: 'gewicht',
          labelNl: 'Gewicht',
          labelEn: 'Weight',
          categories: [1, 2, 3].map((n) => ({
            labelNl: `Overgewicht ${n}`,
            exposure: { kind: 'percent', indicator: 'overgewicht_18plus' },
            relativeRisk: { estimate: 0.1, low: 0.05, high: 0.2 },
            source: 'test',
          })),
        },
      ],
    };
    const validated = validateTarget(input, cube.indicators);
    assert.ok(validated.ok, JSON.stringify(validated));
    // Saved before the data changed (or by an older version): the store holds it, so only estimating can refuse it.
    const store = memoryStore({ targets: [{ definition: validated.target, createdAt: '2024-01-01T00:00:00.000Z' }] });
    const app = createApp({ store, clock, log: silentLog, cube: () => cube });
    const response = await app.fetch(new Request('http://localhost/api/v1/targets/omgekeerd-risico/estimates?level=gemeente'));
    assert.equal(response.status, 422);
    const body = await problem(response);
    assert.match(body.detail ?? '', /target group "omgekeerd-risico" cannot be estimated .*factor gewicht: the national denominator 1 \+ Σ p × \(RR − 1\) is .*not positive/);
  });
});
