// Doelgroepen: where do the most people of a target group live? A ranking per province (and per urbanity
// stratum) as a table, the estimate as a map, CSV and print (A4 PDF via the print stylesheet), the neighbourhood
// types with the activities that fit them, and a form to define and save an own target group. Every number on
// the page comes from the API; the method is explained on /methoden.
import { html, nothing, type TemplateResult } from 'lit-html';
import { unsafeSVG } from 'lit-html/directives/unsafe-svg.js';
import { feature } from 'topojson-client';
import type { Feature, Geometry } from 'geojson';
import type { Topology } from 'topojson-specification';
import { ApiError, api } from '../api.ts';
import type { AppContext } from '../app-state.ts';
import { categoryMap, choropleth, type AreaProps } from '../charts/choropleth.ts';
import { formatNumber } from '../i18n.ts';
import { pickGeometry } from './map.ts';
import type {
  ActivityPalette,
  GeometryInfo,
  TargetEstimates,
  TargetRanking,
  TargetSummary,
  TargetValidationIssue,
  TypologyResult,
} from '../../shared/api.ts';
import type { Indicator, Level } from '../../shared/types.ts';

const TOKEN_KEY = 'buurtbeeld.editorToken';
const WIDTH = 640;
const HEIGHT = 700;

export interface SegmentationParams {
  target: string;
  level: 'gemeente' | 'wijk';
  by: 'number' | 'share' | 'density';
  strata: boolean;
}

export function readSegmentationParams(search: URLSearchParams): SegmentationParams {
  const by = search.get('op');
  return {
    target: search.get('doelgroep') ?? 'verhoogd-risico-diabetes-type-2',
    level: search.get('niveau') === 'wijk' ? 'wijk' : 'gemeente',
    by: by === 'share' || by === 'density' ? by : 'number',
    strata: search.get('strata') !== '0',
  };
}

interface TermDraft {
  labelNl: string;
  population: string;
  share: string;
  fallback: string;
  fraction: string;
}

interface State {
  key: string;
  targets: TargetSummary[] | null;
  indicators: Indicator[] | null;
  geometries: GeometryInfo[] | null;
  topologies: Map<string, Topology>;
  ranking: TargetRanking | null;
  estimates: TargetEstimates | null;
  svg: string | null;
  /** The boundaries the estimates map was drawn on, reused for the map of neighbourhood types. */
  features: Feature<Geometry, AreaProps>[] | null;
  error: string | null;
  typologyLevel: string;
  typology: TypologyResult | null;
  palettes: Map<string, ActivityPalette>;
  draft: { id: string; labelNl: string; labelEn: string; descriptionNl: string; terms: TermDraft[] };
  issues: TargetValidationIssue[];
  formMessage: { ok: boolean; text: string } | null;
  saving: boolean;
}

const emptyTerm = (): TermDraft => ({ labelNl: '', population: '', share: '', fallback: '', fraction: '1' });

const state: State = {
  key: '',
  targets: null,
  indicators: null,
  geometries: null,
  topologies: new Map(),
  ranking: null,
  estimates: null,
  svg: null,
  features: null,
  error: null,
  typologyLevel: '',
  typology: null,
  palettes: new Map(),
  draft: { id: '', labelNl: '', labelEn: '', descriptionNl: '', terms: [emptyTerm()] },
  issues: [],
  formMessage: null,
  saving: false,
};

const STRATUM_LABEL: Record<string, string> = { 'grote-stad': 'Grote stad', 'kleinere-stad': 'Kleinere stad of dorp', platteland: 'Platteland' };
const STRATUM_LABEL_EN: Record<string, string> = { 'grote-stad': 'Large city', 'kleinere-stad': 'Smaller town or village', platteland: 'Rural' };

function metricDecimals(by: SegmentationParams['by']): number {
  return by === 'share' ? 1 : 0;
}

