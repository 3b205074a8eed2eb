import { OctroiError, type ErrorBody, type ErrorCode } from '@octroi/contracts';

const CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'conflict',
  'rate_limited',
  'unavailable',
  'timeout',
  'internal',
]);

export { OctroiError };

/**
 * `unavailable` because no instance of a service is subscribed at this moment (none running, or all of them
 * reconnecting after a NATS restart), as opposed to a service that answered `unavailable` itself: only this one is
 * worth asking again a moment later.
 */
export class NoInstanceAnswers extends OctroiError {
  constructor(message: string) {
    super('unavailable', message);
  }
}

/** Any thrown value whose `code` is one of ours keeps its code; everything else is `internal` and its details stay in the logs. */
export function toErrorBody(err: unknown): ErrorBody {
  const { code, field, errors } = (err ?? {}) as { code?: unknown; field?: unknown; errors?: unknown };
  if (err instanceof Error && typeof code === 'string' && CODES.has(code)) {
    return {
      code: code as ErrorCode,
      message: err.message,
      ...(typeof field === 'string' ? { field } : {}),
      ...(Array.isArray(errors) ? { errors: errors as ErrorBody['errors'] } : {}),
    };
  }
  return { code: 'internal', message: 'The service failed to handle the request' };
}
