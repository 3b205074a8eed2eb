/**
 * The Open Inference Protocol's inference, transport aside (HTTP and gRPC share it): the request's one input
 * tensor checked against the model and read into a float32 matrix, and the requested outputs built from the
 * scores, as JSON data or as raw bytes for the binary extension.
 */
import { V2_INPUT, V2_MAX_ROWS, V2_OUTPUTS, type V2OutputName } from '@octroi/contracts';

/** A failure in the protocol's terms: its HTTP status, and the message of the `{"error": ...}` body. */
export class V2Failure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Parameters = Record<string, unknown>;
export interface InputTensor {
  name: unknown;
  datatype: unknown;
  shape: unknown;
  data?: unknown;
  parameters?: Parameters;
}
export interface InferRequest {
  id?: unknown;
  parameters?: Parameters;
  inputs?: unknown;
  outputs?: unknown;
}

export interface FeatureMatrix {
  rows: number;
  matrix: Float32Array;
}

const bad = (message: string) => new V2Failure(400, message);
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The feature matrix of a request: exactly one input, named `features`, FP32 (FP64 accepted in JSON), shape
 * [rows, width] or [width], its values in `data` or, with the binary extension (`binary_data_size` given), in
 * `binary`.
 */
export function readFeatures(request: unknown, width: number, binary?: Uint8Array): FeatureMatrix {
  if (!isObject(request)) throw bad('The body must be a JSON object with "inputs"');
  const inputs = request.inputs;
  if (!Array.isArray(inputs) || inputs.length === 0) throw bad('inputs: one input tensor is needed');
  const names = inputs.map((input) => (isObject(input) ? input.name : undefined));
  const unknown = names.filter((name) => name !== V2_INPUT);
  if (unknown.length > 0)
    throw bad(`inputs: unknown input ${JSON.stringify(unknown[0])}; the model has one input, "${V2_INPUT}"`);
  if (inputs.length > 1) throw bad(`inputs: "${V2_INPUT}" is given ${inputs.length} times`);
  const input = inputs[0] as InputTensor;
  const rows = rowsOf(input.shape, width);
  if (rows > V2_MAX_ROWS)
    throw bad(`inputs.0.shape: at most ${V2_MAX_ROWS} rows per inference; send a batch job beyond`);
  const binarySize = input.parameters?.binary_data_size;
  if (binarySize !== undefined) return binaryFeatures(input, rows, width, binarySize, binary);
  if (input.datatype !== 'FP32' && input.datatype !== 'FP64')
    throw bad(`inputs.0.datatype: "${String(input.datatype)}" is not FP32 (or FP64)`);
  return { rows, matrix: jsonFeatures(input.data, rows, width) };
}

function rowsOf(shape: unknown, width: number): number {
  if (
    !Array.isArray(shape) ||
    shape.length < 1 ||
    shape.length > 2 ||
    !shape.every((n) => Number.isInteger(n) && n >= 0)
  )
    throw bad('inputs.0.shape: expected [rows, features] or [features]');
  const [rows, columns] = shape.length === 1 ? [1, shape[0] as number] : (shape as [number, number]);
  if (columns !== width) throw bad(`inputs.0.shape: the model takes ${width} features per row, got ${columns}`);
  if (rows === 0) throw bad('inputs.0.shape: at least one row is needed');
  return rows;
}

/** Row-major JSON values, flat or nested by row; null (a NaN literal) is a missing value. */
function jsonFeatures(data: unknown, rows: number, width: number): Float32Array {
  if (!Array.isArray(data)) throw bad('inputs.0.data: the values are missing');
  const values: unknown[] = data.length === rows && rows > 0 && Array.isArray(data[0]) ? data.flat() : data;
  if (values.length !== rows * width)
    throw bad(`inputs.0.data: expected ${rows * width} values for shape [${rows}, ${width}], got ${values.length}`);
  const matrix = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value === 'number') matrix[i] = value;
    else if (value === null) matrix[i] = Number.NaN;
    else throw bad(`inputs.0.data.${i}: ${JSON.stringify(value)} is not a number`);
  }
  return matrix;
}

function binaryFeatures(
  input: InputTensor,
  rows: number,
  width: number,
  size: unknown,
  bytes?: Uint8Array,
): FeatureMatrix {
  if (input.datatype !== 'FP32')
    throw bad(`inputs.0.datatype: binary data must be FP32, got "${String(input.datatype)}"`);
  const expected = rows * width * 4;
  if (!bytes || (size !== undefined && size !== expected) || bytes.byteLength < expected)
    throw bad(`inputs.0: expected ${expected} bytes of binary data for shape [${rows}, ${width}]`);
  const matrix = new Float32Array(rows * width);
  new Uint8Array(matrix.buffer).set(bytes.subarray(0, expected));
  return { rows, matrix };
}

export interface Scored {
  /** Probability of default of each row. */
  probabilities: Float32Array;
  decisions: string[];
  decisionIds: string[];
}

export interface OutputTensor {
  name: V2OutputName;
  datatype: string;
  shape: number[];
  /** JSON data, when the output is not sent as binary. */
  data?: Array<number | string>;
  /** Raw bytes (little-endian FP32; BYTES as 4-byte length + bytes per element), when sent as binary. */
  raw?: Buffer;
}

/**
 * The outputs a request asked for (all when it named none), each as JSON data or raw bytes: raw when the output
 * asks for `binary_data`, or the request for `binary_data_output`, or always for gRPC (`rawAlways`).
 */
export function outputsFor(request: InferRequest, scored: Scored, rawAlways = false): OutputTensor[] {
  const rows = scored.probabilities.length;
  const requested = Array.isArray(request.outputs)
    ? (request.outputs as Array<{ name?: unknown; parameters?: Parameters }>)
    : undefined;
  const allBinary = rawAlways || request.parameters?.binary_data_output === true;
  const wanted =
    requested ?? (Object.keys(V2_OUTPUTS) as V2OutputName[]).map((name) => ({ name, parameters: undefined }));
  return wanted.map(({ name, parameters }, index) => {
    if (typeof name !== 'string' || !(name in V2_OUTPUTS))
      throw bad(
        `outputs.${index}.name: unknown output ${JSON.stringify(name)}; outputs are ${Object.keys(V2_OUTPUTS).join(', ')}`,
      );
    const output = name as V2OutputName;
    const binary = allBinary || parameters?.binary_data === true;
    const { datatype } = V2_OUTPUTS[output];
    if (output === 'probabilities') {
      const both = new Float32Array(rows * 2);
      scored.probabilities.forEach((p, row) => {
        both[row * 2] = 1 - p;
        both[row * 2 + 1] = p;
      });
      return {
        name: output,
        datatype,
        shape: [rows, 2],
        ...(binary ? { raw: float32Bytes(both) } : { data: Array.from(both) }),
      };
    }
    const texts = output === 'decision' ? scored.decisions : scored.decisionIds;
    return { name: output, datatype, shape: [rows], ...(binary ? { raw: bytesElements(texts) } : { data: texts }) };
  });
}

const float32Bytes = (values: Float32Array) => Buffer.from(values.buffer, values.byteOffset, values.byteLength);

/** BYTES tensors in raw form: each element its length (uint32, little-endian) then its bytes. */
function bytesElements(texts: string[]): Buffer {
  const parts = texts.flatMap((text) => {
    const bytes = Buffer.from(text, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32LE(bytes.length);
    return [length, bytes];
  });
  return Buffer.concat(parts);
}