async function load(ctx: AppContext, params: SegmentationParams): Promise<void> {
  try {
    state.targets ??= await api.targets();
    state.geometries ??= await api.geometries();
    const [ranking, estimates] = await Promise.all([
      api.rankings({ target: params.target, level: params.level, by: params.by, top: 5, strata: params.strata }),
      api.estimates(params.target, params.level),
    ]);
    state.ranking = ranking;
    state.estimates = estimates;
    state.error = null;
    ctx.refresh();
    const year = Number(estimates.sharePeriod ?? estimates.populationPeriod);
    const geometry = pickGeometry(state.geometries, params.level, year);
    if (geometry !== undefined) {
      let topology = state.topologies.get(geometry.id);
      if (topology === undefined) {
        topology = (await api.geometry(geometry.id)) as Topology;
        state.topologies.set(geometry.id, topology);
      }
      const object = topology.objects[geometry.id] ?? Object.values(topology.objects)[0]!;
      const collection = feature(topology, object) as unknown as { features: Feature<Geometry, AreaProps>[] };
      state.features = collection.features;
      const pick = (r: TargetEstimates['items'][number]) => (params.by === 'share' ? r.share : params.by === 'density' ? r.density : r.estimate);
      const values = new Map(estimates.items.map((r) => [r.code, pick(r)]));
      const unit = params.by === 'share' ? '%' : params.by === 'density' ? ' per km²' : '';
      state.svg = choropleth({
        title: `${estimates.target.labelNl} (${ctx.lang === 'nl' ? 'modelschatting' : 'model estimate'})`,
        features: collection.features,
        values,
        decimals: metricDecimals(params.by),
        width: WIDTH,
        height: HEIGHT,
        unitLabel: unit,
        missingLabel: ctx.t('missing'),
      }).svg;
    }
  } catch (error) {
    state.error = (error as Error).message;
  }
  ctx.refresh();
}

async function loadTypology(ctx: AppContext, level: Level, target: string): Promise<void> {
  try {
    state.typology = await api.typology(level);
    ctx.refresh();
    const palettes = await Promise.all(state.typology.types.map((t) => api.activities(target, t.id, level)));
    state.palettes = new Map(palettes.map((p) => [p.type!.id, p]));
  } catch (error) {
    state.typology = null;
    state.error = (error as Error).message;
  }
  ctx.refresh();
}

/** The definition the form describes, in the API's schema (docs/methods.md §1). */
function definitionFromDraft(): unknown {
  const d = state.draft;
  return {
    id: d.id.trim(),
    labelNl: d.labelNl.trim(),
    labelEn: d.labelEn.trim() || d.labelNl.trim(),
    descriptionNl: d.descriptionNl.trim(),
    terms: d.terms.map((t) => ({
      labelNl: t.labelNl.trim() || `${t.population} × ${t.share}`,
      population: t.population,
      populationFraction: Number(t.fraction.replace(',', '.')),
      share: t.share === '' ? undefined : t.share,
      shareFallbacks: t.fallback === '' ? [] : [t.fallback],
    })),
  };
}

async function save(ctx: AppContext, token: string): Promise<void> {
  state.saving = true;
  state.issues = [];
  state.formMessage = null;
  ctx.refresh();
  try {
    sessionStorage.setItem(TOKEN_KEY, token);
    const saved = await api.saveTarget(definitionFromDraft(), token);
    state.targets = await api.targets();
    state.formMessage = { ok: true, text: ctx.lang === 'nl' ? `Opgeslagen: ${saved.labelNl}.` : `Saved: ${saved.labelNl}.` };
    state.draft = { id: '', labelNl: '', labelEn: '', descriptionNl: '', terms: [emptyTerm()] };
  } catch (error) {
    state.issues = error instanceof ApiError ? error.issues : [];
    state.formMessage = { ok: false, text: (error as Error).message };
  }
  state.saving = false;
  ctx.refresh();
}

function fieldError(path: string): TemplateResult | typeof nothing {
  const messages = state.issues.filter((i) => i.path === path).map((i) => i.message);
  if (messages.length === 0) return nothing;
  return html`<p class="utrecht-form-field-error-message" id=${`bb-err-${path}`}>${messages.join('; ')}</p>`;
}

