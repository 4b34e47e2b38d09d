import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ADAPTERS, importCodeVersion, loadAdapters, withCodeVersion } from './registry.ts';
import type { DatasetAdapter } from './adapter.ts';
import type { DatasetRecord } from '../shared/snapshot.ts';

function fakeAdapter(contentHash: string): DatasetAdapter {
  const dataset: DatasetRecord = {
    info: { id: 'x', titleNl: 'x', publisher: 'x', tableId: 'x', licence: 'x', classificationYear: 2020, source: [], contentHash },
    priority: 1,
    areas: [],
    series: [],
  };
  return { folder: 'x', read: async () => ({ datasets: [dataset] }) };
}

test('withCodeVersion changes the content hash when the code version changes, and only then', async () => {
  const source = { root: '', exists: async () => true, list: async () => [], readBytes: async () => new Uint8Array(), readText: async () => '' };
  const hashOf = async (version: string) => (await withCodeVersion(fakeAdapter('abc'), version).read(source)).datasets![0]!.info.contentHash;
  assert.equal(await hashOf('v1'), await hashOf('v1'));
  assert.notEqual(await hashOf('v1'), await hashOf('v2'));
  assert.match(await hashOf('v1'), /^[0-9a-f]{64}$/);
});

test('importCodeVersion is stable between calls and loadAdapters keeps every adapter folder', async () => {
  assert.equal(await importCodeVersion(), await importCodeVersion());
  assert.deepEqual((await loadAdapters()).map((a) => a.folder), ADAPTERS.map((a) => a.folder));
  assert.equal(new Set(ADAPTERS.map((a) => a.folder)).size, ADAPTERS.length, 'one adapter per folder');
});
