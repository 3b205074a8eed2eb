import { gatewayCounters } from '@octroi/contracts';
import type { Redis } from '@octroi/runtime';

/** Failed sign-ins an account is allowed before each further failure locks it for a while. */
export const FREE_FAILURES = 5;
/** The lock after the first failure beyond the free ones; each further failure doubles it, up to the longest. */
export const FIRST_LOCK_MS = 1000;
export const LONGEST_LOCK_MS = 15 * 60_000;
/** An account's failures are forgotten this long after its last one (longer than the longest lock). */
export const FAILURES_KEPT_MS = 60 * 60_000;

/** How long an account is locked after its `failures`-th failure in a row: 0, ..., 0, 1 s, 2 s, 4 s, ... 15 min. */
export function lockAfter(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(FIRST_LOCK_MS * 2 ** (failures - FREE_FAILURES - 1), LONGEST_LOCK_MS);
}

/** Where failed sign-ins are counted: Redis, shared by every gateway replica, or this process's memory. */
interface FailureCounts {
  /** Counts one more failure and locks the account for `lockMs(failures so far)`. */
  failed(account: string, lockMs: (failures: number) => number): Promise<void>;
  /** Milliseconds the account stays locked (0: not locked). */
  lockedFor(account: string): Promise<number>;
  forget(account: string): Promise<void>;
}

class MemoryCounts implements FailureCounts {
  private readonly accounts = new Map<string, { failures: number; forgetAt: number; lockedUntil: number }>();

  async failed(account: string, lockMs: (failures: number) => number) {
    const now = Date.now();
    const known = this.accounts.get(account);
    const failures = known && known.forgetAt > now ? known.failures + 1 : 1;
    this.accounts.delete(account); // re-inserted last: the map stays in order of last failure
    this.accounts.set(account, { failures, forgetAt: now + FAILURES_KEPT_MS, lockedUntil: now + lockMs(failures) });
    // Bounded: names tried once are dropped oldest first (each address is limited on the sign-in route anyway).
    for (const [name] of this.accounts) {
      if (this.accounts.size <= 10_000) break;
      this.accounts.delete(name);
    }
  }

  async lockedFor(account: string) {
    return Math.max(0, (this.accounts.get(account)?.lockedUntil ?? 0) - Date.now());
  }

  async forget(account: string) {
    this.accounts.delete(account);
  }
}

class RedisCounts implements FailureCounts {
  constructor(private readonly redis: Redis) {}

  async failed(account: string, lockMs: (failures: number) => number) {
    const { failures, lock } = gatewayCounters.signIn(account);
    const [[, count]] = (await this.redis.multi().incr(failures).pexpire(failures, FAILURES_KEPT_MS).exec()) as [
      [Error | null, number],
    ];
    const ms = lockMs(count);
    if (ms > 0) await this.redis.set(lock, '1', 'PX', ms);
  }

  async lockedFor(account: string) {
    return Math.max(0, await this.redis.pttl(gatewayCounters.signIn(account).lock));
  }

  async forget(account: string) {
    const { failures, lock } = gatewayCounters.signIn(account);
    await this.redis.del(failures, lock);
  }
}

/**
 * Per-account throttling of sign-in: after FREE_FAILURES failed passwords in a row, each failure locks the account
 * for twice as long as the one before (1 s, 2 s, 4 s, ... up to 15 min); a locked account is refused without its
 * password being checked, and a successful sign-in forgets the failures. With Redis the counts are shared by every
 * gateway replica; while Redis is out of reach (or without it) each replica counts in its own memory.
 */
export class SignInThrottle {
  private readonly memory = new MemoryCounts();
  private readonly shared: FailureCounts | undefined;

  constructor(redis?: Redis) {
    this.shared = redis ? new RedisCounts(redis) : undefined;
  }

  private async counts<T>(use: (counts: FailureCounts) => Promise<T>): Promise<T> {
    if (this.shared) {
      try {
        return await use(this.shared);
      } catch {
        // Redis out of reach: this replica's own counts, until it is back.
      }
    }
    return use(this.memory);
  }

  /** Milliseconds before the account may try again (0: now). */
  lockedFor(username: string): Promise<number> {
    return this.counts((counts) => counts.lockedFor(username));
  }

  failed(username: string): Promise<void> {
    return this.counts((counts) => counts.failed(username, lockAfter));
  }

  succeeded(username: string): Promise<void> {
    return this.counts((counts) => counts.forget(username));
  }
}
