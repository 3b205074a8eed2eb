import { performance } from 'node:perf_hooks';
import type { Bus, RunningService } from './bus/index.ts';
import { envInt } from './config.ts';
import type { Logger } from './logger.ts';

export interface StallWatchOptions {
  /** How often the watch's timer should fire. */
  tickMs?: number;
  /** A tick this late means the event loop was held that long: the process is stalled. */
  stalledAfterMs?: number;
  /** Punctual ticks for this long mean it is healthy again. */
  healthyAfterMs?: number;
  /** The clock, in milliseconds (tests drive their own). */
  now?: () => number;
}

export interface EventLoopEvents {
  /** Each tick that came `stalledAfterMs` late or more. */
  stalled(heldMs: number): void;
  /** Once, after `healthyAfterMs` of punctual ticks following a stall. */
  healthy(): void;
}

/**
 * Watches the process's own event loop with a timer that measures how late it fires (a drift check: it needs no
 * sampling, and it sees a process stopped from outside, such as by SIGSTOP, as soon as it runs again).
 */
export function watchEventLoop(
  events: EventLoopEvents,
  {
    tickMs = 100,
    stalledAfterMs = 500,
    healthyAfterMs = 2000,
    now: clock = performance.now.bind(performance),
  }: StallWatchOptions = {},
): () => void {
  let last = clock();
  let lastStallAt: number | undefined;
  const timer = setInterval(() => {
    const now = clock();
    const heldMs = now - last - tickMs;
    last = now;
    if (heldMs >= stalledAfterMs) {
      lastStallAt = now;
      events.stalled(heldMs);
    } else if (lastStallAt !== undefined && now - lastStallAt >= healthyAfterMs) {
      lastStallAt = undefined;
      events.healthy();
    }
  }, tickMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** After deciding to stay, a replica still stalling asks again at most this often. */
const RECONSIDER_MS = 1000;

/**
 * A replica whose event loop stalls (a long computation, swapping, a frozen process) would keep receiving its share
 * of its queue group's requests and answer them late or not at all. While stalled, it leaves the queue group, so
 * the other replicas take the load, and joins again once healthy. It stays when no other replica answers a ping:
 * a slow answer is better than none. (A process frozen for good cannot act: the NATS server drops it instead, see
 * deploy/nats/octroi.conf.)
 */
export function leaveQueueGroupWhileStalled(
  running: RunningService,
  bus: Pick<Bus, 'ping'>,
  log: Logger,
  options: StallWatchOptions = {
    stalledAfterMs: envInt('STALL_THRESHOLD_MS', 500),
    healthyAfterMs: envInt('STALL_RECOVERY_MS', 2000),
  },
): () => void {
  const clock = options.now ?? performance.now.bind(performance);
  let busy = false;
  let stayedAt = Number.NEGATIVE_INFINITY;
  // One change at a time; a failed one (the connection down at that moment) is logged, and tried at the next tick.
  const change = (what: () => Promise<void>) => {
    if (busy) return;
    busy = true;
    what()
      .catch((err: unknown) => log.error({ err }, 'could not change the queue group membership'))
      .finally(() => (busy = false));
  };
  return watchEventLoop(
    {
      stalled: (heldMs) => {
        if (running.left || clock() - stayedAt < RECONSIDER_MS) return;
        change(async () => {
          const others = (await bus.ping(running.name as never, 300)).filter((other) => other.id !== running.id);
          if (others.length === 0) {
            stayedAt = clock();
            log.warn({ heldMs }, 'event loop stalled, but no other replica answers: staying in the queue group');
            return;
          }
          log.warn({ heldMs, others: others.length }, 'event loop stalled: leaving the queue group');
          await running.leave();
        });
      },
      healthy: () =>
        change(async () => {
          stayedAt = Number.NEGATIVE_INFINITY;
          if (!running.left) {
            log.info('event loop healthy again');
            return;
          }
          await running.rejoin();
          log.info({ instance: running.id }, 'event loop healthy again: rejoined the queue group');
        }),
    },
    options,
  );
}
