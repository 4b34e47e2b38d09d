// Choropleth map as SVG text. Pure: features in, SVG out, so the same map is drawn in the browser, saved as
// SVG/PNG and compared in snapshot tests. Classes are quantiles by default (every class holds about as many
// areas, which suits the skewed distributions of neighbourhood figures); equal intervals on request.
import { geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { COLOURS, esc, num } from './svg.ts';

export interface AreaProps {
  code: string;
  name: string;
}

export type ClassMethod = 'quantile' | 'equal-interval';

export interface ChoroplethInput {
  title: string;
  features: Feature<Geometry, AreaProps>[];
  values: ReadonlyMap<string, number | null>;
  method?: ClassMethod;
  classes?: number;
  decimals?: number;
  unitLabel?: string;
  /** Code of the area to outline (the one the profile is about). */
  highlight?: string;
  width?: number;
  height?: number;
  /** Text for areas without a value. */
  missingLabel?: string;
}

export interface ChoroplethOutput {
  svg: string;
  /** Upper bounds of the classes (ascending); class i holds values ≤ breaks[i] and > breaks[i-1]. */
  breaks: number[];
}

/** Class breaks for a set of values: ascending, unique upper bounds, the last equal to the maximum. */
export function classBreaks(values: readonly number[], classes: number, method: ClassMethod): number[] {
  const sorted = values.filter((v) => Number.isFinite(v)).slice().sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  const breaks: number[] = [];
  for (let i = 1; i <= classes; i++) {
    if (method === 'equal-interval') breaks.push(min + ((max - min) * i) / classes);
    else breaks.push(sorted[Math.min(sorted.length - 1, Math.ceil((i / classes) * sorted.length) - 1)]!);
  }
  breaks[breaks.length - 1] = max;
  return [...new Set(breaks)];
}

export function classOf(value: number, breaks: readonly number[]): number {
  for (let i = 0; i < breaks.length; i++) if (value <= breaks[i]!) return i;
  return breaks.length - 1;
}

export function choropleth(input: ChoroplethInput): ChoroplethOutput {
  const width = input.width ?? 600;
  const height = input.height ?? 640;
  const legendHeight = 28;
  const decimals = input.decimals ?? 1;
  const fc: FeatureCollection<Geometry, AreaProps> = { type: 'FeatureCollection', features: input.features };
  const projection = geoMercator().fitExtent([[8, 8], [width - 8, height - legendHeight - 16]], fc);
  const path = geoPath(projection).digits(1);
  const present: number[] = [];
  for (const f of input.features) {
    const v = input.values.get(f.properties.code);
    if (v !== null && v !== undefined) present.push(v);
  }
  const palette = COLOURS.sequential;
  const breaks = classBreaks(present, Math.min(input.classes ?? palette.length, palette.length), input.method ?? 'quantile');
  const colourOf = (v: number) => palette[Math.round((classOf(v, breaks) * (palette.length - 1)) / Math.max(1, breaks.length - 1))]!;
  const fmt = (v: number) => v.toFixed(decimals);
  const missingLabel = input.missingLabel ?? 'geen gegevens';
  const paths: string[] = [];
  let outline = '';
  for (const f of input.features) {
    const d = path(f);
    if (d === null || d === '') continue;
    const v = input.values.get(f.properties.code);
    const has = v !== null && v !== undefined;
    const label = `${f.properties.name} (${f.properties.code}): ${has ? `${fmt(v)}${input.unitLabel ?? ''}` : missingLabel}`;
    paths.push(`<path d="${d}" fill="${has ? colourOf(v) : 'url(#bb-missing)'}" data-code="${esc(f.properties.code)}"><title>${esc(label)}</title></path>`);
    if (f.properties.code === input.highlight) outline = `<path d="${d}" fill="none" stroke="#000" stroke-width="2.5" pointer-events="none"/>`;
  }
  const legend: string[] = [];
  const boxW = Math.min(90, (width - 16) / (breaks.length + 1));
  let lower = present.length > 0 ? Math.min(...present) : 0;
  breaks.forEach((b, i) => {
    const lx = 8 + i * boxW;
    legend.push(`<rect x="${num(lx)}" y="${height - legendHeight}" width="${num(boxW - 2)}" height="10" fill="${colourOf(b)}" stroke="#737373" stroke-width="0.5"/>`);
    legend.push(`<text x="${num(lx)}" y="${height - 6}" font-size="9" fill="${COLOURS.text}">${esc(`${fmt(lower)}–${fmt(b)}`)}</text>`);
    lower = b;
  });
  const mx = 8 + breaks.length * boxW;
  legend.push(`<rect x="${num(mx)}" y="${height - legendHeight}" width="${num(boxW - 2)}" height="10" fill="url(#bb-missing)" stroke="#737373" stroke-width="0.5"/>`);
  legend.push(`<text x="${num(mx)}" y="${height - 6}" font-size="9" fill="${COLOURS.text}">${esc(missingLabel)}</text>`);
  const defs = `<defs><pattern id="bb-missing" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="${COLOURS.missing}"/><line x1="0" y1="0" x2="0" y2="6" stroke="#bdbdbd" stroke-width="2"/></pattern></defs>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(input.title)}"><title>${esc(input.title)}</title>${defs}<g stroke="#ffffff" stroke-width="0.4">${paths.join('')}</g>${outline}<g>${legend.join('')}</g></svg>`;
  return { svg, breaks };
}

/** Okabe–Ito: eight colours that stay distinct for colour-blind readers. */
export const CATEGORY_COLOURS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000'] as const;

export interface CategoryMapInput {
  title: string;
  features: Feature<Geometry, AreaProps>[];
  /** Area code → index into `labels`; absent = not classified. */
  categories: ReadonlyMap<string, number>;
  labels: readonly string[];
  width?: number;
  height?: number;
  missingLabel?: string;
}

/** A map of categories (e.g. neighbourhood types): one colour per category, a legend with the labels. */
export function categoryMap(input: CategoryMapInput): string {
  const width = input.width ?? 600;
  const legendRows = input.labels.length + 1;
  const legendHeight = legendRows * 16 + 8;
  const height = (input.height ?? 640) + legendHeight;
  const fc: FeatureCollection<Geometry, AreaProps> = { type: 'FeatureCollection', features: input.features };
  const projection = geoMercator().fitExtent([[8, 8], [width - 8, height - legendHeight - 16]], fc);
  const path = geoPath(projection).digits(1);
  const missingLabel = input.missingLabel ?? 'geen type';
  const paths: string[] = [];
  for (const f of input.features) {
    const d = path(f);
    if (d === null || d === '') continue;
    const c = input.categories.get(f.properties.code);
    const label = `${f.properties.name} (${f.properties.code}): ${c === undefined ? missingLabel : input.labels[c] ?? ''}`;
    const fill = c === undefined ? 'url(#bb-missing)' : CATEGORY_COLOURS[c % CATEGORY_COLOURS.length]!;
    paths.push(`<path d="${d}" fill="${fill}" data-code="${esc(f.properties.code)}"><title>${esc(label)}</title></path>`);
  }
  const legend: string[] = [];
  const entries = [...input.labels.map((l, i) => ({ l, fill: CATEGORY_COLOURS[i % CATEGORY_COLOURS.length]! })), { l: missingLabel, fill: 'url(#bb-missing)' }];
  // About 6 px per character at 11 px: a longer label is cut with an ellipsis (the full text is in each area's title).
  const maxChars = Math.floor((width - 34) / 6);
  entries.forEach((e, i) => {
    const y = height - legendHeight + i * 16;
    const text = e.l.length > maxChars ? `${e.l.slice(0, maxChars - 1)}…` : e.l;
    legend.push(`<rect x="8" y="${y}" width="12" height="12" fill="${e.fill}" stroke="#737373" stroke-width="0.5"/>`);
    legend.push(`<text x="26" y="${y + 10}" font-size="11" fill="${COLOURS.text}">${esc(text)}</text>`);
  });
  const defs = `<defs><pattern id="bb-missing" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="${COLOURS.missing}"/><line x1="0" y1="0" x2="0" y2="6" stroke="#bdbdbd" stroke-width="2"/></pattern></defs>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(input.title)}"><title>${esc(input.title)}</title>${defs}<g stroke="#ffffff" stroke-width="0.4">${paths.join('')}</g><g>${legend.join('')}</g></svg>`;
}
