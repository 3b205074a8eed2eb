/**
 * Open Inference Protocol V2 throughput: Octroi in distributed mode beside MLServer 1.7.1 + mlserver-lightgbm with
 * the same LightGBM model (the bundle's model.lgb.txt), measured in the same run with autocannon on the same rows.
 *
 *   node --import tsx bench/v2-vs-mlserver.ts [--duration 15] [--warmup 5] [--scoring 1,2] [--cpu-prof]
 *
 * MLServer runs in its own virtual environment (var/bench/mlserver-venv, made on first use from PyPI), in one
 * process (`parallel_workers: 0`: its worker pool does not start on Python 3.11 here). Rows with missing values are
 * `null` in the JSON bodies of both (MLServer refuses `NaN`); Octroi's binary runs send the same rows as FP32
 * tensors with the binary extension, which MLServer's REST API does not have, so they are compared with its JSON.
 * `--scoring` lists the numbers of scoring replicas Octroi is measured with, one run each. Every run also reads the
 * CPU time each process spent (this bench's autocannon included) and prints it per request: where the time goes.
 * `--cpu-prof` adds a run of the 100-row JSON load on one scoring replica with V8's profiler in every Octroi
 * process, and lists the functions the gateway and the scoring replica spent their busy time in.
 * Prints one JSON line per run, then the tables for bench/RESULTS.md.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { defaultModelDir, loadApplicantFeatures, loadBundle } from '@octroi/model-bundle';
import { freePort, waitForPort } from '@octroi/runtime/testing';
import { startCluster } from '../tests/support/cluster.ts';
import { busiestFunctions } from './long-tasks.ts';
import { cpuByProcess, cpuPerRequest } from './process-cpu.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '5' },
    scoring: { type: 'string', default: '1,2' },
    'cpu-prof': { type: 'boolean', default: false },
  },
});
const ROOT = resolve(import.meta.dirname, '..');
const VENV = join(ROOT, 'var/bench/mlserver-venv');
const MODEL = 'credit';

const bundle = await loadBundle();
const applicants = await loadApplicantFeatures(bundle);
const width = applicants.featureCount;
/** The first rows of the bundle's applicants, the same for both servers. */
const rowsFrom = (first: number, count: number) => applicants.matrix.subarray(first * width, (first + count) * width);

function jsonBody(first: number, count: number): string {
  const data = Array.from(rowsFrom(first, count), (v) => (Number.isNaN(v) ? null : v));
  return JSON.stringify({ inputs: [{ name: 'features', shape: [count, width], datatype: 'FP32', data }] });
}

function binaryBody(first: number, count: number): { body: Buffer; headerLength: number } {
  const header = Buffer.from(
    JSON.stringify({
      inputs: [
        {
          name: 'features',
          shape: [count, width],
          datatype: 'FP32',
          parameters: { binary_data_size: count * width * 4 },
        },
      ],
      outputs: ['probabilities', 'decision', 'decision_id'].map((name) => ({
        name,
        parameters: { binary_data: true },
      })),
    }),
  );
  const rows = rowsFrom(first, count);
  return {
    body: Buffer.concat([header, Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength)]),
    headerLength: header.length,
  };
}

interface Load {
  name: string;
  rowsPerRequest: number;
  connections: number;
  requests: Array<{ body: string | Buffer; headers: Record<string, string> }>;
}

interface Row {
  server: string;
  load: string;
  rowsPerRequest: number;
  requestsPerSecond: number;
  rowsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** CPU milliseconds per request, by process. */
  cpu: Record<string, number>;
}

