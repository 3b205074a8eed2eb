import { createHash } from 'node:crypto';
import { endpoints, recordedDecisions, type AuditRecord, type NewApplication, type Score } from '@octroi/contracts';
import { DomainError } from '@octroi/model-bundle';
import type { AuditLog, Cache, HandlerContext, ServiceDefinition } from '@octroi/runtime';
import type { CreditScorer, ModelScore } from './credit-scorer.ts';

export const SERVICE_VERSION = '1.0.0';

const applicationHash = (application: NewApplication) => {
  const sorted = Object.fromEntries(Object.entries(application).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
};

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
        const scores = await scorer.scoreRows([features], () => 'features');
        if (simulation) return scores[0]!;
        const [score] = await decide(audit, ctx, scores, () => ({
          applicationHash: applicationHash({ features: JSON.stringify(features) }),
        }));
        return score!;
      },
      scoreBatch: async ({ rows }, ctx) => {
        const scores = await scorer.scoreRows(rows, (row) => `rows.${row}`);
        return {
          scores: await decide(audit, ctx, scores, (row) => ({
            applicationHash: applicationHash({ features: JSON.stringify(rows[row]) }),
          })),
        };
      },
      scoreApplications: async ({ applications }, ctx) => {
        const scores = await scorer.scoreApplications(applications);
        return {
          scores: await decide(audit, ctx, scores, (index) => ({
            applicationHash: applicationHash(applications[index]!),
          })),
        };
      },
      scoreClient: async ({ clientId }, ctx) => {
        // A known client's decision is made once per model version; asked again, it is the recorded one.
        const key = recordedDecisions.key(clientId);
        const recorded = await cache.get<Score>(key);
        if (recorded) return recorded;
        const [decided] = await decide(audit, ctx, [await scorer.scoreClient(clientId)], () => ({ clientId }));
        await cache.set(key, decided);
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
