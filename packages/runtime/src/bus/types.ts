import type { Static } from '@sinclair/typebox';
import type { Endpoint, ServiceName } from '@octroi/contracts';
import type { Logger } from '../logger.ts';
import type { Traced, TraceHeaders } from '../tracing.ts';

export type RequestOf<E extends Endpoint> = Static<E['request']>;
export type ReplyOf<E extends Endpoint> = Static<E['reply']>;

/** What travels with a request besides its payload, and on to every request the handler makes. */
export interface CallContext {
  /** A tracing id; generated when absent. */
  requestId: string;
  principal?: string;
  idempotencyKey?: string;
  /** W3C Trace Context naming the caller's span (`traceparent`, `tracestate`), when a trace is being recorded. */
  trace?: TraceHeaders;
}

export interface RequestOptions extends Partial<CallContext> {
  timeoutMs?: number;
  /** The caller's span, when tracing: the request gets a span of its own under it, named to the service by `trace`. */
  span?: Traced;
}

/** What a handler gets besides its payload: the request id, a logger bound to it, and a way to call other services with the same id. */
export interface HandlerContext extends CallContext {
  log: Logger;
  /** The id of the service instance handling the request (as discovery shows it). */
  instance: string;
  /** Whether an instance of this service still runs (to tell a dead replica's unfinished work from slow work). */
  instanceRunning: (instance: string) => Promise<boolean>;
  request<E extends Endpoint>(
    endpoint: E,
    payload: RequestOf<E>,
    options?: Pick<RequestOptions, 'timeoutMs'>,
  ): Promise<ReplyOf<E>>;
}

export type Handler<E extends Endpoint> = (
  payload: RequestOf<E>,
  ctx: HandlerContext,
) => Promise<ReplyOf<E>> | ReplyOf<E>;

/** One handler per endpoint of a service; the type checks that each handler matches its contract. */
export interface ServiceDefinition<Eps extends Record<string, Endpoint> = Record<string, Endpoint>> {
  name: ServiceName;
  /** The service's code version, semver (NATS micro services require it). */
  version: string;
  description: string;
  /** The model bundle version the service answers with, shown in discovery and metrics. */
  modelVersion?: string;
  endpoints: Eps;
  handlers: { [K in keyof Eps]: Handler<Eps[K]> };
}

export interface ServiceInstance {
  name: string;
  id: string;
  version: string;
}

export interface RunningService {
  readonly name: string;
  readonly id: string;
  /** Requests being handled right now. */
  readonly inFlight: number;
  /** Whether it has left its queue group for now (see `leave`). */
  readonly left: boolean;
  /** Stop taking new requests and resolve once the ones in flight have been answered. */
  stop(): Promise<void>;
  /** Leave the queue group for a while: no new requests, the ones in flight are answered. */
  leave(): Promise<void>;
  /** Join the queue group again after `leave` (as a new instance, with a new id). */
  rejoin(): Promise<void>;
}

export interface Bus {
  readonly kind: 'nats' | 'memory';
  request<E extends Endpoint>(endpoint: E, payload: RequestOf<E>, options?: RequestOptions): Promise<ReplyOf<E>>;
  serve<Eps extends Record<string, Endpoint>>(definition: ServiceDefinition<Eps>): Promise<RunningService>;
  /** Instances of a service that answered a ping within the time limit. */
  ping(service: ServiceName, timeoutMs?: number): Promise<ServiceInstance[]>;
  /** Whether one instance still runs: false only when it is known gone (no responders), true when unsure. */
  instanceRunning(service: ServiceName, instance: string): Promise<boolean>;
  /** Drain: stop every service served here, wait for in-flight work, then close the connection. */
  close(): Promise<void>;
}

export const DEFAULT_TIMEOUT_MS = 5_000;
