/**
 * The Open Inference Protocol over gRPC (`inference.GRPCInferenceService`) on its own port, beside the HTTP API:
 * the same operations (inference-v2/server.ts), the same API keys, sent as `x-api-key` metadata, and the same
 * `idempotency-key` (metadata) as the HTTP routes that decide.
 */
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import type { Logger } from '@octroi/runtime';
import { OctroiError } from '@octroi/runtime';
import { httpStatusOf } from '@octroi/contracts';
import type { ApiKeys } from '../auth/api-keys.ts';
import { IDEMPOTENCY_KEY_HEADER, type Asker } from '../plugins/app/bus.ts';
import { V2Failure } from './protocol.ts';
import { inferenceServer, type InferenceDeps } from './server.ts';

const PROTO = resolve(import.meta.dirname, '../../../packages/contracts/proto/inference_v2.proto');
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

type Parameter = { bool_param?: boolean; int64_param?: number; string_param?: string; parameter_choice?: string };
type Parameters = Record<string, Parameter>;
interface GrpcTensor {
  name: string;
  datatype: string;
  shape: number[];
  parameters?: Parameters;
  contents?: { fp32_contents?: number[]; fp64_contents?: number[] };
}
interface GrpcInferRequest {
  model_name: string;
  model_version: string;
  id: string;
  parameters?: Parameters;
  inputs: GrpcTensor[];
  outputs: Array<{ name: string; parameters?: Parameters }>;
  raw_input_contents: Buffer[];
}

const GRPC_STATUS: Record<number, grpc.status> = {
  400: grpc.status.INVALID_ARGUMENT,
  401: grpc.status.UNAUTHENTICATED,
  404: grpc.status.NOT_FOUND,
  429: grpc.status.RESOURCE_EXHAUSTED,
  503: grpc.status.UNAVAILABLE,
  504: grpc.status.DEADLINE_EXCEEDED,
};

export interface GrpcInferenceServer {
  port: number;
  close(): Promise<void>;
}

export async function startGrpcServer(options: {
  host: string;
  port: number;
  apiKeys: ApiKeys;
  deps: InferenceDeps;
  log: Logger;
}): Promise<GrpcInferenceServer> {
  const { apiKeys, deps, log } = options;
  const definition = protoLoader.loadSync(PROTO, { keepCase: true, longs: Number, defaults: true, oneofs: true });
  const inference = grpc.loadPackageDefinition(definition).inference as unknown as {
    GRPCInferenceService: { service: grpc.ServiceDefinition };
  };
  const v2 = inferenceServer(deps);

  /** A unary call: authenticated by its API key, answered or failed with the gRPC status of the V2 failure. */
  const unary =
    <Req, Res>(handle: (request: Req, asker: Asker) => Promise<Res>) =>
    (call: grpc.ServerUnaryCall<Req, Res>, callback: grpc.sendUnaryData<Res>) => {
      const id = randomUUID();
      const key = call.metadata.get('x-api-key')[0];
      const owner = typeof key === 'string' ? apiKeys.owner(key) : undefined;
      if (!owner) {
        callback({ code: grpc.status.UNAUTHENTICATED, details: 'Send a valid API key in the x-api-key metadata' });
        return;
      }
      // The key's owner is the principal recorded with the decisions; an Idempotency-Key makes a retry replay them.
      const idempotencyKey = call.metadata.get(IDEMPOTENCY_KEY_HEADER)[0];
      const asker = {
        id,
        log: log.child({ requestId: id, principal: owner }),
        principal: { kind: 'api-key' as const, id: owner },
        headers: typeof idempotencyKey === 'string' ? { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey } : {},
      };
      handle(call.request, asker).then(
        (response) => callback(null, response),
        (err: unknown) => callback(failure(err, asker.log)),
      );
    };

  const server = new grpc.Server({
    'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
    'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
  });
  server.addService(inference.GRPCInferenceService.service, {
    ServerLive: unary(async () => ({ live: true })),
    ServerReady: unary(async () => ({ ready: await v2.ready() })),
    ServerMetadata: unary(async () => v2.metadata()),
    ModelReady: unary(async (request: { name: string; version: string }, asker) => {
      await v2.model(asker, request.name, request.version || undefined);
      return { ready: true };
    }),
    ModelMetadata: unary(async (request: { name: string; version: string }, asker) =>
      v2.modelMetadata(await v2.model(asker, request.name, request.version || undefined)),
    ),
    ModelInfer: unary(async (request: GrpcInferRequest, asker) => {
      const model = await v2.model(asker, request.model_name, request.model_version || undefined);
      const [raw] = request.raw_input_contents;
      const body = {
        id: request.id,
        parameters: plain(request.parameters),
        inputs: request.inputs.map((input) => ({
          name: input.name,
          datatype: input.datatype,
          shape: input.shape,
          parameters: { ...plain(input.parameters), ...(raw ? { binary_data_size: raw.length } : {}) },
          data: input.contents?.fp32_contents?.length ? input.contents.fp32_contents : input.contents?.fp64_contents,
        })),
        ...(request.outputs.length > 0 ? { outputs: request.outputs.map(({ name }) => ({ name })) } : {}),
      };
      const answer = await v2.infer(asker, model, body, raw, true);
      return {
        model_name: answer.json.model_name,
        model_version: answer.json.model_version,
        id: request.id,
        parameters: grpcParameters(answer.json.parameters),
        outputs: answer.json.outputs.map(({ name, datatype, shape }) => ({ name, datatype, shape })),
        raw_output_contents: answer.binary,
      };
    }),
  });

  const port = await new Promise<number>((done, fail) =>
    server.bindAsync(`${options.host}:${options.port}`, grpc.ServerCredentials.createInsecure(), (err, bound) =>
      err ? fail(err) : done(bound),
    ),
  );
  return {
    port,
    close: () => new Promise<void>((done) => server.tryShutdown(() => done())),
  };
}

function failure(err: unknown, log: Logger): grpc.ServiceError {
  const status = err instanceof V2Failure ? err.status : err instanceof OctroiError ? httpStatusOf[err.code] : 500;
  if (status === 500) log.error({ err }, 'unexpected error');
  const details = status === 500 ? 'Something went wrong on our side' : (err as Error).message;
  return Object.assign(new Error(details), {
    code: GRPC_STATUS[status] ?? grpc.status.INTERNAL,
    details,
    metadata: new grpc.Metadata(),
  });
}

function plain(parameters: Parameters | undefined): Record<string, unknown> | undefined {
  if (!parameters || Object.keys(parameters).length === 0) return undefined;
  return Object.fromEntries(
    Object.entries(parameters).map(([name, value]) => [
      name,
      value.parameter_choice ? value[value.parameter_choice as keyof Parameter] : undefined,
    ]),
  );
}

function grpcParameters(parameters: Record<string, unknown> | undefined): Parameters {
  return Object.fromEntries(
    Object.entries(parameters ?? {}).map(([name, value]) => [
      name,
      typeof value === 'boolean'
        ? { bool_param: value }
        : typeof value === 'number' && Number.isInteger(value)
          ? { int64_param: value }
          : { string_param: String(value) },
    ]),
  );
}
