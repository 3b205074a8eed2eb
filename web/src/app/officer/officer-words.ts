import type { Language, OfficerReasonCode, Referral } from '../core/api-types';

/** The lender's reasons, in the order officers see them (the codes of the API's OfficerReasonCode). */
export const OFFICER_REASON_CODES: readonly OfficerReasonCode[] = [
  'documents-verified',
  'additional-income',
  'guarantor-or-collateral',
  'stable-employment',
  'payment-incidents',
  'debt-burden',
  'inconsistent-information',
  'policy-exception',
  'other',
];

/** The shortest justification the scoring service accepts (blanks around it not counted). */
export const MIN_JUSTIFICATION = 20;

/** Where an officer reviews a referral: a known client's page, or the referred new application's own page. */
export function nextReviewRoute(language: Language, referral: Pick<Referral, 'clientId' | 'decisionId'>): unknown[] {
  return referral.clientId !== undefined
    ? ['/', language, 'clients', referral.clientId]
    : ['/', language, 'reviews', referral.decisionId];
}
