/**
 * Where officer decisions are kept: the `officer-decisions` bucket of the durable store (JetStream KV on NATS,
 * fsynced files embedded), shared by every scoring replica, and the audit log. Append-only: a decision takes the
 * key `<model decision id>.<sequence>` with create-if-absent, is appended to the audit log, and its key is then
 * marked recorded (`recordOnce`); nothing is ever updated or removed. Two officers deciding the same case at once
 * cannot both take the same place in its history: the second gets a conflict.
 */
import {
  OctroiError,
  decisionIds,
  storeKey,
  type AuditRecord,
  type ModelAuditRecord,
  type Officer,
  type OfficerDecision,
  type OfficerDecisionRequest,
} from '@octroi/contracts';
import type { AuditLog, KeyValueBucket } from '@octroi/runtime';
import { fingerprintOf } from '../decisions.ts';
import { recordOnce, type Claim } from '../record-once.ts';
import { officerDecisionOf, officerRecord } from './officer-decision.ts';

export const OFFICER_DECISIONS_BUCKET = 'officer-decisions';

/** The scoring instance recording, as `recordOnce` needs it to take over a claim whose owner died. */
export interface Recorder {
  requestId: string;
  owner: string;
  ownerRunning: (owner: string) => Promise<boolean>;
}

const sequenceOf = (key: string) => Number(key.slice(key.lastIndexOf('.') + 1));

export class OfficerLedger {
  constructor(
    private readonly bucket: KeyValueBucket,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Records an officer's decision on a model decision. The same request sent again (same officer, body and
   * sequence) answers the decision recorded the first time. `fresh` is false for such a replay.
   * @throws conflict when another officer took that place a moment before.
   */
  async record(
    request: OfficerDecisionRequest,
    model: ModelAuditRecord,
    officer: Officer,
    recorder: Recorder,
    now = new Date(),
  ): Promise<{ decision: OfficerDecision; fresh: boolean }> {
    const { nextSequence } = await this.forDecision(model.decisionId);
    const sequence = request.sequence ?? nextSequence;
    if (sequence > nextSequence)
      throw OctroiError.badRequest(
        `sequence: the next officer decision on this application is number ${nextSequence}`,
        'sequence',
      );
    const [id] = decisionIds(1, now.getTime());
    const taking = { decisionId: id!, sequence, time: now, requestId: recorder.requestId };
    const record = officerRecord(request, model, officer, taking);
    const { decision, reasonCode, justification } = record;
    const asked = { decision, reasonCode, justification, officer: officer.username };
    try {
      const stored = await recordOnce<OfficerDecision>({
        bucket: this.bucket,
        key: storeKey(model.decisionId, sequence),
        fingerprint: fingerprintOf(`officer-decision ${model.decisionId} ${sequence}`, asked),
        decisions: [record],
        audit: this.audit,
        replyOf: ([stored]) => this.decisionOf(stored!, model),
        keepReply: true,
        describe: `Officer decision ${sequence} on decision ${model.decisionId}`,
        owner: recorder.owner,
        ownerRunning: recorder.ownerRunning,
      });
      return { decision: stored, fresh: stored.officerDecisionId === id };
    } catch (err) {
      if (err instanceof OctroiError && err.code === 'conflict')
        throw new OctroiError(
          'conflict',
          'Another officer decision on this application was recorded a moment ago: reload it to see it before deciding',
          'sequence',
        );
      throw err;
    }
  }

  /** The officer decisions on one model decision, oldest first, and the place the next one takes. */
  async forDecision(decisionId: string): Promise<{ decisions: OfficerDecision[]; nextSequence: number }> {
    const keys = await this.bucket.keys(`${storeKey(decisionId)}.`);
    const decisions = await this.settled(keys);
    const taken = keys.reduce((last, key) => Math.max(last, sequenceOf(key)), 0);
    return { decisions: decisions.sort((a, b) => a.sequence - b.sequence), nextSequence: taken + 1 };
  }

  /** Every officer decision, in no order (for the overrides report). */
  async all(): Promise<OfficerDecision[]> {
    return this.settled(await this.bucket.keys());
  }

  /** The recorded decisions under these keys; a place taken by a request that never reached the audit log holds none. */
  private async settled(keys: string[]): Promise<OfficerDecision[]> {
    const found = await Promise.all(
      keys.map(async (key) => {
        const claim = (await this.bucket.get<Claim<OfficerDecision>>(key))?.value;
        if (!claim) return undefined;
        if (claim.state === 'recorded' && claim.reply) return claim.reply;
        // Left deciding by a replica that stopped between the audit log and the store: the audit log says.
        const record = await this.audit.get(claim.firstDecisionId);
        if (record?.kind !== 'officer') return undefined;
        const model = await this.audit.get(record.modelDecisionId);
        return model?.kind === 'model' ? this.decisionOf(record, model) : undefined;
      }),
    );
    return found.filter((decision) => decision !== undefined);
  }

  private decisionOf(record: AuditRecord, model: ModelAuditRecord): OfficerDecision {
    if (record.kind !== 'officer') throw new Error(`Decision ${record.decisionId} is not an officer's`);
    return officerDecisionOf(record, model);
  }
}
