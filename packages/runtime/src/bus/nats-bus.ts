import {
  connect,
  headers as natsHeaders,
  ErrorCode as NatsErrorCode,
  JSONCodec,
  RequestStrategy,
  type NatsConnection,
  type NatsError,
} from 'nats';
import { Headers, type Endpoint, type Envelope, type ServiceName } from '@octroi/contracts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { BaseBus } from './base-bus.ts';
import { dispatch, InFlight, newRequestId } from './dispatch.ts';
import type { RunningService, ServiceDefinition, ServiceInstance } from './types.ts';

const codec = JSONCodec<unknown>();

/**
 * The bus on NATS. Each service registers with the NATS micro services API, so `$SRV.PING|INFO|STATS` discovery
 * and statistics come with it, and its endpoints subscribe in a queue group named after the service: N replicas
 * share the load. The connection reconnects forever; requests made while it is down fail fast as `unavailable`.
 */
export class NatsBus extends BaseBus {
  readonly kind = 'nats' as const;

  private constructor(
    readonly connection: NatsConnection,
    log: Logger,
    metrics: Metrics,
  ) {
    super(log, metrics);
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
      if (status.type === 'disconnect' || status.type === 'reconnect' || status.type === 'error') {
        this.log.warn({ nats: status.type, data: String(status.data) }, `NATS connection ${status.type}`);
      }
    }
  }

  protected async send(
    subject: string,
    payload: unknown,
    requestId: string,
    timeoutMs: number,
  ): Promise<Envelope<unknown>> {
    const headers = natsHeaders();
    headers.set(Headers.requestId, requestId);
    try {
      const msg = await this.connection.request(subject, codec.encode(payload ?? {}), { timeout: timeoutMs, headers });
      return codec.decode(msg.data) as Envelope<unknown>;
    } catch (err) {
      const code = (err as NatsError).code;
      if (code === NatsErrorCode.NoResponders) throw NatsBus.noResponders(subject);
      if (code === NatsErrorCode.Timeout) throw NatsBus.timedOut(subject, timeoutMs);
      if (
        code === NatsErrorCode.Disconnect ||
        code === NatsErrorCode.ConnectionClosed ||
        code === NatsErrorCode.ConnectionDraining
      ) {
        throw Object.assign(NatsBus.noResponders(subject), {
          message: `The message bus is not reachable (${subject})`,
        });
      }
      throw err;
    }
  }

  async serve<Eps extends Record<string, Endpoint>>(definition: ServiceDefinition<Eps>): Promise<RunningService> {
    const inFlight = new InFlight();
    const service = await this.connection.services.add({
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
          const requestId = msg.headers?.get(Headers.requestId) || newRequestId();
          void inFlight
            .track(
              dispatch(definition as unknown as ServiceDefinition, endpointKey, decodeOrNull(msg.data), requestId, {
                bus: this,
                log,
                metrics: this.metrics,
              }),
            )
            .then((reply) => msg.respond(this.encodeReply(reply, endpoint.subject, log)));
        },
      });
    }
    // The subscriptions exist once the server has them: flush, so a request sent right after serve() finds them.
    await this.connection.flush();
    const running: RunningService = {
      name: definition.name,
      id: service.info().id,
      get inFlight() {
        return inFlight.size;
      },
      stop: async () => {
        await service.stop();
        await inFlight.drained();
        this.services.delete(running);
      },
    };
    this.services.add(running);
    return running;
  }

  /** A reply too large for the server's message limit becomes an error reply, rather than no reply at all. */
  private encodeReply(reply: Envelope<unknown>, subject: string, log: Logger): Uint8Array {
    const data = codec.encode(reply);
    const limit = this.connection.info?.max_payload ?? Number.POSITIVE_INFINITY;
    if (data.length <= limit) return data;
    log.error({ subject, bytes: data.length, limit }, 'reply larger than the bus allows');
    return codec.encode({
      ok: false,
      error: { code: 'internal', message: `The answer is too large to send (${data.length} bytes); ask for less` },
    });
  }

  async ping(serviceName: ServiceName, timeoutMs = 500): Promise<ServiceInstance[]> {
    const client = this.connection.services.client({ strategy: RequestStrategy.Timer, maxWait: timeoutMs });
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

  protected async disconnect(): Promise<void> {
    if (!this.connection.isClosed()) await this.connection.drain();
  }
}

function decodeOrNull(data: Uint8Array): unknown {
  if (data.length === 0) return {};
  try {
    return codec.decode(data);
  } catch {
    return null; // answered as bad_request by validation
  }
}
