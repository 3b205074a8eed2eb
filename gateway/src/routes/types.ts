import type {
  FastifyInstance,
  FastifyBaseLogger,
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
} from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorBody } from '@octroi/contracts';
import type { Forward } from '../plugins/bus-client.ts';
import type { CurrentModel } from '../plugins/current-model.ts';
import type { KnownClientScore } from '../plugins/known-client-scores.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface RouteDeps {
  forward: Forward;
  /** The scoring model's description, refreshed every few seconds. */
  model: CurrentModel;
  /** A known client's recorded decision, from the shared cache or the scoring service. */
  knownClientScore: KnownClientScore;
}

/** The error replies a route can give, for the OpenAPI document. */
export const errorReplies = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, ErrorBody]));
export const COMMON_ERRORS = [400, 401, 429, 503, 504] as const;
export const secured: Array<Record<string, string[]>> = [{ apiKey: [] }, { session: [] }];
