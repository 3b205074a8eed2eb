import { OctroiError } from '@octroi/contracts';

/** The failure a caller can act on (unknown client, unknown feature…), shared by every service. */
export { OctroiError as DomainError };

export function isDomainError(error: unknown): error is OctroiError {
  return error instanceof OctroiError;
}

/** The model bundle folder is incomplete or one of its files is not what the services expect. */
export class BundleError extends Error {
  override readonly name = 'BundleError';
}
