import { Type, type Static } from '@sinclair/typebox';
import { DECISION_ID_PATTERN, DecisionId } from './audit.ts';
import { RawApplication } from './application.ts';
import { ClientId, Decision, Probability } from './common.ts';
import { endpoint } from './envelope.ts';
import { Officer, OfficerReasonCode, OfficerVerdict } from './officer-reasons.ts';

export * from './officer-reasons.ts';

/**
 * Officer decisions: a loan officer confirms or overrides the model's decision of record, with a reason code from
 * the lender's list and a justification in their own words. Each is kept append-only next to the model's decision,
 * with the officer, the time and the model version, and audited. Referred decisions wait in the review queue,
 * oldest first, until an officer decides them.
 */

/** The shortest justification that says something a reviewer can check. */
export const MIN_JUSTIFICATION = 20;
export const MAX_OFFICER_DECISIONS = 1000;

export const OfficerDecisionRequest = Type.Object({
  decisionId: Type.String({ pattern: DECISION_ID_PATTERN, description: "The model's decision this one reviews" }),
  decision: OfficerVerdict,
  reasonCode: OfficerReasonCode,
  justification: Type.String({
    minLength: MIN_JUSTIFICATION,
    maxLength: 2000,
    description: `Why, in the officer's words, for the client's file and for audit (at least ${MIN_JUSTIFICATION} characters besides blanks)`,
  }),
  sequence: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: MAX_OFFICER_DECISIONS,
      description:
        'The place this decision takes among the officer decisions on the same model decision (`nextSequence` of the decision history). ' +
        'Taken by another officer meanwhile: 409. Sent again with the same body: the decision recorded the first time, nothing new. ' +
        'Left out: the next place.',
    }),
  ),
});
export type OfficerDecisionRequest = Static<typeof OfficerDecisionRequest>;
/** On the bus, the officer comes with the request: the person the gateway authenticated. */
export const RecordOfficerDecisionRequest = Type.Composite([OfficerDecisionRequest, Type.Object({ officer: Officer })]);

export const OfficerDecision = Type.Object({
  officerDecisionId: Type.String({
    pattern: DECISION_ID_PATTERN,
    description: "This decision's id in the audit log (GET /api/v1/decisions/{id})",
  }),
  /** The model's decision of record this one confirms or overrides. */
  decisionId: Type.String({ pattern: DECISION_ID_PATTERN, description: "The model's decision it reviews" }),
  clientId: Type.Optional(ClientId),
  modelDecision: Decision,
  modelVersion: Type.String(),
  probabilityOfDefault: Probability,
  decision: OfficerVerdict,
  override: Type.Boolean({
    description: "True when it reverses the model's grant or refusal (deciding a referral is not an override)",
  }),
  reasonCode: OfficerReasonCode,
  justification: Type.String(),
  officer: Officer,
  time: Type.String({ format: 'date-time' }),
  sequence: Type.Integer({
    minimum: 1,
    description: 'Order of the officer decisions on one model decision: a later one supersedes, none is erased',
  }),
});
export type OfficerDecision = Static<typeof OfficerDecision>;

/** A model decision as the history shows it. */
export const ModelDecisionSummary = Type.Object({
  decisionId: DecisionId,
  time: Type.String({ format: 'date-time' }),
  modelVersion: Type.String(),
  probabilityOfDefault: Probability,
  threshold: Probability,
  decision: Decision,
});
export type ModelDecisionSummary = Static<typeof ModelDecisionSummary>;

export const ReviewedDecision = Type.Object({
  model: ModelDecisionSummary,
  officerDecisions: Type.Array(OfficerDecision, { description: 'Oldest first' }),
  standing: Type.Object(
    {
      decision: Decision,
      by: Type.Union([Type.Literal('model'), Type.Literal('officer')]),
      officer: Type.Optional(Officer),
    },
    { description: "The decision that stands: the latest officer decision, else the model's" },
  ),
  nextSequence: Type.Integer({ minimum: 1, description: 'The `sequence` of the next officer decision on it' }),
});
export type ReviewedDecision = Static<typeof ReviewedDecision>;

export const DecisionHistory = Type.Object({
  clientId: ClientId,
  decisions: Type.Array(ReviewedDecision, {
    description: "The client's decisions of record, one per model version that decided, newest first",
  }),
});
export type DecisionHistory = Static<typeof DecisionHistory>;

/** An officer who took a referral to decide it; others leave it to them for a while. */
export const ReviewClaim = Type.Object({ officer: Officer, takenAt: Type.String({ format: 'date-time' }) });
export type ReviewClaim = Static<typeof ReviewClaim>;

