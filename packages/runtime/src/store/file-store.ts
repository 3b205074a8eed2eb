import { join, resolve } from 'node:path';
import { AppendOnlyFile } from './append-only-file.ts';
import {
  checkBucketName,
  checkKey,
  type BucketOptions,
  type DurableStore,
  type KeyValueBucket,
  type StoredEntry,
} from './types.ts';

/** One line of a bucket file: a write (`v` present) or a deletion. */
interface Line {
  k: string;
  r: number;
  t: number;
  v?: unknown;
}

/**
 * A bucket of embedded mode: a file of JSON lines (`<dir>/<bucket>.jsonl`), every write appended and fsynced before
 * it is acknowledged, read back into memory at start-up. Every service of the embedded process shares one instance
 * per bucket, so create-if-absent and compare-and-set are decided in one place, synchronously.
 */
class FileBucket implements KeyValueBucket {
  private readonly entries = new Map<string, StoredEntry<unknown>>();
  /**
   * Keys written but not yet fsynced, with the revision of their last write: a read of one waits for the disk, so
   * nothing is answered from a write that could be lost.
   */
  private readonly unflushed = new Map<string, number>();
  private revision = 0;

  constructor(
    readonly name: string,
    private readonly file: AppendOnlyFile,
    lines: string[],
    private readonly ttlMs: number | undefined,
  ) {
    for (const text of lines) {
      const line = JSON.parse(text) as Line;
      this.revision = Math.max(this.revision, line.r);
      if ('v' in line) this.entries.set(line.k, { key: line.k, value: line.v, revision: line.r, writtenAt: line.t });
      else this.entries.delete(line.k);
    }
    const live = [...this.entries.values()].filter((entry) => !this.expired(entry));
    // Rewritten when mostly dead lines, so the file stays about the size of what it holds.
    if (lines.length > 1000 && live.length < lines.length / 2) {
      this.file.rewrite(live.map((e) => JSON.stringify({ k: e.key, r: e.revision, t: e.writtenAt, v: e.value })));
    }
  }

  private expired(entry: StoredEntry<unknown>, now = Date.now()) {
    return this.ttlMs !== undefined && now - entry.writtenAt > this.ttlMs;
  }

  private live<T>(key: string): StoredEntry<T> | undefined {
    const entry = this.entries.get(key);
    return entry && !this.expired(entry) ? (entry as StoredEntry<T>) : undefined;
  }

  private write<T>(key: string, value: T | undefined): Promise<StoredEntry<T>> {
    const entry = { key, value: value as T, revision: ++this.revision, writtenAt: Date.now() };
    if (value === undefined) this.entries.delete(key);
    else this.entries.set(key, entry);
    const line: Line = { k: key, r: entry.revision, t: entry.writtenAt, ...(value === undefined ? {} : { v: value }) };
    this.unflushed.set(key, entry.revision);
    return this.file.append([JSON.stringify(line)]).then(() => {
      if (this.unflushed.get(key) === entry.revision) this.unflushed.delete(key);
      return entry;
    });
  }

  async get<T>(key: string) {
    checkKey(key);
    if (this.unflushed.has(key)) await this.file.flushed();
    return this.live<T>(key);
  }

  async create<T>(key: string, value: T) {
    checkKey(key);
    const existing = this.live<T>(key);
    if (existing) {
      if (this.unflushed.has(key)) await this.file.flushed();
      return { created: false, entry: existing };
    }
    return { created: true, entry: await this.write(key, value) };
  }

  async update<T>(key: string, value: T, revision: number) {
    checkKey(key);
    if (this.live(key)?.revision !== revision) return undefined;
    return this.write(key, value);
  }

  async put<T>(key: string, value: T) {
    checkKey(key);
    return this.write(key, value);
  }

  async delete(key: string) {
    checkKey(key);
    if (this.entries.has(key)) await this.write(key, undefined);
  }

  async deleteAt(key: string, revision: number) {
    checkKey(key);
    if (this.live(key)?.revision !== revision) return false;
    await this.write(key, undefined);
    return true;
  }

  async keys(prefix = '') {
    return [...this.entries.keys()].filter((key) => key.startsWith(prefix) && this.live(key));
  }

  close() {
    return this.file.close();
  }
}

/** The durable store of embedded mode: a folder of bucket files (`$OCTROI_DATA_DIR/store`). */
export class FileStore implements DurableStore {
  readonly kind = 'file' as const;
  private static readonly open = new Map<string, { store: FileStore; users: number }>();
  private readonly buckets = new Map<string, FileBucket>();

  private constructor(readonly dir: string) {}

  /** The folder's store, shared by every caller in this process until the last one closes it. */
  static at(dir: string): FileStore {
    const path = resolve(dir);
    const shared = FileStore.open.get(path) ?? { store: new FileStore(path), users: 0 };
    shared.users++;
    FileStore.open.set(path, shared);
    return shared.store;
  }

  async bucket(name: string, { ttlMs }: BucketOptions = {}): Promise<KeyValueBucket> {
    checkBucketName(name);
    let bucket = this.buckets.get(name);
    if (!bucket) {
      const { file, lines } = AppendOnlyFile.open(join(this.dir, `${name}.jsonl`));
      bucket = new FileBucket(name, file, lines, ttlMs);
      this.buckets.set(name, bucket);
    }
    return bucket;
  }

  async close() {
    const shared = FileStore.open.get(this.dir);
    if (shared && --shared.users > 0) return;
    FileStore.open.delete(this.dir);
    await Promise.all([...this.buckets.values()].map((bucket) => bucket.close()));
    this.buckets.clear();
  }
}
