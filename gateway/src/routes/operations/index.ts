import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Metrics } from '@octroi/runtime';
import { errorReplies, secured } from '../schemas.ts';

const Readiness = Type.Object({
  ready: Type.Boolean(),
  services: Type.Record(Type.String(), Type.Integer({ description: 'Instances that answered a ping' })),
  storage: Type.Object(
    {
      available: Type.Boolean({ description: 'JetStream answers and every Octroi stream has a leader' }),
      problems: Type.Array(Type.String(), { description: 'What is out of reach or degraded, one line each' }),
      replicas: Type.Record(Type.String(), Type.Integer({ description: 'Copies the stream keeps' })),
    },
    { description: 'The durable store: the audit log and the buckets of the decisions of record' },
  ),
});

/** Probes and metrics for operations; open, except the metrics when `metricsPublic` is false. */
const operationsRoutes: FastifyPluginAsyncTypebox<{ metrics: Metrics; metricsPublic: boolean }> = async (
  app,
  { metrics, metricsPublic },
) => {
  app.get(
    '/healthz',
    {
      schema: {
        operationId: 'getHealth',
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
        operationId: 'getReadiness',
        tags: ['operations'],
        summary: 'Ready when every service answered a ping over the bus and the durable store answers',
        response: { 200: Readiness, 503: Readiness },
      },
    },
    async (_request, reply) => {
      const state = await app.servicesReady();
      return reply.status(state.ready ? 200 : 503).send(state);
    },
  );

  app.get(
    '/metrics',
    {
      ...(metricsPublic ? {} : { onRequest: app.authenticate }),
      schema: {
        tags: ['operations'],
        operationId: 'getMetrics',
        summary: 'Prometheus metrics',
        ...(metricsPublic ? {} : { security: secured }),
        response: {
          200: {
            description: 'Metrics in the Prometheus text format',
            content: { 'text/plain': { schema: Type.String() } },
          },
          ...(metricsPublic ? {} : errorReplies(401)),
        },
      },
    },
    async (_request, reply) => {
      const text = await metrics.registry.metrics();
      return reply.type(metrics.registry.contentType).send(text);
    },
  );
};

export default operationsRoutes;
