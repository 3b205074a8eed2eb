import { Type, type Static } from '@sinclair/typebox';
import { ClientId, Decision, Probability } from './common.ts';
import { endpoint } from './envelope.ts';
import { ShadowComparisonRequest, ShadowComparisons } from './models.ts';

/**
 * Monitoring of live decisions: drift of every feature and of the score against the training population
 * (population stability index), the decision mix, and approval rates by gender and age band.
 *
 * Scoring replicas count what they decide and publish the counts on the monitoring feed (a JetStream stream on NATS,
 * a file embedded); the monitoring service reads the whole feed, so every replica's decisions are in its windows.
 * Nothing about one applicant is published, except a challenger's shadow scores, and gender only ever as a count.
 */

/** Rolling windows, ending now. */
export const MonitoringWindow = Type.Union([Type.Literal('1h'), Type.Literal('1d'), Type.Literal('7d')], {
  default: '1d',
});
export type MonitoringWindow = Static<typeof MonitoringWindow>;
export const MONITORING_WINDOWS: readonly MonitoringWindow[] = ['1h', '1d', '7d'];

/**
 * Population stability index thresholds, the usual ones in credit scoring: below 0.1 the population is stable,
 * from 0.1 it has moved enough to watch, from 0.25 enough to act (retrain, or check the data feeding the model).
 */
export const DRIFT_THRESHOLDS = { warn: 0.1, act: 0.25 } as const;
/** Fewer applications than this in a window and a stability index says more about chance than about drift. */
export const DRIFT_MINIMUM_APPLICATIONS = 100;

export const AgeBand = Type.Union([
  Type.Literal('under-25'),
  Type.Literal('25-40'),
  Type.Literal('40-60'),
  Type.Literal('60-and-over'),
  Type.Literal('unknown'),
]);
export type AgeBand = Static<typeof AgeBand>;
export const AGE_BANDS: readonly AgeBand[] = ['under-25', '25-40', '40-60', '60-and-over', 'unknown'];

/** The applicant's gender as sent (a category of CODE_GENDER), `unknown` when absent: a group to count, never a model input. */
export const GenderGroup = Type.String({ minLength: 1, maxLength: 20 });

// --- The feed -------------------------------------------------------------------------------------------------

export const MONITORING_STREAM = 'OCTROI_MONITORING';
export const FEED_SUBJECT_PREFIX = 'octroi.v1.feed';
export const FeedKind = Type.Union([
  Type.Literal('observations'),
  Type.Literal('shadow'),
  Type.Literal('officer-decision'),
]);
export type FeedKind = Static<typeof FeedKind>;
export const feedSubject = (kind: FeedKind) => `${FEED_SUBJECT_PREFIX}.${kind}`;

const Milliseconds = Type.Integer({ minimum: 0, description: 'Unix time in milliseconds' });

/** What one scoring replica decided over a few seconds, as counts. */
export const ObservedCounts = Type.Object({
  source: Type.String({ description: 'The replica that counted' }),
  modelVersion: Type.String(),
  from: Milliseconds,
  to: Milliseconds,
  applications: Type.Integer({ minimum: 0 }),
  features: Type.Record(Type.String(), Type.Array(Type.Integer({ minimum: 0 })), {
    description:
      "Per model feature, applications per bin of the training population's histogram, the missing ones last. A history feature counts only the applications that came with that history",
  }),
  score: Type.Array(Type.Integer({ minimum: 0 }), { description: 'Applications per decile of the training scores' }),
  decisions: Type.Array(
    Type.Object({ decision: Decision, gender: GenderGroup, ageBand: AgeBand, count: Type.Integer({ minimum: 1 }) }),
  ),
});
export type ObservedCounts = Static<typeof ObservedCounts>;

const ShadowSide = Type.Object({ probabilityOfDefault: Probability, decision: Decision });

/** A challenger's scores on live applications, beside the champion's decisions: never a decision, never answered. */
export const ShadowScores = Type.Object({
  source: Type.String(),
  time: Milliseconds,
  champion: Type.String({ description: "The champion's model version" }),
  challenger: Type.String({ description: "The challenger's model version" }),
  applications: Type.Array(
    Type.Object({
      decisionId: Type.Optional(Type.String({ description: "The champion's decision" })),
      clientId: Type.Optional(ClientId),
      champion: ShadowSide,
      challenger: ShadowSide,
    }),
  ),
});
export type ShadowScores = Static<typeof ShadowScores>;

/** An officer's decision on a model decision; an override reverses a `granted` or `refused` one. */
export const OfficerDecisionObserved = Type.Object({
  time: Milliseconds,
  decisionId: Type.String({ description: "The model's decision the officer decided on" }),
  modelDecision: Decision,
  officerDecision: Decision,
  override: Type.Boolean(),
});
export type OfficerDecisionObserved = Static<typeof OfficerDecisionObserved>;

