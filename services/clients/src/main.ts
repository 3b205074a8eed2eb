import { loadBundle } from '@octroi/model-bundle';
import { createRuntime, type RuntimeOptions } from '@octroi/runtime';
import { ClientsDirectory } from './clients-directory.ts';
import { clientsService } from './service.ts';

/** Loads the applicants of the bundle (MODEL_DIR) and serves them on the bus. */
export async function startClients(options: RuntimeOptions = {}) {
  const runtime = await createRuntime('clients', options);
  const bundle = await loadBundle();
  const started = Date.now();
  const directory = await ClientsDirectory.load(bundle);
  runtime.log.info({ applicants: directory.size, ms: Date.now() - started }, 'applicants loaded');
  await runtime.serve(clientsService(directory, bundle.version));
  return runtime;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runtime = await startClients();
  runtime.shutdown.listen();
}
