import type { Decision } from '@octroi/contracts';

/** How a probability of default becomes a decision: the bundle's threshold and its policy's referral band. */
export interface DecisionRule {
  /** The cost-minimising threshold (decision.json): refused from it up. */
  threshold: number;
  /** Probability points either side of the threshold where an officer decides (policy.json `referral.band`). */
  referralBand: number;
}

export function decisionRuleOf(bundle: {
  decision: { threshold: number };
  policy: { referral: { band: number } };
}): DecisionRule {
  return { threshold: bundle.decision.threshold, referralBand: bundle.policy.referral.band };
}

/**
 * The lending decision for a probability of default: refused from the cost-minimising threshold up, granted
 * below it, and referred to an officer when it lies so close to the threshold (within the referral band, the
 * lower edge included) that the model alone should not settle it. Every service decides through this one
 * function so a client never sees two answers.
 */
export function decisionFor(probabilityOfDefault: number, { threshold, referralBand }: DecisionRule): Decision {
  if (probabilityOfDefault >= threshold - referralBand && probabilityOfDefault < threshold + referralBand)
    return 'referred';
  return probabilityOfDefault >= threshold ? 'refused' : 'granted';
}

/** The probabilities of each decision, as bounds a list filter compares with: [from, below). */
export function probabilityRangeOf(decision: Decision, { threshold, referralBand }: DecisionRule): [number, number] {
  if (decision === 'granted') return [-Infinity, threshold - referralBand];
  if (decision === 'referred') return [threshold - referralBand, threshold + referralBand];
  return [Math.max(threshold, threshold + referralBand), Infinity];
}

export type KnownOutcome = 'repaid' | 'defaulted' | null;

/** TARGET of the training data: 1 is a default, 0 a repaid loan, missing for current applicants. */
export function knownOutcomeOf(target: number): KnownOutcome {
  if (target === 1) return 'defaulted';
  if (target === 0) return 'repaid';
  return null;
}
