// Entry of the browser client: routing, the page layout and the language switch. Views render with lit-html,
// which escapes every value it puts in the page; SVG from our chart modules is escaped when it is written.
import { html, render, type TemplateResult } from 'lit-html';
import { makeContext, type AppContext } from './app-state.ts';
import type { Lang } from './i18n.ts';
import { homeView } from './views/home.ts';
import { mapView, readMapParams } from './views/map.ts';
import { profileView } from './views/profile.ts';
import { methodsView } from './views/methods.ts';
import { readSegmentationParams, segmentationView } from './views/segmentation.ts';

const LANG_KEY = 'buurtbeeld.lang';

function currentLang(): Lang {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (fromUrl === 'en' || fromUrl === 'nl') return fromUrl;
  return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'nl';
}

let lang: Lang = currentLang();

function navigate(path: string): void {
  history.pushState(null, '', path);
  draw();
  window.scrollTo(0, 0);
  document.getElementById('bb-main')?.focus();
}

interface Route {
  title: string;
  view: TemplateResult;
  nav: 'home' | 'map' | 'segmentation' | 'methods' | null;
}

function route(ctx: AppContext): Route {
  const path = location.pathname;
  const params = new URLSearchParams(location.search);
  if (path === '/' || path === '') return { title: ctx.t('appName'), view: homeView(ctx), nav: 'home' };
  if (path === '/kaart') return { title: `${ctx.t('mapTitle')} – ${ctx.t('appName')}`, view: mapView(ctx, readMapParams(params)), nav: 'map' };
  if (path === '/doelgroepen') {
    return { title: `${ctx.t('navSegmentation')} – ${ctx.t('appName')}`, view: segmentationView(ctx, readSegmentationParams(params)), nav: 'segmentation' };
  }
  if (path === '/methoden') return { title: `${ctx.t('navMethods')} – ${ctx.t('appName')}`, view: methodsView(ctx), nav: 'methods' };
  const profile = /^\/gebied\/([A-Za-z0-9-]+)(\/rapport)?$/.exec(path);
  if (profile !== null) return { title: `${profile[1]} – ${ctx.t('appName')}`, view: profileView(ctx, profile[1]!, profile[2] !== undefined), nav: null };
  return { title: ctx.t('notFound'), view: html`<h1 class="utrecht-heading-1">${ctx.t('notFound')}</h1>`, nav: null };
}

function draw(): void {
  const ctx = makeContext(lang, navigate, draw);
  const { title, view, nav } = route(ctx);
  document.documentElement.lang = lang;
  if (document.title !== title && !title.includes('/')) document.title = title;
  const link = (href: string, key: Parameters<AppContext['t']>[0], id: Route['nav']) =>
    html`<li><a href=${href} aria-current=${nav === id ? 'page' : 'false'}>${ctx.t(key)}</a></li>`;
  render(
    html`
      <a class="bb-skip" href="#bb-main">${ctx.t('skipToContent')}</a>
      <header class="bb-header">
        <div class="bb-header__inner">
          <a class="bb-logo" href="/">${ctx.t('appName')}</a>
          <nav class="bb-nav" aria-label=${lang === 'nl' ? 'Hoofdmenu' : 'Main menu'}>
            <ul>
              ${link('/', 'navHome', 'home')} ${link('/kaart', 'navMap', 'map')} ${link('/doelgroepen', 'navSegmentation', 'segmentation')}
              ${link('/methoden', 'navMethods', 'methods')}
            </ul>
          </nav>
          <button
            type="button"
            class="bb-lang"
            lang=${lang === 'nl' ? 'en' : 'nl'}
            @click=${() => {
              lang = lang === 'nl' ? 'en' : 'nl';
              localStorage.setItem(LANG_KEY, lang);
              draw();
            }}
          >
            ${ctx.t('switchLanguage')}
          </button>
        </div>
      </header>
      <main id="bb-main" class="bb-main" tabindex="-1">${view}</main>
      <footer class="bb-footer">
        <div class="bb-footer__inner">
          <p class="utrecht-paragraph">
            ${lang === 'nl' ? 'Bronnen: CBS en RIVM (open data, CC BY 4.0). Cijfers voor wijken en buurten over gezondheid zijn modelschattingen.' : 'Sources: CBS and RIVM (open data, CC BY 4.0). Health figures for districts and neighbourhoods are model estimates.'}
            <a class="utrecht-link" href="/api/v1/openapi.json">API</a>
          </p>
        </div>
      </footer>
    `,
    document.getElementById('app')!,
  );
}

// Internal links navigate without reloading; everything else (downloads, API links) behaves normally.
document.addEventListener('click', (event) => {
  const a = (event.target as Element).closest('a');
  if (a === null || a.target !== '' || a.hasAttribute('download') || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
  event.preventDefault();
  navigate(url.pathname + url.search);
});
window.addEventListener('popstate', draw);
draw();
