import type { NatsConnection } from '@nats-io/transport-node';
import { JetStreamApiCodes, JetStreamApiError } from '@nats-io/jetstream';
import type { KV, KvEntry } from '@nats-io/kv';
import { ensureBucket, storageOutage, withinAttempt, withStorageRetry } from '../jetstream/index.ts';
import type { Logger } from '../logger.ts';
import {
  checkBucketName,
  checkKey,
  type BucketOptions,
  type DurableStore,
  type KeyValueBucket,
  type StoredEntry,
} from './types.ts';

/** JetStream answers a create or compare-and-set that lost the race with "wrong last sequence". */
const lostTheRace = (err: unknown) =>
  err instanceof JetStreamApiError &&
  (err.code === JetStreamApiCodes.StreamWrongLastSequence ||
    err.code === JetStreamApiCodes.StreamWrongLastSequenceUnknown);

const entryOf = <T>(entry: KvEntry | null): StoredEntry<T> | undefined =>
  entry && entry.operation === 'PUT'
    ? { key: entry.key, value: entry.json<T>(), revision: entry.revision, writtenAt: entry.created.getTime() }
    : undefined;

/**
 * A JetStream KV bucket (`octroi-<name>`, file storage); create and update are decided by the server. Every operation
 * rides out a short outage (a stream electing its leader, the server restarting) and fails `unavailable` after
 * STORE_TIMEOUT_MS, never with a raw timeout. Each attempt is bounded by its share of that time: a request lost with
 * a dying node is sent again as soon as the store answers, instead of after JetStream's default 5 s.
 */
class JetStreamBucket implements KeyValueBucket {
  constructor(
    readonly name: string,
    private readonly kv: KV,
  ) {}

  private retried<T>(what: string, operation: (attemptMs: number) => Promise<T>): Promise<T> {
    return withStorageRetry(`${what} in ${this.name}`, operation);
  }

  async get<T>(key: string) {
    checkKey(key);
    return entryOf<T>(await this.retried('Reading', (ms) => withinAttempt(ms, this.kv.get(key))));
  }

  async create<T>(key: string, value: T): Promise<{ created: boolean; entry: StoredEntry<T> }> {
    checkKey(key);
    for (;;) {
      try {
        const revision = await this.retried('Writing', (ms) =>
          withinAttempt(ms, this.kv.create(key, JSON.stringify(value))),
        );
        return { created: true, entry: { key, value, revision, writtenAt: Date.now() } };
      } catch (err) {
        if (!lostTheRace(err)) throw err;
      }
      // Taken: by another writer, or by this one when an acknowledgement was lost and the create sent again.
      const existing = await this.get<T>(key);
      if (existing) return { created: false, entry: existing };
      // Deleted between our attempt and our read: try again.
    }
  }

  async update<T>(key: string, value: T, revision: number) {
    checkKey(key);
    try {
      const next = await this.retried('Writing', (ms) => this.kv.update(key, JSON.stringify(value), revision, ms));
      return { key, value, revision: next, writtenAt: Date.now() };
    } catch (err) {
      if (lostTheRace(err)) return undefined;
      throw err;
    }
  }

  async put<T>(key: string, value: T) {
    checkKey(key);
    const revision = await this.retried('Writing', (ms) => this.kv.put(key, JSON.stringify(value), { timeout: ms }));
    return { key, value, revision, writtenAt: Date.now() };
  }

  async delete(key: string) {
    checkKey(key);
    await this.retried('Deleting', (ms) => withinAttempt(ms, this.kv.delete(key)));
  }

  async deleteAt(key: string, revision: number) {
    checkKey(key);
    try {
      await this.retried('Deleting', (ms) => withinAttempt(ms, this.kv.delete(key, { previousSeq: revision })));
      return true;
    } catch (err) {
      if (lostTheRace(err)) return false;
      throw err;
    }
  }

  async keys(prefix = '') {
    // A prefix that ends a key part ("<client>.") is a subject filter: the server lists only those keys.
    const filter = prefix.endsWith('.') && !prefix.startsWith('.') ? `${prefix}>` : undefined;
    if (filter) checkKey(`${prefix}x`);
    return this.retried('Listing', async () => {
      const found: string[] = [];
      for await (const key of await this.kv.keys(filter)) if (key.startsWith(prefix)) found.push(key);
      return found;
    });
  }
}

/**
 * The durable store on NATS: one JetStream KV bucket per concept, shared by every replica, with the copies every
 * stream keeps (`ensureBucket`). A bucket that could not be opened is tried again by the next caller.
 */
export class JetStreamStore implements DurableStore {
  readonly kind = 'jetstream' as const;
  private readonly buckets = new Map<string, Promise<KeyValueBucket>>();

  constructor(
    private readonly connection: NatsConnection,
    private readonly log?: Logger,
  ) {}

  bucket(name: string, { ttlMs }: BucketOptions = {}): Promise<KeyValueBucket> {
    checkBucketName(name);
    let bucket = this.buckets.get(name);
    if (!bucket) {
      const options = { history: 1, ...(ttlMs ? { ttl: ttlMs } : {}) };
      bucket = ensureBucket(this.connection, `octroi-${name}`, options, this.log).then(
        (kv) => new JetStreamBucket(name, kv),
        (err: unknown) => {
          this.buckets.delete(name);
          throw storageOutage(err, `Opening ${name}`);
        },
      );
      this.buckets.set(name, bucket);
    }
    return bucket;
  }

  async close() {}
}
