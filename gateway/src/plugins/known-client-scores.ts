import type { FastifyRequest } from 'fastify';
import { endpoints, recordedDecisions, type Score } from '@octroi/contracts';
import type { Cache, Runtime } from '@octroi/runtime';
import type { Forward } from './bus-client.ts';
import type { CurrentModel } from './current-model.ts';

export type KnownClientScore = (clientId: number, request: FastifyRequest) => Promise<Score>;

/**
 * A known client's score. The scoring service records a client's decision once per model version and keeps it in
 * the shared cache; when the cache has it for the current model, it is answered from there, which spares the most
 * frequent request its round trip through NATS. Otherwise the scoring service decides (and records).
 */
export function knownClientScores(runtime: Pick<Runtime, 'cache'>, forward: Forward, model: CurrentModel): KnownClientScore {
  let current: { version: string; cache: Cache } | undefined;
  const cacheOf = (version: string) => {
    if (current?.version !== version) {
      void current?.cache.close();
      current = { version, cache: runtime.cache(version, { owner: recordedDecisions.owner }) };
    }
    return current.cache;
  };

  return async (clientId, request) => {
    // Without the model's version (scoring unreachable) the service is asked, and answers 503 if it is down.
    const version = await model(request).then((info) => info.version, () => undefined);
    const recorded = version === undefined ? undefined : await cacheOf(version).get<Score>(recordedDecisions.key(clientId));
    return recorded ?? forward(endpoints.scoring.scoreClient, { clientId }, request);
  };
}
