import { ErrorBody } from '@octroi/contracts';

/** The error replies a route can give, for the OpenAPI document. */
export const errorReplies = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, ErrorBody]));
/** What any authenticated route may answer besides its own: bad input, no key, too many requests, a service down or slow. */
export const COMMON_ERRORS = [400, 401, 429, 503, 504] as const;
/** The OpenAPI security requirement of every route under `secured/`: an API key or a session. */
export const secured: Array<Record<string, string[]>> = [{ apiKey: [] }, { session: [] }];
