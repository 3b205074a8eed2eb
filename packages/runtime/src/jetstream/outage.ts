import { ClosedConnectionError, DrainingConnectionError, RequestError, TimeoutError } from '@nats-io/transport-node';
import { JetStreamApiError } from '@nats-io/jetstream';
import { OctroiError } from '@octroi/contracts';
import { envInt } from '../config.ts';

/** Names nats.js gives to failures of the connection rather than of the request. */
const CONNECTION_FAILURES = new Set(['NoRespondersError', 'ConnectionError', 'TimeoutError', 'JetStreamNotEnabled']);

/**
 * Whether a JetStream or NATS failure means "the store cannot answer right now" (no server, no stream leader, no
 * quorum, a timeout) rather than "the request is wrong" (a lost compare-and-set, a missing stream).
 * JetStream answers an unavailable cluster with API status 503 ("JetStream system temporarily unavailable",
 * "stream is offline"); a stream without a leader has no responder for its subjects.
 */
export function isStorageOutage(err: unknown): boolean {
  for (let cause = err, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
    if (cause instanceof OctroiError) return cause.code === 'unavailable';
    if (cause instanceof JetStreamApiError) return cause.status === 503;
    if (
      cause instanceof TimeoutError ||
      cause instanceof ClosedConnectionError ||
      cause instanceof DrainingConnectionError ||
      (cause instanceof RequestError && cause.isNoResponders()) ||
      CONNECTION_FAILURES.has(cause.name)
    )
      return true;
  }
  return false;
}

/**
 * The error a caller should see for a failed store operation: `unavailable` (503, to retry after a back-off) when
 * the store is out of reach, the original error otherwise. `what` says what could not be done, for the message.
 */
export function storageOutage(err: unknown, what: string): unknown {
  if (err instanceof OctroiError || !isStorageOutage(err)) return err;
  return new OctroiError('unavailable', `${what}: the durable store does not answer right now; retry shortly`);
}

/** Runs a store operation, turning an outage into `unavailable` (see `storageOutage`). */
export async function orUnavailable<T>(what: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (err) {
    throw storageOutage(err, what);
  }
}

/**
 * How long a store operation keeps trying before the request fails `unavailable`. Long enough to ride out a stream
 * electing a new leader after its node died (4 to 9 s in nats-server 2.9; 5 to 6.5 s measured here), so losing one
 * node of three fails no decision; the gateway waits longer than this for the endpoints that record.
 */
export const storeTimeoutMs = () => envInt('STORE_TIMEOUT_MS', 10_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One attempt waits at most this long: an acknowledgement lost with a connection is not waited for until the end. */
const LONGEST_ATTEMPT_MS = 2000;

/**
 * Gives up waiting for `work` after `ms`, with the timeout nats.js would have given: for the store calls that take no
 * time limit of their own (a KV read or create waits for JetStream's default 5 s), so that one attempt of
 * `withStorageRetry` never outlives its share of the deadline. The abandoned call may still complete: only calls
 * that are safe to repeat are bounded this way.
 */
export function withinAttempt<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError()), ms);
  });
  work.catch(() => undefined);
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * Runs a store operation that is safe to repeat (a publish with a message id, a read), again and again with
 * back-off while the store is out of reach (a stream electing its leader after a node died takes a second or two),
 * and fails `unavailable` once `timeoutMs` has passed. The operation gets the time its attempt may take.
 */
export async function withStorageRetry<T>(
  what: string,
  operation: (remainingMs: number) => Promise<T>,
  timeoutMs = storeTimeoutMs(),
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation(Math.max(1, Math.min(LONGEST_ATTEMPT_MS, deadline - Date.now())));
    } catch (err) {
      if (!isStorageOutage(err)) throw err;
      const wait = Math.min(50 * 2 ** attempt, 500);
      if (Date.now() + wait >= deadline) throw storageOutage(err, what);
      await sleep(wait);
    }
  }
}
