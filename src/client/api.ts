// The client's one way to the server: typed calls to /api/v1. Errors arrive as problem+json and are thrown as
// ApiError with the server's explanation, so every view handles failure the same way.
import type { AreaDetail, GeometryInfo, ListResponse, Problem, ValueRow } from '../shared/api.ts';
import type { Area, Indicator, Level } from '../shared/types.ts';
import type { AreaProfile } from '../domain/profile/profile.ts';

export class ApiError extends Error {
  readonly status: number;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
  }
}

const BASE = '/api/v1';

async function getJson<T>(path: string, params: Record<string, string | number | undefined> = {}, signal?: AbortSignal): Promise<T> {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') query.set(k, String(v));
  const qs = query.toString();
  const response = await fetch(`${BASE}${path}${qs === '' ? '' : `?${qs}`}`, { headers: { accept: 'application/json' }, signal });
  if (!response.ok) {
    let problem: Problem = { type: 'about:blank', title: response.statusText, status: response.status };
    try {
      problem = (await response.json()) as Problem;
    } catch {
      // Not problem+json (e.g. a proxy error page): keep the status text.
    }
    throw new ApiError(problem);
  }
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
  /** URL of a CSV download of the same query, for links. */
  csvUrl: (path: string, params: Record<string, string>) => `${BASE}${path}?${new URLSearchParams({ ...params, format: 'csv' }).toString()}`,
};
