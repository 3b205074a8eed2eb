export type { Consuming, WorkItem, WorkQueue, WorkQueueOptions } from './types.ts';
export { LocalWorkQueue } from './local-work-queue.ts';
export { JetStreamWorkQueue } from './jetstream-work-queue.ts';
