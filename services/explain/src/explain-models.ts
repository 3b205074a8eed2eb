import { loadBundle, type BundleCatalogue } from '@octroi/model-bundle';
import { envInt, type Runtime } from '@octroi/runtime';
import { ExplainerContext } from './explainer-context.ts';
import { runGlobalImportance } from './global-job.ts';

/** What the explain service holds for one model version: the explainer, its cache, its global importance job. */
export interface ExplainModel {
  context: ExplainerContext;
  cache: ReturnType<Runtime['cache']>;
  job: ReturnType<typeof runGlobalImportance>;
}

/** Loads a version of the catalogue: trees and TreeSHAP tables, the applicants, then the global importance job. */
export function explainModelLoader(runtime: Runtime, catalogue: BundleCatalogue) {
  return async (version: string): Promise<ExplainModel> => {
    const entry = await catalogue.find(version);
    if (!entry) throw new Error(`No model bundle has version ${version}`);
    const started = Date.now();
    const context = await ExplainerContext.load(await loadBundle(entry.dir));
    runtime.log.info(
      { version, ms: Date.now() - started, trees: context.explainer.forest.roots.length },
      'trees and TreeSHAP tables ready',
    );
    const cache = runtime.cache(version, { defaultTtlSeconds: envInt('EXPLANATION_CACHE_TTL_SECONDS', 3600) });
    return { context, cache, job: runGlobalImportance(context, cache, runtime.log) };
  };
}

/** A version no longer served: its job stops and its cache connection closes. */
export async function releaseExplainModel(model: ExplainModel) {
  await model.job.stop();
  await model.cache.close();
}
