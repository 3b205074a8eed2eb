import type { Cache, Logger } from '@octroi/runtime';
import type { ExplainerContext } from './explainer-context.ts';
import type { ImportanceSnapshot } from './global.ts';

const CACHE_KEY = 'global-importance';
const CACHE_TTL_SECONDS = 30 * 24 * 3600;

/**
 * Mean |SHAP| over every served applicant, once per model version: read from the shared cache when another
 * replica already computed it, otherwise computed chunk by chunk between requests, progress logged every 10 %,
 * and stored in the cache for the next replica.
 */
export function runGlobalImportance(context: ExplainerContext, cache: Cache, log: Logger) {
  const controller = new AbortController();
  const job = context.importance;
  const done = (async () => {
    const cached = await cache.get<ImportanceSnapshot>(CACHE_KEY);
    if (cached) {
      job.restore(cached);
      log.info({ rows: cached.done }, 'global importance read from the cache');
      return;
    }
    const started = Date.now();
    let nextReport = 0.1;
    log.info('global importance: computing the SHAP values of every applicant');
    await job.run((current) => {
      if (current.progress >= nextReport) {
        log.info(
          { progress: Math.round(current.progress * 100) / 100 },
          `global importance ${Math.round(current.progress * 100)} %`,
        );
        nextReport = Math.floor(current.progress * 10) / 10 + 0.1;
      }
    }, controller.signal);
    log.info({ seconds: (Date.now() - started) / 1000 }, 'global importance ready');
    await cache.set(CACHE_KEY, job.snapshot(), CACHE_TTL_SECONDS);
  })().catch((err: unknown) => {
    if (!controller.signal.aborted) log.error({ err }, 'global importance failed');
  });
  return {
    done,
    stop: async () => {
      controller.abort();
      await done;
    },
  };
}
