import { LRUCache } from 'lru-cache';
import type { Metrics } from '../metrics.ts';
import type { Cache, CacheOptions } from './types.ts';

/** Key layout, hit/miss accounting and get-or-compute, shared by both stores. */
export abstract class BaseCache implements Cache {
  abstract readonly kind: 'redis' | 'memory' | 'none';
  protected readonly prefix: string;
  protected readonly defaultTtlSeconds: number;

  constructor(
    protected readonly options: CacheOptions,
    protected readonly metrics: Metrics,
  ) {
    this.prefix = `octroi:${options.modelVersion}:${options.name}:`;
    this.defaultTtlSeconds = options.defaultTtlSeconds ?? 3600;
  }

  async get<T>(key: string): Promise<T | undefined> {
    const value = await this.read(this.prefix + key);
    this.metrics.cache.inc({ cache: this.options.name, result: value === undefined ? 'miss' : 'hit' });
    return value as T | undefined;
  }

  async set<T>(key: string, value: T, ttlSeconds = this.defaultTtlSeconds): Promise<void> {
    await this.write(this.prefix + key, value, ttlSeconds);
  }

  async getOrCompute<T>(key: string, compute: () => Promise<T>, ttlSeconds?: number): Promise<T> {
    const cached = await this.get<T>(key);
    if (cached !== undefined) return cached;
    const value = await compute();
    await this.set(key, value, ttlSeconds);
    return value;
  }

  /** Resolves undefined on a miss or a failure (failures are counted and logged by the store). */
  protected abstract read(key: string): Promise<unknown>;
  protected abstract write(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  abstract close(): Promise<void>;
}

/** A value kept in process memory, with the length of its JSON text as its weight. */
export interface HeldValue {
  value: unknown;
  size: number;
}

/**
 * Values held in this process, least recently used dropped first, bounded by the size of their JSON text rather
 * than by a count: a decision is a few hundred bytes, an explanation some kilobytes.
 */
export function heldValues(megabytes: number): LRUCache<string, HeldValue> {
  return new LRUCache<string, HeldValue>({
    maxSize: Math.max(1, Math.round(megabytes * 1024 * 1024)),
    sizeCalculation: (held) => Math.max(1, held.size),
    ttlAutopurge: false,
  });
}
