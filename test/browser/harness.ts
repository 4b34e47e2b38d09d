// The browser test harness: the real open-data mirror imported into a temporary SQLite file, the app served
// with the built client on a free loopback port, and Debian's Chromium driven by playwright-core. One harness
// per test file (the import takes seconds); every page records page errors and console errors (CSP violations
// arrive as console errors), and `withPage` fails the test when there were any.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { buildClient } from '../../scripts/build-client.ts';
import { createApp } from '../../src/server/app.ts';
import { listen } from '../../src/server/listen.ts';
import type { RunningServer } from '../../src/server/listen.ts';
import { silentLog } from '../../src/server/log.ts';
import { loadClientFiles } from '../../src/server/static.ts';
import { importRealData } from '../real-data.ts';

const root = path.resolve(import.meta.dirname, '../..');
const clientDir = path.join(root, 'dist/client');
/** Screenshots and PDFs: artefacts for a human to look at, gitignored. */
export const resultsDir = path.join(root, 'test-results');

/** Debian's Chromium, headless; no network or update traffic of its own, so only our server is talked to. */
export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};

export interface Harness {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  baseUrl: string;
  browser: Browser;
  /** Opens a fresh page (own context), runs `body`, and fails if the page logged errors. Closes it in any case. */
  withPage<T>(body: (page: Page) => Promise<T>, options?: { javaScriptEnabled?: boolean }): Promise<T>;
  /** GET a JSON resource of the API of this server. */
  api<T>(pathAndQuery: string): Promise<T>;
  close(): Promise<void>;
}

/** The client bundle: built once if dist/client is missing (a fresh checkout), else used as built. */
export async function ensureClientBuilt(): Promise<string> {
  if (!existsSync(path.join(clientDir, 'index.html'))) await buildClient({ quiet: true });
  return clientDir;
}

/** Serves the real data with the built client on 127.0.0.1 (any free port). Close it when done. */
export async function startServer(): Promise<{ server: RunningServer; close(): Promise<void> }> {
  const real = await importRealData();
  try {
    const { store, cube } = real;
    const client = loadClientFiles(await ensureClientBuilt());
    const app = createApp({ store, clock: () => new Date('2024-01-01T00:00:00Z'), log: silentLog, cube: () => cube, client });
    const server = await listen((request) => app.fetch(request), '127.0.0.1', 0);
    return {
      server,
      close: async () => {
        await server.close();
        await real.close();
      },
    };
  } catch (error) {
    await real.close();
    throw error;
  }
}

export async function startHarness(): Promise<Harness> {
  const { server, close: closeServer } = await startServer();
  let browser: Browser;
  try {
    browser = await chromium.launch(CHROMIUM);
  } catch (error) {
    await closeServer();
    throw error;
  }
  // From here on both are running: anything that throws before the harness is handed out must stop both.
  try {
    await mkdir(resultsDir, { recursive: true });
  } catch (error) {
    try {
      await browser.close();
    } finally {
      await closeServer();
    }
    throw error;
  }
  const baseUrl = server.url.replace(/\/$/, '');
  return {
    baseUrl,
    browser,
    async withPage(body, options = {}) {
      const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 }, javaScriptEnabled: options.javaScriptEnabled ?? true });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console error: ${message.text()} (${message.location().url})`);
      });
      try {
        const result = await body(page);
        assert.deepEqual(errors, [], `the page logged errors:\n${errors.join('\n')}`);
        return result;
      } finally {
        await context.close();
      }
    },
    async api<T>(pathAndQuery: string) {
      const response = await fetch(`${baseUrl}${pathAndQuery}`, { headers: { accept: 'application/json' } });
      assert.equal(response.status, 200, `${pathAndQuery}: HTTP ${response.status}`);
      return (await response.json()) as T;
    },
    async close() {
      // The server (and its temporary database) must go even when Chromium fails to close.
      try {
        await browser.close();
      } finally {
        await closeServer();
      }
    },
  };
}

/** Where an artefact goes: test-results/<name>. */
export function artefact(name: string): string {
  return path.join(resultsDir, name);
}
