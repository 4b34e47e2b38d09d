// The segmentation routes: target groups (built-in and saved), their estimates per area, rankings per province
// and stratum, the neighbourhood typology and the matching activities. All arithmetic is in
// src/domain/segmentation; this module resolves targets, validates requests and shapes responses.
// Nothing here reads SQLite on the hot path: reference tables arrive with the cube, saved targets are read once
// and then kept (this process is their only writer through the API), typologies are memoised per cube (a small LRU).
import type { Context } from 'hono';
import { z } from 'zod';
import type { DataCube } from '../domain/cube.ts';
import { matchActivities } from '../domain/segmentation/activities.ts';
import { chooseSharePeriod, choosePopulationPeriod, estimateRow, estimateTarget } from '../domain/segmentation/estimate.ts';
import type { EstimateTable } from '../domain/segmentation/estimate.ts';
import { DEFAULT_STRATUM_THRESHOLDS, rankEstimates } from '../domain/segmentation/ranking.ts';
import {
  BUILT_IN_TARGETS,
  DIABETES_REFERENCE_TABLE_ID,
  RISK_DIABETES_TYPE_2,
  diabetesType2Target,
  validateTarget,
} from '../domain/segmentation/targets.ts';
import type { DiabetesModel, TargetDefinition } from '../domain/segmentation/targets.ts';
import { DEFAULT_FEATURES, buildTypology, typologyInputFromCube } from '../domain/segmentation/typology.ts';
import type { Typology, TypologyFeature } from '../domain/segmentation/typology.ts';
import { levelOfCode } from '../shared/codes.ts';
import type { Store, StoredTarget } from '../db/store.ts';
import type {
  ActivityPalette,
  NeighbourhoodTypeInfo,
  StratumId,
  TargetDetail,
  TargetEstimateRow,
  TargetEstimates,
  TargetIndicatorUse,
  TargetRanking,
  TargetSummary,
  TypologyResult,
} from '../shared/api.ts';
import type { ReferenceTable } from '../shared/snapshot.ts';
import type { Policy } from './authorize.ts';
import type { CsvField } from './csv.ts';
import { LruCache } from './lru.ts';
import { HttpError } from './problem.ts';
import { areaCode, negotiate, parseParam, parseQuery } from './request.ts';

export type Handler = (c: Context) => Response | Promise<Response>;
/** How the app registers a route: method, path below /api/v1, policy, handler. */
export type RouteRegistrar = (method: 'get' | 'post' | 'delete', path: string, policy: Policy, handler: Handler) => void;
/** How the app answers a list: JSON `{ ...extra, items }` or CSV of the items. */
export type Lister = <T>(c: Context, items: readonly T[], header: readonly string[], fields: (item: T) => CsvField[], extra?: object) => Response;

export interface SegmentationDeps {
  store: Store;
  clock: () => Date;
  cube: () => DataCube;
  /** Reference tables of the snapshot the cube was built from (the diabetes age profile). */
  referenceTables: () => readonly ReferenceTable[];
}

/** Largest request body accepted for a target definition: a generous definition is a few kilobytes. */
export const MAX_BODY_BYTES = 64 * 1024;

const STRATA_NL: Record<StratumId, string> = {
  'grote-stad': 'grote stad',
  'kleinere-stad': 'kleinere stad of dorp',
  platteland: 'platteland',
};

export const RANKING_WARNING_NL =
  'Dit zijn modelschattingen, geen tellingen. Waar de bandbreedtes van twee plaatsen overlappen (gemarkeerd), is de volgorde tussen die twee niet zeker. Gebruik de ranglijst als begin van het gesprek met de regio, niet als eindoordeel.';

const ESTIMATE_NOTE_NL =
  'Geschat aantal personen (modelschatting): KWB-aantallen × Gezondheidsmonitor-percentages (RIVM-schattingen), bijgesteld met relatieve risico’s. De bandbreedte is een plausibel bereik, geen statistisch betrouwbaarheidsinterval. Zie /methoden.';

const targetIdSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'not a target id (e.g. verhoogd-risico-diabetes-type-2)').max(80);
const segmentationLevel = z.enum(['gemeente', 'wijk']);
const boolParam = z.enum(['true', 'false']).transform((s) => s === 'true');

export const ESTIMATES_QUERY = z.strictObject({
  level: segmentationLevel.default('gemeente'),
  parent: areaCode.optional(),
});

export const RANKINGS_QUERY = z.strictObject({
  target: targetIdSchema,
  level: segmentationLevel.default('gemeente'),
  per: z.enum(['province', 'provincie', 'ggdregio']).default('province').transform((p) => (p === 'ggdregio' ? 'ggdregio' : 'province')),
  top: z.string().regex(/^\d{1,3}$/, 'must be a whole number').transform(Number).pipe(z.number().int().min(1).max(100)).default(5),
  by: z.enum(['number', 'share', 'density']).default('number'),
  strata: boolParam.default(false),
});

const kParam = z.string().regex(/^\d{1,2}$/, 'must be a whole number').transform(Number).pipe(z.number().int().min(2).max(12));
/** Seeds a request may name: a handful is plenty to see that the types are stable, and each new one costs a k-means run. */
export const MAX_SEED = 100;
/** Typologies kept per cube (least recently used dropped first): bounds memory whatever level, k and seed are asked. */
export const MAX_CACHED_TYPOLOGIES = 16;
const seedParam = z
  .string()
  .regex(/^\d{1,3}$/, `must be a whole number from 1 to ${MAX_SEED}`)
  .transform(Number)
  .pipe(z.number().int().min(1).max(MAX_SEED));

export const TYPOLOGY_QUERY = z.strictObject({ level: segmentationLevel.default('wijk'), k: kParam.optional(), seed: seedParam.default(1) });

export const ACTIVITIES_QUERY = z.strictObject({
  target: targetIdSchema,
  level: segmentationLevel.default('wijk'),
  type: z.string().regex(/^type-\d{1,2}$/, 'not a type id (e.g. type-2)').optional(),
  k: kParam.optional(),
  seed: seedParam.default(1),
});

interface ResolvedTarget {
  definition: TargetDefinition;
  builtIn: boolean;
  createdAt: string | null;
  model: DiabetesModel | null;
}

function summary(t: ResolvedTarget): TargetSummary {
  const d = t.definition;
  return { id: d.id, labelNl: d.labelNl, labelEn: d.labelEn, descriptionNl: d.descriptionNl, builtIn: t.builtIn, createdAt: t.createdAt };
}

/** The formulas of a definition in words, as docs/methods.md §3.2 writes them. */
export function formulasOf(target: TargetDefinition): string[] {
  const terms = target.terms.map((term) => {
    const fraction = term.populationFraction === 1 ? '' : `${term.populationFraction} × `;
    const share =
      term.share !== undefined
        ? `${[term.share, ...term.shareFallbacks].join(' (anders ')}${')'.repeat(term.shareFallbacks.length)} / 100`
        : `${term.rate ?? 1}`;
    return `${fraction}${term.population} × ${share}`;
  });
  const formulas = [`basis = ${target.calibration === undefined ? '' : 'c × ('}${terms.join(' + ')}${target.calibration === undefined ? '' : ')'}`];
  if (target.calibration !== undefined) {
    formulas.push(`c = ${target.calibration.nationalTotal} / landelijke basis (ijking op ${target.calibration.year})`);
  }
  for (const factor of target.factors) {
    const parts = factor.categories.map((c) => `p(${c.labelNl}) × (${c.relativeRisk.estimate} − 1)`).join(' + ');
    formulas.push(`m(${factor.id}) = (1 + ${parts})_gebied / (1 + ${parts})_Nederland`);
  }
  const product = target.factors.map((f) => ` × m(${f.id})`).join('');
  formulas.push(`schatting = ${target.renormalise && target.factors.length > 0 ? 'k × ' : ''}basis${product}`);
  if (target.renormalise && target.factors.length > 0) formulas.push('k = Σ basis / Σ (basis × Π m) over de gebieden van het niveau');
  formulas.push('aandeel = schatting / inwoners × 100; dichtheid = schatting / km² land');
  return formulas;
}

