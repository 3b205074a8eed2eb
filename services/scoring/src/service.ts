import {
  decodeFloat32,
  encodeFloat32,
  endpoints,
  storeKey,
  type AuditRecord,
  type Endpoint,
  type NewApplication,
  type Score,
} from '@octroi/contracts';
import { DomainError } from '@octroi/model-bundle';
import type { AuditLog, Cache, HandlerContext, KeyValueBucket, ServedModels, ServiceDefinition } from '@octroi/runtime';
import type { ModelScore } from './credit-scorer.ts';
import { decisionsOf, fingerprintOf, modelRecords, scoreOf } from './decisions.ts';
import { lifecycleHandlers } from './lifecycle-handlers.ts';
import type { ModelLifecycle } from './model-lifecycle.ts';
import type { BatchHandlers } from './batch/batch-handlers.ts';
import { officerHandlers, type OfficerBooks } from './officer/handlers.ts';
import { recordOnce, type Claim } from './record-once.ts';
import type { ScoringModel } from './scoring-models.ts';
import type { ShadowScoring } from './shadow-scoring.ts';

export const SERVICE_VERSION = '1.2.0';

/** Where the scoring service keeps what it decided; it is the only service that reads or writes these. */
export interface DecisionStores {
  audit: AuditLog;
  /** One decision per known client and model version, created atomically. */
  decisionsOfRecord: KeyValueBucket;
  /** Idempotency-Key → the request it decided, per principal, kept at least 24 hours. */
  idempotency: KeyValueBucket;
  /** In front of `decisionsOfRecord`; holds only recorded decisions, under keys that name their version. */
  cache: Cache;
  /** Officer decisions, the review queue and clients' decision histories. */
  books: OfficerBooks;
}

/** The model lifecycle: the roles and their changes, and the challenger's shadow scoring. */
export interface Lifecycle {
  roles: ModelLifecycle;
  shadow?: ShadowScoring;
}

/** Who asked: the principal the gateway authenticated, or the service itself for internal calls. */
const principalOf = (ctx: HandlerContext) => ctx.principal ?? 'internal';
const ownership = (ctx: HandlerContext) => ({ owner: ctx.instance, ownerRunning: ctx.instanceRunning });

/**
 * Scoring on the bus, by the champion model. A request takes the champion when it starts and keeps it to the end:
 * a promotion in the meantime never changes the model under it, and its decisions are recorded with the version
 * that made them. Once recorded and answered, new decisions are counted for the monitoring and scored by the
 * challenger in shadow.
 */
