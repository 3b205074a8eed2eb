import fp from 'fastify-plugin';
import type { Metrics } from '@octroi/runtime';

/** Requests and their duration per route (the route's pattern, not the URL, so that client ids do not multiply series). */
export default fp<{ metrics: Metrics }>(
  async (app, { metrics }) => {
    app.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched';
      metrics.httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
      metrics.httpSeconds.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    });
  },
  { name: 'http-metrics' },
);
