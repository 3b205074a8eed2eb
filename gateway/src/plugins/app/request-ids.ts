import { randomUUID } from 'node:crypto';
import type { RawRequestDefaultExpression } from 'fastify';
import fp from 'fastify-plugin';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * A caller's request id (the dashboard sends one) is kept when it is a plain token, so one id follows the request
 * from the browser through every service and into every log line; anything else is replaced. Fastify's `genReqId`.
 */
export function requestIdOf(request: RawRequestDefaultExpression): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && /^[A-Za-z0-9._:-]{1,100}$/.test(given) ? given : randomUUID();
}

/** Every answer says which request it answers. */
export default fp(
  async (app) => {
    app.addHook('onSend', async (request, reply) => {
      void reply.header(REQUEST_ID_HEADER, request.id);
    });
  },
  { name: 'request-ids' },
);