function textField(id: string, path: string, label: string, value: string, onInput: (v: string) => void, hint?: string): TemplateResult {
  const invalid = state.issues.some((i) => i.path === path);
  return html`<div class="utrecht-form-field ${invalid ? 'utrecht-form-field--invalid' : ''}">
    <label class="utrecht-form-label" for=${id}>${label}</label>
    ${hint === undefined ? nothing : html`<p class="utrecht-form-field-description" id=${`${id}-hint`}>${hint}</p>`}
    ${fieldError(path)}
    <input
      id=${id}
      class="utrecht-textbox utrecht-textbox--html-input"
      .value=${value}
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${[invalid ? `bb-err-${path}` : '', hint === undefined ? '' : `${id}-hint`].filter((x) => x !== '').join(' ') || nothing}
      @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)}
    />
  </div>`;
}

function indicatorSelect(id: string, path: string, label: string, value: string, options: Indicator[], onChange: (v: string) => void, optional: boolean): TemplateResult {
  const invalid = state.issues.some((i) => i.path === path);
  return html`<div class="utrecht-form-field ${invalid ? 'utrecht-form-field--invalid' : ''}">
    <label class="utrecht-form-label" for=${id}>${label}</label>
    ${fieldError(path)}
    <select
      id=${id}
      class="utrecht-select utrecht-select--html-select"
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${invalid ? `bb-err-${path}` : nothing}
      @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}
    >
      <option value="" ?selected=${value === ''}>${optional ? '(geen)' : '(kies)'}</option>
      ${options.map((i) => html`<option value=${i.id} ?selected=${i.id === value}>${i.labelNl}${i.ageGroup === null ? '' : ` (${i.ageGroup})`} – ${i.id}</option>`)}
    </select>
  </div>`;
}

