import {
  connect,
  ClosedConnectionError,
  DrainingConnectionError,
  headers as natsHeaders,
  RequestError,
  TimeoutError,
  type MsgHdrs,
  type NatsConnection,
} from '@nats-io/transport-node';
import { Svcm } from '@nats-io/services';
import { Headers, type Endpoint, type Envelope, type ServiceName } from '@octroi/contracts';
import { OctroiError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { BaseBus } from './base-bus.ts';
import { dispatch, InFlight, newRequestId } from './dispatch.ts';
import type { CallContext, RunningService, ServiceDefinition, ServiceInstance } from './types.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const encode = (value: unknown) => encoder.encode(JSON.stringify(value));

/**
 * The bus on NATS. Each service registers with the NATS micro services API, so `$SRV.PING|INFO|STATS` discovery
 * and statistics come with it, and its endpoints subscribe in a queue group named after the service: N replicas
 * share the load. The connection reconnects forever; a request made while it is down is kept by the client and sent
 * on reconnection, so it succeeds if the server is back within its timeout and fails as `timeout` otherwise.
 */
export class NatsBus extends BaseBus {
  readonly kind = 'nats' as const;

  /** The micro services API on this connection: `$SRV` discovery and statistics. */
  private readonly micro: Svcm;
  /** Requests waiting for their reply, to be failed at once when the connection drops (see `watchStatus`). */
  private readonly waiting = new Set<(err: Error) => void>();
  /** While the connection is down: resolves when it is back. */
  private reconnection: { done: Promise<void>; resolve: () => void } | undefined;

  private constructor(
    readonly connection: NatsConnection,
    log: Logger,
    metrics: Metrics,
  ) {
    super(log, metrics);
    this.micro = new Svcm(connection);
  }

  static async connect(url: string, name: string, log: Logger, metrics: Metrics): Promise<NatsBus> {
    const connection = await connect({
      servers: url.split(','),
      name,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 250,
      waitOnFirstConnect: true,
      // nats.js otherwise builds an Error for every request, to carry where it was made into a possible failure:
      // a tenth of a busy process's CPU. Failures are logged where they are caught, with the subject.
      noAsyncTraces: true,
    });
    const bus = new NatsBus(connection, log, metrics);
    void bus.watchStatus();
    return bus;
  }

  private async watchStatus() {
    for await (const status of this.connection.status()) {
      if (status.type === 'disconnect' || status.type === 'reconnect') {
        this.log.warn({ nats: status.type, server: status.server }, `NATS connection ${status.type}`);
      }
      if (status.type === 'disconnect' && !this.reconnection) {
        // A request in flight when the connection drops has most likely lost its message or its reply: fail it now
        // as a timeout, which callers may retry, rather than after its whole timeout. Requests made until the
        // connection is back wait for it (a request buffered meanwhile was measured never to be answered).
        let resolve: () => void = () => undefined;
        const done = new Promise<void>((ready) => (resolve = ready));
        this.reconnection = { done, resolve };
        const interrupted = new OctroiError('timeout', 'The connection to the message bus was interrupted');
        for (const fail of this.waiting) fail(interrupted);
        this.waiting.clear();
      } else if (status.type === 'reconnect') {
        this.reconnection?.resolve();
        this.reconnection = undefined;
      } else if (status.type === 'error') {
        this.log.warn({ nats: status.type, err: status.error }, 'NATS connection error');
      }
    }
  }

  protected async send(
    subject: string,
    payload: unknown,
    call: CallContext,
    timeoutMs: number,
  ): Promise<Envelope<unknown>> {
    const headers = natsHeaders();
    headers.set(Headers.requestId, call.requestId);
    if (call.principal) headers.set(Headers.principal, call.principal);
    if (call.idempotencyKey) headers.set(Headers.idempotencyKey, call.idempotencyKey);
    for (const [name, value] of Object.entries(call.trace ?? {})) headers.set(name, value);
    if (this.reconnection) await waitAtMost(this.reconnection.done, timeoutMs);
    let fail: (err: Error) => void = () => undefined;
    const interrupted = new Promise<never>((_, reject) => (fail = reject));
    this.waiting.add(fail);
    try {
      const reply = this.connection.request(subject, encode(payload ?? {}), { timeout: timeoutMs, headers });
      // When the interruption wins the race, the request still fails later (its timeout): that failure is expected
      // and must not surface as an unhandled rejection, which would end the process.
      reply.catch(() => undefined);
      const msg = await Promise.race([reply, interrupted]);
      return msg.json<Envelope<unknown>>();
    } catch (err) {
      if (err instanceof OctroiError) throw err;
      if (err instanceof RequestError && err.isNoResponders()) throw NatsBus.noResponders(subject);
      if (err instanceof TimeoutError) throw NatsBus.timedOut(subject, timeoutMs);
      if (err instanceof ClosedConnectionError || err instanceof DrainingConnectionError) {
        throw Object.assign(NatsBus.noResponders(subject), {
          message: `The message bus is not reachable (${subject})`,
        });
      }
      throw err;
    } finally {
      this.waiting.delete(fail);
    }
  }

  async serve<Eps extends Record<string, Endpoint>>(definition: ServiceDefinition<Eps>): Promise<RunningService> {
    const inFlight = new InFlight();
    let service = await this.join(definition, inFlight);
    let ended = false;
    const running: RunningService = {
      name: definition.name,
      get id() {
        return service.info().id;
      },
      get inFlight() {
        return inFlight.size;
      },
      get left() {
        return service.isStopped && !ended;
      },
      stop: async () => {
        ended = true;
        await service.stop();
        await inFlight.drained();
        this.services.delete(running);
      },
      // Draining the subscriptions answers what was already delivered; the server sends the rest to the others.
      leave: async () => {
        await service.stop();
      },
      rejoin: async () => {
        if (ended || !service.isStopped) return;
        service = await this.join(definition, inFlight);
      },
    };
    this.services.add(running);
    return running;
  }

  /** Registers the service's endpoints with the micro services API, in the queue group named after the service. */
  private async join<Eps extends Record<string, Endpoint>>(definition: ServiceDefinition<Eps>, inFlight: InFlight) {
    const service = await this.micro.add({
      name: definition.name,
      version: definition.version,
      description: definition.description,
      queue: definition.name,
      metadata: definition.modelVersion ? { modelVersion: definition.modelVersion } : {},
    });
    const log = this.log.child({ service: definition.name, instance: service.info().id });
    for (const [endpointKey, endpoint] of Object.entries(definition.endpoints)) {
      service.addEndpoint(endpoint.name, {
        subject: endpoint.subject,
        queue: definition.name,
        metadata: { idempotent: String(endpoint.idempotent) },
        handler: (err, msg) => {
          if (err) {
            log.error({ err }, 'endpoint subscription failed');
            return;
          }
          const call = callOf(msg.headers);
          void inFlight
            .track(
              dispatch(definition as unknown as ServiceDefinition, endpointKey, decodeOrNull(msg.data), call, {
                bus: this,
                log,
                metrics: this.metrics,
                instance: service.info().id,
              }),
            )
            .then((reply) => msg.respond(this.encodeReply(reply, endpoint.subject, log)))
            // The connection closed under the reply (a drain at shutdown): the caller retries elsewhere.
            .catch((err: unknown) => log.warn({ err, subject: endpoint.subject }, 'could not send the reply'));
        },
      });
    }
    // The subscriptions exist once the server has them: flush, so a request sent right after serve() finds them.
    await this.subscribed(log);
    return service;
  }

  /**
   * Waits until the server has every subscription made so far. A connection dropped meanwhile (the server saw no
   * answer to its pings while this process was busy starting) rejects the flush; nats.js subscribes again by itself
   * once it reconnects, so the service waits for that and carries on rather than failing its start-up.
   */
  private async subscribed(log: Logger) {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.connection.flush();
        return;
      } catch (err) {
        if (!(err instanceof RequestError) || this.connection.isClosed()) throw err;
        if (attempt === 0) log.warn({ err: String(err) }, 'connection dropped while subscribing: waiting for it');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  /** A reply too large for the server's message limit becomes an error reply, rather than no reply at all. */
  private encodeReply(reply: Envelope<unknown>, subject: string, log: Logger): Uint8Array {
    const data = encode(reply);
    const limit = this.connection.info?.max_payload ?? Number.POSITIVE_INFINITY;
    if (data.length <= limit) return data;
    log.error({ subject, bytes: data.length, limit }, 'reply larger than the bus allows');
    return encode({
      ok: false,
      error: { code: 'internal', message: `The answer is too large to send (${data.length} bytes); ask for less` },
    });
  }

  async ping(serviceName: ServiceName, timeoutMs = 500): Promise<ServiceInstance[]> {
    const client = this.micro.client({ strategy: 'timer', maxWait: timeoutMs });
    const found: ServiceInstance[] = [];
    try {
      for await (const identity of await client.ping(serviceName)) {
        found.push({ name: identity.name, id: identity.id, version: identity.version });
      }
    } catch {
      // No responders or a closed connection: nobody answered.
    }
    return found;
  }

  async instanceRunning(serviceName: ServiceName, instance: string): Promise<boolean> {
    try {
      await this.connection.request(`$SRV.PING.${serviceName}.${instance}`, '', { timeout: 1000 });
      return true;
    } catch (err) {
      return !(err instanceof RequestError && err.isNoResponders());
    }
  }

  protected async disconnect(): Promise<void> {
    if (!this.connection.isClosed()) await this.connection.drain();
  }
}

/** Resolves when `promise` does, or after `ms`, whichever comes first. */
async function waitAtMost(promise: Promise<void>, ms: number) {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

function callOf(headers: MsgHdrs | undefined): CallContext {
  const principal = headers?.get(Headers.principal);
  const idempotencyKey = headers?.get(Headers.idempotencyKey);
  const [traceparent, tracestate] = [headers?.get('traceparent'), headers?.get('tracestate')];
  return {
    requestId: headers?.get(Headers.requestId) || newRequestId(),
    ...(principal ? { principal } : {}),
    ...(idempotencyKey ? { idempotencyKey } : {}),
    ...(traceparent ? { trace: { traceparent, ...(tracestate ? { tracestate } : {}) } } : {}),
  };
}

function decodeOrNull(data: Uint8Array): unknown {
  if (data.length === 0) return {};
  try {
    return JSON.parse(decoder.decode(data));
  } catch {
    return null; // answered as bad_request by validation
  }
}
