// Browse by map: a choropleth of any indicator for gemeenten or wijken (all of the Netherlands or within one
// gemeente), on the boundaries of the classification year the figures are on. A table with the same values
// follows the map, so nothing on the map is available only to mouse users.
import { html, nothing, type TemplateResult } from 'lit-html';
import { unsafeSVG } from 'lit-html/directives/unsafe-svg.js';
import { feature } from 'topojson-client';
import type { Feature, Geometry } from 'geojson';
import type { Topology } from 'topojson-specification';
import { api } from '../api.ts';
import type { AppContext } from '../app-state.ts';
import { choropleth, type AreaProps } from '../charts/choropleth.ts';
import { downloadPng, downloadText } from '../download.ts';
import { formatNumber } from '../i18n.ts';
import type { GeometryInfo, ValueRow } from '../../shared/api.ts';
import type { Area, Indicator, Level } from '../../shared/types.ts';

interface MapState {
  indicators: Indicator[] | null;
  geometries: GeometryInfo[] | null;
  topologies: Map<string, Topology>;
  key: string;
  svg: string | null;
  rows: ValueRow[];
  names: Map<string, string>;
  error: string | null;
  /** The values table is built only once its <details> is opened: thousands of rows nobody asked for would
   *  double the time until the map shows. */
  tableOpen: boolean;
  /** Provincies and gemeenten for the "within" choice (browse provincie → gemeente → wijk). */
  provinces: Area[] | null;
  gemeenten: Area[] | null;
}

const state: MapState = { indicators: null, geometries: null, topologies: new Map(), key: '', svg: null, rows: [], names: new Map(), error: null, tableOpen: false, provinces: null, gemeenten: null };
const WIDTH = 640;
const HEIGHT = 700;

export interface MapParams {
  indicator: string;
  period: string;
  level: Level;
  parent: string | null;
}

export function readMapParams(search: URLSearchParams): MapParams {
  const level = search.get('niveau') === 'wijk' ? 'wijk' : 'gemeente';
  return {
    indicator: search.get('indicator') ?? 'overgewicht_18plus',
    period: search.get('jaar') ?? 'latest',
    level,
    parent: search.get('binnen'),
  };
}

/** The geometry for a level on the classification year closest to the figures' own. */
export function pickGeometry(geometries: readonly GeometryInfo[], level: Level, year: number): GeometryInfo | undefined {
  return geometries
    .filter((g) => g.level === level)
    .sort((a, b) => Math.abs(a.classificationYear - year) - Math.abs(b.classificationYear - year) || b.classificationYear - a.classificationYear)[0];
}

/** Performance marks and measures of one map drawing (see load). */
const MAP_MARKS = ['bb-map-data', 'bb-map-svg', 'bb-map-rendered', 'bb-map-choropleth', 'bb-map-draw'];

async function load(ctx: AppContext, params: MapParams): Promise<void> {
  try {
    state.indicators ??= await api.indicators();
    state.geometries ??= await api.geometries();
    state.provinces ??= await api.areasOf('provincie');
    state.gemeenten ??= await api.areasOf('gemeente');
    const indicator = state.indicators.find((i) => i.id === params.indicator);
    if (indicator === undefined) throw new Error(`unknown indicator ${params.indicator}`);
    const period = params.period === 'latest' ? indicator.periods.at(-1)?.period : params.period;
    const info = indicator.periods.find((p) => p.period === period);
    if (info === undefined) throw new Error(`no period ${params.period}`);
    const geometry = pickGeometry(state.geometries, params.level, info.provenance.classificationYear);
    if (geometry === undefined) throw new Error(`no boundaries for ${params.level}`);
    let topology = state.topologies.get(geometry.id);
    if (topology === undefined) {
      topology = (await api.geometry(geometry.id)) as Topology;
      state.topologies.set(geometry.id, topology);
    }
    const rows = await api.values({ indicators: [indicator.id], periods: [info.period], level: params.level, parent: params.parent ?? undefined });
    // Everything is fetched: from here on the map is drawn in the browser. The marks (read by bench/browser.ts)
    // time that part alone: data → SVG text (bb-map-choropleth) → SVG in the DOM (bb-map-draw).
    for (const name of MAP_MARKS) {
      performance.clearMarks(name);
      performance.clearMeasures(name);
    }
    performance.mark('bb-map-data');
    const object = topology.objects[geometry.id] ?? Object.values(topology.objects)[0]!;
    const collection = feature(topology, object) as unknown as { features: Feature<Geometry, AreaProps & { gm?: string }>[] };
    const inRows = new Set(rows.map((r) => r.area));
    const features = collection.features.filter((f) =>
      params.parent === null
        ? true
        : params.parent.startsWith('PV')
          ? inRows.has(f.properties.code)
          : f.properties.gm === params.parent || f.properties.code.slice(2, 6) === params.parent.slice(2, 6),
    );
    const values = new Map(rows.map((r) => [r.area, r.value]));
    state.names = new Map(features.map((f) => [f.properties.code, f.properties.name]));
    const title = `${ctx.lang === 'nl' ? indicator.labelNl : indicator.labelEn} (${info.period})`;
    state.svg = choropleth({ title, features, values, decimals: indicator.decimals, width: WIDTH, height: HEIGHT, unitLabel: indicator.unit === 'percent' ? '%' : '', missingLabel: ctx.t('missing') }).svg;
    performance.mark('bb-map-svg');
    state.rows = rows.filter((r) => state.names.has(r.area)).sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
    state.error = null;
  } catch (error) {
    state.error = (error as Error).message;
  }
  ctx.refresh();
  // lit-html renders synchronously: after refresh() the SVG is in the DOM.
  if (state.error === null && performance.getEntriesByName('bb-map-svg', 'mark').length > 0) {
    performance.mark('bb-map-rendered');
    performance.measure('bb-map-choropleth', 'bb-map-data', 'bb-map-svg');
    performance.measure('bb-map-draw', 'bb-map-data', 'bb-map-rendered');
  }
}

