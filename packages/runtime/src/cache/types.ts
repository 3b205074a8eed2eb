export interface Cache {
  readonly kind: 'redis' | 'memory' | 'none';
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, ttlSeconds?: number): Promise<void>;
  /** The cached value, or the computed one, stored for next time. A cache failure never fails the caller. */
  getOrCompute<T>(key: string, compute: () => Promise<T>, ttlSeconds?: number): Promise<T>;
  close(): Promise<void>;
}

export interface CacheOptions {
  /** Whose entries these are (a service name): metrics label and part of every key. */
  name: string;
  /** Keys are namespaced by model version, so a new model never reads the old model's answers. */
  modelVersion: string;
  defaultTtlSeconds?: number;
}
