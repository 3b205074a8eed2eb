import { BaseCache, heldValues } from './base-cache.ts';

/** Memory given to the cache of embedded mode, shared by everything in the process. */
const PROCESS_CACHE_MB = 256;

/**
 * One store per process, as Redis is one store for every process: in embedded mode the gateway and the services
 * run in one process, and what one of them caches is there for the others to read.
 */
let processValues: ReturnType<typeof heldValues> | undefined;

/** The cache of embedded mode: an LRU in this process's memory, bounded in bytes, with TTLs. */
export class MemoryCache extends BaseCache {
  readonly kind = 'memory' as const;
  private readonly values = (processValues ??= heldValues(PROCESS_CACHE_MB));

  protected async read(key: string) {
    return this.values.get(key)?.value;
  }

  protected async write(key: string, value: unknown, ttlSeconds: number) {
    this.values.set(key, { value, size: JSON.stringify(value)?.length ?? 1 }, { ttl: ttlSeconds * 1000 });
  }

  /** Values stay: they belong to the process, and other users of the store may still read them. */
  async close() {}
}
