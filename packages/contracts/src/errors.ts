import type { ErrorBody, ErrorCode } from './envelope.ts';
import type { FieldProblem } from './intake/problems.ts';

/**
 * A failure a caller can act on, in every service and at the gateway: a stable code (the bus reply and the HTTP
 * status derive from it), a message for people, the input field at fault when there is one, and for invalid input
 * every problem found.
 */
export class OctroiError extends Error {
  override readonly name = 'OctroiError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly errors?: FieldProblem[],
  ) {
    super(message);
  }

  static notFound(message: string, field?: string): OctroiError {
    return new OctroiError('not_found', message, field);
  }

  static badRequest(message: string, field?: string): OctroiError {
    return new OctroiError('bad_request', message, field);
  }

  /** Input with problems: a 400 listing all of them, the first repeated in `field` and `message`. */
  static invalid(problems: FieldProblem[]): OctroiError {
    const [first] = problems;
    if (first === undefined) throw new Error('OctroiError.invalid needs at least one problem');
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more, listed in errors)` : '';
    return new OctroiError('bad_request', `${first.message}${more}`, first.field || undefined, problems);
  }

  static from(body: ErrorBody): OctroiError {
    return new OctroiError(body.code, body.message, body.field, body.errors);
  }

  /** The body a reply carries (request id added by whoever answers). */
  toBody(): ErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.field ? { field: this.field } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}
