import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ESSENTIAL_SERVICES, SERVICE_NAMES, type Endpoint } from '@octroi/contracts';
import { OctroiError, type Bus, type ReplyOf, type RequestOf } from '@octroi/runtime';

export type Forward = <E extends Endpoint>(
  endpoint: E,
  payload: RequestOf<E>,
  request: FastifyRequest,
) => Promise<ReplyOf<E>>;

export interface Readiness {
  ready: boolean;
  /** Instances of each service that answered a ping (monitoring included, though readiness does not wait for it). */
  services: Record<string, number>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Sends a request's message to the service that owns it and answers its reply (or its error). */
    forward: Forward;
    /** Whether every service has at least one instance answering on the bus. */
    servicesReady(): Promise<Readiness>;
  }
}

const RETRY_DELAY_MS = 150;

/**
 * HTTP → bus. The request id of the HTTP request travels with the message. An idempotent request that no replica
 * answered (the replica died holding it, or none is subscribed for a moment) is sent once more with the same id,
 * so a duplicate is recognised downstream (the audit log keeps a decision once).
 */
export function busForwarder(bus: Bus, timeoutMs: number): Forward {
  return async (endpoint, payload, request) => {
    const options = { requestId: request.id, timeoutMs };
    try {
      return await bus.request(endpoint, payload, options);
    } catch (err) {
      if (!endpoint.idempotent || !(err instanceof OctroiError)) throw err;
      if (err.code !== 'unavailable' && err.code !== 'timeout') throw err;
      request.log.warn({ subject: endpoint.subject, code: err.code }, 'no answer from the service: retrying once');
      if (err.code === 'unavailable') await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
      return bus.request(endpoint, payload, options);
    }
  };
}

export async function servicesReady(bus: Bus): Promise<Readiness> {
  const counts = await Promise.all(
    SERVICE_NAMES.map(async (name) => [name, (await bus.ping(name, 300)).length] as const),
  );
  const services = Object.fromEntries(counts);
  return { ready: ESSENTIAL_SERVICES.every((name) => (services[name] ?? 0) > 0), services };
}

/** The bus, shared by every route: `app.forward(endpoint, payload, request)` and `app.servicesReady()`. */
export default fp<{ bus: Bus; timeoutMs: number }>(
  async (app, { bus, timeoutMs }) => {
    app.decorate('forward', busForwarder(bus, timeoutMs));
    app.decorate('servicesReady', () => servicesReady(bus));
  },
  { name: 'bus' },
);
