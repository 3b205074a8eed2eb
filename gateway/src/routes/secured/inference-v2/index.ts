import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { V2InferRequest, V2InferResponse, V2ModelMetadata, endpoints } from '@octroi/contracts';
import { OctroiError } from '@octroi/runtime';
import { COMMON_ERRORS, errorReplies, secured } from '../../schemas.ts';

const { scoring } = endpoints;
const tags = ['Open Inference Protocol V2'];
const ModelParams = Type.Object({ model: Type.String({ minLength: 1, maxLength: 100 }) });

/** Open Inference Protocol (KServe V2) over HTTP: engineered feature tensor in, probabilities out. */
const inferenceV2Routes: FastifyPluginAsyncTypebox = async (app) => {
  const modelNamed = async (name: string, request: FastifyRequest) => {
    const model = await app.currentModel(request);
    if (name !== model.name)
      throw new OctroiError('not_found', `No model "${name}"; this server serves "${model.name}"`);
    return model;
  };

  app.get(
    '/v2/health/live',
    {
      schema: {
        operationId: 'v2ServerLive',
        tags,
        security: secured,
        response: { 200: Type.Object({ live: Type.Boolean() }) },
      },
    },
    async () => ({ live: true }),
  );

  app.get(
    '/v2/health/ready',
    {
      schema: {
        operationId: 'v2ServerReady',
        tags,
        security: secured,
        response: { 200: Type.Object({ ready: Type.Boolean() }), 503: Type.Object({ ready: Type.Boolean() }) },
      },
    },
    async (_request, reply) => {
      const isReady = (await app.servicesReady()).ready;
      return reply.status(isReady ? 200 : 503).send({ ready: isReady });
    },
  );

  app.get(
    '/v2/models/:model',
    {
      schema: {
        operationId: 'v2ModelMetadata',
        tags,
        security: secured,
        summary: 'Model metadata',
        params: ModelParams,
        response: { 200: V2ModelMetadata, ...errorReplies(...COMMON_ERRORS, 404) },
      },
    },
    async (request) => {
      const model = await modelNamed(request.params.model, request);
      return {
        name: model.name,
        versions: [model.version],
        platform: 'onnxruntime_onnx',
        inputs: [{ name: 'features', datatype: 'FP32', shape: [-1, model.features.length] }],
        outputs: [
          { name: 'probabilities', datatype: 'FP32', shape: [-1, 2] },
          { name: 'decision', datatype: 'BYTES', shape: [-1] },
        ],
      };
    },
  );

  app.get(
    '/v2/models/:model/ready',
    {
      schema: {
        operationId: 'v2ModelReady',
        tags,
        security: secured,
        params: ModelParams,
        response: {
          200: Type.Object({ name: Type.String(), ready: Type.Boolean() }),
          ...errorReplies(...COMMON_ERRORS, 404),
        },
      },
    },
    async (request) => {
      const model = await modelNamed(request.params.model, request);
      return { name: model.name, ready: true };
    },
  );

  app.post(
    '/v2/models/:model/infer',
    {
      schema: {
        operationId: 'v2ModelInfer',
        tags,
        security: secured,
        summary: 'Probabilities for a batch of engineered feature rows',
        params: ModelParams,
        body: V2InferRequest,
        response: { 200: V2InferResponse, ...errorReplies(...COMMON_ERRORS, 404) },
      },
    },
    async (request) => {
      const model = await modelNamed(request.params.model, request);
      const input = request.body.inputs[0]!;
      const width = model.features.length;
      const [rowCount = 0, columns = width] = input.shape.length === 1 ? [1, input.shape[0]] : input.shape;
      if (columns !== width)
        throw new OctroiError(
          'bad_request',
          `inputs.0.shape: the model takes ${width} features per row, got ${columns}`,
          'inputs.0.shape',
        );
      if (input.data.length !== rowCount * width)
        throw new OctroiError(
          'bad_request',
          `inputs.0.data: expected ${rowCount * width} values for shape [${rowCount}, ${width}], got ${input.data.length}`,
          'inputs.0.data',
        );
      if (rowCount === 0)
        throw new OctroiError('bad_request', 'inputs.0.shape: at least one row is needed', 'inputs.0.shape');
      const rows = Array.from({ length: rowCount }, (_, row) => input.data.slice(row * width, (row + 1) * width));
      const { scores } = await app.forward(scoring.scoreBatch, { rows }, request);
      return {
        model_name: model.name,
        model_version: model.version,
        ...(request.body.id ? { id: request.body.id } : {}),
        outputs: [
          {
            name: 'probabilities',
            shape: [rowCount, 2],
            datatype: 'FP32',
            data: scores.flatMap((score) => [1 - score.probabilityOfDefault, score.probabilityOfDefault]),
          },
          { name: 'decision', shape: [rowCount], datatype: 'BYTES', data: scores.map((score) => score.decision) },
        ],
      };
    },
  );
};

export default inferenceV2Routes;
