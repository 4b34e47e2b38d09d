// Home: find an area by name, code or postcode. The search box follows the WAI-ARIA 1.2 combobox pattern
// (arrow keys move through suggestions, Enter opens one, Escape closes), so it works by keyboard and screen reader.
import { html, nothing, type TemplateResult } from 'lit-html';
import { api } from '../api.ts';
import type { AppContext } from '../app-state.ts';
import type { Area } from '../../shared/types.ts';

interface SearchState {
  query: string;
  results: Area[];
  active: number;
  open: boolean;
  status: string;
}

const state: SearchState = { query: '', results: [], active: -1, open: false, status: '' };
let timer: ReturnType<typeof setTimeout> | undefined;
let controller: AbortController | undefined;

function levelLabel(ctx: AppContext, area: Area): string {
  return ctx.t(`level_${area.level}`);
}

export function homeView(ctx: AppContext): TemplateResult {
  const search = (query: string) => {
    state.query = query;
    clearTimeout(timer);
    if (query.trim().length < 2) {
      state.results = [];
      state.open = false;
      state.status = '';
      ctx.refresh();
      return;
    }
    timer = setTimeout(() => {
      controller?.abort();
      controller = new AbortController();
      api
        .searchAreas(query.trim(), { limit: 12 }, controller.signal)
        .then((areas) => {
          state.results = areas;
          state.active = -1;
          state.open = true;
          state.status = areas.length === 0 ? ctx.t('noResults') : `${areas.length} ${ctx.t('results')}`;
          ctx.refresh();
        })
        .catch((error: unknown) => {
          if ((error as Error).name !== 'AbortError') {
            state.status = (error as Error).message;
            ctx.refresh();
          }
        });
    }, 150);
  };
  const open = (area: Area) => {
    state.open = false;
    ctx.navigate(`/gebied/${area.code}`);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' && state.results.length > 0) {
      state.open = true;
      state.active = (state.active + 1) % state.results.length;
      event.preventDefault();
      ctx.refresh();
    } else if (event.key === 'ArrowUp' && state.results.length > 0) {
      state.active = state.active <= 0 ? state.results.length - 1 : state.active - 1;
      event.preventDefault();
      ctx.refresh();
    } else if (event.key === 'Enter') {
      const pick = state.results[state.active] ?? state.results[0];
      if (pick !== undefined) open(pick);
      event.preventDefault();
    } else if (event.key === 'Escape') {
      // Closing the list also drops the active option, so aria-activedescendant never points into a hidden list.
      state.open = false;
      state.active = -1;
      ctx.refresh();
    }
  };
  const expanded = state.open && state.results.length > 0;
  return html`
    <h1 class="utrecht-heading-1">${ctx.t('appName')}</h1>
    <p class="utrecht-paragraph utrecht-paragraph--lead">${ctx.t('tagline')}</p>
    <form class="bb-search" role="search" @submit=${(e: Event) => e.preventDefault()}>
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="bb-search-input">${ctx.t('searchLabel')}</label>
        <p class="utrecht-form-field-description" id="bb-search-hint">${ctx.t('searchHint')}</p>
        <div class="bb-combobox">
          <input
            id="bb-search-input"
            class="utrecht-textbox utrecht-textbox--html-input"
            type="search"
            role="combobox"
            autocomplete="off"
            aria-autocomplete="list"
            aria-expanded=${expanded ? 'true' : 'false'}
            aria-controls="bb-search-list"
            aria-describedby="bb-search-hint"
            aria-activedescendant=${expanded && state.active >= 0 ? `bb-option-${state.active}` : nothing}
            .value=${state.query}
            @input=${(e: Event) => search((e.target as HTMLInputElement).value)}
            @keydown=${onKey}
          />
          <ul id="bb-search-list" role="listbox" class="bb-listbox" aria-label=${ctx.t('suggestions')} ?hidden=${!expanded}>
            ${state.results.map(
              (area, i) => html`<li
                id="bb-option-${i}"
                role="option"
                aria-selected=${i === state.active ? 'true' : 'false'}
                class=${i === state.active ? 'bb-option bb-option--active' : 'bb-option'}
                @click=${() => open(area)}
              >
                <span class="bb-option__name">${area.name}</span>
                <span class="bb-option__meta">${levelLabel(ctx, area)} · ${area.code}</span>
              </li>`,
            )}
          </ul>
        </div>
      </div>
      <p class="bb-visually-hidden" role="status" aria-live="polite">${state.status}</p>
    </form>
    ${state.query.length >= 2 && !expanded && state.status !== '' ? html`<p class="utrecht-paragraph">${state.status}</p>` : nothing}
    <section aria-labelledby="bb-start">
      <h2 class="utrecht-heading-2" id="bb-start">${ctx.lang === 'nl' ? 'Zo werkt het' : 'How it works'}</h2>
      <ol class="utrecht-ordered-list">
        <li class="utrecht-ordered-list__item">${ctx.lang === 'nl' ? 'Data: bekijk hoe het gaat met de inwoners van een gebied, vergeleken met de gemeente, de regio en Nederland.' : 'Data: see how residents of an area are doing, compared with the municipality, the region and the Netherlands.'}</li>
        <li class="utrecht-ordered-list__item">${ctx.lang === 'nl' ? 'Dialoog: bespreek de cijfers met professionals en inwoners. Herkennen zij het beeld?' : 'Dialogue: discuss the figures with professionals and residents. Do they recognise the picture?'}</li>
        <li class="utrecht-ordered-list__item">${ctx.lang === 'nl' ? 'Doen: maak samen een plan en volg of het werkt.' : 'Action: make a plan together and follow whether it works.'}</li>
      </ol>
    </section>
  `;
}
