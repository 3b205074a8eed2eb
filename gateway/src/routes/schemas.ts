import { Type } from '@sinclair/typebox';
import { ErrorBody } from '@octroi/contracts';

/** The error replies a route can give, for the OpenAPI document. */
export const errorReplies = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, ErrorBody]));
/** What any authenticated route may answer besides its own: bad input, no key, too many requests, a service down or slow. */
export const COMMON_ERRORS = [400, 401, 429, 503, 504] as const;
/** The OpenAPI security requirement of every route under `secured/`: an API key or a session. */
export const secured: Array<Record<string, string[]>> = [{ apiKey: [] }, { session: [] }];

/**
 * The routes that decide take an optional Idempotency-Key: sent again with the same key and body (by the same API
 * key or user), the request is answered with the decisions recorded the first time and nothing new is recorded;
 * with the same key and another body, 409. Keys are kept at least 24 hours.
 */
export const DECIDING = {
  headers: Type.Object({
    'idempotency-key': Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        pattern: '^[\\x21-\\x7E]+$',
        description:
          'Makes a retry safe: the same key and body replay the recorded decisions, another body under it gets 409. Kept at least 24 h',
      }),
    ),
  }),
  errors: [...COMMON_ERRORS, 409] as const,
};
