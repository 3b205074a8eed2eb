import { Worker } from 'node:worker_threads';
import type { Cache, Logger } from '@octroi/runtime';
import type { ExplainerContext } from './explainer-context.ts';
import type { ImportanceSnapshot, PackedImportance } from './global.ts';
import { packRows } from './importance-sample.ts';
import type { ImportanceMessage, ImportanceWork } from './importance-worker.ts';

const CACHE_KEY = 'global-importance';
const CACHE_TTL_SECONDS = 30 * 24 * 3600;
/** Applicants kept for the beeswarm and dependence plots: more than a chart shows. */
const PLOT_ROWS = 2000;

/**
 * The worker's file next to this one: JavaScript once compiled; from the sources, TypeScript loaded through tsx,
 * which a worker thread does not inherit from the main thread, so a one-line module registers it first.
 */
function workerEntry(): URL {
  const worker = new URL('./importance-worker.js', import.meta.url);
  if (!import.meta.url.endsWith('.ts')) return worker;
  const tsx = import.meta.resolve('tsx/esm/api');
  const source = new URL('./importance-worker.ts', import.meta.url).href;
  const bootstrap = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(source)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`);
}

/**
 * Mean |SHAP| over the importance sample, once per model version: read from the shared cache when another replica
 * already computed it, otherwise computed in a worker thread, so that requests never wait behind it (progress
 * logged every 10 %), and stored in the cache for the next replica.
 */
export function runGlobalImportance(context: ExplainerContext, cache: Cache, log: Logger) {
  const job = context.importance;
  let worker: Worker | undefined;
  let stopped = false;
  const done = (async () => {
    // Kept as a JSON string, parsed in one native call: a snapshot of thousands of rows is no small object.
    const cached = await cache.get<string>(CACHE_KEY);
    if (cached && job.restore(JSON.parse(cached) as ImportanceSnapshot)) {
      log.info({ rows: job.rows.count }, 'global importance read from the cache');
      return;
    }
    const started = Date.now();
    const width = context.explainer.features.length;
    const work: ImportanceWork = {
      bundleDir: context.bundle.dir,
      rows: packRows(job.rows, width),
      width,
      plotRows: PLOT_ROWS,
    };
    log.info({ rows: job.rows.count }, 'global importance: computing the SHAP values of a sample of applicants');
    const { state, json } = await new Promise<{ state: PackedImportance; json: string }>((resolve, reject) => {
      worker = new Worker(workerEntry(), { workerData: work, transferList: [work.rows.buffer as ArrayBuffer] });
      let nextReport = 0.1;
      worker.on('message', (message: ImportanceMessage) => {
        if (message.type === 'done') {
          resolve(message);
          return;
        }
        if (message.progress < nextReport) return;
        log.info({ progress: message.progress }, `global importance ${Math.round(message.progress * 100)} %`);
        nextReport = Math.floor(message.progress * 10) / 10 + 0.1;
      });
      worker.on('error', reject);
      worker.on('exit', (code) => reject(new Error(`the global importance worker exited (${code})`)));
    });
    job.takeOver(state);
    log.info({ seconds: (Date.now() - started) / 1000 }, 'global importance ready');
    await cache.set(CACHE_KEY, json, CACHE_TTL_SECONDS);
  })()
    .catch((err: unknown) => {
      if (!stopped) log.error({ err }, 'global importance failed');
    })
    .finally(() => void worker?.terminate());
  return {
    done,
    stop: async () => {
      stopped = true;
      await worker?.terminate();
      await done;
    },
  };
}
