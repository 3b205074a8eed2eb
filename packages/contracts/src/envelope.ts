import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { FieldProblem } from './intake/problems.ts';

/** Stable error codes shared by every reply on the bus and mapped to HTTP statuses by the gateway. */
export const ErrorCode = Type.Union([
  Type.Literal('bad_request'),
  Type.Literal('unauthorized'),
  Type.Literal('forbidden'),
  Type.Literal('not_found'),
  Type.Literal('method_not_allowed'),
  Type.Literal('conflict'),
  Type.Literal('rate_limited'),
  Type.Literal('unavailable'),
  Type.Literal('timeout'),
  Type.Literal('internal'),
]);
export type ErrorCode = Static<typeof ErrorCode>;

export const httpStatusOf: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
  timeout: 504,
  internal: 500,
};

export const ErrorBody = Type.Object({
  code: ErrorCode,
  message: Type.String({ description: 'What went wrong, in words a person can act on' }),
  field: Type.Optional(Type.String({ description: 'The input field at fault, as a JSON pointer-like path' })),
  requestId: Type.Optional(Type.String()),
  errors: Type.Optional(
    Type.Array(FieldProblem, {
      description: 'Every problem with the input, one per field at fault; `field` and `message` repeat the first',
    }),
  ),
});
export type ErrorBody = Static<typeof ErrorBody>;

/** Every reply on the bus is one of these two shapes. */
export const Envelope = <T extends TSchema>(data: T) =>
  Type.Union([
    Type.Object({ ok: Type.Literal(true), data }),
    Type.Object({ ok: Type.Literal(false), error: ErrorBody }),
  ]);
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** A request/reply pair on one subject: what the bus and the gateway need to type and validate a call. */
export interface Endpoint<Req extends TSchema = TSchema, Rep extends TSchema = TSchema> {
  readonly service: ServiceName;
  readonly name: string;
  readonly subject: string;
  readonly request: Req;
  readonly reply: Rep;
  /** Safe to send twice: the gateway may retry it once when no replica answered. */
  readonly idempotent: boolean;
}

export type ServiceName = 'scoring' | 'clients' | 'explain' | 'monitoring';
export const SERVICE_NAMES: readonly ServiceName[] = ['scoring', 'clients', 'explain', 'monitoring'];
/** The services without which the gateway cannot decide or explain: its readiness waits for them, not for monitoring. */
export const ESSENTIAL_SERVICES: readonly ServiceName[] = ['scoring', 'clients', 'explain'];

export const SUBJECT_PREFIX = 'octroi.v1';

export function endpoint<Req extends TSchema, Rep extends TSchema>(
  service: ServiceName,
  name: string,
  request: Req,
  reply: Rep,
  idempotent = true,
): Endpoint<Req, Rep> {
  return { service, name, subject: `${SUBJECT_PREFIX}.${service}.${name}`, request, reply, idempotent };
}

/** Header names carried on every bus message. */
export const Headers = {
  requestId: 'Octroi-Request-Id',
  /** The API key name or user the gateway authenticated. */
  principal: 'Octroi-Principal',
  /** The caller's Idempotency-Key, on the endpoints that decide. */
  idempotencyKey: 'Octroi-Idempotency-Key',
} as const;
