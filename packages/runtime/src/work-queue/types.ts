/**
 * Work shared among the replicas of a service: each item is taken by one of them, and given to another if the one
 * that took it dies before it is done. On NATS, a JetStream work-queue stream; in embedded mode, a queue in memory.
 */
export interface WorkQueue<T> {
  /**
   * Queues an item; resolves once the queue holds it durably (or, in memory, once there is room for it). An item
   * added again under the same `id` a little later (minutes) is dropped.
   */
  add(body: T, id: string): Promise<void>;
  /**
   * Takes items, `concurrency` at a time, until stopped. An item is done when `handle` resolves (and given to no one
   * again); when it throws, the item is given again after a pause. A long item stays taken while `handle` runs.
   */
  consume(handle: (item: WorkItem<T>) => Promise<void>, options?: { concurrency?: number }): Consuming;
  /** Items waiting to be taken. */
  waiting(): Promise<number>;
}

export interface WorkItem<T> {
  readonly body: T;
  /** 1 the first time the item is handed out, more when a consumer died or failed with it. */
  readonly deliveries: number;
  /**
   * Aborted when the consumer is told to stop (its process is shutting down): a long item stops at its next step by
   * throwing, and is given again (to another replica, on NATS).
   */
  readonly stopping: AbortSignal;
}

export interface Consuming {
  /** Takes no new item, and resolves once the items being handled are done. */
  stop(): Promise<void>;
}

export interface WorkQueueOptions {
  /** The JetStream stream holding the queues of one service (`OCTROI_...`), on `<subjectPrefix>.<queue>`. */
  stream: string;
  subjectPrefix: string;
  /** The queue's name: its subject, and its consumer shared by every replica. */
  queue: string;
  /**
   * How long an item stays with a consumer that stopped answering before another one gets it (WORK_ACK_WAIT_MS):
   * the longest a job stalls when a replica is killed.
   */
  ackWaitMs?: number;
  /** Items queued in memory at most (embedded mode): `add` waits for room beyond it. */
  capacity?: number;
}

/** After a failure, an item is given again after this pause, doubled each time up to RETRY_MAX_MS. */
export const RETRY_FIRST_MS = 500;
export const RETRY_MAX_MS = 30_000;
export const retryDelay = (deliveries: number) => Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (deliveries - 1));