async function run(server: string, url: string, headers: Record<string, string>, load: Load, seconds: number) {
  let next = 0;
  const cpuBefore = cpuByProcess();
  const result = await autocannon({
    url,
    method: 'POST',
    connections: load.connections,
    duration: seconds,
    headers,
    requests: [
      {
        setupRequest: (request) => {
          const { body, headers: own } = load.requests[next++ % load.requests.length]!;
          return { ...request, body, headers: { ...request.headers, ...own } };
        },
      },
    ],
  });
  const row: Row = {
    server,
    load: load.name,
    rowsPerRequest: load.rowsPerRequest,
    requestsPerSecond: Math.round(result.requests.average),
    rowsPerSecond: Math.round(result.requests.average * load.rowsPerRequest),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    cpu: cpuPerRequest(cpuBefore, cpuByProcess(), result.requests.total),
  };
  console.log(JSON.stringify(row));
  return row;
}

const singles = Array.from({ length: 1000 }, (_, i) => i);
const batches = Array.from({ length: 50 }, (_, i) => i * 100);
const json = { 'content-type': 'application/json' };
const loads = {
  single: {
    name: '1 row, JSON, 32 connections',
    rowsPerRequest: 1,
    connections: 32,
    requests: singles.map((i) => ({ body: jsonBody(i, 1), headers: json })),
  },
  batchJson: {
    name: '100 rows, JSON, 8 connections',
    rowsPerRequest: 100,
    connections: 8,
    requests: batches.map((i) => ({ body: jsonBody(i, 100), headers: json })),
  },
  batchBinary: {
    name: '100 rows, binary tensors, 8 connections',
    rowsPerRequest: 100,
    connections: 8,
    requests: batches.map((i) => {
      const { body, headerLength } = binaryBody(i, 100);
      return {
        body,
        headers: {
          'content-type': 'application/octet-stream',
          'inference-header-content-length': String(headerLength),
        },
      };
    }),
  },
} satisfies Record<string, Load>;

function ensureMlserver(): string {
  const python = join(VENV, 'bin/python');
  if (!existsSync(join(VENV, 'bin/mlserver'))) {
    console.error(`installing MLServer 1.7.1 + mlserver-lightgbm into ${VENV}`);
    execFileSync('python3', ['-m', 'venv', VENV], { stdio: 'inherit' });
    execFileSync(python, ['-m', 'pip', 'install', '-q', 'mlserver==1.7.1', 'mlserver-lightgbm==1.7.1'], {
      stdio: 'inherit',
    });
  }
  return join(VENV, 'bin/mlserver');
}

async function mlserver(seconds: number, warmup: number): Promise<Row[]> {
  const folder = join(ROOT, 'var/bench/mlserver');
  mkdirSync(join(folder, MODEL), { recursive: true });
  const [http, grpc, metrics] = [await freePort(), await freePort(), await freePort()];
  writeFileSync(
    join(folder, 'settings.json'),
    JSON.stringify({ http_port: http, grpc_port: grpc, metrics_port: metrics, parallel_workers: 0, host: '127.0.0.1' }),
  );
  writeFileSync(
    join(folder, MODEL, 'model-settings.json'),
    JSON.stringify({
      name: MODEL,
      implementation: 'mlserver_lightgbm.LightGBMModel',
      parameters: { uri: join(defaultModelDir(), 'model.lgb.txt') },
    }),
  );
  const child = spawn(ensureMlserver(), ['start', folder], { stdio: 'ignore', detached: true });
  try {
    await waitForPort(http, 120_000);
    const url = `http://127.0.0.1:${http}/v2/models/${MODEL}/infer`;
    for (let i = 0; i < 100; i++) if ((await fetch(`http://127.0.0.1:${http}/v2/models/${MODEL}/ready`)).ok) break;
    const rows = [];
    for (const load of [loads.single, loads.batchJson]) {
      await run('MLServer (warm-up)', url, {}, load, warmup);
      rows.push(await run('MLServer 1.7.1 + mlserver-lightgbm', url, {}, load, seconds));
    }
    return rows;
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
  }
}

