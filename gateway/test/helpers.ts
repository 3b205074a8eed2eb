import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bus } from '@octroi/runtime';
import { createRuntime } from '@octroi/runtime';
import { ApiKeys } from '../src/auth/api-keys.ts';
import { SessionTokens } from '../src/auth/session-token.ts';
import { UserStore } from '../src/auth/users.ts';
import { buildGateway } from '../src/server.ts';
import { loadConfig } from '../src/config.ts';

export const API_KEY = 'test-key-0123456789';
export const DEMO_PASSWORD = 'demo-password-for-tests';

/** A gateway on the given bus (or a fresh in-process one) and Redis (or the process's memory), with a temporary data folder. */
export async function testGateway(
  options: {
    bus?: Bus;
    redisUrl?: string;
    rateLimitPerMinute?: number;
    busTimeoutMs?: number;
    metricsPublic?: boolean;
    legacyKeys?: string[];
    secureCookies?: boolean;
    /** Shared by gateway replicas: the session key and the users. */
    dataDir?: string;
    /** The dashboard's built files (default: none, so no file is served). */
    webDir?: string;
  } = {},
) {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'octroi-gateway-'));
  const config = {
    ...loadConfig(),
    dataDir,
    usersFile: join(dataDir, 'users.json'),
    apiKeys: [API_KEY],
    rateLimitPerMinute: options.rateLimitPerMinute ?? 0,
    busTimeoutMs: options.busTimeoutMs ?? 3000,
    metricsPublic: options.metricsPublic ?? true,
    webDir: options.webDir ?? join(dataDir, 'no-web'),
    secureCookies: options.secureCookies ?? false,
  };
  const runtime = await createRuntime('gateway', {
    dataDir,
    ...(options.bus ? { bus: options.bus } : {}),
    ...(options.redisUrl ? { redisUrl: options.redisUrl } : {}),
  });
  const { store: users } = await UserStore.open(config.usersFile, DEMO_PASSWORD);
  const tokens = new SessionTokens(SessionTokens.secretFrom(undefined, dataDir), 3600_000);
  const apiKeys = new ApiKeys(config.apiKeys);
  const legacyKeys = new ApiKeys(options.legacyKeys ?? []);
  const app = await buildGateway({ runtime, config, users, apiKeys, legacyKeys, tokens });
  return { app, runtime, config, users };
}

export const withKey = { 'x-api-key': API_KEY };

/** The whole system in one process, as `npm start` runs it: the three services and a gateway on one in-process bus. */
export async function embeddedSystem(options: Parameters<typeof testGateway>[0] = {}) {
  const { MemoryBus, createLogger, processMetrics } = await import('@octroi/runtime');
  const { startScoring } = await import('../../services/scoring/src/main.ts');
  const { startClients } = await import('../../services/clients/src/main.ts');
  const { startExplain } = await import('../../services/explain/src/main.ts');
  process.env.AUDIT_FILE ??= join(mkdtempSync(join(tmpdir(), 'octroi-audit-')), 'decisions.jsonl');
  const log = createLogger('test', 'warn');
  const bus = new MemoryBus(log, processMetrics());
  const services = await Promise.all([
    startScoring({ bus, log }),
    startClients({ bus, log }),
    startExplain({ bus, log }),
  ]);
  const gateway = await testGateway({ ...options, bus });
  return {
    ...gateway,
    async stop() {
      await gateway.app.close();
      await Promise.all(services.map((runtime) => runtime.shutdown.run()));
      await bus.close();
    },
  };
}
