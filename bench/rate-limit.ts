/**
 * What the rate limit costs the gateway: one gateway process (compiled, as production runs it) answering an
 * authenticated route that asks no service (`GET /v2/health/live` with an API key), without a rate limit, with the
 * limit counted in the process, and with the limit counted in Redis (the round trip every request makes when the
 * gateway replicas share their counts). Each row is measured in the same run; the ratio is against the first.
 *
 *   node --conditions=source --import tsx bench/rate-limit.ts [--duration 10] [--connections 32]
 *
 * Targets 127.0.0.1 only, starts its own redis-server, and stops by itself.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { freePort, startRedis } from '@octroi/runtime/testing';
import { compiledEntry } from '../scripts/topology.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '32' } },
});
const KEY = 'bench-rate-limit-key';
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function measure(label: string, env: NodeJS.ProcessEnv) {
  const port = await freePort();
  const gateway = spawn(process.execPath, [compiledEntry('gateway')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NATS_URL: '',
      PORT: String(port),
      OCTROI_API_KEYS: KEY,
      OCTROI_DATA_DIR: mkdtempSync(join(tmpdir(), 'octroi-bench-rate-limit-')),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const url = `http://127.0.0.1:${port}`;
    while (
      !(await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      ))
    )
      await sleep(200);
    await sleep(500); // the Redis connection up
    const result = await autocannon({
      url: `${url}/v2/health/live`,
      headers: { 'x-api-key': KEY },
      connections: Number(values.connections),
      duration: Number(values.duration),
    });
    return {
      label,
      requestsPerSecond: Math.round(result.requests.average),
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.non2xx + result.timeouts,
    };
  } finally {
    gateway.kill('SIGTERM');
    await new Promise((done) => gateway.once('exit', done));
  }
}

execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '--build'], { cwd: ROOT });
const redis = await startRedis();
// A limit no run reaches: every request is counted, none refused.
const counted = { RATE_LIMIT_PER_MINUTE: String(1_000_000_000) };
try {
  const rows = [
    await measure('no rate limit', { RATE_LIMIT_PER_MINUTE: '0', REDIS_URL: '' }),
    await measure('rate limit counted in the process', { ...counted, REDIS_URL: '' }),
    await measure('rate limit counted in Redis (shared by replicas)', { ...counted, REDIS_URL: redis.url }),
  ];
  console.log(`\n| setup | req/s | × no limit | p50 ms | p99 ms | errors |\n|---|---|---|---|---|---|`);
  for (const row of rows) {
    const ratio = (row.requestsPerSecond / rows[0]!.requestsPerSecond).toFixed(2);
    console.log(
      `| ${row.label} | ${row.requestsPerSecond.toLocaleString('en-GB')} | ${ratio} | ${row.p50} | ${row.p99} | ${row.errors} |`,
    );
  }
} finally {
  await redis.close();
}
