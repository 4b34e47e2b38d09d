import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { csvField, csvLine, toCsv } from './csv.ts';

test('csvField quotes a field with a comma, a quote or a line break and doubles inner quotes', () => {
  assert.equal(csvField('Centrum, "Oude" Stad'), '"Centrum, ""Oude"" Stad"');
  assert.equal(csvField('a\nb'), '"a\nb"');
  assert.equal(csvField('a\rb'), '"a\rb"');
  assert.equal(csvField('Amsterdam'), 'Amsterdam');
});

test('csvField defuses text a spreadsheet would run as a formula, and leaves numbers alone', () => {
  assert.equal(csvField('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
  assert.equal(csvField('+31'), "'+31");
  assert.equal(csvField('-2+3+cmd|" /C calc"!A0'), `"'-2+3+cmd|"" /C calc""!A0"`);
  assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvField("'s-Hertogenbosch"), "'s-Hertogenbosch");
  assert.equal(csvField(-2.5), '-2.5');
});

test('csvField writes a missing value as an empty field, never 0', () => {
  assert.equal(csvField(null), '');
  assert.equal(csvField(NaN), '');
  assert.equal(csvField(0), '0');
});

test('csvLine ends a record with CRLF', () => {
  assert.equal(csvLine(['a', 1, true, null]), 'a,1,true,\r\n');
});

test('toCsv round-trips through an RFC 4180 parser', () => {
  const rows = [['x,y', 'He said "hi"', 'multi\r\nline', 1.5, null]] as const;
  const parsed = parse(toCsv(['a', 'b', 'c', 'd', 'e'], rows), { columns: false }) as string[][];
  assert.deepEqual(parsed, [['a', 'b', 'c', 'd', 'e'], ['x,y', 'He said "hi"', 'multi\r\nline', '1.5', '']]);
});
