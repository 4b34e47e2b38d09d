// Small multiple line chart of one indicator over the survey years (2012 → 2016 → 2020) for the area and
// its comparators. A missing year breaks the line instead of drawing it to zero.
import { COLOURS, esc, num } from './svg.ts';

export interface TrendSeries {
  label: string;
  /** Aligned with TrendInput.periods; null = missing. */
  values: (number | null)[];
  emphasis?: boolean;
}

export interface TrendInput {
  title: string;
  periods: string[];
  series: TrendSeries[];
  unit?: string;
  width?: number;
  height?: number;
}

const LINE_COLOURS = ['#08519c', '#d55e00', '#009e73', '#595959'];

export function trendChart(input: TrendInput): string {
  const width = input.width ?? 320;
  const height = input.height ?? 160;
  const m = { top: 12, right: 12, bottom: 24, left: 36 };
  const all = input.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  if (all.length === 0 || input.periods.length === 0) {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="${esc(input.title)}"><title>${esc(input.title)}</title><text x="${width / 2}" y="${height / 2}" text-anchor="middle" font-size="12" fill="${COLOURS.muted}">–</text></svg>`;
  }
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  const padding = (hi - lo) * 0.15 || Math.max(1, Math.abs(hi) * 0.1);
  lo = Math.max(0, lo - padding);
  hi = hi + padding;
  const x = (i: number) => m.left + (input.periods.length === 1 ? 0.5 : i / (input.periods.length - 1)) * (width - m.left - m.right);
  const y = (v: number) => m.top + (1 - (v - lo) / (hi - lo)) * (height - m.top - m.bottom);
  const parts: string[] = [];
  const ticks = [lo, (lo + hi) / 2, hi];
  for (const t of ticks) {
    parts.push(`<line x1="${m.left}" x2="${width - m.right}" y1="${num(y(t))}" y2="${num(y(t))}" stroke="#e6e6e6"/>`);
    parts.push(`<text x="${m.left - 4}" y="${num(y(t) + 4)}" text-anchor="end" font-size="10" fill="${COLOURS.muted}">${num(t)}</text>`);
  }
  input.periods.forEach((p, i) => {
    parts.push(`<text x="${num(x(i))}" y="${height - 6}" text-anchor="middle" font-size="10" fill="${COLOURS.muted}">${esc(p)}</text>`);
  });
  input.series.forEach((s, k) => {
    const colour = LINE_COLOURS[k % LINE_COLOURS.length]!;
    let d = '';
    let pen = false;
    s.values.forEach((v, i) => {
      if (v === null) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${num(x(i))} ${num(y(v))}`;
      pen = true;
    });
    if (d !== '') {
      parts.push(`<path d="${d}" fill="none" stroke="${colour}" stroke-width="${s.emphasis === true ? 3 : 1.5}"${k > 0 ? ' stroke-dasharray="4 2"' : ''}/>`);
    }
    s.values.forEach((v, i) => {
      if (v !== null) parts.push(`<circle cx="${num(x(i))}" cy="${num(y(v))}" r="3" fill="${colour}"><title>${esc(`${s.label} ${input.periods[i] ?? ''}: ${v}`)}</title></circle>`);
    });
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(input.title)}"><title>${esc(input.title)}</title>${parts.join('')}</svg>`;
}
