// Methoden: docs/methods.md as a page. The Markdown is converted to HTML at build time by our own small,
// escaping converter (src/server/markdown.ts, run by scripts/build-client.ts), so the browser only loads a
// trusted, already-escaped fragment and the bundle carries no Markdown parser.
import { html, type TemplateResult } from 'lit-html';
import { unsafeHTML } from 'lit-html/directives/unsafe-html.js';
import type { AppContext } from '../app-state.ts';

const state: { html: string | null; error: string | null; requested: boolean } = { html: null, error: null, requested: false };

async function load(ctx: AppContext): Promise<void> {
  try {
    const response = await fetch('/assets/methods.html', { headers: { accept: 'text/html' } });
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    state.html = await response.text();
  } catch (error) {
    state.error = (error as Error).message;
  }
  ctx.refresh();
}

export function methodsView(ctx: AppContext): TemplateResult {
  if (!state.requested) {
    state.requested = true;
    void load(ctx);
  }
  if (state.error !== null) return html`<div class="utrecht-alert utrecht-alert--error" role="alert">${ctx.t('errorTitle')}: ${state.error}</div>`;
  if (state.html === null) return html`<p class="utrecht-paragraph" role="status">${ctx.t('loading')}</p>`;
  return html`<article class="bb-methods utrecht-article">${unsafeHTML(state.html)}</article>`;
}
