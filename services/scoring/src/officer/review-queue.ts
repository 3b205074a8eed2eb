/**
 * The review queue: referred decisions of record that no officer has decided yet, oldest first, so that the
 * client who has waited longest is seen first.
 */
import type { OfficerDecision } from '@octroi/contracts';

export interface Referral {
  decisionId: string;
  clientId?: number;
  time: string;
  probabilityOfDefault: number;
  modelVersion: string;
}

export function reviewQueue(referrals: readonly Referral[], decided: readonly Pick<OfficerDecision, 'decisionId'>[]) {
  const done = new Set(decided.map((d) => d.decisionId));
  return referrals
    .filter((referral) => !done.has(referral.decisionId))
    .sort((a, b) => a.time.localeCompare(b.time) || a.decisionId.localeCompare(b.decisionId));
}
