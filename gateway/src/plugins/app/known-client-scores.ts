import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { endpoints, knownClientScoreCache, type Score } from '@octroi/contracts';
import type { Cache, Runtime } from '@octroi/runtime';
import type { Forward } from './bus.ts';
import type { CurrentModel } from './current-model.ts';

export type KnownClientScore = (clientId: number, request: FastifyRequest) => Promise<Score>;

declare module 'fastify' {
  interface FastifyInstance {
    /** A known client's recorded decision, from the shared cache or the scoring service. */
    knownClientScore: KnownClientScore;
  }
}

/**
 * A known client's score. The scoring service records one decision per client and model version (its decision of
 * record, in the durable store); the gateway keeps the answers it got in its own cache, by model version, and
 * answers from there when it can, which spares the most frequent request its round trip through NATS. The cache
 * only ever holds what the scoring service answered, so it never decides anything.
 */
export function knownClientScores(
  runtime: Pick<Runtime, 'cache'>,
  forward: Forward,
  model: CurrentModel,
): KnownClientScore {
  // During a rolling update replicas answer with two versions in turn: keep the caches of the last two.
  const caches = new Map<string, Cache>();
  const cacheOf = (version: string) => {
    let cache = caches.get(version);
    if (!cache) {
      cache = runtime.cache(version, { owner: knownClientScoreCache.owner });
      caches.set(version, cache);
      if (caches.size > 2) {
        const [oldest, stale] = caches.entries().next().value!;
        caches.delete(oldest);
        void stale.close();
      }
    }
    return cache;
  };

  return async (clientId, request) => {
    // Before the model's version is known (the first requests), the scoring service is asked: it holds the decisions
    // of record. Never wait for the version: its refresh may be stuck on a frozen replica.
    const version = model.latest(request)?.version;
    const key = knownClientScoreCache.key(clientId);
    const cached = version === undefined ? undefined : await cacheOf(version).get<Score>(key);
    if (cached) return cached;
    const score = await forward(endpoints.scoring.scoreClient, { clientId }, request);
    await cacheOf(score.modelVersion).set(key, score);
    return score;
  };
}

export default fp<{ runtime: Pick<Runtime, 'cache'> }>(
  async (app, { runtime }) => {
    app.decorate('knownClientScore', knownClientScores(runtime, app.forward, app.currentModel));
  },
  { name: 'known-client-scores', dependencies: ['bus', 'current-model'] },
);
