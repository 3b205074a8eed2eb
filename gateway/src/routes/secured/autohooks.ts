import fp from 'fastify-plugin';

/**
 * Every route in this folder shows client data: no principal, no data. Registered first by `index.ts`, wrapped with
 * fastify-plugin so the hook belongs to this folder's scope and to nothing outside it. It runs before the body is
 * read, after the rate limit has counted the request.
 */
export default fp(
  async (app) => {
    app.addHook('preParsing', app.authenticate);
  },
  { name: 'secured-autohooks', dependencies: ['auth'] },
);
