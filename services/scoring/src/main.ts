import { hostname } from 'node:os';
import { loadBundle } from '@octroi/model-bundle';
import { createRuntime, envInt, type RuntimeOptions } from '@octroi/runtime';
import { ApplicantGroups } from './applicant-groups.ts';
import { CreditScorer } from './credit-scorer.ts';
import { LiveDecisions, MonitoringPublisher } from './monitoring-feed.ts';
import { ObservationTally } from './observations.ts';
import { openOfficerBooks } from './officer/handlers.ts';
import { scoringService } from './service.ts';

/** Loads the bundle (MODEL_DIR), then serves scoring on the bus; with `bus` given it joins an embedded process. */
export async function startScoring(options: RuntimeOptions = {}) {
  const runtime = await createRuntime('scoring', options);
  const bundle = await loadBundle();
  const scorer = await CreditScorer.load(bundle, { intraOpThreads: envInt('ORT_INTRA_OP_THREADS', 1) });
  const feed = await runtime.monitoringFeed();
  const publisher = new MonitoringPublisher(new ObservationTally(`${hostname()}:${process.pid}`), feed, runtime.log);
  publisher.start(envInt('MONITORING_PUBLISH_MS', 15_000));
  runtime.shutdown.add('publish the last monitoring counts', () => publisher.stop());
  const live = new LiveDecisions(publisher, {
    reference: scorer.driftReference(),
    featureNames: scorer.featureNames,
    groups: await ApplicantGroups.load(bundle),
  });
  const store = await runtime.store();
  const audit = await runtime.auditLog();
  const stores = {
    audit,
    decisionsOfRecord: await store.bucket('decisions-of-record'),
    idempotency: await store.bucket('idempotency', { ttlMs: envInt('IDEMPOTENCY_KEY_HOURS', 48) * 3600_000 }),
    cache: runtime.cache(bundle.version, { defaultTtlSeconds: envInt('SCORE_CACHE_TTL_SECONDS', 3600) }),
    books: await openOfficerBooks(store, audit, {
      claimMinutes: envInt('REVIEW_CLAIM_MINUTES', 30),
      // Overrides are counted by the monitoring; a feed that cannot take one never fails the officer's decision.
      observe: (event) =>
        void feed
          .publish('officer-decision', event)
          .catch((err: unknown) => runtime.log.warn({ err }, 'override not counted')),
    }),
  };
  await runtime.serve(scoringService(scorer, stores, live));
  return runtime;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runtime = await startScoring();
  runtime.shutdown.listen();
}