function indicatorUses(target: TargetDefinition, cube: DataCube): TargetIndicatorUse[] {
  const uses: { role: string; id: string }[] = [];
  target.terms.forEach((term, t) => {
    uses.push({ role: `terms.${t}.population`, id: term.population });
    if (term.share !== undefined) uses.push({ role: `terms.${t}.share`, id: term.share });
    term.shareFallbacks.forEach((id, f) => uses.push({ role: `terms.${t}.shareFallbacks.${f}`, id }));
  });
  target.factors.forEach((factor, f) =>
    factor.categories.forEach((category, c) => {
      const role = `factors.${f}.categories.${c}.exposure`;
      const e = category.exposure;
      if (e.kind === 'percent') {
        uses.push({ role: `${role}.indicator`, id: e.indicator });
        e.fallbacks.forEach((id, i) => uses.push({ role: `${role}.fallbacks.${i}`, id }));
        if (e.minus !== undefined) uses.push({ role: `${role}.minus`, id: e.minus });
      } else {
        uses.push({ role: `${role}.count`, id: e.count }, { role: `${role}.denominator`, id: e.denominator });
      }
    }),
  );
  return uses.map(({ role, id }) => {
    const indicator = cube.indicators.get(id);
    return { role, id, labelNl: indicator?.labelNl ?? id, unit: indicator?.unit ?? 'unknown', isEstimate: indicator?.isEstimate ?? false };
  });
}

function detail(t: ResolvedTarget, cube: DataCube): TargetDetail<TargetDefinition> {
  return {
    ...summary(t),
    definition: t.definition,
    formulasNl: formulasOf(t.definition),
    indicators: indicatorUses(t.definition, cube),
    referenceModel: t.model === null ? null : { referenceYear: t.model.referenceYear, rates: t.model.rates },
    methodsPath: '/methoden',
  };
}

/** Domain errors about data that is not there (no period, no column) become 422s that say so. */
function estimateOrExplain(cube: DataCube, target: TargetDefinition, level: 'gemeente' | 'wijk'): EstimateTable {
  try {
    return estimateTarget(cube, target, { level });
  } catch (error) {
    throw new HttpError(422, `target group "${target.id}" cannot be estimated on the data of this server: ${(error as Error).message}`);
  }
}

/**
 * The segmentation service behind the routes, also usable without HTTP (benchmark). Built-in targets are
 * derived once per set of reference tables; saved targets are read from the store on first use and kept.
 */
