/**
 * Files too large for a message (an uploaded batch of applications) and what is made from them (a chunk's
 * results), shared by every replica: JetStream object store on NATS, a folder in embedded mode.
 * Names are `/`-separated paths of `[A-Za-z0-9._-]` parts.
 */
export interface ObjectBucket {
  readonly name: string;
  /** Stores the bytes under `name`, replacing what was there; resolves with their size once they are durable. */
  put(name: string, bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<number>;
  /** The bytes, as they are read; undefined when there is no such object. */
  get(name: string): Promise<AsyncIterable<Uint8Array> | undefined>;
  /** Deletes the object `name` and every object under `name/`. */
  delete(name: string): Promise<void>;
}

export interface ObjectBucketOptions {
  /** Objects are dropped this long after they were written. */
  ttlMs?: number;
}

const PART = /^[A-Za-z0-9._-]+$/;

export function checkObjectName(name: string) {
  const parts = name.split('/');
  if (!parts.every((part) => PART.test(part) && part !== '.' && part !== '..'))
    throw new RangeError(`Not an object name: ${JSON.stringify(name)}`);
}

/** A small object's bytes as text. */
export async function objectText(bytes: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const part of bytes) parts.push(part);
  return Buffer.concat(parts).toString('utf8');
}
