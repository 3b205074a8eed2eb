/**
 * The clients service at full scale: load time and memory of 356,000 applicants, then the cost
 * of each request (lookup by id, list page, similar clients, population) over random clients.
 *
 *   node --conditions=source --import tsx --expose-gc bench/clients-scale.ts [BUNDLE_DIR]
 *
 * BUNDLE_DIR defaults to the generated bundle of generate-clients-scale.ts, written first when
 * absent. Run it in its own process: memory is measured for the whole process.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg, totalmem } from 'node:os';
import { loadApplicantFeatures, loadBundle, seededRandom } from '@octroi/model-bundle';
import { ClientsDirectory } from '../services/clients/src/index.ts';
import { DEFAULT_SCALE_DIR, generateScaleBundle } from './generate-clients-scale.ts';

const MB = 1024 * 1024;

interface Timing {
  p50: number;
  p99: number;
  mean: number;
  /** CPU time of this thread per call: what the call costs without the machine's other work. */
  cpu: number;
}

/** Per-call microseconds of `run` over `count` calls (after a warm-up of a tenth as many). */
function time(count: number, run: (i: number) => unknown): Timing {
  for (let i = 0; i < Math.ceil(count / 10); i++) run(i);
  const samples = new Float64Array(count);
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < count; i++) {
    const started = process.hrtime.bigint();
    run(i);
    samples[i] = Number(process.hrtime.bigint() - started) / 1000;
  }
  const { user, system } = process.cpuUsage(cpuBefore);
  samples.sort();
  const at = (q: number) => samples[Math.min(count - 1, Math.floor(q * count))]!;
  return {
    p50: at(0.5),
    p99: at(0.99),
    mean: samples.reduce((a, b) => a + b, 0) / count,
    cpu: (user + system) / count,
  };
}

function memory(): { rss: number; heapUsed: number; arrayBuffers: number; peakRss: number } {
  globalThis.gc?.();
  const usage = process.memoryUsage();
  return {
    rss: usage.rss / MB,
    heapUsed: usage.heapUsed / MB,
    arrayBuffers: usage.arrayBuffers / MB,
    peakRss: process.resourceUsage().maxRSS / 1024,
  };
}

const dir = process.argv[2] ?? DEFAULT_SCALE_DIR;
if (!existsSync(join(dir, 'features.arrow'))) await generateScaleBundle(dir);

const before = memory();
let started = performance.now();
const bundle = await loadBundle(dir);
const directory = await ClientsDirectory.load(bundle);
const loadSeconds = (performance.now() - started) / 1000;
const loaded = memory();

// The bare index, timed apart from the record it leads to.
started = performance.now();
const features = await loadApplicantFeatures(bundle);
const featuresSeconds = (performance.now() - started) / 1000;

const random = seededRandom(7);
const ids = directory.ids();
const randomIds = Int32Array.from({ length: 200_000 }, () => ids[Math.floor(random() * ids.length)]!);
const someIds = (i: number) => randomIds[i % randomIds.length]!;
const sink: unknown[] = [];
const keep = (value: unknown) => {
  sink[0] = value;
};

// The alternatives to the dense offset table, measured on the same ids.
started = performance.now();
const rowByMap = new Map(Array.from(features.ids, (id, row) => [id, row]));
const mapBuildMs = performance.now() - started;
const sortedIds = features.ids.slice().sort();
const rowBySorted = Int32Array.from(sortedIds.keys()).sort((a, b) => features.ids[a]! - features.ids[b]!);
const binarySearch = (id: number): number => {
  let low = 0;
  let high = sortedIds.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sortedIds[middle]! < id) low = middle + 1;
    else high = middle;
  }
  return sortedIds[low] === id ? rowBySorted[low]! : -1;
};

/** Nanoseconds per call over one loop of a million calls: single calls are below the timer's resolution. */
function nanosecondsPerCall(run: (i: number) => number): number {
  let checksum = 0;
  for (let i = 0; i < 100_000; i++) checksum += run(i);
  const started = process.hrtime.bigint();
  for (let i = 0; i < 1_000_000; i++) checksum += run(i);
  const elapsed = Number(process.hrtime.bigint() - started) / 1_000_000;
  return checksum === -1 ? NaN : elapsed;
}

