import type { BatchFormat } from '@octroi/contracts';

/** Read a job's file and queue its applications in chunks (one scoring replica does it for the whole file). */
export interface ReadFileWork {
  jobId: string;
}

/**
 * Applications of one job to score, as the file wrote them: the records' text, not parsed (the replica that scores
 * them parses them). History aggregates computed from the job's history files travel with them.
 */
export interface ChunkWork {
  jobId: string;
  /** The chunk's number in its job, from 0: results are stored under it, so a chunk scored twice is stored once. */
  chunk: number;
  /** The row number (in the file, from 1, header excluded) of the first record. */
  firstRow: number;
  format: BatchFormat;
  /** The CSV header line (CSV only). */
  header?: string;
  records: string[];
  /** Who submitted the job: every decision of the job is theirs in the audit log. */
  submittedBy: string;
  history?: ChunkHistory;
}

/**
 * The history aggregates of a chunk's records, computed from the job's history files by the replica that read it:
 * float32, record after record, in the order of `features` (named, so that a replica serving another model version
 * finds its own).
 */
export interface ChunkHistory {
  features: string[];
  values: string;
  /** By record index, what is wrong with the applicant's history rows (absent: nothing). */
  problems: Record<number, string>;
}

/** The chunk's work-queue id: the queue keeps a chunk queued twice (a reader that restarted) once. */
export const chunkWorkId = (jobId: string, chunk: number) => `${jobId}.${chunk}`;
