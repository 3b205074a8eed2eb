/**
 * Batch jobs: a file of applications (a portfolio to score again, a day's applications from another system) scored
 * in the background by the scoring replicas, each decision audited, the results downloaded as CSV.
 *
 * The gateway keeps the uploaded files in the batch store (they are far larger than a message), then asks the
 * scoring service to start the job. A scoring replica reads the file and puts it on the batch work queue in chunks;
 * every replica takes chunks from the queue, scores them and stores each chunk's results under its job and number,
 * so a chunk scored twice (its replica died before acknowledging it) is stored once.
 */
import { Type, type Static } from '@sinclair/typebox';
import { endpoint } from './envelope.ts';
import { HISTORY_TABLES, type HistoryTableName } from './intake/rules.ts';

/** A job holds at most this many applications; a longer file fails its job, saying so. */
export const MAX_BATCH_ROWS = 1_000_000;
/** The uploaded files of one job together, at most (a million Home Credit rows in JSON lines, with room). */
export const MAX_BATCH_BYTES = 3 * 1024 ** 3;

/** How the applications are written: CSV with a header line (Home Credit's own files), or one JSON object a line. */
export const BatchFormat = Type.Union([Type.Literal('csv'), Type.Literal('jsonl')]);
export type BatchFormat = Static<typeof BatchFormat>;

/** The file of applications, then optional history tables (CSV, Home Credit's secondary-table columns). */
export const APPLICATIONS_FILE = 'applications';
export type BatchFileName = typeof APPLICATIONS_FILE | HistoryTableName;
export const isBatchFileName = (name: string): name is BatchFileName =>
  name === APPLICATIONS_FILE || (HISTORY_TABLES as readonly string[]).includes(name);

/**
 * The object bucket of batch jobs, shared by the gateway (it stores the uploaded files) and the scoring replicas
 * (they read them, and store each chunk's results beside them): `<job>/<file>`, `<job>/results/<chunk>`.
 */
export const BATCH_OBJECTS = 'batches';
export const batchFileObject = (jobId: string, file: BatchFileName) => `${jobId}/${file}`;
/** A job's files, records and results are kept this many days (BATCH_RETENTION_DAYS), then dropped. */
export const BATCH_RETENTION_DAYS = 7;

export const BatchJobId = Type.String({
  pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
  description: 'Identifier of a batch job, made by the server when the file is received',
});

export const BatchFile = Type.Object({
  name: Type.String({ description: `"${APPLICATIONS_FILE}", or the history table the file holds` }),
  bytes: Type.Integer({ minimum: 0 }),
});
export type BatchFile = Static<typeof BatchFile>;

const Count = Type.Integer({ minimum: 0 });

export const BatchProgressPoint = Type.Object({
  seconds: Type.Number({ minimum: 0, description: 'Seconds since the job started' }),
  rows: Count,
});

export const BatchJob = Type.Object({
  id: BatchJobId,
  state: Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')], {
    description:
      'queued: waiting for a scoring replica; running: being read and scored; done: every row has its result',
  }),
  submittedBy: Type.String({ description: 'The API key name or the user who sent the file' }),
  createdAt: Type.String({ format: 'date-time' }),
  startedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  format: BatchFormat,
  files: Type.Array(BatchFile),
  rows: Type.Object({
    total: Type.Union([Count, Type.Null()], { description: 'Rows in the file; null until it has been read through' }),
    read: Type.Integer({ minimum: 0, description: 'Rows read from the file and queued so far' }),
    done: Type.Integer({ minimum: 0, description: 'Rows with their result: scored or failed' }),
    scored: Count,
    failed: Type.Integer({ minimum: 0, description: 'Rows that broke an intake rule: their results say why' }),
  }),
  decisions: Type.Object({ granted: Count, refused: Count, referred: Count }),
  rowsPerSecond: Type.Union([Type.Number({ minimum: 0 }), Type.Null()], {
    description: 'Rows done per second since the job started',
  }),
  etaSeconds: Type.Union([Type.Number({ minimum: 0 }), Type.Null()], {
    description: 'Seconds until every row is done at the current rate; null when unknown',
  }),
  progress: Type.Array(BatchProgressPoint, { description: 'Rows done over time, for a chart' }),
  problem: Type.Optional(Type.String({ description: 'Why the job failed' })),
});
export type BatchJob = Static<typeof BatchJob>;

export const BatchJobList = Type.Object({ jobs: Type.Array(BatchJob) });

/** The columns of a job's results, in this order; a row that cannot be scored has ERROR and no decision. */
export const BATCH_RESULT_COLUMNS = [
  'ROW',
  'SK_ID_CURR',
  'PROBABILITY_OF_DEFAULT',
  'DECISION',
  'DECISION_ID',
  'ERROR',
] as const;

/** Who asks about a job: only who submitted it sees it, and an administrator sees every job. */
const Asker = {
  principal: Type.String({ minLength: 1 }),
  seesEveryJob: Type.Boolean(),
};

export const SubmitBatchRequest = Type.Object({
  jobId: BatchJobId,
  submittedBy: Type.String({ minLength: 1 }),
  format: BatchFormat,
  files: Type.Array(BatchFile, { minItems: 1 }),
});
export const GetBatchRequest = Type.Object({ jobId: BatchJobId, ...Asker });
export const ListBatchesRequest = Type.Object({ ...Asker, limit: Type.Integer({ minimum: 1, maximum: 200 }) });
export const BatchResultsRequest = Type.Object({
  jobId: BatchJobId,
  ...Asker,
  fromChunk: Type.Integer({ minimum: 0 }),
});
export const BatchResultsPage = Type.Object({
  /** CSV lines (no header), chunk after chunk from `fromChunk`, in the file's order. */
  csv: Type.String(),
  /** Where the next page starts; null once the last chunk has been sent. */
  nextChunk: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
});

/** The scoring service's endpoints for batch jobs (part of `endpoints.scoring`). */
export const batchEndpoints = {
  submitBatch: endpoint('scoring', 'batch-submit', SubmitBatchRequest, BatchJob),
  getBatch: endpoint('scoring', 'batch-get', GetBatchRequest, BatchJob),
  listBatches: endpoint('scoring', 'batch-list', ListBatchesRequest, BatchJobList),
  batchResults: endpoint('scoring', 'batch-results', BatchResultsRequest, BatchResultsPage),
} as const;

/**
 * The batch work queue: a JetStream work-queue stream (`octroi.v1.batch.work.<kind>`), each message taken by one
 * scoring replica. `read` asks for a job's file to be read and queued in chunks; `chunk` carries applications.
 */
export const BATCH_WORK_STREAM = 'OCTROI_BATCH_WORK';
export const BATCH_WORK_SUBJECT_PREFIX = 'octroi.v1.batch.work';
