import { Type, type Static } from '@sinclair/typebox';
import { ClientId, Decision, Language, Probability, RawValue } from './common.ts';
import { endpoint } from './envelope.ts';
import { NewApplication } from './intake/schemas.ts';
import { DECISION_ID_PATTERN } from './audit.ts';

export const Contribution = Type.Object({
  feature: Type.String(),
  label: Type.String({ description: 'Readable name of the feature in the requested language' }),
  value: Type.Union([Type.Number(), Type.Null()], { description: 'The engineered feature value (null when missing)' }),
  displayValue: Type.String({ description: 'The value formatted for reading, category names resolved' }),
  contribution: Type.Number({ description: 'SHAP value in log-odds; positive pushes toward default' }),
});
export type Contribution = Static<typeof Contribution>;

export const Reason = Type.Object({
  feature: Type.String(),
  direction: Type.Union([Type.Literal('adverse'), Type.Literal('favourable')]),
  text: Type.String({ description: 'One sentence in plain language' }),
  contribution: Type.Number(),
});
export type Reason = Static<typeof Reason>;

export const Explanation = Type.Object({
  clientId: Type.Optional(ClientId),
  modelVersion: Type.String(),
  language: Language,
  expectedValue: Type.Number({ description: 'Mean raw score of the training data (log-odds)' }),
  rawScore: Type.Number({ description: 'expectedValue plus the sum of contributions (log-odds)' }),
  probabilityOfDefault: Probability,
  threshold: Probability,
  decision: Decision,
  decisionId: Type.Optional(
    Type.String({ pattern: DECISION_ID_PATTERN, description: 'The recorded decision this explains, in the audit log' }),
  ),
  contributions: Type.Array(Contribution, { description: 'Every feature, by decreasing absolute contribution' }),
  adverseReasons: Type.Array(Reason, { maxItems: 4 }),
  favourableReasons: Type.Array(Reason, { maxItems: 4 }),
});
export type Explanation = Static<typeof Explanation>;

export const ExplainClientRequest = Type.Object({ clientId: ClientId, language: Type.Optional(Language) });

export const ExplainApplicationRequest = Type.Object(
  { application: NewApplication, language: Type.Optional(Language) },
  { additionalProperties: false },
);

export const GlobalImportance = Type.Object({
  modelVersion: Type.String(),
  status: Type.Union([Type.Literal('ready'), Type.Literal('computing')]),
  progress: Type.Number({ minimum: 0, maximum: 1 }),
  rows: Type.Integer({ description: 'Applicants the mean is taken over so far' }),
  features: Type.Array(Type.Object({ feature: Type.String(), label: Type.String(), meanAbsShap: Type.Number() })),
});
export type GlobalImportance = Static<typeof GlobalImportance>;

export const ShapSummary = Type.Object({
  modelVersion: Type.String(),
  features: Type.Array(
    Type.Object({
      feature: Type.String(),
      label: Type.String(),
      points: Type.Array(
        Type.Object({
          shap: Type.Number({ description: 'SHAP value in log-odds, to four significant digits' }),
          valueRank: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], {
            description:
              'Rank of the feature value in the population, 0 lowest, 1 highest, to a thousandth; null when missing',
          }),
        }),
      ),
    }),
  ),
});
export type ShapSummary = Static<typeof ShapSummary>;
// Bounded so that a reply stays well under the bus's message size limit (1 MiB by default): at most 20 × 500 points
// of at most 38 bytes each (SHAP values to four significant digits, ranks to a thousandth), 380 kB.
export const SummaryRequest = Type.Object({
  top: Type.Integer({ minimum: 1, maximum: 20, default: 15 }),
  points: Type.Integer({ minimum: 10, maximum: 500, default: 500 }),
  language: Type.Optional(Language),
});

export const DependenceRequest = Type.Object({
  feature: Type.String({ minLength: 1, maxLength: 100 }),
  color: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  points: Type.Integer({ minimum: 10, maximum: 5000, default: 1000 }),
  language: Type.Optional(Language),
});
export const Dependence = Type.Object({
  feature: Type.String(),
  label: Type.String(),
  color: Type.Union([Type.String(), Type.Null()]),
  colorLabel: Type.Union([Type.String(), Type.Null()]),
  points: Type.Array(
    Type.Object({ value: Type.Number(), shap: Type.Number(), colorValue: Type.Union([Type.Number(), Type.Null()]) }),
  ),
});
export type Dependence = Static<typeof Dependence>;

export const WhatIfRequest = Type.Object(
  {
    clientId: Type.Optional(ClientId),
    application: Type.Optional(NewApplication),
    changes: Type.Record(Type.String({ pattern: '^[A-Z0-9_]{1,60}$' }), RawValue, {
      description: 'Raw application fields to change, by column name',
    }),
    language: Type.Optional(Language),
  },
  {
    additionalProperties: false,
    description:
      'A known client (clientId), or a new application with its history tables (application), and the fields to change',
  },
);
const Simulation = Type.Literal(true, {
  description: 'A simulation: what the model would answer, never a decision, never recorded',
});

export const WhatIf = Type.Object({
  simulation: Simulation,
  clientId: Type.Optional(ClientId),
  original: Type.Object({ probabilityOfDefault: Probability, decision: Decision }),
  updated: Explanation,
  probabilityChange: Type.Number({ description: 'updated minus original probability of default' }),
  decisionChanged: Type.Boolean(),
  changedFeatures: Type.Array(
    Type.Object({
      feature: Type.String(),
      label: Type.String(),
      from: Type.Union([Type.Number(), Type.Null()]),
      to: Type.Union([Type.Number(), Type.Null()]),
    }),
  ),
});
export type WhatIf = Static<typeof WhatIf>;

export const Counterfactual = Type.Object({
  simulation: Simulation,
  clientId: ClientId,
  language: Language,
  original: Type.Object({ probabilityOfDefault: Probability, decision: Decision }),
  found: Type.Boolean(),
  lever: Type.Optional(
    Type.Union(
      [
        Type.Literal('longerTerm'),
        Type.Literal('downPayment'),
        Type.Literal('cheaperGoods'),
        Type.Literal('smallerLoan'),
        Type.Literal('smallerLoanLongerTerm'),
      ],
      { description: 'How the suggestion changes the loan' },
    ),
  ),
  message: Type.String({ description: 'The suggestion, or why there is none, in plain language' }),
  changes: Type.Array(Type.Object({ field: Type.String(), label: Type.String(), from: RawValue, to: RawValue })),
  result: Type.Union([
    Type.Object({ probabilityOfDefault: Probability, decision: Decision, verifiedByScoring: Type.Boolean() }),
    Type.Null(),
  ]),
});
export type Counterfactual = Static<typeof Counterfactual>;

export const explain = {
  client: endpoint('explain', 'client', ExplainClientRequest, Explanation),
  // Decides (through the scoring service): sent twice, it would decide twice, unless an Idempotency-Key goes with it.
  application: endpoint('explain', 'application', ExplainApplicationRequest, Explanation, false),
  global: endpoint('explain', 'global', Type.Object({ language: Type.Optional(Language) }), GlobalImportance),
  summary: endpoint('explain', 'summary', SummaryRequest, ShapSummary),
  dependence: endpoint('explain', 'dependence', DependenceRequest, Dependence),
  whatIf: endpoint('explain', 'what-if', WhatIfRequest, WhatIf),
  counterfactual: endpoint('explain', 'counterfactual', ExplainClientRequest, Counterfactual),
} as const;
