import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  AuditRecord,
  DecisionId,
  ModelInfo,
  isApplicationBatch,
  Score,
  ScoreBatchReply,
  ScoreRequestBody,
  endpoints,
} from '@octroi/contracts';
import { oneOrMany } from '../../../plugins/app/intake.ts';
import { COMMON_ERRORS, DECIDING, errorReplies, secured } from '../../schemas.ts';

const { scoring } = endpoints;

const scoreRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/v1/score',
    {
      schema: {
        operationId: 'scoreApplications',
        tags: ['scores'],
        security: secured,
        summary: 'Score one new application, or several under "applications"',
        description:
          "Home Credit application fields, and optionally the applicant's history tables, in; probability of default and decision out. " +
          'An application that breaks an intake rule gets a 400 listing every problem, and no decision. Every decision is kept in the audit log.',
        headers: DECIDING.headers,
        body: ScoreRequestBody,
        response: { 200: Type.Union([Score, ScoreBatchReply]), ...errorReplies(...DECIDING.errors) },
      },
      preHandler: app.intakeCheck(oneOrMany),
    },
    async (request) => {
      const { body } = request;
      if (isApplicationBatch(body)) return app.forward(scoring.scoreApplications, body, request);
      const { scores } = await app.forward(scoring.scoreApplications, { applications: [body] }, request);
      return scores[0];
    },
  );

  app.get(
    '/api/v1/model',
    {
      schema: {
        operationId: 'getModel',
        tags: ['model'],
        security: secured,
        summary: 'The model: version, quality, threshold, cost weights, features with descriptions and importance',
        response: { 200: ModelInfo, ...errorReplies(...COMMON_ERRORS) },
      },
    },
    (request) => app.forward(scoring.model, {}, request),
  );

  app.get(
    '/api/v1/decisions/:id',
    {
      schema: {
        operationId: 'getDecision',
        tags: ['scores'],
        security: secured,
        summary: 'One decision from the audit log',
        params: Type.Object({ id: DecisionId }),
        response: { 200: AuditRecord, ...errorReplies(...COMMON_ERRORS, 404) },
      },
    },
    (request) => app.forward(scoring.decision, { decisionId: request.params.id }, request),
  );
};

export default scoreRoutes;
