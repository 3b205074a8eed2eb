import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  ClientIdParams,
  ClientPage,
  ClientRecord,
  FeatureParams,
  LanguageQuery,
  ListClientsRequest,
  Population,
  PopulationSample,
  PopulationSampleRequest,
  ReferralBandReport,
  Score,
  SimilarClients,
  endpoints,
} from '@octroi/contracts';
import { COMMON_ERRORS, errorReplies, secured } from '../../schemas.ts';

const { clients } = endpoints;
const tags = ['clients'];

const clientRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/model/referral-band',
    {
      schema: {
        tags: ['model'],
        operationId: 'getReferralBand',
        security: secured,
        summary:
          'How many clients the referral band sends to an officer, and what deciding them automatically would cost',
        response: { 200: ReferralBandReport, ...errorReplies(...COMMON_ERRORS) },
      },
    },
    (request) => app.forward(clients.referralBand, {}, request),
  );

  app.get(
    '/api/v1/clients',
    {
      schema: {
        operationId: 'listClients',
        tags,
        security: secured,
        summary: 'Page through applicants, with search by id and filters',
        querystring: ListClientsRequest,
        response: { 200: ClientPage, ...errorReplies(...COMMON_ERRORS) },
      },
    },
    (request) => app.forward(clients.list, request.query, request),
  );

  app.get(
    '/api/v1/clients/:id',
    {
      schema: {
        operationId: 'getClient',
        tags,
        security: secured,
        summary: "An applicant's file, fields grouped and labelled for reading",
        params: ClientIdParams,
        querystring: LanguageQuery,
        response: { 200: ClientRecord, ...errorReplies(...COMMON_ERRORS, 404) },
      },
    },
    (request) => app.forward(clients.get, { clientId: request.params.id, language: request.query.language }, request),
  );

  app.get(
    '/api/v1/clients/:id/score',
    {
      schema: {
        operationId: 'scoreKnownClient',
        tags: ['scores'],
        security: secured,
        summary: 'Probability of default and decision for a known applicant',
        description:
          'Decided and recorded in the audit log once per model version; asked for again, the recorded decision is answered, with its decisionId.',
        params: ClientIdParams,
        response: { 200: Score, ...errorReplies(...COMMON_ERRORS, 404) },
      },
    },
    (request) => app.knownClientScore(request.params.id, request),
  );

  app.get(
    '/api/v1/clients/:id/similar',
    {
      schema: {
        operationId: 'getSimilarClients',
        tags,
        security: secured,
        summary: 'The most similar applicants, with their outcome and score',
        params: ClientIdParams,
        querystring: Type.Object({ k: Type.Integer({ minimum: 1, maximum: 50, default: 10 }) }),
        response: { 200: SimilarClients, ...errorReplies(...COMMON_ERRORS, 404) },
      },
    },
    (request) => app.forward(clients.similar, { clientId: request.params.id, k: request.query.k }, request),
  );

  app.get(
    '/api/v1/population/:feature',
    {
      schema: {
        operationId: 'getPopulation',
        tags,
        security: secured,
        summary: "Distribution of a feature among repaid and defaulted applicants, with a client's place in it",
        params: FeatureParams,
        querystring: Type.Object({
          clientId: Type.Optional(ClientIdParams.properties.id),
          language: LanguageQuery.properties.language,
        }),
        response: { 200: Population, ...errorReplies(...COMMON_ERRORS, 404) },
      },
    },
    (request) =>
      app.forward(
        clients.population,
        { feature: request.params.feature, clientId: request.query.clientId, language: request.query.language },
        request,
      ),
  );

  app.get(
    '/api/v1/population-sample',
    {
      schema: {
        operationId: 'getPopulationSample',
        tags,
        security: secured,
        summary: 'A sample of applicants on two features, for a bivariate plot',
        querystring: PopulationSampleRequest,
        response: { 200: PopulationSample, ...errorReplies(...COMMON_ERRORS, 404) },
      },
    },
    (request) => app.forward(clients.sample, request.query, request),
  );
};

export default clientRoutes;
