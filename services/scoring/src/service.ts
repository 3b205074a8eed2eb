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
import type { AuditLog, Cache, HandlerContext, KeyValueBucket, ServiceDefinition } from '@octroi/runtime';
import type { CreditScorer, ModelScore } from './credit-scorer.ts';
import { decisionsOf, fingerprintOf, modelRecords, scoreOf } from './decisions.ts';
import type { LiveDecisions } from './monitoring-feed.ts';
import { officerHandlers, type OfficerBooks } from './officer/handlers.ts';
import { recordOnce, type Claim } from './record-once.ts';

export const SERVICE_VERSION = '1.1.0';

/** Where the scoring service keeps what it decided; it is the only service that reads or writes these. */
export interface DecisionStores {
  audit: AuditLog;
  /** One decision per known client and model version, created atomically. */
  decisionsOfRecord: KeyValueBucket;
  /** Idempotency-Key → the request it decided, per principal, kept at least 24 hours. */
  idempotency: KeyValueBucket;
  /** In front of `decisionsOfRecord`; holds only recorded decisions. */
  cache: Cache;
  /** Officer decisions, the review queue and clients' decision histories. */
  books: OfficerBooks;
}

/** Who asked: the principal the gateway authenticated, or the service itself for internal calls. */
const principalOf = (ctx: HandlerContext) => ctx.principal ?? 'internal';
const ownership = (ctx: HandlerContext) => ({ owner: ctx.instance, ownerRunning: ctx.instanceRunning });

export function scoringService(
  scorer: CreditScorer,
  { audit, decisionsOfRecord, idempotency, cache, books }: DecisionStores,
  live?: LiveDecisions,
): ServiceDefinition<typeof endpoints.scoring> {
  const modelInfo = scorer.modelInfo();

  /** Stored with a request's decisions before they count as recorded: referrals to review, known clients' histories. */
  const followUp = (applications?: readonly NewApplication[]) => async (records: AuditRecord[]) => {
    const decided = modelRecords(records);
    await Promise.all([books.desk.refer(decided, applications), books.history.add(decided)]);
  };

  /**
   * Scores a request's rows and records every decision before answering. With an Idempotency-Key, the request is
   * recorded once: asked again with the same body, the recorded decisions are the answer.
   */
  const decide = async (
    endpoint: Endpoint,
    payload: unknown,
    matrix: Float32Array,
    count: number,
    ctx: HandlerContext,
    observe: (scores: ModelScore[]) => void,
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
    // Monitoring counts the decisions made here, not those a replay answers again.
    if (answer[0]?.decisionId === decisions[0]!.decisionId) observe(scores);
    return answer;
  };

  return {
    name: 'scoring',
    version: SERVICE_VERSION,
    description: 'Probability of default and decision at the cost-minimising threshold',
    modelVersion: scorer.version,
    endpoints: endpoints.scoring,
    handlers: {
      score: async (payload, ctx) => {
        const matrix = scorer.rowsMatrix([payload.features], () => 'features');
        // A what-if or counterfactual check is a simulation: scored, never a decision, never recorded.
        if (payload.simulation) return (await scorer.scoreMatrix(matrix, 1))[0]!;
        const observe = (scores: ModelScore[]) => live?.rows(matrix, scores);
        return (await decide(endpoints.scoring.score, payload, matrix, 1, ctx, observe))[0]!;
      },
      scoreBatch: async (payload, ctx) => {
        const matrix = scorer.rowsMatrix(payload.rows, (row) => `rows.${row}`);
        const observe = (scores: ModelScore[]) => live?.rows(matrix, scores);
        const count = payload.rows.length;
        return { scores: await decide(endpoints.scoring.scoreBatch, payload, matrix, count, ctx, observe) };
      },
      scoreTensor: async (payload, ctx) => {
        const { rows, features } = payload;
        const matrix = decodeFloat32(features);
        if (!matrix || matrix.length !== rows * scorer.featureCount)
          throw DomainError.badRequest(
            `features: expected ${rows} rows of ${scorer.featureCount} float32 values`,
            'features',
          );
        const observe = (scores: ModelScore[]) => live?.rows(matrix, scores);
        const decided = await decide(endpoints.scoring.scoreTensor, payload, matrix, rows, ctx, observe);
        return {
          modelVersion: scorer.version,
          threshold: modelInfo.threshold,
          probabilities: encodeFloat32(Float32Array.from(decided, (score) => score.probabilityOfDefault)),
          decisions: decided.map((score) => score.decision),
          decisionIds: decided.map((score) => score.decisionId!),
        };
      },
      scoreApplications: async (payload, ctx) => {
        const matrix = scorer.applicationsMatrix(payload.applications);
        const count = payload.applications.length;
        const observe = (scores: ModelScore[]) => live?.applications(matrix, payload.applications, scores);
        const { applications } = payload;
        const scores = await decide(
          endpoints.scoring.scoreApplications,
          payload,
          matrix,
          count,
          ctx,
          observe,
          applications,
        );
        return { scores };
      },
      scoreClient: async ({ clientId }, ctx) => {
        // A known client's decision is made once per model version; asked again, it is the decision of record.
        const key = storeKey(scorer.version, clientId);
        const cached = await cache.get<Score>(key);
        if (cached) return cached;
        const existing = (await decisionsOfRecord.get<Claim<Score>>(key))?.value;
        let score = existing?.state === 'recorded' ? existing.reply : undefined;
        if (!score) {
          const matrix = scorer.clientMatrix(clientId);
          const scores = await scorer.scoreMatrix(matrix, 1);
          const asker = { requestId: ctx.requestId, principal: principalOf(ctx), clientId };
          const decisions = decisionsOf(scores, matrix, asker);
          score = await recordOnce({
            bucket: decisionsOfRecord,
            key,
            fingerprint: storeKey(scorer.version, clientId),
            decisions,
            audit,
            replyOf: (records) => scoreOf(modelRecords(records)[0]!),
            keepReply: true,
            followUp: followUp(),
            describe: `The decision of record of client ${clientId}`,
            ...ownership(ctx),
          });
          if (score.decisionId === decisions[0]!.decisionId) live?.client(matrix, clientId, scores[0]!);
        }
        await cache.set(key, score);
        return score;
      },
      decision: async ({ decisionId }) => {
        const record = await audit.get(decisionId);
        if (!record) throw DomainError.notFound(`No decision ${decisionId} in the audit log`, 'decisionId');
        return record;
      },
      model: () => modelInfo,
      ...officerHandlers(books),
    },
  };
}