/** A referred decision waiting for an officer. */
export const Referral = Type.Object({
  decisionId: DecisionId,
  clientId: Type.Optional(ClientId),
  time: Type.String({ format: 'date-time', description: 'When the model referred it' }),
  probabilityOfDefault: Probability,
  threshold: Probability,
  modelVersion: Type.String(),
  takenBy: Type.Optional(ReviewClaim),
});
export type Referral = Static<typeof Referral>;

export const ReviewQueue = Type.Object({
  waiting: Type.Integer({ minimum: 0, description: 'Referred decisions no officer has decided yet' }),
  referrals: Type.Array(Referral, { description: 'The oldest first, at most `limit`' }),
});
export type ReviewQueue = Static<typeof ReviewQueue>;
export const ReviewQueueRequest = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export const TakeReviewRequest = Type.Object({ officer: Officer });
export const TakenReview = Type.Object({
  referral: Type.Union([Referral, Type.Null()], {
    description: 'The oldest referral no other officer holds, now held by this officer; null when none waits',
  }),
  waiting: Type.Integer({ minimum: 0 }),
});
export type TakenReview = Static<typeof TakenReview>;

/** On the bus, who gives the case back: the person the gateway authenticated, and whether they administer. */
export const ReleaseReviewRequest = Type.Object({
  decisionId: DecisionId,
  officer: Officer,
  administrator: Type.Boolean({ description: 'An administrator may give back a case another officer holds' }),
});
/** A case given back: `referral` waits again for every officer, `released` is the claim that held it. */
export const ReleasedReview = Type.Object({ referral: Referral, released: ReviewClaim });
export type ReleasedReview = Static<typeof ReleasedReview>;

/** A referred application as the officer reviews it, with the fields of a new application (none for a known client). */
export const ReviewCase = Type.Composite([
  Referral,
  Type.Object({
    application: Type.Optional(RawApplication),
    historyRows: Type.Optional(
      Type.Record(Type.String(), Type.Integer({ minimum: 0 }), {
        description: 'Rows of each history table that came with the application',
      }),
    ),
    reviewed: ReviewedDecision,
  }),
]);
export type ReviewCase = Static<typeof ReviewCase>;
export const GetReviewRequest = Type.Object({ decisionId: DecisionId });

const OverrideTally = Type.Object({
  group: Type.String(),
  decisions: Type.Integer({ minimum: 0 }),
  overrides: Type.Integer({ minimum: 0 }),
  rate: Type.Number({ minimum: 0, maximum: 1, description: 'Overrides per officer decision' }),
});
export const OverridesReport = Type.Object({
  weeks: Type.Integer({ minimum: 1 }),
  since: Type.String({ format: 'date', description: 'Monday of the first week counted (UTC)' }),
  decisions: Type.Integer({ minimum: 0 }),
  overrides: Type.Integer({ minimum: 0 }),
  rate: Type.Number({ minimum: 0, maximum: 1 }),
  byOfficer: Type.Array(OverrideTally, { description: 'Highest rate first; group = username' }),
  byReason: Type.Array(OverrideTally, { description: 'Most overrides first; group = reason code' }),
  byWeek: Type.Array(OverrideTally, {
    description: 'Every week of the period in order, empty ones included; group = its Monday',
  }),
});
export type OverridesReport = Static<typeof OverridesReport>;
export const OverridesReportRequest = Type.Object({
  weeks: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 104, default: 12, description: 'Weeks back from this one' }),
  ),
});

export const GetDecisionHistoryRequest = Type.Object({ clientId: ClientId });

/** The scoring service's endpoints for officers: it keeps the decisions of record, so it keeps their reviews. */
export const officerEndpoints = {
  recordOfficerDecision: endpoint('scoring', 'officer-decision', RecordOfficerDecisionRequest, OfficerDecision, false),
  decisionHistory: endpoint('scoring', 'decision-history', GetDecisionHistoryRequest, DecisionHistory),
  reviewQueue: endpoint('scoring', 'review-queue', ReviewQueueRequest, ReviewQueue),
  takeReview: endpoint('scoring', 'take-review', TakeReviewRequest, TakenReview),
  releaseReview: endpoint('scoring', 'release-review', ReleaseReviewRequest, ReleasedReview, false),
  review: endpoint('scoring', 'review', GetReviewRequest, ReviewCase),
  overridesReport: endpoint('scoring', 'overrides-report', OverridesReportRequest, OverridesReport),
} as const;
