import fp from 'fastify-plugin';
import {
  BATCH_OBJECTS,
  BATCH_RETENTION_DAYS,
  MAX_BATCH_BYTES,
  batchFileObject,
  type BatchFile,
  type BatchFileName,
} from '@octroi/contracts';
import { envInt, type ObjectBucket, type Runtime } from '@octroi/runtime';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Stores an uploaded file under its job, for the scoring replicas to read; BatchTooLarge past `limit` bytes
     * (what is left of the job's MAX_BATCH_BYTES).
     */
    storeBatchFile(
      jobId: string,
      name: BatchFileName,
      bytes: AsyncIterable<Uint8Array>,
      limit: number,
    ): Promise<BatchFile>;
    /** Drops the files stored for a job that was refused. */
    dropBatchFiles(jobId: string, files: readonly BatchFile[]): Promise<void>;
  }
}

/** The upload went over MAX_BATCH_BYTES: nothing of it is kept. */
export class BatchTooLarge extends Error {}

async function* atMost(bytes: AsyncIterable<Uint8Array>, limit: number) {
  let seen = 0;
  for await (const piece of bytes) {
    seen += piece.length;
    if (seen > limit)
      throw new BatchTooLarge(
        `The files of a batch job hold at most ${MAX_BATCH_BYTES} bytes together: send them in parts`,
      );
    yield piece;
  }
}

/**
 * Where the gateway puts uploaded batch files: the batch jobs' object bucket (JetStream object store, or a folder in
 * embedded mode), opened on the first upload so that a gateway that never takes one needs no object store.
 */
export default fp<{ runtime: Pick<Runtime, 'objects'> }>(
  async (app, { runtime }) => {
    let bucket: Promise<ObjectBucket> | undefined;
    const objects = () =>
      (bucket ??= runtime
        .objects(BATCH_OBJECTS, { ttlMs: envInt('BATCH_RETENTION_DAYS', BATCH_RETENTION_DAYS) * 24 * 3600_000 })
        .catch((err: unknown) => {
          bucket = undefined;
          throw err;
        }));
    app.decorate(
      'storeBatchFile',
      async (jobId: string, name: BatchFileName, bytes: AsyncIterable<Uint8Array>, limit: number) => {
        const stored = await (await objects()).put(batchFileObject(jobId, name), atMost(bytes, limit));
        return { name, bytes: stored };
      },
    );
    app.decorate('dropBatchFiles', async (jobId: string, files: readonly BatchFile[]) => {
      const bucket = await objects();
      await Promise.all(files.map((file) => bucket.delete(batchFileObject(jobId, file.name as BatchFileName))));
    });
  },
  { name: 'batch-uploads' },
);
