import { createHash, hash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';
import {
  decisionIds,
  isModelRecord,
  type AuditRecord,
  type ModelAuditRecord,
  type ModelDecisionRecord,
  type Score,
} from '@octroi/contracts';
import type { ModelScore } from './credit-scorer.ts';

/** Who asked for the decisions and why: what the audit log keeps besides the scores. */
export interface Asker {
  requestId: string;
  principal: string;
  clientId?: number;
}

/** SHA-256 of one feature row exactly as the model read it (float32, little-endian). */
export function featuresDigest(row: Float32Array): string {
  return hash('sha256', new Uint8Array(row.buffer, row.byteOffset, row.byteLength));
}

/**
 * The decisions of one request, ready for the audit log: fresh server-made ids (one request key for the lot),
 * the scores, who asked, and a digest of each feature row the model scored.
 */
export function decisionsOf(
  scores: ModelScore[],
  matrix: Float32Array,
  asker: Asker,
  now = new Date(),
): ModelDecisionRecord[] {
  const width = matrix.length / scores.length;
  const ids = decisionIds(scores.length, now.getTime());
  const time = now.toISOString();
  return scores.map((score, index) => ({
    kind: 'model',
    decisionId: ids[index]!,
    requestId: asker.requestId,
    time,
    principal: asker.principal,
    ...(asker.clientId !== undefined ? { clientId: asker.clientId } : {}),
    featuresDigest: featuresDigest(matrix.subarray(index * width, (index + 1) * width)),
    modelVersion: score.modelVersion,
    probabilityOfDefault: score.probabilityOfDefault,
    threshold: score.threshold,
    decision: score.decision,
  }));
}

/** The model's decisions of a request read back from the audit log (a model request holds nothing else). */
export function modelRecords(records: AuditRecord[]): ModelAuditRecord[] {
  if (!records.every((record): record is ModelAuditRecord => isModelRecord(record)))
    throw new Error(`Request ${records[0]?.decisionId} holds no model decisions`);
  return records;
}

/** The answer to a caller, from a recorded decision. */
export const scoreOf = (record: ModelAuditRecord): Score => ({
  probabilityOfDefault: record.probabilityOfDefault,
  decision: record.decision,
  threshold: record.threshold,
  modelVersion: record.modelVersion,
  ...(record.clientId !== undefined ? { clientId: record.clientId } : {}),
  decisionId: record.decisionId,
});

/** What an Idempotency-Key is bound to: the endpoint and the request, keys sorted at every depth. */
export const fingerprintOf = (subject: string, payload: unknown) =>
  createHash('sha256')
    .update(subject)
    .update('\n')
    .update(stringify(payload) ?? '')
    .digest('hex');
