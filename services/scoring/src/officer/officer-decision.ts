/**
 * An officer's decision on a model decision of record, as it is kept: who, when, on which model version, whether it
 * overrides the model, and why. Pure: the ledger reads the model's decision and the place this one takes, and
 * stores what these return.
 */
import {
  MIN_JUSTIFICATION,
  type Decision,
  type ModelDecisionSummary,
  type Officer,
  type OfficerDecision,
  type OfficerDecisionRecord,
  type OfficerDecisionRequest,
  type ReviewedDecision,
} from '@octroi/contracts';
import { DomainError } from '@octroi/model-bundle';

/** The model's decision of record, as the audit log gives it back. */
export interface ModelDecisionOfRecord {
  decisionId: string;
  clientId?: number;
  decision: Decision;
  modelVersion: string;
  probabilityOfDefault: number;
}

/** A referral is decided, not overridden: only a verdict against an automatic grant or refusal overrides it. */
export function isOverride(modelDecision: Decision, officerDecision: OfficerDecision['decision']): boolean {
  return modelDecision !== 'referred' && modelDecision !== officerDecision;
}

/** Where and when the decision is taken: its own id in the audit log, its place after the earlier ones, the time. */
export interface Taking {
  decisionId: string;
  sequence: number;
  time: Date;
  requestId: string;
}

/** The audit record of an officer's decision. @throws DomainError bad_request for a justification of blanks. */
export function officerRecord(
  request: Omit<OfficerDecisionRequest, 'decisionId' | 'sequence'>,
  model: ModelDecisionOfRecord,
  officer: Officer,
  taking: Taking,
): OfficerDecisionRecord {
  const justification = request.justification.trim();
  if (justification.length < MIN_JUSTIFICATION)
    throw DomainError.badRequest(`justification: say why in at least ${MIN_JUSTIFICATION} characters`, 'justification');
  return {
    kind: 'officer',
    decisionId: taking.decisionId,
    requestId: taking.requestId,
    time: taking.time.toISOString(),
    principal: officer.username,
    ...(model.clientId !== undefined ? { clientId: model.clientId } : {}),
    modelDecisionId: model.decisionId,
    modelDecision: model.decision,
    modelVersion: model.modelVersion,
    decision: request.decision,
    override: isOverride(model.decision, request.decision),
    reasonCode: request.reasonCode,
    justification,
    officer: { username: officer.username, displayName: officer.displayName },
    sequence: taking.sequence,
  };
}

/** The officer's decision as the API gives it, from its audit record and the model decision it reviews. */
export const officerDecisionOf = (
  record: OfficerDecisionRecord,
  model: Pick<ModelDecisionOfRecord, 'probabilityOfDefault'>,
): OfficerDecision => ({
  officerDecisionId: record.decisionId,
  decisionId: record.modelDecisionId,
  ...(record.clientId !== undefined ? { clientId: record.clientId } : {}),
  modelDecision: record.modelDecision,
  modelVersion: record.modelVersion,
  probabilityOfDefault: model.probabilityOfDefault,
  decision: record.decision,
  override: record.override,
  reasonCode: record.reasonCode,
  justification: record.justification,
  officer: record.officer,
  time: record.time,
  sequence: record.sequence,
});

/** The decision that stands: the latest officer decision, else the model's. */
export function standingDecision(
  model: Pick<ModelDecisionOfRecord, 'decision'>,
  officerDecisions: readonly OfficerDecision[],
): ReviewedDecision['standing'] {
  const latest = [...officerDecisions].sort((a, b) => b.sequence - a.sequence)[0];
  return latest
    ? { decision: latest.decision, by: 'officer', officer: latest.officer }
    : { decision: model.decision, by: 'model' };
}

/** A model decision with its officer decisions, oldest first, and the place the next one takes. */
export function reviewedDecision(
  model: ModelDecisionSummary,
  officerDecisions: readonly OfficerDecision[],
  nextSequence: number,
): ReviewedDecision {
  const inOrder = [...officerDecisions].sort((a, b) => a.sequence - b.sequence);
  return { model, officerDecisions: inOrder, standing: standingDecision(model, inOrder), nextSequence };
}
