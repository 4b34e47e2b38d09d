import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const main = path.join(import.meta.dirname, 'main.ts');

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [main, ...args], { env: { PATH: process.env['PATH'] ?? '', ...env } }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

test('main.ts exits 0 for help, 2 with the usage for a bad command line, 1 with one line for a failed command', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'buurtbeeld-main-'));
  try {
    const help = await run(['help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^usage: buurtbeeld/);

    const unknown = await run(['values', '--colour', 'red']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /usage: buurtbeeld/);
    assert.equal(unknown.stdout, '');

    // An empty database has no areas, so any values query is a 404 from the API: exit 1, one line.
    const failed = await run(['values', '--areas', 'GM0363', '--indicators', 'inwoners'], { BUURTBEELD_DB: path.join(dir, 'empty.sqlite') });
    assert.equal(failed.code, 1);
    assert.equal(failed.stderr.trimEnd().split('\n').length, 1, failed.stderr);
    assert.match(failed.stderr, /^buurtbeeld values: unknown area code "GM0363"/);

    const badEnv = await run(['serve'], { BUURTBEELD_PORT: 'eighty', BUURTBEELD_DB: path.join(dir, 'empty.sqlite') });
    assert.equal(badEnv.code, 1);
    assert.match(badEnv.stderr, /^buurtbeeld: BUURTBEELD_PORT must be a port number/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
