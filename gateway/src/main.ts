import { createRuntime, type Bus } from '@octroi/runtime';
import { ApiKeys } from './auth/api-keys.ts';
import { SessionTokens } from './auth/session-token.ts';
import { UserStore } from './auth/users.ts';
import { startGrpcServer } from './inference-v2/grpc-server.ts';
import { buildGateway } from './server.ts';
import { loadConfig } from './config.ts';

/** Starts the gateway; with `bus` given (embedded mode) it shares the process's in-process bus. */
export async function startGateway(options: { bus?: Bus } = {}) {
  const config = loadConfig();
  const runtime = await createRuntime('gateway', options.bus ? { bus: options.bus } : {});
  const { store: users, createdDemoPassword } = await UserStore.open(config.usersFile, config.demoPassword);
  users.watch(2000, (err) => runtime.log.warn({ err: String(err) }, 'users file unreadable: keeping the users known'));
  runtime.shutdown.add('stop watching the users file', async () => users.close());
  const apiKeys = new ApiKeys(config.apiKeys, config.apiKeysFile);
  const legacyKeys = new ApiKeys(config.legacyKeys, config.legacyKeysFile);
  const tokens = new SessionTokens(
    SessionTokens.secretFrom(config.sessionSecret, config.dataDir),
    config.sessionHours * 3600_000,
  );
  const app = await buildGateway({ runtime, config, users, apiKeys, legacyKeys, tokens });
  await app.listen({ host: config.host, port: config.port });
  runtime.shutdown.add('close the HTTP server', () => app.close());
  if (config.grpcPort > 0) {
    const grpc = await startGrpcServer({
      host: config.host,
      port: config.grpcPort,
      apiKeys,
      deps: app,
      log: runtime.log,
    });
    runtime.shutdown.add('close the gRPC server', () => grpc.close());
    runtime.log.info({ port: grpc.port }, 'Open Inference Protocol gRPC listening');
  }
  const url = `http://${config.host}:${config.port}`;
  if (createdDemoPassword) {
    // Printed once, on the run that created the user; the file keeps only its hash.
    console.log(
      `\nFirst run: created the demo user "officer" with password "${createdDemoPassword}" (stored hashed in ${config.usersFile}).\n`,
    );
  }
  runtime.log.info({ url, apiKeys: apiKeys.size, legacyKeys: legacyKeys.size }, 'gateway listening');
  return { app, runtime, url };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { runtime } = await startGateway();
  runtime.shutdown.listen();
}
