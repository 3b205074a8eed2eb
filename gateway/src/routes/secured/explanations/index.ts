import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ClientIdParams,
  Counterfactual,
  Dependence,
  DependenceRequest,
  ExplainApplicationRequest,
  Explanation,
  GlobalImportance,
  LanguageQuery,
  ShapSummary,
  SummaryRequest,
  WhatIf,
  WhatIfRequest,
  endpoints,
} from '@octroi/contracts';
import { inKey } from '../../../plugins/app/intake.ts';
import { COMMON_ERRORS, DECIDING, errorReplies, secured } from '../../schemas.ts';

const { explain } = endpoints;
const tags = ['explanations'];

const explanationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/clients/:id/explanation',
    {
      schema: {
        operationId: 'explainClient',
        tags,
        security: secured,
        summary: 'Why this decision: exact SHAP contributions and reasons in words',
        params: ClientIdParams,
        querystring: LanguageQuery,
        response: { 200: Explanation, ...errorReplies(...COMMON_ERRORS, 404) },
      },
    },
    (request) =>
      app.forward(explain.client, { clientId: request.params.id, language: request.query.language }, request),
  );

  app.get(
    '/api/v1/clients/:id/counterfactual',
    {
      schema: {
        operationId: 'getCounterfactual',
        tags,
        security: secured,
        summary: 'The smallest change of the request that would grant a refused client',
        params: ClientIdParams,
        querystring: LanguageQuery,
        response: { 200: Counterfactual, ...errorReplies(...COMMON_ERRORS, 404) },
      },
    },
    (request) =>
      app.forward(explain.counterfactual, { clientId: request.params.id, language: request.query.language }, request),
  );

  app.post(
    '/api/v1/what-if',
    {
      schema: {
        operationId: 'simulateWhatIf',
        tags,
        security: secured,
        summary: 'Rescore a known client, or a new application with its history, with some loan terms changed',
        body: WhatIfRequest,
        response: { 200: WhatIf, ...errorReplies(...COMMON_ERRORS, 404) },
      },
      preHandler: app.intakeCheck(inKey('application')),
    },
    (request) => app.forward(explain.whatIf, request.body, request),
  );

  app.post(
    '/api/v1/explanations',
    {
      schema: {
        operationId: 'explainApplication',
        tags,
        security: secured,
        summary: 'Decide on a new application, record the decision and explain it',
        headers: DECIDING.headers,
        body: ExplainApplicationRequest,
        response: { 200: Explanation, ...errorReplies(...DECIDING.errors) },
      },
      preHandler: app.intakeCheck(inKey('application')),
    },
    (request) => app.forward(explain.application, request.body, request),
  );

  app.get(
    '/api/v1/explanations/global',
    {
      schema: {
        operationId: 'getGlobalImportance',
        tags,
        security: secured,
        summary: 'Mean |SHAP| per feature over the served applicants',
        querystring: LanguageQuery,
        response: { 200: GlobalImportance, ...errorReplies(...COMMON_ERRORS) },
      },
    },
    (request) => app.forward(explain.global, { language: request.query.language }, request),
  );

  app.get(
    '/api/v1/explanations/summary',
    {
      schema: {
        operationId: 'getShapSummary',
        tags,
        security: secured,
        summary: 'SHAP summary (beeswarm) of the top features',
        querystring: SummaryRequest,
        response: { 200: ShapSummary, ...errorReplies(...COMMON_ERRORS) },
      },
    },
    (request) => app.forward(explain.summary, request.query, request),
  );

  app.get(
    '/api/v1/explanations/dependence',
    {
      schema: {
        operationId: 'getShapDependence',
        tags,
        security: secured,
        summary: 'SHAP value against feature value, coloured by a second feature',
        querystring: DependenceRequest,
        response: { 200: Dependence, ...errorReplies(...COMMON_ERRORS, 404) },
      },
    },
    (request) => app.forward(explain.dependence, request.query, request),
  );
};

export default explanationRoutes;
