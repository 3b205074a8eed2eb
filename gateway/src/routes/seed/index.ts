import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import {
  ClientIdParams,
  SEED_CORRELATED,
  SEED_LEADING_KEYS,
  SeedClientIds,
  SeedClientInfo,
  SeedColumn,
  SeedColumnParams,
  SeedCorrelation,
  SeedFeatureImportance,
  SeedScore,
  RawValue,
  endpoints,
} from '@octroi/contracts';
import type { Static } from '@sinclair/typebox';
import { COMMON_ERRORS, errorReplies } from '../schemas.ts';

const { clients } = endpoints;
/** TARGET as in the Home Credit files: 1 defaulted, 0 repaid, missing when the outcome is not known. */
const TARGET_OF = { defaulted: 1, repaid: 0, unknown: null } as const;

export interface SeedRouteOptions {
  /** Makes operation ids unique when the routes are served under two base paths. */
  operationPrefix: string;
  security: Array<Record<string, string[]>>;
}

/**
 * The seed's six routes with the seed's shapes, so its dashboard and the applications written against it run
 * unchanged but for their base URL. Every answer comes from the services, as for the current API.
 */
const seedRoutes: FastifyPluginAsyncTypebox<SeedRouteOptions> = async (app, options) => {
  const tags = ['seed (legacy)'];
  const about = (operationId: string, summary: string) => ({
    tags,
    security: options.security,
    operationId: `${options.operationPrefix}${operationId}`,
    summary,
  });

  /** Every page of a paged clients endpoint, joined. */
  const allPages = async <T>(fetch: (offset: number) => Promise<{ next: number | null; items: T[] }>): Promise<T[]> => {
    const items: T[] = [];
    for (let offset: number | null = 0; offset !== null;) {
      const page = await fetch(offset);
      items.push(...page.items);
      offset = page.next;
    }
    return items;
  };
  const allIds = (request: FastifyRequest) =>
    allPages(async (offset) => {
      const page = await app.forward(clients.ids, { offset, limit: 50_000 }, request);
      return { next: page.next, items: page.ids };
    });

  app.get(
    '/get_id_client',
    {
      schema: {
        ...about('GetClientIds', 'Every served client id, ascending'),
        response: { 200: SeedClientIds, ...errorReplies(...COMMON_ERRORS) },
      },
    },
    async (request) => ({ data: await allIds(request) }),
  );

  app.get(
    '/get_score/:id',
    {
      schema: {
        ...about('GetScore', "A known client's probabilities of repaying and of default"),
        params: ClientIdParams,
        response: { 200: SeedScore, ...errorReplies(...COMMON_ERRORS, 404) },
      },
    },
    async (request) => {
      const score = await app.knownClientScore(request.params.id, request);
      return {
        id_client: String(request.params.id),
        prediction: [1 - score.probabilityOfDefault, score.probabilityOfDefault],
      };
    },
  );

  app.get(
    '/get_info_client/:id',
    {
      schema: {
        ...about('GetClientInfo', "A known client's application"),
        params: ClientIdParams,
        response: { 200: SeedClientInfo, ...errorReplies(...COMMON_ERRORS, 404) },
      },
    },
    async (request) => {
      const clientId = request.params.id;
      const [{ raw }, { knownOutcome }] = await Promise.all([
        app.forward(clients.features, { clientId }, request),
        app.forward(clients.get, { clientId }, request),
      ]);
      // The seed's dashboard drops the first two columns before it shows the rest: the id and the outcome.
      const [id, target] = SEED_LEADING_KEYS;
      return { info_client: { [id]: clientId, [target]: TARGET_OF[knownOutcome ?? 'unknown'], ...raw } };
    },
  );

  app.get(
    '/get_feature/:name',
    {
      schema: {
        ...about('GetColumn', 'One application field (or TARGET) for every client, in the order of the ids'),
        params: SeedColumnParams,
        response: { 200: SeedColumn, ...errorReplies(...COMMON_ERRORS, 404) },
      },
    },
    async (request) => ({
      data: await allPages<Static<typeof RawValue>>(async (offset) => {
        const page = await app.forward(clients.column, { name: request.params.name, offset, limit: 20_000 }, request);
        return { next: page.next, items: page.values };
      }),
    }),
  );

  app.get(
    '/get_feature_importance',
    {
      schema: {
        ...about('GetFeatureImportance', "The model's features by importance (total gain)"),
        response: { 200: SeedFeatureImportance, ...errorReplies(...COMMON_ERRORS) },
      },
    },
    async (request) => {
      const features = [...(await app.currentModel(request)).features].sort(
        (a, b) => b.importanceGain - a.importanceGain,
      );
      return { feature: features.map((f) => f.name), importance: features.map((f) => f.importanceGain) };
    },
  );

  app.get(
    '/get_correlation/',
    {
      schema: {
        ...about('GetCorrelation', 'Correlations between the outcome and a few application fields'),
        response: { 200: SeedCorrelation, ...errorReplies(...COMMON_ERRORS) },
      },
    },
    async (request) => ({
      correlation: await app.forward(clients.correlation, { names: [...SEED_CORRELATED] }, request),
    }),
  );
};

export default seedRoutes;
