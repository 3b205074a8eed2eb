/**
 * Explaining one client: the explain service's TreeSHAP against LightGBM's C++ pred_contrib,
 * same model, same rows, one thread each, in one run.
 *
 *   node --conditions=source --import tsx bench/treeshap.ts [MODEL_DIR] [--seconds 1] [--rounds 5]
 *
 * MODEL_DIR defaults to models/home-credit-generated when present, else to the explain test
 * fixture. Rows are the bundle's shap_reference.json (the fixture's reference.json).
 * The two sides take turns for a few rounds and the medians are compared, so that a busy
 * machine slows both rather than whichever ran at the wrong moment. Each side is timed by the
 * wall clock and by the CPU time of its process: on a shared machine, wall time also counts the
 * time spent waiting for a core, CPU time only the work.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { FastTreeShap } from '../services/explain/src/fast-treeshap.ts';
import { type LightGbmDump, rawScore, readForest, toFeatureRow } from '../services/explain/src/forest.ts';
import { TreeShap } from '../services/explain/src/treeshap.ts';

const root = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));

function inputs(): { model: string; rows: string } {
  const dir = process.argv.slice(2).find((arg) => !arg.startsWith('--') && !/^\d/.test(arg));
  const bundle = dir ?? root('models/home-credit-generated');
  if (existsSync(`${bundle}/model.lgb.json`))
    return { model: `${bundle}/model.lgb.json`, rows: `${bundle}/shap_reference.json` };
  const fixture = root('services/explain/test/fixtures');
  return { model: `${fixture}/model_nan.lgb.json`, rows: `${fixture}/reference.json` };
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}
const seconds = option('seconds', 1);
const rounds = option('rounds', 5);

const clocks = {
  wall: () => performance.now(),
  cpu: () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  },
};
type Clock = keyof typeof clocks;
type Tasks = Record<string, (row: Float64Array) => unknown>;
type Timings = Record<string, number>;

/** Mean microseconds per call of each task by one clock, cycling over the rows. */
async function measure(rows: Float64Array[], tasks: Tasks, clock: Clock): Promise<Timings> {
  const bench = new Bench({ time: seconds * 1000, warmupTime: 200, now: clocks[clock] });
  for (const [name, task] of Object.entries(tasks)) {
    let i = 0;
    bench.add(name, () => {
      task(rows[i]!);
      i = (i + 1) % rows.length;
    });
  }
  await bench.run();
  const timings: Timings = {};
  for (const task of bench.tasks) {
    const result = task.result;
    if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state}`);
    timings[`${task.name} (${clock})`] = result.latency.mean * 1000;
  }
  return timings;
}

/** LightGBM's side: a Python process timing booster.predict on the same rows. */
function lightGbm(model: string, rowsFile: string): Timings {
  const args = [root('bench/treeshap_lightgbm.py'), '--model', model, '--rows', rowsFile, '--seconds', String(seconds)];
  return JSON.parse(execFileSync('python3', args, { encoding: 'utf8' })) as Timings;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function medians(rounds: Timings[]): Timings {
  const numeric = Object.keys(rounds[0]!).filter((key) => typeof rounds[0]![key] === 'number');
  return Object.fromEntries(numeric.map((key) => [key, median(rounds.map((r) => r[key]!))]));
}

const round = (us: number): number => Math.round(us * 10) / 10;

async function main(): Promise<void> {
  const { model, rows: rowsFile } = inputs();
  const forest = readForest(JSON.parse(readFileSync(model, 'utf8')) as LightGbmDump);
  const rows = (JSON.parse(readFileSync(rowsFile, 'utf8')) as { features: (number | null)[][] }).features.map((f) =>
    toFeatureRow(Float32Array.from(f, (v) => (v === null ? Number.NaN : v))),
  );
  const loadStart = performance.now();
  const fast = new FastTreeShap(forest);
  const loadMs = performance.now() - loadStart;
  const reference = new TreeShap(forest);
  const tasks: Tasks = {
    'TS fast TreeSHAP (v2)': (row) => fast.explain(row),
    'TS reference TreeSHAP': (row) => reference.explain(row),
    'TS raw score only': (row) => rawScore(forest, row),
  };

  const tsRounds: Timings[] = [];
  const pythonRounds: Timings[] = [];
  for (let r = 0; r < rounds; r++) {
    tsRounds.push({ ...(await measure(rows, tasks, 'wall')), ...(await measure(rows, tasks, 'cpu')) });
    pythonRounds.push(lightGbm(model, rowsFile));
  }
  const ts = medians(tsRounds);
  const python = medians(pythonRounds);
  const ratio = (clock: Clock, pythonKey: string): number[] =>
    tsRounds.map((t, r) => t[`TS fast TreeSHAP (v2) (${clock})`]! / pythonRounds[r]![pythonKey]!);
  const wallRatios = ratio('wall', 'predContribPerRowUs');
  const cpuRatios = ratio('cpu', 'predContribPerRowCpuUs');

  console.log(`model: ${model}`);
  console.log(
    `LightGBM ${String(pythonRounds[0]!['lightgbm'])}; its pred_contrib on these rows differs from the rows file by at most ${python['maxDifferenceFromRowsFile']}`,
  );
  console.log(
    `trees: ${forest.roots.length}, deepest tree: ${Math.max(...forest.maxDepth)}, rows: ${rows.length}, rounds: ${rounds} × ${seconds} s per measure`,
  );
  console.log(
    `fast tables: ${(fast.tableBytes / 2 ** 20).toFixed(1)} MiB built in ${loadMs.toFixed(0)} ms, trees on the reference algorithm: ${fast.slowTrees.length}`,
  );
  console.table({
    ...Object.fromEntries(Object.entries(ts).map(([name, us]) => [name, { 'µs per row (median)': round(us) }])),
    'LightGBM pred_contrib, one row per call (wall)': { 'µs per row (median)': round(python['predContribPerRowUs']!) },
    'LightGBM pred_contrib, one row per call (cpu)': {
      'µs per row (median)': round(python['predContribPerRowCpuUs']!),
    },
    'LightGBM pred_contrib, whole batch / rows (wall)': {
      'µs per row (median)': round(python['predContribBatchPerRowUs']!),
    },
    'LightGBM pred_contrib, whole batch / rows (cpu)': {
      'µs per row (median)': round(python['predContribBatchPerRowCpuUs']!),
    },
    'LightGBM raw score, one row per call (wall)': { 'µs per row (median)': round(python['rawScorePerRowUs']!) },
  });
  console.log(
    `ratio fast TreeSHAP / LightGBM pred_contrib, one row per call, wall clock: median ${median(wallRatios).toFixed(2)} (rounds: ${wallRatios.map((x) => x.toFixed(2)).join(', ')})`,
  );
  console.log(
    `ratio fast TreeSHAP / LightGBM pred_contrib, one row per call, CPU time:   median ${median(cpuRatios).toFixed(2)} (rounds: ${cpuRatios.map((x) => x.toFixed(2)).join(', ')})`,
  );
  const batchRatios = ratio('cpu', 'predContribBatchPerRowCpuUs');
  console.log(
    `ratio fast TreeSHAP / LightGBM pred_contrib over a whole batch (no Python call per row), CPU time: median ${median(batchRatios).toFixed(2)} (rounds: ${batchRatios.map((x) => x.toFixed(2)).join(', ')})`,
  );
}

await main();
