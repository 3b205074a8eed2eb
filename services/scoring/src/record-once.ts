import type { AuditRecord, DecisionRecord } from '@octroi/contracts';
import { OctroiError, type AuditLog, type KeyValueBucket, type StoredEntry } from '@octroi/runtime';

/**
 * What the store holds for a request that decides once (a known client under a model version, or an
 * Idempotency-Key): who claimed it, with which request, and once recorded, possibly the answer itself.
 */
export interface Claim<R> {
  /** `abandoned`: its owner failed to record; whoever comes next checks the audit log, then takes it over. */
  state: 'deciding' | 'recorded' | 'abandoned';
  /** Fingerprint of what was asked: the same key asked with something else is a conflict. */
  fingerprint: string;
  /** The first decision of the request that holds the claim: its decisions are found in the audit log by it. */
  firstDecisionId: string;
  /** The service instance deciding it. */
  owner: string;
  reply?: R;
}

export interface RecordOnce<R> {
  bucket: KeyValueBucket;
  key: string;
  fingerprint: string;
  /** Our decisions, made (scored, with fresh ids) but not recorded: recorded only if we win the claim. */
  decisions: DecisionRecord[];
  audit: AuditLog;
  /** The answer, from recorded decisions (ours, or those of the request that won). */
  replyOf(records: AuditRecord[]): R;
  /** Keep the answer in the claim, so that later requests are answered without reading the audit log. */
  keepReply?: boolean;
  /**
   * What must be stored with the decisions before the claim says recorded (a referral to review, a line of the
   * client's history): done again by whoever finds the decisions in the audit log under a claim left deciding.
   */
  followUp?(records: AuditRecord[]): Promise<void>;
  /** Named in a conflict. */
  describe: string;
  /** This service instance, and how to tell whether another one still runs. */
  owner: string;
  ownerRunning: (owner: string) => Promise<boolean>;
  /** A claim still deciding after this long lost its owner (a replica killed between claim and record). */
  staleMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A claim still deciding after this long is taken over even though its owner seems to run (it is stuck). */
export const CLAIM_STALE_MS = 30_000;
/** Recording takes milliseconds: a claim older than this makes us ask whether its owner still runs. */
const CHECK_OWNER_AFTER_MS = 200;

/** The claims this process is deciding right now, by their first decision id. */
const deciding = new Set<string>();

/**
 * Records at most one set of decisions per key, across every replica. The claim is created in the durable store
 * atomically (create-if-absent): the winner appends its decisions to the audit log (the commit point), then marks
 * the claim recorded; the others wait for that and answer the recorded decisions. A claim left deciding by an attempt
 * that has ended (one of this replica's, whose audit append failed, or one of a replica that died: it no longer
 * answers its ping) is settled at once: if its decisions reached the audit log they are the answer, otherwise the
 * taker decides.
 * A cache, a TTL or CACHE=off never makes a second decision: only the store decides who records.
 */
export async function recordOnce<R>(options: RecordOnce<R>): Promise<R> {
  const firstDecisionId = options.decisions[0]!.decisionId;
  deciding.add(firstDecisionId);
  try {
    return await settle(options, {
      state: 'deciding',
      fingerprint: options.fingerprint,
      firstDecisionId,
      owner: options.owner,
    });
  } finally {
    deciding.delete(firstDecisionId);
  }
}

async function settle<R>(options: RecordOnce<R>, ours: Claim<R>): Promise<R> {
  const { bucket, key, fingerprint, audit } = options;
  let { created, entry } = await bucket.create(key, ours);
  for (let attempt = 0; ; attempt++) {
    const claim = entry.value;
    // Our own claim, found there when the store's acknowledgement was lost and the create sent again.
    const ownClaim = claim.state === 'deciding' && claim.firstDecisionId === ours.firstDecisionId;
    if (created || ownClaim) return commit(options, entry);
    if (claim.fingerprint !== fingerprint)
      throw new OctroiError('conflict', `${options.describe} was already used for a different request`);
    if (claim.state === 'recorded') return claim.reply ?? replayed(options, claim);
    if (!(await orphaned(claim, entry.writtenAt, options))) {
      await sleep(Math.min(5 * 2 ** attempt, 100));
      const current = await bucket.get<Claim<R>>(key);
      ({ created, entry } = current ? { created: false, entry: current } : await bucket.create(key, ours));
      continue;
    }
    // The audit log waits for an entry this process is still sending: what it does not find will never be stored.
    const stored = await audit.request(claim.firstDecisionId);
    if (stored) {
      await options.followUp?.(stored);
      const reply = options.replyOf(stored);
      await bucket.update(key, recorded(claim, reply, options.keepReply), entry.revision);
      return reply;
    }
    const taken = await bucket.update(key, ours, entry.revision);
    if (taken) ({ created, entry } = { created: true, entry: taken });
    else ({ created, entry } = await bucket.create(key, ours));
  }
}

/**
 * Whether a claim lost its owner: given up on, left by an attempt of this replica that has ended, held by a replica
 * that no longer runs, or held for far too long.
 */
async function orphaned<R>(claim: Claim<R>, writtenAt: number, options: RecordOnce<R>) {
  if (claim.state === 'abandoned') return true;
  const ownReplica = claim.owner === options.owner;
  if (ownReplica && !deciding.has(claim.firstDecisionId)) return true;
  const age = Date.now() - writtenAt;
  if (age >= (options.staleMs ?? CLAIM_STALE_MS)) return true;
  return age >= CHECK_OWNER_AFTER_MS && !ownReplica && !(await options.ownerRunning(claim.owner));
}

async function commit<R>(options: RecordOnce<R>, claim: StoredEntry<unknown>): Promise<R> {
  let records: AuditRecord[];
  try {
    records = await options.audit.append(options.decisions);
  } catch (err) {
    // Out of reach, the decisions may still be stored: the claim stays ours, and the next request finds them in the
    // audit log (on this replica at once, elsewhere once the claim is stale). Any other failure stored nothing: the
    // claim is given up at once.
    if (!(err instanceof OctroiError && err.code === 'unavailable')) {
      const abandoned = { ...(claim.value as Claim<R>), state: 'abandoned' as const };
      await options.bucket.update(options.key, abandoned, claim.revision).catch(() => undefined);
    }
    throw err;
  }
  await options.followUp?.(records);
  const reply = options.replyOf(records);
  // Should this fail, the claim stays "deciding" and the next request finds the decisions in the audit log.
  await options.bucket.update(options.key, recorded(claim.value as Claim<R>, reply, options.keepReply), claim.revision);
  return reply;
}

function recorded<R>(claim: Claim<R>, reply: R, keepReply = false): Claim<R> {
  return { ...claim, state: 'recorded', ...(keepReply ? { reply } : {}) };
}

async function replayed<R>(options: RecordOnce<R>, claim: Claim<R>): Promise<R> {
  const records = await options.audit.request(claim.firstDecisionId);
  if (!records) throw new OctroiError('unavailable', `The decisions of ${options.describe} cannot be read right now`);
  return options.replyOf(records);
}
