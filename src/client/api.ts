// The client's one way to the server: typed calls to /api/v1. Errors arrive as problem+json and are thrown as
// ApiError with the server's explanation, so every view handles failure the same way.
import type {
  ActivityPalette,
  AreaDetail,
  GeometryInfo,
  ListResponse,
  Problem,
  TargetDetail,
  TargetEstimates,
  TargetRanking,
  TargetSummary,
  TargetValidationIssue,
  TypologyResult,
  ValueRow,
} from '../shared/api.ts';
import type { Area, Indicator, Level } from '../shared/types.ts';
import type { AreaProfile } from '../domain/profile/profile.ts';

export class ApiError extends Error {
  readonly status: number;
  /** Validation issues with their place in a definition (400 on saving a target group). */
  readonly issues: TargetValidationIssue[];
  constructor(problem: Problem & { issues?: TargetValidationIssue[] }) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.issues = problem.issues ?? [];
  }
}

/** Sends a write (JSON body, editor token) and throws ApiError with the server's problem on failure. */
async function send(method: 'POST' | 'DELETE', path: string, token: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return ensureOk(await fetch(`${BASE}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
}

/** Passes a successful response through; otherwise throws ApiError with the server's problem details. */
async function ensureOk(response: Response): Promise<Response> {
  if (response.ok) return response;
  let problem: Problem = { type: 'about:blank', title: response.statusText, status: response.status };
  try {
    problem = (await response.json()) as Problem;
  } catch {
    // Not problem+json (e.g. a proxy error page): keep the status text.
  }
  throw new ApiError(problem);
}

const BASE = '/api/v1';

async function getJson<T>(path: string, params: Record<string, string | number | undefined> = {}, signal?: AbortSignal): Promise<T> {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') query.set(k, String(v));
  const qs = query.toString();
  const response = await ensureOk(await fetch(`${BASE}${path}${qs === '' ? '' : `?${qs}`}`, { headers: { accept: 'application/json' }, signal }));
  return (await response.json()) as T;
}

export const api = {
  searchAreas: async (q: string, options: { level?: Level; parent?: string; limit?: number } = {}, signal?: AbortSignal) =>
    (await getJson<ListResponse<Area>>('/areas', { q, level: options.level, parent: options.parent, limit: options.limit }, signal)).items,
  areasOf: async (level: Level, parent?: string) =>
    (await getJson<ListResponse<Area>>('/areas', { level, parent, limit: 1000 })).items,
  area: (code: string) => getJson<AreaDetail>(`/areas/${encodeURIComponent(code)}`),
  profile: (code: string) => getJson<AreaProfile>(`/areas/${encodeURIComponent(code)}/profile`),
  indicators: async () => (await getJson<ListResponse<Indicator>>('/indicators')).items,
  values: async (params: { indicators: string[]; periods?: string[]; areas?: string[]; level?: Level; parent?: string }) =>
    (
      await getJson<ListResponse<ValueRow>>('/values', {
        indicators: params.indicators.join(','),
        periods: params.periods?.join(','),
        areas: params.areas?.join(','),
        level: params.level,
        parent: params.parent,
      })
    ).items,
  geometries: async () => (await getJson<ListResponse<GeometryInfo>>('/geometries')).items,
  geometry: (id: string) => getJson<unknown>(`/geometries/${encodeURIComponent(id)}`),
  targets: async () => (await getJson<ListResponse<TargetSummary>>('/targets')).items,
  target: (id: string) => getJson<TargetDetail>(`/targets/${encodeURIComponent(id)}`),
  estimates: (id: string, level: Level, parent?: string) => getJson<TargetEstimates>(`/targets/${encodeURIComponent(id)}/estimates`, { level, parent }),
  rankings: (params: { target: string; level: Level; by: string; top: number; strata: boolean; per?: string }) =>
    getJson<TargetRanking>('/rankings', { ...params, strata: String(params.strata) }),
  typology: (level: Level) => getJson<TypologyResult>('/typology', { level }),
  activities: (target: string, type?: string, level?: Level) => getJson<ActivityPalette>('/activities', { target, type, level }),
  saveTarget: async (definition: unknown, token: string) => (await (await send('POST', '/targets', token, definition)).json()) as TargetDetail,
  deleteTarget: async (id: string, token: string) => {
    await send('DELETE', `/targets/${encodeURIComponent(id)}`, token);
  },
  /** URL of a CSV download of the same query, for links. */
  csvUrl: (path: string, params: Record<string, string>) => `${BASE}${path}?${new URLSearchParams({ ...params, format: 'csv' }).toString()}`,
};
