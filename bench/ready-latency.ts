/**
 * Latency from the moment Octroi says it is ready, at full scale: starts `npm start` (one process, every service)
 * on a bundle of 405,000 applicants, waits for /readyz, then sends /healthz and known-client scores at a steady
 * rate and reports p50 / p99 / max of each per 10-second window, beside the event loop delay Octroi's own process
 * saw in that window (p99 and max of `monitorEventLoopDelay`, read from its /metrics): on a shared, loaded machine
 * the latencies include waiting for a CPU, the event loop delay says what Octroi itself held. Work the services do
 * after start-up shows as a slow first window. Beside them, the fsync latency of the disk Octroi writes to, probed
 * in the same run: a known client's score waits for several (its claim, its audit record, its history line).
 *
 *   node --conditions=source --import tsx bench/ready-latency.ts [--bundle DIR] [--seconds 60] [--rate 100] [--cpu-prof]
 *
 * --bundle defaults to a generated one (bench/generate-clients-scale.ts --rows 405000, written once into the
 * temporary folder); --rate is requests per second of each kind; --cpu-prof profiles Octroi's main thread and
 * lists every task that held it longer than 25 ms after ready, with the functions that took the time.
 * Targets 127.0.0.1 only and stops by itself.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadApplicantFeatures, loadBundle } from '@octroi/model-bundle';
import { freePort } from '@octroi/runtime/testing';
import { longTasks } from './long-tasks.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    bundle: { type: 'string', default: join(tmpdir(), 'octroi-ready-latency-405k') },
    seconds: { type: 'string', default: '60' },
    rate: { type: 'string', default: '100' },
    'cpu-prof': { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
const rate = Number(values.rate);
const bundle = resolve(values.bundle);
const KEY = 'bench-ready-latency';
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'inherit' });
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}`);
}

if (!existsSync(join(bundle, 'features.arrow'))) {
  console.log(`Writing a bundle of 405,000 generated applicants into ${bundle} (once)...`);
  await run(process.execPath, [
    '--import',
    'tsx',
    'bench/generate-clients-scale.ts',
    '--out',
    bundle,
    '--rows',
    '405000',
  ]);
}

// Read here, before Octroi starts: asking it for 405,000 ids would be work of the bench's own in the measured window.
const ids = (await loadApplicantFeatures(await loadBundle(bundle))).ids;
const profiles = mkdtempSync(join(tmpdir(), 'octroi-ready-latency-profile-'));

// What `npm start` runs: the compiled JavaScript, built first.
execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '--build'], { cwd: ROOT });
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const started = performance.now();
const profiling = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${profiles}`] : [];
const dataDir = mkdtempSync(join(tmpdir(), 'octroi-ready-latency-'));
const octroi = spawn(process.execPath, [...profiling, 'scripts/dist/start.js'], {
  cwd: ROOT,
  env: {
    ...process.env,
    MODEL_DIR: bundle,
    PORT: String(port),
    OCTROI_API_KEYS: KEY,
    OCTROI_DATA_DIR: dataDir,
    RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const exited = new Promise((done) => octroi.once('exit', done));
const stop = () => octroi.kill('SIGTERM');
process.on('exit', stop);

let readyAfterMs: number;
for (;;) {
  if (octroi.exitCode !== null) throw new Error('Octroi exited before it was ready');
  const ready = await fetch(`${url}/readyz`).then(
    (r) => r.ok,
    () => false,
  );
  if (ready) {
    readyAfterMs = performance.now() - started;
    break;
  }
  if (performance.now() - started > 600_000) throw new Error('not ready after 10 minutes');
  await sleep(50);
}
const readyAt = performance.now();
const readyAtMicros = Number(process.hrtime.bigint() / 1000n);
console.log(
  `Ready after ${(readyAfterMs / 1000).toFixed(1)} s; measuring for ${seconds} s at ${rate} req/s of each kind.`,
);

const headers = { 'x-api-key': KEY };
/** Event loop delay since the previous reading (prom-client resets its histogram at each), in ms. */
const eventLoopDelay = async () => {
  const text = await (await fetch(`${url}/metrics`, { headers })).text();
  const read = (name: string) => 1000 * Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  return { p99: read('nodejs_eventloop_lag_p99_seconds'), max: read('nodejs_eventloop_lag_max_seconds') };
};
await eventLoopDelay();
const delays: Array<{ p99: number; max: number }> = [];
type Kind = 'healthz' | 'score';
const samples: Array<{ kind: Kind; at: number; ms: number; status: number }> = [];
const send = async (kind: Kind) => {
  const path = kind === 'healthz' ? '/healthz' : `/api/v1/clients/${ids[Math.floor(Math.random() * ids.length)]}/score`;
  const at = performance.now();
  const status = await fetch(url + path, { headers }).then(
    async (r) => (await r.arrayBuffer(), r.status),
    () => 0,
  );
  samples.push({ kind, at: at - readyAt, ms: performance.now() - at, status });
};

