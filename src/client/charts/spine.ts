// Spine chart (as in the UK Fingertips profiles): where an area sits in the national spread of one indicator.
// The bar shows the range of all areas of the same level (light: 5th–95th percentile, dark: 25th–75th), a
// line the Netherlands, a marker the area. With a known polarity the worse end is on the left, so "right is
// better" holds for every row and a reader can scan a column of spines.
import { COLOURS, esc, num } from './svg.ts';
import type { Polarity } from '../../shared/types.ts';

export type Judgement = 'better' | 'worse' | 'similar' | 'no-judgement';

export interface SpineInput {
  label: string;
  p5: number;
  p25: number;
  median: number;
  p75: number;
  p95: number;
  value: number | null;
  reference: number | null;
  polarity: Polarity;
  judgement: Judgement;
  width?: number;
  height?: number;
}

export function spineChart(input: SpineInput): string {
  const width = input.width ?? 240;
  const height = input.height ?? 22;
  const pad = 6;
  const lo = Math.min(input.p5, input.value ?? input.p5, input.reference ?? input.p5);
  const hi = Math.max(input.p95, input.value ?? input.p95, input.reference ?? input.p95);
  const span = hi - lo || 1;
  const x = (v: number) => {
    const t = (v - lo) / span;
    // Only a higher-is-worse indicator is turned around; without a judgement, higher stays right.
    return pad + (input.polarity === 'higher-is-worse' ? 1 - t : t) * (width - 2 * pad);
  };
  const band = (a: number, b: number, fill: string, h: number) => {
    const x1 = Math.min(x(a), x(b));
    const x2 = Math.max(x(a), x(b));
    return `<rect x="${num(x1)}" y="${num((height - h) / 2)}" width="${num(x2 - x1)}" height="${num(h)}" fill="${fill}"/>`;
  };
  const parts = [
    band(input.p5, input.p95, COLOURS.rangeOuter, height * 0.6),
    band(input.p25, input.p75, COLOURS.rangeInner, height * 0.6),
    `<line x1="${num(x(input.median))}" x2="${num(x(input.median))}" y1="${num(height * 0.2)}" y2="${num(height * 0.8)}" stroke="${COLOURS.muted}" stroke-width="1"/>`,
  ];
  if (input.reference !== null) {
    parts.push(`<line x1="${num(x(input.reference))}" x2="${num(x(input.reference))}" y1="0" y2="${num(height)}" stroke="${COLOURS.text}" stroke-width="2"/>`);
  }
  if (input.value !== null) {
    const fill = COLOURS[input.judgement === 'no-judgement' ? 'neutral' : input.judgement];
    // Shape as well as colour: a diamond for worse, a circle otherwise (WCAG 1.4.1, not colour alone).
    const cx = x(input.value);
    const cy = height / 2;
    const r = height * 0.32;
    parts.push(
      input.judgement === 'worse'
        ? `<path d="M${num(cx)} ${num(cy - r * 1.2)}L${num(cx + r * 1.2)} ${num(cy)}L${num(cx)} ${num(cy + r * 1.2)}L${num(cx - r * 1.2)} ${num(cy)}Z" fill="${fill}" stroke="${COLOURS.text}" stroke-width="1"/>`
        : `<circle cx="${num(cx)}" cy="${num(cy)}" r="${num(r)}" fill="${fill}" stroke="${COLOURS.text}" stroke-width="1"/>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(input.label)}"><title>${esc(input.label)}</title>${parts.join('')}</svg>`;
}

export interface SpinePanelRow extends SpineInput {
  /** Text shown left of the spine: the indicator, and its value. */
  valueText: string;
}

/**
 * All spines of a profile section as one picture (the Fingertips overview): a label and the area's value per
 * row, the spine beside it, and a key. Used for the SVG/PNG download of the health table's spread column.
 */
export function spinePanel(title: string, rows: readonly SpinePanelRow[], keyText: string): { svg: string; width: number; height: number } {
  const width = 760;
  const rowHeight = 24;
  const top = 34;
  const labelWidth = 420;
  const spineWidth = width - labelWidth - 20;
  const height = top + rows.length * rowHeight + 34;
  const parts: string[] = [`<rect width="${width}" height="${height}" fill="#ffffff"/>`, `<text x="10" y="20" font-size="14" font-weight="700" fill="${COLOURS.text}">${esc(title)}</text>`];
  rows.forEach((row, i) => {
    const y = top + i * rowHeight;
    if (i % 2 === 0) parts.push(`<rect x="0" y="${y}" width="${width}" height="${rowHeight}" fill="#f5f5f5"/>`);
    parts.push(`<text x="10" y="${y + 16}" font-size="11" fill="${COLOURS.text}">${esc(row.label)}</text>`);
    parts.push(`<text x="${labelWidth - 10}" y="${y + 16}" font-size="11" text-anchor="end" fill="${COLOURS.text}">${esc(row.valueText)}</text>`);
    const spine = spineChart({ ...row, width: spineWidth, height: rowHeight - 4 }).replace(/^<svg [^>]*>/, '').replace(/<\/svg>$/, '').replace(/<title>[^<]*<\/title>/, '');
    parts.push(`<g transform="translate(${labelWidth} ${y + 2})">${spine}</g>`);
  });
  parts.push(`<text x="10" y="${height - 12}" font-size="10" fill="${COLOURS.muted}">${esc(keyText)}</text>`);
  return {
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title>${parts.join('')}</svg>`,
    width,
    height,
  };
}
