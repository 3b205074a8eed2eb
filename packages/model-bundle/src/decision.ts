import type { Decision } from '@octroi/contracts';

/**
 * The lending decision for a probability of default: refuse from the cost-minimising threshold up.
 * Every service decides through this one function so a client never sees two answers.
 */
export function decisionFor(probabilityOfDefault: number, threshold: number): Decision {
  return probabilityOfDefault >= threshold ? 'refused' : 'granted';
}

export type KnownOutcome = 'repaid' | 'defaulted' | null;

/** TARGET of the training data: 1 is a default, 0 a repaid loan, missing for current applicants. */
export function knownOutcomeOf(target: number): KnownOutcome {
  if (target === 1) return 'defaulted';
  if (target === 0) return 'repaid';
  return null;
}