const indexes = {
  'dense offset table': nanosecondsPerCall((i) => features.rowOf(someIds(i))),
  Map: nanosecondsPerCall((i) => rowByMap.get(someIds(i)) ?? -1),
  'binary search in sorted ids': nanosecondsPerCall((i) => binarySearch(someIds(i))),
};

const results: [string, Timing][] = [
  ['row of a client id (index only)', time(200_000, (i) => features.rowOf(someIds(i)))],
  ['features of a client (row view)', time(200_000, (i) => keep(features.features(features.rowOf(someIds(i)))))],
  ['client record by id (`clients.get`, 120 labelled fields)', time(20_000, (i) => keep(directory.get(someIds(i))))],
  ['client features by id (`clients.features`)', time(20_000, (i) => keep(directory.features(someIds(i))))],
  ['list page 1, no filter', time(2_000, () => keep(directory.list({ page: 1, pageSize: 20 })))],
  ['list page 10,000, no filter', time(2_000, () => keep(directory.list({ page: 10_000, pageSize: 20 })))],
  [
    'list, refused + revolving loans + income 100k–300k, page 3 (filter seen before)',
    time(500, () =>
      keep(
        directory.list({
          page: 3,
          pageSize: 20,
          decision: 'refused',
          contractType: 'Revolving loans',
          minIncome: 100_000,
          maxIncome: 300_000,
        }),
      ),
    ),
  ],
  [
    'list, probability 0.2–0.6 + cash loans, page 1 (filter seen before)',
    time(500, () =>
      keep(
        directory.list({ page: 1, pageSize: 50, minProbability: 0.2, maxProbability: 0.6, contractType: 'Cash loans' }),
      ),
    ),
  ],
  [
    'list, a new filter each time (full scan: refused + income from a varying floor)',
    time(300, (i) => keep(directory.list({ page: 1, pageSize: 20, decision: 'refused', minIncome: 50_000 + i }))),
  ],
  ['list, search id prefix "1234"', time(2_000, () => keep(directory.list({ page: 1, pageSize: 20, search: '1234' })))],
  ['similar clients, k = 10', time(300, (i) => keep(directory.similar(someIds(i), 10)))],
  [
    'population of a feature with the client',
    time(20_000, (i) => keep(directory.population(bundle.importance[i % 10]!.feature, someIds(i)))),
  ],
  [
    'population sample, 1,000 points',
    time(500, (i) =>
      keep(
        directory.sample({ x: bundle.importance[0]!.feature, y: bundle.importance[1 + (i % 5)]!.feature, size: 1000 }),
      ),
    ),
  ],
];

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`Bundle: ${dir}`);
console.log(
  `${directory.size.toLocaleString('en')} applicants × ${bundle.featureNames.length} features, ${features.size === directory.size ? '' : 'MISMATCH '}${cpus().length} cores (${cpu}), ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}`,
);
console.log(
  `\nLoad (bundle JSON + both Arrow files + every index): ${loadSeconds.toFixed(2)} s; features.arrow alone: ${featuresSeconds.toFixed(2)} s`,
);
console.log(
  `Memory after load, after GC: RSS ${loaded.rss.toFixed(0)} MB (was ${before.rss.toFixed(0)}), heap used ${loaded.heapUsed.toFixed(0)} MB, array buffers ${loaded.arrayBuffers.toFixed(0)} MB; peak RSS during load ${loaded.peakRss.toFixed(0)} MB`,
);
const perIndex = Object.entries(indexes)
  .map(([name, ns]) => `${name} ${ns.toFixed(0)} ns`)
  .join(', ');
console.log(
  `Id → row, per lookup over a million random ids: ${perIndex}; building the Map: ${mapBuildMs.toFixed(0)} ms`,
);
console.log(
  `Load average during the run: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(', ')}`,
);
console.log('\n| request | p50 (µs) | p99 (µs) | mean (µs) | CPU per call (µs) |\n|---|---:|---:|---:|---:|');
for (const [name, { p50, p99, mean, cpu }] of results)
  console.log(`| ${name} | ${p50.toFixed(1)} | ${p99.toFixed(1)} | ${mean.toFixed(1)} | ${cpu.toFixed(1)} |`);
