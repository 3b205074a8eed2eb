import type { FastifyRequest } from 'fastify';
import type { Endpoint } from '@octroi/contracts';
import { OctroiError, type Bus, type ReplyOf, type RequestOf } from '@octroi/runtime';

export type Forward = <E extends Endpoint>(
  endpoint: E,
  payload: RequestOf<E>,
  request: FastifyRequest,
) => Promise<ReplyOf<E>>;

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
      const retriable = err instanceof OctroiError && (err.code === 'unavailable' || err.code === 'timeout');
      if (!endpoint.idempotent || !retriable) throw err;
      request.log.warn(
        { subject: endpoint.subject, code: (err as OctroiError).code },
        'no answer from the service: retrying once',
      );
      if ((err as OctroiError).code === 'unavailable')
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
      return bus.request(endpoint, payload, options);
    }
  };
}
