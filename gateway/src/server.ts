import Fastify, { LogController, type FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import gateway, { type GatewayDeps } from './app.ts';
import { clientErrors, frameworkErrors } from './plugins/app/errors.ts';
import { requestIdOf } from './plugins/app/request-ids.ts';
import { securityHeaders } from './plugins/external/security-headers.ts';
import { withoutLegacyKey } from './routes/legacy/index.ts';

const requestLine = (request: FastifyRequest) => ({
  method: request.method,
  url: withoutLegacyKey(request.url),
  remoteAddress: request.ip,
});

/** A Fastify instance with the gateway's server settings and the gateway plugin. Tests build it and call `inject`. */
export async function buildGateway(deps: GatewayDeps) {
  const headers = securityHeaders(deps.config.secureCookies);
  const server = Fastify({
    // The legacy key of the seed's old clients is part of their URLs: request logs never show it.
    loggerInstance: deps.runtime.log.child({}, { serializers: { req: requestLine } }),
    logController: new LogController({
      disableRequestLogging: process.env.LOG_REQUESTS !== 'true',
      requestIdLogLabel: 'requestId',
    }),
    requestIdHeader: false,
    genReqId: requestIdOf,
    bodyLimit: 8 * 1024 * 1024,
    // Errors Fastify answers before any route or hook runs: in the gateway's envelope, with its headers.
    frameworkErrors: frameworkErrors(headers),
    clientErrorHandler: clientErrors(headers),
  });
  // Not encapsulated: its error handler, hooks and decorators are the server's own.
  await server.register(fp(gateway), deps);
  return server;
}