function formView(ctx: AppContext): TemplateResult {
  const indicators = state.indicators ?? [];
  const counts = indicators.filter((i) => i.unit === 'count');
  const percents = indicators.filter((i) => i.unit === 'percent');
  const d = state.draft;
  const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  const refresh = () => ctx.refresh();
  const general = state.issues.filter((i) => i.path === '' || !/^(id|labelNl|labelEn|descriptionNl|terms\.\d+\.(population|share|shareFallbacks\.0|populationFraction|labelNl))$/.test(i.path));
  return html`
    <section class="bb-no-print" aria-labelledby="bb-define">
      <h2 class="utrecht-heading-2" id="bb-define">${ctx.lang === 'nl' ? 'Zelf een doelgroep maken' : 'Define a target group'}</h2>
      <p class="utrecht-paragraph">
        ${ctx.lang === 'nl'
          ? 'Een doelgroep is een aantal personen (uit de CBS-kerncijfers) maal een percentage (uit de Gezondheidsmonitor). Zonder percentage voor een jaar gebruikt buurtbeeld de reserve-indicator. Opslaan kan alleen met een sleutel van de beheerder.'
          : 'A target group is a number of persons (CBS) times a percentage (Health Monitor). Saving needs an editor token.'}
        <a class="utrecht-link" href="/methoden">${ctx.lang === 'nl' ? 'Hoe wordt er gerekend?' : 'How is it computed?'}</a>
      </p>
      <form
        class="bb-target-form"
        novalidate
        @submit=${(e: Event) => {
          e.preventDefault();
          const form = e.target as HTMLFormElement;
          const tokenInput = form.querySelector<HTMLInputElement>('#bb-t-token')!;
          void save(ctx, tokenInput.value);
        }}
      >
        ${textField('bb-t-id', 'id', 'Id (kleine letters, cijfers en koppeltekens)', d.id, (v) => ((d.id = v), refresh()), 'Bijvoorbeeld: ouderen-met-obesitas')}
        ${textField('bb-t-label', 'labelNl', 'Naam', d.labelNl, (v) => ((d.labelNl = v), refresh()))}
        ${textField('bb-t-label-en', 'labelEn', 'Naam in het Engels (mag leeg)', d.labelEn, (v) => ((d.labelEn = v), refresh()))}
        ${textField('bb-t-description', 'descriptionNl', 'Wat betekent het getal? (eenvoudige taal)', d.descriptionNl, (v) => ((d.descriptionNl = v), refresh()))}
        ${d.terms.map(
          (t, i) => html`<fieldset class="utrecht-form-fieldset">
            <legend class="utrecht-form-fieldset__legend">${ctx.lang === 'nl' ? `Term ${i + 1}` : `Term ${i + 1}`}</legend>
            ${textField(`bb-t-${i}-label`, `terms.${i}.labelNl`, 'Omschrijving van de term', t.labelNl, (v) => ((t.labelNl = v), refresh()))}
            ${indicatorSelect(`bb-t-${i}-population`, `terms.${i}.population`, 'Aantal personen', t.population, counts, (v) => ((t.population = v), refresh()), false)}
            ${textField(`bb-t-${i}-fraction`, `terms.${i}.populationFraction`, 'Deel van die personen (0–1)', t.fraction, (v) => ((t.fraction = v), refresh()), 'Bijvoorbeeld 0,7 voor de 18–24-jarigen binnen 15–24')}
            ${indicatorSelect(`bb-t-${i}-share`, `terms.${i}.share`, 'Percentage', t.share, percents, (v) => ((t.share = v), refresh()), false)}
            ${indicatorSelect(`bb-t-${i}-fallback`, `terms.${i}.shareFallbacks.0`, 'Reserve-percentage (als het eerste ontbreekt)', t.fallback, percents, (v) => ((t.fallback = v), refresh()), true)}
          </fieldset>`,
        )}
        <div class="utrecht-button-group">
          <button type="button" class="utrecht-button utrecht-button--secondary-action" ?disabled=${d.terms.length >= 4} @click=${() => (d.terms.push(emptyTerm()), refresh())}>
            ${ctx.lang === 'nl' ? 'Term toevoegen' : 'Add term'}
          </button>
          ${d.terms.length > 1
            ? html`<button type="button" class="utrecht-button utrecht-button--secondary-action" @click=${() => (d.terms.pop(), refresh())}>${ctx.lang === 'nl' ? 'Laatste term weghalen' : 'Remove last term'}</button>`
            : nothing}
        </div>
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="bb-t-token">${ctx.lang === 'nl' ? 'Sleutel (van de beheerder)' : 'Editor token'}</label>
          <p class="utrecht-form-field-description" id="bb-t-token-hint">${ctx.lang === 'nl' ? 'Wordt alleen in dit tabblad onthouden.' : 'Kept in this tab only.'}</p>
          <input id="bb-t-token" class="utrecht-textbox utrecht-textbox--html-input" type="password" autocomplete="off" .value=${token} aria-describedby="bb-t-token-hint" />
        </div>
        ${general.length > 0 ? html`<ul class="utrecht-unordered-list">${general.map((i) => html`<li>${i.path === '' ? '' : `${i.path}: `}${i.message}</li>`)}</ul>` : nothing}
        ${state.formMessage === null
          ? nothing
          : html`<div class="utrecht-alert ${state.formMessage.ok ? 'utrecht-alert--ok' : 'utrecht-alert--error'}" role=${state.formMessage.ok ? 'status' : 'alert'}>${state.formMessage.text}</div>`}
        <button type="submit" class="utrecht-button utrecht-button--primary-action" ?disabled=${state.saving}>${ctx.lang === 'nl' ? 'Doelgroep opslaan' : 'Save target group'}</button>
      </form>
    </section>
  `;
}

