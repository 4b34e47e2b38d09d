// Area profile (wijkgezondheidsprofiel). Placeholder until the profile endpoint lands: shows the area and its place.
import { html, type TemplateResult } from 'lit-html';
import { api } from '../api.ts';
import type { AppContext } from '../app-state.ts';
import type { AreaDetail } from '../../shared/api.ts';

const cache = new Map<string, AreaDetail | Error>();

export function profileView(ctx: AppContext, code: string, _report: boolean): TemplateResult {
  const detail = cache.get(code);
  if (detail === undefined) {
    api.area(code).then((d) => cache.set(code, d), (e: unknown) => cache.set(code, e as Error)).finally(ctx.refresh);
    return html`<p class="utrecht-paragraph" role="status">${ctx.t('loading')}</p>`;
  }
  if (detail instanceof Error) return html`<div class="utrecht-alert utrecht-alert--error" role="alert">${detail.message}</div>`;
  return html`<h1 class="utrecht-heading-1">${detail.area.name}</h1>
    <p class="utrecht-paragraph">${ctx.t(`level_${detail.area.level}`)} · ${detail.area.code}</p>`;
}
