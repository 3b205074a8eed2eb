import { loadBundle } from '@octroi/model-bundle';
import { createRuntime, envInt, type RuntimeOptions } from '@octroi/runtime';
import { CreditScorer } from './credit-scorer.ts';
import { scoringService } from './service.ts';

/** Loads the bundle (MODEL_DIR), then serves scoring on the bus; with `bus` given it joins an embedded process. */
export async function startScoring(options: RuntimeOptions = {}) {
  const runtime = await createRuntime('scoring', options);
  const bundle = await loadBundle();
  const scorer = await CreditScorer.load(bundle, { intraOpThreads: envInt('ORT_INTRA_OP_THREADS', 1) });
  const cache = runtime.cache(bundle.version, { defaultTtlSeconds: envInt('SCORE_CACHE_TTL_SECONDS', 3600) });
  const audit = await runtime.auditLog();
  await runtime.serve(scoringService(scorer, cache, audit));
  return runtime;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runtime = await startScoring();
  runtime.shutdown.listen();
}
