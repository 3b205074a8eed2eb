import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { endpoints, type ModelInfo } from '@octroi/contracts';
import type { Forward } from './bus.ts';

const REFRESH_MS = 5_000;

export type CurrentModel = (request: FastifyRequest) => Promise<ModelInfo>;

declare module 'fastify' {
  interface FastifyInstance {
    /** The scoring model's description, refreshed every few seconds. */
    currentModel: CurrentModel;
  }
}

/**
 * The scoring model's description, asked of the scoring service at most every few seconds: it changes only when
 * the service loads another bundle. Callers arriving together share one request, and a failed one is not kept.
 */
export function currentModel(forward: Forward, refreshMs = REFRESH_MS): CurrentModel {
  let known: { model: Promise<ModelInfo>; until: number } | undefined;
  return (request) => {
    if (!known || Date.now() >= known.until) {
      const entry = { model: forward(endpoints.scoring.model, {}, request), until: Date.now() + refreshMs };
      entry.model.catch(() => {
        if (known === entry) known = undefined;
      });
      known = entry;
    }
    return known.model;
  };
}

export default fp(
  async (app) => {
    app.decorate('currentModel', currentModel(app.forward));
  },
  { name: 'current-model', dependencies: ['bus'] },
);
