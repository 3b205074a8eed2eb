import type { NatsConnection } from '@nats-io/transport-node';
import { JetStreamApiCodes, JetStreamApiError } from '@nats-io/jetstream';
import { Kvm, type KV, type KvEntry } from '@nats-io/kv';
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

/** A JetStream KV bucket (`octroi-<name>`, file storage); create and update are decided by the server. */
class JetStreamBucket implements KeyValueBucket {
  constructor(
    readonly name: string,
    private readonly kv: KV,
  ) {}

  async get<T>(key: string) {
    checkKey(key);
    return entryOf<T>(await this.kv.get(key));
  }

  async create<T>(key: string, value: T): Promise<{ created: boolean; entry: StoredEntry<T> }> {
    checkKey(key);
    for (;;) {
      try {
        const revision = await this.kv.create(key, JSON.stringify(value));
        return { created: true, entry: { key, value, revision, writtenAt: Date.now() } };
      } catch (err) {
        if (!lostTheRace(err)) throw err;
      }
      const existing = await this.get<T>(key);
      if (existing) return { created: false, entry: existing };
      // Deleted between our attempt and our read: try again.
    }
  }

  async update<T>(key: string, value: T, revision: number) {
    checkKey(key);
    try {
      const next = await this.kv.update(key, JSON.stringify(value), revision);
      return { key, value, revision: next, writtenAt: Date.now() };
    } catch (err) {
      if (lostTheRace(err)) return undefined;
      throw err;
    }
  }

  async put<T>(key: string, value: T) {
    checkKey(key);
    const revision = await this.kv.put(key, JSON.stringify(value));
    return { key, value, revision, writtenAt: Date.now() };
  }

  async delete(key: string) {
    checkKey(key);
    await this.kv.delete(key);
  }

  async keys(prefix = '') {
    // A prefix that ends a key part ("<client>.") is a subject filter: the server lists only those keys.
    const filter = prefix.endsWith('.') && !prefix.startsWith('.') ? `${prefix}>` : undefined;
    if (filter) checkKey(`${prefix}x`);
    const found: string[] = [];
    for await (const key of await this.kv.keys(filter)) if (key.startsWith(prefix)) found.push(key);
    return found;
  }
}

/** The durable store on NATS: one JetStream KV bucket per concept, shared by every replica. */
export class JetStreamStore implements DurableStore {
  readonly kind = 'jetstream' as const;
  private readonly kvm: Kvm;
  private readonly buckets = new Map<string, Promise<KeyValueBucket>>();

  constructor(
    connection: NatsConnection,
    private readonly replicas = 1,
  ) {
    this.kvm = new Kvm(connection);
  }

  bucket(name: string, { ttlMs }: BucketOptions = {}): Promise<KeyValueBucket> {
    checkBucketName(name);
    let bucket = this.buckets.get(name);
    if (!bucket) {
      bucket = this.kvm
        .create(`octroi-${name}`, { history: 1, replicas: this.replicas, ...(ttlMs ? { ttl: ttlMs } : {}) })
        .then((kv) => new JetStreamBucket(name, kv));
      this.buckets.set(name, bucket);
    }
    return bucket;
  }

  async close() {}
}
