/** One value in a bucket, with its revision (it changes on every write: compare-and-set) and when it was written. */
export interface StoredEntry<T> {
  key: string;
  value: T;
  revision: number;
  /** Milliseconds since the epoch, by the store's clock (the server's on NATS). */
  writtenAt: number;
}

/**
 * Durable keys and values, shared by every replica: JetStream KV on NATS, fsynced files in embedded mode.
 * Keys are made with `storeKey(...)` from the contracts.
 */
export interface KeyValueBucket {
  readonly name: string;
  get<T>(key: string): Promise<StoredEntry<T> | undefined>;
  /** Writes `value` only when the key holds nothing, atomically across replicas; otherwise returns what is there. */
  create<T>(key: string, value: T): Promise<{ created: boolean; entry: StoredEntry<T> }>;
  /** Replaces the value only if the entry is still at `revision`; undefined when another writer changed it first. */
  update<T>(key: string, value: T, revision: number): Promise<StoredEntry<T> | undefined>;
  /** Writes unconditionally (a pointer, such as the model in service). */
  put<T>(key: string, value: T): Promise<StoredEntry<T>>;
  delete(key: string): Promise<void>;
  /** Removes the entry only if it is still at `revision`; false when another writer changed or removed it first. */
  deleteAt(key: string, revision: number): Promise<boolean>;
  /** Every live key, or those that start with `prefix`. */
  keys(prefix?: string): Promise<string[]>;
}

export interface BucketOptions {
  /** Entries are dropped this long after their last write (idempotency keys, revoked sessions). */
  ttlMs?: number;
}

export interface DurableStore {
  readonly kind: 'jetstream' | 'file';
  bucket(name: string, options?: BucketOptions): Promise<KeyValueBucket>;
  close(): Promise<void>;
}

export const BUCKET_NAME = /^[a-z0-9-]{1,60}$/;
export const STORE_KEY = /^[-/_=.A-Za-z0-9]+$/;

export function checkBucketName(name: string) {
  if (!BUCKET_NAME.test(name)) throw new RangeError(`Bucket names are [a-z0-9-]{1,60}, not ${JSON.stringify(name)}`);
}

export function checkKey(key: string) {
  if (!STORE_KEY.test(key) || key.startsWith('.') || key.endsWith('.') || key.includes('..'))
    throw new RangeError(`Not a store key (build keys with storeKey): ${JSON.stringify(key)}`);
}
