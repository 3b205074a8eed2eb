import { batchFileObject, storeKey, type BatchFileName } from '@octroi/contracts';
import { OctroiError, objectText, type KeyValueBucket, type ObjectBucket } from '@octroi/runtime';
import {
  isChunkDone,
  noScoringYet,
  withChunkDone,
  type JobRecord,
  type ReadingRecord,
  type ScoringRecord,
} from './job-progress.ts';
import type { ChunkCounts } from './results-csv.ts';

/**
 * Where batch jobs live, shared by every gateway and scoring replica: the uploaded files and each chunk's results
 * in an object bucket (`<job>/<file>`, `<job>/results/<chunk>`); the job, how far its file was read and what was
 * scored in a key-value bucket (`job.<id>`, `reading.<id>`, `scoring.<id>`). Results are written under their job and
 * chunk number, so a chunk scored twice is stored once; its counts go into the job's progress once.
 */
export class BatchStore {
  constructor(
    private readonly objects: ObjectBucket,
    private readonly records: KeyValueBucket,
  ) {}

  private static resultsName = (jobId: string, chunk: number) => `${jobId}/results/${chunk}`;

  async createJob(job: JobRecord): Promise<JobRecord> {
    return (await this.records.create(storeKey('job', job.id), job)).entry.value;
  }

  async job(jobId: string): Promise<JobRecord | undefined> {
    return (await this.records.get<JobRecord>(storeKey('job', jobId)))?.value;
  }

  async jobs(): Promise<JobRecord[]> {
    const keys = await this.records.keys('job.');
    const found = await Promise.all(keys.map((key) => this.records.get<JobRecord>(key)));
    return found.flatMap((entry) => (entry ? [entry.value] : []));
  }

  async reading(jobId: string): Promise<ReadingRecord | undefined> {
    return (await this.records.get<ReadingRecord>(storeKey('reading', jobId)))?.value;
  }

  /** Only the replica reading the file writes this. */
  async saveReading(jobId: string, reading: ReadingRecord) {
    await this.records.put(storeKey('reading', jobId), reading);
  }

  async scoring(jobId: string): Promise<ScoringRecord | undefined> {
    return (await this.records.get<ScoringRecord>(storeKey('scoring', jobId)))?.value;
  }

  async openFile(jobId: string, file: BatchFileName): Promise<AsyncIterable<Uint8Array>> {
    const bytes = await this.objects.get(batchFileObject(jobId, file));
    if (!bytes) throw OctroiError.notFound(`The file ${file} of batch job ${jobId} is no longer kept`);
    return bytes;
  }

  async saveResults(jobId: string, chunk: number, csv: string) {
    await this.objects.put(BatchStore.resultsName(jobId, chunk), [Buffer.from(csv)]);
  }

  async results(jobId: string, chunk: number): Promise<string | undefined> {
    const bytes = await this.objects.get(BatchStore.resultsName(jobId, chunk));
    return bytes && objectText(bytes);
  }

  /** Adds a chunk's counts to its job's progress, once: replicas counting at the same moment retry on a conflict. */
  async countChunk(jobId: string, chunk: number, counts: ChunkCounts) {
    const key = storeKey('scoring', jobId);
    for (;;) {
      const entry = await this.records.get<ScoringRecord>(key);
      const next = withChunkDone(entry?.value ?? noScoringYet(), chunk, counts);
      if (!next) return;
      if (entry ? await this.records.update(key, next, entry.revision) : (await this.records.create(key, next)).created)
        return;
    }
  }

  /** Whether a chunk's results are stored and counted already (it was scored before its message was acknowledged). */
  async counted(jobId: string, chunk: number): Promise<boolean> {
    const scoring = await this.scoring(jobId);
    return scoring !== undefined && isChunkDone(scoring, chunk);
  }
}
