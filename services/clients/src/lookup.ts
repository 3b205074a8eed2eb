import type { Decision } from '@octroi/contracts';
import {
  DomainError,
  decisionFor,
  type DecisionRule,
  knownOutcomeOf,
  shortestFloat32,
  type ApplicantFeatures,
  type KnownOutcome,
} from '@octroi/model-bundle';

/** The features.arrow row of a client; a client the bank has never scored is not found. */
export function requireClientRow(features: ApplicantFeatures, clientId: number): number {
  const row = features.rowOf(clientId);
  if (row < 0) throw DomainError.notFound(`No client with id ${clientId}`, 'clientId');
  return row;
}

export interface Verdict {
  probabilityOfDefault: number;
  decision: Decision;
  knownOutcome: KnownOutcome;
}

/** Score, decision and (for past loans) what actually happened, for one features.arrow row. */
export function verdictOf(features: ApplicantFeatures, row: number, rule: DecisionRule): Verdict {
  const probability = features.probability(row);
  return {
    probabilityOfDefault: shortestFloat32(probability),
    decision: decisionFor(probability, rule),
    knownOutcome: knownOutcomeOf(features.target(row)),
  };
}
