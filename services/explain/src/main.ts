import { loadBundle } from '@octroi/model-bundle';
import { createRuntime, envInt, type RuntimeOptions } from '@octroi/runtime';
import { ExplainerContext } from './explainer-context.ts';
import { runGlobalImportance } from './global-job.ts';
import { explainService } from './service.ts';

/**
 * Loads the bundle and serves explanations at once; the global importance over every applicant is computed in
 * the background (or read from the cache another replica filled), with its progress in the logs.
 */
export async function startExplain(options: RuntimeOptions = {}) {
  const runtime = await createRuntime('explain', options);
  const bundle = await loadBundle();
  const started = Date.now();
  const context = await ExplainerContext.load(bundle);
  runtime.log.info(
    { ms: Date.now() - started, trees: context.explainer.forest.roots.length },
    'trees and TreeSHAP tables ready',
  );
  const cache = runtime.cache(bundle.version, { defaultTtlSeconds: envInt('EXPLANATION_CACHE_TTL_SECONDS', 3600) });
  await runtime.serve(explainService(context, cache));
  const job = runGlobalImportance(context, cache, runtime.log);
  runtime.shutdown.add('stop the global importance job', () => job.stop());
  return runtime;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runtime = await startExplain();
  runtime.shutdown.listen();
}