// The disk's fsync latency, 20 times a second, on the file system of Octroi's stores.
const fsyncs: Array<{ at: number; ms: number }> = [];
const probe = await open(join(dataDir, 'disk-probe.jsonl'), 'a');
const probing = (async () => {
  while (performance.now() - readyAt < seconds * 1000) {
    await probe.write('{"probe":true}\n');
    const at = performance.now();
    await probe.sync();
    fsyncs.push({ at: at - readyAt, ms: performance.now() - at });
    await sleep(50);
  }
  await probe.close();
})();

// Open loop: requests leave on schedule whether or not the previous ones were answered, as clients' would.
const pending: Array<Promise<void>> = [];
const interval = 1000 / rate;
for (let i = 0; performance.now() - readyAt < seconds * 1000; i++) {
  pending.push(send('healthz'), send('score'));
  if (i > 0 && i % (rate * 10) === 0) delays.push(await eventLoopDelay());
  const next = readyAt + (i + 1) * interval;
  await sleep(Math.max(0, next - performance.now()));
}
await Promise.all([...pending, probing]);
delays.push(await eventLoopDelay());
stop();
await exited;

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const row = (label: string, kind: Kind, from: number, to: number) => {
  const window = samples.filter((s) => s.kind === kind && s.at >= from && s.at < to);
  const ms = window.map((s) => s.ms).sort((a, b) => a - b);
  const failed = window.filter((s) => s.status !== 200).length;
  if (ms.length === 0) return `| ${label} | ${kind} | 0 | | | | |`;
  const f = (x: number) => x.toFixed(1);
  return `| ${label} | ${kind} | ${ms.length} | ${f(quantile(ms, 0.5))} | ${f(quantile(ms, 0.99))} | ${f(ms.at(-1)!)} | ${failed} |`;
};
function fsyncLatency(from: number, to: number) {
  const ms = fsyncs
    .filter((s) => s.at >= from && s.at < to)
    .map((s) => s.ms)
    .sort((a, b) => a - b);
  return ms.length ? `${quantile(ms, 0.5).toFixed(1)} / ${quantile(ms, 0.99).toFixed(1)}` : '';
}
console.log(`\nnode ${process.version}, bundle ${bundle}, ready after ${(readyAfterMs / 1000).toFixed(1)} s\n`);
console.log(
  '| seconds after ready | request | count | p50 (ms) | p99 (ms) | max (ms) | not 200 | event loop delay p99 / max (ms) | disk fsync p50 / p99 (ms) |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (let from = 0, w = 0; from < seconds * 1000; from += 10_000, w++) {
  const seen = delays[w];
  const delay = seen ? `${seen.p99.toFixed(1)} / ${seen.max.toFixed(1)}` : '';
  const disk = fsyncLatency(from, from + 10_000);
  for (const kind of ['healthz', 'score'] as const)
    console.log(
      `${row(`${from / 1000}–${Math.min(seconds, from / 1000 + 10)}`, kind, from, from + 10_000)} ${delay} | ${disk} |`,
    );
}
const allDisk = fsyncLatency(0, Number.POSITIVE_INFINITY);
for (const kind of ['healthz', 'score'] as const)
  console.log(`${row('all', kind, 0, Number.POSITIVE_INFINITY)} | ${allDisk} |`);

if (values['cpu-prof']) {
  // One profile per thread; the main thread's is the one the process id and thread 0 name.
  const main = readdirSync(profiles).find((file) => file.includes(`.${octroi.pid}.0.`));
  if (!main) throw new Error(`no profile of the main thread in ${profiles}`);
  const tasks = longTasks(join(profiles, main), readyAtMicros);
  console.log(`\nTasks that held the main thread longer than 25 ms after ready (${join(profiles, main)}):`);
  for (const task of tasks) {
    const top = task.top.map(({ frame, share }) => `${Math.round(share * 100)} % ${frame}`).join('; ');
    console.log(`- at ${(task.at / 1000).toFixed(1)} s, ${task.ms.toFixed(0)} ms: ${top}`);
  }
  if (tasks.length === 0) console.log('- none');
}
process.exit(0);
