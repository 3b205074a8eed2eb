import type { BatchJob } from '../core/api-types';

/** The content type the gateway reads a file as, from its name: CSV, or JSON lines. */
export function batchContentType(fileName: string): 'text/csv' | 'application/x-ndjson' | undefined {
  const name = fileName.toLowerCase();
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'application/x-ndjson';
  return undefined;
}

/** Share of the job's rows done (0–1); unknown while the file has not been read through, except when done. */
export function shareDone(job: BatchJob): number | null {
  if (job.state === 'done') return 1;
  return job.rows.total ? job.rows.done / job.rows.total : null;
}

/** A job still moves: the page asks again for its progress. */
export const isActive = (job: BatchJob) => job.state === 'queued' || job.state === 'running';

/** Seconds as "1 h 05 min", "3 min 20 s" or "12 s". */
export function duration(seconds: number): string {
  const s = Math.round(seconds);
  if (s >= 3600) return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
  if (s >= 60) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${s} s`;
}
