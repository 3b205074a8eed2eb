export { jetStreamReplicas } from './replicas.ts';
export {
  bucketStream,
  ensureBucket,
  ensureObjectStore,
  ensureStream,
  jetStreamWhenReady,
  objectStoreStream,
} from './assets.ts';
export {
  isStorageOutage,
  orUnavailable,
  storageOutage,
  storeTimeoutMs,
  withinAttempt,
  withStorageRetry,
} from './outage.ts';
export { storageStatus, type StorageStatus } from './storage-status.ts';
