import fp from 'fastify-plugin';
import helmet from 'helmet';

/**
 * Security headers on every answer, errors included. Helmet's middleware is built once here: the Fastify plugin
 * (@fastify/helmet) would build it again, content security policy included, for every request.
 */
export default fp(
  async (app) => {
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
  },
  { name: 'security-headers' },
);
