import type { ErrorCode } from '@octroi/contracts';

/**
 * A failure a caller can act on (unknown client, unknown feature…), carrying the stable code
 * the bus reply and the gateway's HTTP status are derived from.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The input field at fault, when there is one. */
    readonly field?: string,
  ) {
    super(message);
  }

  static notFound(message: string, field?: string): DomainError {
    return new DomainError('not_found', message, field);
  }

  static badRequest(message: string, field?: string): DomainError {
    return new DomainError('bad_request', message, field);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/** The model bundle folder is incomplete or one of its files is not what the services expect. */
export class BundleError extends Error {
  override readonly name = 'BundleError';
}
