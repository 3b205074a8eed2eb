import { Type, type Static } from '@sinclair/typebox';
import { ClientId, Decision, FeatureVector, MAX_BATCH, Probability, Empty } from './common.ts';
import { endpoint } from './envelope.ts';
import { LenderPolicy } from './policy.ts';
import { modelEndpoints } from './models.ts';
import { scoreTensor } from './inference-v2.ts';
import { NewApplication } from './intake/schemas.ts';
import { AuditRecord, DECISION_ID_PATTERN, DecisionId } from './audit.ts';
import { officerEndpoints } from './officer.ts';
import { batchEndpoints } from './batches.ts';

export const Score = Type.Object({
  probabilityOfDefault: Probability,
  decision: Decision,
  threshold: Probability,
  modelVersion: Type.String(),
  clientId: Type.Optional(ClientId),
  decisionId: Type.Optional(
    Type.String({
      pattern: DECISION_ID_PATTERN,
      description:
        'The decision in the audit log (GET /api/v1/decisions/{id}). A known client asked for again under the same model version gets the decision of record',
    }),
  ),
});
export type Score = Static<typeof Score>;

/**
 * A known client's decision of record (one per model version) as the gateway caches it: the gateway keeps the
 * answers the scoring service gave it, under its own keys, and never reads another service's entries.
 */
export const knownClientScoreCache = {
  owner: 'gateway',
  key: (clientId: number) => `known-client-score:${clientId}`,
} as const;

export const ScoreFeaturesRequest = Type.Object({
  features: FeatureVector,
  simulation: Type.Optional(
    Type.Boolean({ description: 'A what-if or counterfactual check: not a decision, so not audited', default: false }),
  ),
  modelVersion: Type.Optional(
    Type.String({
      maxLength: 100,
      description:
        'Score with this bundle version (the one an explanation was computed with) rather than the champion; a simulation only',
    }),
  ),
});
export const ScoreBatchRequest = Type.Object({ rows: Type.Array(FeatureVector, { minItems: 1, maxItems: MAX_BATCH }) });
export const ScoreBatchReply = Type.Object({ scores: Type.Array(Score) });
export const ScoreApplicationsRequest = Type.Object({
  applications: Type.Array(NewApplication, { minItems: 1, maxItems: MAX_BATCH }),
});
export const ScoreClientRequest = Type.Object({ clientId: ClientId });

export const GetDecisionRequest = Type.Object({ decisionId: DecisionId });

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

/** A history table a new application may carry, as the intake rules check it. */
export const HistoryTableInfo = Type.Object({
  name: Type.String({ description: 'The Home Credit file name without .csv, the key of the table in a request' }),
  description: Type.String(),
  required: Type.Array(Type.String(), { description: 'Columns every row must give' }),
  columns: Type.Array(
    Type.Object({
      name: Type.String(),
      type: Type.Union([Type.Literal('number'), Type.Literal('string')]),
      categories: Type.Optional(Type.Array(Type.String())),
    }),
  ),
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
  historyTables: Type.Array(HistoryTableInfo, { description: 'The history tables a new application may carry' }),
  applicationFields: Type.Array(ApplicationField, {
    description: 'The application fields a new application may hold (intake rules: see the NewApplication schema)',
  }),
});
export type ModelInfo = Static<typeof ModelInfo>;

export const scoring = {
  // These decide: sent twice, they would decide twice, unless an Idempotency-Key goes with them.
  score: endpoint('scoring', 'score', ScoreFeaturesRequest, Score, false),
  scoreBatch: endpoint('scoring', 'score-batch', ScoreBatchRequest, ScoreBatchReply, false),
  scoreTensor,
  scoreApplications: endpoint('scoring', 'score-applications', ScoreApplicationsRequest, ScoreBatchReply, false),
  scoreClient: endpoint('scoring', 'score-client', ScoreClientRequest, Score),
  decision: endpoint('scoring', 'decision', GetDecisionRequest, AuditRecord),
  model: endpoint('scoring', 'model', Empty, ModelInfo),
  ...officerEndpoints,
  ...modelEndpoints,
  ...batchEndpoints,
} as const;
