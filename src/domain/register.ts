// The area register: one Area per code over every imported dataset and classification year, with the
// hierarchy (buurt → wijk → gemeente → provincie → NL00) and the GGD-regio's public health works in.
// Datasets name areas on their own classification year, so the register links them by code and keeps the
// years in which each code occurs: a merged gemeente stays findable with the data that describe it.
import { NETHERLANDS, ggdRegionCode, levelOfCode, parentFromCode } from '../shared/codes.ts';
import type { AreaAttributes, AreaRecord, DatasetRecord, Snapshot } from '../shared/snapshot.ts';
import type { Area, Level } from '../shared/types.ts';

/** Indicator id of CBS "mate van stedelijkheid" (KWB `ste_mvs`): the register reads urbanity of wijken from it. */
export const URBANITY_INDICATOR_ID = 'stedelijkheid';

export interface AreaRegister {
  /** Every area by code; objects and their `years` are frozen, so the cube can hand them out. */
  readonly areas: ReadonlyMap<string, Area>;
  /** Direct children per code, sorted by name (Dutch collation). Codes without children are absent. */
  readonly children: ReadonlyMap<string, readonly Area[]>;
  /** Classification years of the datasets, ascending. */
  readonly classificationYears: readonly number[];
  /** Codes per level per classification year, as the datasets name them: the input of classification diffs. */
  readonly codesByLevelYear: ReadonlyMap<Level, ReadonlyMap<number, ReadonlySet<string>>>;
}

/** Dutch collation, shared so every list of areas sorts the same way ("IJsselstein" as in a Dutch index). */
export const dutchCollator = new Intl.Collator('nl');