function rankingTable(ctx: AppContext, ranking: TargetRanking, by: SegmentationParams['by']): TemplateResult {
  const nl = ctx.lang === 'nl';
  const fmt = (v: number) => formatNumber(ctx.lang, v, metricDecimals(by));
  const metricLabel = by === 'share' ? (nl ? '% van de inwoners' : '% of residents') : by === 'density' ? 'per km²' : nl ? 'aantal personen' : 'number of people';
  const strata = nl ? STRATUM_LABEL : STRATUM_LABEL_EN;
  const caption = nl
    ? `Top ${ranking.top} per provincie${ranking.strata ? ' en soort gebied' : ''}: ${ranking.target.labelNl} (${metricLabel})`
    : `Top ${ranking.top} per province${ranking.strata ? ' and kind of area' : ''}: ${ranking.target.labelEn ?? ranking.target.labelNl} (${metricLabel})`;
  return html`
    <table class="utrecht-table bb-ranking">
      <caption class="utrecht-table__caption">${caption}</caption>
      <thead class="utrecht-table__header">
        <tr class="utrecht-table__row">
          <th class="utrecht-table__header-cell" scope="col">${nl ? 'Provincie' : 'Province'}</th>
          ${ranking.strata ? html`<th class="utrecht-table__header-cell" scope="col">${nl ? 'Soort gebied' : 'Kind of area'}</th>` : nothing}
          <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${nl ? 'Plaats' : 'Rank'}</th>
          <th class="utrecht-table__header-cell" scope="col">${ctx.t('area')}</th>
          <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${metricLabel}</th>
          <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${nl ? 'Bandbreedte' : 'Plausible range'}</th>
          <th class="utrecht-table__header-cell" scope="col">${nl ? 'Volgorde zeker?' : 'Order certain?'}</th>
        </tr>
      </thead>
      <tbody class="utrecht-table__body">
        ${ranking.groups.flatMap((g) =>
          g.entries.map(
            (e) => html`<tr class="utrecht-table__row">
              <td class="utrecht-table__cell">${g.groupName}</td>
              ${ranking.strata ? html`<td class="utrecht-table__cell">${strata[g.stratum ?? ''] ?? '–'}</td>` : nothing}
              <td class="utrecht-table__cell utrecht-table__cell--numeric">${e.rank}</td>
              <th class="utrecht-table__header-cell" scope="row"><a class="utrecht-link" href="/gebied/${e.code}">${e.name === '' ? e.code : e.name}</a></th>
              <td class="utrecht-table__cell utrecht-table__cell--numeric">${fmt(e.value)}</td>
              <td class="utrecht-table__cell utrecht-table__cell--numeric">${fmt(e.low)} – ${fmt(e.high)}</td>
              <td class="utrecht-table__cell">${e.overlapsNext ? (nl ? 'Nee: overlapt met de volgende' : 'No: overlaps the next') : nl ? 'Ja' : 'Yes'}</td>
            </tr>`,
          ),
        )}
      </tbody>
    </table>
  `;
}

/** Each area's type on the map, and the same as a table for readers who do not use the map. */
function typesMap(typology: TypologyResult): TemplateResult {
  if (state.features === null) return html``;
  const index = new Map(typology.types.map((t, i) => [t.id, i]));
  const categories = new Map<string, number>();
  for (const item of typology.items) {
    const i = index.get(item.type);
    if (i !== undefined) categories.set(item.code, i);
  }
  const labelOf = new Map(typology.types.map((t) => [t.id, t.labelNl]));
  const svg = categoryMap({
    title: `Typen ${typology.level === 'wijk' ? 'wijken' : 'gemeenten'}`,
    features: state.features,
    categories,
    labels: typology.types.map((t) => t.labelNl),
    width: WIDTH,
    height: HEIGHT,
  });
  return html`<figure class="bb-map utrecht-figure">${unsafeSVG(svg)}</figure>
    <details class="bb-details">
      <summary>Het type van elk gebied (tabel)</summary>
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">Type per gebied</caption>
        <thead class="utrecht-table__header"><tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="col">Gebied</th><th class="utrecht-table__header-cell" scope="col">Type</th></tr></thead>
        <tbody class="utrecht-table__body">
          ${typology.items.map((item) => html`<tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="row"><a class="utrecht-link" href="/gebied/${item.code}">${item.name === '' ? item.code : item.name}</a></th><td class="utrecht-table__cell">${labelOf.get(item.type) ?? item.type}</td></tr>`)}
        </tbody>
      </table>
    </details>`;
}

