// Area search: what a user types in the search box ("gm0363", "1012", "fryslan", "oost") to the areas meant.
// The index is built once per cube (buildAreaSearch); a query is then one pass over pre-sorted, pre-normalised
// names, so no sorting happens per request.
import { NETHERLANDS, normaliseCode } from '../shared/codes.ts';
import type { PostcodeRecord } from '../shared/snapshot.ts';
import type { Area, Level } from '../shared/types.ts';
import { LEVELS } from '../shared/types.ts';
import type { AreaQuery } from './cube.ts';
import { compareByName } from './register.ts';

/** Results when the query sets no limit: enough for a suggestion list. */
export const DEFAULT_SEARCH_LIMIT = 20;

/** Folds case and diacritics so that "fryslan" finds "Fryslân" and "CURACAO" finds "Curaçao". */
export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019`]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const LEVEL_RANK: ReadonlyMap<Level, number> = new Map(LEVELS.map((level, i) => [level, i]));

/** Bigger areas first (gemeente before wijk before buurt), then by name: the order of every result group. */
function compareLevelThenName(a: Area, b: Area): number {
  return LEVEL_RANK.get(a.level)! - LEVEL_RANK.get(b.level)! || compareByName(a, b);
}

/** A four-digit postcode, optionally followed by the letters ("1012", "1012 AB", "1012ab"). */
const POSTCODE = /^(\d{4})\s*(?:[a-z]{2})?$/;

export type AreaSearch = (query: AreaQuery) => Area[];

/**
 * Builds the search over a register. `areas` must hold every parent of every area (as the register does), so
 * that a parentCode filter can find an area anywhere below it.
 */
export function buildAreaSearch(areas: ReadonlyMap<string, Area>, postcodes: readonly PostcodeRecord[]): AreaSearch {
  const sorted = [...areas.values()].sort(compareLevelThenName);
  const names = sorted.map((area) => normaliseForSearch(area.name));
  const byUpperCode = new Map<string, Area>();
  for (const area of sorted) byUpperCode.set(area.code.toUpperCase(), area);
  const byPostcode = new Map<string, PostcodeRecord>();
  for (const record of postcodes) byPostcode.set(record.pc4, record);
  const gemeentenByName = new Map<string, Area[]>();
  for (let i = 0; i < sorted.length; i++) {
    const area = sorted[i]!;
    if (area.level !== 'gemeente') continue;
    const list = gemeentenByName.get(names[i]!);
    if (list === undefined) gemeentenByName.set(names[i]!, [area]);
    else list.push(area);
  }

  /** True when `ancestor` is the area's parent, grand-parent, …, or its GGD-regio. */
  const isWithin = (area: Area, ancestor: string): boolean => {
    if (area.ggdRegionCode === ancestor) return true;
    let parent = area.parentCode;
    for (let depth = 0; parent !== null && depth < 6; depth++) {
      if (parent === ancestor) return true;
      if (parent === NETHERLANDS) return false;
      parent = areas.get(parent)?.parentCode ?? null;
    }
    return false;
  };

  return (query: AreaQuery): Area[] => {
    const limit = Math.max(0, Math.floor(query.limit ?? DEFAULT_SEARCH_LIMIT));
    const accepts = (area: Area): boolean =>
      (query.level === undefined || area.level === query.level) &&
      (query.parentCode === undefined || isWithin(area, query.parentCode));
    const results: Area[] = [];
    const seen = new Set<string>();
    const add = (area: Area | undefined): void => {
      if (area === undefined || results.length >= limit || seen.has(area.code) || !accepts(area)) return;
      seen.add(area.code);
      results.push(area);
    };

    const raw = (query.q ?? '').trim();
    const q = normaliseForSearch(raw);
    if (q === '') {
      for (const area of sorted) {
        if (results.length >= limit) break;
        add(area);
      }
      return results;
    }

    add(byUpperCode.get(normaliseCode(raw).toUpperCase()));

    const postcode = POSTCODE.exec(q);
    if (postcode !== null) {
      const record = byPostcode.get(postcode[1]!);
      if (record !== undefined) {
        const gemeente =
          record.gemeenteCode !== null
            ? areas.get(record.gemeenteCode)
            : uniqueOrUndefined(gemeentenByName.get(normaliseForSearch(record.gemeenteName)));
        add(gemeente);
        // Then the wijk holding the centre of the postcode area: the closest area a resident can open.
        if (record.wijkCode !== null) add(areas.get(record.wijkCode));
        // The place ("Appingedam" in gemeente Eemsdelta) is not an area itself, but wijken often carry its name.
        const place = normaliseForSearch(record.place);
        for (let i = 0; i < sorted.length && results.length < limit; i++) {
          if (names[i] === place) add(sorted[i]);
        }
      }
    }

    const partial: Area[] = [];
    for (let i = 0; i < sorted.length && results.length < limit; i++) {
      const name = names[i]!;
      if (name.startsWith(q)) add(sorted[i]);
      else if (partial.length < limit && name.includes(q) && accepts(sorted[i]!)) partial.push(sorted[i]!);
    }
    for (const area of partial) add(area);
    return results;
  };
}

function uniqueOrUndefined(list: Area[] | undefined): Area | undefined {
  return list?.length === 1 ? list[0] : undefined;
}
