// The area health profile in a real browser, on the real open-data mirror: search → profile → map → PDF report
// for a gemeente, a wijk and a buurt, the language switch, and missing figures shown as missing. Figures on the
// page are compared with the API's and with the figures RIVM publishes (see the data folders' PROVENANCE.md).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { ListResponse, ValueRow } from '../../src/shared/api.ts';
import type { Indicator } from '../../src/shared/types.ts';
import { artefact, startHarness } from './harness.ts';
import type { Harness } from './harness.ts';

/** Types a query into the home page's search box and picks the suggestion for `code` with ArrowDown + Enter. */
async function searchAndPick(page: Page, query: string, code: string): Promise<void> {
  const box = page.getByRole('combobox');
  await box.focus();
  await box.pressSequentially(query, { delay: 20 });
  const listbox = page.getByRole('listbox');
  await listbox.waitFor({ state: 'visible' });
  const options = await page.getByRole('option').allTextContents();
  const index = options.findIndex((text) => text.includes(code));
  assert.ok(index >= 0, `no suggestion for ${code} among: ${options.join(' | ')}`);
  for (let i = 0; i <= index; i++) await box.press('ArrowDown');
  assert.equal(await box.getAttribute('aria-activedescendant'), `bb-option-${index}`);
  await box.press('Enter');
  await page.waitForURL(`**/gebied/${code}`);
}

/** The text in the area's own column of the health table, for the row of one indicator (by its label). */
async function healthCell(page: Page, label: string): Promise<string> {
  await page.locator('table.bb-health-table').first().waitFor();
  return page.evaluate((wanted) => {
    for (const row of document.querySelectorAll('table.bb-health-table tbody tr')) {
      // The row header holds the label and a <details> explanation; compare the label alone.
      const th = row.querySelector('th')?.cloneNode(true) as HTMLElement | undefined;
      th?.querySelector('details')?.remove();
      if (th?.textContent?.trim() === wanted) return row.querySelector('td')?.textContent?.trim() ?? '';
    }
    throw new Error(`no row labelled ${wanted}`);
  }, label);
}

/** Dutch percent formatting as the page shows it: 41.4 → "41,4 %". */
function dutchPercent(value: number, decimals: number): string {
  return `${value.toFixed(decimals).replace('.', ',')} %`;
}

function countPdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

