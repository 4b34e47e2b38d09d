// Browser benchmarks, on the real open-data mirror served on loopback and Debian's Chromium (headless, via
// playwright-core): the profile page ready for a gemeente, a wijk and a buurt (target < 1 s), the JavaScript
// shipped (gzipped, target < 300 KB) and a choropleth of all wijken drawn in the browser (target < 300 ms).
// Run alone (`node bench/browser.ts`) or at the end of `npm run bench`; either way it rewrites its own marked
// section of BENCHMARKS.md with the results and the machine they were measured on. Not tests: nothing here
// passes or fails, the numbers are the record.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { buildClient } from '../scripts/build-client.ts';
import { CHROMIUM, startServer } from '../test/browser/harness.ts';

const root = path.resolve(import.meta.dirname, '..');
const RUNS = 5;

interface Row {
  what: string;
  result: string;
  target?: string;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(0)} ms`;
const log = (text: string) => process.stderr.write(`${text}\n`);

/**
 * Navigation start → the health table in the DOM, measured inside the page: an init script (run before the
 * app's own, outside its CSP) watches the DOM and notes performance.now(), whose origin is the navigation.
 * Every run is a fresh browser context, so nothing is cached: a first visit.
 */
async function profileReady(browser: Browser, baseUrl: string, code: string): Promise<number> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript(() => {
      const w = window as unknown as { bbReady?: number };
      new MutationObserver((_records, observer) => {
        if (document.querySelector('table.bb-health-table tbody tr') !== null) {
          w.bbReady = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    await page.goto(`/gebied/${code}`);
    await page.waitForFunction(() => (window as unknown as { bbReady?: number }).bbReady !== undefined, undefined, { timeout: 30_000 });
    return await page.evaluate(() => (window as unknown as { bbReady: number }).bbReady);
  } finally {
    await context.close();
  }
}

/** The all-wijken choropleth: the client's own performance measures (src/client/views/map.ts), plus page timing. */
async function mapDraw(browser: Browser, baseUrl: string): Promise<{ choropleth: number; draw: number; toMap: number; paths: number }> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto('/kaart?indicator=overgewicht_18plus&jaar=2020&niveau=wijk');
    await page.waitForFunction(() => performance.getEntriesByName('bb-map-draw', 'measure').length > 0, undefined, { timeout: 60_000 });
    return await page.evaluate(() => ({
      choropleth: performance.getEntriesByName('bb-map-choropleth', 'measure')[0]!.duration,
      draw: performance.getEntriesByName('bb-map-draw', 'measure')[0]!.duration,
      toMap: performance.getEntriesByName('bb-map-rendered', 'mark')[0]!.startTime,
      paths: document.querySelectorAll('figure.bb-map svg path[data-code]').length,
    }));
  } finally {
    await context.close();
  }
}

export interface BrowserBenchResult {
  rows: Row[];
  machine: string;
}

/** Runs the browser benchmarks and rewrites the `bench-browser` section of BENCHMARKS.md. */
export async function runBrowserBench(): Promise<BrowserBenchResult | null> {
  if (!existsSync(CHROMIUM.executablePath)) {
    log(`browser benchmarks skipped: no Chromium at ${CHROMIUM.executablePath}`);
    return null;
  }
  const loadAtStart = os.loadavg()[0]!;
  const rows: Row[] = [];
  // Always a fresh build: the sizes and timings are those of the code in the tree.
  const sizes = await buildClient({ quiet: true });
  const { server, close } = await startServer();
  let browser: Browser | undefined;
  let chromiumVersion: string;
  try {
    browser = await chromium.launch(CHROMIUM);
    chromiumVersion = browser.version();
    const baseUrl = server.url.replace(/\/$/, '');
    for (const [level, code] of [['gemeente', 'GM0363'], ['wijk', 'WK036300'], ['buurt', 'BU03630000']] as const) {
      await profileReady(browser, baseUrl, code); // warm-up: the server's first profile of the run, JIT
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) times.push(await profileReady(browser, baseUrl, code));
      const med = median(times);
      log(`profile ${code}: ${times.map(ms).join(', ')}`);
      rows.push({ what: `profile page ready (navigation → health table in the DOM), ${level} ${code}, median of ${RUNS}`, result: `${ms(med)} (max ${ms(Math.max(...times))})`, target: `< 1000 ms ${med < 1000 ? '✓' : '✗'}` });
    }
    rows.push({ what: 'JavaScript shipped (app.js, gzipped)', result: `${(sizes.jsGzip / 1024).toFixed(1)} KB (${(sizes.jsBytes / 1024).toFixed(0)} KB raw)`, target: `< 300 KB ${sizes.jsGzip < 300 * 1024 ? '✓' : '✗'}` });
    rows.push({ what: 'CSS shipped (styles.css, gzipped)', result: `${(sizes.cssGzip / 1024).toFixed(1)} KB` });

    await mapDraw(browser, baseUrl); // warm-up
    const maps: Awaited<ReturnType<typeof mapDraw>>[] = [];
    for (let i = 0; i < RUNS; i++) maps.push(await mapDraw(browser, baseUrl));
    log(`map draw: ${maps.map((m) => ms(m.draw)).join(', ')}`);
    const draw = median(maps.map((m) => m.draw));
    rows.push({ what: `choropleth of all ${maps[0]!.paths} wijken (overgewicht 18+, 2020): data fetched → SVG in the DOM, median of ${RUNS}`, result: ms(draw), target: `< 300 ms ${draw < 300 ? '✓' : '✗'}` });
    rows.push({ what: '  of which TopoJSON → features → SVG text (choropleth)', result: ms(median(maps.map((m) => m.choropleth))) });
    rows.push({ what: '  whole page: navigation → map in the DOM (incl. fetching boundaries and values)', result: ms(median(maps.map((m) => m.toMap))) });
  } finally {
    await browser?.close();
    await close();
  }

  const cpus = os.cpus();
  const machine = `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB memory, ${os.platform()} ${os.release()}, Node ${process.version}, Chromium ${chromiumVersion} (headless, playwright-core)`;
  const width = Math.max(...rows.map((r) => r.what.length));
  process.stdout.write(`\n${machine}\n\n`);
  for (const r of rows) process.stdout.write(`${r.what.padEnd(width)}  ${r.result.padStart(22)}  ${r.target ?? ''}\n`);

  const date = new Date().toISOString().slice(0, 10);
  const table = ['| measurement | result | target |', '|---|---|---|', ...rows.map((r) => `| ${r.what.trim()} | ${r.result} | ${r.target ?? ''} |`)].join('\n');
  const section = [
    '<!-- bench-browser:start -->',
    '## Browser',
    '',
    '`bench/browser.ts` (also run by `npm run bench`): the built client served on loopback with the real data, in',
    "Debian's Chromium. Profile timings are first visits (a fresh browser context each run, after one warm-up), from",
    "navigation start to the health table in the DOM, measured in the page. The map timing is the client's own",
    '`performance.measure` from the moment all data is fetched until the SVG is in the DOM (`src/client/views/map.ts`).',
    '',
    `Measured ${date} on ${machine}, 1-minute load average ${loadAtStart.toFixed(1)} at the start.`,
    '',
    table,
    '<!-- bench-browser:end -->',
  ].join('\n');
  const file = path.join(root, 'BENCHMARKS.md');
  const existing = existsSync(file) ? await readFile(file, 'utf8') : '';
  const marked = /<!-- bench-browser:start -->[\s\S]*<!-- bench-browser:end -->/;
  const updated = marked.test(existing) ? existing.replace(marked, section) : `${existing.trimEnd()}\n\n${section}\n`;
  await writeFile(file, updated);
  log(`\nbrowser results written to ${path.relative(process.cwd(), file)}`);
  return { rows, machine };
}

if (import.meta.main) await runBrowserBench();
