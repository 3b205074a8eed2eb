import { createHash } from 'node:crypto';
import type { NatsConnection } from '@nats-io/transport-node';
import { StorageType, jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { ObjectInfo, ObjectStore } from '@nats-io/obj';
import { ensureObjectStore, objectStoreStream, storeTimeoutMs, withStorageRetry } from '../jetstream/index.ts';
import type { Logger } from '../logger.ts';
import { checkObjectName, type ObjectBucket, type ObjectBucketOptions } from './types.ts';

const NANOS_PER_MS = 1_000_000;
/** Pieces of an object as JetStream stores them: fewer round trips than the client's default 128 KiB. */
const PIECE_BYTES = 512 * 1024;
/** Pieces asked for at a time when reading: a reader slower than the network holds a few megabytes of an object. */
const PIECES_AHEAD = 8;
const DIGEST_PREFIX = 'SHA-256=';

/**
 * Objects on NATS: a JetStream object store (`octroi-<bucket>`, file storage), as many copies as every stream keeps.
 * An object is stored piece by piece and becomes visible only once whole, so a writer that dies mid-way leaves nothing
 * readable (its pieces are purged, or expire with the bucket's age limit).
 */
export class JetStreamObjectBucket implements ObjectBucket {
  private constructor(
    readonly name: string,
    private readonly store: ObjectStore,
    private readonly js: JetStreamClient,
    private readonly bucket: string,
  ) {}

  static async open(connection: NatsConnection, name: string, options: ObjectBucketOptions = {}, log?: Logger) {
    const bucket = `octroi-${name}`;
    const store = await ensureObjectStore(
      connection,
      bucket,
      { storage: StorageType.File, ...(options.ttlMs ? { ttl: options.ttlMs * NANOS_PER_MS } : {}) },
      log,
    );
    return new JetStreamObjectBucket(name, store, jetstream(connection), bucket);
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
    const info = await withStorageRetry('The file could not be read', () => this.store.info(name));
    if (!info || info.deleted) return undefined;
    return this.pieces(info);
  }

  /**
   * An object's pieces, fetched PIECES_AHEAD at a time as they are read. The store's own `get` pushes the whole object
   * at once into memory, and a replica reading a large file answered nothing else until it had arrived.
   */
  private async *pieces(info: ObjectInfo): AsyncGenerator<Uint8Array> {
    if (info.size === 0) return;
    const consumer = await this.js.consumers.get(objectStoreStream(this.bucket), {
      filter_subjects: `$O.${this.bucket}.C.${info.nuid}`,
    });
    const digest = createHash('sha256');
    let pending = info.chunks;
    while (pending > 0) {
      const batch = await consumer.fetch({ max_messages: Math.min(PIECES_AHEAD, pending), expires: storeTimeoutMs() });
      const before = pending;
      for await (const message of batch) {
        digest.update(message.data);
        pending--;
        yield message.data;
      }
      if (pending === before) throw new Error(`The file ${info.name} could not be read: no piece came`);
    }
    // The store recorded the digest of the bytes it took: a file read whole is the file written.
    if (!digest.digest().equals(Buffer.from(info.digest.slice(DIGEST_PREFIX.length), 'base64')))
      throw new Error(`The file ${info.name} read back does not match its digest`);
  }

  async delete(name: string) {
    checkObjectName(name);
    const names = (await this.store.list()).map((info) => info.name);
    for (const stored of names.filter((stored) => stored === name || stored.startsWith(`${name}/`)))
      await withStorageRetry('The file could not be deleted', () => this.store.delete(stored));
  }
}
