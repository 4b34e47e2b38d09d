// Response shapes of the HTTP API /api/v1 that both the server and the browser client use, so the client's
// one `api` module and the server cannot drift apart.
import type { Area, MissingReason, Unit } from './types.ts';

export interface ListResponse<T> {
  items: T[];
}

export interface AreaDetail {
  area: Area;
  ancestors: Area[];
  children: Area[];
}

export interface ValueSource {
  datasetId: string;
  tableId: string;
  /** Column name exactly as in the source. */
  column: string;
  classificationYear: number;
}

export interface ValueRow {
  area: string;
  indicator: string;
  period: string;
  /** null when missing; `missing` then says why. */
  value: number | null;
  missing: MissingReason | null;
  unit: Unit;
  isEstimate: boolean;
  source: ValueSource;
}

export interface GeometryInfo {
  id: string;
  level: string;
  classificationYear: number;
  codeProperty: string;
  datasetId: string;
}

/** RFC 9457 problem details, as every error of the API is returned. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
}