function typologyView(ctx: AppContext): TemplateResult {
  const typology = state.typology;
  if (typology === null) return html`<p class="utrecht-paragraph" role="status">${ctx.t('loading')}</p>`;
  return html`
    <p class="utrecht-paragraph">
      ${typology.level === 'wijk' ? 'Wijken' : 'Gemeenten'} zijn met een vaste startwaarde (seed ${typology.seed}) in ${typology.k} typen ingedeeld op
      ${typology.features.map((f) => f.id).join(', ')}.
      ${typology.leftOutFeatures.length > 0 ? `Niet meegenomen: ${typology.leftOutFeatures.map((f) => `${f.id} (${f.reasonNl})`).join('; ')}.` : ''}
    </p>
    ${typesMap(typology)}
    ${typology.types.map((t) => {
      const palette = state.palettes.get(t.id);
      return html`<section class="bb-type" aria-labelledby=${`bb-${t.id}`}>
        <h3 class="utrecht-heading-3" id=${`bb-${t.id}`}>${t.labelNl} (${formatNumber(ctx.lang, t.size, 0)})</h3>
        ${palette === undefined
          ? nothing
          : html`<ul class="utrecht-unordered-list">
              ${palette.items.slice(0, 5).map(
                (m) => html`<li>
                  <strong>${m.activity.nameNl}</strong> – ${m.activity.descriptionNl}
                  <br />${m.reasonsNl.join('; ')}. Financiering: ${m.activity.financing.join(', ')}. Erkenning: ${m.activity.recognition.status}.
                </li>`,
              )}
            </ul>`}
      </section>`;
    })}
  `;
}

