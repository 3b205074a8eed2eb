import { OctroiError, endpoints, type BatchJob } from '@octroi/contracts';
import type { Handler, WorkQueue } from '@octroi/runtime';
import type { BatchStore } from './batch-store.ts';
import { jobStatus, type JobRecord } from './job-progress.ts';
import type { ReadFileWork } from './work.ts';

type BatchEndpoints = Pick<typeof endpoints.scoring, 'submitBatch' | 'getBatch' | 'listBatches' | 'batchResults'>;
export type BatchHandlers = { [K in keyof BatchEndpoints]: Handler<BatchEndpoints[K]> };

/** A page of results stays well under the bus's message limit. */
const PAGE_BYTES = 256 * 1024;

/**
 * The batch endpoints of the scoring service: start a job whose files the gateway has stored, show jobs, page
 * through results. A job is shown only to who submitted it, and to administrators.
 */
export function batchHandlers(store: BatchStore, reads: WorkQueue<ReadFileWork>): BatchHandlers {
  const statusOf = async (job: JobRecord): Promise<BatchJob> =>
    jobStatus(job, await store.reading(job.id), await store.scoring(job.id));

  const visibleJob = async (jobId: string, asker: { principal: string; seesEveryJob: boolean }) => {
    const job = await store.job(jobId);
    if (!job || (job.submittedBy !== asker.principal && !asker.seesEveryJob))
      throw OctroiError.notFound(`No batch job ${jobId}`, 'id');
    return job;
  };

  return {
    submitBatch: async ({ jobId, submittedBy, format, files }) => {
      // Sent again (the gateway retried), the same job is found and queued once.
      const job = await store.createJob({ id: jobId, submittedBy, createdAt: new Date().toISOString(), format, files });
      await reads.add({ jobId }, jobId);
      return statusOf(job);
    },
    getBatch: async ({ jobId, ...asker }) => statusOf(await visibleJob(jobId, asker)),
    listBatches: async ({ principal, seesEveryJob, limit }) => {
      const jobs = (await store.jobs())
        .filter((job) => seesEveryJob || job.submittedBy === principal)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .slice(0, limit);
      return { jobs: await Promise.all(jobs.map(statusOf)) };
    },
    batchResults: async ({ jobId, fromChunk, ...asker }) => {
      const status = await statusOf(await visibleJob(jobId, asker));
      const chunks = (await store.reading(jobId))?.chunksQueued ?? 0;
      if (status.state !== 'done')
        throw new OctroiError(
          'conflict',
          `Batch job ${jobId} is ${status.state}: its results can be downloaded once it is done (${status.rows.done} rows done)`,
        );
      let csv = '';
      let chunk = fromChunk;
      for (; chunk < chunks && (csv.length === 0 || csv.length < PAGE_BYTES); chunk++) {
        const results = await store.results(jobId, chunk);
        if (results === undefined)
          throw new OctroiError('internal', `The results of chunk ${chunk} of job ${jobId} are missing`);
        csv += results;
      }
      return { csv, nextChunk: chunk < chunks ? chunk : null };
    },
  };
}