export function segmentationService(deps: SegmentationDeps) {
  const diabetesModels = new WeakMap<readonly ReferenceTable[], DiabetesModel | null>();
  const diabetesModel = (): DiabetesModel | null => {
    const tables = deps.referenceTables();
    if (!diabetesModels.has(tables)) {
      const table = tables.find((t) => t.id === DIABETES_REFERENCE_TABLE_ID);
      diabetesModels.set(tables, table === undefined ? null : diabetesType2Target(table));
    }
    return diabetesModels.get(tables) ?? null;
  };
  const builtIns = (): ResolvedTarget[] => {
    const model = diabetesModel();
    const list: ResolvedTarget[] = BUILT_IN_TARGETS.map((definition) => ({ definition, builtIn: true, createdAt: null, model: null }));
    if (model !== null) list.splice(1, 0, { definition: model.target, builtIn: true, createdAt: null, model });
    return list;
  };
  const builtInIds = (): Set<string> => new Set([...BUILT_IN_TARGETS.map((t) => t.id), 'diabetes-type-2']);

  let saved: Map<string, StoredTarget> | null = null;
  const savedTargets = async (): Promise<Map<string, StoredTarget>> => {
    saved ??= new Map((await deps.store.read((tx) => tx.listTargets())).map((t) => [t.definition.id, t]));
    return saved;
  };

  const all = async (): Promise<ResolvedTarget[]> => [
    ...builtIns(),
    ...[...(await savedTargets()).values()].map((t) => ({ definition: t.definition, builtIn: false, createdAt: t.createdAt, model: null })),
  ];

  const find = async (id: string): Promise<ResolvedTarget> => {
    const builtIn = builtIns().find((t) => t.definition.id === id);
    if (builtIn !== undefined) return builtIn;
    const stored = (await savedTargets()).get(id);
    if (stored === undefined) throw new HttpError(404, `unknown target group "${id}"; GET /api/v1/targets lists them`);
    return { definition: stored.definition, builtIn: false, createdAt: stored.createdAt, model: null };
  };

  const typologies = new WeakMap<
    DataCube,
    LruCache<string, { typology: Typology; populationPeriod: string; sharePeriod: string; leftOut: { id: string; reasonNl: string }[] }>
  >();
  const typology = (level: 'gemeente' | 'wijk', k: number | undefined, seed: number) => {
    const cube = deps.cube();
    let cache = typologies.get(cube);
    if (cache === undefined) typologies.set(cube, (cache = new LruCache(MAX_CACHED_TYPOLOGIES)));
    const key = `${level}|${k ?? ''}|${seed}`;
    let entry = cache.get(key);
    if (entry === undefined) {
      try {
        // The periods the risk model would use: KWB counts on the classification closest to the RIVM figures.
        // Not every feature has every KWB period (households with children start in 2022): the best-matching
        // period that has them all.
        const sharePeriod = chooseSharePeriod(cube, RISK_DIABETES_TYPE_2)!;
        const candidates = choosePopulationPeriod(cube, RISK_DIABETES_TYPE_2, level, sharePeriod)
          .overlap.slice()
          .sort((x, y) => y.codesInBoth - x.codesInBoth || y.period.localeCompare(x.period));
        let input: ReturnType<typeof typologyInputFromCube> | null = null;
        let populationPeriod = '';
        let leftOut: { id: string; reasonNl: string }[] = [];
        const reasons: string[] = [];
        for (const candidate of candidates) {
          try {
            const periods = { populationPeriod: candidate.period, sharePeriod };
            const usable = usableFeatures(cube, level, periods);
            input = typologyInputFromCube(cube, level, periods, usable.features);
            populationPeriod = candidate.period;
            leftOut = usable.leftOut;
            break;
          } catch (error) {
            reasons.push((error as Error).message);
          }
        }
        if (input === null) throw new Error(reasons.join('; '));
        const result = buildTypology(input, { seed, k, nounNl: level === 'wijk' ? 'Wijken' : 'Gemeenten' });
        entry = { typology: result, populationPeriod, sharePeriod, leftOut };
      } catch (error) {
        throw new HttpError(422, `no typology can be made on the data of this server: ${(error as Error).message}`);
      }
      cache.set(key, entry);
    }
    return entry;
  };

  return {
    all,
    find,
    builtInIds,
    savedTargets,
    typology,
    /** How many typologies are memoised for the current cube (at most MAX_CACHED_TYPOLOGIES). */
    cachedTypologies: (): number => typologies.get(deps.cube())?.size ?? 0,
    /** Keeps the cache in step with a write this process made. */
    rememberSaved(target: StoredTarget | null, deletedId?: string) {
      if (saved === null) return;
      if (target !== null) saved.set(target.definition.id, target);
      if (deletedId !== undefined) saved.delete(deletedId);
    },
  };
}

export type SegmentationService = ReturnType<typeof segmentationService>;

