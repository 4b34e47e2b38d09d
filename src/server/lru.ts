// A small least-recently-used cache: a Map keeps insertion order, so re-inserting on every hit makes the first
// key the least recently used one. Used where a request parameter picks an expensive result to memoise, so
// that varying the parameter cannot grow the server's memory without bound.

export class LruCache<K, V> {
  readonly maxEntries: number;
  readonly #entries = new Map<K, V>();

  constructor(maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError(`an LRU cache needs at least one entry, not ${maxEntries}`);
    this.maxEntries = maxEntries;
  }

  /** How many entries are held; never more than maxEntries. */
  get size(): number {
    return this.#entries.size;
  }

  /** The value for `key`, which becomes the most recently used; undefined when absent. */
  get(key: K): V | undefined {
    if (!this.#entries.has(key)) return undefined;
    const value = this.#entries.get(key)!;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  /** Stores `value` as the most recently used entry, dropping the least recently used one when full. */
  set(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    while (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done === true) break;
      this.#entries.delete(oldest.value);
    }
  }
}
