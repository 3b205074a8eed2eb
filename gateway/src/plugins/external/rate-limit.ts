import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';

const UNLIMITED = ['/healthz', '/readyz', '/metrics'];

/**
 * Requests per minute for each API key or signed-in user (the principal, known once authentication ran), or for
 * each address before that. Probes and metrics are never limited. `perMinute` 0 leaves only the routes that set
 * their own limit (sign-in).
 */
export default fp<{ perMinute: number }>(
  async (app, { perMinute }) => {
    await app.register(rateLimit, {
      global: perMinute > 0,
      hook: 'preHandler',
      max: perMinute,
      timeWindow: '1 minute',
      keyGenerator: (request) => request.principal?.id ?? request.ip,
      allowList: (request) => UNLIMITED.includes(request.url),
    });
  },
  { name: 'rate-limit', dependencies: ['auth'] },
);