/** An indicator's label with its age group, unless the label already names it. */
function optionLabel(ctx: AppContext, i: Indicator): string {
  const label = ctx.lang === 'nl' ? i.labelNl : i.labelEn;
  return i.ageGroup === null || label.includes(i.ageGroup) ? label : `${label} (${i.ageGroup})`;
}

export function mapView(ctx: AppContext, params: MapParams): TemplateResult {
  const key = JSON.stringify(params) + ctx.lang;
  if (state.key !== key) {
    state.key = key;
    state.svg = null;
    void load(ctx, params);
  }
  const indicator = state.indicators?.find((i) => i.id === params.indicator);
  // A choice in a select redraws the map but is no change of context (WCAG 3.2.2): focus stays on the select
  // that was changed, instead of jumping to the top of the page as a navigation does.
  const go = (patch: Partial<MapParams>, event: Event) => {
    const next = { ...params, ...patch };
    const q = new URLSearchParams({ indicator: next.indicator, jaar: next.period, niveau: next.level });
    // "Within" must fit the level: a provincie for gemeenten, a gemeente for wijken.
    if (next.parent !== null && (next.level === 'wijk' ? next.parent.startsWith('GM') : next.parent.startsWith('PV'))) q.set('binnen', next.parent);
    const control = (event.target as HTMLElement).id;
    ctx.navigate(`/kaart?${q.toString()}`);
    document.getElementById(control)?.focus();
  };
  // Browsing: a gemeente on the map opens the map of its wijken, a wijk opens its profile. The table under the
  // map links every area to its profile, and the "within" choice does the same browsing by keyboard.
  const onMapClick = (event: Event) => {
    const code = (event.target as Element).closest('[data-code]')?.getAttribute('data-code');
    if (code === null || code === undefined) return;
    if (params.level === 'gemeente') {
      const q = new URLSearchParams({ indicator: params.indicator, jaar: params.period, niveau: 'wijk', binnen: code });
      ctx.navigate(`/kaart?${q.toString()}`);
    } else {
      ctx.navigate(`/gebied/${code}`);
    }
  };
  const within = params.level === 'gemeente' ? (state.provinces ?? []) : (state.gemeenten ?? []).filter((g) => g.years.some((y) => y >= 2020));
  const themes = [...new Set((state.indicators ?? []).map((i) => i.theme))];
  return html`
    <h1 class="utrecht-heading-1">${ctx.t('mapTitle')}</h1>
    <form class="bb-map-controls" @submit=${(e: Event) => e.preventDefault()}>
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="bb-map-indicator">${ctx.t('mapIndicator')}</label>
        <select id="bb-map-indicator" class="utrecht-select utrecht-select--html-select" @change=${(e: Event) => go({ indicator: (e.target as HTMLSelectElement).value, period: 'latest' }, e)}>
          ${themes.map(
            (theme) => html`<optgroup label=${theme}>
              ${(state.indicators ?? []).filter((i) => i.theme === theme).map((i) => html`<option value=${i.id} ?selected=${i.id === params.indicator}>${optionLabel(ctx, i)}</option>`)}
            </optgroup>`,
          )}
        </select>
      </div>
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="bb-map-period">${ctx.t('mapPeriod')}</label>
        <select id="bb-map-period" class="utrecht-select utrecht-select--html-select" @change=${(e: Event) => go({ period: (e.target as HTMLSelectElement).value }, e)}>
          <option value="latest" ?selected=${params.period === 'latest'}>${ctx.lang === 'nl' ? 'meest recent' : 'latest'}</option>
          ${(indicator?.periods ?? []).map((p) => html`<option value=${p.period} ?selected=${p.period === params.period}>${p.period}</option>`)}
        </select>
      </div>
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="bb-map-level">${ctx.t('mapLevel')}</label>
        <select id="bb-map-level" class="utrecht-select utrecht-select--html-select" @change=${(e: Event) => go({ level: (e.target as HTMLSelectElement).value as Level }, e)}>
          <option value="gemeente" ?selected=${params.level === 'gemeente'}>${ctx.t('level_gemeente')}</option>
          <option value="wijk" ?selected=${params.level === 'wijk'}>${ctx.t('level_wijk')}</option>
        </select>
      </div>
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="bb-map-within">${ctx.t('mapIn')}</label>
        <select id="bb-map-within" class="utrecht-select utrecht-select--html-select" @change=${(e: Event) => { const v = (e.target as HTMLSelectElement).value; go({ parent: v === '' ? null : v }, e); }}>
          <option value="" ?selected=${params.parent === null}>${ctx.t('mapWholeCountry')}</option>
          ${within.map((a) => html`<option value=${a.code} ?selected=${a.code === params.parent}>${a.name}</option>`)}
        </select>
      </div>
    </form>
    <p class="utrecht-paragraph bb-no-print">${params.level === 'gemeente'
      ? (ctx.lang === 'nl' ? 'Klik op een gemeente om de wijken te zien, of kies hierboven.' : 'Click a municipality to see its districts, or choose above.')
      : (ctx.lang === 'nl' ? 'Klik op een wijk om het profiel te openen.' : 'Click a district to open its profile.')}</p>
    ${state.error !== null ? html`<div class="utrecht-alert utrecht-alert--error" role="alert">${state.error}</div>` : nothing}
    ${state.svg === null
      ? state.error === null ? html`<p class="utrecht-paragraph" role="status">${ctx.t('loading')}</p>` : nothing
      : html`
          <figure class="bb-map utrecht-figure" @click=${onMapClick}>${unsafeSVG(state.svg)}</figure>
          <div class="utrecht-button-group">
            <button type="button" class="utrecht-button utrecht-button--secondary-action" @click=${() => downloadText('buurtbeeld-kaart.svg', state.svg!, 'image/svg+xml')}>${ctx.t('mapDownloadSvg')}</button>
            <button type="button" class="utrecht-button utrecht-button--secondary-action" @click=${() => void downloadPng('buurtbeeld-kaart.png', state.svg!, WIDTH, HEIGHT)}>${ctx.t('mapDownloadPng')}</button>
          </div>
          <details class="bb-details" ?open=${state.tableOpen} @toggle=${(e: Event) => {
            const open = (e.target as HTMLDetailsElement).open;
            if (open !== state.tableOpen) {
              state.tableOpen = open;
              ctx.refresh();
            }
          }}>
            <summary>${ctx.t('mapTableCaption')}</summary>
            <table class="utrecht-table">
              <caption class="utrecht-table__caption">${ctx.t('mapTableCaption')}</caption>
              <thead class="utrecht-table__header"><tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="col">${ctx.t('area')}</th><th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${ctx.t('value')}</th></tr></thead>
              <tbody class="utrecht-table__body">
                ${(state.tableOpen ? state.rows : []).map(
                  (r) => html`<tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="row"><a class="utrecht-link" href="/gebied/${r.area}">${state.names.get(r.area) ?? r.area}</a></th><td class="utrecht-table__cell utrecht-table__cell--numeric">${r.value === null ? ctx.t('missing') : formatNumber(ctx.lang, r.value, indicator?.decimals ?? 1)}</td></tr>`,
                )}
              </tbody>
            </table>
          </details>
        `}
  `;
}
