import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadClientFiles } from './static.ts';

async function clientDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bb-client-'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>Buurtbeeld</title>');
  await writeFile(path.join(dir, 'app.js'), 'console.log(1)');
  await writeFile(path.join(dir, 'notes.xyz'), 'not served');
  return dir;
}

test('loadClientFiles serves assets, gives index.html for client routes, and leaves /api and unknown files alone', async () => {
  const dir = await clientDir();
  try {
    const client = loadClientFiles(dir);
    const js = client.respond('/assets/app.js')!;
    assert.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(await js.text(), 'console.log(1)');
    // The same file twice: the stored body is not used up by the first response.
    assert.equal(await client.respond('/assets/app.js')!.text(), 'console.log(1)');
    assert.match(await client.respond('/gebied/GM0363')!.text(), /<title>Buurtbeeld<\/title>/);
    assert.equal(client.respond('/api/v1/areas'), null);
    assert.equal(client.respond('/assets/notes.xyz'), null);
    assert.equal(client.respond('/assets/../index.html'), null);
    assert.equal(client.respond('/assets/sub/app.js'), null);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('loadClientFiles says how to build the client when it is missing', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'bb-empty-'));
  try {
    assert.throws(() => loadClientFiles(dir), /not built.*scripts\/build-client\.ts/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