/** What each kind of message on the feed carries. */
export interface FeedEvents {
  observations: ObservedCounts;
  shadow: ShadowScores;
  'officer-decision': OfficerDecisionObserved;
}

// --- What the monitoring service answers ----------------------------------------------------------------------

export const DriftStatus = Type.Union(
  [Type.Literal('stable'), Type.Literal('watch'), Type.Literal('act'), Type.Literal('too-few')],
  { description: 'stable below 0.1, watch from 0.1, act from 0.25; too-few under the minimum of applications' },
);
export type DriftStatus = Static<typeof DriftStatus>;

export const VariableDrift = Type.Object({
  name: Type.String({ description: 'A model feature, or `score` for the probability of default' }),
  kind: Type.Union([Type.Literal('feature'), Type.Literal('score')]),
  applications: Type.Integer({ description: 'Live applications the index is computed on' }),
  stabilityIndex: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
  status: DriftStatus,
});
export type VariableDrift = Static<typeof VariableDrift>;

export const DriftRequest = Type.Object({
  window: Type.Optional(MonitoringWindow),
  modelVersion: Type.Optional(Type.String({ maxLength: 100, description: 'Default: the version that decided last' })),
});
export const DriftReport = Type.Object({
  window: MonitoringWindow,
  modelVersion: Type.Union([Type.String(), Type.Null()], { description: 'Null before any live decision' }),
  versions: Type.Array(Type.String(), { description: 'Model versions with decisions in the window' }),
  applications: Type.Integer(),
  thresholds: Type.Object({ warn: Type.Number(), act: Type.Number(), minimumApplications: Type.Integer() }),
  variables: Type.Array(VariableDrift, { description: 'Highest index first' }),
});
export type DriftReport = Static<typeof DriftReport>;

export const VariableDriftRequest = Type.Object({
  variable: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_]+$' }),
  window: Type.Optional(MonitoringWindow),
  modelVersion: Type.Optional(Type.String({ maxLength: 100 })),
});
export const VariableDriftDetail = Type.Composite([
  VariableDrift,
  Type.Object({
    window: MonitoringWindow,
    modelVersion: Type.String(),
    bins: Type.Array(
      Type.Object({
        label: Type.String({ description: 'The range `[from, to)`, the category, or `missing`' }),
        from: Type.Union([Type.Number(), Type.Null()]),
        to: Type.Union([Type.Number(), Type.Null()]),
        category: Type.Union([Type.String(), Type.Null()]),
        training: Type.Number({ minimum: 0, maximum: 1, description: 'Share of training applicants' }),
        live: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], {
          description: 'Share of live applications',
        }),
      }),
    ),
  }),
]);
export type VariableDriftDetail = Static<typeof VariableDriftDetail>;

const DecisionTally = Type.Object({
  decisions: Type.Integer({ description: 'Live model decisions' }),
  granted: Type.Integer(),
  referred: Type.Integer(),
  refused: Type.Integer(),
});
/** Model decisions and what officers did with them, over a period. */
export const DecisionMix = Type.Composite([
  DecisionTally,
  Type.Object({
    officerDecisions: Type.Integer(),
    overrides: Type.Integer({ description: 'Officer decisions reversing a granted or refused model decision' }),
  }),
]);
export type DecisionMix = Static<typeof DecisionMix>;
export const DecisionMixPoint = Type.Composite([
  Type.Object({ from: Type.String({ format: 'date-time' }), to: Type.String({ format: 'date-time' }) }),
  DecisionMix,
]);
export type DecisionMixPoint = Static<typeof DecisionMixPoint>;
export const GroupApproval = Type.Composite([Type.Object({ group: Type.String() }), DecisionTally]);
export type GroupApproval = Static<typeof GroupApproval>;

export const DecisionMixRequest = Type.Object({ window: Type.Optional(MonitoringWindow) });
export const DecisionMixReport = Type.Object({
  window: MonitoringWindow,
  total: DecisionMix,
  series: Type.Array(DecisionMixPoint, { description: 'Consecutive periods covering the window, oldest first' }),
  byGender: Type.Array(GroupApproval),
  byAgeBand: Type.Array(GroupApproval, { description: 'Bands in order: under-25, 25-40, 40-60, 60-and-over, unknown' }),
});
export type DecisionMixReport = Static<typeof DecisionMixReport>;

export const monitoring = {
  drift: endpoint('monitoring', 'drift', DriftRequest, DriftReport),
  variable: endpoint('monitoring', 'variable', VariableDriftRequest, VariableDriftDetail),
  decisions: endpoint('monitoring', 'decisions', DecisionMixRequest, DecisionMixReport),
  shadow: endpoint('monitoring', 'shadow', ShadowComparisonRequest, ShadowComparisons),
} as const;
