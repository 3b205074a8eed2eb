/**
 * The seed's API (the first version of this service, a Flask app) as its dashboard reads it: the same six routes,
 * the same keys, so that applications written against it only change their base URL. Missing values are `null`
 * where the seed wrote Python's `NaN` (not JSON; Python's `json` reads both as a missing value).
 */
import { Type, type Static } from '@sinclair/typebox';
import { ClientId, Probability, RawValue } from './common.ts';
import { endpoint } from './envelope.ts';

/** The first two keys of `info_client`: the seed's dashboard drops two leading columns before it shows the rest. */
export const SEED_LEADING_KEYS = ['SK_ID_CURR', 'TARGET'] as const;
/** The columns `/get_correlation/` correlates, as the seed did. */
export const SEED_CORRELATED = [
  'TARGET',
  'EXT_SOURCE_1',
  'EXT_SOURCE_2',
  'EXT_SOURCE_3',
  'DAYS_BIRTH',
  'AMT_INCOME_TOTAL',
  'AMT_ANNUITY',
  'DAYS_EMPLOYED',
] as const;

const ColumnName = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_]+$' });
export const SeedColumnParams = Type.Object({ name: ColumnName });

export const SeedClientIds = Type.Object({
  data: Type.Array(ClientId, { description: 'Every served client id, ascending' }),
});
export const SeedScore = Type.Object({
  id_client: Type.String({ description: 'The client id as it was written in the path' }),
  prediction: Type.Array(Probability, {
    minItems: 2,
    maxItems: 2,
    description: '[probability of repaying, probability of default]',
  }),
});
export const SeedClientInfo = Type.Object({
  info_client: Type.Record(Type.String(), RawValue, {
    description: `The client's application: ${SEED_LEADING_KEYS.join(' and ')} first, then every raw field`,
  }),
});
export const SeedColumn = Type.Object({
  data: Type.Array(RawValue, { description: 'The column for every client, in the order of /get_id_client' }),
});
export const SeedFeatureImportance = Type.Object({
  feature: Type.Array(Type.String(), { description: 'Model features, most important first' }),
  importance: Type.Array(Type.Number(), { description: 'Total gain of each feature in the model, same order' }),
});
export const SeedCorrelation = Type.Object({
  correlation: Type.Record(Type.String(), Type.Record(Type.String(), Type.Union([Type.Number(), Type.Null()])), {
    description: 'Pearson correlation of each pair of columns over the clients that have both (null: too few)',
  }),
});
export type SeedCorrelation = Static<typeof SeedCorrelation>;

/** A column of every client (a raw field or TARGET), paged: a full-scale population does not fit in one message. */
export const ColumnRequest = Type.Object({
  name: ColumnName,
  offset: Type.Integer({ minimum: 0, default: 0 }),
  limit: Type.Integer({ minimum: 1, maximum: 20_000, default: 20_000 }),
});
export const ColumnPage = Type.Object({
  values: Type.Array(RawValue),
  next: Type.Union([Type.Integer(), Type.Null()], { description: 'Offset of the next page, null after the last' }),
});
export const CorrelationRequest = Type.Object({ names: Type.Array(ColumnName, { minItems: 1, maxItems: 50 }) });

export const seedEndpoints = {
  column: endpoint('clients', 'column', ColumnRequest, ColumnPage),
  correlation: endpoint('clients', 'correlation', CorrelationRequest, SeedCorrelation.properties.correlation),
} as const;
