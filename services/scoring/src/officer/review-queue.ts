/**
 * The review queue, pure: which referred decisions wait, in which order, and what an officer is given to review.
 * Oldest first, so that the applicant who has waited longest is seen first. Decision ids are UUIDv7, time-ordered:
 * sorting them sorts the referrals by when the model made them.
 */
import type { ModelAuditRecord, NewApplication, Officer, Referral, ReviewClaim } from '@octroi/contracts';

/** What is kept of a referral: the decision, and for a new application the fields the officer reviews. */
export interface ReferralFile {
  referral: Referral;
  /** The application's fields (its history tables are counted, not kept: the officer decides on the file). */
  application?: Record<string, number | string | null>;
  historyRows?: Record<string, number>;
}

export const inQueueOrder = (decisionIds: readonly string[]) => [...decisionIds].sort();

export function referralFile(record: ModelAuditRecord, application?: NewApplication): ReferralFile {
  const referral: Referral = {
    decisionId: record.decisionId,
    ...(record.clientId !== undefined ? { clientId: record.clientId } : {}),
    time: record.time,
    probabilityOfDefault: record.probabilityOfDefault,
    threshold: record.threshold,
    modelVersion: record.modelVersion,
  };
  if (!application) return { referral };
  const fields: Record<string, number | string | null> = {};
  const historyRows: Record<string, number> = {};
  for (const [name, value] of Object.entries(application)) {
    if (Array.isArray(value)) historyRows[name] = value.length;
    else if (value !== undefined) fields[name] = value;
  }
  return { referral, application: fields, ...(Object.keys(historyRows).length ? { historyRows } : {}) };
}

/** An officer's claim on a referral, from now until it expires. */
export const claimFor = (officer: ReviewClaim['officer'], now = new Date()): ReviewClaim => ({
  officer: { username: officer.username, displayName: officer.displayName },
  takenAt: now.toISOString(),
});

/** Who may give a case back to the queue: the officer who holds it, or an administrator. */
export const mayRelease = (claim: ReviewClaim, officer: Officer, administrator: boolean) =>
  administrator || claim.officer.username === officer.username;
