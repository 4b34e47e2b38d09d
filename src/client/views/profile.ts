// The area profile (wijkgezondheidsprofiel): population, health compared with the gemeente, the region and the
// Netherlands, signals, sub-areas and comparable areas. Everything shown comes from /api/v1/areas/{code}/profile;
// the page only presents it. `report` renders the same content as a print-ready A4 document.
import { html, nothing, svg, type TemplateResult } from 'lit-html';
import { unsafeSVG } from 'lit-html/directives/unsafe-svg.js';
import { api } from '../api.ts';
import type { AppContext } from '../app-state.ts';
import { spineChart, spinePanel } from '../charts/spine.ts';
import { trendChart } from '../charts/trend.ts';
import { downloadPng, downloadText, toCsvText } from '../download.ts';
import { formatNumber, type Lang, type MessageKey } from '../i18n.ts';
import type { AreaProfile, HealthFigure, Judgement, PopulationFigure } from '../../domain/profile/profile.ts';
import type { Indicator, Provenance, Unit } from '../../shared/types.ts';

interface ProfileState {
  code: string;
  profile: AreaProfile | null;
  error: string | null;
  age: '18+' | '65+' | '18-64';
  sort: { column: number; descending: boolean } | null;
}

const state: ProfileState = { code: '', profile: null, error: null, age: '18+', sort: null };
let catalog: Map<string, Indicator> | null = null;

function load(ctx: AppContext, code: string): void {
  state.code = code;
  state.profile = null;
  state.error = null;
  state.sort = null;
  Promise.all([api.profile(code), catalog === null ? api.indicators() : Promise.resolve(null)])
    .then(([profile, indicators]) => {
      if (indicators !== null) catalog = new Map(indicators.map((i) => [i.id, i]));
      state.profile = profile;
      document.title = `${displayName(profile.area)} – Buurtbeeld`;
    })
    .catch((error: unknown) => {
      state.error = (error as Error).message;
    })
    .finally(ctx.refresh);
}

/** A figure with its unit, as a reader expects it: "41,4 %", "€ 36.000", "43,3 per 1000", "4.950 per km²". */
function fmt(lang: Lang, value: number | null, decimals: number, unit: Unit): string {
  if (value === null) return '–';
  const n = formatNumber(lang, value, decimals);
  switch (unit) {
    case 'percent':
      return lang === 'nl' ? `${n} %` : `${n}%`;
    case 'euro-x1000':
      return `€ ${formatNumber(lang, value * 1000, 0)}`;
    case 'euro':
      return `€ ${n}`;
    case 'per-1000':
      return `${n} per 1000`;
    case 'per-km2':
      return `${n} per km²`;
    case 'km':
      return `${n} km`;
    case 'ha':
      return `${n} ha`;
    default:
      return n;
  }
}

function judgementText(ctx: AppContext, j: Judgement | null): string {
  if (j === null) return '';
  const nl = { better: 'beter', worse: 'minder goed', similar: 'vergelijkbaar', 'no-judgement': 'geen oordeel' };
  const en = { better: 'better', worse: 'worse', similar: 'similar', 'no-judgement': 'no judgement' };
  return (ctx.lang === 'nl' ? nl : en)[j];
}

function missingText(ctx: AppContext, reason: string | null): string {
  if (reason === null) return '';
  if (reason === 'not-derivable') return ctx.lang === 'nl' ? 'Niet te berekenen: de benodigde cijfers ontbreken.' : 'Cannot be computed: the figures needed are missing.';
  return ctx.t(`missing_${reason}` as MessageKey);
}

function sourceLine(ctx: AppContext, p: Provenance, period: string): string {
  return `${ctx.t('source')}: ${p.publisher}, ${ctx.t('table').toLowerCase()} ${p.tableId}, ${ctx.t('column').toLowerCase()} ${p.sourceColumn}, ${ctx.t('period').toLowerCase()} ${period}, ${ctx.t('classification').toLowerCase()} ${p.classificationYear}`;
}

