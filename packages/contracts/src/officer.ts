import { Type, type Static } from '@sinclair/typebox';
import { ClientId, Decision, Probability } from './common.ts';

/**
 * Officer decisions: a loan officer confirms or overrides the model's decision of record, with a reason code from
 * the lender's list and a justification in their own words. Each is kept append-only next to the model's decision,
 * with the officer, the time and the model version, and audited (DECISIONS.md, "officer").
 */

/** The lender's list of reasons, by stable code; the dashboard words each in French and English. */
export const OFFICER_REASON_CODES = [
  'documents-verified',
  'additional-income',
  'guarantor-or-collateral',
  'stable-employment',
  'payment-incidents',
  'debt-burden',
  'inconsistent-information',
  'policy-exception',
  'other',
] as const;
export const OfficerReasonCode = Type.Union(OFFICER_REASON_CODES.map((code) => Type.Literal(code)));
export type OfficerReasonCode = (typeof OFFICER_REASON_CODES)[number];

/** An officer's verdict is final: granted or refused, never referred again. */
export const OfficerVerdict = Type.Union([Type.Literal('granted'), Type.Literal('refused')]);
export type OfficerVerdict = Static<typeof OfficerVerdict>;

/** The shortest justification that says something a reviewer can check. */
export const MIN_JUSTIFICATION = 20;

export const OfficerDecisionRequest = Type.Object({
  decisionId: Type.String({ minLength: 1, maxLength: 80, description: "The model's decision of record" }),
  decision: OfficerVerdict,
  reasonCode: OfficerReasonCode,
  justification: Type.String({
    minLength: MIN_JUSTIFICATION,
    maxLength: 2000,
    description: 'Why, in the officer’s words, for the client’s file and for audit',
  }),
});
export type OfficerDecisionRequest = Static<typeof OfficerDecisionRequest>;

export const OfficerDecision = Type.Object({
  officerDecisionId: Type.String(),
  /** The model's decision of record this one confirms or overrides. */
  decisionId: Type.String(),
  clientId: Type.Optional(ClientId),
  modelDecision: Decision,
  modelVersion: Type.String(),
  probabilityOfDefault: Probability,
  decision: OfficerVerdict,
  /** True when the officer's decision differs from the model's (a referral is always decided, never overridden). */
  override: Type.Boolean(),
  reasonCode: OfficerReasonCode,
  justification: Type.String(),
  officer: Type.Object({ username: Type.String(), displayName: Type.String() }),
  time: Type.String({ format: 'date-time' }),
  /** Order of the officer decisions on one decision of record: a later one supersedes, none is erased. */
  sequence: Type.Integer({ minimum: 1 }),
});
export type OfficerDecision = Static<typeof OfficerDecision>;
