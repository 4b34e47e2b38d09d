import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readConfig } from './config.ts';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

test('readConfig reads editor token hashes from BUURTBEELD_EDITOR_TOKENS, comma-separated, lower-cased', () => {
  const a = sha256('token-a');
  const b = sha256('token-b');
  assert.deepEqual(readConfig({ BUURTBEELD_EDITOR_TOKENS: ` ${a.toUpperCase()}, ${b},` }).editorTokenHashes, [a, b]);
  assert.deepEqual(readConfig({}).editorTokenHashes, []);
});

test('readConfig refuses a token given instead of its hash, without echoing the token', () => {
  assert.throws(
    () => readConfig({ BUURTBEELD_EDITOR_TOKENS: 'my-secret-editor-token' }),
    (error: Error) => /SHA-256/.test(error.message) && !error.message.includes('my-secr'),
  );
});
