import { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { BaseCache } from './base-cache.ts';
import type { CacheOptions } from './types.ts';

/**
 * The cache shared by all replicas. Redis is an optimisation, never a dependency: while it is unreachable every
 * call answers "not cached" at once (no offline queue, a short command timeout), one warning is logged per outage,
 * and caching resumes by itself when the connection comes back.
 *
 * A small near cache in the process sits in front of Redis (`localEntries`, 0 turns it off): cached answers are
 * for one model version and never change, and reading one from memory costs far less than a Redis round trip,
 * which costs more than scoring a row.
 */
export class RedisCache extends BaseCache {
  readonly kind = 'redis' as const;
  private readonly client: Redis;
  private readonly near: LRUCache<string, { value: unknown }> | undefined;
  private degraded = false;

  constructor(url: string, options: CacheOptions, metrics: Metrics, private readonly log: Logger, localEntries = 0) {
    super(options, metrics);
    this.near = localEntries > 0 ? new LRUCache({ max: localEntries, ttl: this.defaultTtlSeconds * 1000 }) : undefined;
    this.client = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 250,
      connectTimeout: 1000,
      retryStrategy: (attempt) => Math.min(100 * attempt, 2000),
      lazyConnect: false,
    });
    this.client.on('error', (err) => this.markDegraded(err));
    this.client.on('ready', () => {
      if (this.degraded) this.log.info('Redis is back: caching resumed');
      this.degraded = false;
    });
  }

  /** Resolves once connected (or after `timeoutMs`); until then every call answers "not cached". */
  whenConnected(timeoutMs = 5000): Promise<boolean> {
    if (this.client.status === 'ready') return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.client.once('ready', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  private markDegraded(err: unknown) {
    if (!this.degraded) this.log.warn({ err: String(err) }, 'Redis unavailable: answering without cache until it returns');
    this.degraded = true;
  }

  protected async read(key: string) {
    const near = this.near?.get(key);
    if (near) return near.value;
    try {
      const text = await this.client.get(key);
      if (text === null) return undefined;
      const value = JSON.parse(text) as unknown;
      this.near?.set(key, { value });
      return value;
    } catch (err) {
      this.metrics.cache.inc({ cache: this.options.name, result: 'error' });
      this.markDegraded(err);
      return undefined;
    }
  }

  protected async write(key: string, value: unknown, ttlSeconds: number) {
    this.near?.set(key, { value }, { ttl: ttlSeconds * 1000 });
    try {
      await this.client.set(key, JSON.stringify(value), 'EX', ttlSeconds);
    } catch (err) {
      this.markDegraded(err);
    }
  }

  async close() {
    this.client.disconnect();
  }
}
