import { storeKey, type DecisionRecord, type ModelAuditRecord } from '@octroi/contracts';
import type { AuditLog, KeyValueBucket } from '@octroi/runtime';
import { decisionsOf, modelRecords } from '../decisions.ts';
import { recordOnce } from '../record-once.ts';
import type { ScoringModel } from '../scoring-models.ts';
import type { BatchStore } from './batch-store.ts';
import { readChunk, type ChunkRow } from './chunk-applications.ts';
import { chunkResults, type RowDecision } from './results-csv.ts';
import type { ChunkWork } from './work.ts';

export interface ChunkScorerDeps {
  /** The model that scores a chunk: the champion when the chunk is taken. */
  model: () => ScoringModel;
  store: BatchStore;
  audit: AuditLog;
  /** One claim per chunk: whichever replica wins it records the chunk's decisions, once. */
  claims: KeyValueBucket;
  /** This replica, and how to tell whether the replica holding a claim still runs. */
  owner: () => string;
  ownerRunning(owner: string): Promise<boolean>;
}

const rowDecisionOf = ({ decisionId, probabilityOfDefault, decision }: ModelAuditRecord): RowDecision => ({
  decisionId,
  probabilityOfDefault,
  decision,
});

/** An applicant's id as the audit log keeps it: SK_ID_CURR when the file gives a valid one. */
function clientIdOf(row: ChunkRow): number | undefined {
  const id = Number(row.id);
  return row.id !== '' && Number.isInteger(id) && id >= 1 && id <= 2_147_483_647 ? id : undefined;
}

/**
 * Scores one chunk and stores its results, ready for its message to be acknowledged. The chunk's decisions are one
 * audit entry, recorded once whatever the number of replicas that score the chunk (a replica killed before
 * acknowledging it, a redelivery): the first to claim the chunk records them, the others find them in the audit log.
 * The results are built from the recorded decisions, so every copy written is the same.
 */
export async function scoreChunk(work: ChunkWork, deps: ChunkScorerDeps): Promise<void> {
  const { store } = deps;
  if ((await store.reading(work.jobId))?.problem || (await store.counted(work.jobId, work.chunk))) return;
  const { scorer, live } = deps.model();
  const read = readChunk(scorer.spec, work, scorer.featureCount);
  let decisions: RowDecision[] = [];
  if (read.scored.length > 0) {
    const scores = await scorer.scoreMatrix(read.matrix, read.scored.length);
    const asker = { requestId: `batch-${work.jobId}-${work.chunk}`, principal: work.submittedBy };
    const made: DecisionRecord[] = decisionsOf(scores, read.matrix, asker).map((decision, index) => {
      const clientId = clientIdOf(read.rows[read.scored[index]!]!);
      return clientId === undefined ? decision : { ...decision, clientId };
    });
    const key = storeKey(work.jobId, work.chunk);
    decisions = await recordOnce({
      bucket: deps.claims,
      key,
      fingerprint: key,
      decisions: made,
      audit: deps.audit,
      replyOf: (records) => modelRecords(records).map(rowDecisionOf),
      describe: `Chunk ${work.chunk} of batch job ${work.jobId}`,
      owner: deps.owner(),
      ownerRunning: (owner) => deps.ownerRunning(owner),
    });
    // The monitoring counts the decisions made here, not those of an earlier attempt found in the audit log.
    if (decisions[0]?.decisionId === made[0]!.decisionId) live.applications(read.matrix, read.applications, scores);
  }
  const { csv, counts } = chunkResults(read.rows, decisions);
  await store.saveResults(work.jobId, work.chunk, csv);
  await store.countChunk(work.jobId, work.chunk, counts);
}
