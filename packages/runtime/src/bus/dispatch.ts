import { randomUUID } from 'node:crypto';
import type { Endpoint, Envelope } from '@octroi/contracts';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { Value } from '@sinclair/typebox/value';
import type { TSchema } from '@sinclair/typebox';
import { OctroiError, toErrorBody } from '../errors.ts';
import { isStorageOutage } from '../jetstream/outage.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { contextFrom, endSpan, SpanKind, startSpan, tracerOf } from '../tracing.ts';
import type { Bus, CallContext, HandlerContext, ServiceDefinition } from './types.ts';

const checks = new WeakMap<TSchema, TypeCheck<TSchema>>();
function checkerOf(schema: TSchema): TypeCheck<TSchema> {
  let check = checks.get(schema);
  if (!check) {
    check = TypeCompiler.Compile(schema);
    checks.set(schema, check);
  }
  return check;
}

/** The JSON pointer of a schema error, as a dotted field path (`/applications/0/AMT_CREDIT` → `applications.0.AMT_CREDIT`). */
const fieldOf = (path: string) => path.replace(/^\//, '').replaceAll('/', '.') || undefined;

const withDefaults = new WeakMap<TSchema, boolean>();
/** Whether a schema declares a default anywhere: only then is a payload walked to fill them in. */
function hasDefaults(schema: TSchema): boolean {
  let known = withDefaults.get(schema);
  if (known === undefined) {
    known = JSON.stringify(schema).includes('"default":');
    withDefaults.set(schema, known);
  }
  return known;
}

/**
 * Checks a payload against its schema after filling defaults; throws `bad_request` naming the first field at fault.
 * Shared by the bus (service side) so that both transports validate the same way. The payload is the caller's
 * fresh copy (both transports decode it from JSON), so defaults are filled in place, without a clone, and only
 * for schemas that have defaults: walking every number of a large payload was a fifth of a busy service's CPU.
 */
export function decodeRequest<T>(schema: TSchema, payload: unknown): T {
  const given = payload ?? {};
  const value = hasDefaults(schema) ? Value.Default(schema, given) : given;
  const check = checkerOf(schema);
  if (check.Check(value)) return value as T;
  const first = check.Errors(value).First();
  const field = first ? fieldOf(first.path) : undefined;
  throw new OctroiError('bad_request', first ? `${field ?? 'body'}: ${first.message}` : 'Invalid request', field);
}

export const newRequestId = () => randomUUID();

/**
 * Runs one handler for one request: validates, times, counts and turns any failure into an error envelope.
 * Both bus implementations call this, so their semantics cannot drift apart.
 */
export async function dispatch(
  definition: ServiceDefinition,
  endpointKey: string,
  payload: unknown,
  call: CallContext,
  context: { bus: Bus; log: Logger; metrics: Metrics; instance: string },
): Promise<Envelope<unknown>> {
  const endpoint = definition.endpoints[endpointKey] as Endpoint;
  const handler = definition.handlers[endpointKey]!;
  const log = context.log.child({ requestId: call.requestId, subject: endpoint.subject });
  const tracing = handlingSpan(definition.name, endpoint.subject, call, context.bus);
  const span = tracing?.traced;
  const ctx: HandlerContext = {
    ...call,
    log,
    instance: context.instance,
    instanceRunning: (instance) => context.bus.instanceRunning(definition.name, instance),
    request: (ep, body, options) => context.bus.request(ep, body, { ...options, ...call, ...(span && { span }) }),
  };
  const stopTimer = context.metrics.handleSeconds.startTimer({ service: definition.name, subject: endpoint.subject });
  context.metrics.inFlight.inc({ service: definition.name });
  let reply: Envelope<unknown>;
  try {
    const request = decodeRequest(endpoint.request, payload);
    reply = { ok: true, data: await handler(request, ctx) };
  } catch (err) {
    const error = toErrorBody(isStorageOutage(err) ? storeOutOfReach(err) : err);
    if (error.code === 'internal') log.error({ err }, 'handler failed');
    else log.debug({ code: error.code, message: error.message }, 'request refused');
    reply = { ok: false, error };
  }
  stopTimer();
  context.metrics.inFlight.dec({ service: definition.name });
  context.metrics.handled.inc({
    service: definition.name,
    subject: endpoint.subject,
    code: reply.ok ? 'ok' : reply.error.code,
  });
  if (tracing) endSpan(tracing.span, reply.ok ? undefined : reply.error);
  return reply;
}

/**
 * A store read or write the handler did not wrap (a raw NATS timeout while JetStream restarts or elects a leader)
 * is an outage the caller may retry after a while, never an internal error.
 */
function storeOutOfReach(cause: unknown) {
  const outage = new OctroiError('unavailable', 'The store is out of reach: try again shortly');
  outage.cause = cause;
  return outage;
}

/** The service's span of one request, the child of the caller's when `trace` names one; none when not tracing. */
function handlingSpan(service: string, subject: string, call: CallContext, bus: Bus) {
  const tracer = tracerOf(service);
  if (!tracer) return undefined;
  const parent = contextFrom(call.trace && { get: (key) => call.trace?.[key as keyof typeof call.trace] });
  return startSpan({ tracer, context: parent }, subject, SpanKind.SERVER, {
    'messaging.system': bus.kind === 'nats' ? 'nats' : 'in-process',
    'messaging.destination.name': subject,
    'octroi.request_id': call.requestId,
  });
}

/** Unwraps a reply envelope: data, or the service's error rethrown with its code. */
export function openEnvelope<T>(reply: Envelope<T>): T {
  if (reply.ok) return reply.data;
  throw OctroiError.from(reply.error);
}

/** Counts the handlers running for a service so that stopping can wait for them. */
export class InFlight {
  private count = 0;
  private idle: Array<() => void> = [];
  get size() {
    return this.count;
  }
  async track<T>(work: Promise<T>): Promise<T> {
    this.count++;
    try {
      return await work;
    } finally {
      this.count--;
      if (this.count === 0) this.idle.splice(0).forEach((resolve) => resolve());
    }
  }
  drained(): Promise<void> {
    return this.count === 0 ? Promise.resolve() : new Promise((resolve) => this.idle.push(resolve));
  }
}
