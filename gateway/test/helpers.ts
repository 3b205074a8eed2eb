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
  } = {},
) {
  const dataDir = mkdtempSync(join(tmpdir(), 'octroi-gateway-'));
  const config = {
    ...loadConfig(),
    dataDir,
    usersFile: join(dataDir, 'users.json'),
    apiKeys: [API_KEY],
    rateLimitPerMinute: options.rateLimitPerMinute ?? 0,
    busTimeoutMs: options.busTimeoutMs ?? 3000,
    metricsPublic: options.metricsPublic ?? true,
    webDir: join(dataDir, 'no-web'),
  };
  const runtime = await createRuntime('gateway', {
    ...(options.bus ? { bus: options.bus } : {}),
    ...(options.redisUrl ? { redisUrl: options.redisUrl } : {}),
  });
  const { store: users } = await UserStore.open(config.usersFile, DEMO_PASSWORD);
  const tokens = new SessionTokens(SessionTokens.secretFrom(undefined, dataDir), 3600_000);
  const app = await buildGateway({ runtime, config, users, apiKeys: new ApiKeys(config.apiKeys), tokens });
  return { app, runtime, config, users };
}

export const withKey = { 'x-api-key': API_KEY };