/** RIVM's buurt codes of 2020 come without a name: show the code, so the heading and title are never empty. */
function displayName(area: { code: string; name: string }): string {
  return area.name === '' ? area.code : area.name;
}

function label(ctx: AppContext, x: { labelNl: string; labelEn: string }): string {
  return ctx.lang === 'nl' ? x.labelNl : x.labelEn;
}

function explain(ctx: AppContext, figure: HealthFigure): TemplateResult {
  const indicator = catalog?.get(figure.indicatorId);
  return html`<details class="bb-explain">
    <summary>${ctx.t('definition')}<span class="bb-visually-hidden"> ${label(ctx, figure)}</span></summary>
    ${indicator === undefined ? nothing : html`<p class="utrecht-paragraph">${ctx.lang === 'nl' ? indicator.definitionNl : indicator.definitionEn}</p>`}
    <p class="bb-source">${sourceLine(ctx, figure.provenance, figure.period)}${figure.ageGroup === null ? '' : `, ${ctx.t('ageGroup').toLowerCase()} ${figure.ageGroup}`}</p>
    ${figure.isEstimate ? html`<p class="bb-source">${ctx.t('estimateExplain')}</p>` : nothing}
    ${figure.value.missing === null ? nothing : html`<p class="bb-source">${missingText(ctx, figure.value.missing)}</p>`}
  </details>`;
}

function populationSection(ctx: AppContext, figures: readonly PopulationFigure[]): TemplateResult {
  return html`<section aria-labelledby="bb-pop">
    <h2 class="utrecht-heading-2" id="bb-pop">${ctx.lang === 'nl' ? 'Wie wonen er?' : 'Who lives here?'}</h2>
    <ul class="bb-kpis">
      ${figures.map(
        (f) => html`<li class="bb-kpi">
          <span class="bb-kpi__value">${fmt(ctx.lang, f.value, f.decimals, f.unit)}</span>
          <span class="bb-kpi__label">${label(ctx, f)}${f.period === null ? '' : ` (${f.period})`}</span>
          ${f.value === null ? html`<span class="bb-source">${missingText(ctx, f.missing)}</span>` : nothing}
          ${(ctx.lang === 'nl' ? f.fallbackNl : f.fallbackEn) === null ? nothing : html`<span class="bb-source">${ctx.lang === 'nl' ? f.fallbackNl : f.fallbackEn}</span>`}
          <details class="bb-explain">
            <summary>${ctx.t('source')}<span class="bb-visually-hidden"> ${label(ctx, f)}</span></summary>
            ${f.provenance.map((p) => html`<p class="bb-source">${sourceLine(ctx, p, f.period ?? '')}</p>`)}
            ${f.derivedFrom === null ? nothing : html`<p class="bb-source">${ctx.lang === 'nl' ? 'Berekend' : 'Computed'}: ${f.derivedFrom.formula}</p>`}
          </details>
        </li>`,
      )}
    </ul>
  </section>`;
}

function signalsSection(ctx: AppContext, profile: AreaProfile): TemplateResult {
  const list = (items: AreaProfile['signals']['favourable']) =>
    items.length === 0
      ? html`<p class="utrecht-paragraph">${ctx.lang === 'nl' ? 'Geen duidelijke verschillen.' : 'No clear differences.'}</p>`
      : html`<ul class="utrecht-unordered-list">${items.map((s) => html`<li class="utrecht-unordered-list__item">${ctx.lang === 'nl' ? s.textNl : s.textEn}</li>`)}</ul>`;
  return html`<section aria-labelledby="bb-signals">
    <h2 class="utrecht-heading-2" id="bb-signals">${ctx.lang === 'nl' ? 'Wat valt op?' : 'What stands out?'}</h2>
    <div class="bb-signals">
      <div><h3 class="utrecht-heading-3">${ctx.lang === 'nl' ? 'Wat gaat goed' : 'What goes well'}</h3>${list(profile.signals.favourable)}</div>
      <div><h3 class="utrecht-heading-3">${ctx.lang === 'nl' ? 'Aandachtspunten' : 'Points of attention'}</h3>${list(profile.signals.unfavourable)}</div>
    </div>
    ${profile.clusters.length === 0
      ? nothing
      : html`<h3 class="utrecht-heading-3">${ctx.lang === 'nl' ? 'Onderlinge samenhang' : 'How problems go together'}</h3>
          <ul class="utrecht-unordered-list">${profile.clusters.slice(0, 3).map((c) => html`<li class="utrecht-unordered-list__item">${ctx.lang === 'nl' ? c.textNl : c.textEn}</li>`)}</ul>`}
  </section>`;
}