async function octroi(scoring: number, seconds: number, warmup: number): Promise<Row[]> {
  const cluster = await startCluster({ scoring, env: { LOG_LEVEL: 'warn' } });
  try {
    const url = `${cluster.url}/v2/models/${bundle.manifest.name}/infer`;
    const rows = [];
    for (const load of [loads.single, loads.batchJson, loads.batchBinary]) {
      await run('Octroi (warm-up)', url, cluster.headers, load, warmup);
      rows.push(await run(`Octroi distributed (${scoring} scoring)`, url, cluster.headers, load, seconds));
    }
    return rows;
  } finally {
    await cluster.stop();
  }
}

const seconds = Number(values.duration);
const warmup = Number(values.warmup);
const peer = await mlserver(seconds, warmup);
const ours: Row[] = [];
for (const scoring of values.scoring.split(',').map(Number)) ours.push(...(await octroi(scoring, seconds, warmup)));

/** Where the gateway and one scoring replica spend their time on 100-row JSON inferences, from V8's profiler. */
async function profiled(seconds: number, warmup: number) {
  const profiles = mkdtempSync(join(tmpdir(), 'octroi-v2-profile-'));
  const cluster = await startCluster({
    scoring: 1,
    env: { LOG_LEVEL: 'warn' },
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profiles}`],
  });
  try {
    const url = `${cluster.url}/v2/models/${bundle.manifest.name}/infer`;
    await run('Octroi (warm-up)', url, cluster.headers, loads.batchJson, warmup);
    await run('Octroi distributed (1 scoring, profiled)', url, cluster.headers, loads.batchJson, seconds);
  } finally {
    await cluster.stop(); // the profiles are written as the processes exit
  }
  for (const member of [cluster.gateway, cluster.services.scoring[0]!]) {
    const file = readdirSync(profiles).find((name) => name.includes(`.${member.child.pid}.0.`));
    if (!file) throw new Error(`no profile of ${member.name} in ${profiles}`);
    console.log(
      `\n${member.name}: share of its busy time (self), 100 rows per request, JSON (${join(profiles, file)}):`,
    );
    for (const { frame, share } of busiestFunctions(join(profiles, file)))
      console.log(`- ${(share * 100).toFixed(1)} % ${frame}`);
  }
}
if (values['cpu-prof']) await profiled(seconds, warmup);

const peerOf = (row: Row) => peer.find((p) => p.rowsPerRequest === row.rowsPerRequest)!;
console.log(`\nbundle ${bundle.version}, ${width} features, ${seconds} s per run after a ${warmup} s warm-up\n`);
console.log('| V2 infer | server | req/s | rows/s | p50 ms | p99 ms | errors | rows/s ÷ MLServer |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|');
const loadOrder: string[] = Object.values(loads).map((load) => load.name);
const rows = [...peer, ...ours].sort((a, b) => loadOrder.indexOf(a.load) - loadOrder.indexOf(b.load));
for (const row of rows) {
  const ratio = (row.rowsPerSecond / peerOf(row).rowsPerSecond).toFixed(2);
  console.log(
    `| ${row.load} | ${row.server} | ${row.requestsPerSecond} | ${row.rowsPerSecond} | ${row.p50} | ${row.p99} | ${row.errors} | ${ratio}× |`,
  );
}

const names = [...new Set(rows.flatMap((row) => Object.keys(row.cpu)))];
const ms = (value: number | undefined) => (value === undefined ? '' : value.toFixed(2));
console.log("\nCPU milliseconds per request, by process (the load generator is this bench's autocannon):\n");
console.log(`| V2 infer | server | ${names.join(' | ')} | total |`);
console.log(`|---|---|${names.map(() => '---:|').join('')}---:|`);
for (const row of rows) {
  const total = Object.values(row.cpu).reduce((sum, value) => sum + value, 0);
  console.log(`| ${row.load} | ${row.server} | ${names.map((name) => ms(row.cpu[name])).join(' | ')} | ${ms(total)} |`);
}
process.exit(0);
