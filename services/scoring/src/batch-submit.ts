/**
 * `npm run score -- --url <Octroi> --input <file> --output <results.csv>`: the file goes to a running Octroi as a
 * batch job (POST /api/v1/batches), with the history tables lying beside it (bureau.csv, ...) as in local scoring;
 * its progress is shown until it is done, and its results are written as they download. The API key is read from
 * OCTROI_API_KEY (or --key).
 */
import { createReadStream, createWriteStream, existsSync, openAsBlob } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { APPLICATIONS_FILE, HISTORY_TABLES, type BatchJob } from '@octroi/contracts';

export interface SubmitOptions {
  url: string;
  input: string;
  output: string;
  apiKey: string;
  /** How often the job's progress is asked. */
  everyMs?: number;
  report?: (line: string) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const contentTypeOf = (path: string) => (/\.(jsonl|ndjson)$/i.test(path) ? 'application/x-ndjson' : 'text/csv');

/** The history tables lying beside the file, by table name. */
const historyFilesBeside = (input: string) =>
  HISTORY_TABLES.map((table) => [table, join(dirname(input), `${table}.csv`)] as const).filter(([, path]) =>
    existsSync(path),
  );

/**
 * The upload: the file alone as the body, or, with history tables beside it, a multipart form of the file and the
 * tables (each streamed from its file, never read whole into memory).
 */
async function uploadOf(
  input: string,
): Promise<{ headers: Record<string, string>; body: RequestInit['body']; tables: string[] }> {
  const tables = historyFilesBeside(input);
  if (tables.length === 0)
    return {
      headers: { 'content-type': contentTypeOf(input) },
      body: Readable.toWeb(createReadStream(input)) as ReadableStream,
      tables: [],
    };
  const form = new FormData();
  form.append(APPLICATIONS_FILE, await openAsBlob(input, { type: contentTypeOf(input) }), basename(input));
  for (const [table, path] of tables) form.append(table, await openAsBlob(path, { type: 'text/csv' }), `${table}.csv`);
  return { headers: {}, body: form, tables: tables.map(([table]) => table) };
}

async function answer<T>(response: Response, what: string): Promise<T> {
  if (response.ok) return (await response.json()) as T;
  const body = (await response.json().catch(() => undefined)) as { message?: string } | undefined;
  throw new Error(`${what}: ${response.status} ${body?.message ?? response.statusText}`);
}

export function progressLine(job: BatchJob): string {
  const done = job.rows.done.toLocaleString('en');
  const total =
    job.rows.total === null ? `${job.rows.read.toLocaleString('en')} read so far` : job.rows.total.toLocaleString('en');
  const rate = job.rowsPerSecond === null ? '' : `, ${Math.round(job.rowsPerSecond).toLocaleString('en')} rows/s`;
  const eta = job.state === 'running' && job.etaSeconds !== null ? `, about ${Math.ceil(job.etaSeconds)} s left` : '';
  return `job ${job.id} ${job.state}: ${done} / ${total} rows done, ${job.rows.failed.toLocaleString('en')} not scored${rate}${eta}`;
}

/** Submits the file, follows the job to its end, and writes its results; the job's id and state come back. */
export async function submitToOctroi(options: SubmitOptions): Promise<BatchJob> {
  const { url, apiKey, report = console.error } = options;
  const headers = { 'x-api-key': apiKey };
  const base = url.replace(/\/+$/, '');
  const { tables, ...sent } = await uploadOf(options.input);
  const upload = await fetch(`${base}/api/v1/batches`, {
    method: 'POST',
    headers: { ...headers, ...sent.headers },
    body: sent.body,
    duplex: 'half',
  });
  let job = await answer<BatchJob>(upload, 'The file was refused');
  report(`job ${job.id} submitted${tables.length > 0 ? ` with the history tables ${tables.join(', ')}` : ''}`);
  let shown = '';
  while (job.state === 'queued' || job.state === 'running') {
    await sleep(options.everyMs ?? 1000);
    const asked = await fetch(`${base}/api/v1/batches/${job.id}`, { headers });
    // Replicas busy with the job may answer a poll late: the job goes on, its progress is asked again.
    if (asked.status === 503 || asked.status === 504) continue;
    job = await answer<BatchJob>(asked, 'Progress unknown');
    const line = progressLine(job);
    if (line !== shown) report((shown = line));
  }
  if (job.state === 'failed') throw new Error(`Job ${job.id} failed: ${job.problem ?? 'no reason given'}`);
  const results = await fetch(`${base}/api/v1/batches/${job.id}/results`, { headers });
  if (!results.ok || !results.body) await answer(results, 'The results could not be downloaded');
  await pipeline(Readable.fromWeb(results.body as never), createWriteStream(options.output));
  return job;
}
