/**
 * The Open Inference Protocol (KServe V2) as Octroi serves it, over HTTP and gRPC: one model, one input tensor of
 * engineered features (FP32, NaN for a missing value), and the scores as outputs. Every inference is a decision:
 * audited, with its decision ids among the outputs.
 */
import { Type } from '@sinclair/typebox';
import { Decision, Probability } from './common.ts';
import { endpoint } from './envelope.ts';

export const V2_INPUT = 'features';
/** The outputs of an inference, each one row per input row. */
export const V2_OUTPUTS = {
  probabilities: { datatype: 'FP32', description: '[probability of repaying, probability of default] per row' },
  decision: { datatype: 'BYTES', description: 'granted, refused, or another decision of the lender' },
  decision_id: { datatype: 'BYTES', description: 'The decision in the audit log (GET /api/v1/decisions/{id})' },
} as const;
export type V2OutputName = keyof typeof V2_OUTPUTS;
/** Rows of one inference: a batch larger than this is a batch job (POST /api/v1/batches). */
export const V2_MAX_ROWS = 10_000;

const Parameters = Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()]), {
  description: 'Free parameters; binary_data_size and binary_data / binary_data_output are the binary extension',
});
export const V2Tensor = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    shape: Type.Array(Type.Integer({ minimum: 0 }), { minItems: 1, maxItems: 2 }),
    datatype: Type.String({ maxLength: 20 }),
    parameters: Type.Optional(Parameters),
    data: Type.Optional(
      Type.Array(Type.Union([Type.Number(), Type.String(), Type.Null()]), {
        description: 'Row-major values; null (or NaN) is a missing feature. Absent when sent as binary data',
      }),
    ),
  },
  { title: 'V2Tensor' },
);
export const V2InferRequest = Type.Object(
  {
    id: Type.Optional(Type.String({ maxLength: 200 })),
    parameters: Type.Optional(Parameters),
    inputs: Type.Array(V2Tensor, { minItems: 1 }),
    outputs: Type.Optional(
      Type.Array(Type.Object({ name: Type.String(), parameters: Type.Optional(Parameters) }), {
        description: 'The outputs to answer (all when absent)',
      }),
    ),
  },
  { title: 'V2InferRequest' },
);
export const V2InferResponse = Type.Object(
  {
    model_name: Type.String(),
    model_version: Type.String(),
    id: Type.Optional(Type.String()),
    parameters: Type.Optional(Parameters),
    outputs: Type.Array(V2Tensor),
  },
  { title: 'V2InferResponse' },
);
const TensorMetadata = Type.Object({ name: Type.String(), datatype: Type.String(), shape: Type.Array(Type.Integer()) });
export const V2ModelMetadata = Type.Object(
  {
    name: Type.String(),
    versions: Type.Array(Type.String()),
    platform: Type.String(),
    inputs: Type.Array(TensorMetadata),
    outputs: Type.Array(TensorMetadata),
  },
  { title: 'V2ModelMetadata' },
);
export const V2ServerMetadata = Type.Object(
  { name: Type.String(), version: Type.String(), extensions: Type.Array(Type.String()) },
  { title: 'V2ServerMetadata' },
);
export const V2Error = Type.Object({ error: Type.String() }, { title: 'V2Error' });

/**
 * Scores a tensor of engineered features, as the gateway receives it: the matrix travels as its float32 bytes
 * (base64), not as one JSON number per feature, and the probabilities come back the same way.
 */
export const ScoreTensorRequest = Type.Object({
  rows: Type.Integer({ minimum: 1, maximum: V2_MAX_ROWS }),
  features: Type.String({ description: 'rows × features float32, little-endian, row-major, NaN missing; base64' }),
});
export const ScoreTensorReply = Type.Object({
  modelVersion: Type.String(),
  threshold: Probability,
  probabilities: Type.String({ description: 'Probability of default of each row, float32 little-endian; base64' }),
  decisions: Type.Array(Decision),
  decisionIds: Type.Array(Type.String()),
});
// Decides: sent twice, it would decide twice, unless an Idempotency-Key goes with it.
export const scoreTensor = endpoint('scoring', 'score-tensor', ScoreTensorRequest, ScoreTensorReply, false);

/** Float32 values as they travel on the bus: their little-endian bytes, base64. */
export function encodeFloat32(values: Float32Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
}

/** The float32 values of `encodeFloat32`; undefined when the text is not a whole number of float32. */
export function decodeFloat32(text: string): Float32Array | undefined {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.byteLength % 4 !== 0) return undefined;
  // Copied into an aligned buffer: a Float32Array view needs an offset that is a multiple of 4.
  const values = new Float32Array(bytes.byteLength / 4);
  new Uint8Array(values.buffer).set(bytes);
  return values;
}
