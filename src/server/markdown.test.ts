import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inline, markdownToHtml } from './markdown.ts';

test('markdownToHtml converts headings, paragraphs, lists with nesting, tables and indented code', () => {
  const html = markdownToHtml(
    [
      '# Titel',
      '',
      'Een *korte* alinea',
      'over twee regels.',
      '',
      '- een',
      '  - genest',
      '- twee',
      '  vervolg',
      '',
      '1. eerst',
      '',
      '| a | b |',
      '|---|---|',
      '| 1 | `x` |',
      '',
      '    c = 1 < 2',
    ].join('\n'),
  );
  assert.equal(
    html,
    [
      '<h1>Titel</h1>',
      '<p>Een <em>korte</em> alinea over twee regels.</p>',
      '<ul><li>een<ul><li>genest</li></ul></li><li>twee vervolg</li></ul>',
      '<ol><li>eerst</li></ol>',
      '<table><thead><tr><th scope="col">a</th><th scope="col">b</th></tr></thead><tbody><tr><td>1</td><td><code>x</code></td></tr></tbody></table>',
      '<pre><code>c = 1 &lt; 2</code></pre>',
    ].join('\n'),
  );
});

test('inline escapes HTML and allows only http(s), site-relative and fragment links', () => {
  assert.equal(inline('<script>alert(1)</script>'), '&lt;script&gt;alert(1)&lt;/script&gt;');
  assert.equal(inline('[API](/api/v1/openapi.json) en **vet**'), '<a href="/api/v1/openapi.json">API</a> en <strong>vet</strong>');
  assert.equal(inline('[x](javascript:alert(1))'), '[x](javascript:alert(1))');
  assert.equal(inline('`<b>` * 2 * 3'), '<code>&lt;b&gt;</code> * 2 * 3');
});

test('markdownToHtml renders docs/methods.md with its sections and tables, and no raw markup', () => {
  const html = markdownToHtml(readFileSync(path.resolve(import.meta.dirname, '../../docs/methods.md'), 'utf8'));
  assert.match(html, /^<h1>Methoden: doelgroepen schatten/);
  assert.ok((html.match(/<h2>/g) ?? []).length >= 6);
  assert.ok((html.match(/<table>/g) ?? []).length >= 4);
  assert.ok(html.includes('<pre><code>basis_g     = c × Σ_termen'));
  assert.ok(!/<(script|style|iframe)/i.test(html));
  assert.ok(!html.includes('**'), 'no unconverted bold markers');
});
