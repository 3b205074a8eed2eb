import fp from 'fastify-plugin';
import {
  APPLICATIONS_FILE,
  BATCH_OBJECTS,
  BATCH_RETENTION_DAYS,
  MAX_BATCH_BYTES,
  batchFileObject,
  type BatchFile,
} from '@octroi/contracts';
import { envInt, type ObjectBucket, type Runtime } from '@octroi/runtime';

declare module 'fastify' {
  interface FastifyInstance {
    /** Stores an uploaded file of applications under its job, for the scoring replicas to read. */
    storeBatchFile(jobId: string, bytes: AsyncIterable<Uint8Array>): Promise<BatchFile>;
  }
}

/** The upload went over MAX_BATCH_BYTES: nothing of it is kept. */
export class BatchTooLarge extends Error {}

async function* atMost(bytes: AsyncIterable<Uint8Array>, limit: number) {
  let seen = 0;
  for await (const piece of bytes) {
    seen += piece.length;
    if (seen > limit) throw new BatchTooLarge(`A batch file holds at most ${limit} bytes: send it in parts`);
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
    app.decorate('storeBatchFile', async (jobId: string, bytes: AsyncIterable<Uint8Array>) => {
      const stored = await (
        await objects()
      ).put(batchFileObject(jobId, APPLICATIONS_FILE), atMost(bytes, MAX_BATCH_BYTES));
      return { name: APPLICATIONS_FILE, bytes: stored };
    });
  },
  { name: 'batch-uploads' },
);
