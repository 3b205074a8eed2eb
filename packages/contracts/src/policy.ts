import { Type, type Static } from '@sinclair/typebox';

/**
 * The lender's policy of a model bundle (`policy.json`): which application fields the model may never read,
 * which are watched for fairness, and which a simulation may change.
 */
export const LenderPolicy = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  protectedAttributes: Type.Array(Type.String(), {
    description: 'Never model inputs, directly or derived; kept as raw fields for fairness measurement only',
  }),
  monitoredAttributes: Type.Array(Type.String(), { description: 'Fields whose groups are compared for fairness' }),
  nonActionable: Type.Array(Type.String(), { description: 'Never offered in what-if or counterfactuals' }),
  actionable: Type.Array(Type.String(), { description: 'The raw fields a what-if or counterfactual may change' }),
  referral: Type.Object({
    band: Type.Number({
      minimum: 0,
      maximum: 0.5,
      description: 'Probability points either side of the threshold where an officer decides',
    }),
  }),
  reasons: Type.Record(Type.String(), Type.String(), { description: 'Why a field is listed, in words' }),
});
export type LenderPolicy = Static<typeof LenderPolicy>;
