// The OpenAPI 3.1 description of /api/v1, written as a typed object so that it is checked by the compiler and
// served as it is. app.test.ts checks that every route of the app is described here and nothing else is.
import { LEVELS, MISSING_REASONS, THEMES } from '../shared/types.ts';
import type { Policy } from './authorize.ts';
import { MAX_SEED } from './segmentation.ts';
import { MAX_VALUE_ROWS } from './values.ts';

type Schema = { [key: string]: unknown };

interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header';
  required?: boolean;
  description: string;
  schema: Schema;
  example?: string;
}

interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  /** The authorisation policy of the route (see authorize.ts): reading is public, saving target groups 'editor'. */
  'x-policy': Policy;
  security?: Record<string, string[]>[];
  requestBody?: { required: boolean; content: Record<string, { schema: Schema }> };
  parameters: (Parameter | { $ref: string })[];
  responses: Record<string, { description: string; headers?: Record<string, unknown>; content?: Record<string, { schema: Schema }> } | { $ref: string }>;
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string; license: { name: string; identifier: string } };
  servers: { url: string }[];
  paths: Record<string, { get?: Operation; post?: Operation; delete?: Operation }>;
  components: {
    schemas: Record<string, Schema>;
    parameters: Record<string, Parameter>;
    responses: Record<string, unknown>;
    securitySchemes: Record<string, unknown>;
  };
}

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const listOf = (name: string): Schema => ({
  type: 'object',
  required: ['items'],
  properties: { items: { type: 'array', items: ref(name) } },
});
const csvText: Schema = { type: 'string', description: 'RFC 4180 CSV with a header line' };

const errors = {
  '400': { $ref: '#/components/responses/BadRequest' },
  '404': { $ref: '#/components/responses/NotFound' },
  '406': { $ref: '#/components/responses/NotAcceptable' },
  '500': { $ref: '#/components/responses/ServerError' },
};

function listResponse(name: string, description: string) {
  return {
    '200': {
      description,
      content: { 'application/json': { schema: listOf(name) }, 'text/csv': { schema: csvText } },
    },
    ...errors,
  };
}

function jsonResponse(schema: Schema, description: string) {
  return { '200': { description, content: { 'application/json': { schema } } }, ...errors };
}

const format = { $ref: '#/components/parameters/format' };
const targetId: Parameter = { name: 'id', in: 'path', required: true, description: 'Target group id, e.g. diabetes-type-2', schema: { type: 'string' } };
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });
const writeErrors = {
  '400': problem('Invalid definition: every issue is listed in `issues` (path, message)'),
  '401': problem('No or wrong editor token'),
  '403': problem('Writing is not enabled on this server (no editor tokens configured)'),
  '404': problem('Unknown target group'),
  '409': problem('Built-in target group, or the id is already saved'),
  '413': problem('Body too large'),
  '415': problem('Not application/json'),
  '500': { $ref: '#/components/responses/ServerError' },
};
const areaCodeSchema: Schema = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9-]{0,63}$' };

