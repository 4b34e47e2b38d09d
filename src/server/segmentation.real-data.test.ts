// Segmentation on the real open-data mirror: a full import into a temporary SQLite file, then the target-group
// API checked against the published inputs. Every expected number is computed in the test from the figures CBS
// and RIVM publish (read back through /api/v1/values), never copied from this program's output.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { importRealData } from '../../test/real-data.ts';
import type { RealData } from '../../test/real-data.ts';
import type { Store } from '../db/store.ts';
import type { DataCube } from '../domain/cube.ts';
import { additivityCheck, DEFAULT_ADDITIVITY_MARGIN, estimateTarget } from '../domain/segmentation/estimate.ts';
import { LONELY_ELDERLY, RISK_DIABETES_TYPE_2 } from '../domain/segmentation/targets.ts';
import type { TargetDefinition } from '../domain/segmentation/targets.ts';
import type { ActivityPalette, ListResponse, TargetDetail, TargetEstimates, TargetRanking, TypologyResult, ValueRow } from '../shared/api.ts';
import type { ReferenceTable } from '../shared/snapshot.ts';
import { createApp } from './app.ts';
import { tokenHash } from './authorize.ts';
import { silentLog } from './log.ts';
import { MAX_CACHED_TYPOLOGIES, segmentationService } from './segmentation.ts';

const TOKEN = 'real-data-editor-token';