export function segmentationView(ctx: AppContext, params: SegmentationParams): TemplateResult {
  const key = JSON.stringify(params);
  if (state.key !== key) {
    state.key = key;
    state.svg = null;
    state.ranking = null;
    void load(ctx, params);
    if (state.indicators === null) {
      void api.indicators().then((list) => {
        state.indicators = list;
        ctx.refresh();
      });
    }
  }
  const typologyKey = `${params.level}|${params.target}`;
  if (state.typologyLevel !== typologyKey) {
    state.typologyLevel = typologyKey;
    state.typology = null;
    state.palettes = new Map();
    void loadTypology(ctx, params.level, params.target);
  }
  const go = (patch: Partial<SegmentationParams>) => {
    const next = { ...params, ...patch };
    const q = new URLSearchParams({ doelgroep: next.target, niveau: next.level, op: next.by, strata: next.strata ? '1' : '0' });
    ctx.navigate(`/doelgroepen?${q.toString()}`);
  };
  const ranking = state.ranking;
  const csvUrl = api.csvUrl('/rankings', { target: params.target, level: params.level, by: params.by, top: '5', strata: String(params.strata) });
  const selected = state.targets?.find((t) => t.id === params.target);
  return html`
    <h1 class="utrecht-heading-1">${ctx.t('navSegmentation')}</h1>
    <p class="utrecht-paragraph">
      ${ctx.lang === 'nl'
        ? 'Waar wonen de meeste mensen uit een doelgroep? Kies een doelgroep en zie per provincie de plaatsen met de meeste mensen, voor grote steden, kleinere plaatsen en het platteland.'
        : 'Where do most people of a target group live? Top places per province, for large cities, smaller towns and rural areas.'}
    </p>
    <form class="bb-map-controls bb-no-print" @submit=${(e: Event) => e.preventDefault()}>
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="bb-seg-target">${ctx.lang === 'nl' ? 'Doelgroep' : 'Target group'}</label>
        <select id="bb-seg-target" class="utrecht-select utrecht-select--html-select" @change=${(e: Event) => go({ target: (e.target as HTMLSelectElement).value })}>
          ${(state.targets ?? []).map((t) => html`<option value=${t.id} ?selected=${t.id === params.target}>${t.labelNl}${t.builtIn ? '' : ' (eigen)'}</option>`)}
        </select>
      </div>
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="bb-seg-level">${ctx.t('mapLevel')}</label>
        <select id="bb-seg-level" class="utrecht-select utrecht-select--html-select" @change=${(e: Event) => go({ level: (e.target as HTMLSelectElement).value === 'wijk' ? 'wijk' : 'gemeente' })}>
          <option value="gemeente" ?selected=${params.level === 'gemeente'}>${ctx.t('level_gemeente')}</option>
          <option value="wijk" ?selected=${params.level === 'wijk'}>${ctx.t('level_wijk')}</option>
        </select>
      </div>
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="bb-seg-by">${ctx.lang === 'nl' ? 'Rangschikken op' : 'Rank by'}</label>
        <select id="bb-seg-by" class="utrecht-select utrecht-select--html-select" @change=${(e: Event) => go({ by: (e.target as HTMLSelectElement).value as SegmentationParams['by'] })}>
          <option value="number" ?selected=${params.by === 'number'}>${ctx.lang === 'nl' ? 'aantal personen' : 'number of people'}</option>
          <option value="share" ?selected=${params.by === 'share'}>${ctx.lang === 'nl' ? 'aandeel van de inwoners' : 'share of residents'}</option>
          <option value="density" ?selected=${params.by === 'density'}>${ctx.lang === 'nl' ? 'personen per km²' : 'people per km²'}</option>
        </select>
      </div>
      <div class="utrecht-form-field utrecht-form-field--checkbox">
        <input id="bb-seg-strata" type="checkbox" class="utrecht-checkbox utrecht-checkbox--html-input" ?checked=${params.strata} @change=${(e: Event) => go({ strata: (e.target as HTMLInputElement).checked })} />
        <label class="utrecht-form-label utrecht-form-label--checkbox" for="bb-seg-strata">${ctx.lang === 'nl' ? 'Apart voor grote stad, kleinere stad en platteland' : 'Separately per urbanity stratum'}</label>
      </div>
    </form>
    ${selected === undefined ? nothing : html`<p class="utrecht-paragraph">${selected.descriptionNl}</p>`}
    ${state.error !== null ? html`<div class="utrecht-alert utrecht-alert--error" role="alert">${state.error}</div>` : nothing}
    ${ranking === null
      ? html`<p class="utrecht-paragraph" role="status">${ctx.t('loading')}</p>`
      : html`
          <div class="utrecht-alert utrecht-alert--warning">${ranking.warningNl}</div>
          <div class="utrecht-button-group bb-no-print">
            <a class="utrecht-button-link utrecht-button-link--secondary-action" href=${csvUrl} download="buurtbeeld-ranglijst.csv">${ctx.lang === 'nl' ? 'Ranglijst downloaden (CSV)' : 'Download ranking (CSV)'}</a>
            <button type="button" class="utrecht-button utrecht-button--secondary-action" @click=${() => window.print()}>${ctx.lang === 'nl' ? 'Afdrukken of opslaan als PDF' : 'Print or save as PDF'}</button>
          </div>
          ${rankingTable(ctx, ranking, params.by)}
          <p class="utrecht-paragraph">
            ${ctx.lang === 'nl' ? 'Grote stad' : 'Large city'}: ${ctx.lang === 'nl' ? 'ten minste' : 'at least'} ${formatNumber(ctx.lang, ranking.thresholds.bigCityMinInhabitants, 0)}
            ${ctx.lang === 'nl' ? 'inwoners en stedelijkheid' : 'inhabitants and urbanity'} 1–${ranking.thresholds.bigCityMaxUrbanity};
            platteland: ${ctx.lang === 'nl' ? 'stedelijkheid' : 'urbanity'} ${ranking.thresholds.ruralMinUrbanity}–5.
            ${ctx.lang === 'nl' ? 'Cijfers: aantallen' : 'Counts'} ${ranking.populationPeriod}, ${ctx.lang === 'nl' ? 'percentages' : 'shares'} ${ranking.sharePeriod ?? '–'}.
            ${ranking.unranked.length > 0 ? `${ranking.unranked.length} ${ctx.lang === 'nl' ? 'gebieden zonder schatting of indeling' : 'areas without an estimate or stratum'}.` : ''}
          </p>
        `}
    <section class="bb-print-break" aria-labelledby="bb-seg-map">
      <h2 class="utrecht-heading-2" id="bb-seg-map">${ctx.lang === 'nl' ? 'Kaart van de schatting' : 'Map of the estimate'}</h2>
      ${state.svg === null ? html`<p class="utrecht-paragraph" role="status">${ctx.t('loading')}</p>` : html`<figure class="bb-map utrecht-figure">${unsafeSVG(state.svg)}</figure>`}
      ${state.estimates === null ? nothing : html`<p class="utrecht-paragraph">${state.estimates.noteNl}</p>`}
    </section>
    <section class="bb-print-break" aria-labelledby="bb-seg-types">
      <h2 class="utrecht-heading-2" id="bb-seg-types">${ctx.lang === 'nl' ? 'Soorten wijken en passende activiteiten' : 'Neighbourhood types and activities'}</h2>
      ${typologyView(ctx)}
    </section>
    ${formView(ctx)}
  `;
}