/**
 * The default features that have values at this level (KWB publishes households with children for gemeenten
 * only): a feature without any value would exclude every area; it is left out and reported instead.
 */
function usableFeatures(cube: DataCube, level: 'gemeente' | 'wijk', periods: { populationPeriod: string; sharePeriod: string }) {
  const features: TypologyFeature[] = [];
  const leftOut: { id: string; reasonNl: string }[] = [];
  for (const feature of DEFAULT_FEATURES) {
    const period = (feature.periodKind ?? (feature.denominator === undefined ? 'share' : 'population')) === 'population' ? periods.populationPeriod : periods.sharePeriod;
    const ids = [...feature.numerators, ...(feature.denominator === undefined ? [] : [feature.denominator])];
    const lacking = ids.find((id) => {
      const column = cube.column(id, period);
      return column === undefined || !column.codes.some((code, row) => levelOfCode(code) === level && !Number.isNaN(column.values[row]!));
    });
    if (lacking === undefined) features.push(feature);
    else leftOut.push({ id: feature.id, reasonNl: `geen waarden van ${lacking} voor ${level === 'wijk' ? 'wijken' : 'gemeenten'} in ${period}` });
  }
  return { features, leftOut };
}

function typeInfo(t: Typology['types'][number]): NeighbourhoodTypeInfo {
  return { id: t.id, labelNl: t.labelNl, size: t.size, distinguishing: t.distinguishing, tags: t.tags };
}

/** Whether `code` is `parent` or lies in it (an ancestor, or its GGD-regio). */
function inside(cube: DataCube, code: string, parent: string): boolean {
  if (code === parent) return true;
  const area = cube.area(code);
  if (area?.ggdRegionCode === parent) return true;
  let current = area?.parentCode ?? null;
  while (current !== null) {
    if (current === parent) return true;
    current = cube.area(current)?.parentCode ?? null;
  }
  return code.startsWith('WK') && parent.startsWith('GM') && code.slice(2, 6) === parent.slice(2, 6);
}

/** Reads a JSON request body: application/json only (a form post cannot forge one), bounded in size. */
async function readJsonBody(c: Context): Promise<unknown> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new HttpError(415, `send the definition as JSON with "content-type: application/json", not "${type || 'nothing'}"`);
  }
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw new HttpError(413, `the body is ${declared} bytes; at most ${MAX_BODY_BYTES} are accepted`);
  const body = c.req.raw.body;
  if (body === null) throw new HttpError(400, 'the body is empty; send a target group definition as JSON');
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new HttpError(413, `the body is larger than ${MAX_BODY_BYTES} bytes`);
    }
    chunks.push(value);
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new HttpError(400, `the body is not valid JSON: ${(error as Error).message}`);
  }
}

const ESTIMATE_CSV_HEADER = ['code', 'name', 'estimate', 'low', 'high', 'share', 'density', 'missing'];
function estimateCsvFields(r: TargetEstimateRow): CsvField[] {
  return [r.code, r.name, r.estimate, r.low, r.high, r.share, r.density, r.missing.map((m) => `${m.indicatorId} ${m.period}: ${m.reason}`).join('; ')];
}

const TARGET_CSV_HEADER = ['id', 'labelNl', 'labelEn', 'builtIn', 'createdAt', 'descriptionNl'];

const RANKING_CSV_HEADER = ['groupCode', 'groupName', 'stratum', 'rank', 'code', 'name', 'gemeenteCode', 'value', 'low', 'high', 'overlapsNext'];

