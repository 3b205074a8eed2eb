/**
 * The review desk: referred decisions of record wait here for an officer. Three buckets of the durable store:
 * `referrals` keeps every referral with what the officer reviews (never removed), `review-queue` holds those no
 * officer has decided yet (removed once decided), and `review-claims` says who took which (create-if-absent, so two
 * officers never take the same; a claim lapses after REVIEW_CLAIM_MINUTES, so a case left open goes back to all).
 */
import type {
  ModelAuditRecord,
  NewApplication,
  Officer,
  Referral,
  ReviewClaim,
  ReviewQueue,
  TakenReview,
} from '@octroi/contracts';
import type { KeyValueBucket } from '@octroi/runtime';
import { claimFor, inQueueOrder, referralFile, type ReferralFile } from './review-queue.ts';

export const REFERRALS_BUCKET = 'referrals';
export const REVIEW_QUEUE_BUCKET = 'review-queue';
export const REVIEW_CLAIMS_BUCKET = 'review-claims';

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