/** The spread column of one age group as one picture, to download as SVG or PNG. */
function spineDownloads(ctx: AppContext, profile: AreaProfile, age: string): TemplateResult {
  const rows = healthRows(profile, age).filter((h) => h.spine !== null);
  if (rows.length === 0) return html``;
  const nl = ctx.lang === 'nl';
  const picture = () =>
    spinePanel(
      `${displayName(profile.area)} — ${nl ? 'gezondheid' : 'health'} ${age}, ${rows[0]!.period} (${ctx.t('estimate')})`,
      rows.map((h) => ({
        label: label(ctx, h),
        valueText: fmt(ctx.lang, h.value.value, h.decimals, h.unit),
        p5: h.spine!.p5, p25: h.spine!.p25, median: h.spine!.median, p75: h.spine!.p75, p95: h.spine!.p95,
        value: h.value.value, reference: h.spine!.nlValue, polarity: h.polarity, judgement: h.judgementVsNl,
      })),
      nl ? 'Licht: 5–95 % van de gebieden van dit niveau; donker: 25–75 %; zwarte lijn: Nederland; rechts is gunstiger. Bron: RIVM 50090NED.' : 'Light: 5–95% of areas of this level; dark: 25–75%; black line: the Netherlands; right is more favourable. Source: RIVM 50090NED.',
    );
  const file = `buurtbeeld-${profile.area.code}-spreiding-${age.replace('+', 'plus')}`;
  return html`<div class="bb-toolbar bb-no-print">
    <button type="button" class="utrecht-button utrecht-button--secondary-action" @click=${() => downloadText(`${file}.svg`, picture().svg, 'image/svg+xml')}>${nl ? 'Spreiding downloaden (SVG)' : 'Download spread (SVG)'}</button>
    <button type="button" class="utrecht-button utrecht-button--secondary-action" @click=${() => { const p = picture(); void downloadPng(`${file}.png`, p.svg, p.width, p.height); }}>${nl ? 'Spreiding downloaden (PNG)' : 'Download spread (PNG)'}</button>
  </div>`;
}

/** The difference with Nederland in the indicator's unit: percentage points for percentages. */
function differenceText(ctx: AppContext, figure: HealthFigure): string {
  const d = figure.comparisons.find((c) => c.role === 'land')?.difference ?? null;
  if (d === null) return '';
  const n = formatNumber(ctx.lang, Math.abs(d), figure.decimals);
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  const unit = figure.unit === 'percent' ? (ctx.lang === 'nl' ? ' procentpunt' : ' percentage points') : '';
  return ` (${sign}${n}${unit})`;
}

function healthRows(profile: AreaProfile, age: string): HealthFigure[] {
  return profile.health.filter((h) => h.ageGroup === age);
}

function comparisonValue(figure: HealthFigure, role: string): number | null {
  return figure.comparisons.find((c) => c.role === role)?.value.value ?? null;
}

