import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  ClientIdParams,
  DecisionHistory,
  DecisionId,
  OfficerDecision,
  OfficerDecisionRequest,
  OverridesReport,
  OverridesReportRequest,
  ReleasedReview,
  ReviewCase,
  ReviewQueue,
  ReviewQueueRequest,
  TakenReview,
  endpoints,
} from '@octroi/contracts';
import type { FastifyRequest } from 'fastify';
import { COMMON_ERRORS, errorReplies, secured } from '../../schemas.ts';

const { scoring } = endpoints;
const tags = ['officers'];

/** The officer who signed in (the role hook let only people through). */
const officerOf = (request: FastifyRequest) => {
  const { username, displayName } = request.principal!.user!;
  return { username, displayName };
};

/**
 * What loan officers do with the model's decisions: confirm or override one with a reason, work through the referred
 * ones oldest first, give back a case taken and left, read a client's decision history. Deciding, taking and giving
 * back a case need a person who signed in (an officer or an administrator); the overrides report is for administrators.
 */
const officerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const person = app.requireRole('officer', 'admin');
  const admin = app.requireRole('admin');

  app.post(
    '/api/v1/officer-decisions',
    {
      preParsing: person,
      schema: {
        operationId: 'recordOfficerDecision',
        tags,
        security: secured,
        summary: "Confirm or override the model's decision, with the lender's reason and a justification",
        description:
          'Kept append-only beside the decision of record (officer, time, model version) and recorded in the audit log; ' +
          "a referred application so decided leaves the review queue. 409 when another officer's decision took the same place a moment before: reload the history and decide again.",
        body: OfficerDecisionRequest,
        response: { 201: OfficerDecision, ...errorReplies(...COMMON_ERRORS, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const decision = await app.forward(
        scoring.recordOfficerDecision,
        { ...request.body, officer: officerOf(request) },
        request,
      );
      return reply.code(201).send(decision);
    },
  );

  app.get(
    '/api/v1/clients/:id/decision-history',
    {
      schema: {
        operationId: 'getDecisionHistory',
        tags,
        security: secured,
        summary: "A client's decisions of record, newest first: the model's, with its version, and the officers'",
        params: ClientIdParams,
        response: { 200: DecisionHistory, ...errorReplies(...COMMON_ERRORS) },
      },
    },
    (request) => app.forward(scoring.decisionHistory, { clientId: request.params.id }, request),
  );

  app.get(
    '/api/v1/reviews',
    {
      schema: {
        operationId: 'listReviews',
        tags,
        security: secured,
        summary: 'The referred applications no officer has decided yet, the oldest first, with who took each',
        querystring: ReviewQueueRequest,
        response: { 200: ReviewQueue, ...errorReplies(...COMMON_ERRORS) },
      },
    },
    (request) => app.forward(scoring.reviewQueue, request.query, request),
  );

  app.post(
    '/api/v1/reviews/next',
    {
      preParsing: person,
      schema: {
        operationId: 'takeNextReview',
        tags,
        security: secured,
        summary: 'Take the oldest referred application no other officer holds (the one you hold comes first)',
        description:
          'The officer holds it for REVIEW_CLAIM_MINUTES (30 by default): no other officer is given it meanwhile. `referral` is null when none waits.',
        response: { 200: TakenReview, ...errorReplies(...COMMON_ERRORS, 403) },
      },
    },
    (request) => app.forward(scoring.takeReview, { officer: officerOf(request) }, request),
  );

  app.get(
    '/api/v1/reviews/:decisionId',
    {
      schema: {
        operationId: 'getReview',
        tags,
        security: secured,
        summary: 'A referred application as the officer reviews it: the decision, the application, its reviews',
        params: Type.Object({ decisionId: DecisionId }),
        response: { 200: ReviewCase, ...errorReplies(...COMMON_ERRORS, 404) },
      },
    },
    (request) => app.forward(scoring.review, { decisionId: request.params.decisionId }, request),
  );

  app.delete(
    '/api/v1/reviews/:decisionId/claim',
    {
      preParsing: person,
      schema: {
        operationId: 'releaseReview',
        tags,
        security: secured,
        summary: 'Give back a referred application you took: it goes back to the queue for every officer at once',
        description:
          'Only the officer who holds it may give it back, or an administrator. Nothing is decided or audited. ' +
          '403 when another officer holds it; 404 when the decision was never referred; 409 when it is decided already, when nobody holds it, or when your claim lapsed and another officer took it.',
        params: Type.Object({ decisionId: DecisionId }),
        response: { 200: ReleasedReview, ...errorReplies(...COMMON_ERRORS, 403, 404, 409) },
      },
    },
    (request) =>
      app.forward(
        scoring.releaseReview,
        {
          decisionId: request.params.decisionId,
          officer: officerOf(request),
          administrator: request.principal!.user!.role === 'admin',
        },
        request,
      ),
  );

  app.get(
    '/api/v1/overrides',
    {
      preParsing: admin,
      schema: {
        operationId: 'getOverridesReport',
        tags,
        security: secured,
        summary: 'How often officers override the model: by officer, by reason and week by week (administrators only)',
        querystring: OverridesReportRequest,
        response: { 200: OverridesReport, ...errorReplies(...COMMON_ERRORS, 403) },
      },
    },
    (request) => app.forward(scoring.overridesReport, request.query, request),
  );
};

export default officerRoutes;
