/**
 * Explaining one client: the explain service's TreeSHAP against LightGBM's C++ pred_contrib,
 * same model, same rows, one thread each, in one run.
 *
 *   node --import tsx bench/treeshap.ts [MODEL_DIR] [--seconds 3]
 *
 * MODEL_DIR defaults to models/home-credit-generated when present, else to the explain test
 * fixture. Rows are the bundle's shap_reference.json (the fixture's reference.json).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { FastTreeShap } from '../services/explain/src/fast-treeshap.ts';
import { readForest, rawScore, toFeatureRow, type LightGbmDump } from '../services/explain/src/forest.ts';
import { TreeShap } from '../services/explain/src/treeshap.ts';

const root = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));

interface Inputs {
  model: string;
  rows: string;
}

function inputs(): Inputs {
  const dir = process.argv.slice(2).find((arg) => !arg.startsWith('--') && !/^\d/.test(arg));
  const bundle = dir ?? root('models/home-credit-generated');
  if (existsSync(`${bundle}/model.lgb.json`)) return { model: `${bundle}/model.lgb.json`, rows: `${bundle}/shap_reference.json` };
  const fixture = root('services/explain/test/fixtures');
  return { model: `${fixture}/model_nan.lgb.json`, rows: `${fixture}/reference.json` };
}

function seconds(): number {
  const at = process.argv.indexOf('--seconds');
  return at > 0 ? Number(process.argv[at + 1]) : 3;
}

/** Mean microseconds per call of `explainOne`, cycling over the rows. */
async function measure(rows: Float64Array[], tasks: Record<string, (row: Float64Array) => unknown>): Promise<Record<string, number>> {
  const bench = new Bench({ time: seconds() * 1000, warmupTime: 300 });
  for (const [name, task] of Object.entries(tasks)) {
    let i = 0;
    bench.add(name, () => {
      task(rows[i]!);
      i = (i + 1) % rows.length;
    });
  }
  await bench.run();
  const result: Record<string, number> = {};
  for (const task of bench.tasks) {
    const r = task.result;
    if (r.state !== 'completed') throw new Error(`${task.name}: ${r.state}`);
    result[task.name] = r.latency.mean * 1000;
  }
  return result;
}

async function main(): Promise<void> {
  const { model, rows: rowsFile } = inputs();
  const forest = readForest(JSON.parse(readFileSync(model, 'utf8')) as LightGbmDump);
  const rows = (JSON.parse(readFileSync(rowsFile, 'utf8')) as { features: (number | null)[][] }).features.map(
    (f) => toFeatureRow(Float32Array.from(f, (v) => (v === null ? Number.NaN : v))),
  );
  const loadStart = performance.now();
  const fast = new FastTreeShap(forest);
  const loadMs = performance.now() - loadStart;
  const reference = new TreeShap(forest);

  const ts = await measure(rows, {
    'fast TreeSHAP (v2)': (row) => fast.explain(row),
    'reference TreeSHAP': (row) => reference.explain(row),
    'raw score only': (row) => rawScore(forest, row),
  });
  const python = JSON.parse(
    execFileSync('python3', [root('bench/treeshap_lightgbm.py'), '--model', model, '--rows', rowsFile, '--seconds', String(seconds())], {
      encoding: 'utf8',
    }),
  ) as Record<string, number>;

  const lightgbm = python['predContribPerRowUs']!;
  const fastUs = ts['fast TreeSHAP (v2)']!;
  console.log(`model: ${model}`);
  console.log(`trees: ${forest.roots.length}, deepest tree: ${Math.max(...forest.maxDepth)}, rows: ${rows.length}`);
  console.log(`fast tables: ${(fast.tableBytes / 2 ** 20).toFixed(1)} MiB built in ${loadMs.toFixed(0)} ms, trees on the reference algorithm: ${fast.slowTrees.length}`);
  console.table({
    ...Object.fromEntries(Object.entries(ts).map(([name, us]) => [`TS ${name}`, { 'µs per row': round(us) }])),
    'LightGBM pred_contrib, one row per call': { 'µs per row': round(lightgbm) },
    'LightGBM pred_contrib, whole batch / rows': { 'µs per row': round(python['predContribBatchPerRowUs']!) },
    'LightGBM raw score, one row per call': { 'µs per row': round(python['rawScorePerRowUs']!) },
  });
  console.log(`ratio fast TreeSHAP / LightGBM pred_contrib (one row): ${(fastUs / lightgbm).toFixed(2)}`);
  console.log(`ratio fast TreeSHAP / LightGBM pred_contrib (batch kernel): ${(fastUs / python['predContribBatchPerRowUs']!).toFixed(2)}`);
}

const round = (us: number): number => Math.round(us * 10) / 10;

await main();
