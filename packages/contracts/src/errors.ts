import type { ErrorBody, ErrorCode } from './envelope.ts';

/**
 * A failure a caller can act on, in every service and at the gateway: a stable code (the bus reply and the HTTP
 * status derive from it), a message for people, and the input field at fault when there is one.
 */
export class OctroiError extends Error {
  override readonly name = 'OctroiError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }

  static notFound(message: string, field?: string): OctroiError {
    return new OctroiError('not_found', message, field);
  }

  static badRequest(message: string, field?: string): OctroiError {
    return new OctroiError('bad_request', message, field);
  }

  static from(body: ErrorBody): OctroiError {
    return new OctroiError(body.code, body.message, body.field);
  }
}