describe('segmentation API on the real data', () => {
  let real: RealData | undefined;
  let store: Store;
  let cube: DataCube;
  let referenceTables: readonly ReferenceTable[] = [];
  let app: ReturnType<typeof createApp>;
  const newApp = () =>
    createApp({
      store,
      clock: () => new Date('2024-01-01T00:00:00Z'),
      log: silentLog,
      cube: () => cube,
      referenceTables: () => referenceTables,
      credentials: { editorTokenHashes: [tokenHash(TOKEN)] },
    });

  before(async () => {
    real = await importRealData();
    ({ store, cube } = real);
    referenceTables = real.snapshot.referenceTables;
    app = newApp();
  });

  after(async () => {
    await real?.close();
  });

  const json = async <T>(url: string): Promise<T> => {
    const response = await app.fetch(new Request(`http://localhost${url}`));
    assert.equal(response.status, 200, `${url}: ${await response.clone().text()}`);
    return (await response.json()) as T;
  };
  /** Published value of one indicator for one area and period, through the values API. */
  const published = async (area: string, indicator: string, period: string): Promise<number> => {
    const { items } = await json<ListResponse<ValueRow>>(`/api/v1/values?areas=${area}&indicators=${indicator}&periods=${period}`);
    assert.notEqual(items[0]?.value ?? null, null, `${indicator} ${period} ${area} is published`);
    return items[0]!.value!;
  };
  const usedFor = (e: TargetEstimates, role: string) => e.usedIndicators.find((u) => u.role === role)!;

  test('eenzame-ouderen of GM0363 Amsterdam and a wijk = persons 65+ × published % lonely 65+ / 100', async () => {
    for (const [level, code] of [['gemeente', 'GM0363'], ['wijk', 'WK036300']] as const) {
      const e = await json<TargetEstimates>(`/api/v1/targets/eenzame-ouderen/estimates?level=${level}&parent=${code}`);
      const row = e.items.find((r) => r.code === code)!;
      const persons = await published(code, 'leeftijd_65plus', e.populationPeriod);
      const lonely = await published(code, 'eenzaam_65plus', e.sharePeriod!);
      assert.ok(Math.abs(row.estimate! - (persons * lonely) / 100) < 1e-6, `${code}: ${row.estimate} vs ${persons} × ${lonely}%`);
      assert.ok(row.low! < row.estimate! && row.estimate! < row.high!);
      assert.ok(Math.abs(row.share! - (row.estimate! / (await published(code, 'inwoners', e.populationPeriod))) * 100) < 1e-9);
    }
  });

  test('verhoogd-risico-diabetes-type-2 of GM0363: base from persons 45–64 and 65+ × published overweight, factors by the RR formula', async () => {
    const e = await json<TargetEstimates>('/api/v1/targets/verhoogd-risico-diabetes-type-2/estimates?level=gemeente');
    const detail = await json<TargetDetail<TargetDefinition>>('/api/v1/targets/verhoogd-risico-diabetes-type-2');
    const row = e.items.find((r) => r.code === 'GM0363')!;
    // Base: each term is persons × the share indicator that was used (18–64, or its 18+ fallback) / 100.
    const term0 = usedFor(e, 'terms.0.share');
    const term1 = usedFor(e, 'terms.1.share');
    const expectedTerms = [
      ((await published('GM0363', 'leeftijd_45_64', e.populationPeriod)) * (await published('GM0363', term0.used, term0.period))) / 100,
      ((await published('GM0363', 'leeftijd_65plus', e.populationPeriod)) * (await published('GM0363', term1.used, term1.period))) / 100,
    ];
    row.terms.forEach((t, i) => assert.ok(Math.abs(t.value! - expectedTerms[i]!) < 1e-6, `term ${i}`));
    // The inactivity factor: m = (1 + p_g (RR − 1)) / (1 + p_NL (RR − 1)), p = (100 − % meeting the guideline) / 100.
    const rr = detail.definition.factors.find((f) => f.id === 'bewegen')!.categories[0]!.relativeRisk.estimate;
    const p = async (code: string) => (100 - (await published(code, 'voldoet_beweegrichtlijn_18plus', e.sharePeriod!))) / 100;
    const expectedM = (1 + (await p('GM0363')) * (rr - 1)) / (1 + (await p('NL00')) * (rr - 1));
    const m = row.factors.find((f) => f.id === 'bewegen')!.multiplier!;
    assert.ok(Math.abs(m - expectedM) < 1e-12, `${m} vs ${expectedM}`);
    // Estimate = k × base × Π m, and the contributions add up to it exactly.
    const base = expectedTerms[0]! + expectedTerms[1]!;
    const product = row.factors.reduce((x, f) => x * f.multiplier!, 1);
    assert.ok(Math.abs(row.estimate! - e.renormalisationFactor * base * product) < 1e-6);
    const parts = row.terms.reduce((s, t) => s + t.value!, 0) + row.factors.reduce((s, f) => s + f.contribution!, 0) + row.normalisation!;
    assert.ok(Math.abs(parts - row.estimate!) < 1e-6);
    // Renormalised: the factors move people between gemeenten but the total stays the sum of the bases.
    const withEstimate = e.items.filter((r) => r.estimate !== null);
    const totalBase = withEstimate.reduce((s, r) => s + r.terms.reduce((t, x) => t + x.value!, 0), 0);
    assert.ok(Math.abs(e.total - totalBase) / totalBase < 1e-9);
  });

  test('diabetes-type-2 over all gemeenten adds up to the published national 1,080,000 (1.2 million × 90%) within 1%', async () => {
    const e = await json<TargetEstimates>('/api/v1/targets/diabetes-type-2/estimates?level=gemeente');
    const detail = await json<TargetDetail<TargetDefinition>>('/api/v1/targets/diabetes-type-2');
    assert.equal(detail.referenceModel?.referenceYear, 2009);
    assert.equal(detail.referenceModel?.rates.length, 4);
    assert.ok(e.unestimable < 10, `${e.unestimable} gemeenten without an estimate`);
    assert.ok(Math.abs(e.total - 1_080_000) / 1_080_000 < 0.01, `total ${e.total}`);
    // Older people are more often diabetic: the age rates rise band by band.
    const rates = detail.referenceModel!.rates.map((r) => r.per1000);
    assert.deepEqual([...rates].sort((a, b) => a - b), rates);
  });

  test('additivityCheck: the wijken of each gemeente add up to its own estimate within the stated margin', () => {
    for (const target of [LONELY_ELDERLY, RISK_DIABETES_TYPE_2]) {
      const rows = additivityCheck(estimateTarget(cube, target, { level: 'wijk' }), estimateTarget(cube, target, { level: 'gemeente' }));
      const comparable = rows.filter((r) => r.withinMargin !== null);
      assert.ok(comparable.length > 250, `${target.id}: ${comparable.length} comparable gemeenten`);
      const outside = comparable.filter((r) => r.withinMargin === false);
      assert.deepEqual(outside.map((r) => [r.parentCode, r.relativeDeviation]), [], `${target.id}: outside ±${DEFAULT_ADDITIVITY_MARGIN * 100}%`);
    }
  });

  test('rankings: top 5 per province and stratum covers the 12 provinces, ranks sorted, ties share a rank', async () => {
    const r = await json<TargetRanking>('/api/v1/rankings?target=verhoogd-risico-diabetes-type-2&level=gemeente&per=province&top=5&by=number&strata=true');
    const provinces = [...new Set(r.groups.map((g) => g.groupCode))].sort();
    assert.equal(provinces.length, 12);
    assert.ok(provinces.every((code) => /^PV\d\d$/.test(code)));
    assert.deepEqual(r.thresholds, { bigCityMinInhabitants: 100_000, bigCityMaxUrbanity: 2, ruralMinUrbanity: 4 });
    for (const province of provinces) {
      const groups = r.groups.filter((g) => g.groupCode === province);
      assert.ok(groups.length <= 3 && groups.every((g) => g.stratum !== null));
      for (const g of groups) {
        assert.ok(g.entries.length >= Math.min(1, g.candidates));
        const ties = g.entries.filter((e, i) => i > 0 && e.rank === g.entries[i - 1]!.rank).length;
        assert.ok(g.entries.length <= 5 + ties, `${province} ${g.stratum}: ${g.entries.length} entries`);
        g.entries.forEach((e, i) => {
          assert.ok(e.rank <= 5 && e.stratum === g.stratum);
          if (i > 0) {
            const prev = g.entries[i - 1]!;
            assert.ok(prev.value >= e.value);
            assert.equal(e.rank === prev.rank, Math.round(prev.value) === Math.round(e.value));
          }
          assert.ok(e.low <= e.value && e.value <= e.high);
        });
      }
    }
    // Amsterdam is the largest city of Noord-Holland and has the most adults 45+ with overweight there.
    const nhCities = r.groups.find((g) => g.groupCode === 'PV27' && g.stratum === 'grote-stad')!;
    assert.equal(nhCities.entries[0]!.code, 'GM0363');
    assert.match(r.warningNl, /bandbreedtes/);
    const csv = await (await app.fetch(new Request('http://localhost/api/v1/rankings?target=verhoogd-risico-diabetes-type-2&strata=true&format=csv'))).text();
    const records = parse(csv, { columns: true }) as Record<string, string>[];
    assert.equal(records.length, r.groups.reduce((s, g) => s + g.entries.length, 0));
  });

  test('rankings of wijken by share per province: at most top 5 (plus ties) in each of the 12 provinces', async () => {
    const r = await json<TargetRanking>('/api/v1/rankings?target=diabetes-type-2&level=wijk&by=share&top=5');
    assert.equal(r.groups.length, 12);
    for (const g of r.groups) {
      assert.equal(g.stratum, null);
      assert.ok(g.entries.length >= 5 && g.entries.every((e) => e.rank <= 5 && e.code.startsWith('WK')));
    }
  });

  test('typology: two fresh servers give the same types and assignments (seeded), each type described in plain Dutch', async () => {
    const first = await json<TypologyResult>('/api/v1/typology?level=wijk');
    app = newApp();
    const second = await json<TypologyResult>('/api/v1/typology?level=wijk');
    assert.deepEqual(second, first);
    assert.ok(first.k >= 3 && first.k <= 8);
    assert.equal(first.types.reduce((s, t) => s + t.size, 0), first.items.length);
    assert.ok(first.types.every((t) => t.labelNl.startsWith('Wijken met ')));
    const palette = await json<ActivityPalette>(`/api/v1/activities?target=verhoogd-risico-diabetes-type-2&type=${first.types[0]!.id}`);
    assert.equal(palette.type?.id, first.types[0]!.id);
    assert.ok(palette.items.length > 0 && palette.items[0]!.forTargetGroup);
  });

  test('typology cache: never more than MAX_CACHED_TYPOLOGIES per cube, the least recently used dropped first', () => {
    const service = segmentationService({ store, clock: () => new Date('2024-01-01T00:00:00Z'), cube: () => cube, referenceTables: () => referenceTables });
    const first = service.typology('gemeente', 3, 1);
    const seed2 = service.typology('gemeente', 3, 2);
    for (let seed = 2; seed <= MAX_CACHED_TYPOLOGIES + 4; seed++) {
      service.typology('gemeente', 3, seed);
      // Seed 1 is used again between the others, so it stays the most recently used and is never dropped.
      assert.equal(service.typology('gemeente', 3, 1), first, `seed 1 kept after seed ${seed}`);
      assert.ok(service.cachedTypologies() <= MAX_CACHED_TYPOLOGIES);
    }
    assert.equal(service.cachedTypologies(), MAX_CACHED_TYPOLOGIES);
    // Seed 2 was dropped: asking again computes it afresh (a new object), with the same (seeded) result.
    const seed2Again = service.typology('gemeente', 3, 2);
    assert.notEqual(seed2Again, seed2);
    assert.deepEqual(seed2Again, seed2);
    assert.equal(service.cachedTypologies(), MAX_CACHED_TYPOLOGIES);
  });

  test('a user-defined target saved through the API is estimated on the real data', async () => {
    const definition = {
      id: 'ouderen-met-obesitas',
      labelNl: 'Ouderen met obesitas',
      labelEn: 'Older people with obesity',
      descriptionNl: 'Inwoners van 65 jaar en ouder met obesitas.',
      terms: [{ labelNl: '65+ met obesitas', population: 'leeftijd_65plus', share: 'obesitas_65plus', shareFallbacks: ['obesitas_18plus'] }],
    };
    const saved = await app.fetch(
      new Request('http://localhost/api/v1/targets', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify(definition),
      }),
    );
    assert.equal(saved.status, 201, await saved.clone().text());
    const e = await json<TargetEstimates>('/api/v1/targets/ouderen-met-obesitas/estimates?level=gemeente&parent=GM0363');
    const share = usedFor(e, 'terms.0.share');
    const expected = ((await published('GM0363', 'leeftijd_65plus', e.populationPeriod)) * (await published('GM0363', share.used, share.period))) / 100;
    assert.ok(Math.abs(e.items[0]!.estimate! - expected) < 1e-6);
    assert.equal((await store.read((tx) => tx.getTarget('ouderen-met-obesitas')))?.definition.labelNl, 'Ouderen met obesitas');
  });
});
