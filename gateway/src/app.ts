import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import fastifyStatic from '@fastify/static';
import type { Runtime } from '@octroi/runtime';
import type { ApiKeys } from './auth/api-keys.ts';
import { RevokedSessions } from './auth/revoked-sessions.ts';
import { SignInThrottle } from './auth/sign-in-throttle.ts';
import type { SessionTokens } from './auth/session-token.ts';
import type { UserStore } from './auth/users.ts';
import type { GatewayConfig } from './config.ts';
import openapi from './plugins/external/openapi.ts';
import rateLimit from './plugins/external/rate-limit.ts';
import securityHeaders from './plugins/external/security-headers.ts';
import auth from './plugins/app/auth.ts';
import bus from './plugins/app/bus.ts';
import currentModel from './plugins/app/current-model.ts';
import errors from './plugins/app/errors.ts';
import httpMetrics from './plugins/app/http-metrics.ts';
import intake from './plugins/app/intake.ts';
import jsonBodies from './plugins/app/json-bodies.ts';
import knownPaths, { isApiPath } from './plugins/app/known-paths.ts';
import knownClientScores from './plugins/app/known-client-scores.ts';
import batchUploads from './plugins/app/batch-uploads.ts';
import requestIds from './plugins/app/request-ids.ts';
import tracing from './plugins/app/tracing.ts';
import validation from './plugins/app/validation.ts';
import operationsRoutes from './routes/operations/index.ts';
import legacyRoutes, { LEGACY_PREFIX } from './routes/legacy/index.ts';
import securedRoutes from './routes/secured/index.ts';
import sessionRoutes from './routes/session/index.ts';

export interface GatewayDeps {
  runtime: Runtime;
  config: GatewayConfig;
  users: UserStore;
  apiKeys: ApiKeys;
  /** Keys of the seed's old clients, which send no header: the seed's routes under /legacy/{key}/ (none: off). */
  legacyKeys?: ApiKeys;
  tokens: SessionTokens;
}

/**
 * The gateway as one Fastify plugin: HTTP in, bus messages out, no business logic. Plugins from the ecosystem
 * first, then the gateway's own decorators (bus, current model, authentication), then the routes, each folder an
 * encapsulated plugin; `server.ts` gives it a Fastify instance.
 */
const gateway: FastifyPluginAsync<GatewayDeps> = async (app, deps) => {
  const { runtime, config, users, apiKeys, legacyKeys, tokens } = deps;
  const webDir = resolve(config.webDir ?? 'web/dist/browser');
  const servesDashboard = existsSync(webDir);
  const authDeps = { apiKeys, users, tokens, revoked: new RevokedSessions(runtime, tokens.lifetime) };
  const redis = runtime.redis();

  await app.register(validation);
  await app.register(jsonBodies);
  await app.register(knownPaths);
  await app.register(errors, { spaIndex: servesDashboard });
  await app.register(requestIds);
  await app.register(tracing);
  await app.register(httpMetrics, { metrics: runtime.metrics });
  await app.register(securityHeaders, { hsts: config.secureCookies });
  if (config.corsOrigins.length > 0) await app.register(cors, { origin: config.corsOrigins, credentials: true });
  await app.register(cookie);
  await app.register(auth, authDeps);
  await app.register(rateLimit, { perMinute: config.rateLimitPerMinute, redis });
  await app.register(openapi);
  await app.register(bus, {
    bus: runtime.bus,
    timeouts: { timeoutMs: config.busTimeoutMs, recordingTimeoutMs: config.recordingTimeoutMs },
  });
  await app.register(currentModel);
  await app.register(intake);
  await app.register(knownClientScores, { runtime });
  await app.register(batchUploads, { runtime });

  await app.register(operationsRoutes, { metrics: runtime.metrics, metricsPublic: config.metricsPublic });
  await app.register(sessionRoutes, {
    ...authDeps,
    throttle: new SignInThrottle(redis),
    secureCookies: config.secureCookies,
  });
  await app.register(securedRoutes);
  if (legacyKeys && legacyKeys.size > 0) await app.register(legacyRoutes, { legacyKeys, prefix: LEGACY_PREFIX });

  // Files are looked up per request (not listed at start), so a rebuilt dashboard is served without a restart.
  if (servesDashboard) {
    // An API path reaches the files' catch-all route only when the router refused it (a path parameter over its
    // length): the not-found handler answers it as the API would, not a file lookup with its own 403s.
    app.addHook('onRequest', (request, reply, done) => {
      if (request.routeOptions.url === '/*' && isApiPath(request.url)) reply.callNotFound();
      else done();
    });
    await app.register(fastifyStatic, { root: webDir, wildcard: true });
  }
};

export default gateway;
