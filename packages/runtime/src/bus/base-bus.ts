import type { Endpoint, Envelope, ServiceName } from '@octroi/contracts';
import { NoInstanceAnswers, OctroiError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { endSpan, headersOf, SpanKind, startSpan, type Traced } from '../tracing.ts';
import { newRequestId, openEnvelope } from './dispatch.ts';
import {
  DEFAULT_TIMEOUT_MS,
  type Bus,
  type CallContext,
  type ReplyOf,
  type RequestOf,
  type RequestOptions,
  type RunningService,
  type ServiceDefinition,
  type ServiceInstance,
} from './types.ts';

/** The caller's side shared by both transports: request ids, timing, metrics, and the envelope opened into data or an error. */
export abstract class BaseBus implements Bus {
  abstract readonly kind: 'nats' | 'memory';
  protected readonly services = new Set<RunningService>();

  constructor(
    protected readonly log: Logger,
    protected readonly metrics: Metrics,
  ) {}

  async request<E extends Endpoint>(
    endpoint: E,
    payload: RequestOf<E>,
    options: RequestOptions = {},
  ): Promise<ReplyOf<E>> {
    const { timeoutMs = DEFAULT_TIMEOUT_MS, requestId = newRequestId(), principal, idempotencyKey } = options;
    const span = options.span && this.requestSpan(options.span, endpoint.subject, requestId);
    const trace = span?.headers ?? options.trace;
    const call: CallContext = {
      requestId,
      ...(principal ? { principal } : {}),
      ...(idempotencyKey ? { idempotencyKey } : {}),
      ...(trace ? { trace } : {}),
    };
    const stopTimer = this.metrics.requestSeconds.startTimer({ subject: endpoint.subject });
    let outcome = 'ok';
    let failure: { code?: string; message?: string } | undefined;
    try {
      const reply = await this.send(endpoint.subject, payload, call, timeoutMs);
      if (!reply.ok) failure = reply.error;
      return openEnvelope(reply as Envelope<ReplyOf<E>>);
    } catch (err) {
      failure = err instanceof OctroiError ? err : { message: String(err) };
      throw err;
    } finally {
      stopTimer();
      if (failure?.code) outcome = failure.code;
      this.metrics.requested.inc({ subject: endpoint.subject, outcome });
      if (span) endSpan(span.span, failure);
    }
  }

  /** The caller's span of one request, and the headers that make the service's span its child. */
  private requestSpan(caller: Traced, subject: string, requestId: string) {
    const { span, traced } = startSpan(caller, subject, SpanKind.CLIENT, {
      'messaging.system': this.kind === 'nats' ? 'nats' : 'in-process',
      'messaging.destination.name': subject,
      'octroi.request_id': requestId,
    });
    return { span, headers: headersOf(traced) };
  }

  async close(): Promise<void> {
    await Promise.all([...this.services].map((service) => service.stop()));
    await this.disconnect();
  }

  protected static noResponders(subject: string) {
    return new NoInstanceAnswers(`No instance of the service answers on ${subject}`);
  }
  protected static timedOut(subject: string, timeoutMs: number) {
    return new OctroiError('timeout', `No answer on ${subject} within ${timeoutMs} ms`);
  }

  protected abstract send(
    subject: string,
    payload: unknown,
    call: CallContext,
    timeoutMs: number,
  ): Promise<Envelope<unknown>>;
  protected abstract disconnect(): Promise<void>;
  abstract serve<Eps extends Record<string, Endpoint>>(definition: ServiceDefinition<Eps>): Promise<RunningService>;
  abstract ping(service: ServiceName, timeoutMs?: number): Promise<ServiceInstance[]>;
  abstract instanceRunning(service: ServiceName, instance: string): Promise<boolean>;
}
