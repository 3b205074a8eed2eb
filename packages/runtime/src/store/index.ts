export type { BucketOptions, DurableStore, KeyValueBucket, StoredEntry } from './types.ts';
export { FileStore } from './file-store.ts';
export { JetStreamStore } from './jetstream-store.ts';
export { AppendOnlyFile, readLines } from './append-only-file.ts';
