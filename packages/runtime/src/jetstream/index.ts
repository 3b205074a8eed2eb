export { jetStreamReplicas } from './replicas.ts';
export { bucketStream, ensureBucket, ensureStream, jetStreamWhenReady } from './assets.ts';
export { isStorageOutage, orUnavailable, storageOutage, storeTimeoutMs, withStorageRetry } from './outage.ts';
export { storageStatus, type StorageStatus } from './storage-status.ts';
