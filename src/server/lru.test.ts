import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LruCache } from './lru.ts';

describe('LruCache', () => {
  test('never holds more than maxEntries: storing one more drops the least recently stored', () => {
    const cache = new LruCache<string, number>(3);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    cache.set('d', 4);
    assert.equal(cache.size, 3);
    assert.equal(cache.get('a'), undefined);
    assert.deepEqual([cache.get('b'), cache.get('c'), cache.get('d')], [2, 3, 4]);
  });

  test('a hit makes the entry the most recently used, so the next eviction takes another', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    assert.equal(cache.get('a'), 1);
    cache.set('c', 3);
    assert.equal(cache.get('b'), undefined);
    assert.deepEqual([cache.get('a'), cache.get('c')], [1, 3]);
  });

  test('storing an existing key replaces its value without growing', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('a', 10);
    assert.equal(cache.size, 1);
    assert.equal(cache.get('a'), 10);
  });

  test('a bound below one is refused', () => {
    assert.throws(() => new LruCache<string, number>(0), RangeError);
  });
});
