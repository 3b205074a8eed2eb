import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NatsBus, createLogger, processMetrics, type Runtime } from '@octroi/runtime';
import { startNats, startRedis, type TestServer } from '@octroi/runtime/testing';
import { startClients } from '../../services/clients/src/main.ts';
import { startExplain } from '../../services/explain/src/main.ts';
import { startScoring } from '../../services/scoring/src/main.ts';
import { testGateway } from './helpers.ts';

/**
 * The whole system on real servers: nats-server with JetStream, redis-server, the three services each with its
 * own NATS connection, the gateway on a fourth, all loading the shipped model bundle.
 */
export async function startSystem() {
  process.env.AUDIT_FILE = join(mkdtempSync(join(tmpdir(), 'octroi-audit-')), 'decisions.jsonl');
  const nats: TestServer = await startNats({ jetStream: true });
  const redis: TestServer = await startRedis();
  const connection = { natsUrl: nats.url, redisUrl: redis.url, log: createLogger('test', 'warn') };
  const services: Record<'scoring' | 'clients' | 'explain', Runtime> = {
    scoring: await startScoring(connection),
    clients: await startClients(connection),
    explain: await startExplain(connection),
  };
  const gatewayBus = await NatsBus.connect(nats.url, 'gateway-test', connection.log, processMetrics());
  const gateway = await testGateway({ bus: gatewayBus, redisUrl: redis.url });
  return {
    nats,
    redis,
    services,
    gateway,
    gatewayBus,
    async stop() {
      await this.gateway.app.close();
      await this.gateway.runtime.shutdown.run();
      await gatewayBus.close();
      await Promise.all(Object.values(services).map((runtime) => runtime.shutdown.run()));
      await Promise.all([nats.close(), redis.close()]);
    },
  };
}
