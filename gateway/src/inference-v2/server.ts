import { V2_INPUT, V2_OUTPUTS, decodeFloat32, encodeFloat32, endpoints, type ModelInfo } from '@octroi/contracts';
import type { Asker, Forward, Readiness } from '../plugins/app/bus.ts';
import { V2Failure, outputsFor, readFeatures, type InferRequest } from './protocol.ts';

export const SERVER_NAME = 'octroi';
export const SERVER_VERSION = '1.0.0';

export interface InferenceDeps {
  forward: Forward;
  currentModel(request: Asker): Promise<ModelInfo>;
  servicesReady(): Promise<Readiness>;
}

/** An answer to an inference before its transport: the response's JSON, and the raw outputs in order. */
export interface InferAnswer {
  json: {
    model_name: string;
    model_version: string;
    id?: string;
    parameters?: Record<string, unknown>;
    outputs: Array<{ name: string; datatype: string; shape: number[]; data?: unknown[]; parameters?: object }>;
  };
  binary: Buffer[];
}

/** The Open Inference Protocol's operations on the scoring service, the same for HTTP and gRPC. */
export function inferenceServer(deps: InferenceDeps) {
  return {
    metadata: () => ({ name: SERVER_NAME, version: SERVER_VERSION, extensions: ['binary_tensor_data'] }),

    ready: async () => (await deps.servicesReady()).ready,

    /** The served model, when it is the one named (and the version asked, if any). */
    async model(request: Asker, name: string, version?: string): Promise<ModelInfo> {
      const model = await deps.currentModel(request);
      if (name !== model.name) throw new V2Failure(404, `No model "${name}"; this server serves "${model.name}"`);
      if (version !== undefined && version !== model.version)
        throw new V2Failure(404, `No version "${version}" of "${name}"; the version served is "${model.version}"`);
      return model;
    },

    modelMetadata: (model: ModelInfo) => ({
      name: model.name,
      versions: [model.version],
      platform: 'onnxruntime_onnx',
      inputs: [{ name: V2_INPUT, datatype: 'FP32', shape: [-1, model.features.length] }],
      outputs: Object.entries(V2_OUTPUTS).map(([name, { datatype }]) => ({
        name,
        datatype,
        shape: name === 'probabilities' ? [-1, 2] : [-1],
      })),
    }),

    /**
     * One inference: the features read from the request, scored and recorded by the scoring service, the
     * requested outputs built. `rawOutputs` answers every output as raw bytes (gRPC).
     */
    async infer(
      request: Asker,
      model: ModelInfo,
      body: unknown,
      binary?: Uint8Array,
      rawOutputs = false,
    ): Promise<InferAnswer> {
      const { rows, matrix } = readFeatures(body, model.features.length, binary);
      const inferRequest = body as InferRequest;
      // Fail on an unknown output before anything is decided.
      outputsFor(inferRequest, { probabilities: new Float32Array(0), decisions: [], decisionIds: [] }, rawOutputs);
      const reply = await deps.forward(
        endpoints.scoring.scoreTensor,
        { rows, features: encodeFloat32(matrix) },
        request,
      );
      const outputs = outputsFor(
        inferRequest,
        {
          probabilities: decodeFloat32(reply.probabilities)!,
          decisions: reply.decisions,
          decisionIds: reply.decisionIds,
        },
        rawOutputs,
      );
      const id = typeof inferRequest.id === 'string' ? inferRequest.id : undefined;
      const parameters = passedThrough(inferRequest.parameters);
      return {
        json: {
          model_name: model.name,
          model_version: reply.modelVersion,
          ...(id !== undefined ? { id } : {}),
          ...(parameters ? { parameters } : {}),
          outputs: outputs.map(({ name, datatype, shape, data, raw }) =>
            raw
              ? { name, datatype, shape, parameters: { binary_data_size: raw.length } }
              : { name, datatype, shape, data },
          ),
        },
        binary: outputs.flatMap((output) => (output.raw ? [output.raw] : [])),
      };
    },
  };
}

/** The request's own parameters, answered back; those of the binary extension are the transport's. */
function passedThrough(parameters: Record<string, unknown> | undefined) {
  if (!parameters || typeof parameters !== 'object') return undefined;
  const rest = Object.fromEntries(
    Object.entries(parameters).filter(([key]) => key !== 'binary_data_output' && key !== 'binary_data_size'),
  );
  return Object.keys(rest).length > 0 ? rest : undefined;
}
