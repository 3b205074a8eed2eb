import { BATCH_OBJECTS, BATCH_RETENTION_DAYS, BATCH_WORK_STREAM, BATCH_WORK_SUBJECT_PREFIX } from '@octroi/contracts';
import { envInt, type Runtime, type WorkQueue } from '@octroi/runtime';
import { BatchStore } from './batch-store.ts';
import { scoreChunk, type ChunkScorerDeps } from './chunk-scorer.ts';
import { readJobFile } from './file-reader.ts';
import type { ChunkWork, ReadFileWork } from './work.ts';

/** Batch jobs' files, records and results are kept this long. */
export const batchRetentionMs = () => envInt('BATCH_RETENTION_DAYS', BATCH_RETENTION_DAYS) * 24 * 3600_000;

/** The batch store and the two work queues of batch jobs, opened from the runtime (JetStream, or embedded). */
export async function openBatchJobs(runtime: Runtime) {
  const ttlMs = batchRetentionMs();
  const store = new BatchStore(
    await runtime.objects(BATCH_OBJECTS, { ttlMs }),
    await (await runtime.store()).bucket('batch-jobs', { ttlMs }),
  );
  const queue = { stream: BATCH_WORK_STREAM, subjectPrefix: BATCH_WORK_SUBJECT_PREFIX };
  const reads = await runtime.workQueue<ReadFileWork>({ ...queue, queue: 'read' });
  const chunks = await runtime.workQueue<ChunkWork>({ ...queue, queue: 'chunk' });
  return { store, reads, chunks };
}

/**
 * Takes batch work from the queues: files to read (one at a time) and chunks to score (BATCH_CONCURRENCY at a time,
 * so that the next chunk is read while the last one is being recorded). In embedded mode the queues live in memory:
 * the jobs left unfinished by the last run are queued again.
 */
export async function startBatchWorkers(
  runtime: Runtime,
  { store, reads, chunks }: { store: BatchStore; reads: WorkQueue<ReadFileWork>; chunks: WorkQueue<ChunkWork> },
  deps: Omit<ChunkScorerDeps, 'store'>,
) {
  const log = runtime.log.child({ part: 'batch' });
  const reading = reads.consume(async ({ body, stopping }) => {
    const job = await store.job(body.jobId);
    if (job) await readJobFile(job, { store, chunks, log, spec: () => deps.model().scorer.spec }, stopping);
  });
  const scoring = chunks.consume(async ({ body }) => scoreChunk(body, { ...deps, store }), {
    concurrency: envInt('BATCH_CONCURRENCY', 2),
  });
  runtime.shutdown.add('stop taking batch work', async () => {
    await Promise.all([reading.stop(), scoring.stop()]);
  });
  if (runtime.bus.kind === 'memory') {
    for (const job of await store.jobs()) {
      const [read, scored] = [await store.reading(job.id), await store.scoring(job.id)];
      const finished = read?.problem || (read?.complete && (scored?.chunksDone ?? 0) >= read.chunksQueued);
      if (!finished) await reads.add({ jobId: job.id }, `resume-${job.id}`);
    }
  }
}
