import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Ajv } from 'ajv';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  V2Error,
  V2InferRequest,
  V2InferResponse,
  V2ModelMetadata,
  V2ServerMetadata,
  httpStatusOf,
} from '@octroi/contracts';
import { OctroiError } from '@octroi/runtime';
import { V2Failure } from '../../../inference-v2/protocol.ts';
import { HEADER_LENGTH, readInferBody, writeInferBody } from '../../../inference-v2/wire.ts';
import { DECIDING, secured } from '../../schemas.ts';
import { inferenceServer } from '../../../inference-v2/server.ts';

const tags = ['Open Inference Protocol V2'];
const paramsAjv = new Ajv({ strict: false });
const ModelParams = Type.Object({ model: Type.String({ minLength: 1, maxLength: 100 }) });
const VersionParams = Type.Object({
  model: Type.String({ minLength: 1, maxLength: 100 }),
  version: Type.String({ minLength: 1, maxLength: 100 }),
});
/** Every error of these routes is in the protocol's shape, `{"error": "..."}`. */
const v2Errors = (...statuses: number[]) => Object.fromEntries(statuses.map((status) => [status, V2Error]));
const COMMON = [400, 401, 429, 503, 504];

/**
 * The Open Inference Protocol (KServe V2) over HTTP, as tritonclient and KServe's clients speak it: JSON with or
 * without a Content-Type (NaN literals read as missing values), or the binary tensor data extension; the model's
 * routes with or without a version; errors as `{"error": ...}`.
 */
const inferenceV2Routes: FastifyPluginAsyncTypebox = async (app) => {
  const server = inferenceServer(app);

  // The body of an inference is read here, whatever its content type (tritonclient sends none).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status =
      error instanceof V2Failure
        ? error.status
        : error instanceof OctroiError
          ? httpStatusOf[error.code]
          : error.validation
            ? 400
            : error.statusCode && error.statusCode >= 400 && error.statusCode < 500
              ? error.statusCode
              : 500;
    if (status === 500) request.log.error({ err: error }, 'unexpected error');
    const message =
      status === 500 ? 'Something went wrong on our side; the request id helps us find it' : error.message;
    void reply.status(status).send({ error: message });
  });

  const about = (operationId: string, summary: string) => ({ tags, security: secured, operationId, summary });

  app.get(
    '/v2',
    {
      schema: {
        ...about('v2ServerMetadata', 'Server metadata'),
        response: { 200: V2ServerMetadata, ...v2Errors(401, 429) },
      },
    },
    async () => server.metadata(),
  );
  app.get(
    '/v2/health/live',
    {
      schema: {
        ...about('v2ServerLive', 'The server answers'),
        response: { 200: Type.Object({ live: Type.Boolean() }), ...v2Errors(401, 429) },
      },
    },
    async () => ({ live: true }),
  );
  app.get(
    '/v2/health/ready',
    {
      schema: {
        ...about('v2ServerReady', 'Every service answers'),
        response: {
          200: Type.Object({ ready: Type.Boolean() }),
          503: Type.Object({ ready: Type.Boolean() }),
          ...v2Errors(401, 429),
        },
      },
    },
    async (_request, reply) => {
      const ready = await server.ready();
      return reply.status(ready ? 200 : 503).send({ ready });
    },
  );

  for (const [suffix, params, path] of [
    ['', ModelParams, '/v2/models/:model'],
    ['Version', VersionParams, '/v2/models/:model/versions/:version'],
  ] as const) {
    const modelOf = (request: FastifyRequest) =>
      server.model(
        request,
        (request.params as { model: string }).model,
        (request.params as { version?: string }).version,
      );

    app.get(
      path,
      {
        schema: {
          ...about(`v2ModelMetadata${suffix}`, 'Model metadata'),
          params,
          response: { 200: V2ModelMetadata, ...v2Errors(...COMMON, 404) },
        },
      },
      async (request) => server.modelMetadata(await modelOf(request)),
    );
    app.get(
      `${path}/ready`,
      {
        schema: {
          ...about(`v2ModelReady${suffix}`, 'The model is loaded and served'),
          params,
          response: { 200: Type.Object({ name: Type.String(), ready: Type.Boolean() }), ...v2Errors(...COMMON, 404) },
        },
      },
      async (request) => ({ name: (await modelOf(request)).name, ready: true }),
    );
    app.post(
      `${path}/infer`,
      {
        schema: {
          ...about(
            `v2ModelInfer${suffix}`,
            'Probabilities and decisions for rows of engineered features; each row is a decision, audited',
          ),
          params,
          headers: DECIDING.headers,
          body: {
            content: {
              'application/json': { schema: V2InferRequest },
              'application/octet-stream': {
                schema: Type.String({
                  format: 'binary',
                  description: `The binary tensor data extension: a JSON header of ${HEADER_LENGTH} bytes, then the tensors' bytes`,
                }),
              },
            },
          },
          response: {
            200: {
              description: 'The outputs, in JSON, or a JSON header and binary outputs',
              content: {
                'application/json': { schema: V2InferResponse },
                'application/octet-stream': { schema: Type.String({ format: 'binary' }) },
              },
            },
            ...v2Errors(...COMMON, 404, 409),
          },
        },
        // The body is read and checked by the protocol's own code, without a pass of the validator over every value.
        validatorCompiler: ({ schema, httpPart }) => (httpPart === 'body' ? () => true : paramsAjv.compile(schema)),
      },
      async (request, reply) => {
        const headerLength = request.headers[HEADER_LENGTH];
        const { json, binary } = readInferBody(
          request.body as Buffer,
          typeof headerLength === 'string' ? headerLength : undefined,
        );
        const model = await modelOf(request);
        const answer = await server.infer(request, model, json, binary);
        const { body, headerLength: length } = writeInferBody(answer.json, answer.binary);
        if (length !== undefined) void reply.header(HEADER_LENGTH, length).type('application/octet-stream');
        else void reply.type('application/json');
        // Already encoded: JSON text, or the JSON header and the binary outputs.
        return (reply as FastifyReply).send(body);
      },
    );
  }
};

export default inferenceV2Routes;
