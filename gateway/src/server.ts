import Fastify, { LogController } from 'fastify';
import fp from 'fastify-plugin';
import gateway, { type GatewayDeps } from './app.ts';
import { requestIdOf } from './plugins/app/request-ids.ts';

/** A Fastify instance with the gateway's server settings and the gateway plugin. Tests build it and call `inject`. */
export async function buildGateway(deps: GatewayDeps) {
  const server = Fastify({
    loggerInstance: deps.runtime.log,
    logController: new LogController({
      disableRequestLogging: process.env.LOG_REQUESTS !== 'true',
      requestIdLogLabel: 'requestId',
    }),
    requestIdHeader: false,
    genReqId: requestIdOf,
    bodyLimit: 8 * 1024 * 1024,
  });
  // Not encapsulated: its error handler, hooks and decorators are the server's own.
  await server.register(fp(gateway), deps);
  return server;
}
