import fp from 'fastify-plugin';
import { contextFrom, endSpan, SpanKind, startSpan, tracerOf, type Traced } from '@octroi/runtime';

declare module 'fastify' {
  interface FastifyRequest {
    /** The request's span when tracing: every bus request made for it is its child. */
    traced?: Traced;
  }
}

/**
 * One span per HTTP request, continuing the caller's trace when it sends a W3C `traceparent`; nothing at all when
 * tracing is off (no OTLP endpoint configured).
 */
export default fp(
  async (app) => {
    const tracer = tracerOf('gateway');
    if (!tracer) return;
    const spans = new WeakMap<object, ReturnType<typeof startSpan>['span']>();
    app.decorateRequest('traced', undefined);
    app.addHook('onRequest', async (request) => {
      const headers = { get: (key: string) => request.headers[key] as string | undefined };
      const route = request.routeOptions.url ?? 'unmatched';
      const { span, traced } = startSpan(
        { tracer, context: contextFrom(headers) },
        `${request.method} ${route}`,
        SpanKind.SERVER,
        {
          'http.request.method': request.method,
          'http.route': route,
          'url.path': request.url.split('?')[0]!,
          'octroi.request_id': request.id,
        },
      );
      request.traced = traced;
      spans.set(request, span);
    });
    app.addHook('onResponse', async (request, reply) => {
      const span = spans.get(request);
      if (!span) return;
      span.setAttribute('http.response.status_code', reply.statusCode);
      endSpan(span, reply.statusCode >= 500 ? { message: `HTTP ${reply.statusCode}` } : undefined);
    });
  },
  { name: 'tracing' },
);
