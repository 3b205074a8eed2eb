import type { FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import { gatewayCounters } from '@octroi/contracts';
import type { Redis } from '@octroi/runtime';

const UNLIMITED = ['/healthz', '/readyz', '/metrics'];

/** Who a request is counted against: its API key or user once identified, its address otherwise. */
export const limitKeyOf = (request: FastifyRequest) =>
  request.principal ? `${request.principal.kind}:${request.principal.id}` : `address:${request.ip}`;

/**
 * Requests per minute for each API key or signed-in user, or for each address when the request names nobody
 * valid. The count is taken when a request arrives, before it is authenticated: a request refused 401 counts
 * against its address like any other. With Redis (REDIS_URL) every gateway replica shares the counts (one round
 * trip per request); should Redis be out of reach, requests are let through rather than refused. Probes and metrics
 * are never limited. `perMinute` 0 leaves only the routes that set their own limit (sign-in).
 */
export default fp<{ perMinute: number; redis?: Redis }>(
  async (app, { perMinute, redis }) => {
    await app.register(rateLimit, {
      global: perMinute > 0,
      hook: 'onRequest',
      max: perMinute,
      timeWindow: '1 minute',
      keyGenerator: limitKeyOf,
      allowList: (request) => UNLIMITED.includes(request.url),
      ...(redis ? { redis, nameSpace: gatewayCounters.rateLimit, skipOnError: true } : {}),
    });
  },
  { name: 'rate-limit', dependencies: ['auth'] },
);
