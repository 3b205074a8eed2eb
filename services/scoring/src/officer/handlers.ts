/**
 * The scoring service's endpoints for loan officers. The service keeps the decisions of record, so it keeps their
 * reviews: officer decisions, the review queue, each client's decision history and the overrides report.
 */
import {
  OctroiError,
  type endpoints,
  type officerEndpoints,
  type ModelAuditRecord,
  type ModelDecisionSummary,
  type OfficerDecision,
  type OfficerDecisionObserved,
} from '@octroi/contracts';
import type { AuditLog, DurableStore, Handler } from '@octroi/runtime';
import { CLIENT_DECISIONS_BUCKET, ClientHistory, summaryOf } from './client-history.ts';
import { reviewedDecision } from './officer-decision.ts';
import { OFFICER_DECISIONS_BUCKET, OfficerLedger } from './officer-ledger.ts';
import { overridesReport } from './overrides-report.ts';
import { REFERRALS_BUCKET, REVIEW_CLAIMS_BUCKET, REVIEW_QUEUE_BUCKET, ReviewDesk, notReferred } from './review-desk.ts';

type Scoring = typeof endpoints.scoring;

export interface OfficerBooks {
  audit: AuditLog;
  ledger: OfficerLedger;
  desk: ReviewDesk;
  history: ClientHistory;
  /** Told of each new officer decision, after it is recorded (the monitoring counts overrides). */
  observe?: (event: OfficerDecisionObserved) => void;
}

export const observedOf = (decision: OfficerDecision): OfficerDecisionObserved => ({
  time: Date.parse(decision.time),
  decisionId: decision.decisionId,
  modelDecision: decision.modelDecision,
  officerDecision: decision.decision,
  override: decision.override,
});

export function officerHandlers({ audit, ledger, desk, history, observe }: OfficerBooks) {
  /** The model's decision an officer reviews, from the audit log. */
  const modelDecision = async (decisionId: string): Promise<ModelAuditRecord> => {
    const record = await audit.get(decisionId);
    if (!record) throw OctroiError.notFound(`No decision ${decisionId} in the audit log`, 'decisionId');
    if (record.kind !== 'model')
      throw OctroiError.badRequest(
        `decisionId: ${decisionId} is an officer's decision; give the model's decision it reviews`,
        'decisionId',
      );
    return record;
  };
  const reviewed = async (model: ModelDecisionSummary) => {
    const { decisions, nextSequence } = await ledger.forDecision(model.decisionId);
    return reviewedDecision(model, decisions, nextSequence);
  };

  const handlers: { [K in keyof typeof officerEndpoints]: Handler<Scoring[K]> } = {
    recordOfficerDecision: async ({ officer, ...request }, ctx) => {
      const model = await modelDecision(request.decisionId);
      const recorder = { requestId: ctx.requestId, owner: ctx.instance, ownerRunning: ctx.instanceRunning };
      const { decision, fresh } = await ledger.record(request, model, officer, recorder);
      if (fresh) {
        observe?.(observedOf(decision));
        // Decided: off the queue. Should this fail, the next officer to take it finds it decided and closes it.
        await desk
          .close(model.decisionId)
          .catch((err: unknown) => ctx.log.warn({ err }, 'a decided referral stays queued'));
      }
      return decision;
    },
    decisionHistory: async ({ clientId }) => ({
      clientId,
      decisions: await Promise.all((await history.of(clientId)).map(reviewed)),
    }),
    reviewQueue: ({ limit }) => desk.queue(limit ?? 50),
    takeReview: ({ officer }) =>
      desk.take(officer, async (decisionId) => (await ledger.forDecision(decisionId)).decisions.length > 0),
    releaseReview: async ({ decisionId, officer, administrator }, ctx) => {
      const released = await desk.release(decisionId, officer, administrator);
      ctx.log.info({ decisionId, heldBy: released.released.officer.username, by: officer.username }, 'case given back');
      return released;
    },
    review: async ({ decisionId }) => {
      const file = await desk.file(decisionId);
      if (!file) throw notReferred(decisionId);
      const { referral, application, historyRows } = file;
      return {
        ...referral,
        ...(application ? { application } : {}),
        ...(historyRows ? { historyRows } : {}),
        reviewed: await reviewed(summaryOf(await modelDecision(decisionId))),
      };
    },
    overridesReport: async ({ weeks }) => overridesReport(await ledger.all(), weeks ?? 12),
  };
  return handlers;
}

/** The officer's books on the durable store, beside the decisions of record. */
export async function openOfficerBooks(
  store: DurableStore,
  audit: AuditLog,
  options: { claimMinutes: number; observe?: OfficerBooks['observe'] },
): Promise<OfficerBooks> {
  const [decisions, referrals, queue, claims, clientDecisions] = await Promise.all([
    store.bucket(OFFICER_DECISIONS_BUCKET),
    store.bucket(REFERRALS_BUCKET),
    store.bucket(REVIEW_QUEUE_BUCKET),
    store.bucket(REVIEW_CLAIMS_BUCKET, { ttlMs: options.claimMinutes * 60_000 }),
    store.bucket(CLIENT_DECISIONS_BUCKET),
  ]);
  return {
    audit,
    ledger: new OfficerLedger(decisions, audit),
    desk: new ReviewDesk({ referrals, queue, claims }),
    history: new ClientHistory(clientDecisions),
    ...(options.observe ? { observe: options.observe } : {}),
  };
}
