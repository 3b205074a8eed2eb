import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ClientIdParams, RawValue, SeedScore, endpoints } from '@octroi/contracts';
import { COMMON_ERRORS, errorReplies, secured } from '../../schemas.ts';

const { clients } = endpoints;
const tags = ['seed (legacy)'];

/** The first version's routes and shapes, kept for the applications written against them. */
const seedRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/get_id_client',
    {
      schema: {
        tags,
        security: secured,
        summary: 'Every served client id (legacy)',
        response: { 200: Type.Array(Type.Integer()), ...errorReplies(...COMMON_ERRORS) },
      },
    },
    async (request) => {
      const ids: number[] = [];
      for (let offset: number | null = 0; offset !== null;) {
        const page: { ids: number[]; next: number | null } = await app.forward(
          clients.ids,
          { offset, limit: 50_000 },
          request,
        );
        ids.push(...page.ids);
        offset = page.next;
      }
      return ids;
    },
  );

  app.get(
    '/get_score/:id',
    {
      schema: {
        tags,
        security: secured,
        summary: '[probability of repaying, probability of default] (legacy)',
        params: ClientIdParams,
        response: { 200: SeedScore, ...errorReplies(...COMMON_ERRORS, 404) },
      },
    },
    async (request) => {
      const score = await app.knownClientScore(request.params.id, request);
      return { prediction: [1 - score.probabilityOfDefault, score.probabilityOfDefault] as [number, number] };
    },
  );

  app.get(
    '/get_info_client/:id',
    {
      schema: {
        tags,
        security: secured,
        summary: "The client's raw application fields (legacy)",
        params: ClientIdParams,
        response: { 200: Type.Record(Type.String(), RawValue), ...errorReplies(...COMMON_ERRORS, 404) },
      },
    },
    async (request) => (await app.forward(clients.features, { clientId: request.params.id }, request)).raw,
  );
};

export default seedRoutes;
