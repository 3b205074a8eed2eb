import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { finishDocument } from './openapi-document.ts';

/**
 * The OpenAPI 3.1 document, built from the routes' schemas (themselves from the contracts), served with its UI at
 * /docs. 3.1 because its schemas are JSON Schema: `null` values and the key pattern of applications are said as
 * they are validated.
 */
export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Octroi API',
          version: '1.0.0',
          description: 'Probability of default, decision and explanation for loan applications.',
          license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
        },
        servers: [{ url: '/', description: 'The gateway that serves this document' }],
        components: {
          securitySchemes: {
            apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
            session: { type: 'apiKey', in: 'cookie', name: 'octroi_session' },
          },
        },
      },
      transformObject: (document) =>
        'openapiObject' in document ? finishDocument(document.openapiObject) : document.swaggerObject,
    });
    await app.register(swaggerUi, { routePrefix: '/docs' });
  },
  { name: 'openapi' },
);