/** Registers the segmentation routes on the app. */
export function registerSegmentationRoutes(route: RouteRegistrar, list: Lister, deps: SegmentationDeps, service: SegmentationService): void {
  route('get', '/targets', 'public', async (c) => {
    parseQuery(c, z.strictObject({}));
    const targets = (await service.all()).map(summary);
    return list(c, targets, TARGET_CSV_HEADER, (t) => [t.id, t.labelNl, t.labelEn, t.builtIn, t.createdAt, t.descriptionNl]);
  });

  route('get', '/targets/:id', 'public', async (c) => {
    const id = parseParam(c, 'id', targetIdSchema);
    parseQuery(c, z.strictObject({}));
    negotiate(c, false);
    return c.json(detail(await service.find(id), deps.cube()));
  });

  route('post', '/targets', 'editor', async (c) => {
    parseQuery(c, z.strictObject({}));
    const input = await readJsonBody(c);
    const cube = deps.cube();
    const result = validateTarget(input, cube.indicators);
    if (!result.ok) {
      throw new HttpError(400, result.issues.map((i) => `${i.path === '' ? 'definition' : i.path}: ${i.message}`).join('; '), {
        extensions: { issues: result.issues },
      });
    }
    const definition = result.target;
    if (service.builtInIds().has(definition.id)) {
      throw new HttpError(409, `"${definition.id}" is a built-in target group; choose another id`);
    }
    // A definition that passes the schema can still not fit the data (e.g. percentages without a common period).
    try {
      estimateTarget(cube, definition, { level: 'gemeente' });
    } catch (error) {
      const message = `the definition does not fit the data: ${(error as Error).message}`;
      throw new HttpError(400, message, { extensions: { issues: [{ path: '', message }] } });
    }
    const stored: StoredTarget = { definition, createdAt: deps.clock().toISOString() };
    await deps.store.write(async (tx) => {
      if ((await tx.getTarget(definition.id)) !== null) {
        throw new HttpError(409, `a target group "${definition.id}" is already saved; DELETE /api/v1/targets/${definition.id} first or choose another id`);
      }
      await tx.putTarget(stored);
    });
    service.rememberSaved(stored);
    const body = detail({ definition, builtIn: false, createdAt: stored.createdAt, model: null }, cube);
    return c.json(body, 201, { location: `/api/v1/targets/${definition.id}` });
  });

  route('delete', '/targets/:id', 'editor', async (c) => {
    const id = parseParam(c, 'id', targetIdSchema);
    parseQuery(c, z.strictObject({}));
    if (service.builtInIds().has(id)) throw new HttpError(409, `"${id}" is a built-in target group and cannot be deleted`);
    const deleted = await deps.store.write((tx) => tx.deleteTarget(id));
    if (!deleted) throw new HttpError(404, `no saved target group "${id}"`);
    service.rememberSaved(null, id);
    return new Response(null, { status: 204 });
  });

  route('get', '/targets/:id/estimates', 'public', async (c) => {
    const id = parseParam(c, 'id', targetIdSchema);
    const query = parseQuery(c, ESTIMATES_QUERY);
    const cube = deps.cube();
    if (query.parent !== undefined && cube.area(query.parent) === undefined) throw new HttpError(404, `unknown area code "${query.parent}"`);
    const target = await service.find(id);
    const table = estimateOrExplain(cube, target.definition, query.level);
    const items: TargetEstimateRow[] = [];
    let total = 0;
    let unestimable = 0;
    for (let i = 0; i < table.codes.length; i++) {
      const code = table.codes[i]!;
      if (query.parent !== undefined && !inside(cube, code, query.parent)) continue;
      const row = estimateRow(table, i);
      if (row.estimate === null) unestimable++;
      else total += row.estimate;
      items.push({ ...row, name: cube.area(code)?.name ?? code });
    }
    const extra: Omit<TargetEstimates, 'items'> = {
      target: summary(target),
      level: query.level,
      parent: query.parent ?? null,
      populationPeriod: table.populationPeriod,
      sharePeriod: table.sharePeriod,
      calibrationFactor: table.calibrationFactor,
      renormalisationFactor: table.renormalisationFactor,
      usedIndicators: table.usedIndicators,
      total,
      unestimable,
      noteNl: ESTIMATE_NOTE_NL,
    };
    return list(c, items, ESTIMATE_CSV_HEADER, estimateCsvFields, extra);
  });

  route('get', '/rankings', 'public', async (c) => {
    const query = parseQuery(c, RANKINGS_QUERY);
    const format = negotiate(c, true);
    const cube = deps.cube();
    const target = await service.find(query.target);
    const table = estimateOrExplain(cube, target.definition, query.level);
    const ranking = rankEstimates(cube, table, {
      groupBy: query.per === 'ggdregio' ? 'ggdregio' : 'provincie',
      metric: query.by,
      n: query.top,
      byStratum: query.strata,
    });
    const extra: Omit<TargetRanking, 'groups'> = {
      target: summary(target),
      level: query.level,
      metric: query.by,
      per: query.per,
      top: query.top,
      strata: query.strata,
      thresholds: DEFAULT_STRATUM_THRESHOLDS,
      strataNl: STRATA_NL,
      populationPeriod: table.populationPeriod,
      sharePeriod: table.sharePeriod,
      unranked: ranking.unranked,
      warningNl: RANKING_WARNING_NL,
    };
    if (format === 'csv') {
      const rows = ranking.groups.flatMap((g) => g.entries.map((e) => ({ g, e })));
      return list(c, rows, RANKING_CSV_HEADER, ({ g, e }) => [g.groupCode, g.groupName, e.stratum, e.rank, e.code, e.name, e.gemeenteCode, e.value, e.low, e.high, e.overlapsNext]);
    }
    return c.json({ ...extra, groups: ranking.groups } satisfies TargetRanking);
  });

  route('get', '/typology', 'public', (c) => {
    const query = parseQuery(c, TYPOLOGY_QUERY);
    const cube = deps.cube();
    const { typology, populationPeriod, sharePeriod, leftOut } = service.typology(query.level, query.k, query.seed);
    const items = [...typology.assignment].map(([code, t]) => ({ code, name: cube.area(code)?.name ?? code, type: typology.types[t]!.id }));
    const extra: Omit<TypologyResult, 'items'> = {
      level: query.level,
      k: typology.k,
      seed: typology.seed,
      populationPeriod,
      sharePeriod,
      silhouette: typology.silhouette,
      features: typology.standardisation.map((st) => {
        const f = DEFAULT_FEATURES.find((x) => x.id === st.featureId)!;
        return { id: f.id, highNl: f.highNl, lowNl: f.lowNl };
      }),
      leftOutFeatures: leftOut,
      types: typology.types.map(typeInfo),
      excluded: typology.excluded.length,
    };
    const labels = new Map(typology.types.map((t) => [t.id, t.labelNl]));
    return list(c, items, ['code', 'name', 'type', 'typeLabelNl'], (r) => [r.code, r.name, r.type, labels.get(r.type) ?? null], extra);
  });

  route('get', '/activities', 'public', async (c) => {
    const query = parseQuery(c, ACTIVITIES_QUERY);
    const target = await service.find(query.target);
    let type: NeighbourhoodTypeInfo | null = null;
    if (query.type !== undefined) {
      const found = service.typology(query.level, query.k, query.seed).typology.types.find((t) => t.id === query.type);
      if (found === undefined) throw new HttpError(404, `no neighbourhood type "${query.type}"; GET /api/v1/typology lists them`);
      type = typeInfo(found);
    }
    const items = matchActivities(target.definition.id, type);
    const extra: Omit<ActivityPalette, 'items'> = { target: summary(target), type };
    return list(
      c,
      items,
      ['id', 'nameNl', 'score', 'forTargetGroup', 'reasonsNl', 'financing', 'recognition', 'lowLiteracy'],
      (m) => [m.activity.id, m.activity.nameNl, m.score, m.forTargetGroup, m.reasonsNl.join('; '), m.activity.financing.join(' '), m.activity.recognition.status, m.activity.accessibility.lowLiteracy],
      extra,
    );
  });
}
