import type { ErrorBody, ErrorCode } from '@octroi/contracts';

const CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'bad_request', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'rate_limited', 'unavailable', 'timeout', 'internal',
]);

/** An error that crosses the bus: a stable code, a message for people, and the field at fault if any. */
export class OctroiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'OctroiError';
  }

  static from(body: ErrorBody): OctroiError {
    return new OctroiError(body.code, body.message, body.field);
  }
}

export const badRequest = (message: string, field?: string) => new OctroiError('bad_request', message, field);
export const notFound = (message: string) => new OctroiError('not_found', message);

/** Any thrown value whose `code` is one of ours keeps its code; everything else is `internal` and its details stay in the logs. */
export function toErrorBody(err: unknown): ErrorBody {
  const { code, field } = (err ?? {}) as { code?: unknown; field?: unknown };
  if (err instanceof Error && typeof code === 'string' && CODES.has(code)) {
    return {
      code: code as ErrorCode,
      message: err.message,
      ...(typeof field === 'string' ? { field } : {}),
    };
  }
  return { code: 'internal', message: 'The service failed to handle the request' };
}
