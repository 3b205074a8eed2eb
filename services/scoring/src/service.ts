import { createHash } from 'node:crypto';
import {
  decodeFloat32,
  encodeFloat32,
  endpoints,
  recordedDecisions,
  type AuditRecord,
  type NewApplication,
  type Score,
} from '@octroi/contracts';
import { DomainError } from '@octroi/model-bundle';
import type { AuditLog, Cache, HandlerContext, ServiceDefinition } from '@octroi/runtime';
import type { CreditScorer, ModelScore } from './credit-scorer.ts';
import type { LiveDecisions } from './monitoring-feed.ts';

export const SERVICE_VERSION = '1.0.0';

const applicationHash = (application: NewApplication) => {
  const sorted = Object.fromEntries(Object.entries(application).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
};

/** SHA-256 of one feature row exactly as the model read it (float32, little-endian). */
const rowDigest = (row: Float32Array) =>
  createHash('sha256')
    .update(new Uint8Array(row.buffer, row.byteOffset, row.byteLength))
    .digest('hex');

/**
 * Ties scores to the request that asked for them and records each decision before answering: a decision the
 * client has seen is always in the audit log. Decision ids derive from the request id, so a retried request
 * is recorded once.
 */
async function decide(
  audit: AuditLog,
  ctx: HandlerContext,
  scores: ModelScore[],
  subjectOf: (index: number) => Pick<AuditRecord, 'clientId' | 'applicationHash'>,
): Promise<Score[]> {
  const time = new Date().toISOString();
  const decided = scores.map((score, index) => ({
    ...score,
    decisionId: scores.length === 1 ? ctx.requestId : `${ctx.requestId}:${index}`,
    ...subjectOf(index),
  }));
  await audit.append(
    decided.map(
      ({ decisionId, clientId, applicationHash, probabilityOfDefault, threshold, decision, modelVersion }) => ({
        decisionId,
        requestId: ctx.requestId,
        time,
        modelVersion,
        probabilityOfDefault,
        threshold,
        decision,
        ...(clientId !== undefined ? { clientId } : {}),
        ...(applicationHash ? { applicationHash } : {}),
      }),
    ),
  );
  return decided.map(({ applicationHash: _hash, ...score }) => score);
}

export function scoringService(
  scorer: CreditScorer,
  cache: Cache,
  audit: AuditLog,
  live?: LiveDecisions,
): ServiceDefinition<typeof endpoints.scoring> {
  const modelInfo = scorer.modelInfo();
  return {
    name: 'scoring',
    version: SERVICE_VERSION,
    description: 'Probability of default and decision at the cost-minimising threshold',
    modelVersion: scorer.version,
    endpoints: endpoints.scoring,
    handlers: {
      score: async ({ features, simulation }, ctx) => {
        const matrix = scorer.rowsMatrix([features], () => 'features');
        const scores = await scorer.scoreMatrix(matrix, 1);
        if (simulation) return scores[0]!;
        const [score] = await decide(audit, ctx, scores, () => ({
          applicationHash: applicationHash({ features: JSON.stringify(features) }),
        }));
        live?.rows(matrix, scores);
        return score!;
      },
      scoreBatch: async ({ rows }, ctx) => {
        const matrix = scorer.rowsMatrix(rows, (row) => `rows.${row}`);
        const scores = await scorer.scoreMatrix(matrix, rows.length);
        const decided = await decide(audit, ctx, scores, (row) => ({
          applicationHash: applicationHash({ features: JSON.stringify(rows[row]) }),
        }));
        live?.rows(matrix, scores);
        return { scores: decided };
      },
      scoreTensor: async ({ rows, features }, ctx) => {
        const width = scorer.featureCount;
        const matrix = decodeFloat32(features);
        if (!matrix || matrix.length !== rows * width)
          throw DomainError.badRequest(`features: expected ${rows} rows of ${width} float32 values`, 'features');
        const scores = await scorer.scoreMatrix(matrix, rows);
        const decided = await decide(audit, ctx, scores, (row) => ({
          applicationHash: rowDigest(matrix.subarray(row * width, (row + 1) * width)),
        }));
        return {
          modelVersion: scorer.version,
          threshold: modelInfo.threshold,
          probabilities: encodeFloat32(Float32Array.from(scores, (score) => score.probabilityOfDefault)),
          decisions: decided.map((score) => score.decision),
          decisionIds: decided.map((score) => score.decisionId!),
        };
      },
      scoreApplications: async ({ applications }, ctx) => {
        const matrix = scorer.applicationsMatrix(applications);
        const scores = await scorer.scoreMatrix(matrix, applications.length);
        const decided = await decide(audit, ctx, scores, (index) => ({
          applicationHash: applicationHash(applications[index]!),
        }));
        live?.applications(matrix, applications, scores);
        return { scores: decided };
      },
      scoreClient: async ({ clientId }, ctx) => {
        // A known client's decision is made once per model version; asked again, it is the recorded one.
        const key = recordedDecisions.key(clientId);
        const recorded = await cache.get<Score>(key);
        if (recorded) return recorded;
        const matrix = scorer.clientMatrix(clientId);
        const [score] = await scorer.scoreMatrix(matrix, 1);
        const [decided] = await decide(audit, ctx, [score!], () => ({ clientId }));
        await cache.set(key, decided);
        live?.client(matrix, clientId, score!);
        return decided!;
      },
      decision: async ({ decisionId }) => {
        const record = await audit.get(decisionId);
        if (!record) throw DomainError.notFound(`No decision ${decisionId} in the audit log`, 'decisionId');
        return record;
      },
      model: () => modelInfo,
    },
  };
}
