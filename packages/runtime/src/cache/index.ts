import type { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { MemoryCache } from './memory-cache.ts';
import { RedisCache } from './redis-cache.ts';
import { connectRedis } from './redis-connection.ts';
import { BaseCache } from './base-cache.ts';
import type { Cache, CacheOptions } from './types.ts';

export type { Cache, CacheOptions };
export { MemoryCache, RedisCache, connectRedis };

/** Every look-up a miss: for measuring the system without its cache (CACHE=off). */
export class NoCache extends BaseCache {
  readonly kind = 'none' as const;
  protected async read() {
    return undefined;
  }
  protected async write() {}
  async close() {}
}

/** Redis when there is a connection (REDIS_URL), an in-process LRU otherwise, nothing when caching is turned off. */
export function createCache(
  redis: Redis | undefined,
  options: CacheOptions,
  metrics: Metrics,
  log: Logger,
  settings: { enabled: boolean; nearMegabytes: number } = { enabled: true, nearMegabytes: 0 },
): Cache {
  if (!settings.enabled) return new NoCache(options, metrics);
  return redis
    ? new RedisCache(redis, options, metrics, log, settings.nearMegabytes)
    : new MemoryCache(options, metrics);
}
