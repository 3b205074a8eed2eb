/**
 * Every decision of record of a known client, for the history an officer reads: the `client-decisions` bucket,
 * keyed `<client>.<decision id>`, written (create-if-absent) when a decision of record is recorded. Decision ids
 * are time-ordered, so a client's keys list their decisions in the order they were made.
 */
import { storeKey, type ModelAuditRecord, type ModelDecisionSummary } from '@octroi/contracts';
import type { KeyValueBucket } from '@octroi/runtime';

export const CLIENT_DECISIONS_BUCKET = 'client-decisions';

export const summaryOf = (record: ModelAuditRecord): ModelDecisionSummary => ({
  decisionId: record.decisionId,
  time: record.time,
  modelVersion: record.modelVersion,
  probabilityOfDefault: record.probabilityOfDefault,
  threshold: record.threshold,
  decision: record.decision,
});

export class ClientHistory {
  constructor(private readonly bucket: KeyValueBucket) {}

  /** Adds known clients' decisions of record; done again for the same ones, nothing changes. */
  async add(records: readonly ModelAuditRecord[]): Promise<void> {
    await Promise.all(
      records.flatMap((record) =>
        record.clientId === undefined
          ? []
          : [this.bucket.create(storeKey(record.clientId, record.decisionId), summaryOf(record))],
      ),
    );
  }

  /** The client's decisions of record, the newest first. */
  async of(clientId: number): Promise<ModelDecisionSummary[]> {
    const keys = (await this.bucket.keys(`${storeKey(clientId)}.`)).sort().reverse();
    const entries = await Promise.all(keys.map((key) => this.bucket.get<ModelDecisionSummary>(key)));
    return entries.flatMap((entry) => (entry ? [entry.value] : []));
  }
}
