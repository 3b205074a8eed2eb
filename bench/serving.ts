/**
 * Serving throughput and latency through the gateway in distributed mode (gateway, services, nats-server and
 * redis-server as separate processes), cache off and on, against the seed's design measured in the same run:
 * a Flask app answering /get_score/<id> with LightGBM's predict_proba per request, served by gunicorn.
 *
 *   node --import tsx bench/serving.ts [--duration 15] [--connections 32]
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import autocannon, { type Result } from 'autocannon';
import { defaultModelDir } from '@octroi/model-bundle';
import { freePort, waitForPort } from '@octroi/runtime/testing';
import { startCluster } from '../tests/support/cluster.ts';

const { values } = parseArgs({ options: { duration: { type: 'string', default: '15' }, connections: { type: 'string', default: '32' } } });
const duration = Number(values.duration);
const connections = Number(values.connections);

async function measure(name: string, url: string, headers: Record<string, string>, ids: number[], path: (id: number) => string) {
  let next = 0;
  const result: Result = await autocannon({
    url,
    connections,
    duration,
    headers,
    requests: [{ setupRequest: (request) => ({ ...request, path: path(ids[next++ % ids.length]!) }) }],
  });
  const row = {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    p999: result.latency.p99_9,
    errors: result.errors + result.non2xx,
    total: result.requests.total,
  };
  console.log(JSON.stringify(row));
  return row;
}

async function octroi(cache: 'on' | 'off') {
  const cluster = await startCluster({ env: { CACHE: cache, LOG_LEVEL: 'warn' } });
  try {
    const ids = (await (await fetch(`${cluster.url}/get_id_client`, { headers: cluster.headers })).json()) as number[];
    // Warm-up, then the measured run: with the cache on, the measured run reads what the warm-up stored.
    await measure(`warm-up (cache ${cache})`, cluster.url, cluster.headers, ids, (id) => `/api/v1/clients/${id}/score`);
    return await measure(`Octroi GET /api/v1/clients/{id}/score, cache ${cache}`, cluster.url, cluster.headers, ids, (id) => `/api/v1/clients/${id}/score`);
  } finally {
    await cluster.stop();
  }
}

async function flask() {
  const port = await freePort();
  // Served as such an app is in production: gunicorn, one worker per core, threads for concurrent connections.
  const child = spawn('python3', ['-m', 'gunicorn', '-k', 'gthread', '-w', '2', '--threads', '4', '-b', `127.0.0.1:${port}`, 'flask_app:create_app_from_env()'], {
    cwd: 'bench/baselines',
    env: { ...process.env, OCTROI_BUNDLE: defaultModelDir() },
    stdio: 'ignore',
  });
  try {
    await waitForPort(port, 60_000);
    const url = `http://127.0.0.1:${port}`;
    const ids: number[] = [];
    // The Flask app has no id list route: read ids through Octroi's bundle loader.
    const { loadBundle, loadApplicantFeatures } = await import('@octroi/model-bundle');
    const features = await loadApplicantFeatures(await loadBundle());
    features.ids.forEach((id) => ids.push(id));
    await measure('warm-up (Flask)', url, {}, ids, (id) => `/get_score/${id}`);
    return await measure('Seed design: Flask (gunicorn, 2 workers × 4 threads) + LightGBM predict_proba', url, {}, ids, (id) => `/get_score/${id}`);
  } finally {
    child.kill('SIGTERM');
  }
}

const baseline = await flask();
const uncached = await octroi('off');
const cached = await octroi('on');
console.log('\n| setup | req/s | p50 ms | p99 ms | p99.9 ms | errors | × Flask |');
console.log('|---|---|---|---|---|---|---|');
for (const row of [baseline, uncached, cached]) {
  console.log(`| ${row.name} | ${row.requestsPerSecond} | ${row.p50} | ${row.p99} | ${row.p999} | ${row.errors} | ${(row.requestsPerSecond / baseline.requestsPerSecond).toFixed(1)} |`);
}