function healthSection(ctx: AppContext, profile: AreaProfile, report: boolean): TemplateResult {
  const ages = (['18+', '65+', '18-64'] as const).filter((a) => profile.health.some((h) => h.ageGroup === a));
  const shown = report ? ages : ages.filter((a) => a === state.age);
  const roles = profile.comparators.map((c) => c.role);
  return html`<section aria-labelledby="bb-health">
    <h2 class="utrecht-heading-2" id="bb-health">${ctx.lang === 'nl' ? 'Gezondheid' : 'Health'}</h2>
    <p class="utrecht-paragraph">${ctx.lang === 'nl' ? profile.methods.judgementNl : profile.methods.judgementEn}</p>
    ${report
      ? nothing
      : html`<div class="utrecht-button-group" role="group" aria-label=${ctx.t('ageGroup')}>
          ${ages.map(
            (a) => html`<button type="button" class="utrecht-button ${a === state.age ? 'utrecht-button--primary-action' : 'utrecht-button--secondary-action'}" aria-pressed=${a === state.age ? 'true' : 'false'} @click=${() => { state.age = a; ctx.refresh(); }}>${a === '18+' ? (ctx.lang === 'nl' ? 'Volwassenen (18+)' : 'Adults (18+)') : a === '65+' ? (ctx.lang === 'nl' ? 'Ouderen (65+)' : 'Older people (65+)') : '18–64'}</button>`,
          )}
        </div>`}
    ${shown.map(
      (age) => html`<div class="bb-table-wrap"><table class="utrecht-table bb-health-table">
        <caption class="utrecht-table__caption">${ctx.lang === 'nl' ? 'Gezondheid en leefstijl' : 'Health and lifestyle'}, ${age}, ${healthRows(profile, age)[0]?.period ?? ''} — ${ctx.t('estimate')}</caption>
        <thead class="utrecht-table__header"><tr class="utrecht-table__row">
          <th class="utrecht-table__header-cell" scope="col">${ctx.lang === 'nl' ? 'Onderwerp' : 'Topic'}</th>
          <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${displayName(profile.area)}</th>
          ${profile.comparators.map((c) => html`<th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${c.area.name}${c.role === 'ggdregio' || c.role === 'provincie' ? html`<span aria-hidden="true">*</span>` : nothing}</th>`)}
          <th class="utrecht-table__header-cell" scope="col">${ctx.lang === 'nl' ? 'Vergeleken met Nederland' : 'Compared with the Netherlands'}</th>
          <th class="utrecht-table__header-cell" scope="col">${ctx.lang === 'nl' ? 'Spreiding in Nederland' : 'Spread in the Netherlands'}</th>
        </tr></thead>
        <tbody class="utrecht-table__body">
          ${healthRows(profile, age).map(
            (h) => html`<tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">${label(ctx, h)}${explain(ctx, h)}</th>
              <td class="utrecht-table__cell utrecht-table__cell--numeric">${fmt(ctx.lang, h.value.value, h.decimals, h.unit)}${h.value.value === null ? html`<span class="bb-visually-hidden">${missingText(ctx, h.value.missing)}</span>` : nothing}</td>
              ${roles.map((role) => html`<td class="utrecht-table__cell utrecht-table__cell--numeric">${fmt(ctx.lang, comparisonValue(h, role), h.decimals, h.unit)}</td>`)}
              <td class="utrecht-table__cell bb-judgement--${h.judgementVsNl}">${judgementText(ctx, h.judgementVsNl)}${differenceText(ctx, h)}</td>
              <td class="utrecht-table__cell">${h.spine === null
                ? '–'
                : unsafeSVG(spineChart({
                    label: `${label(ctx, h)}: ${fmt(ctx.lang, h.value.value, h.decimals, h.unit)}; Nederland ${fmt(ctx.lang, h.spine.nlValue, h.decimals, h.unit)}`,
                    p5: h.spine.p5, p25: h.spine.p25, median: h.spine.median, p75: h.spine.p75, p95: h.spine.p95,
                    value: h.value.value, reference: h.spine.nlValue, polarity: h.polarity, judgement: h.judgementVsNl,
                  }))}</td>
            </tr>`,
          )}
        </tbody>
      </table></div>
      ${spineDownloads(ctx, profile, age)}`,
    )}
    <p class="bb-source">* ${ctx.lang === 'nl' ? profile.methods.regionsNl : profile.methods.regionsEn}
      ${ctx.lang === 'nl' ? 'In de spreiding: licht = 5–95 % van de gebieden van dit niveau, donker = 25–75 %, zwarte lijn = Nederland; rechts is gunstiger.' : 'In the spread: light = 5–95% of areas of this level, dark = 25–75%, black line = the Netherlands; right is more favourable.'}</p>
  </section>`;
}

