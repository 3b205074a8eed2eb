import type { IncomingMessage, ServerResponse } from 'node:http';
import fp from 'fastify-plugin';
import helmet from 'helmet';

/**
 * The security headers of every answer, as helmet sets them, worked out once: they are the same for every answer,
 * and helmet's middleware (or @fastify/helmet) would build them again for every request. HSTS only when the gateway
 * is reached over HTTPS (`SECURE_COOKIES=true`): sent over plain HTTP it tells a browser nothing true.
 */
export function securityHeaders(hsts: boolean): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: () => undefined,
  };
  helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
    strictTransportSecurity: hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  })({} as unknown as IncomingMessage, recorder as unknown as ServerResponse, () => undefined);
  return headers;
}

/** Security headers on every answer, errors included (those Fastify answers before any route: see server.ts). */
export default fp<{ hsts: boolean }>(
  async (app, { hsts }) => {
    const headers = securityHeaders(hsts);
    app.addHook('onRequest', (_request, reply, done) => {
      void reply.headers(headers);
      done();
    });
  },
  { name: 'security-headers' },
);
