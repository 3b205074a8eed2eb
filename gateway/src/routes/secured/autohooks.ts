import fp from 'fastify-plugin';

/**
 * Every route in this folder shows client data: no principal, no data. Registered first by `index.ts`, wrapped with
 * fastify-plugin so the hook belongs to this folder's scope and to nothing outside it.
 */
export default fp(
  async (app) => {
    app.addHook('onRequest', app.authenticate);
  },
  { name: 'secured-autohooks', dependencies: ['auth'] },
);
