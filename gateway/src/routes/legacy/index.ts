import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { OctroiError } from '@octroi/runtime';
import type { ApiKeys } from '../../auth/api-keys.ts';
import seedRoutes from '../seed/index.ts';

/** Where the seed's routes are served for clients that cannot send a header: the key is part of the base URL. */
export const LEGACY_PREFIX = '/legacy/:legacyKey';
const LegacyKeyParams = Type.Object({
  legacyKey: Type.String({
    minLength: 16,
    maxLength: 200,
    description: 'A legacy key (OCTROI_LEGACY_KEYS): it opens the seed routes under this base path and nothing else',
  }),
});

/**
 * The seed's routes for its old clients, which cannot send headers, under `/legacy/{legacyKey}/`: e.g. the seed's
 * dashboard with its base URL set to `host:port/legacy/<key>`. Off unless legacy keys are configured. A legacy key
 * opens these six read-only routes only; it travels in the URL, so proxies and browser histories may keep it
 * (docs/operations.md: risk and mitigations).
 */
const legacyRoutes: FastifyPluginAsyncTypebox<{ legacyKeys: ApiKeys }> = async (app, { legacyKeys }) => {
  // The key in the path is the principal (counted by the rate limit as such); a wrong one is a 401 once counted.
  app.addHook('onRequest', async (request) => {
    const { legacyKey } = request.params as { legacyKey?: string };
    const owner = legacyKey ? legacyKeys.owner(legacyKey) : undefined;
    request.principal = owner ? { kind: 'api-key', id: `legacy:${owner}` } : undefined;
  });
  app.addHook('preParsing', async (request) => {
    if (!request.principal) throw new OctroiError('unauthorized', 'Unknown legacy key in the base path');
    request.log = request.log.child({ principal: request.principal.id });
  });
  // Every route here has the key in its path: say so in its schema, for validation and the OpenAPI document.
  app.addHook('onRoute', (route) => {
    const params = (route.schema?.params ?? Type.Object({})) as ReturnType<typeof Type.Object>;
    route.schema = { ...route.schema, params: Type.Composite([LegacyKeyParams, params]) };
  });
  await app.register(seedRoutes, { operationPrefix: 'legacy', security: [] });
};

export default legacyRoutes;

/** A request line with the legacy key hidden, for logs. */
export const withoutLegacyKey = (url: string) => url.replace(/^\/legacy\/[^/?]+/, '/legacy/<key>');
