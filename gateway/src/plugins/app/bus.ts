import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { endpoints, ESSENTIAL_SERVICES, SERVICE_NAMES, type Endpoint } from '@octroi/contracts';
import {
  NatsBus,
  NoInstanceAnswers,
  OctroiError,
  storageStatus,
  type Bus,
  type ReplyOf,
  type RequestOf,
  type StorageStatus,
} from '@octroi/runtime';

/** What the bus needs of the request it forwards: its id (carried on) and its logger (HTTP or gRPC alike). */
export type Asker = Pick<FastifyRequest, 'id' | 'log'> &
  Partial<Pick<FastifyRequest, 'principal' | 'headers' | 'traced'>>;

export type Forward = <E extends Endpoint>(endpoint: E, payload: RequestOf<E>, request: Asker) => Promise<ReplyOf<E>>;

export interface Readiness {
  ready: boolean;
  /** Instances of each service that answered a ping (monitoring included, though readiness does not wait for it). */
  services: Record<string, number>;
  /** The durable store (audit log, buckets): whether it answers, and the copies each stream keeps. */
  storage: StorageStatus;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Sends a request's message to the service that owns it and answers its reply (or its error). */
    forward: Forward;
    /** Whether every service has at least one instance answering on the bus. */
    servicesReady(): Promise<Readiness>;
  }
}

/**
 * The endpoints whose answer is a recorded decision. They wait for the durable store, which may be electing a new
 * leader after losing a node (STORE_TIMEOUT_MS), so the gateway waits longer for them than for the others.
 */
const RECORDS_DECISIONS: ReadonlySet<Endpoint> = new Set([
  endpoints.scoring.score,
  endpoints.scoring.scoreBatch,
  endpoints.scoring.scoreApplications,
  endpoints.scoring.scoreClient,
  endpoints.scoring.recordOfficerDecision,
]);

export interface BusTimeouts {
  /** How long a request waits for its answer. */
  timeoutMs: number;
  /** The same for a request that records decisions. */
  recordingTimeoutMs: number;
}

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
const FIRST_RETRY_DELAY_MS = 50;
const LONGEST_RETRY_DELAY_MS = 800;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * HTTP → bus. The request id, the principal, the caller's Idempotency-Key and, when tracing, the request's span travel
 * with the message.
 * A request is sent again when:
 * - no instance is subscribed (after a NATS restart the services take a moment to subscribe again, during a rolling
 *   update none may be for an instant): no replica received it, so again and again with back-off, for up to the bus
 *   timeout;
 * - no replica answered in time (it died or froze holding the request): once, which goes to another replica, and
 *   only when that cannot decide twice: the endpoint is idempotent (a known client's decision of record) or the
 *   caller gave an Idempotency-Key.
 */
export function busForwarder(bus: Bus, timeouts: BusTimeouts): Forward {
  return async (endpoint, payload, request) => {
    const timeoutMs = RECORDS_DECISIONS.has(endpoint) ? timeouts.recordingTimeoutMs : timeouts.timeoutMs;
    const idempotencyKey = request.headers?.[IDEMPOTENCY_KEY_HEADER];
    const options = {
      requestId: request.id,
      timeoutMs,
      ...(request.principal ? { principal: request.principal.id } : {}),
      ...(request.traced ? { span: request.traced } : {}),
      ...(typeof idempotencyKey === 'string' && /^[\x21-\x7E]{1,200}$/.test(idempotencyKey) ? { idempotencyKey } : {}),
    };
    const giveUpAt = Date.now() + timeoutMs;
    let retriedTimeout = false;
    for (let attempt = 0; ; attempt++) {
      try {
        return await bus.request(endpoint, payload, options);
      } catch (err) {
        if (!(err instanceof OctroiError)) throw err;
        const decidesOnce = endpoint.idempotent || options.idempotencyKey !== undefined;
        if (err instanceof NoInstanceAnswers) {
          const delay = Math.min(FIRST_RETRY_DELAY_MS * 2 ** attempt, LONGEST_RETRY_DELAY_MS);
          if (Date.now() + delay > giveUpAt) throw err;
          if (attempt === 0) request.log.warn({ subject: endpoint.subject }, 'no instance subscribed: waiting for one');
          await sleep(delay);
        } else if (err.code === 'timeout' && decidesOnce && !retriedTimeout) {
          retriedTimeout = true;
          request.log.warn({ subject: endpoint.subject, code: err.code }, 'no answer from the service: retrying once');
        } else {
          throw err;
        }
      }
    }
  };
}

const storageUnchecked: StorageStatus = { available: true, problems: [], replicas: {} };

/** Ready when every essential service has an instance answering a ping and the durable store answers. */
export async function servicesReady(bus: Bus): Promise<Readiness> {
  const [counts, storage] = await Promise.all([
    Promise.all(SERVICE_NAMES.map(async (name) => [name, (await bus.ping(name, 300)).length] as const)),
    bus instanceof NatsBus ? storageStatus(bus.connection) : storageUnchecked,
  ]);
  const services = Object.fromEntries(counts);
  return {
    ready: ESSENTIAL_SERVICES.every((name) => (services[name] ?? 0) > 0) && storage.available,
    services,
    storage,
  };
}

/** The bus, shared by every route: `app.forward(endpoint, payload, request)` and `app.servicesReady()`. */
export default fp<{ bus: Bus; timeouts: BusTimeouts }>(
  async (app, { bus, timeouts }) => {
    app.decorate('forward', busForwarder(bus, timeouts));
    app.decorate('servicesReady', () => servicesReady(bus));
  },
  { name: 'bus' },
);
