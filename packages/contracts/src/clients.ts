import { Type, type Static } from '@sinclair/typebox';
import { ClientId, Decision, FeatureVector, Language, Probability, RawValue } from './common.ts';
import { endpoint } from './envelope.ts';
import { seedEndpoints } from './seed.ts';

export const FieldGroupName = Type.Union([
  Type.Literal('identity'),
  Type.Literal('family'),
  Type.Literal('income_credit'),
  Type.Literal('employment'),
  Type.Literal('housing'),
  Type.Literal('external_scores'),
  Type.Literal('documents'),
  Type.Literal('contact'),
  Type.Literal('other'),
]);
export type FieldGroupName = Static<typeof FieldGroupName>;

export const LabelledField = Type.Object({
  name: Type.String({ description: 'Column name in the Home Credit data' }),
  label: Type.String({ description: 'Readable label in the requested language' }),
  description: Type.String({ description: 'Column description from the data documentation' }),
  value: RawValue,
});
export const ClientRecord = Type.Object({
  clientId: ClientId,
  knownOutcome: Type.Union([Type.Literal('repaid'), Type.Literal('defaulted'), Type.Null()]),
  probabilityOfDefault: Probability,
  decision: Decision,
  groups: Type.Array(Type.Object({ group: FieldGroupName, label: Type.String(), fields: Type.Array(LabelledField) })),
});
export type ClientRecord = Static<typeof ClientRecord>;
export const GetClientRequest = Type.Object({ clientId: ClientId, language: Type.Optional(Language) });

export const ClientSummary = Type.Object({
  clientId: ClientId,
  probabilityOfDefault: Probability,
  decision: Decision,
  knownOutcome: Type.Union([Type.Literal('repaid'), Type.Literal('defaulted'), Type.Null()]),
  ageYears: Type.Union([Type.Number(), Type.Null()]),
  incomeTotal: Type.Union([Type.Number(), Type.Null()]),
  creditAmount: Type.Union([Type.Number(), Type.Null()]),
  contractType: Type.Union([Type.String(), Type.Null()]),
});
export type ClientSummary = Static<typeof ClientSummary>;
/** Columns the list sorts by; without one, clients come in id order. Missing values always come last. */
export const ClientSortKey = Type.Union(
  ['clientId', 'probabilityOfDefault', 'ageYears', 'incomeTotal', 'creditAmount'].map((key) => Type.Literal(key)),
);
export type ClientSortKey = 'clientId' | 'probabilityOfDefault' | 'ageYears' | 'incomeTotal' | 'creditAmount';
export const ListClientsRequest = Type.Object({
  page: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
  search: Type.Optional(Type.String({ pattern: '^[0-9]{1,10}$', description: 'Prefix of the client id' })),
  decision: Type.Optional(Decision),
  minProbability: Type.Optional(Probability),
  maxProbability: Type.Optional(Probability),
  contractType: Type.Optional(Type.String({ maxLength: 50 })),
  minIncome: Type.Optional(Type.Number({ minimum: 0 })),
  maxIncome: Type.Optional(Type.Number({ minimum: 0 })),
  sort: Type.Optional(ClientSortKey),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')], { default: 'asc' })),
});
export type ListClientsRequest = Static<typeof ListClientsRequest>;
export const ClientPage = Type.Object({
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
  items: Type.Array(ClientSummary),
});
export type ClientPage = Static<typeof ClientPage>;

export const ClientFeatures = Type.Object({
  clientId: ClientId,
  features: FeatureVector,
  raw: Type.Record(Type.String(), RawValue, { description: 'Raw application fields, for what-if and counterfactuals' }),
});
export type ClientFeatures = Static<typeof ClientFeatures>;

export const HistogramBin = Type.Object({
  from: Type.Number(),
  to: Type.Number(),
  repaid: Type.Integer({ minimum: 0 }),
  defaulted: Type.Integer({ minimum: 0 }),
});
export const Population = Type.Object({
  feature: Type.String(),
  label: Type.String(),
  description: Type.String(),
  kind: Type.Union([Type.Literal('numeric'), Type.Literal('categorical')]),
  count: Type.Integer(),
  missing: Type.Integer(),
  mean: Type.Union([Type.Number(), Type.Null()]),
  std: Type.Union([Type.Number(), Type.Null()]),
  quantiles: Type.Array(Type.Union([Type.Number(), Type.Null()]), { description: '101 points, p0 to p100' }),
  histogram: Type.Array(HistogramBin),
  categories: Type.Optional(Type.Array(Type.String())),
  clientValue: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
  clientPercentile: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
});
export type Population = Static<typeof Population>;
export const PopulationRequest = Type.Object({
  feature: Type.String({ minLength: 1, maxLength: 100 }),
  clientId: Type.Optional(ClientId),
  language: Type.Optional(Language),
});

