/**
 * Where officer decisions and referrals are kept: two buckets of the durable store (JetStream KV on NATS, fsynced
 * files embedded), shared by every scoring replica. Officer decisions are append-only: each is created under
 * `<decisionId>.<sequence>` and never updated, so two officers deciding the same case at once cannot both win
 * the same place in its history. Decision ids are UUIDs, valid store keys as they are.
 */
import type { OfficerDecision } from '@octroi/contracts';
import { DomainError } from '@octroi/model-bundle';
import { reviewQueue, type Referral } from './review-queue.ts';

/** What the ledger needs of a bucket of the durable store (`KeyValueBucket` in packages/runtime). */
export interface Bucket {
  get<T>(key: string): Promise<{ value: T } | undefined>;
  create<T>(key: string, value: T): Promise<{ created: boolean }>;
  keys(prefix?: string): Promise<string[]>;
}

export const OFFICER_DECISIONS_BUCKET = 'officer-decisions';
export const REFERRALS_BUCKET = 'referrals';

export class OfficerLedger {
  constructor(
    private readonly decisions: Bucket,
    private readonly referrals: Bucket,
  ) {}

  /** A referred decision of record joins the queue; recorded again (a retry), it stays where it was. */
  async refer(referral: Referral): Promise<void> {
    await this.referrals.create(referral.decisionId, referral);
  }

  /** @throws DomainError conflict when another officer decided the same case a moment before. */
  async append(decision: OfficerDecision): Promise<void> {
    const { created } = await this.decisions.create(`${decision.decisionId}.${decision.sequence}`, decision);
    if (!created)
      throw new DomainError('conflict', 'Another officer has just decided this application: reload it', 'decisionId');
  }

  forDecision(decisionId: string): Promise<OfficerDecision[]> {
    return this.values<OfficerDecision>(this.decisions, `${decisionId}.`);
  }

  all(): Promise<OfficerDecision[]> {
    return this.values<OfficerDecision>(this.decisions);
  }

  async queue(): Promise<Referral[]> {
    const [referrals, decided] = await Promise.all([this.values<Referral>(this.referrals), this.all()]);
    return reviewQueue(referrals, decided);
  }

  private async values<T>(bucket: Bucket, prefix?: string): Promise<T[]> {
    const entries = await Promise.all((await bucket.keys(prefix)).map((key) => bucket.get<T>(key)));
    return entries.flatMap((entry) => (entry ? [entry.value] : []));
  }
}