describe('the area health profile in Chromium', () => {
  let h: Harness;
  let overweight: Indicator;

  before(async () => {
    h = await startHarness();
    overweight = await h.api<Indicator>('/api/v1/indicators/overgewicht_18plus');
  });
  after(async () => {
    await h?.close();
  });

  const flows = [
    { level: 'gemeente', code: 'GM0363', query: 'Amsterdam', heading: 'Amsterdam' },
    { level: 'wijk', code: 'WK036300', query: 'Burgwallen-Oude', heading: 'Burgwallen-Oude Zijde' },
    { level: 'buurt', code: 'BU03630000', query: 'BU03630000', heading: 'BU03630000' },
  ] as const;

  for (const flow of flows) {
    test(`search → profile → map → PDF for ${flow.level} ${flow.code}`, async () => {
      const { items } = await h.api<ListResponse<ValueRow>>(`/api/v1/values?areas=${flow.code}&indicators=overgewicht_18plus&periods=2020`);
      const apiValue = items[0]?.value;
      assert.ok(typeof apiValue === 'number', `the API has an overweight figure for ${flow.code}`);
      if (flow.code === 'GM0363') assert.equal(apiValue, 41.4, 'RIVM publishes 41.4 % overweight (18+, 2020) for Amsterdam');
      await h.withPage(async (page) => {
        await page.goto('/');
        await searchAndPick(page, flow.query, flow.code);
        await page.screenshot({ path: artefact(`flow-${flow.level}-${flow.code}-1-search-picked.png`) });

        await assert.doesNotReject(page.getByRole('heading', { level: 1, name: flow.heading, exact: true }).waitFor());
        assert.equal(await healthCell(page, overweight.labelNl), dutchPercent(apiValue, overweight.decimals));
        await page.screenshot({ path: artefact(`flow-${flow.level}-${flow.code}-2-profile.png`), fullPage: true });

        await page.getByRole('link', { name: 'Op de kaart' }).click();
        await page.waitForURL('**/kaart?**');
        await page.locator('figure.bb-map svg path[data-code]').first().waitFor();
        const paths = await page.locator('figure.bb-map svg path[data-code]').count();
        assert.ok(paths > 10, `the map draws ${paths} areas`);
        await page.screenshot({ path: artefact(`flow-${flow.level}-${flow.code}-3-map.png`) });

        await page.goto(`/gebied/${flow.code}/rapport`);
        await page.getByRole('heading', { level: 1, name: flow.heading, exact: true }).waitFor();
        await page.locator('table.bb-health-table').first().waitFor();
        const file = artefact(`flow-${flow.level}-${flow.code}-4-report.pdf`);
        await page.pdf({ path: file, format: 'A4', printBackground: true });
        const pdf = await readFile(file);
        assert.equal(pdf.subarray(0, 4).toString('latin1'), '%PDF');
        const pages = countPdfPages(pdf);
        assert.ok(pages > 1, `the report has ${pages} pages`);
      });
    });
  }

  test('the language switch shows English labels on the profile and keeps the figures', async () => {
    await h.withPage(async (page) => {
      await page.goto('/gebied/GM0363');
      await page.getByRole('heading', { level: 2, name: 'Gezondheid' }).waitFor();
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 2, name: 'Health', exact: true }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.ok(await page.getByRole('link', { name: 'On the map' }).isVisible());
      assert.ok(await page.getByRole('button', { name: 'Nederlands' }).isVisible());
      assert.equal(await healthCell(page, overweight.labelEn), '41.4%');
      await page.screenshot({ path: artefact('language-en-GM0363.png'), fullPage: true });
    });
  });

  test('a buurt without KWB figures shows them as missing with the reason, never as 0', async () => {
    const profile = await h.api<{ population: { key: string; labelNl: string; value: number | null; missing: string | null }[] }>('/api/v1/areas/BU03630000/profile');
    const absent = profile.population.find((p) => p.value === null && p.missing !== null);
    assert.ok(absent !== undefined, 'the API reports at least one missing population figure for BU03630000');
    await h.withPage(async (page) => {
      await page.goto('/gebied/BU03630000');
      const kpi = page.locator('.bb-kpi').filter({ hasText: absent.labelNl }).first();
      await kpi.waitFor();
      assert.equal((await kpi.locator('.bb-kpi__value').textContent())?.trim(), '–');
      assert.match(await kpi.innerText(), /komt niet voor in deze bron|Niet bekend|onbekend|Geheim|Onbetrouwbaar/);
      await page.screenshot({ path: artefact('missing-BU03630000.png'), fullPage: true });
    });
  });
  test('downloads: the profile as CSV with its sources, and the spread of all indicators as one SVG picture', async () => {
    await h.withPage(async (page) => {
      await page.goto('/gebied/GM0363');
      await page.locator('table.bb-health-table').first().waitFor();
      const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download als CSV' }).click()]);
      const csvText = await readFile((await csv.path())!, 'utf8');
      const overweightRow = csvText.split('\r\n').find((line) => line.includes(',overgewicht_18plus,') && line.includes(',NL00,'));
      assert.ok(overweightRow !== undefined, 'a CSV row compares overweight 18+ with the Netherlands');
      assert.match(overweightRow, /,41\.4,.*,NL00,50\.8,better,50090NED,Overgewicht_9,2020/);
      const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Spreiding downloaden (SVG)' }).click()]);
      const svgText = await readFile((await svg.path())!, 'utf8');
      assert.match(svgText, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      assert.ok((svgText.match(/<g transform=/g) ?? []).length > 20, 'one spine per health indicator');
      assert.ok(svgText.includes(overweight.labelNl));
    });
  });
});
