import fp from 'fastify-plugin';
import { endpoints, type ModelInfo } from '@octroi/contracts';
import type { Asker, Forward } from './bus.ts';

/** A promotion reaches every scoring replica within a second (MODEL_ROLES_POLL_MS): the gateway follows as fast. */
const REFRESH_MS = 1_000;

export interface CurrentModel {
  /** The description: the last known one at once, or, before the first answer, the scoring service's answer. */
  (request: Asker): Promise<ModelInfo>;
  /** The last known description without waiting (undefined before the first answer). */
  latest(request: Asker): ModelInfo | undefined;
  /** Asks again now (after a promotion this gateway carried). */
  refresh(request: Asker): Promise<ModelInfo>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The scoring model's description, refreshed every few seconds behind the requests that use it. */
    currentModel: CurrentModel;
  }
}

/**
 * The scoring model's description, asked of the scoring service at most every few seconds: it changes only when
 * the service loads another bundle. Requests are answered with the last known description while a fresh one is
 * asked for behind them (stale-while-revalidate), so a refresh that lands on a dead or frozen replica delays no
 * one; a failed refresh keeps the last known description. Only the very first callers wait, sharing one request.
 */
export function currentModel(forward: Forward, refreshMs = REFRESH_MS): CurrentModel {
  let known: { model: ModelInfo; at: number } | undefined;
  let refreshing: Promise<ModelInfo> | undefined;

  const refresh = (request: Asker) => {
    refreshing ??= forward(endpoints.scoring.model, {}, request)
      .then((model) => {
        known = { model, at: Date.now() };
        return model;
      })
      .finally(() => (refreshing = undefined));
    return refreshing;
  };

  const latest = (request: Asker) => {
    if (!known || Date.now() - known.at >= refreshMs) {
      refresh(request).catch((err: unknown) =>
        request.log.warn({ err: String(err) }, 'model description not refreshed: keeping the last known one'),
      );
    }
    return known?.model;
  };

  return Object.assign(
    (request: Asker) => {
      const model = latest(request);
      return model ? Promise.resolve(model) : refresh(request);
    },
    { latest, refresh },
  );
}

export default fp(
  async (app) => {
    app.decorate('currentModel', currentModel(app.forward));
  },
  { name: 'current-model', dependencies: ['bus'] },
);
