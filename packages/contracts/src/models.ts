import { Type, type Static } from '@sinclair/typebox';
import { Decision, Probability } from './common.ts';
import { endpoint } from './envelope.ts';

/**
 * The model lifecycle: the bundles a deployment holds (MODELS_DIR), the champion that decides, and a challenger
 * that scores live applications in shadow, recorded as shadow and never decided on or answered. An administrator
 * promotes a bundle; every scoring and explain replica switches within a second, requests in flight finish on their
 * own version, and the audit log records the promotion and each replica's switch. A rollback is a promotion.
 */

/** The durable store's bucket of the model roles, and its keys. */
export const MODELS_BUCKET = 'models';
export const ModelRole = Type.Union([Type.Literal('champion'), Type.Literal('challenger')]);
export type ModelRole = Static<typeof ModelRole>;

/** Which bundle versions a deployment serves: the champion decides, a challenger only scores in shadow. */
export interface ModelRoles {
  champion: string;
  challenger?: string;
}

/** What the `models` bucket holds under `champion` and `challenger`. */
export const ModelPointer = Type.Object({
  version: Type.String(),
  since: Type.String({ format: 'date-time' }),
  by: Type.String({ description: 'The administrator who chose it' }),
  promotionId: Type.String({ description: 'The promotion in the audit log' }),
  reason: Type.Optional(Type.String({ description: 'Why the administrator chose it' })),
});
export type ModelPointer = Static<typeof ModelPointer>;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const ModelSummary = Type.Object({
  version: Type.String(),
  name: Type.String(),
  createdAt: Type.String(),
  trainedOn: Type.String(),
  role: Nullable(ModelRole),
  since: Nullable(Type.String({ format: 'date-time', description: 'When it took its role' })),
  by: Nullable(Type.String({ description: 'Who gave it its role' })),
  reason: Nullable(Type.String({ description: 'Why they gave it its role' })),
  metrics: Type.Object({
    auc: Nullable(Type.Number({ description: 'Cross-validated area under the ROC curve' })),
    threshold: Probability,
    costPerApplicant: Nullable(
      Type.Number({ description: 'Business cost at the threshold per applicant, on the validation folds' }),
    ),
    recall: Nullable(Type.Number()),
    precision: Nullable(Type.Number()),
  }),
});
export type ModelSummary = Static<typeof ModelSummary>;

export const ModelList = Type.Object({
  champion: Type.String(),
  challenger: Nullable(Type.String()),
  models: Type.Array(ModelSummary, { description: 'Newest first' }),
});
export type ModelList = Static<typeof ModelList>;

export const ModelVersionBody = Type.Object(
  {
    version: Type.String({ minLength: 1, maxLength: 100, description: 'A bundle version from GET /api/v1/models' }),
    reason: Type.String({
      minLength: 3,
      maxLength: 500,
      description: 'Why: kept in the audit log with who made the change',
    }),
  },
  { additionalProperties: false },
);
export const PromoteModelRequest = Type.Composite([ModelVersionBody, Type.Object({ role: ModelRole })]);
export type PromoteModelRequest = Static<typeof PromoteModelRequest>;
export const RetireChallengerRequest = Type.Object({
  reason: Type.Optional(Type.String({ minLength: 3, maxLength: 500, description: 'Why, for the audit log' })),
});

// --- Shadow comparison ----------------------------------------------------------------------------------------

const Side = Type.Object({ probabilityOfDefault: Probability, decision: Decision });

export const ShadowComparison = Type.Object({
  champion: Type.String(),
  challenger: Type.String(),
  applications: Type.Integer({ description: 'Live applications the challenger scored in shadow' }),
  since: Nullable(Type.String({ format: 'date-time', description: 'The oldest shadow score kept' })),
  agreement: Nullable(Type.Number({ minimum: 0, maximum: 1, description: 'Share of applications decided alike' })),
  decisions: Type.Array(Type.Object({ champion: Decision, challenger: Decision, count: Type.Integer() }), {
    description: "Applications by the champion's and the challenger's decision",
  }),
  meanDifference: Nullable(Type.Number({ description: 'Mean of challenger − champion, in probability' })),
  differences: Type.Array(
    Type.Object({
      from: Nullable(Type.Number({ description: 'Percentage points, null below the first bin' })),
      to: Nullable(Type.Number({ description: 'Percentage points, null above the last bin' })),
      count: Type.Integer(),
    }),
    { description: 'Applications by challenger − champion probability of default, in percentage points' },
  ),
  changes: Type.Array(
    Type.Object({
      time: Type.String({ format: 'date-time' }),
      clientId: Nullable(Type.Integer()),
      decisionId: Nullable(Type.String()),
      champion: Side,
      challenger: Side,
    }),
    { description: 'The latest applications the challenger would have decided otherwise, newest first' },
  ),
});
export type ShadowComparison = Static<typeof ShadowComparison>;
export const ShadowComparisonRequest = Type.Object({
  champion: Type.Optional(Type.String({ maxLength: 100 })),
  challenger: Type.Optional(Type.String({ maxLength: 100 })),
});
export const ShadowComparisons = Type.Object({
  comparisons: Type.Array(ShadowComparison, { description: 'One per champion and challenger pair, latest first' }),
});
export type ShadowComparisons = Static<typeof ShadowComparisons>;

/** The scoring service's endpoints of the lifecycle (it holds the bundles and the audit log). */
export const modelEndpoints = {
  models: endpoint('scoring', 'models', Type.Object({}), ModelList),
  promote: endpoint('scoring', 'promote', PromoteModelRequest, ModelList, false),
  retireChallenger: endpoint('scoring', 'retire-challenger', RetireChallengerRequest, ModelList, false),
} as const;
