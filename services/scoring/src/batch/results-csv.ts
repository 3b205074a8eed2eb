import { stringify } from 'csv-stringify/sync';
import type { Decision } from '@octroi/contracts';
import type { ChunkRow } from './chunk-applications.ts';

/** What the audit log holds of a scored row's decision, as the results show it. */
export interface RowDecision {
  decisionId: string;
  probabilityOfDefault: number;
  decision: Decision;
}

/** A chunk's counts, added to its job's progress once its results are stored. */
export interface ChunkCounts {
  rows: number;
  failed: number;
  granted: number;
  refused: number;
  referred: number;
}

/**
 * A chunk's results as CSV lines (BATCH_RESULT_COLUMNS, no header), in file order: a scored row with its decision
 * (`decisions` in the order of the scored rows), a failed row with its reasons.
 */
export function chunkResults(rows: readonly ChunkRow[], decisions: readonly RowDecision[]) {
  const counts: ChunkCounts = { rows: rows.length, failed: 0, granted: 0, refused: 0, referred: 0 };
  let next = 0;
  const lines = rows.map(({ row, id, error }) => {
    if (error !== undefined) {
      counts.failed++;
      return [row, id, '', '', '', error];
    }
    const decided = decisions[next++];
    if (!decided) throw new Error(`No decision for row ${row}: ${decisions.length} decisions for the chunk`);
    counts[decided.decision]++;
    return [row, id, decided.probabilityOfDefault, decided.decision, decided.decisionId, ''];
  });
  if (next !== decisions.length) throw new Error(`${decisions.length} decisions for ${next} scored rows`);
  return { csv: stringify(lines), counts };
}
