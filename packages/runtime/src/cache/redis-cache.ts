import type { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { BaseCache, heldValues } from './base-cache.ts';
import type { CacheOptions } from './types.ts';

/**
 * The cache shared by all replicas. Redis is an optimisation, never a dependency: while it is unreachable every
 * call answers "not cached" at once (no offline queue, a short command timeout), one warning is logged per outage,
 * and caching resumes by itself when the connection comes back. The caches of a process (one per model version)
 * share its one connection (`connectRedis`), which outlives them.
 *
 * A near cache in the process sits in front of Redis (`nearMegabytes` of JSON text, 0 turns it off): cached
 * answers are for one model version and never change, and reading one from memory costs far less than a Redis
 * round trip, which costs more than scoring a row.
 */
export class RedisCache extends BaseCache {
  readonly kind = 'redis' as const;
  private readonly near: ReturnType<typeof heldValues> | undefined;
  private degraded = false;
  private connectedOnce = false;

  constructor(
    private readonly client: Redis,
    options: CacheOptions,
    metrics: Metrics,
    private readonly log: Logger,
    nearMegabytes = 0,
  ) {
    super(options, metrics);
    this.near = nearMegabytes > 0 ? heldValues(nearMegabytes) : undefined;
    this.connectedOnce = client.status === 'ready';
    client.on('error', this.onError);
    client.on('ready', this.onReady);
  }

  private readonly onError = (err: unknown) => this.markDegraded(err);
  private readonly onReady = () => {
    this.connectedOnce = true;
    if (this.degraded) this.log.info('Redis is back: caching resumed');
    this.degraded = false;
  };

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

  /** Still making its first connection: a miss, but not an outage. */
  private get connecting() {
    return !this.connectedOnce && !this.degraded;
  }

  private markDegraded(err: unknown) {
    if (!this.degraded)
      this.log.warn({ err: String(err) }, 'Redis unavailable: answering without cache until it returns');
    this.degraded = true;
  }

  protected async read(key: string) {
    const near = this.near?.get(key);
    if (near) return near.value;
    if (this.connecting) return undefined;
    try {
      if (!this.near) {
        const text = await this.client.get(key);
        return text === null ? undefined : (JSON.parse(text) as unknown);
      }
      // The copy kept in memory expires with the entry in Redis, never later, in the same round trip.
      const replies = (await this.client.pipeline().get(key).pttl(key).exec()) ?? [];
      const failure = replies.find(([err]) => err)?.[0];
      if (failure) throw failure;
      const [[, text], [, ttlMs]] = replies as [[null, string | null], [null, number]];
      if (text === null) return undefined;
      const value = JSON.parse(text) as unknown;
      if (ttlMs > 0) this.near.set(key, { value, size: text.length }, { ttl: ttlMs });
      return value;
    } catch (err) {
      this.metrics.cache.inc({ cache: this.options.name, result: 'error' });
      this.markDegraded(err);
      return undefined;
    }
  }

  protected async write(key: string, value: unknown, ttlSeconds: number) {
    const text = JSON.stringify(value);
    this.near?.set(key, { value, size: text.length }, { ttl: ttlSeconds * 1000 });
    if (this.connecting) return;
    try {
      await this.client.set(key, text, 'EX', ttlSeconds);
    } catch (err) {
      this.markDegraded(err);
    }
  }

  /** Stops listening to the connection, which the process closes once every cache is done with it. */
  async close() {
    this.client.off('error', this.onError);
    this.client.off('ready', this.onReady);
  }
}
