import { loadBundle } from '@octroi/model-bundle';
import { createLogger, createRuntime, type RuntimeOptions } from '@octroi/runtime';
import { ClientsDirectory } from './clients-directory.ts';
import { clientsService } from './service.ts';

/**
 * Loads the applicants of the bundle (MODEL_DIR), then joins the bus and serves them. Loading comes first: at full
 * scale it holds the event loop for seconds, and a connection opened before would miss the NATS server's pings
 * and be dropped.
 */
export async function startClients(options: RuntimeOptions = {}) {
  const log = options.log ?? createLogger('clients');
  const started = Date.now();
  const bundle = await loadBundle();
  const directory = await ClientsDirectory.load(bundle);
  log.info({ applicants: directory.size, ms: Date.now() - started }, 'applicants loaded');
  const runtime = await createRuntime('clients', { ...options, log });
  await runtime.serve(clientsService(directory, bundle.version));
  return runtime;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runtime = await startClients();
  runtime.shutdown.listen();
}