function trendSection(ctx: AppContext, profile: AreaProfile): TemplateResult {
  const figures = healthRows(profile, '18+').filter((h) => h.trend.filter((p) => p.value !== null).length >= 2).slice(0, 9);
  if (figures.length === 0) return html``;
  return html`<section aria-labelledby="bb-trend" class="bb-print-break">
    <h2 class="utrecht-heading-2" id="bb-trend">${ctx.lang === 'nl' ? 'Ontwikkeling 2012 – 2016 – 2020' : 'Trend 2012 – 2016 – 2020'}</h2>
    <div class="bb-trends">
      ${figures.map((h) => {
        const periods = h.trend.map((p) => p.period);
        // The catalog's labels of age-specific indicators already name the age group; add it only when not.
        const caption = label(ctx, h).includes('(18+)') ? label(ctx, h) : `${label(ctx, h)} (18+)`;
        // role="img" hides the points' own titles from screen readers, so the text alternative carries the figures.
        const figures = h.trend.map((p) => `${p.period}: ${p.value === null ? ctx.t('missing') : fmt(ctx.lang, p.value, h.decimals, h.unit)}`).join(', ');
        const chart = trendChart({ title: `${caption}, ${displayName(profile.area)}. ${figures}`, periods, series: [{ label: displayName(profile.area), values: h.trend.map((p) => p.value), emphasis: true }] });
        return html`<figure class="utrecht-figure">
          <figcaption>${caption}</figcaption>
          ${unsafeSVG(chart)}
          <div class="bb-toolbar bb-no-print">
            <button type="button" class="utrecht-button utrecht-button--subtle" @click=${() => downloadText(`${profile.area.code}-${h.indicatorId}.svg`, chart, 'image/svg+xml')}>SVG<span class="bb-visually-hidden"> ${label(ctx, h)}</span></button>
            <button type="button" class="utrecht-button utrecht-button--subtle" @click=${() => void downloadPng(`${profile.area.code}-${h.indicatorId}.png`, chart, 320, 160)}>PNG<span class="bb-visually-hidden"> ${label(ctx, h)}</span></button>
          </div>
        </figure>`;
      })}
    </div>
  </section>`;
}

