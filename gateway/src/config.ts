import { dataDir as runtimeDataDir, envInt, envList, envString, storeTimeoutMs } from '@octroi/runtime';

/** The gateway's settings, all from the environment (see the README's configuration table). */
export interface GatewayConfig {
  host: string;
  port: number;
  /** The Open Inference Protocol's gRPC port (0: no gRPC). */
  grpcPort: number;
  /** Where users, the session key and the audit file of embedded mode live. */
  dataDir: string;
  apiKeys: string[];
  apiKeysFile?: string;
  /** Keys that open the seed's routes under /legacy/{key}/, for clients that cannot send headers (none: off). */
  legacyKeys: string[];
  legacyKeysFile?: string;
  usersFile: string;
  sessionSecret?: string;
  sessionHours: number;
  /** Password of the demo user created on first run; random (and printed once) when unset. */
  demoPassword?: string;
  corsOrigins: string[];
  metricsPublic: boolean;
  rateLimitPerMinute: number;
  busTimeoutMs: number;
  /** For the requests that record decisions: longer than the services wait for the durable store. */
  recordingTimeoutMs: number;
  webDir?: string;
  secureCookies: boolean;
}

export function loadConfig(): GatewayConfig {
  const dataDir = runtimeDataDir();
  const busTimeoutMs = envInt('BUS_TIMEOUT_MS', 3000);
  return {
    host: envString('HOST', '127.0.0.1')!,
    port: envInt('PORT', 8080),
    grpcPort: envInt('GRPC_PORT', 0),
    dataDir,
    apiKeys: envList('OCTROI_API_KEYS'),
    apiKeysFile: envString('OCTROI_API_KEYS_FILE'),
    legacyKeys: envList('OCTROI_LEGACY_KEYS'),
    legacyKeysFile: envString('OCTROI_LEGACY_KEYS_FILE'),
    usersFile: envString('OCTROI_USERS_FILE', `${dataDir}/users.json`)!,
    sessionSecret: envString('OCTROI_SESSION_SECRET'),
    sessionHours: envInt('OCTROI_SESSION_HOURS', 8),
    demoPassword: envString('OCTROI_DEMO_PASSWORD'),
    corsOrigins: envList('CORS_ORIGINS'),
    metricsPublic: envString('METRICS_PUBLIC', 'true') === 'true',
    rateLimitPerMinute: envInt('RATE_LIMIT_PER_MINUTE', 6000),
    busTimeoutMs,
    recordingTimeoutMs: envInt('RECORDING_TIMEOUT_MS', Math.max(busTimeoutMs, storeTimeoutMs() + 2000)),
    webDir: envString('WEB_DIR'),
    secureCookies: envString('SECURE_COOKIES', 'false') === 'true',
  };
}