export const openApiDocument: OpenApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Buurtbeeld API',
    version: '1.0.0',
    description:
      'Neighbourhood health profiles from CBS and RIVM open data. Read-only and public. Missing values are null with a reason, never 0; RIVM model estimates carry isEstimate = true. Errors are application/problem+json (RFC 9457).',
    license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
  },
  servers: [{ url: '/api/v1' }],
  paths: {
    '/areas': {
      get: {
        operationId: 'searchAreas',
        summary: 'Search areas by name, code or four-digit postcode',
        tags: ['areas'],
        'x-policy': 'public',
        parameters: [
          { name: 'q', in: 'query', description: 'Part of a name, a code (GM0363) or a postcode (1012)', schema: { type: 'string', maxLength: 100 } },
          { name: 'level', in: 'query', description: 'Only areas of this level', schema: { type: 'string', enum: [...LEVELS] } },
          { name: 'parent', in: 'query', description: 'Only areas inside this area (at any depth, or in this GGD-regio)', schema: areaCodeSchema },
          { name: 'limit', in: 'query', description: 'Most results (default 20)', schema: { type: 'integer', minimum: 1, maximum: 20000, default: 20 } },
          format,
        ],
        responses: listResponse('Area', 'Matching areas, best first'),
      },
    },
    '/areas/{code}': {
      get: {
        operationId: 'getArea',
        summary: 'One area with its ancestors (direct parent first) and its children',
        tags: ['areas'],
        'x-policy': 'public',
        parameters: [{ name: 'code', in: 'path', required: true, description: 'Area code, e.g. GM0363', schema: areaCodeSchema }],
        responses: jsonResponse(
          {
            type: 'object',
            required: ['area', 'ancestors', 'children'],
            properties: { area: ref('Area'), ancestors: { type: 'array', items: ref('Area') }, children: { type: 'array', items: ref('Area') } },
          },
          'The area',
        ),
      },
    },
    '/areas/{code}/profile': {
      get: {
        operationId: 'getAreaProfile',
        summary:
          'The health profile of an area: population, health indicators compared with the gemeente, GGD-regio, provincie and Nederland (polarity-aware judgement, national spread, trend), signals, correlated problems, sub-areas and comparable areas. Regional values are weighted means computed by buurtbeeld and say so.',
        tags: ['areas'],
        'x-policy': 'public',
        parameters: [{ name: 'code', in: 'path', required: true, description: 'Area code, e.g. GM0363, WK036300, BU03630000', schema: areaCodeSchema }],
        responses: jsonResponse(
          {
            type: 'object',
            required: ['area', 'ancestors', 'comparators', 'population', 'health', 'signals', 'clusters', 'subAreas', 'comparable', 'methods'],
            properties: {
              area: { type: 'object' },
              ancestors: { type: 'array', items: { type: 'object' } },
              ggdRegion: { type: ['object', 'null'] },
              comparators: { type: 'array', items: { type: 'object' } },
              population: { type: 'array', items: { type: 'object' } },
              health: { type: 'array', items: { type: 'object' } },
              signals: { type: 'object' },
              clusters: { type: 'array', items: { type: 'object' } },
              subAreas: { type: 'object' },
              comparable: { type: 'object' },
              methods: { type: 'object' },
            },
          },
          'The profile',
        ),
      },
    },
    '/indicators': {
      get: {
        operationId: 'listIndicators',
        summary: 'The indicator catalog, with the periods that have values and their provenance',
        tags: ['indicators'],
        'x-policy': 'public',
        parameters: [{ name: 'theme', in: 'query', description: 'Only this theme', schema: { type: 'string', enum: [...THEMES] } }, format],
        responses: listResponse('Indicator', 'Indicators (in CSV without definitions; periods space-separated)'),
      },
    },
    '/indicators/{id}': {
      get: {
        operationId: 'getIndicator',
        summary: 'One indicator',
        tags: ['indicators'],
        'x-policy': 'public',
        parameters: [{ name: 'id', in: 'path', required: true, description: 'Indicator id, e.g. inwoners', schema: { type: 'string' } }],
        responses: jsonResponse(ref('Indicator'), 'The indicator'),
      },
    },
    '/values': {
      get: {
        operationId: 'getValues',
        summary: 'Values in long format: one row per area × indicator × period',
        description:
          'Name areas explicitly (areas=GM0363,GM0599: every named area gets a row, missing "not-in-dataset" when the dataset of a period lacks it) or by level (level=wijk, optionally parent=GM0363: the areas of that level in the dataset of each period). A period that none of the indicators has is a 404; "latest" is each indicator\'s most recent period. ' +
          `A query of more than ${MAX_VALUE_ROWS} rows (areas × indicators × periods) is refused with 413: use /download, which streams.`,
        tags: ['values'],
        'x-policy': 'public',
        parameters: [
          { name: 'areas', in: 'query', description: 'Comma-separated area codes (at most 500)', schema: { type: 'string' }, example: 'GM0363,GM0599' },
          { name: 'level', in: 'query', description: 'Instead of areas: every area of this level', schema: { type: 'string', enum: [...LEVELS] } },
          { name: 'parent', in: 'query', description: 'With level: only areas inside this area (gemeente, provincie or GGD-regio)', schema: areaCodeSchema },
          { name: 'indicators', in: 'query', required: true, description: 'Comma-separated indicator ids', schema: { type: 'string' }, example: 'inwoners,overgewicht_18plus' },
          { name: 'periods', in: 'query', description: 'Comma-separated periods or "latest" (default latest)', schema: { type: 'string', default: 'latest' }, example: '2022,latest' },
          format,
        ],
        responses: { ...listResponse('ValueRow', 'The values'), '413': problem(`More than ${MAX_VALUE_ROWS} rows; ask for less or use /download`) },
      },
    },
    '/datasets': {
      get: {
        operationId: 'listDatasets',
        summary: 'The imported datasets, with source, licence and import time',
        tags: ['provenance'],
        'x-policy': 'public',
        parameters: [format],
        responses: listResponse('Dataset', 'Datasets'),
      },
    },
    '/classifications': {
      get: {
        operationId: 'listClassificationDiffs',
        summary: 'Area codes that occur in one classification year and not in another',
        tags: ['provenance'],
        'x-policy': 'public',
        parameters: [format],
        responses: listResponse('ClassificationDiff', 'Differences per pair of years and level (CSV: one row per code)'),
      },
    },
    '/download': {
      get: {
        operationId: 'downloadValues',
        summary: 'Every value of the cube in long format, streamed (CSV or JSON)',
        tags: ['values'],
        'x-policy': 'public',
        parameters: [{ name: 'indicators', in: 'query', description: 'Only these indicators (comma-separated)', schema: { type: 'string' } }, format],
        responses: listResponse('ValueRow', 'All values, as an attachment'),
      },
    },
    '/geometries': {
      get: {
        operationId: 'listGeometries',
        summary: 'The boundary sets (TopoJSON) per level and classification year',
        tags: ['geometries'],
        'x-policy': 'public',
        parameters: [format],
        responses: listResponse('GeometryInfo', 'Boundary sets'),
      },
    },
    '/geometries/{id}': {
      get: {
        operationId: 'getGeometry',
        summary: 'One boundary set as TopoJSON; its single object is named by the id',
        tags: ['geometries'],
        'x-policy': 'public',
        parameters: [
          { name: 'id', in: 'path', required: true, description: 'e.g. gemeente-2022', schema: { type: 'string' } },
          { name: 'If-None-Match', in: 'header', description: 'ETag of a cached copy', schema: { type: 'string' } },
        ],
        responses: {
          '200': { description: 'TopoJSON topology', headers: { ETag: { schema: { type: 'string' } } }, content: { 'application/json': { schema: { type: 'object' } } } },
          '304': { description: 'Not modified' },
          ...errors,
        },
      },
    },
    '/targets': {
      get: {
        operationId: 'listTargets',
        summary: 'Target groups (doelgroepen): the built-in ones and those saved by users',
        tags: ['segmentation'],
        'x-policy': 'public',
        parameters: [format],
        responses: listResponse('TargetSummary', 'Target groups'),
      },
      post: {
        operationId: 'saveTarget',
        summary: 'Save a user-defined target group',
        description:
          'The body is a target definition (schema in src/domain/segmentation/targets.ts, explained at /methoden). It is validated against the catalog (unknown indicators, shares that are not percentages, populations that are not counts) and against the data; a 400 lists every issue with its place in `issues`. Needs an editor token (Authorization: Bearer) and content-type application/json.',
        tags: ['segmentation'],
        'x-policy': 'editor',
        security: [{ editorToken: [] }],
        parameters: [],
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } },
        responses: {
          '201': { description: 'Saved; the target explained', content: { 'application/json': { schema: ref('TargetDetail') } } },
          ...writeErrors,
        },
      },
    },
    '/targets/{id}': {
      get: {
        operationId: 'getTarget',
        summary: 'One target group explained: definition, formulas, indicators, relative risks, sources',
        tags: ['segmentation'],
        'x-policy': 'public',
        parameters: [targetId],
        responses: jsonResponse(ref('TargetDetail'), 'The target group'),
      },
      delete: {
        operationId: 'deleteTarget',
        summary: 'Delete a saved target group (built-ins cannot be deleted: 409)',
        tags: ['segmentation'],
        'x-policy': 'editor',
        security: [{ editorToken: [] }],
        parameters: [targetId],
        responses: { '204': { description: 'Deleted' }, ...writeErrors },
      },
    },
    '/targets/{id}/estimates': {
      get: {
        operationId: 'getTargetEstimates',
        summary: 'Estimated number of the target group per area, with range, share, density, contributions and missing inputs',
        tags: ['segmentation'],
        'x-policy': 'public',
        parameters: [
          targetId,
          { name: 'level', in: 'query', description: 'gemeente (default) or wijk', schema: { type: 'string', enum: ['gemeente', 'wijk'] } },
          { name: 'parent', in: 'query', description: 'Only areas inside this area (gemeente, provincie or GGD-regio)', schema: areaCodeSchema },
          format,
        ],
        responses: listResponse('TargetEstimateRow', 'Estimates (JSON: with periods, factors and a note; CSV: one row per area)'),
      },
    },
    '/rankings': {
      get: {
        operationId: 'getRankings',
        summary: 'Top N areas per province (or GGD-regio), optionally per urbanity stratum, with ties and overlap flags',
        tags: ['segmentation'],
        'x-policy': 'public',
        parameters: [
          { name: 'target', in: 'query', required: true, description: 'Target group id', schema: { type: 'string' }, example: 'verhoogd-risico-diabetes-type-2' },
          { name: 'level', in: 'query', description: 'gemeente (default) or wijk', schema: { type: 'string', enum: ['gemeente', 'wijk'] } },
          { name: 'per', in: 'query', description: 'province (default) or ggdregio', schema: { type: 'string', enum: ['province', 'ggdregio'] } },
          { name: 'top', in: 'query', description: 'Ranks per group (default 5); ties at the last rank are all listed', schema: { type: 'integer', minimum: 1, maximum: 100 } },
          { name: 'by', in: 'query', description: 'number (default), share of residents or density per km²', schema: { type: 'string', enum: ['number', 'share', 'density'] } },
          { name: 'strata', in: 'query', description: 'true: top N per province × stratum (grote stad, kleinere stad, platteland)', schema: { type: 'string', enum: ['true', 'false'] } },
          format,
        ],
        responses: jsonResponse(ref('TargetRanking'), 'The ranking (CSV: one row per ranked area)'),
      },
    },
    '/typology': {
      get: {
        operationId: 'getTypology',
        summary: 'Neighbourhood types by seeded k-means, described in plain Dutch, and the type of every area',
        tags: ['segmentation'],
        'x-policy': 'public',
        parameters: [
          { name: 'level', in: 'query', description: 'wijk (default) or gemeente', schema: { type: 'string', enum: ['wijk', 'gemeente'] } },
          { name: 'k', in: 'query', description: 'Fixed number of types (default: chosen by silhouette, 3–8)', schema: { type: 'integer', minimum: 2, maximum: 12 } },
          {
            name: 'seed',
            in: 'query',
            description: `Seed of the random numbers, 1 to ${MAX_SEED} (default 1): the same seed gives the same types`,
            schema: { type: 'integer', minimum: 1, maximum: MAX_SEED, default: 1 },
          },
          format,
        ],
        responses: listResponse('TypologyItem', 'Types (JSON) and the type of each area (items; CSV)'),
      },
    },
    '/activities': {
      get: {
        operationId: 'getActivities',
        summary: 'The palette of prevention activities for a target group, matched to a neighbourhood type',
        tags: ['segmentation'],
        'x-policy': 'public',
        parameters: [
          { name: 'target', in: 'query', required: true, description: 'Target group id', schema: { type: 'string' } },
          { name: 'type', in: 'query', description: 'Neighbourhood type id from /typology (e.g. type-2)', schema: { type: 'string' } },
          { name: 'level', in: 'query', description: 'Level of the typology (default wijk)', schema: { type: 'string', enum: ['wijk', 'gemeente'] } },
          { name: 'k', in: 'query', description: 'As in /typology', schema: { type: 'integer' } },
          { name: 'seed', in: 'query', description: `As in /typology (1 to ${MAX_SEED})`, schema: { type: 'integer', minimum: 1, maximum: MAX_SEED, default: 1 } },
          format,
        ],
        responses: listResponse('ActivityMatch', 'Matching activities, best first'),
      },
    },
    '/openapi.json': {
      get: {
        operationId: 'getOpenApi',
        summary: 'This document',
        tags: ['meta'],
        'x-policy': 'public',
        parameters: [],
        responses: { '200': { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    },
  },
  components: {
    securitySchemes: {
      editorToken: {
        type: 'http',
        scheme: 'bearer',
        description: 'An editor token; the server is configured with its SHA-256 hash (BUURTBEELD_EDITOR_TOKENS).',
      },
    },
    parameters: {
      format: {
        name: 'format',
        in: 'query',
        description: 'json (default) or csv; Accept: text/csv works too. Anything else is 406.',
        schema: { type: 'string', enum: ['json', 'csv'] },
      },
    },
    responses: {
      BadRequest: { description: 'Malformed query', content: { 'application/problem+json': { schema: ref('Problem') } } },
      NotFound: { description: 'Unknown area, indicator, period or resource', content: { 'application/problem+json': { schema: ref('Problem') } } },
      NotAcceptable: { description: 'Unknown format', content: { 'application/problem+json': { schema: ref('Problem') } } },
      ServerError: { description: 'Internal error (details are logged, not returned)', content: { 'application/problem+json': { schema: ref('Problem') } } },
    },
    schemas: {
      Problem: {
        type: 'object',
        required: ['type', 'title', 'status', 'detail', 'instance'],
        properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' }, instance: { type: 'string' } },
      },
      Area: {
        type: 'object',
        required: ['code', 'level', 'name', 'parentCode', 'years', 'provinceCode', 'ggdRegionCode', 'urbanity'],
        properties: {
          code: { type: 'string' },
          level: { type: 'string', enum: [...LEVELS] },
          name: { type: 'string' },
          parentCode: { type: ['string', 'null'] },
          years: { type: 'array', items: { type: 'integer' } },
          provinceCode: { type: ['string', 'null'] },
          ggdRegionCode: { type: ['string', 'null'] },
          urbanity: { type: ['integer', 'null'], minimum: 1, maximum: 5 },
        },
      },
      Provenance: {
        type: 'object',
        properties: {
          datasetId: { type: 'string' },
          publisher: { type: 'string' },
          tableId: { type: 'string' },
          sourceColumn: { type: 'string' },
          classificationYear: { type: 'integer' },
        },
      },
      Indicator: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          labelNl: { type: 'string' },
          labelEn: { type: 'string' },
          unit: { type: 'string' },
          definitionNl: { type: 'string' },
          definitionEn: { type: 'string' },
          theme: { type: 'string', enum: [...THEMES] },
          ageGroup: { type: ['string', 'null'], enum: ['18+', '18-64', '65+', null] },
          polarity: { type: 'string', enum: ['higher-is-better', 'higher-is-worse', 'no-judgement'] },
          shareOfNl: { type: ['string', 'null'] },
          shareOfEn: { type: ['string', 'null'] },
          isEstimate: { type: 'boolean' },
          decimals: { type: 'integer' },
          periods: {
            type: 'array',
            items: { type: 'object', properties: { period: { type: 'string' }, referenceNl: { type: 'string' }, provenance: ref('Provenance') } },
          },
        },
      },
      ValueRow: {
        type: 'object',
        required: ['area', 'indicator', 'period', 'value', 'missing', 'unit', 'isEstimate', 'source'],
        properties: {
          area: { type: 'string' },
          indicator: { type: 'string' },
          period: { type: 'string' },
          value: { type: ['number', 'null'] },
          missing: { type: ['string', 'null'], enum: [...MISSING_REASONS, null] },
          unit: { type: 'string' },
          isEstimate: { type: 'boolean' },
          source: {
            type: 'object',
            properties: { datasetId: { type: 'string' }, tableId: { type: 'string' }, column: { type: 'string' }, classificationYear: { type: 'integer' } },
          },
        },
      },
      Dataset: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          titleNl: { type: 'string' },
          publisher: { type: 'string' },
          tableId: { type: 'string' },
          licence: { type: 'string' },
          classificationYear: { type: 'integer' },
          source: { type: 'array', items: { type: 'string' } },
          contentHash: { type: 'string' },
          importedAt: { type: 'string', format: 'date-time' },
          priority: { type: 'integer' },
          seriesCount: { type: 'integer' },
          areaCount: { type: 'integer' },
        },
      },
      ClassificationDiff: {
        type: 'object',
        properties: {
          fromYear: { type: 'integer' },
          toYear: { type: 'integer' },
          level: { type: 'string', enum: [...LEVELS] },
          onlyInFrom: { type: 'array', items: { type: 'string' } },
          onlyInTo: { type: 'array', items: { type: 'string' } },
        },
      },
      TargetSummary: {
        type: 'object',
        required: ['id', 'labelNl', 'labelEn', 'descriptionNl', 'builtIn', 'createdAt'],
        properties: {
          id: { type: 'string' },
          labelNl: { type: 'string' },
          labelEn: { type: 'string' },
          descriptionNl: { type: 'string' },
          builtIn: { type: 'boolean' },
          createdAt: { type: ['string', 'null'], format: 'date-time' },
        },
      },
      TargetDetail: {
        allOf: [
          ref('TargetSummary'),
          {
            type: 'object',
            properties: {
              definition: { type: 'object' },
              formulasNl: { type: 'array', items: { type: 'string' } },
              indicators: { type: 'array', items: { type: 'object' } },
              referenceModel: { type: ['object', 'null'] },
              methodsPath: { type: 'string' },
            },
          },
        ],
      },
      TargetEstimateRow: {
        type: 'object',
        properties: {
          code: { type: 'string' },
          name: { type: 'string' },
          estimate: { type: ['number', 'null'] },
          low: { type: ['number', 'null'] },
          high: { type: ['number', 'null'] },
          share: { type: ['number', 'null'] },
          density: { type: ['number', 'null'] },
          terms: { type: 'array', items: { type: 'object' } },
          factors: { type: 'array', items: { type: 'object' } },
          normalisation: { type: ['number', 'null'] },
          missing: { type: 'array', items: { type: 'object' } },
        },
      },
      TargetRanking: {
        type: 'object',
        properties: {
          target: ref('TargetSummary'),
          level: { type: 'string' },
          metric: { type: 'string' },
          per: { type: 'string' },
          top: { type: 'integer' },
          strata: { type: 'boolean' },
          thresholds: { type: 'object' },
          groups: { type: 'array', items: { type: 'object' } },
          unranked: { type: 'array', items: { type: 'object' } },
          warningNl: { type: 'string' },
        },
      },
      TypologyItem: {
        type: 'object',
        properties: { code: { type: 'string' }, name: { type: 'string' }, type: { type: 'string' } },
      },
      ActivityMatch: {
        type: 'object',
        properties: {
          activity: { type: 'object' },
          score: { type: 'integer' },
          forTargetGroup: { type: 'boolean' },
          reasonsNl: { type: 'array', items: { type: 'string' } },
        },
      },
      GeometryInfo: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          level: { type: 'string' },
          classificationYear: { type: 'integer' },
          codeProperty: { type: 'string' },
          datasetId: { type: 'string' },
        },
      },
    },
  },
};
