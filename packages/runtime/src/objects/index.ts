export { checkObjectName, objectText, type ObjectBucket, type ObjectBucketOptions } from './types.ts';
export { FileObjectBucket } from './file-objects.ts';
export { JetStreamObjectBucket } from './jetstream-objects.ts';
