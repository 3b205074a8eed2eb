import type { Endpoint } from '@octroi/contracts';
import type { Redis } from 'ioredis';

export type { Redis };
import { MemoryBus, NatsBus, type Bus, type RunningService, type ServiceDefinition } from './bus/index.ts';
import { connectRedis, createCache, type Cache } from './cache/index.ts';
import { FileAuditLog, JetStreamAuditLog, type AuditLog } from './audit/index.ts';
import { FileFeed, JetStreamFeed, type MonitoringFeed } from './feed/index.ts';
import {
  FileObjectBucket,
  JetStreamObjectBucket,
  type ObjectBucket,
  type ObjectBucketOptions,
} from './objects/index.ts';
import { JetStreamWorkQueue, LocalWorkQueue, type WorkQueue, type WorkQueueOptions } from './work-queue/index.ts';
import { dataDir, envInt, envString } from './config.ts';
import { storageStatus } from './jetstream/index.ts';
import { FileStore, JetStreamStore, type DurableStore } from './store/index.ts';
import { Health, Shutdown } from './lifecycle.ts';
import { createLogger, type Logger } from './logger.ts';
import { processMetrics, type Metrics } from './metrics.ts';
import { startProbeServer } from './probe-server.ts';
import { leaveQueueGroupWhileStalled } from './stall-watch.ts';
import { flushTraces, tracingEnabled } from './tracing.ts';

/** Everything a service or the gateway needs from its surroundings, built from the environment once. */
export interface Runtime {
  readonly name: string;
  readonly log: Logger;
  readonly metrics: Metrics;
  readonly bus: Bus;
  readonly health: Health;
  readonly shutdown: Shutdown;
  /**
   * The cache shared by every replica, for one model version. Entries belong to this component unless `owner`
   * names another one whose entries it reads (the gateway reads the decisions the scoring service recorded).
   */
  cache(modelVersion: string, options?: { defaultTtlSeconds?: number; owner?: string }): Cache;
  /**
   * Durable keys and values shared by every replica: JetStream KV on NATS; on the in-process bus, fsynced files
   * under `$OCTROI_DATA_DIR/store`. Opened once per component.
   */
  store(): Promise<DurableStore>;
  /** JetStream on NATS; an fsynced file (AUDIT_FILE, default `$OCTROI_DATA_DIR/audit/decisions.jsonl`) otherwise. */
  auditLog(): Promise<AuditLog>;
  /**
   * The monitoring feed (counts of what was decided, shadow scores, officers' decisions): JetStream on NATS,
   * `$OCTROI_DATA_DIR/monitoring/feed.jsonl` on the in-process bus. Opened once per component.
   */
  monitoringFeed(): Promise<MonitoringFeed>;
  /**
   * A Redis connection for counters every replica shares (rate limits, sign-in throttling), or undefined without
   * REDIS_URL. Like the cache it never waits for Redis: commands fail at once while it is out of reach, and each
   * user of it decides what that means (the rate limits let requests through).
   */
  redis(): Redis | undefined;
  /** Files too large for a message: JetStream object store on NATS, `$OCTROI_DATA_DIR/objects/<bucket>` otherwise. */
  objects(bucket: string, options?: ObjectBucketOptions): Promise<ObjectBucket>;
  /** Work shared among the replicas of a service: a JetStream work-queue stream on NATS, in memory otherwise. */
  workQueue<T>(options: WorkQueueOptions): Promise<WorkQueue<T>>;
  /** Serves a service on the bus and arranges for it to drain on shutdown. */
  serve<Eps extends Record<string, Endpoint>>(definition: ServiceDefinition<Eps>): Promise<RunningService>;
}

export interface RuntimeOptions {
  /** An existing bus to share (embedded mode runs every service in one process on one in-process bus). */
  bus?: Bus;
  log?: Logger;
  natsUrl?: string;
  redisUrl?: string;
  /** Where the files of embedded mode go (the durable store, the monitoring feed): default `$OCTROI_DATA_DIR`. */
  dataDir?: string;
}

/**
 * NATS when NATS_URL is set, the in-process bus otherwise; Redis when REDIS_URL is set, an in-process LRU otherwise.
 * CACHE=off turns caching off (for measurements). METRICS_PORT, when set, opens the service's /metrics, /healthz and /readyz.
 */
