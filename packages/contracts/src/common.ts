import { Type, type Static } from '@sinclair/typebox';

export const ClientId = Type.Integer({
  minimum: 1,
  maximum: 2_147_483_647,
  description: 'SK_ID_CURR of the applicant',
});
export const Language = Type.Union([Type.Literal('fr'), Type.Literal('en')], { default: 'fr' });
export type Language = Static<typeof Language>;
/**
 * The lender's decision on an application: granted or refused automatically, or referred to a loan officer when
 * the probability of default lies within the policy's referral band around the threshold.
 */
export const Decision = Type.Union([Type.Literal('granted'), Type.Literal('refused'), Type.Literal('referred')]);
export type Decision = Static<typeof Decision>;
/** Engineered features in the order of the bundle's feature specification; null is a missing value. */
export const FeatureVector = Type.Array(Type.Union([Type.Number(), Type.Null()]), { minItems: 1, maxItems: 4096 });
export const Probability = Type.Number({ minimum: 0, maximum: 1 });
export const Empty = Type.Object({});
/** A raw value of an application field as a user sends it. */
export const RawValue = Type.Union([Type.Number(), Type.String({ maxLength: 200 }), Type.Null()]);

/**
 * Most decisions one request may ask for: a request's decisions are one entry of the audit log (one NATS message,
 * under its 1 MB limit), and a larger batch is refused at the edge before it reaches the bus.
 */
export const MAX_BATCH = 1000;