function subAreasSection(ctx: AppContext, profile: AreaProfile): TemplateResult {
  const table = profile.subAreas;
  if (table.rows.length === 0) return html``;
  // Sub-areas of several classification years can occur (wijken redrawn); show those of the newest year that
  // the health figures are on, so that the rows carry data.
  const healthYear = profile.health[0]?.provenance.classificationYear;
  const years = [...new Set(table.rows.flatMap((r) => r.years))].sort((a, b) => b - a);
  const year = healthYear !== undefined && years.includes(healthYear) ? healthYear : years[0];
  let rows = table.rows.filter((r) => year === undefined || r.years.includes(year));
  if (state.sort !== null) {
    const { column, descending } = state.sort;
    rows = [...rows].sort((a, b) => {
      const va = column < 0 ? null : a.cells[column]?.value ?? null;
      const vb = column < 0 ? null : b.cells[column]?.value ?? null;
      if (column < 0) return (descending ? -1 : 1) * a.name.localeCompare(b.name, 'nl');
      if (va === null) return 1;
      if (vb === null) return -1;
      return descending ? vb - va : va - vb;
    });
  }
  const max = table.columns.map((_, k) => Math.max(...rows.map((r) => r.cells[k]?.value ?? 0)));
  const sortButton = (column: number, text: string) => {
    const active = state.sort?.column === column;
    return html`<button type="button" class="bb-sort" @click=${() => { state.sort = { column, descending: active ? !state.sort!.descending : true }; ctx.refresh(); }}>${text}<span aria-hidden="true">${active ? (state.sort!.descending ? ' ▼' : ' ▲') : ' ↕'}</span></button>`;
  };
  const ariaSort = (column: number) => (state.sort?.column === column ? (state.sort.descending ? 'descending' : 'ascending') : 'none');
  const levelName = rows[0] === undefined ? '' : ctx.t(`level_${rows[0].level}` as MessageKey);
  return html`<section aria-labelledby="bb-sub" class="bb-print-break">
    <h2 class="utrecht-heading-2" id="bb-sub">${ctx.lang === 'nl' ? `Gebieden binnen ${displayName(profile.area)}` : `Areas within ${displayName(profile.area)}`}</h2>
    <div class="bb-table-wrap"><table class="utrecht-table">
      <caption class="utrecht-table__caption">${levelName} (${ctx.t('classification').toLowerCase()} ${year ?? ''})</caption>
      <thead class="utrecht-table__header"><tr class="utrecht-table__row">
        <th class="utrecht-table__header-cell" scope="col" aria-sort=${ariaSort(-1)}>${sortButton(-1, ctx.t('name'))}</th>
        ${table.columns.map((c, k) => html`<th class="utrecht-table__header-cell" scope="col" aria-sort=${ariaSort(k)}>${sortButton(k, label(ctx, c))}</th>`)}
      </tr></thead>
      <tbody class="utrecht-table__body">
        ${rows.map(
          (r) => html`<tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="row"><a class="utrecht-link" href="/gebied/${r.code}">${r.name === '' ? r.code : r.name}</a></th>
            ${r.cells.map((cell, k) => {
              const c = table.columns[k]!;
              return html`<td class="utrecht-table__cell utrecht-table__cell--numeric">${fmt(ctx.lang, cell.value, c.decimals, c.unit)}${cell.value === null || !(max[k]! > 0) ? nothing : html`<svg class="bb-bar" width="48" height="8" aria-hidden="true" focusable="false">${svg`<rect width=${Math.max(1, Math.round((cell.value / max[k]!) * 48))} height="8"></rect>`}</svg>`}</td>`;
            })}
          </tr>`,
        )}
      </tbody>
    </table></div>
  </section>`;
}

function comparableSection(ctx: AppContext, profile: AreaProfile): TemplateResult {
  const c = profile.comparable;
  if (c.neighbours.length === 0) return html``;
  return html`<section aria-labelledby="bb-comparable">
    <h2 class="utrecht-heading-2" id="bb-comparable">${ctx.lang === 'nl' ? 'Vergelijkbare gebieden' : 'Comparable areas'}</h2>
    <p class="utrecht-paragraph">${ctx.lang === 'nl' ? 'Gebieden met een bevolking die het meest lijkt op deze, op:' : 'Areas whose population is most alike, on:'} ${c.features.map((f) => label(ctx, f)).join(', ')}.</p>
    <ol class="utrecht-ordered-list">${c.neighbours.map((n) => html`<li class="utrecht-ordered-list__item"><a class="utrecht-link" href="/gebied/${n.code}">${n.name}</a></li>`)}</ol>
  </section>`;
}

function sourcesSection(ctx: AppContext, profile: AreaProfile): TemplateResult {
  const sources = new Map<string, string>();
  for (const h of profile.health) sources.set(`${h.provenance.tableId}`, `${h.provenance.publisher}, ${h.provenance.tableId}`);
  for (const p of profile.population) for (const pr of p.provenance) sources.set(pr.tableId, `${pr.publisher}, ${pr.tableId}`);
  return html`<section aria-labelledby="bb-sources">
    <h2 class="utrecht-heading-2" id="bb-sources">${ctx.lang === 'nl' ? 'Bronnen en werkwijze' : 'Sources and methods'}</h2>
    <ul class="utrecht-unordered-list">${[...sources.values()].sort().map((s) => html`<li class="utrecht-unordered-list__item">${s}</li>`)}</ul>
    <p class="utrecht-paragraph">${ctx.t('estimateExplain')}</p>
    <p class="utrecht-paragraph">${ctx.lang === 'nl' ? profile.methods.regionsNl : profile.methods.regionsEn}</p>
  </section>`;
}

