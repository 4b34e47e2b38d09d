// Deterministic snapshot tests for the SVG charts and maps. Update after an intended change with
// `node --test --test-update-snapshots src/client/charts/charts.test.ts` and review the diff.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Feature, Polygon } from 'geojson';
import { spineChart, spinePanel } from './spine.ts';
import { trendChart } from './trend.ts';
import { categoryMap, choropleth, classBreaks, classOf, type AreaProps } from './choropleth.ts';

function square(code: string, name: string, x: number, y: number): Feature<Polygon, AreaProps> {
  // Small squares near Utrecht, counter-clockwise as d3-geo expects for exterior rings.
  const s = 0.05;
  return {
    type: 'Feature',
    properties: { code, name },
    geometry: { type: 'Polygon', coordinates: [[[5 + x, 52 + y], [5 + x, 52 + y + s], [5 + x + s, 52 + y + s], [5 + x + s, 52 + y], [5 + x, 52 + y]]] },
  };
}

test('spineChart puts the worse end left for a higher-is-worse indicator', (t) => {
  const svg = spineChart({ label: 'Overgewicht', p5: 40, p25: 47, median: 51, p75: 55, p95: 60, value: 58, reference: 50.8, polarity: 'higher-is-worse', judgement: 'worse' });
  // value 58 is near the bad (high) end, so it is drawn left of the national line at 50.8
  const marker = /<path d="M([\d.]+) /.exec(svg);
  const reference = /<line x1="([\d.]+)" x2="[\d.]+" y1="0"/.exec(svg);
  assert.ok(marker && reference);
  assert.ok(Number(marker[1]) < Number(reference[1]));
  t.assert.snapshot(svg);
});

test('spineChart keeps higher on the right for an indicator without a judgement', () => {
  const svg = spineChart({ label: 'Mantelzorger', p5: 10, p25: 12, median: 14, p75: 16, p95: 18, value: 17, reference: 14, polarity: 'no-judgement', judgement: 'no-judgement' });
  const marker = /<circle cx="([\d.]+)"/.exec(svg);
  const reference = /<line x1="([\d.]+)" x2="[\d.]+" y1="0"/.exec(svg);
  assert.ok(marker && reference);
  assert.ok(Number(marker[1]) > Number(reference[1]), 'the higher value is right of the national line');
});

test('spineChart escapes the label and draws no marker for a missing value', () => {
  const svg = spineChart({ label: 'a<b & "c"', p5: 1, p25: 2, median: 3, p75: 4, p95: 5, value: null, reference: 3, polarity: 'higher-is-better', judgement: 'no-judgement' });
  assert.match(svg, /a&lt;b &amp; &quot;c&quot;/);
  assert.doesNotMatch(svg, /<circle|<path/);
});

test('trendChart breaks the line at a missing year instead of drawing to zero', (t) => {
  const svg = trendChart({ title: 'Roken', periods: ['2012', '2016', '2020'], series: [{ label: 'Wijk', values: [24, null, 20], emphasis: true }, { label: 'Nederland', values: [24.1, 21.7, 17.9] }] });
  const paths = [...svg.matchAll(/<path d="([^"]+)"/g)].map((m) => m[1]!);
  assert.equal(paths[0]!.split('M').length - 1, 2, 'two separate segments for the area');
  assert.equal(paths[0]!.includes('L'), false);
  t.assert.snapshot(svg);
});

test('classBreaks makes quantile and equal-interval classes ending at the maximum', () => {
  assert.deepEqual(classBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5, 'quantile'), [2, 4, 6, 8, 10]);
  assert.deepEqual(classBreaks([0, 10], 5, 'equal-interval'), [2, 4, 6, 8, 10]);
  assert.deepEqual(classBreaks([3, 3, 3], 5, 'quantile'), [3]);
  assert.deepEqual(classBreaks([], 5, 'quantile'), []);
  assert.equal(classOf(4.5, [2, 4, 6]), 2);
});

test('choropleth colours areas by class, hatches missing ones and outlines the highlighted area', (t) => {
  const features = [square('WK000101', 'Noord', 0, 0), square('WK000102', 'Zuid', 0.06, 0), square('WK000103', 'Oost <3', 0.12, 0)];
  const values = new Map<string, number | null>([['WK000101', 10], ['WK000102', 30], ['WK000103', null]]);
  const { svg, breaks } = choropleth({ title: 'Test', features, values, classes: 2, highlight: 'WK000102', width: 300, height: 200 });
  assert.deepEqual(breaks, [10, 30]);
  assert.match(svg, /fill="url\(#bb-missing\)" data-code="WK000103"/);
  assert.match(svg, /Oost &lt;3 \(WK000103\): geen gegevens/);
  assert.match(svg, /stroke="#000" stroke-width="2.5"/);
  t.assert.snapshot(svg);
});

test('spinePanel draws one labelled spine per row in one picture, escaping the labels', (t) => {
  const row = (label: string, value: number) => ({ label, valueText: `${value} %`, p5: 40, p25: 47, median: 51, p75: 55, p95: 60, value, reference: 50.8, polarity: 'higher-is-worse' as const, judgement: 'similar' as const });
  const { svg, height } = spinePanel('Gezondheid <18+>', [row('Overgewicht', 52), row('Roken & drinken', 48)], 'licht = 5–95 %');
  assert.equal((svg.match(/<g transform=/g) ?? []).length, 2);
  assert.match(svg, /Gezondheid &lt;18\+&gt;/);
  assert.match(svg, /Roken &amp; drinken/);
  assert.equal(height, 34 + 2 * 24 + 34);
  t.assert.snapshot(svg);
});

test('categoryMap gives each type its own colour and a legend entry, and hatches unclassified areas', (t) => {
  const features = [square('WK000101', 'Noord', 0, 0), square('WK000102', 'Zuid', 0.06, 0), square('WK000103', 'Oost', 0.12, 0)];
  const svg = categoryMap({ title: 'Typen', features, categories: new Map([['WK000101', 0], ['WK000102', 1]]), labels: ['Jonge gezinnen', 'Ouderen & rust'], width: 300, height: 200 });
  assert.match(svg, /fill="#0072b2" data-code="WK000101"/);
  assert.match(svg, /fill="#e69f00" data-code="WK000102"/);
  assert.match(svg, /fill="url\(#bb-missing\)" data-code="WK000103"/);
  assert.match(svg, /Ouderen &amp; rust/);
  t.assert.snapshot(svg);
});
