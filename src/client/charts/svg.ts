// Small helpers for the SVG the charts and maps write as text. Text goes into SVG only through `esc`, so a
// name from the data can never become markup; numbers go through `num` so output is stable across runs.

/** Escapes text for use in SVG/XML content and attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A coordinate or size rounded to 0.1: deterministic snapshots and smaller files. */
export function num(x: number): string {
  const r = Math.round(x * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

/** Colours that stay distinguishable for colour-blind readers and print (ColorBrewer / Okabe–Ito based). */
export const COLOURS = {
  better: '#0072b2',
  worse: '#d55e00',
  similar: '#8c8c8c',
  neutral: '#ffffff',
  text: '#1a1a1a',
  muted: '#595959',
  rangeOuter: '#dcdcdc',
  rangeInner: '#a6a6a6',
  missing: '#f0f0f0',
  /** Sequential blues for choropleths, light → dark (ColorBrewer Blues). */
  sequential: ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'],
} as const;
