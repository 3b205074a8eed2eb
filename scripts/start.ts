/**
 * Starts the whole of Octroi.
 *
 *   npm start                      one process, in-process bus and cache (embedded defaults), the shipped model
 *   npm run start:distributed -- [--nats 1|3] [--scoring N] [--clients N] [--explain N] [--monitoring N] [--gateway N]
 *                                  nats-server (one, or a JetStream cluster of three) and redis-server (started here
 *                                  unless NATS_URL / REDIS_URL are set or already listening), then each service as
 *                                  its own processes, N replicas each
 */
import { parseArgs } from 'node:util';
import { MemoryBus, createLogger, processMetrics } from '@octroi/runtime';
import { startDistributed } from './topology.ts';

const { values } = parseArgs({
  options: {
    distributed: { type: 'boolean', default: false },
    nats: { type: 'string', default: process.env.NATS_NODES ?? '1' },
    scoring: { type: 'string', default: process.env.SCORING_REPLICAS ?? '1' },
    clients: { type: 'string', default: process.env.CLIENTS_REPLICAS ?? '1' },
    explain: { type: 'string', default: process.env.EXPLAIN_REPLICAS ?? '1' },
    monitoring: { type: 'string', default: process.env.MONITORING_REPLICAS ?? '1' },
    gateway: { type: 'string', default: process.env.GATEWAY_REPLICAS ?? '1' },
  },
});

async function startEmbedded() {
  const log = createLogger('octroi');
  const bus = new MemoryBus(log, processMetrics());
  const { startScoring } = await import('@octroi/scoring');
  const { startClients } = await import('@octroi/clients');
  const { startExplain } = await import('@octroi/explain');
  const { startMonitoring } = await import('@octroi/monitoring');
  const { startGateway } = await import('@octroi/gateway');
  const services = await Promise.all([
    startScoring({ bus }),
    startClients({ bus }),
    startExplain({ bus }),
    startMonitoring({ bus }),
  ]);
  // One process shares its cores: HTTP opens once the services' start-up work (the global importance) is done, so
  // that a ready Octroi answers within its latency budget from the first request.
  await Promise.all(services.map((runtime) => runtime.health.startedUp()));
  const gateway = await startGateway({ bus });
  // One signal stops everything: the gateway first (no new HTTP work), then each service drains.
  let stopping = false;
  const stop = async () => {
    if (stopping) process.exit(1);
    stopping = true;
    await gateway.runtime.shutdown.run();
    await Promise.all(services.map((runtime) => runtime.shutdown.run()));
    await bus.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  console.log(
    `\nOctroi is running at ${gateway.url}  (dashboard at /, API documentation at /docs). Ctrl+C stops it.\n`,
  );
}

if (values.distributed) {
  await startDistributed({
    nats: Number(values.nats),
    scoring: Number(values.scoring),
    clients: Number(values.clients),
    explain: Number(values.explain),
    monitoring: Number(values.monitoring),
    gateway: Number(values.gateway),
  });
} else {
  await startEmbedded();
}
