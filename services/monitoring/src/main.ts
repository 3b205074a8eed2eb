import { BundleCatalogue } from '@octroi/model-bundle';
import { createLogger, createRuntime, FEED_RETENTION_MS, type RuntimeOptions } from '@octroi/runtime';
import { DriftReferences } from './drift-references.ts';
import { LiveMonitor } from './live-monitor.ts';
import { registerMonitoringMetrics } from './monitoring-metrics.ts';
import { monitoringService } from './service.ts';

/**
 * Reads the monitoring feed from a week back (every scoring replica's counts), then serves the windows on the bus and
 * as Prometheus gauges. Ready once the feed's past has been read, so no answer is made of half a week.
 */
export async function startMonitoring(options: RuntimeOptions = {}) {
  const log = options.log ?? createLogger('monitoring');
  const catalogue = BundleCatalogue.fromEnvironment();
  const references = new DriftReferences(catalogue, log);
  // The champion's training population is read before joining the bus: at full scale the read holds the event loop
  // for seconds, and a connection opened before would miss the NATS server's pings and be dropped.
  const champion = (await catalogue.defaultChampion()).version;
  await references.get(champion);
  const runtime = await createRuntime('monitoring', { ...options, log });
  const monitor = new LiveMonitor(references);
  registerMonitoringMetrics(runtime.metrics.registry, monitor);
  const feed = await runtime.monitoringFeed();
  const started = Date.now();
  const following = await feed.follow(Date.now() - FEED_RETENTION_MS, monitor.take);
  runtime.shutdown.add('stop reading the monitoring feed', () => following.stop());
  await following.caughtUp;
  // The training population of the model in use is read before the first question, not during it.
  await references.get(monitor.counts.latestVersion() ?? champion);
  runtime.log.info({ ms: Date.now() - started }, 'monitoring feed and training population read');
  await runtime.serve(monitoringService(monitor));
  return runtime;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runtime = await startMonitoring();
  runtime.shutdown.listen();
}
