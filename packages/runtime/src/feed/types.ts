import type { FeedEvents, FeedKind } from '@octroi/contracts';

export type FeedListener = <K extends FeedKind>(kind: K, event: FeedEvents[K]) => void;

export interface Following {
  /** Resolves once every event stored when following began has been delivered. */
  readonly caughtUp: Promise<void>;
  stop(): Promise<void>;
}

/**
 * The monitoring feed: what scoring replicas observed, challengers' shadow scores, officers' decisions, kept for
 * eight days. On NATS a JetStream stream that every monitoring replica reads whole; embedded, a file and the
 * process's own listeners. Losing the last seconds of it in a crash costs a few counts, never a decision.
 */
export interface MonitoringFeed {
  readonly kind: 'jetstream' | 'file';
  publish<K extends FeedKind>(kind: K, event: FeedEvents[K]): Promise<void>;
  /** Every event since `sinceMs` (by when it was published), in order, then each new one, until stopped. */
  follow(sinceMs: number, listener: FeedListener): Promise<Following>;
  close(): Promise<void>;
}

/** How long the feed keeps events: the longest monitoring window (7 days) and a day to spare. */
export const FEED_RETENTION_MS = 8 * 24 * 3600_000;
