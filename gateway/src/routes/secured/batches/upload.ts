import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Multipart } from '@fastify/multipart';
import {
  APPLICATIONS_FILE,
  HISTORY_TABLES,
  MAX_BATCH_BYTES,
  isBatchFileName,
  type BatchFile,
  type BatchFormat,
} from '@octroi/contracts';

/** The content types a file of applications may be sent as, and the format each means. */
const FORMAT_OF: Record<string, BatchFormat> = {
  'text/csv': 'csv',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/jsonlines': 'jsonl',
};
export const formatOf = (contentType: string | undefined) =>
  FORMAT_OF[(contentType ?? '').split(';')[0]!.trim().toLowerCase()];

/** A part sent as application/octet-stream (curl -F, most form libraries) says its format by its file name. */
const formatOfFileName = (name: string) =>
  /\.csv$/i.test(name) ? 'csv' : /\.(jsonl|ndjson)$/i.test(name) ? 'jsonl' : undefined;

/** The upload is not a batch job: nothing of it is kept. */
export class UploadRefused extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

export interface Upload {
  format: BatchFormat;
  files: BatchFile[];
}

/**
 * Stores what a POST /api/v1/batches request sends under its job: the body itself (text/csv or JSON lines), or the
 * parts of a multipart/form-data body: `applications`, and optional history tables as CSV files named after the
 * table (`bureau`, `bureau_balance`, `previous_application`, `POS_CASH_balance`, `installments_payments`,
 * `credit_card_balance`). Each file is streamed into the batch store as it arrives; the files together stay under
 * MAX_BATCH_BYTES. A refused upload drops what it had stored.
 */
export async function storeUpload(app: FastifyInstance, request: FastifyRequest, jobId: string): Promise<Upload> {
  const stored: BatchFile[] = [];
  try {
    const upload = request.isMultipart()
      ? await storeParts(app, request, jobId, stored)
      : await storeBody(app, request, jobId, stored);
    if (stored.find((file) => file.name === APPLICATIONS_FILE)?.bytes === 0)
      throw new UploadRefused(400, 'The file of applications is empty: send the applications');
    return upload;
  } catch (err) {
    await app.dropBatchFiles(jobId, stored).catch((dropped: unknown) => request.log.warn({ err: dropped }));
    throw err;
  }
}

async function storeBody(app: FastifyInstance, request: FastifyRequest, jobId: string, stored: BatchFile[]) {
  const format = formatOf(request.headers['content-type']);
  if (!format)
    throw new UploadRefused(
      415,
      `Content-Type ${(request.headers['content-type'] ?? '(none)').slice(0, 100)} is not a file of applications: send text/csv, application/x-ndjson, or multipart/form-data with an applications part`,
    );
  stored.push(await app.storeBatchFile(jobId, APPLICATIONS_FILE, request.body as Readable, MAX_BATCH_BYTES));
  return { format, files: stored };
}

/** A multipart body that cannot be read (no boundary, a part cut short, too many parts): the client's mistake. */
function unreadable(err: unknown): UploadRefused {
  const status = (err as { statusCode?: number }).statusCode === 413 ? 413 : 400;
  return new UploadRefused(status, `The multipart body cannot be read: ${(err as Error).message}`);
}

/** A part's bytes as they arrive; an error of the request's body is the client's, not the store's. */
async function* bytesOf(part: AsyncIterable<Uint8Array>) {
  try {
    yield* part;
  } catch (err) {
    throw unreadable(err);
  }
}

/** The parts of a multipart body, in order; an error while parsing them is the client's. */
async function* partsOf(request: FastifyRequest): AsyncGenerator<Multipart> {
  let parts: AsyncIterator<Multipart>;
  try {
    parts = request.parts()[Symbol.asyncIterator]();
  } catch (err) {
    throw unreadable(err);
  }
  for (;;) {
    let next: IteratorResult<Multipart>;
    try {
      next = await parts.next();
    } catch (err) {
      throw unreadable(err);
    }
    if (next.done) return;
    yield next.value;
  }
}

async function storeParts(app: FastifyInstance, request: FastifyRequest, jobId: string, stored: BatchFile[]) {
  let format: BatchFormat | undefined;
  let left = MAX_BATCH_BYTES;
  for await (const part of partsOf(request)) {
    const name = part.fieldname;
    if (part.type !== 'file')
      throw new UploadRefused(400, `The part ${name.slice(0, 60)} is a form field: send each table as a file part`);
    if (!isBatchFileName(name)) {
      part.file.resume();
      throw new UploadRefused(
        400,
        `The part ${name.slice(0, 60)} is neither ${APPLICATIONS_FILE} nor a history table (${HISTORY_TABLES.join(', ')})`,
      );
    }
    if (stored.some((file) => file.name === name)) throw new UploadRefused(400, `The part ${name} is sent twice`);
    if (name === APPLICATIONS_FILE) format = applicationsFormat(part);
    else if (formatOf(part.mimetype) === 'jsonl')
      throw new UploadRefused(415, `The history table ${name} is read as CSV with the Home Credit columns`);
    const file = await app.storeBatchFile(jobId, name, bytesOf(part.file), left);
    left -= file.bytes;
    stored.push(file);
  }
  if (!format)
    throw new UploadRefused(400, `No ${APPLICATIONS_FILE} part: the history tables go with a file of applications`);
  return { format, files: stored };
}

function applicationsFormat(part: Multipart & { type: 'file' }): BatchFormat {
  const format = formatOf(part.mimetype) ?? formatOfFileName(part.filename);
  if (!format) {
    part.file.resume();
    throw new UploadRefused(
      415,
      `The ${APPLICATIONS_FILE} part (${part.mimetype.slice(0, 60)}, ${part.filename.slice(0, 60)}) is neither CSV nor JSON lines: send it as text/csv or application/x-ndjson, or name its file .csv or .jsonl`,
    );
  }
  return format;
}
