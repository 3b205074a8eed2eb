import fp from 'fastify-plugin';
import { OctroiError } from '@octroi/runtime';
import { TOO_DEEP, nestsDeeperThan } from '../../json-depth.ts';

/**
 * Request bodies are JSON, and only JSON (a body of another type is a 415). Fastify's own parser (which refuses
 * `__proto__` and `constructor` keys) reads them once a scan has checked their nesting depth: a body nested
 * thousands deep is a 400 before anything walks it.
 */
export default fp(
  async (app) => {
    const parse = app.getDefaultJsonParser('error', 'error');
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      if (nestsDeeperThan(body as string)) {
        done(OctroiError.badRequest(TOO_DEEP), undefined);
        return;
      }
      return parse(request, body as string, done);
    });
  },
  { name: 'json-bodies' },
);
