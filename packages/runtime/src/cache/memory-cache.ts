import { LRUCache } from 'lru-cache';
import type { Metrics } from '../metrics.ts';
import { BaseCache } from './base-cache.ts';
import type { CacheOptions } from './types.ts';

/** The cache of embedded mode: an LRU in this process's memory, bounded in entries, with TTLs. */
export class MemoryCache extends BaseCache {
  readonly kind = 'memory' as const;
  private readonly entries: LRUCache<string, { value: unknown }>;

  constructor(options: CacheOptions, metrics: Metrics, maxEntries = 50_000) {
    super(options, metrics);
    this.entries = new LRUCache({ max: maxEntries, ttlAutopurge: false });
  }

  protected async read(key: string) {
    return this.entries.get(key)?.value;
  }

  protected async write(key: string, value: unknown, ttlSeconds: number) {
    this.entries.set(key, { value }, { ttl: ttlSeconds * 1000 });
  }

  async close() {
    this.entries.clear();
  }
}
