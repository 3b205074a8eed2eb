import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  DecisionMixReport,
  DecisionMixRequest,
  DriftReport,
  DriftRequest,
  VariableDriftDetail,
  VariableDriftRequest,
  endpoints,
} from '@octroi/contracts';
import { COMMON_ERRORS, errorReplies, secured } from '../../schemas.ts';

const { monitoring } = endpoints;
const tags = ['monitoring'];

const monitoringRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/monitoring/drift',
    {
      schema: {
        tags,
        security: secured,
        operationId: 'getDrift',
        summary: 'Population stability index of the score and of every feature, live applications against training',
        description:
          'Over a rolling window (1h, 1d, 7d) ending now, for one model version (by default the one that decided last). Stable below 0.1, to watch from 0.1, to act on from 0.25.',
        querystring: DriftRequest,
        response: { 200: DriftReport, ...errorReplies(...COMMON_ERRORS, 404) },
      },
    },
    (request) => app.forward(monitoring.drift, request.query, request),
  );

  app.get(
    '/api/v1/monitoring/drift/:variable',
    {
      schema: {
        tags,
        security: secured,
        operationId: 'getVariableDrift',
        summary: "One feature's (or the score's) live shares beside its training shares, bin by bin",
        params: Type.Pick(VariableDriftRequest, ['variable']),
        querystring: Type.Omit(VariableDriftRequest, ['variable']),
        response: { 200: VariableDriftDetail, ...errorReplies(...COMMON_ERRORS, 404) },
      },
    },
    (request) => app.forward(monitoring.variable, { ...request.query, variable: request.params.variable }, request),
  );

  app.get(
    '/api/v1/monitoring/decisions',
    {
      schema: {
        tags,
        security: secured,
        operationId: 'getDecisionMix',
        summary: 'Decision mix over time (granted, referred, refused, overridden) and approval by gender and age band',
        querystring: DecisionMixRequest,
        response: { 200: DecisionMixReport, ...errorReplies(...COMMON_ERRORS) },
      },
    },
    (request) => app.forward(monitoring.decisions, request.query, request),
  );
};

export default monitoringRoutes;
