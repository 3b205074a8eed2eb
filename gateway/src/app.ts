import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import helmet from 'helmet';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Runtime } from '@octroi/runtime';
import type { ApiKeys } from './auth/api-keys.ts';
import type { SessionTokens } from './auth/session-token.ts';
import type { UserStore } from './auth/users.ts';
import type { GatewayConfig } from './config.ts';
import { requireAuth, type AuthDeps } from './plugins/auth.ts';
import { busForwarder } from './plugins/bus-client.ts';
import { currentModel } from './plugins/current-model.ts';
import { knownClientScores } from './plugins/known-client-scores.ts';
import { registerErrorHandler } from './plugins/errors.ts';
import { registerValidation } from './plugins/validation.ts';
import { clientRoutes } from './routes/clients.ts';
import { explanationRoutes } from './routes/explanations.ts';
import { healthRoutes, servicesReady } from './routes/health.ts';
import { inferenceV2Routes } from './routes/inference-v2.ts';
import { scoreRoutes } from './routes/scores.ts';
import { seedRoutes } from './routes/seed.ts';
import { sessionRoutes } from './routes/session.ts';
import type { App } from './routes/types.ts';

export interface GatewayDeps {
  runtime: Runtime;
  config: GatewayConfig;
  users: UserStore;
  apiKeys: ApiKeys;
  tokens: SessionTokens;
}

const REQUEST_ID_HEADER = 'x-request-id';

/** The gateway as a Fastify instance: HTTP in, bus messages out, no business logic. Tests build it and call `inject`. */
export async function buildGateway({ runtime, config, users, apiKeys, tokens }: GatewayDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: runtime.log,
    logController: new LogController({
      disableRequestLogging: process.env.LOG_REQUESTS !== 'true',
      requestIdLogLabel: 'requestId',
    }),
    // A caller's request id (the dashboard sends one) is kept when it is a plain token, so one id follows the
    // request from the browser through every service and into every log line; anything else is replaced.
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers[REQUEST_ID_HEADER];
      return typeof given === 'string' && /^[A-Za-z0-9._:-]{1,100}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 8 * 1024 * 1024,
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  const webDir = resolve(config.webDir ?? 'web/dist/browser');
  const servesDashboard = existsSync(webDir);
  registerValidation(app);
  registerErrorHandler(app, { spaIndex: servesDashboard });
  app.addHook('onSend', async (request, reply) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const labels = { method: request.method, route, status: String(reply.statusCode) };
    runtime.metrics.httpRequests.inc(labels);
    runtime.metrics.httpSeconds.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  // Security headers on every answer. Helmet's middleware is built once here: the Fastify plugin would build it
  // again, content security policy included, for every request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
  });
  app.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (err?: unknown) => done(err as Error | undefined)),
  );
  if (config.corsOrigins.length > 0) await app.register(cors, { origin: config.corsOrigins, credentials: true });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: config.rateLimitPerMinute > 0,
    hook: 'preHandler',
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    keyGenerator: (request) => request.principal?.id ?? request.ip,
    allowList: (request) => ['/healthz', '/readyz', '/metrics'].includes(request.url),
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Octroi API',
        version: '1.0.0',
        description: 'Probability of default, decision and explanation for loan applications.',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
          session: { type: 'apiKey', in: 'cookie', name: 'octroi_session' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  const forward = busForwarder(runtime.bus, config.busTimeoutMs);
  const model = currentModel(forward);
  const routeDeps = { forward, model, knownClientScore: knownClientScores(runtime, forward, model) };
  const authDeps: AuthDeps = { apiKeys, users, tokens };
  const authenticate = requireAuth(authDeps);

  await healthRoutes(app, {
    bus: runtime.bus,
    metrics: runtime.metrics,
    ...(config.metricsPublic ? {} : { metricsAuth: authenticate }),
  });
  await sessionRoutes(app, { ...authDeps, secureCookies: config.secureCookies });
  await app.register(async (secured: App) => {
    secured.addHook('onRequest', authenticate);
    await clientRoutes(secured, routeDeps);
    await scoreRoutes(secured, routeDeps);
    await explanationRoutes(secured, routeDeps);
    await seedRoutes(secured, routeDeps);
    await inferenceV2Routes(secured, { ...routeDeps, ready: async () => (await servicesReady(runtime.bus)).ready });
  });

  // Files are looked up per request (not listed at start), so a rebuilt dashboard is served without a restart.
  if (servesDashboard) await app.register(fastifyStatic, { root: webDir, wildcard: true });
  return app;
}
