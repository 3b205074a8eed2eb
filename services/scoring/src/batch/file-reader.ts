import { APPLICATIONS_FILE, MAX_BATCH_ROWS, fileRecords } from '@octroi/contracts';
import type { FeatureSpec } from '@octroi/model-bundle';
import type { Logger, WorkQueue } from '@octroi/runtime';
import type { BatchStore } from './batch-store.ts';
import { CHUNK_BYTES, CHUNK_ROWS, Chunker, type RecordGroup } from './chunker.ts';
import { jobHistory } from './job-history.ts';
import { isChunkDone, noScoringYet, type JobRecord, type ReadingRecord } from './job-progress.ts';
import { chunkWorkId, type ChunkWork } from './work.ts';

/** The reader writes how far it went at most this often, for the job's progress. */
const REPORT_EVERY_MS = 1000;
/** Chunks queued ahead of the scorers at most: the queue holds a few megabytes of a job, not the whole file. */
const CHUNKS_AHEAD = 64;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface FileReaderDeps {
  store: BatchStore;
  chunks: WorkQueue<ChunkWork>;
  log: Logger;
  /** The specification of the model served now: which history aggregates the job's history files give. */
  spec: () => FeatureSpec;
}

/**
 * Reads a job's file of applications and queues it in chunks for the scoring replicas. Read again (its replica died
 * mid-way, or embedded mode restarted), it queues again every chunk not yet counted: the queue drops a chunk queued
 * twice within minutes, and a chunk scored twice is stored and counted once. When history files came with the job,
 * their aggregates are computed first, and each chunk carries those of its records.
 */
export async function readJobFile(
  job: JobRecord,
  { store, chunks, log, spec }: FileReaderDeps,
  stopping?: AbortSignal,
): Promise<void> {
  const before = await store.reading(job.id);
  if (before?.problem) return;
  const scoring = (await store.scoring(job.id)) ?? noScoringYet();
  const reading: ReadingRecord = {
    startedAt: before?.startedAt ?? Date.now(),
    rowsRead: 0,
    chunksQueued: 0,
    complete: false,
  };
  await store.saveReading(job.id, { ...(before ?? reading), startedAt: reading.startedAt });
  const history = await jobHistory(job, store, spec(), log);
  const chunker = new Chunker({ rows: CHUNK_ROWS, bytes: CHUNK_BYTES, extraBytesPerRow: history?.bytesPerRecord ?? 0 });
  let header: string | undefined;
  let reportedAt = 0;

  const queue = async (group: RecordGroup) => {
    stopping?.throwIfAborted();
    reading.chunksQueued = group.chunk + 1;
    if (!isChunkDone(scoring, group.chunk)) {
      if (group.chunk % 16 === 0) await waitForRoom(chunks);
      const work: ChunkWork = {
        jobId: job.id,
        chunk: group.chunk,
        firstRow: group.firstRow,
        format: job.format,
        ...(header !== undefined ? { header } : {}),
        records: group.records,
        submittedBy: job.submittedBy,
        ...(history ? { history: history.ofRecords(group.records) } : {}),
      };
      await chunks.add(work, chunkWorkId(job.id, group.chunk));
    }
    if (Date.now() - reportedAt >= REPORT_EVERY_MS) {
      reportedAt = Date.now();
      await store.saveReading(job.id, reading);
    }
  };

  for await (const record of fileRecords(await store.openFile(job.id, APPLICATIONS_FILE), job.format)) {
    if (record.row === 0) {
      header = record.text;
      continue;
    }
    if (record.row > MAX_BATCH_ROWS) {
      const problem = `The file holds more than ${MAX_BATCH_ROWS.toLocaleString('en')} applications: send it in parts`;
      await store.saveReading(job.id, { ...reading, problem });
      return;
    }
    reading.rowsRead = record.row;
    for (const group of chunker.add(record)) await queue(group);
  }
  const last = chunker.end();
  if (last) await queue(last);
  if (reading.rowsRead === 0) {
    await store.saveReading(job.id, { ...reading, problem: 'The file holds no application' });
    return;
  }
  await store.saveReading(job.id, { ...reading, complete: true });
  log.info({ jobId: job.id, rows: reading.rowsRead, chunks: reading.chunksQueued }, 'batch file read and queued');
}

async function waitForRoom(chunks: WorkQueue<ChunkWork>) {
  while ((await chunks.waiting()) > CHUNKS_AHEAD) await sleep(200);
}