/** The profile as CSV: one row per figure, with its source, for spreadsheets. */
export function profileCsv(profile: AreaProfile): string {
  const rows: (string | number | null)[][] = [['gebied', 'code', 'onderdeel', 'indicator', 'leeftijd', 'periode', 'waarde', 'ontbreekt', 'modelschatting', 'vergelijking', 'vergelijkingswaarde', 'oordeel_vs_nl', 'bron_tabel', 'bron_kolom', 'indeling']];
  for (const p of profile.population) {
    rows.push([profile.area.name, profile.area.code, 'bevolking', p.key, '', p.period, p.value, p.missing, 'nee', '', '', '', p.provenance.map((x) => x.tableId).join(' '), p.provenance.map((x) => x.sourceColumn).join(' '), p.classificationYear]);
  }
  for (const h of profile.health) {
    rows.push([profile.area.name, profile.area.code, 'gezondheid', h.indicatorId, h.ageGroup, h.period, h.value.value, h.value.missing, h.isEstimate ? 'ja' : 'nee', '', '', h.judgementVsNl, h.provenance.tableId, h.provenance.sourceColumn, h.provenance.classificationYear]);
    for (const c of h.comparisons) {
      rows.push([profile.area.name, profile.area.code, 'gezondheid', h.indicatorId, h.ageGroup, h.period, h.value.value, h.value.missing, h.isEstimate ? 'ja' : 'nee', c.code, c.value.value, c.judgement, h.provenance.tableId, h.provenance.sourceColumn, h.provenance.classificationYear]);
    }
  }
  return toCsvText(rows);
}

/** First page of the printed report: what this is, about which area, when, from which sources, how to read it. */
function coverSection(ctx: AppContext, profile: AreaProfile, levelName: string, today: string): TemplateResult {
  const nl = ctx.lang === 'nl';
  return html`<section class="bb-cover" aria-label=${nl ? 'Voorblad' : 'Cover'}>
    <p class="bb-report-kicker">${nl ? 'Wijkgezondheidsprofiel' : 'Area health profile'}</p>
    <p class="bb-cover__title">${displayName(profile.area)}</p>
    <p class="utrecht-paragraph utrecht-paragraph--lead">${levelName} · ${profile.area.code}${profile.ggdRegion === null ? '' : ` · ${profile.ggdRegion.name}`}</p>
    <p class="utrecht-paragraph">${nl ? 'Gemaakt met buurtbeeld op' : 'Made with buurtbeeld on'} ${today}.</p>
    <h2 class="utrecht-heading-2">${nl ? 'Zo leest u dit profiel' : 'How to read this profile'}</h2>
    <ul class="utrecht-unordered-list">
      <li class="utrecht-unordered-list__item">${nl ? 'De cijfers over gezondheid komen uit de Gezondheidsmonitor van de GGD’en, het CBS en het RIVM. Voor wijken en buurten zijn het schattingen met een rekenmodel.' : 'The health figures come from the Health Monitor of the GGDs, CBS and RIVM. For districts and neighbourhoods they are model estimates.'}</li>
      <li class="utrecht-unordered-list__item">${nl ? 'De cijfers over de bevolking komen van het CBS (Kerncijfers wijken en buurten).' : 'The population figures come from CBS (key figures for districts and neighbourhoods).'}</li>
      <li class="utrecht-unordered-list__item">${nl ? '“Beter” of “minder goed” betekent: duidelijk anders dan in heel Nederland. Kleine verschillen heten “vergelijkbaar”.' : '“Better” or “worse” means: clearly different from the Netherlands as a whole. Small differences are “similar”.'}</li>
      <li class="utrecht-unordered-list__item">${nl ? 'Een streepje (–) betekent: geen cijfer bekend. Dat is iets anders dan nul.' : 'A dash (–) means: no figure known. That is not the same as zero.'}</li>
    </ul>
    <p class="utrecht-paragraph">${nl ? 'Herkent u dit beeld? Wat ziet u in de praktijk? Gebruik het profiel als start van het gesprek.' : 'Do you recognise this picture? What do you see in practice? Use the profile to start the conversation.'}</p>
  </section>`;
}

