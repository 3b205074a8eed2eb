import { Type } from '@sinclair/typebox';
import { SERVICE_NAMES } from '@octroi/contracts';
import type { Bus, Metrics } from '@octroi/runtime';
import type { onRequestHookHandler } from 'fastify';
import type { App } from './types.ts';

const Readiness = Type.Object({
  ready: Type.Boolean(),
  services: Type.Record(Type.String(), Type.Integer({ description: 'Instances that answered a ping' })),
});

/** Whether every service has at least one instance answering on the bus. */
export async function servicesReady(bus: Bus) {
  const counts = await Promise.all(
    SERVICE_NAMES.map(async (name) => [name, (await bus.ping(name, 300)).length] as const),
  );
  return { ready: counts.every(([, count]) => count > 0), services: Object.fromEntries(counts) };
}

export async function healthRoutes(
  app: App,
  { bus, metrics, metricsAuth }: { bus: Bus; metrics: Metrics; metricsAuth?: onRequestHookHandler },
) {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['operations'],
        summary: 'The gateway process answers',
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        summary: 'Ready when every service answered a ping over the bus',
        response: { 200: Readiness, 503: Readiness },
      },
    },
    async (_request, reply) => {
      const state = await servicesReady(bus);
      return reply.status(state.ready ? 200 : 503).send(state);
    },
  );

  app.get(
    '/metrics',
    {
      ...(metricsAuth ? { onRequest: metricsAuth } : {}),
      schema: { tags: ['operations'], summary: 'Prometheus metrics' },
    },
    async (_request, reply) => {
      const text = await metrics.registry.metrics();
      return reply.type(metrics.registry.contentType).send(text);
    },
  );
}
