import { Type, type Static } from '@sinclair/typebox';
import { ClientId, Decision, FeatureVector, Probability, Empty } from './common.ts';
import { endpoint } from './envelope.ts';
import { RawApplication } from './application.ts';
import { LenderPolicy } from './policy.ts';
import { scoreTensor } from './inference-v2.ts';
import { NewApplication } from './intake/schemas.ts';

export const Score = Type.Object({
  probabilityOfDefault: Probability,
  decision: Decision,
  threshold: Probability,
  modelVersion: Type.String(),
  clientId: Type.Optional(ClientId),
  decisionId: Type.Optional(
    Type.String({
      description:
        'Key of the decision in the audit log. A known client asked for again under the same model version gets the decision recorded the first time',
    }),
  ),
});
export type Score = Static<typeof Score>;

/**
 * A known client's decision, recorded once per model version: the scoring service keeps it in the shared cache
 * (for that version) as soon as the audit log holds it, and the gateway reads it there to answer again without a
 * round trip. Every answer therefore names a decision that is in the audit log.
 */
export const recordedDecisions = {
  owner: 'scoring',
  key: (clientId: number) => `decision:${clientId}`,
} as const;

export const ScoreFeaturesRequest = Type.Object({
  features: FeatureVector,
  simulation: Type.Optional(
    Type.Boolean({ description: 'A what-if or counterfactual check: not a decision, so not audited', default: false }),
  ),
});
export const ScoreBatchRequest = Type.Object({ rows: Type.Array(FeatureVector, { minItems: 1, maxItems: 10_000 }) });
export const ScoreBatchReply = Type.Object({ scores: Type.Array(Score) });
export const ScoreApplicationsRequest = Type.Object({
  applications: Type.Array(NewApplication, { minItems: 1, maxItems: 1000 }),
});
export const ScoreClientRequest = Type.Object({ clientId: ClientId });

export const AuditRecord = Type.Object({
  decisionId: Type.String(),
  requestId: Type.String(),
  time: Type.String({ format: 'date-time' }),
  clientId: Type.Optional(ClientId),
  applicationHash: Type.Optional(
    Type.String({ description: 'SHA-256 of a new application, when there is no client id' }),
  ),
  modelVersion: Type.String(),
  probabilityOfDefault: Probability,
  threshold: Probability,
  decision: Decision,
});
export type AuditRecord = Static<typeof AuditRecord>;
export const GetDecisionRequest = Type.Object({ decisionId: Type.String({ minLength: 1, maxLength: 200 }) });

export const ModelFeature = Type.Object({
  name: Type.String(),
  index: Type.Integer(),
  kind: Type.Union([Type.Literal('numeric'), Type.Literal('categorical')]),
  source: Type.String(),
  description: Type.String(),
  label: Type.Optional(Type.Object({ fr: Type.String(), en: Type.String() })),
  categories: Type.Optional(Type.Array(Type.String())),
  importanceGain: Type.Number(),
});
/** An application field the model reads, as the intake rules check it. */
export const ApplicationField = Type.Object({
  name: Type.String(),
  type: Type.Union([Type.Literal('number'), Type.Literal('string')]),
  required: Type.Boolean(),
  categories: Type.Optional(Type.Array(Type.String())),
});

export const ModelInfo = Type.Object({
  name: Type.String(),
  version: Type.String(),
  createdAt: Type.String(),
  trainedOn: Type.String(),
  threshold: Probability,
  costFalseNegative: Type.Number(),
  costFalsePositive: Type.Number(),
  metrics: Type.Record(Type.String(), Type.Unknown(), {
    description: 'The bundle metrics.json as written at training',
  }),
  features: Type.Array(ModelFeature),
  policy: LenderPolicy,
  applicationFields: Type.Array(ApplicationField, {
    description: 'The application fields a new application may hold (intake rules: see the NewApplication schema)',
  }),
});
export type ModelInfo = Static<typeof ModelInfo>;

export const scoring = {
  score: endpoint('scoring', 'score', ScoreFeaturesRequest, Score),
  scoreBatch: endpoint('scoring', 'score-batch', ScoreBatchRequest, ScoreBatchReply),
  scoreTensor,
  scoreApplications: endpoint('scoring', 'score-applications', ScoreApplicationsRequest, ScoreBatchReply),
  scoreClient: endpoint('scoring', 'score-client', ScoreClientRequest, Score),
  decision: endpoint('scoring', 'decision', GetDecisionRequest, AuditRecord),
  model: endpoint('scoring', 'model', Empty, ModelInfo),
} as const;
