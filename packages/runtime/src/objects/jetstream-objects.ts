import type { NatsConnection } from '@nats-io/transport-node';
import { StorageType } from '@nats-io/jetstream';
import type { ObjectStore } from '@nats-io/obj';
import { ensureObjectStore, withStorageRetry } from '../jetstream/index.ts';
import type { Logger } from '../logger.ts';
import { checkObjectName, type ObjectBucket, type ObjectBucketOptions } from './types.ts';

const NANOS_PER_MS = 1_000_000;
/** Pieces of an object as JetStream stores them: fewer round trips than the client's default 128 KiB. */
const PIECE_BYTES = 512 * 1024;

/**
 * Objects on NATS: a JetStream object store (`octroi-<bucket>`, file storage), as many copies as every stream keeps.
 * An object is stored piece by piece and becomes visible only once whole, so a writer that dies mid-way leaves nothing
 * readable (its pieces are purged, or expire with the bucket's age limit).
 */
export class JetStreamObjectBucket implements ObjectBucket {
  private constructor(
    readonly name: string,
    private readonly store: ObjectStore,
  ) {}

  static async open(connection: NatsConnection, name: string, options: ObjectBucketOptions = {}, log?: Logger) {
    const store = await ensureObjectStore(
      connection,
      `octroi-${name}`,
      { storage: StorageType.File, ...(options.ttlMs ? { ttl: options.ttlMs * NANOS_PER_MS } : {}) },
      log,
    );
    return new JetStreamObjectBucket(name, store);
  }

  async put(name: string, bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<number> {
    checkObjectName(name);
    const info = await this.store.put(
      { name, options: { max_chunk_size: PIECE_BYTES } },
      ReadableStream.from<Uint8Array>(bytes),
    );
    return info.size;
  }

  async get(name: string): Promise<AsyncIterable<Uint8Array> | undefined> {
    checkObjectName(name);
    const found = await withStorageRetry('The file could not be read', () => this.store.get(name));
    if (!found) return undefined;
    return (async function* () {
      yield* found.data as unknown as AsyncIterable<Uint8Array>;
      // The store checks the bytes against the digest it recorded once all have been read.
      const failed = await found.error;
      if (failed) throw failed;
    })();
  }

  async delete(name: string) {
    checkObjectName(name);
    const names = (await this.store.list()).map((info) => info.name);
    for (const stored of names.filter((stored) => stored === name || stored.startsWith(`${name}/`)))
      await withStorageRetry('The file could not be deleted', () => this.store.delete(stored));
  }
}
