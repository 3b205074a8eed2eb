import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { MemoryCache } from './memory-cache.ts';
import { RedisCache } from './redis-cache.ts';
import type { Cache, CacheOptions } from './types.ts';

export type { Cache, CacheOptions };
export { MemoryCache, RedisCache };

/** Redis when a URL is given (REDIS_URL), an in-process LRU otherwise. */
export function createCache(redisUrl: string | undefined, options: CacheOptions, metrics: Metrics, log: Logger): Cache {
  return redisUrl ? new RedisCache(redisUrl, options, metrics, log) : new MemoryCache(options, metrics);
}
