/**
 * Worker thread: the SHAP values of the importance sample, computed off the service's event loop (at full scale a
 * chunk of 200 applicants held it for 200 ms). Gets the bundle folder and the packed sample, posts progress and,
 * at the end, the job's snapshot.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { loadBundle } from '@octroi/model-bundle';
import { createExplainer } from './explainer.ts';
import { TREE_DUMP_FILE } from './explainer-context.ts';
import type { LightGbmDump } from './forest.ts';
import { ImportanceJob, type PackedImportance } from './global.ts';
import { unpackRows } from './importance-sample.ts';

export interface ImportanceWork {
  bundleDir: string;
  rows: Float32Array;
  width: number;
  /** Applicants of the sample kept for the beeswarm and dependence plots. */
  plotRows: number;
}

export type ImportanceMessage =
  | { type: 'progress'; progress: number }
  /** The state as typed arrays (moved, not copied), and as the JSON another replica can take over from the cache. */
  | { type: 'done'; state: PackedImportance; json: string };

const { bundleDir, rows, width, plotRows } = workerData as ImportanceWork;
const bundle = await loadBundle(bundleDir);
const dump = JSON.parse(await readFile(join(bundle.dir, TREE_DUMP_FILE), 'utf8')) as LightGbmDump;
const explainer = createExplainer({
  model: dump,
  spec: bundle.spec,
  population: bundle.population,
  threshold: bundle.decision.threshold,
  modelVersion: bundle.version,
});
const sample = unpackRows(rows, width);
const job = new ImportanceJob(explainer, sample, { sampleSize: plotRows });
const post = (message: ImportanceMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);
while (job.step()) post({ type: 'progress', progress: job.progress });
const state = job.packed();
const json = JSON.stringify(job.snapshot());
post({ type: 'done', state, json }, [state.sumAbs.buffer, state.values.buffer, state.shap.buffer] as ArrayBuffer[]);
