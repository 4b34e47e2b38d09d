import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleIndices, seededRandom } from './random.ts';

test('seededRandom gives the same stream for the same seed', () => {
  const a = seededRandom(42);
  const b = seededRandom(42);
  const streamA = Array.from({ length: 20 }, () => a.next());
  const streamB = Array.from({ length: 20 }, () => b.next());
  assert.deepEqual(streamA, streamB);
});

test('seededRandom gives another stream for another seed', () => {
  const a = seededRandom(1);
  const b = seededRandom(2);
  assert.notDeepEqual(
    Array.from({ length: 5 }, () => a.next()),
    Array.from({ length: 5 }, () => b.next()),
  );
});

test('seededRandom stays in [0, 1) and spreads over the interval', () => {
  const random = seededRandom(7);
  const buckets = new Array<number>(10).fill(0);
  for (let i = 0; i < 10_000; i++) {
    const x = random.next();
    assert.ok(x >= 0 && x < 1, `out of range: ${x}`);
    buckets[Math.floor(x * 10)]! += 1;
  }
  for (const count of buckets) assert.ok(count > 850 && count < 1150, `uneven bucket: ${count}`);
});

test('seededRandom.int stays within [0, n)', () => {
  const random = seededRandom(3);
  const seen = new Set<number>();
  for (let i = 0; i < 1000; i++) seen.add(random.int(4));
  assert.deepEqual([...seen].sort(), [0, 1, 2, 3]);
});

test('sampleIndices draws distinct sorted indices and is reproducible', () => {
  const first = sampleIndices(100, 10, seededRandom(5));
  const second = sampleIndices(100, 10, seededRandom(5));
  assert.deepEqual(first, second);
  assert.equal(new Set(first).size, 10);
  assert.deepEqual([...first], [...first].sort((x, y) => x - y));
  assert.ok(first.every((i) => i >= 0 && i < 100));
});

test('sampleIndices returns every index when the sample is as large as the population', () => {
  assert.deepEqual([...sampleIndices(4, 10, seededRandom(1))], [0, 1, 2, 3]);
});
