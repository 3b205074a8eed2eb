import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import {
  BATCH_RESULT_COLUMNS,
  BatchJob,
  BatchJobId,
  BatchJobList,
  HISTORY_TABLES,
  MAX_BATCH_BYTES,
  MAX_BATCH_ROWS,
  endpoints,
} from '@octroi/contracts';
import { BatchTooLarge } from '../../../plugins/app/batch-uploads.ts';
import { COMMON_ERRORS, errorReplies, secured } from '../../schemas.ts';
import { UploadRefused, storeUpload } from './upload.ts';

const { scoring } = endpoints;
const tags = ['batches'];

const binary = (description: string) => Type.String({ format: 'binary', description });
const fileBody = (description: string) => ({ schema: binary(description) });

/** The multipart form of an upload: the applications, and the history tables of their applicants, one file each. */
const UploadParts = Type.Object(
  {
    applications: binary(
      'Applications as CSV (text/csv, or a file name ending in .csv) or JSON lines (application/x-ndjson, or .jsonl)',
    ),
    ...Object.fromEntries(
      HISTORY_TABLES.map((table) => [
        table,
        Type.Optional(binary(`The ${table} rows of the applicants, as CSV with the Home Credit columns`)),
      ]),
    ),
  },
  { additionalProperties: false },
);

/** Who asks: a job is shown to who submitted it, and every job to an administrator. */
const askerOf = (request: FastifyRequest) => ({
  principal: request.principal!.id,
  seesEveryJob: request.principal!.user?.role === 'admin',
});

const refuse = (reply: FastifyReply, request: FastifyRequest, status: number, message: string) =>
  reply.status(status).send({ code: 'bad_request', message, requestId: request.id });

/**
 * Batch jobs: a file of applications (a portfolio scored again, another system's day of applications) uploaded once,
 * scored in the background by every scoring replica, followed by its progress, its results downloaded as CSV.
 */
const batchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // The files are streamed into the batch store as they arrive, never held whole in memory.
  app.removeAllContentTypeParsers();
  await app.register(multipart, {
    // The files of a job share MAX_BATCH_BYTES, counted as they are stored: the parser's own limit never cuts first.
    limits: { fileSize: MAX_BATCH_BYTES + 1, files: 1 + HISTORY_TABLES.length, parts: 1 + HISTORY_TABLES.length },
  });
  app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

  app.post(
    '/api/v1/batches',
    {
      schema: {
        operationId: 'submitBatch',
        tags,
        security: secured,
        summary: 'Upload a file of applications, with their history tables if you have them; 202 with the job',
        description:
          `CSV with a header line (Home Credit's application columns; other columns are ignored) or JSON lines (one application a line, ` +
          `as POST /api/v1/score takes it, history tables included), up to ${MAX_BATCH_ROWS.toLocaleString('en')} applications and ${MAX_BATCH_BYTES / 1024 ** 3} GiB. ` +
          'Send the file as the body, or as the `applications` part of a multipart/form-data body whose other parts are the ' +
          `applicants' history tables as CSV files (${HISTORY_TABLES.join(', ')}), linked by SK_ID_CURR (SK_ID_BUREAU for ` +
          'bureau_balance): their rows are checked and aggregated as POST /api/v1/score does with the tables of one application. ' +
          "A row that breaks an intake rule, or whose applicant's history rows do, gets no decision: its line in the results says why. " +
          'Every decision is kept in the audit log.',
        body: {
          content: {
            'text/csv': fileBody('Applications, one a line after a header line naming the columns'),
            'application/x-ndjson': fileBody('Applications, one JSON object a line'),
            'multipart/form-data': { schema: UploadParts },
          },
        },
        response: { 202: BatchJob, ...errorReplies(...COMMON_ERRORS) },
      },
      // The files are read by the scoring replicas, chunk by chunk, with the intake rules.
      validatorCompiler: () => () => true,
    },
    async (request, reply) => {
      const jobId = randomUUID();
      let upload;
      try {
        upload = await storeUpload(app, request, jobId);
      } catch (err) {
        if (err instanceof BatchTooLarge) return refuse(reply.header('connection', 'close'), request, 413, err.message);
        if (err instanceof UploadRefused) {
          // What is left of a multipart body is not read.
          if (request.isMultipart()) reply.header('connection', 'close');
          return refuse(reply, request, err.status, err.message);
        }
        throw err;
      }
      const job = await app.forward(
        scoring.submitBatch,
        { jobId, submittedBy: request.principal!.id, ...upload },
        request,
      );
      return reply.status(202).header('location', `/api/v1/batches/${jobId}`).send(job);
    },
  );

  app.get(
    '/api/v1/batches',
    {
      schema: {
        operationId: 'listBatches',
        tags,
        security: secured,
        summary: 'Your batch jobs, newest first (every job for an administrator)',
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }) }),
        response: { 200: BatchJobList, ...errorReplies(...COMMON_ERRORS) },
      },
    },
    (request) => app.forward(scoring.listBatches, { ...askerOf(request), limit: request.query.limit }, request),
  );

  const params = Type.Object({ id: BatchJobId });

  app.get(
    '/api/v1/batches/:id',
    {
      schema: {
        operationId: 'getBatch',
        tags,
        security: secured,
        summary: 'A batch job: rows read, done and failed, decisions, rate, time left and progress over time',
        params,
        response: { 200: BatchJob, ...errorReplies(...COMMON_ERRORS, 404) },
      },
    },
    (request) => app.forward(scoring.getBatch, { jobId: request.params.id, ...askerOf(request) }, request),
  );

  app.get(
    '/api/v1/batches/:id/results',
    {
      schema: {
        operationId: 'getBatchResults',
        tags,
        security: secured,
        summary: "A finished job's results as CSV, one line per application in the file's order",
        description: `Columns: ${BATCH_RESULT_COLUMNS.join(', ')}. A row that could not be scored has ERROR and no decision. 409 while the job is not done.`,
        params,
        response: {
          200: {
            description: 'The results',
            // No type: strict validators read a text/csv body as bytes, which no JSON Schema type describes.
            content: { 'text/csv': { schema: Type.Unknown({ description: 'CSV text with a header line' }) } },
          },
          ...errorReplies(...COMMON_ERRORS, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const asked = { jobId: request.params.id, ...askerOf(request) };
      // The first page is asked before answering, so that a job not done is a 409, not a cut download.
      const first = await app.forward(scoring.batchResults, { ...asked, fromChunk: 0 }, request);
      async function* pages() {
        yield `${BATCH_RESULT_COLUMNS.join(',')}\n`;
        yield first.csv;
        for (let next = first.nextChunk; next !== null;) {
          const page = await app.forward(scoring.batchResults, { ...asked, fromChunk: next }, request);
          yield page.csv;
          next = page.nextChunk;
        }
      }
      return (reply as FastifyReply)
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="batch-${asked.jobId}.csv"`)
        .send(Readable.from(pages()));
    },
  );
};

export default batchRoutes;
