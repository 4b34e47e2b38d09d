// CBS area codes: what level a code is, and which parent its digits name. CBS builds codes hierarchically
// (BU 0363 00 00 lies in WK 0363 00, which lies in GM 0363), so the parent of a wijk or buurt follows
// from its code alone; gemeente → provincie does not and comes from the region tables.
import type { Level } from './types.ts';

/** The one code for the Netherlands. RIVM 50090NED writes NL01; it is normalised to this. */
export const NETHERLANDS = 'NL00';

const PATTERNS: [RegExp, Level][] = [
  [/^NL0[01]$/, 'land'],
  [/^PV\d{2}$/, 'provincie'],
  [/^ggd-[a-z0-9-]+$/, 'ggdregio'],
  [/^GM\d{4}$/, 'gemeente'],
  // Since 2022 CBS also uses letters in the last positions (Amsterdam: WK0363AA, BU0363AA01).
  [/^WK\d{4}[0-9A-Z]{2}$/, 'wijk'],
  [/^BU\d{4}[0-9A-Z]{4}$/, 'buurt'],
];

/** Level of a well-formed code, or null for anything else. */
export function levelOfCode(code: string): Level | null {
  for (const [pattern, level] of PATTERNS) if (pattern.test(code)) return level;
  return null;
}

/** Normalises source spellings of a code (trims, upper-cases the prefix, NL01 → NL00). */
export function normaliseCode(raw: string): string {
  const code = raw.trim();
  if (code.startsWith('ggd-')) return code;
  const upper = code.toUpperCase();
  return upper === 'NL01' ? NETHERLANDS : upper;
}

/** Parent that the code's digits name: buurt → wijk, wijk → gemeente; null for other levels. */
export function parentFromCode(code: string): string | null {
  if (/^BU\d{4}[0-9A-Z]{4}$/.test(code)) return `WK${code.slice(2, 8)}`;
  if (/^WK\d{4}[0-9A-Z]{2}$/.test(code)) return `GM${code.slice(2, 6)}`;
  return null;
}

/** Stable, readable code for a GGD-regio from its name: "GGD Hollands Midden" → "ggd-hollands-midden". */
export function ggdRegionCode(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^ggd\s+/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `ggd-${slug}`;
}
