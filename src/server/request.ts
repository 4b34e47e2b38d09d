// Reading a request: its query validated by a zod schema (every parameter, strictly: an unknown or repeated
// parameter is a 400, not silently ignored), and the response format negotiated from ?format= or Accept.
import type { Context } from 'hono';
import { z } from 'zod';
import { HttpError } from './problem.ts';

export type Format = 'json' | 'csv';

/** Parses the query (without `format`, which negotiate() owns) with `schema`; 400 with every problem named. */
export function parseQuery<T extends z.ZodType>(c: Context, schema: T): z.infer<T> {
  const params = new URL(c.req.url).searchParams;
  const raw: Record<string, string> = {};
  for (const [key, value] of params) {
    if (key === 'format') continue;
    if (Object.hasOwn(raw, key)) throw new HttpError(400, `query parameter "${key}" is given more than once; give it once (lists are comma-separated)`);
    raw[key] = value;
  }
  return validate(schema, raw, 'query');
}

/** Validates a path parameter; 400 when it is malformed (an unknown but well-formed one is the handler's 404). */
export function parseParam<T extends z.ZodType>(c: Context, name: string, schema: T): z.infer<T> {
  return validate(schema, c.req.param(name), name);
}

function validate<T extends z.ZodType>(schema: T, input: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const detail = result.error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : what}: ${issue.message}`)
    .join('; ');
  throw new HttpError(400, detail);
}

/**
 * The response format: `?format=json|csv` wins, else the Accept header. 406 for a format this endpoint cannot
 * give (csv on a non-list endpoint, or anything other than json/csv).
 */
export function negotiate(c: Context, canCsv: boolean): Format {
  const param = new URL(c.req.url).searchParams.get('format');
  const offered = canCsv ? 'json, csv' : 'json';
  if (param !== null) {
    if (param === 'json' || (param === 'csv' && canCsv)) return param;
    throw new HttpError(406, `format "${param}" is not available here; available: ${offered}`);
  }
  const accept = c.req.header('accept');
  if (accept === undefined || accept.trim() === '') return 'json';
  const types = accept.split(',').map((part) => part.split(';')[0]!.trim().toLowerCase());
  for (const type of types) {
    if (type === 'application/json' || type === 'application/*' || type === '*/*' || type === 'application/problem+json') return 'json';
    if (canCsv && (type === 'text/csv' || type === 'text/*')) return 'csv';
  }
  throw new HttpError(406, `none of the media types in Accept ("${accept}") is available here; available: ${canCsv ? 'application/json, text/csv' : 'application/json'}`);
}

/** A comma-separated list of items that each match `item`, between 1 and `max` long, without duplicates. */
export function commaList(item: z.ZodString, max: number) {
  return z
    .string()
    .max(max * 64)
    .transform((s) => [...new Set(s.split(',').map((part) => part.trim()).filter((part) => part !== ''))])
    .pipe(z.array(item).min(1, 'give at least one').max(max, `give at most ${max}`));
}

/** Area codes: NL00, PVxx, GMxxxx, WKxxxxxx, BUxxxxxxxx or a GGD-regio slug. */
export const areaCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/, 'not an area code (e.g. GM0363, WK036300, ggd-amsterdam)');
export const indicatorId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/, 'not an indicator id (e.g. inwoners)');
export const periodLabel = z.string().regex(/^(latest|[0-9A-Za-z][0-9A-Za-z_-]{0,19})$/, 'not a period (a year like 2022, or latest)');
export const resourceId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/, 'not a valid id');