export async function createRuntime(name: string, options: RuntimeOptions = {}): Promise<Runtime> {
  const log = options.log ?? createLogger(name);
  const metrics = processMetrics();
  const natsUrl = options.natsUrl ?? envString('NATS_URL');
  const redisUrl = options.redisUrl ?? envString('REDIS_URL');
  const ownsBus = !options.bus;
  const bus =
    options.bus ?? (natsUrl ? await NatsBus.connect(natsUrl, name, log, metrics) : new MemoryBus(log, metrics));
  const health = new Health();
  // Not ready until the component has joined the bus with its service (the gateway has none: ready at once).
  const joined = name === 'gateway' ? () => true : health.waitFor('serving on the bus');
  const shutdown = new Shutdown(log);
  const caches: Cache[] = [];
  let feed: Promise<MonitoringFeed> | undefined;
  let store: Promise<DurableStore> | undefined;
  let redis: Redis | undefined;
  const files = options.dataDir ?? dataDir();

  /** The process's one Redis connection (undefined without REDIS_URL): its caches and counters share it. */
  const sharedRedis = () => {
    if (!redisUrl || redis) return redis;
    const connection = (redis = connectRedis(redisUrl));
    shutdown.add('close the Redis connection', async () => {
      await connection.quit().catch(() => undefined);
    });
    return redis;
  };

  // Registered first, so run last: the spans of the work drained meanwhile are sent too.
  if (tracingEnabled()) shutdown.add('send the last traces', () => flushTraces());
  if (ownsBus) shutdown.add('close the bus', () => bus.close());
  shutdown.add('close caches', async () => {
    await Promise.all(caches.map((cache) => cache.close()));
  });
  const metricsPort = envInt('METRICS_PORT', 0);
  if (metricsPort > 0) {
    const server = await startProbeServer(metricsPort, metrics, health);
    shutdown.add('close the probe server', () => new Promise<void>((resolve) => server.close(() => resolve())));
  }

  return {
    name,
    log,
    metrics,
    bus,
    health,
    shutdown,
    cache(modelVersion, { defaultTtlSeconds, owner = name } = {}) {
      const settings = { enabled: envString('CACHE', 'on') !== 'off', nearMegabytes: envInt('NEAR_CACHE_MB', 64) };
      const connection = settings.enabled ? sharedRedis() : undefined;
      const cache = createCache(connection, { name: owner, modelVersion, defaultTtlSeconds }, metrics, log, settings);
      caches.push(cache);
      return cache;
    },
    store() {
      store ??= (async () => {
        const opened =
          bus instanceof NatsBus ? new JetStreamStore(bus.connection, log) : FileStore.at(`${files}/store`);
        shutdown.add('close the store', () => opened.close());
        return opened;
      })();
      return store;
    },
    async auditLog() {
      if (bus instanceof NatsBus) health.addCheck('storage', () => storageStatus(bus.connection));
      const audit =
        bus instanceof NatsBus
          ? await JetStreamAuditLog.open(bus.connection, { writer: name, log })
          : FileAuditLog.at(envString('AUDIT_FILE', `${files}/audit/decisions.jsonl`)!);
      shutdown.add('close the audit log', () => audit.close());
      return audit;
    },
    monitoringFeed() {
      feed ??= (async () => {
        const opened =
          bus instanceof NatsBus
            ? await JetStreamFeed.open(bus.connection, log, {
                maxBytes: envInt('MONITORING_FEED_MAX_BYTES', 2 * 1024 ** 3),
              })
            : FileFeed.at(`${files}/monitoring/feed.jsonl`);
        shutdown.add('close the monitoring feed', () => opened.close());
        return opened;
      })();
      return feed;
    },
    redis: sharedRedis,
    async objects(bucket, options = {}) {
      return bus instanceof NatsBus
        ? JetStreamObjectBucket.open(bus.connection, bucket, options, log)
        : new FileObjectBucket(`${dataDir()}/objects`, bucket);
    },
    async workQueue<T>(options: WorkQueueOptions) {
      const ackWaitMs = options.ackWaitMs ?? envInt('WORK_ACK_WAIT_MS', 30_000);
      return bus instanceof NatsBus
        ? JetStreamWorkQueue.open<T>(bus.connection, { ...options, ackWaitMs }, log)
        : new LocalWorkQueue<T>(log, options.capacity);
    },
    async serve(definition) {
      const running = await bus.serve(definition);
      if (definition.modelVersion)
        metrics.modelInfo.set({ service: definition.name, version: definition.modelVersion }, 1);
      // Replicas share a queue group only on NATS; embedded, the one instance has no one to hand its load to.
      const stopWatching = bus instanceof NatsBus ? leaveQueueGroupWhileStalled(running, bus, log) : () => undefined;
      shutdown.add(`drain ${definition.name}`, async () => {
        stopWatching();
        health.markStopping();
        await running.stop();
      });
      joined();
      log.info(
        { bus: bus.kind, instance: running.id, version: definition.version, modelVersion: definition.modelVersion },
        `${definition.name} service ready`,
      );
      return running;
    },
  };
}
