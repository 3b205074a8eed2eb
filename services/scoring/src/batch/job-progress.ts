import type { BatchFile, BatchFormat, BatchJob } from '@octroi/contracts';
import type { ChunkCounts } from './results-csv.ts';

/** A job as it was submitted; written once. */
export interface JobRecord {
  id: string;
  submittedBy: string;
  createdAt: string;
  format: BatchFormat;
  files: BatchFile[];
}

/** How far the reading of the file went; written only by the replica reading it. */
export interface ReadingRecord {
  startedAt: number;
  rowsRead: number;
  chunksQueued: number;
  /** Every row of the file is queued. */
  complete: boolean;
  /** Why the job cannot go on (the file is not what it should be). */
  problem?: string;
}

/** What the scoring replicas have stored; each chunk counted once, whatever the number of times it was scored. */
export interface ScoringRecord extends Omit<ChunkCounts, 'rows'> {
  rowsDone: number;
  chunksDone: number;
  /** One bit per chunk, set once its results are stored and counted (base64). */
  doneChunks: string;
  /** Rows done at moments (ms since the epoch), for the progress chart. */
  points: Array<[at: number, rows: number]>;
}

/** The progress chart keeps at most this many points (thinned as a job goes on), at least a second apart. */
const MAX_POINTS = 120;
const POINT_EVERY_MS = 1000;

export const noScoringYet = (): ScoringRecord => ({
  rowsDone: 0,
  chunksDone: 0,
  failed: 0,
  granted: 0,
  refused: 0,
  referred: 0,
  doneChunks: '',
  points: [],
});

/** Whether the chunk's results are counted in the progress. */
export function isChunkDone(progress: ScoringRecord, chunk: number): boolean {
  const bits = Buffer.from(progress.doneChunks, 'base64');
  return ((bits[chunk >> 3] ?? 0) & (1 << (chunk & 7))) !== 0;
}

/** The progress with one more chunk done; undefined when that chunk was already counted. */
export function withChunkDone(
  progress: ScoringRecord,
  chunk: number,
  counts: ChunkCounts,
  now = Date.now(),
): ScoringRecord | undefined {
  if (isChunkDone(progress, chunk)) return undefined;
  const bits = Buffer.from(progress.doneChunks, 'base64');
  const byte = chunk >> 3;
  const mask = 1 << (chunk & 7);
  const grown = Buffer.alloc(Math.max(bits.length, byte + 1));
  bits.copy(grown);
  grown[byte]! |= mask;
  const rowsDone = progress.rowsDone + counts.rows;
  return {
    rowsDone,
    chunksDone: progress.chunksDone + 1,
    failed: progress.failed + counts.failed,
    granted: progress.granted + counts.granted,
    refused: progress.refused + counts.refused,
    referred: progress.referred + counts.referred,
    doneChunks: grown.toString('base64'),
    points: withPoint(progress.points, [now, rowsDone]),
  };
}

function withPoint(points: ScoringRecord['points'], point: [number, number]): ScoringRecord['points'] {
  const last = points.at(-1);
  // Within a second of the last point, the last point moves on instead.
  const kept = last && point[0] - last[0] < POINT_EVERY_MS && points.length > 1 ? points.slice(0, -1) : points;
  const next = [...kept, point];
  if (next.length <= MAX_POINTS) return next;
  // Every other point goes, the first and the last stay: the chart keeps its shape over any duration.
  return next.filter((_, index) => index % 2 === 0 || index === next.length - 1);
}

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

/** What `GET /api/v1/batches/{id}` shows: counts, rate and time left, from the job's three records. */
export function jobStatus(
  job: JobRecord,
  reading: ReadingRecord | undefined,
  scoring: ScoringRecord = noScoringYet(),
  now = Date.now(),
): BatchJob {
  const total = reading?.complete ? reading.rowsRead : null;
  const done = reading?.complete === true && scoring.chunksDone >= reading.chunksQueued;
  const state = reading?.problem ? 'failed' : !reading ? 'queued' : done ? 'done' : 'running';
  const lastAt = scoring.points.at(-1)?.[0];
  const startedAt = reading?.startedAt;
  const seconds = startedAt === undefined ? 0 : Math.max(0, ((done ? (lastAt ?? now) : now) - startedAt) / 1000);
  const rate = scoring.rowsDone > 0 && seconds > 0 ? scoring.rowsDone / seconds : null;
  const left = total === null ? null : total - scoring.rowsDone;
  return {
    id: job.id,
    state,
    submittedBy: job.submittedBy,
    createdAt: job.createdAt,
    startedAt: iso(startedAt),
    finishedAt: done ? iso(lastAt ?? startedAt) : null,
    format: job.format,
    files: job.files,
    rows: {
      total,
      read: reading?.rowsRead ?? 0,
      done: scoring.rowsDone,
      scored: scoring.rowsDone - scoring.failed,
      failed: scoring.failed,
    },
    decisions: { granted: scoring.granted, refused: scoring.refused, referred: scoring.referred },
    rowsPerSecond: rate,
    etaSeconds: state === 'running' && left !== null && rate ? left / rate : done ? 0 : null,
    progress: [
      ...(startedAt !== undefined ? [{ seconds: 0, rows: 0 }] : []),
      ...scoring.points.map(([at, rows]) => ({ seconds: Math.max(0, (at - (startedAt ?? at)) / 1000), rows })),
    ],
    ...(reading?.problem ? { problem: reading.problem } : {}),
  };
}
