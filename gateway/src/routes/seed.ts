import { Type } from '@sinclair/typebox';
import { ClientIdParams, RawValue, SeedScore, endpoints } from '@octroi/contracts';
import { COMMON_ERRORS, errorReplies, secured, type App, type RouteDeps } from './types.ts';

const { clients } = endpoints;
const tags = ['seed (legacy)'];

/** The first version's routes and shapes, kept for the applications written against them. */
export async function seedRoutes(app: App, { forward, knownClientScore }: RouteDeps) {
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
        const page: { ids: number[]; next: number | null } = await forward(
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
      const score = await knownClientScore(request.params.id, request);
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
    async (request) => (await forward(clients.features, { clientId: request.params.id }, request)).raw,
  );
}
