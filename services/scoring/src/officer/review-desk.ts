/**
 * The review desk: referred decisions of record wait here for an officer. Three buckets of the durable store:
 * `referrals` keeps every referral with what the officer reviews (never removed), `review-queue` holds those no
 * officer has decided yet (removed once decided), and `review-claims` says who took which (create-if-absent, so two
 * officers never take the same; a claim lapses after REVIEW_CLAIM_MINUTES, so a case left open goes back to all, and
 * the officer who holds a case may give it back at once).
 */
import {
  OctroiError,
  type ModelAuditRecord,
  type NewApplication,
  type Officer,
  type Referral,
  type ReleasedReview,
  type ReviewClaim,
  type ReviewQueue,
  type TakenReview,
} from '@octroi/contracts';
import type { KeyValueBucket } from '@octroi/runtime';
import { claimFor, inQueueOrder, mayRelease, referralFile, type ReferralFile } from './review-queue.ts';

export const REFERRALS_BUCKET = 'referrals';
export const REVIEW_QUEUE_BUCKET = 'review-queue';
export const REVIEW_CLAIMS_BUCKET = 'review-claims';

export const notReferred = (decisionId: string) =>
  OctroiError.notFound(`Decision ${decisionId} was not referred to an officer`, 'decisionId');

export interface ReviewBuckets {
  referrals: KeyValueBucket;
  queue: KeyValueBucket;
  claims: KeyValueBucket;
}

export class ReviewDesk {
  constructor(private readonly buckets: ReviewBuckets) {}

  /**
   * The referred ones among a request's recorded decisions join the queue (with the application an officer needs
   * to review, when there is one). Done again for the same decisions, nothing changes.
   */
  async refer(records: readonly ModelAuditRecord[], applications?: readonly NewApplication[]): Promise<void> {
    await Promise.all(
      records.map(async (record, index) => {
        if (record.decision !== 'referred') return;
        const file = referralFile(record, applications?.[index]);
        await this.buckets.referrals.create(record.decisionId, file);
        await this.buckets.queue.create(record.decisionId, file.referral);
      }),
    );
  }

  /** The referrals no officer has decided, the oldest first (at most `limit`), with who holds each. */
  async queue(limit: number): Promise<ReviewQueue> {
    const ids = inQueueOrder(await this.buckets.queue.keys());
    const referrals = await Promise.all(ids.slice(0, limit).map((id) => this.waiting(id)));
    return { waiting: ids.length, referrals: referrals.filter((referral) => referral !== undefined) };
  }

  /**
   * Gives an officer the oldest referral nobody else holds, and holds it for them; the one they already hold comes
   * first if it is older. `decided` tells a referral decided by a replica that stopped before closing it.
   */
  async take(officer: Officer, decided: (decisionId: string) => Promise<boolean>): Promise<TakenReview> {
    const ids = inQueueOrder(await this.buckets.queue.keys());
    let closed = 0;
    for (const id of ids) {
      const held = (await this.buckets.claims.get<ReviewClaim>(id))?.value;
      if (held && held.officer.username !== officer.username) continue;
      if (!held && (await decided(id))) {
        await this.close(id);
        closed++;
        continue;
      }
      const claim = held ?? (await this.buckets.claims.create(id, claimFor(officer))).entry.value;
      if (claim.officer.username !== officer.username) continue; // another officer took it a moment before
      const referral = await this.waiting(id);
      if (referral) return { referral, waiting: ids.length - closed };
    }
    return { referral: null, waiting: ids.length - closed };
  }

  /** The referral as kept, with what the officer reviews; undefined when the decision was never referred. */
  async file(decisionId: string): Promise<(ReferralFile & { referral: Referral }) | undefined> {
    const file = (await this.buckets.referrals.get<ReferralFile>(decisionId))?.value;
    if (!file) return undefined;
    const claim = (await this.buckets.claims.get<ReviewClaim>(decisionId))?.value;
    return { ...file, referral: { ...file.referral, ...(claim ? { takenBy: claim } : {}) } };
  }

  /**
   * Gives a case back: its claim is removed, so every officer may take it at once. Only the officer who holds it
   * may, or an administrator. The claim is removed only at the revision read, so a claim that lapsed and was taken by
   * another officer meanwhile stays theirs.
   */
  async release(decisionId: string, officer: Officer, administrator: boolean): Promise<ReleasedReview> {
    const conflict = (message: string) => new OctroiError('conflict', message, 'decisionId');
    if (!(await this.buckets.referrals.get(decisionId))) throw notReferred(decisionId);
    const referral = (await this.buckets.queue.get<Referral>(decisionId))?.value;
    if (!referral) throw conflict(`Decision ${decisionId} is decided already: it has left the review queue`);
    let claim = await this.buckets.claims.get<ReviewClaim>(decisionId);
    if (!claim) throw conflict(`Nobody holds decision ${decisionId}: it already waits for every officer`);
    const held = claim.value;
    if (!mayRelease(held, officer, administrator))
      throw new OctroiError(
        'forbidden',
        `${held.officer.displayName} holds decision ${decisionId}: only they or an administrator may give it back`,
        'decisionId',
      );
    while (!(await this.buckets.claims.deleteAt(decisionId, claim.revision))) {
      const now = await this.buckets.claims.get<ReviewClaim>(decisionId);
      // Gone meanwhile (lapsed, or removed by this very call whose answer was lost): the case is back for all.
      if (!now) break;
      if (now.value.officer.username !== held.officer.username)
        throw conflict(
          `${now.value.officer.displayName} took decision ${decisionId} after the claim given back lapsed`,
        );
      claim = now; // taken again by the same officer: give that claim back
    }
    return { referral, released: held };
  }

  /** A decided referral leaves the queue, and its claim with it. */
  async close(decisionId: string): Promise<void> {
    await this.buckets.queue.delete(decisionId);
    await this.buckets.claims.delete(decisionId);
  }

  private async waiting(decisionId: string): Promise<Referral | undefined> {
    const [referral, claim] = await Promise.all([
      this.buckets.queue.get<Referral>(decisionId),
      this.buckets.claims.get<ReviewClaim>(decisionId),
    ]);
    if (!referral) return undefined;
    return { ...referral.value, ...(claim ? { takenBy: claim.value } : {}) };
  }
}
