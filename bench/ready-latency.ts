/**
 * Latency from the moment Octroi says it is ready, at full scale: starts `npm start` (one process, every service)
 * on a bundle of 405,000 applicants, waits for /readyz, then sends /healthz and known-client scores at a steady
 * rate and reports p50 / p99 / max of each per 10-second window. Work the services do after start-up (the model-wide
 * SHAP views, caches filling) shows as a slow first window.
 *
 *   node --conditions=source --import tsx bench/ready-latency.ts [--bundle DIR] [--seconds 60] [--rate 100]
 *
 * --bundle defaults to a generated one (bench/generate-clients-scale.ts --rows 405000, written once into the
 * temporary folder); --rate is requests per second of each kind. Targets 127.0.0.1 only and stops by itself.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from '@octroi/runtime/testing';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    bundle: { type: 'string', default: join(tmpdir(), 'octroi-ready-latency-405k') },
    seconds: { type: 'string', default: '60' },
    rate: { type: 'string', default: '100' },
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

// What `npm start` runs: the compiled JavaScript, built first.
execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '--build'], { cwd: ROOT });
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const started = performance.now();
const octroi = spawn(process.execPath, ['scripts/dist/start.js'], {
  cwd: ROOT,
  env: {
    ...process.env,
    MODEL_DIR: bundle,
    PORT: String(port),
    OCTROI_API_KEYS: KEY,
    OCTROI_DATA_DIR: mkdtempSync(join(tmpdir(), 'octroi-ready-latency-')),
    RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
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
console.log(
  `Ready after ${(readyAfterMs / 1000).toFixed(1)} s; measuring for ${seconds} s at ${rate} req/s of each kind.`,
);

const headers = { 'x-api-key': KEY };
const ids = ((await (await fetch(`${url}/get_id_client`, { headers })).json()) as { data: number[] }).data;
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

// Open loop: requests leave on schedule whether or not the previous ones were answered, as clients' would.
const pending: Array<Promise<void>> = [];
const interval = 1000 / rate;
for (let i = 0; performance.now() - readyAt < seconds * 1000; i++) {
  pending.push(send('healthz'), send('score'));
  const next = readyAt + (i + 1) * interval;
  await sleep(Math.max(0, next - performance.now()));
}
await Promise.all(pending);
stop();

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const row = (label: string, kind: Kind, from: number, to: number) => {
  const window = samples.filter((s) => s.kind === kind && s.at >= from && s.at < to);
  const ms = window.map((s) => s.ms).sort((a, b) => a - b);
  const failed = window.filter((s) => s.status !== 200).length;
  if (ms.length === 0) return `| ${label} | ${kind} | 0 | | | | |`;
  const f = (x: number) => x.toFixed(1);
  return `| ${label} | ${kind} | ${ms.length} | ${f(quantile(ms, 0.5))} | ${f(quantile(ms, 0.99))} | ${f(ms.at(-1)!)} | ${failed} |`;
};
console.log(`\nnode ${process.version}, bundle ${bundle}, ready after ${(readyAfterMs / 1000).toFixed(1)} s\n`);
console.log('| seconds after ready | request | count | p50 (ms) | p99 (ms) | max (ms) | not 200 |');
console.log('|---|---|---|---|---|---|---|');
for (let from = 0; from < seconds * 1000; from += 10_000) {
  for (const kind of ['healthz', 'score'] as const)
    console.log(row(`${from / 1000}–${Math.min(seconds, from / 1000 + 10)}`, kind, from, from + 10_000));
}
for (const kind of ['healthz', 'score'] as const) console.log(row('all', kind, 0, Number.POSITIVE_INFINITY));
process.exit(0);
