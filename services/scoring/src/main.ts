import { hostname } from 'node:os';
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
import { roleChangeRecorder } from './lifecycle-handlers.ts';
import { ModelLifecycle } from './model-lifecycle.ts';
import { MonitoringPublisher } from './monitoring-feed.ts';
import { ObservationTally } from './observations.ts';
import { openOfficerBooks } from './officer/handlers.ts';
import { releaseScoringModel, scoringModelLoader } from './scoring-models.ts';
import { batchHandlers } from './batch/batch-handlers.ts';
import { batchRetentionMs, openBatchJobs, startBatchWorkers } from './batch/batch-workers.ts';
import { scoringService } from './service.ts';
import { ShadowScoring } from './shadow-scoring.ts';

/**
 * Loads the champion bundle (and the challenger's) from MODELS_DIR, else MODEL_DIR, then serves scoring on the bus;
 * with `bus` given it joins an embedded process. Follows the roles an administrator sets: a promotion loads the new
 * bundle, then switches, without stopping.
 */
export async function startScoring(options: RuntimeOptions = {}) {
  const runtime = await createRuntime('scoring', options);
  const source = `${hostname()}:${process.pid}`;
  const feed = await runtime.monitoringFeed();
  const publisher = new MonitoringPublisher(new ObservationTally(source), feed, runtime.log);
  publisher.start(envInt('MONITORING_PUBLISH_MS', 15_000));
  runtime.shutdown.add('publish the last monitoring counts', () => publisher.stop());

  const catalogue = BundleCatalogue.fromEnvironment();
  const store = await runtime.store();
  const pointers = await store.bucket(MODELS_BUCKET);
  const readRoles = () => readModelRoles(pointers, catalogue);
  const models = await ServedModels.start(await readRoles(), {
    load: scoringModelLoader(runtime, catalogue, publisher),
    release: releaseScoringModel,
    log: runtime.log,
  });
  const audit = await runtime.auditLog();
  const stores = {
    audit,
    decisionsOfRecord: await store.bucket('decisions-of-record'),
    idempotency: await store.bucket('idempotency', { ttlMs: envInt('IDEMPOTENCY_KEY_HOURS', 48) * 3600_000 }),
    cache: runtime.cache('decisions', { defaultTtlSeconds: envInt('SCORE_CACHE_TTL_SECONDS', 3600) }),
    books: await openOfficerBooks(store, audit, {
      claimMinutes: envInt('REVIEW_CLAIM_MINUTES', 30),
      // Overrides are counted by the monitoring; a feed that cannot take one never fails the officer's decision.
      observe: (event) =>
        void feed
          .publish('officer-decision', event)
          .catch((err: unknown) => runtime.log.warn({ err }, 'override not counted')),
    }),
  };

  // The replica that carried a promotion follows it at once; the follower starts once the service has its id.
  let followNow = async () => {};
  const roles = new ModelLifecycle({
    catalogue,
    pointers,
    check: (version) => models.version(version),
    record: roleChangeRecorder(audit),
    applied: () => followNow(),
  });
  const shadow = new ShadowScoring(() => models.challenger(), feed, runtime.log, source, runtime.metrics.registry);
  const batch = await openBatchJobs(runtime);
  const service = await runtime.serve(
    scoringService(models, stores, { roles, shadow }, batchHandlers(batch.store, batch.reads)),
  );
  const follower = followModelRoles(models, readRoles, {
    intervalMs: envInt('MODEL_ROLES_POLL_MS', 1000),
    log: runtime.log,
    onSwitch: modelSwitchRecorder(runtime, audit, 'scoring', service.id),
  });
  followNow = follower.check;
  runtime.shutdown.add('stop following the model roles', () => follower.stop());
  await startBatchWorkers(runtime, batch, {
    model: () => models.champion().model,
    audit,
    claims: await store.bucket('batch-chunks', { ttlMs: batchRetentionMs() }),
    owner: () => service.id,
    ownerRunning: (owner) => runtime.bus.instanceRunning('scoring', owner),
  });
  return runtime;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runtime = await startScoring();
  runtime.shutdown.listen();
}
