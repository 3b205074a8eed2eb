/**
 * An officer's decision on a model decision of record, as it is kept: who, when, on which model version, whether it
 * overrides the model, and why. Pure: the handler reads the decision of record and the earlier officer decisions,
 * and stores what this returns.
 */
import { MIN_JUSTIFICATION, type Decision, type OfficerDecision, type OfficerDecisionRequest } from '@octroi/contracts';
import { DomainError } from '@octroi/model-bundle';

/** The model's decision of record, as the audit log gives it back. */
export interface ModelDecisionOfRecord {
  decisionId: string;
  clientId?: number;
  decision: Decision;
  modelVersion: string;
  probabilityOfDefault: number;
}

export interface Officer {
  username: string;
  displayName: string;
}

/** A referral is decided, not overridden: only a verdict against an automatic grant or refusal overrides it. */
export function isOverride(modelDecision: Decision, officerDecision: OfficerDecision['decision']): boolean {
  return modelDecision !== 'referred' && modelDecision !== officerDecision;
}

export function officerDecision(
  request: OfficerDecisionRequest,
  model: ModelDecisionOfRecord,
  officer: Officer,
  earlier: readonly OfficerDecision[],
  now: Date,
): OfficerDecision {
  const justification = request.justification.trim();
  if (justification.length < MIN_JUSTIFICATION)
    throw DomainError.badRequest(`justification: say why in at least ${MIN_JUSTIFICATION} characters`, 'justification');
  const sequence = earlier.reduce((last, d) => Math.max(last, d.sequence), 0) + 1;
  return {
    officerDecisionId: `${model.decisionId}.${sequence}`,
    decisionId: model.decisionId,
    ...(model.clientId !== undefined ? { clientId: model.clientId } : {}),
    modelDecision: model.decision,
    modelVersion: model.modelVersion,
    probabilityOfDefault: model.probabilityOfDefault,
    decision: request.decision,
    override: isOverride(model.decision, request.decision),
    reasonCode: request.reasonCode,
    justification,
    officer: { username: officer.username, displayName: officer.displayName },
    time: now.toISOString(),
    sequence,
  };
}

/** The decision that stands: the latest officer decision, else the model's. */
export function standingDecision(model: ModelDecisionOfRecord, officerDecisions: readonly OfficerDecision[]) {
  const latest = [...officerDecisions].sort((a, b) => b.sequence - a.sequence)[0];
  return latest
    ? { decision: latest.decision, by: 'officer' as const, officer: latest.officer }
    : { decision: model.decision, by: 'model' as const };
}
