import { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { BaseCache } from './base-cache.ts';
import type { CacheOptions } from './types.ts';

/**
 * The cache shared by all replicas. Redis is an optimisation, never a dependency: while it is unreachable every
 * call answers "not cached" at once (no offline queue, a short command timeout), one warning is logged per outage,
 * and caching resumes by itself when the connection comes back.
 */
export class RedisCache extends BaseCache {
  readonly kind = 'redis' as const;
  private readonly client: Redis;
  private degraded = false;

  constructor(url: string, options: CacheOptions, metrics: Metrics, private readonly log: Logger) {
    super(options, metrics);
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
    try {
      const text = await this.client.get(key);
      return text === null ? undefined : (JSON.parse(text) as unknown);
    } catch (err) {
      this.metrics.cache.inc({ cache: this.options.name, result: 'error' });
      this.markDegraded(err);
      return undefined;
    }
  }

  protected async write(key: string, value: unknown, ttlSeconds: number) {
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
