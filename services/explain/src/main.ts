import { MODELS_BUCKET } from '@octroi/contracts';
import { BundleCatalogue, readModelRoles } from '@octroi/model-bundle';
import {
  createRuntime,
  envInt,
  followModelRoles,
  modelSwitchRecorder,
  ServedModels,
  type RuntimeOptions,
} from '@octroi/runtime';
import { explainModelLoader, releaseExplainModel } from './explain-models.ts';
import { explainService } from './service.ts';

/**
 * Loads the champion bundle (MODELS_DIR, else MODEL_DIR) and serves explanations at once; the global importance is
 * computed in the background (or read from the cache another replica filled), and the replica says it is ready
 * once it is done. Follows the champion: a promotion loads the new bundle, then switches, without stopping.
 */
export async function startExplain(options: RuntimeOptions = {}) {
  const runtime = await createRuntime('explain', options);
  const catalogue = BundleCatalogue.fromEnvironment();
  const pointers = await (await runtime.store()).bucket(MODELS_BUCKET);
  // Explanations are the champion's only: the challenger scores in shadow, it explains nothing.
  const championOnly = async () => ({ champion: (await readModelRoles(pointers, catalogue)).champion });
  const models = await ServedModels.start(await championOnly(), {
    load: explainModelLoader(runtime, catalogue),
    release: releaseExplainModel,
    log: runtime.log,
  });
  // Start-up work: the importance takes a core for a few seconds, and a replica is ready once it has it back.
  void models.champion().model.job.done.finally(runtime.health.waitFor('the global importance'));
  const audit = await runtime.auditLog();
  const service = await runtime.serve(explainService(models));
  const follower = followModelRoles(models, championOnly, {
    intervalMs: envInt('MODEL_ROLES_POLL_MS', 1000),
    log: runtime.log,
    onSwitch: modelSwitchRecorder(runtime, audit, 'explain', service.id),
  });
  runtime.shutdown.add('stop following the model roles', () => follower.stop());
  runtime.shutdown.add('release the models', () => releaseExplainModel(models.champion().model));
  return runtime;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runtime = await startExplain();
  runtime.shutdown.listen();
}
