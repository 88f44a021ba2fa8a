/** A Map that evicts its oldest entry (insertion order) past `capacity`, handing it to `onEvict`. */
export class BoundedMap<K, V> {
  private readonly entriesByKey = new Map<K, V>();

  constructor(
    private readonly capacity: number,
    private readonly onEvict?: (key: K, value: V) => void,
  ) {}

  get size(): number {
    return this.entriesByKey.size;
  }

  get(key: K): V | undefined {
    return this.entriesByKey.get(key);
  }

  set(key: K, value: V): void {
    if (!this.entriesByKey.has(key) && this.entriesByKey.size >= this.capacity) {
      const [oldestKey, oldestValue] = this.entriesByKey.entries().next().value as [K, V];
      this.entriesByKey.delete(oldestKey);
      this.onEvict?.(oldestKey, oldestValue);
    }
    this.entriesByKey.set(key, value);
  }

  delete(key: K): void {
    this.entriesByKey.delete(key);
  }

  entries(): IterableIterator<[K, V]> {
    return this.entriesByKey.entries();
  }
}