/** Orders areas by name (Dutch collation), then code so that equal names sort stably. */
export function compareByName(a: Area, b: Area): number {
  return dutchCollator.compare(a.name, b.name) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

interface Candidate {
  record: AreaRecord;
  priority: number;
  year: number;
  datasetId: string;
}

/**
 * Which dataset's spelling of a name wins. Maatwerk files write e.g. "Groningen (gemeente)", so the dataset
 * priority (KWB/RIVM above maatwerk) comes first, then the more recent classification year, then the id so
 * the outcome never depends on input order.
 */
function betterCandidate(a: Candidate, b: Candidate): boolean {
  // A dataset without names (RIVM's file names no wijk or buurt) never wins over one that has a name.
  if ((a.record.name === '') !== (b.record.name === '')) return a.record.name !== '';
  if (a.priority !== b.priority) return a.priority > b.priority;
  if (a.year !== b.year) return a.year > b.year;
  return a.datasetId < b.datasetId;
}

/** Most recent attributes first; equal years ordered by dataset id so the choice is deterministic. */
function compareAttributesRecentFirst(a: AreaAttributes, b: AreaAttributes): number {
  if (a.year !== b.year) return b.year - a.year;
  return a.datasetId < b.datasetId ? -1 : a.datasetId > b.datasetId ? 1 : 0;
}

function periodYear(period: string): number {
  const year = Number.parseInt(period, 10);
  return Number.isNaN(year) ? Number.NEGATIVE_INFINITY : year;
}

/**
 * Latest urbanity class per code from the `stedelijkheid` series, with the year it describes. KWB carries
 * `ste_mvs` for wijken too, where the gemeente's class would be wrong (a village wijk in a city gemeente).
 */
function urbanityFromSeries(datasets: readonly DatasetRecord[]): Map<string, { value: number; year: number }> {
  const columns: { dataset: DatasetRecord; values: Float64Array; missing: Uint8Array; year: number; priority: number }[] =
    [];
  for (const dataset of datasets) {
    for (const series of dataset.series) {
      if (series.indicatorId !== URBANITY_INDICATOR_ID) continue;
      columns.push({
        dataset,
        values: series.values,
        missing: series.missing,
        year: periodYear(series.period),
        priority: dataset.priority,
      });
    }
  }
  // Oldest and lowest priority first, so later writes are the ones that win.
  columns.sort((a, b) => a.year - b.year || a.priority - b.priority);
  const result = new Map<string, { value: number; year: number }>();
  for (const column of columns) {
    const areas = column.dataset.areas;
    for (let i = 0; i < areas.length; i++) {
      if (column.missing[i] !== 0) continue;
      const value = column.values[i]!;
      if (Number.isNaN(value)) continue;
      result.set(areas[i]!.code, { value, year: column.year });
    }
  }
  return result;
}

interface MutableArea {
  code: string;
  level: Level;
  name: string;
  parentCode: string | null;
  years: Set<number>;
  provinceCode: string | null;
  ggdRegionCode: string | null;
  urbanity: number | null;
}

/** Builds the register from all datasets' area records and the gemeente attributes. Pure; input is not modified. */
export function buildRegister(snapshot: Snapshot): AreaRegister {
  const best = new Map<string, Candidate>();
  const years = new Map<string, Set<number>>();
  const codesByLevelYear = new Map<Level, Map<number, Set<string>>>();
  const classificationYears = new Set<number>();

  for (const dataset of snapshot.datasets) {
    const year = dataset.info.classificationYear;
    classificationYears.add(year);
    for (const record of dataset.areas) {
      const candidate: Candidate = { record, priority: dataset.priority, year, datasetId: dataset.info.id };
      const current = best.get(record.code);
      if (current === undefined || betterCandidate(candidate, current)) best.set(record.code, candidate);
      let codeYears = years.get(record.code);
      if (codeYears === undefined) years.set(record.code, (codeYears = new Set()));
      codeYears.add(year);
      let byYear = codesByLevelYear.get(record.level);
      if (byYear === undefined) codesByLevelYear.set(record.level, (byYear = new Map()));
      let codes = byYear.get(year);
      if (codes === undefined) byYear.set(year, (codes = new Set()));
      codes.add(record.code);
    }
  }

  const areas = new Map<string, MutableArea>();
  for (const [code, { record }] of best) {
    const level = levelOfCode(code) ?? record.level;
    areas.set(code, {
      code,
      level,
      name: record.name,
      parentCode: code === NETHERLANDS ? null : (record.parentCode ?? parentFromCode(code)),
      years: years.get(code)!,
      provinceCode: null,
      ggdRegionCode: null,
      urbanity: null,
    });
  }

  const nl = areas.get(NETHERLANDS);
  if (nl === undefined) {
    areas.set(NETHERLANDS, {
      code: NETHERLANDS,
      level: 'land',
      name: 'Nederland',
      parentCode: null,
      years: new Set(),
      provinceCode: null,
      ggdRegionCode: null,
      urbanity: null,
    });
  } else {
    nl.parentCode = null;
  }

  // Attributes, most recent first: the first value seen for a code is the one that counts.
  const attributes = [...snapshot.areaAttributes].sort(compareAttributesRecentFirst);
  const latestGgdYear = attributes.find((a) => a.ggdRegionName !== null)?.year ?? null;
  const ggdChildren = new Map<string, string[]>();
  const namedProvinces = new Set<string>();

  for (const attr of attributes) {
    if (attr.provinceCode !== null) {
      let province = areas.get(attr.provinceCode);
      if (province === undefined) {
        province = {
          code: attr.provinceCode,
          level: 'provincie',
          name: attr.provinceName ?? attr.provinceCode,
          parentCode: NETHERLANDS,
          years: new Set(),
          provinceCode: null,
          ggdRegionCode: null,
          urbanity: null,
        };
        areas.set(attr.provinceCode, province);
      } else if (attr.provinceName !== null && !namedProvinces.has(attr.provinceCode)) {
        // The attributes' most recent name is the register's name for a provincie, also when a dataset names it.
        province.name = attr.provinceName;
      }
      if (attr.provinceName !== null) namedProvinces.add(attr.provinceCode);
      province.years.add(attr.year);
    }
    if (attr.ggdRegionName !== null) {
      const code = ggdRegionCode(attr.ggdRegionName);
      let region = areas.get(code);
      if (region === undefined) {
        region = {
          code,
          level: 'ggdregio',
          name: attr.ggdRegionName,
          parentCode: NETHERLANDS,
          years: new Set(),
          provinceCode: null,
          ggdRegionCode: null,
          urbanity: null,
        };
        areas.set(code, region);
      }
      region.years.add(attr.year);
      if (attr.year === latestGgdYear) {
        let list = ggdChildren.get(code);
        if (list === undefined) ggdChildren.set(code, (list = []));
        list.push(attr.code);
      }
    }
  }

  // Gemeenten: provincie, GGD-regio and urbanity from the most recent attributes that have each.
  const urbanitySeries = urbanityFromSeries(snapshot.datasets);
  const urbanityAttributeYear = new Map<string, number>();
  for (const attr of attributes) {
    const gemeente = areas.get(attr.code);
    if (gemeente === undefined || gemeente.level !== 'gemeente') continue;
    if (gemeente.provinceCode === null && attr.provinceCode !== null) gemeente.provinceCode = attr.provinceCode;
    if (gemeente.ggdRegionCode === null && attr.ggdRegionName !== null) {
      gemeente.ggdRegionCode = ggdRegionCode(attr.ggdRegionName);
    }
    if (gemeente.urbanity === null && attr.urbanity !== null) {
      gemeente.urbanity = attr.urbanity;
      urbanityAttributeYear.set(attr.code, attr.year);
    }
  }
  for (const area of areas.values()) {
    if (area.level !== 'gemeente') continue;
    // A gemeente hangs under its provincie; without a known provincie (a gemeente merged before the
    // attribute years) it hangs directly under NL00 so that ancestors() still ends at the country.
    area.parentCode = area.provinceCode ?? NETHERLANDS;
    const fromSeries = urbanitySeries.get(area.code);
    const attributeYear = urbanityAttributeYear.get(area.code);
    if (fromSeries !== undefined && (attributeYear === undefined || fromSeries.year > attributeYear)) {
      area.urbanity = fromSeries.value;
    }
  }

  // Wijken and buurten inherit provincie and GGD-regio from their gemeente; urbanity only from their own series.
  for (const area of areas.values()) {
    if (area.level !== 'wijk' && area.level !== 'buurt') continue;
    if (area.parentCode === null) area.parentCode = parentFromCode(area.code);
    const gemeente = gemeenteOf(area, areas);
    if (gemeente !== undefined) {
      area.provinceCode = gemeente.provinceCode;
      area.ggdRegionCode = gemeente.ggdRegionCode;
    }
    area.urbanity = urbanitySeries.get(area.code)?.value ?? null;
  }
  for (const area of areas.values()) {
    if (area.level === 'provincie' || area.level === 'ggdregio') area.parentCode = NETHERLANDS;
  }

  const frozen = new Map<string, Area>();
  for (const area of areas.values()) {
    frozen.set(
      area.code,
      Object.freeze({
        code: area.code,
        level: area.level,
        name: area.name,
        parentCode: area.parentCode,
        years: Object.freeze([...area.years].sort((a, b) => a - b)) as number[],
        provinceCode: area.provinceCode,
        ggdRegionCode: area.ggdRegionCode,
        urbanity: area.urbanity,
      }),
    );
  }

  const children = new Map<string, Area[]>();
  const addChild = (parent: string, child: Area): void => {
    let list = children.get(parent);
    if (list === undefined) children.set(parent, (list = []));
    list.push(child);
  };
  for (const area of frozen.values()) {
    if (area.parentCode === null) continue;
    // NL00's children are the provincies only: gemeenten without a provincie and GGD-regio's are not
    // part of the country's CBS subdivision.
    if (area.parentCode === NETHERLANDS && area.level !== 'provincie') continue;
    addChild(area.parentCode, area);
  }
  for (const [region, codes] of ggdChildren) {
    for (const code of codes) {
      const gemeente = frozen.get(code);
      if (gemeente !== undefined && gemeente.level === 'gemeente') addChild(region, gemeente);
    }
  }
  for (const list of children.values()) list.sort(compareByName);

  return {
    areas: frozen,
    children,
    classificationYears: [...classificationYears].sort((a, b) => a - b),
    codesByLevelYear,
  };
}

function gemeenteOf(area: MutableArea, areas: ReadonlyMap<string, MutableArea>): MutableArea | undefined {
  let current: MutableArea | undefined = area;
  for (let depth = 0; current !== undefined && depth < 4; depth++) {
    if (current.level === 'gemeente') return current;
    current = current.parentCode === null ? undefined : areas.get(current.parentCode);
  }
  // A buurt whose wijk no dataset lists: the code's digits still name the gemeente (BU 0363 xx xx → GM0363).
  const byDigits = areas.get(`GM${area.code.slice(2, 6)}`);
  return byDigits?.level === 'gemeente' ? byDigits : undefined;
}