export function profileView(ctx: AppContext, code: string, report: boolean): TemplateResult {
  if (state.code !== code) load(ctx, code);
  if (state.error !== null) return html`<h1 class="utrecht-heading-1">${ctx.t('errorTitle')}</h1><div class="utrecht-alert utrecht-alert--error" role="alert">${state.error}</div>`;
  const profile = state.profile;
  if (profile === null) return html`<p class="utrecht-paragraph" role="status">${ctx.t('loading')}</p>`;
  const levelName = ctx.t(`level_${profile.area.level}` as MessageKey);
  const today = new Intl.DateTimeFormat(ctx.lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long' }).format(new Date());
  return html`
    <nav aria-label=${ctx.lang === 'nl' ? 'Kruimelpad' : 'Breadcrumb'} class="utrecht-breadcrumb-nav bb-no-print">
      <ol class="utrecht-breadcrumb-nav__list">
        ${[...profile.ancestors].reverse().map((a) => html`<li class="utrecht-breadcrumb-nav__item"><a class="utrecht-link" href="/gebied/${a.code}">${a.name}</a> › </li>`)}
        <li class="utrecht-breadcrumb-nav__item" aria-current="page">${displayName(profile.area)}</li>
      </ol>
    </nav>
    ${report ? coverSection(ctx, profile, levelName, today) : nothing}
    <h1 class="utrecht-heading-1">${displayName(profile.area)}</h1>
    <p class="utrecht-paragraph utrecht-paragraph--lead">${levelName} · ${profile.area.code}${profile.ggdRegion === null ? '' : ` · ${profile.ggdRegion.name}`}</p>
    <div class="bb-toolbar bb-no-print">
      ${report
        ? html`<button type="button" class="utrecht-button utrecht-button--primary-action" @click=${() => window.print()}>${ctx.lang === 'nl' ? 'Afdrukken of opslaan als PDF' : 'Print or save as PDF'}</button>
            <a class="utrecht-button-link utrecht-button-link--secondary-action" href="/gebied/${profile.area.code}">${ctx.lang === 'nl' ? 'Terug naar het profiel' : 'Back to the profile'}</a>`
        : html`<a class="utrecht-button-link utrecht-button-link--primary-action" href="/gebied/${profile.area.code}/rapport">${ctx.lang === 'nl' ? 'Rapport (A4, PDF)' : 'Report (A4, PDF)'}</a>
            <button type="button" class="utrecht-button utrecht-button--secondary-action" @click=${() => downloadText(`buurtbeeld-${profile.area.code}.csv`, profileCsv(profile), 'text/csv')}>${ctx.lang === 'nl' ? 'Download als CSV' : 'Download as CSV'}</button>
            <a class="utrecht-button-link utrecht-button-link--secondary-action" href="/kaart?indicator=overgewicht_18plus&jaar=latest&niveau=${profile.area.level === 'gemeente' ? 'wijk' : 'gemeente'}${profile.area.level === 'gemeente' ? `&binnen=${profile.area.code}` : ''}">${ctx.lang === 'nl' ? 'Op de kaart' : 'On the map'}</a>`}
    </div>
    ${populationSection(ctx, profile.population)}
    ${signalsSection(ctx, profile)}
    ${healthSection(ctx, profile, report)}
    ${trendSection(ctx, profile)}
    ${subAreasSection(ctx, profile)}
    ${comparableSection(ctx, profile)}
    ${sourcesSection(ctx, profile)}
  `;
}
