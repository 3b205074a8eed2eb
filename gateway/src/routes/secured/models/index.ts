import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ModelList,
  ModelVersionBody,
  RetireChallengerRequest,
  ShadowComparisonRequest,
  ShadowComparisons,
  endpoints,
  type ModelRole,
} from '@octroi/contracts';
import { COMMON_ERRORS, errorReplies, secured } from '../../schemas.ts';

const { scoring, monitoring } = endpoints;
const tags = ['models'];

/**
 * The model bundles and their roles. Anyone signed in may look; only an administrator changes a role (a person,
 * never an API key): promoting a bundle changes every decision from the next second on.
 */
const modelRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const admin = app.requireRole('admin');

  app.get(
    '/api/v1/models',
    {
      schema: {
        tags,
        security: secured,
        operationId: 'listModels',
        summary: 'The model bundles the deployment holds, with their role (champion, challenger) and quality',
        response: { 200: ModelList, ...errorReplies(...COMMON_ERRORS) },
      },
    },
    (request) => app.forward(scoring.models, {}, request),
  );

  const promotion = (role: ModelRole, operationId: string, summary: string, description: string) =>
    app.put(
      `/api/v1/models/${role}`,
      {
        onRequest: admin,
        schema: {
          tags,
          security: secured,
          operationId,
          summary,
          description,
          body: ModelVersionBody,
          response: { 200: ModelList, ...errorReplies(...COMMON_ERRORS, 403, 404, 409) },
        },
      },
      async (request) => {
        const list = await app.forward(scoring.promote, { ...request.body, role }, request);
        // Known clients' answers are cached by model version: this gateway learns the new one at once.
        await app.currentModel.refresh(request).catch(() => undefined);
        return list;
      },
    );
  promotion(
    'champion',
    'promoteChampion',
    'Make a bundle the champion: it decides from now on (administrators only); a rollback is the same call',
    'Every scoring and explain replica switches within a second; requests in flight finish on the version they started with. The promotion and each replica switch are recorded in the audit log.',
  );
  promotion(
    'challenger',
    'setChallenger',
    'Make a bundle the challenger: it scores live applications in shadow (administrators only)',
    'Shadow scores are recorded as such, never decided on, never answered, and never delay the answer.',
  );

  app.delete(
    '/api/v1/models/challenger',
    {
      onRequest: admin,
      schema: {
        tags,
        security: secured,
        operationId: 'retireChallenger',
        summary: 'Stop the challenger scoring in shadow (administrators only)',
        querystring: RetireChallengerRequest,
        response: { 200: ModelList, ...errorReplies(...COMMON_ERRORS, 403) },
      },
    },
    (request) => app.forward(scoring.retireChallenger, request.query, request),
  );

  app.get(
    '/api/v1/models/comparison',
    {
      schema: {
        tags,
        security: secured,
        operationId: 'getShadowComparison',
        summary: 'The challenger against the champion on the same live applications',
        description:
          'Decision agreement, score differences in percentage points, and the latest applications the challenger would have decided otherwise; one comparison per champion and challenger pair, the latest first.',
        querystring: ShadowComparisonRequest,
        response: { 200: ShadowComparisons, ...errorReplies(...COMMON_ERRORS) },
      },
    },
    (request) => app.forward(monitoring.shadow, request.query, request),
  );
};

export default modelRoutes;