export const PopulationSampleRequest = Type.Object({
  x: Type.String({ minLength: 1, maxLength: 100 }),
  y: Type.String({ minLength: 1, maxLength: 100 }),
  size: Type.Integer({ minimum: 10, maximum: 5000, default: 1000 }),
  clientId: Type.Optional(ClientId),
});
export type PopulationSampleRequest = Static<typeof PopulationSampleRequest>;
export const PopulationSample = Type.Object({
  x: Type.String(),
  y: Type.String(),
  points: Type.Array(
    Type.Object({ clientId: ClientId, x: Type.Number(), y: Type.Number(), probabilityOfDefault: Probability }),
  ),
  client: Type.Optional(
    Type.Object({
      clientId: ClientId,
      x: Type.Union([Type.Number(), Type.Null()]),
      y: Type.Union([Type.Number(), Type.Null()]),
      probabilityOfDefault: Probability,
    }),
  ),
});
export type PopulationSample = Static<typeof PopulationSample>;

export const SimilarRequest = Type.Object({
  clientId: ClientId,
  k: Type.Integer({ minimum: 1, maximum: 50, default: 10 }),
});
export const SimilarClients = Type.Object({
  clientId: ClientId,
  features: Type.Array(Type.String(), { description: 'Features the distance is computed on' }),
  neighbours: Type.Array(
    Type.Object({
      clientId: ClientId,
      distance: Type.Number({ minimum: 0 }),
      knownOutcome: Type.Union([Type.Literal('repaid'), Type.Literal('defaulted'), Type.Null()]),
      probabilityOfDefault: Probability,
      decision: Decision,
    }),
  ),
});
export type SimilarClients = Static<typeof SimilarClients>;

/**
 * The referral band on the population of the bundle: how many clients an officer decides, and what deciding them
 * automatically would cost. Expected costs are in the lender's cost units (a wrongly refused good client costs
 * costFalsePositive, a granted client who defaults costFalseNegative), from each client's probability of default.
 */
const BandCost = Type.Object({
  clients: Type.Integer({ minimum: 0 }),
  expectedCost: Type.Number({ minimum: 0, description: 'Expected cost of deciding these clients automatically' }),
});
export const ReferralBandReport = Type.Object({
  threshold: Probability,
  band: Type.Number({ minimum: 0 }),
  costFalseNegative: Type.Number(),
  costFalsePositive: Type.Number(),
  clients: Type.Integer({ minimum: 0, description: 'Clients of the population' }),
  referred: Type.Composite([
    BandCost,
    Type.Object({
      share: Type.Number({ minimum: 0, maximum: 1 }),
      /** Clients of the band whose outcome is known (past loans): defaults, and the cost automatic decisions had. */
      known: Type.Integer({ minimum: 0 }),
      defaulted: Type.Integer({ minimum: 0 }),
      observedCost: Type.Number({ minimum: 0 }),
    }),
  ]),
  /** Probability bins around the threshold, each marked inside or outside the band. */
  bins: Type.Array(
    Type.Composite([BandCost, Type.Object({ from: Probability, to: Probability, referred: Type.Boolean() })]),
  ),
});
export type ReferralBandReport = Static<typeof ReferralBandReport>;

export const clients = {
  get: endpoint('clients', 'get', GetClientRequest, ClientRecord),
  list: endpoint('clients', 'list', ListClientsRequest, ClientPage),
  features: endpoint('clients', 'features', Type.Object({ clientId: ClientId }), ClientFeatures),
  population: endpoint('clients', 'population', PopulationRequest, Population),
  sample: endpoint('clients', 'sample', PopulationSampleRequest, PopulationSample),
  similar: endpoint('clients', 'similar', SimilarRequest, SimilarClients),
  referralBand: endpoint('clients', 'referral-band', Type.Object({}), ReferralBandReport),
  // Paged: every id of a full-scale population (356,000) would not fit in one bus message.
  ids: endpoint(
    'clients',
    'ids',
    Type.Object({
      offset: Type.Integer({ minimum: 0, default: 0 }),
      limit: Type.Integer({ minimum: 1, maximum: 50_000, default: 50_000 }),
    }),
    Type.Object({
      ids: Type.Array(ClientId),
      next: Type.Union([Type.Integer(), Type.Null()], { description: 'Offset of the next page, null after the last' }),
    }),
  ),
  ...seedEndpoints,
} as const;
