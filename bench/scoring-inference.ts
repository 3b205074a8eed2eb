/**
 * Scoring inside the scoring service (onnxruntime-node) against LightGBM's own predict on the same model and
 * rows, single row and batch, in one run; and onnxruntime's intra-op threads 1 against its default.
 *
 *   node --conditions=source --import tsx bench/scoring-inference.ts [--rows 5000] [--batch 1000]
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { loadApplicantFeatures, loadBundle } from '@octroi/model-bundle';
import { OnnxScorer } from '../services/scoring/src/onnx-scorer.ts';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '5000' }, batch: { type: 'string', default: '1000' } },
});
const rows = Number(values.rows);
const batch = Number(values.batch);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const bundle = await loadBundle();
const applicants = await loadApplicantFeatures(bundle);

async function time(threads: number) {
  const scorer = await OnnxScorer.load(bundle, { intraOpThreads: threads });
  for (let row = 0; row < 50; row++) await scorer.probabilities(applicants.features(row), 1);
  const timings: number[] = [];
  for (let i = 0; i < rows; i++) {
    const started = process.hrtime.bigint();
    await scorer.probabilities(applicants.features(i % applicants.size), 1);
    timings.push(Number(process.hrtime.bigint() - started) / 1000);
  }
  timings.sort((a, b) => a - b);
  const block = applicants.matrix.subarray(0, Math.min(batch, applicants.size) * applicants.featureCount);
  const started = performance.now();
  const repeats = 5;
  for (let i = 0; i < repeats; i++) await scorer.probabilities(block, block.length / applicants.featureCount);
  const seconds = (performance.now() - started) / 1000;
  return {
    p50: percentile(timings, 50),
    p99: percentile(timings, 99),
    batchRowsPerSecond: ((block.length / applicants.featureCount) * repeats) / seconds,
  };
}

const single = await time(1);
const defaults = await time(0);
const lightgbm = JSON.parse(
  execFileSync('python3', ['bench/lightgbm_predict.py', bundle.dir, String(rows), String(batch)], { encoding: 'utf8' }),
) as {
  singleRowMicros: { p50: number; p99: number };
  batchRowsPerSecond: number;
};

console.log(
  `\nModel ${bundle.version}, ${bundle.featureNames.length} features, ${rows} single rows, batches of ${batch}`,
);
console.log('| engine | single row p50 µs | single row p99 µs | batch rows/s |');
console.log('|---|---|---|---|');
console.log(
  `| onnxruntime-node, intra-op threads 1 | ${single.p50.toFixed(0)} | ${single.p99.toFixed(0)} | ${single.batchRowsPerSecond.toFixed(0)} |`,
);
console.log(
  `| onnxruntime-node, default threads | ${defaults.p50.toFixed(0)} | ${defaults.p99.toFixed(0)} | ${defaults.batchRowsPerSecond.toFixed(0)} |`,
);
console.log(
  `| LightGBM predict (Python, 1 thread) | ${lightgbm.singleRowMicros.p50.toFixed(0)} | ${lightgbm.singleRowMicros.p99.toFixed(0)} | ${lightgbm.batchRowsPerSecond.toFixed(0)} |`,
);
console.log(
  `\nRatios (LightGBM time / onnxruntime time, threads 1): single row p50 ${(lightgbm.singleRowMicros.p50 / single.p50).toFixed(2)}×, batch ${(single.batchRowsPerSecond / lightgbm.batchRowsPerSecond).toFixed(2)}×`,
);
