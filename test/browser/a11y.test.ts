// Accessibility in a real browser: axe-core's WCAG 2.1 A/AA rules on every kind of page (home, map, profile
// of a gemeente and a buurt, the printable report, in both languages), and the search box used with the
// keyboard alone. axe finds what can be checked automatically; a zero here is a floor, not a certificate.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import axe from 'axe-core';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { artefact, startHarness } from './harness.ts';
import type { Harness } from './harness.ts';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe in the page (injected through the DevTools protocol, so the page's CSP stays in force). */
async function axeViolations(page: Page, tags: string[] = WCAG_TAGS): Promise<AxeResults['violations']> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(
    (values) => (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values } }),
    tags,
  );
  // A zero is only worth something if axe looked: it must have checked rules that apply to this page.
  assert.ok(results.passes.length >= 10, `axe passed only ${results.passes.length} rules: did it run on the rendered page?`);
  return results.violations;
}

function describeViolations(violations: AxeResults['violations']): string {
  return violations
    .map((v) => `${v.id} (${v.impact ?? 'no impact'}): ${v.help}\n${v.nodes.slice(0, 8).map((n) => `    ${n.target.join(' ')}  ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`).join('\n')}${v.nodes.length > 8 ? `\n    … and ${v.nodes.length - 8} more` : ''}`)
    .join('\n');
}

async function assertNoViolations(page: Page, name: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0) await page.screenshot({ path: artefact(`a11y-${name}.png`), fullPage: true });
  assert.equal(violations.length, 0, `axe found WCAG 2.1 A/AA violations on ${name}:\n${describeViolations(violations)}`);
}

describe('accessibility (axe-core, WCAG 2.1 A and AA) in Chromium', () => {
  let h: Harness;

  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  const pages = [
    { name: 'home', url: '/', ready: 'h2#bb-start' },
    { name: 'home-en', url: '/?lang=en', ready: 'h2#bb-start' },
    { name: 'map-gemeenten', url: '/kaart?indicator=overgewicht_18plus&jaar=2020&niveau=gemeente', ready: 'figure.bb-map svg path' },
    { name: 'map-wijken-GM0363', url: '/kaart?indicator=overgewicht_18plus&jaar=latest&niveau=wijk&binnen=GM0363', ready: 'figure.bb-map svg path' },
    { name: 'profile-GM0363', url: '/gebied/GM0363', ready: 'table.bb-health-table' },
    { name: 'profile-GM0363-en', url: '/gebied/GM0363?lang=en', ready: 'table.bb-health-table' },
    { name: 'profile-WK036300', url: '/gebied/WK036300', ready: 'table.bb-health-table' },
    { name: 'profile-BU03630000', url: '/gebied/BU03630000', ready: 'table.bb-health-table' },
    { name: 'report-GM0363', url: '/gebied/GM0363/rapport', ready: 'table.bb-health-table' },
    { name: 'segmentation', url: '/doelgroepen', ready: 'table.bb-ranking' },
    { name: 'methods', url: '/methoden', ready: 'article.bb-methods h2' },
  ];

  for (const p of pages) {
    test(`no axe violations on ${p.name} (${p.url})`, async () => {
      await h.withPage(async (page) => {
        await page.goto(p.url);
        await page.locator(p.ready).first().waitFor();
        await assertNoViolations(page, p.name);
      });
    });
  }

  test('no axe violations on the map with its values table opened', async () => {
    await h.withPage(async (page) => {
      await page.goto('/kaart?indicator=overgewicht_18plus&jaar=2020&niveau=gemeente');
      await page.locator('figure.bb-map svg path').first().waitFor();
      await page.getByText('De waarden op de kaart als tabel', { exact: true }).first().click();
      await page.locator('details.bb-details tbody tr').first().waitFor();
      assert.ok((await page.locator('details.bb-details tbody tr').count()) > 300, 'the table lists the gemeenten');
      await assertNoViolations(page, 'map-table-open');
    });
  });

  test('axe reports a violation the page does have (an unnamed button), so a zero elsewhere means something', async () => {
    await h.withPage(async (page) => {
      await page.goto('/');
      await page.locator('h2#bb-start').waitFor();
      await page.evaluate(() => document.querySelector('main')!.append(document.createElement('button')));
      const violations = await axeViolations(page);
      assert.deepEqual(violations.map((v) => v.id), ['button-name']);
    });
  });

  test('no axe violations with the search suggestions open', async () => {
    await h.withPage(async (page) => {
      await page.goto('/');
      await page.getByRole('combobox').pressSequentially('Amster', { delay: 20 });
      await page.getByRole('listbox').waitFor({ state: 'visible' });
      await page.getByRole('combobox').press('ArrowDown');
      await assertNoViolations(page, 'home-suggestions');
    });
  });

  test('the search works by keyboard alone: visible focus, arrow keys, Escape closes the list', async () => {
    await h.withPage(async (page) => {
      await page.goto('/');
      await page.locator('h2#bb-start').waitFor();
      // Tab from the top of the page: skip link, logo, menu, language switch, then the search box.
      let reached = false;
      for (let i = 0; i < 10 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => document.activeElement?.getAttribute('role') === 'combobox');
      }
      assert.ok(reached, 'the search box is reachable with Tab');
      const outline = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement!);
        return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
      });
      assert.notEqual(outline.style, 'none', 'the focused search box shows a focus outline');
      assert.ok(outline.width >= 2, `focus outline is ${outline.width}px wide`);

      await page.keyboard.type('Amsterdam', { delay: 20 });
      const box = page.getByRole('combobox');
      await page.getByRole('listbox').waitFor({ state: 'visible' });
      assert.equal(await box.getAttribute('aria-expanded'), 'true');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
      assert.equal(await box.getAttribute('aria-activedescendant'), 'bb-option-0');
      assert.equal(await page.locator('#bb-option-0').getAttribute('aria-selected'), 'true');
      await page.screenshot({ path: artefact('keyboard-search-open.png') });

      await page.keyboard.press('Escape');
      assert.equal(await box.getAttribute('aria-expanded'), 'false');
      assert.equal(await page.getByRole('listbox').isVisible(), false);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'bb-search-input', 'focus stays in the search box');
    });
  });

  test('changing a map select by keyboard redraws the map and keeps focus on the select (no change of context)', async () => {
    await h.withPage(async (page) => {
      await page.goto('/kaart?indicator=overgewicht_18plus&jaar=2020&niveau=gemeente');
      await page.locator('figure.bb-map svg path').first().waitFor();
      const level = page.getByLabel('Niveau');
      await level.focus();
      await level.selectOption('wijk');
      await page.waitForURL('**/kaart?**niveau=wijk**');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'bb-map-level');
      await page.locator('figure.bb-map svg path').first().waitFor();
    });
  });

  test('the skip link is the first stop of the keyboard and moves focus to the main content', async () => {
    await h.withPage(async (page) => {
      await page.goto('/gebied/GM0363');
      await page.locator('table.bb-health-table').waitFor();
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Naar de inhoud' });
      assert.ok(await skip.evaluate((el) => el === document.activeElement));
      assert.ok(await skip.isVisible(), 'the focused skip link is on screen');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'bb-main');
    });
  });
});
