import { Type } from '@sinclair/typebox';
import {
  AuditRecord,
  ModelInfo,
  RawApplication,
  Score,
  ScoreBatchReply,
  ScoreRequestBody,
  endpoints,
} from '@octroi/contracts';
import { COMMON_ERRORS, errorReplies, secured, type App, type RouteDeps } from './types.ts';

const { scoring } = endpoints;

export async function scoreRoutes(app: App, { forward }: RouteDeps) {
  app.post(
    '/api/v1/score',
    {
      schema: {
        tags: ['scores'],
        security: secured,
        summary: 'Score one new application, or several under "applications"',
        description:
          'Raw Home Credit application fields in; probability of default and decision out. Every decision is kept in the audit log.',
        body: ScoreRequestBody,
        response: { 200: Type.Union([Score, ScoreBatchReply]), ...errorReplies(...COMMON_ERRORS) },
      },
    },
    async (request) => {
      const body = request.body as { applications?: RawApplication[] } & RawApplication;
      const batch = Array.isArray(body.applications);
      const applications = batch ? (body.applications as RawApplication[]) : [body as RawApplication];
      const reply = await forward(scoring.scoreApplications, { applications }, request);
      return batch ? reply : reply.scores[0];
    },
  );

  app.get(
    '/api/v1/model',
    {
      schema: {
        tags: ['model'],
        security: secured,
        summary: 'The model: version, quality, threshold, cost weights, features with descriptions and importance',
        response: { 200: ModelInfo, ...errorReplies(...COMMON_ERRORS) },
      },
    },
    (request) => forward(scoring.model, {}, request),
  );

  app.get(
    '/api/v1/decisions/:id',
    {
      schema: {
        tags: ['scores'],
        security: secured,
        summary: 'One decision from the audit log',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: { 200: AuditRecord, ...errorReplies(...COMMON_ERRORS, 404) },
      },
    },
    (request) => forward(scoring.decision, { decisionId: request.params.id }, request),
  );
}
