/**
 * The bytes of the Open Inference Protocol over HTTP: a JSON body, or with the binary tensor data extension a JSON
 * header (its length in `Inference-Header-Content-Length`) followed by the tensors' raw bytes. Clients of the
 * ecosystem write a missing value as the bare literal `NaN`, and infinities as `Infinity`, which JSON does not
 * have: read as null (missing) and as the infinities.
 */
import { TOO_DEEP, nestsDeeperThan } from '../json-depth.ts';
import { V2Failure } from './protocol.ts';

export const HEADER_LENGTH = 'inference-header-content-length';

export interface InferBody {
  /** The JSON part, as parsed. */
  json: unknown;
  /** The bytes after the JSON header (empty without binary data). */
  binary: Buffer;
}

export function readInferBody(sent: Buffer | undefined, headerLength: string | undefined): InferBody {
  const body = sent ?? Buffer.alloc(0); // no body at all: read as an empty one, which is not an inference request
  if (headerLength === undefined) return { json: parseJson(body.toString('utf8')), binary: Buffer.alloc(0) };
  const length = Number(headerLength);
  if (!Number.isInteger(length) || length < 0 || length > body.length)
    throw new V2Failure(
      400,
      `${HEADER_LENGTH}: ${headerLength} is not a length within the body (${body.length} bytes)`,
    );
  return { json: parseJson(body.subarray(0, length).toString('utf8')), binary: body.subarray(length) };
}

/** JSON, or JSON with `NaN` and `Infinity` literals (outside strings), read as null and as infinities. */
export function parseJson(text: string): unknown {
  if (nestsDeeperThan(text)) throw new V2Failure(400, TOO_DEEP);
  try {
    return JSON.parse(text);
  } catch (err) {
    if (!/NaN|Infinity/.test(text)) throw new V2Failure(400, `The body is not JSON: ${(err as Error).message}`);
  }
  try {
    return JSON.parse(withoutNonFinite(text));
  } catch (err) {
    throw new V2Failure(400, `The body is not JSON: ${(err as Error).message}`);
  }
}

/** Strings (skipped as they are) and the non-JSON literals, in one pass of the regular expression engine. */
const TOKENS = /"(?:[^"\\]|\\.)*"|NaN|Infinity/g;

/** The text with every `NaN` token outside a string replaced by `null`, every `Infinity` by `1e999` (parsed as ∞). */
function withoutNonFinite(text: string): string {
  return text.replace(TOKENS, (token) => (token === 'NaN' ? 'null' : token === 'Infinity' ? '1e999' : token));
}

/** A response: plain JSON, or the JSON header and the binary tensors after it. */
export function writeInferBody(json: object, binary: Buffer[]): { body: Buffer | string; headerLength?: number } {
  const header = JSON.stringify(json);
  if (binary.length === 0) return { body: header };
  const headerBytes = Buffer.from(header, 'utf8');
  return { body: Buffer.concat([headerBytes, ...binary]), headerLength: headerBytes.length };
}