export function scoringService(
  models: ServedModels<ScoringModel>,
  { audit, decisionsOfRecord, idempotency, cache, books }: DecisionStores,
  lifecycle: Lifecycle,
  batch: BatchHandlers,
): ServiceDefinition<typeof endpoints.scoring> {
  const { shadow } = lifecycle;

  /** Stored with a request's decisions before they count as recorded: referrals to review, known clients' histories. */
  const followUp = (applications?: readonly NewApplication[]) => async (records: AuditRecord[]) => {
    const decided = modelRecords(records);
    await Promise.all([books.desk.refer(decided, applications), books.history.add(decided)]);
  };

  /**
   * Scores a request's rows and records every decision before answering. With an Idempotency-Key, the request is
   * recorded once: asked again with the same body, the recorded decisions are the answer. `fresh` is told of the
   * decisions made here, not of those a replay answers again.
   */
  const decide = async (
    { scorer }: ScoringModel,
    endpoint: Endpoint,
    payload: unknown,
    matrix: Float32Array,
    count: number,
    ctx: HandlerContext,
    fresh: (scores: ModelScore[], decided: Score[]) => void,
    applications?: readonly NewApplication[],
  ) => {
    const scores = await scorer.scoreMatrix(matrix, count);
    const decisions = decisionsOf(scores, matrix, { requestId: ctx.requestId, principal: principalOf(ctx) });
    const replyOf = (records: AuditRecord[]) => modelRecords(records).map(scoreOf);
    const recorded = async () => {
      const records = await audit.append(decisions);
      await followUp(applications)(records);
      return replyOf(records);
    };
    const answer = ctx.idempotencyKey
      ? await recordOnce({
          bucket: idempotency,
          key: storeKey(principalOf(ctx), ctx.idempotencyKey),
          fingerprint: fingerprintOf(endpoint.subject, payload),
          decisions,
          audit,
          replyOf,
          followUp: followUp(applications),
          describe: `Idempotency-Key "${ctx.idempotencyKey}"`,
          ...ownership(ctx),
        })
      : await recorded();
    if (answer[0]?.decisionId === decisions[0]!.decisionId) fresh(scores, answer);
    return answer;
  };

  const champion = () => models.champion().model;

  return {
    name: 'scoring',
    version: SERVICE_VERSION,
    description: 'Probability of default and decision at the cost-minimising threshold',
    modelVersion: models.champion().version,
    endpoints: endpoints.scoring,
    handlers: {
      score: async (payload, ctx) => {
        // A simulation may name the version it was explained with; a decision is always the champion's.
        if (payload.modelVersion !== undefined && !payload.simulation)
          throw DomainError.badRequest('modelVersion: only a simulation names its model version', 'modelVersion');
        const model = payload.modelVersion === undefined ? champion() : await versionOf(payload.modelVersion);
        const matrix = model.scorer.rowsMatrix([payload.features], () => 'features');
        // A what-if or counterfactual check is a simulation: scored, never a decision, never recorded.
        if (payload.simulation) return (await model.scorer.scoreMatrix(matrix, 1))[0]!;
        const fresh = (scores: ModelScore[], decided: Score[]) => {
          model.live.rows(matrix, scores);
          shadow?.rows(model.version, matrix, decided);
        };
        return (await decide(model, endpoints.scoring.score, payload, matrix, 1, ctx, fresh))[0]!;
      },
      scoreBatch: async (payload, ctx) => {
        const model = champion();
        const matrix = model.scorer.rowsMatrix(payload.rows, (row) => `rows.${row}`);
        const fresh = (scores: ModelScore[], decided: Score[]) => {
          model.live.rows(matrix, scores);
          shadow?.rows(model.version, matrix, decided);
        };
        const count = payload.rows.length;
        return { scores: await decide(model, endpoints.scoring.scoreBatch, payload, matrix, count, ctx, fresh) };
      },
      scoreTensor: async (payload, ctx) => {
        const model = champion();
        const { rows, features } = payload;
        const matrix = decodeFloat32(features);
        if (!matrix || matrix.length !== rows * model.scorer.featureCount)
          throw DomainError.badRequest(
            `features: expected ${rows} rows of ${model.scorer.featureCount} float32 values`,
            'features',
          );
        const fresh = (scores: ModelScore[], decided: Score[]) => {
          model.live.rows(matrix, scores);
          shadow?.rows(model.version, matrix, decided);
        };
        const decided = await decide(model, endpoints.scoring.scoreTensor, payload, matrix, rows, ctx, fresh);
        return {
          modelVersion: model.version,
          threshold: model.info.threshold,
          probabilities: encodeFloat32(Float32Array.from(decided, (score) => score.probabilityOfDefault)),
          decisions: decided.map((score) => score.decision),
          decisionIds: decided.map((score) => score.decisionId!),
        };
      },
      scoreApplications: async (payload, ctx) => {
        const model = champion();
        const { applications } = payload;
        const matrix = model.scorer.applicationsMatrix(applications);
        const fresh = (scores: ModelScore[], decided: Score[]) => {
          model.live.applications(matrix, applications, scores);
          shadow?.applications(model.version, applications, decided);
        };
        const count = applications.length;
        return {
          scores: await decide(
            model,
            endpoints.scoring.scoreApplications,
            payload,
            matrix,
            count,
            ctx,
            fresh,
            applications,
          ),
        };
      },
      scoreClient: async ({ clientId }, ctx) => {
        const model = champion();
        // A known client's decision is made once per model version; asked again, it is the decision of record.
        const key = storeKey(model.version, clientId);
        const cached = await cache.get<Score>(key);
        if (cached) return cached;
        const existing = (await decisionsOfRecord.get<Claim<Score>>(key))?.value;
        let score = existing?.state === 'recorded' ? existing.reply : undefined;
        if (!score) {
          const matrix = model.scorer.clientMatrix(clientId);
          const scores = await model.scorer.scoreMatrix(matrix, 1);
          const asker = { requestId: ctx.requestId, principal: principalOf(ctx), clientId };
          const decisions = decisionsOf(scores, matrix, asker);
          score = await recordOnce({
            bucket: decisionsOfRecord,
            key,
            fingerprint: key,
            decisions,
            audit,
            replyOf: (records) => scoreOf(modelRecords(records)[0]!),
            keepReply: true,
            followUp: followUp(),
            describe: `The decision of record of client ${clientId}`,
            ...ownership(ctx),
          });
          if (score.decisionId === decisions[0]!.decisionId) {
            model.live.client(matrix, clientId, scores[0]!);
            shadow?.client(model.version, clientId, score);
          }
        }
        await cache.set(key, score);
        return score;
      },
      decision: async ({ decisionId }) => {
        const record = await audit.get(decisionId);
        if (!record) throw DomainError.notFound(`No decision ${decisionId} in the audit log`, 'decisionId');
        return record;
      },
      model: () => champion().info,
      ...lifecycleHandlers(lifecycle.roles),
      ...officerHandlers(books),
      ...batch,
    },
  };

  /** A version a simulation names: one this replica serves, or any bundle of the catalogue (404 otherwise). */
  async function versionOf(version: string): Promise<ScoringModel> {
    try {
      return await models.version(version);
    } catch {
      throw DomainError.notFound(`No model bundle has version ${version}`, 'modelVersion');
    }
  }
}
