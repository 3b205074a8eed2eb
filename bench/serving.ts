/**
 * Serving throughput and latency through the gateway in distributed mode (gateway, services, nats-server and
 * redis-server as separate processes), against the seed's design measured in the same run: a known client's first
 * request (decided and recorded), then its recorded decision read again, cache off and on.
 *
 * Two load generators, each for what it can measure:
 * - autocannon (keep-alive connections): Octroi, and the seed's app served at its best in Python (gunicorn).
 * - wrk: everything, including the seed's app as it was run, on Flask's own server, which closes the connection
 *   after every response (autocannon stalls on such a server; wrk reconnects).
 *
 *   make install-bench   # flask and gunicorn, for the seed's app
 *   node --conditions=source --import tsx bench/serving.ts [--duration 15] [--connections 32]
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import autocannon, { type Result } from 'autocannon';
import { defaultModelDir, loadApplicantFeatures, loadBundle } from '@octroi/model-bundle';
import { freePort, waitForPort } from '@octroi/runtime/testing';
import { startCluster } from '../tests/support/cluster.ts';

const { values } = parseArgs({
  options: { duration: { type: 'string', default: '15' }, connections: { type: 'string', default: '32' } },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const ids = [...(await loadApplicantFeatures(await loadBundle())).ids];

interface Row {
  name: string;
  generator: 'autocannon' | 'wrk';
  requestsPerSecond: number;
  p50: number;
  p99: number;
  p999: number;
  errors: number;
}

interface Target {
  url: string;
  headers: Record<string, string>;
  path: (id: number) => string;
}

/** autocannon for `duration` seconds walking `clients` in turn, or, with `once`, asking each of them exactly once. */
async function withAutocannon(name: string, { url, headers, path }: Target, clients = ids, once = false): Promise<Row> {
  let next = 0;
  const result: Result = await autocannon({
    url,
    connections,
    ...(once ? { amount: clients.length } : { duration }),
    headers,
    requests: [{ setupRequest: (request) => ({ ...request, path: path(clients[next++ % clients.length]!) }) }],
  });
  return report({
    name,
    generator: 'autocannon',
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    p999: result.latency.p99_9,
    errors: result.errors + result.non2xx,
  });
}

/** wrk with one thread, walking the same ids in the same order; its Lua `done` prints the figures as JSON. */
async function withWrk(name: string, { url, headers, path }: Target): Promise<Row> {
  const script = join(mkdtempSync(join(tmpdir(), 'octroi-wrk-')), 'paths.lua');
  writeFileSync(
    script,
    `
local paths = { ${ids.map((id) => JSON.stringify(path(id))).join(',')} }
local next = 0
request = function()
  next = next % #paths + 1
  return wrk.format(nil, paths[next])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests":%d,"micros":%d,"p50":%d,"p99":%d,"p999":%d,"errors":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency:percentile(99.9),
    e.connect + e.read + e.write + e.status + e.timeout))
end
`,
  );
  const headerArgs = Object.entries(headers).flatMap(([key, value]) => ['-H', `${key}: ${value}`]);
  const { stdout } = await promisify(execFile)(
    'wrk',
    ['-t1', `-c${connections}`, `-d${duration}s`, '--timeout', '10s', ...headerArgs, '-s', script, url],
    { maxBuffer: 1 << 20 },
  );
  const figures = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
    requests: number;
    micros: number;
    p50: number;
    p99: number;
    p999: number;
    errors: number;
  };
  const ms = (micros: number) => Math.round(micros / 100) / 10;
  return report({
    name,
    generator: 'wrk',
    requestsPerSecond: Math.round(figures.requests / (figures.micros / 1e6)),
    p50: ms(figures.p50),
    p99: ms(figures.p99),
    p999: ms(figures.p999),
    errors: figures.errors,
  });
}

function report(row: Row) {
  console.log(JSON.stringify(row));
  return row;
}

/** Clients asked before any measurement, to warm the processes up on the path that decides and records. */
const WARM_UP_CLIENTS = 2_000;

async function octroi(cache: 'on' | 'off') {
  const cluster = await startCluster({ env: { CACHE: cache, LOG_LEVEL: 'warn' } });
  try {
    const target = { url: cluster.url, headers: cluster.headers, path: (id: number) => `/api/v1/clients/${id}/score` };
    // Every client is asked once before the measured runs, so that each of their requests reads a decision already
    // recorded: from the gateway's cache, or, with the cache off, from the scoring service's store. A client asked for
    // the first time is decided and recorded instead, several times slower; the walk over them is measured on its own.
    await withAutocannon(`warm-up (cache ${cache})`, target, ids.slice(0, WARM_UP_CLIENTS), true);
    const firstRequests = await withAutocannon(
      "Octroi `GET /api/v1/clients/{id}/score`, a client's first request: decided and recorded",
      target,
      ids.slice(WARM_UP_CLIENTS),
      true,
    );
    await withAutocannon(`warm-up of the recorded decisions (cache ${cache})`, target);
    const name = `Octroi \`GET /api/v1/clients/{id}/score\`, decision recorded, cache ${cache}`;
    const recordedReads = [await withAutocannon(name, target), await withWrk(name, target)];
    return cache === 'off' ? [firstRequests, ...recordedReads] : recordedReads;
  } finally {
    await cluster.stop();
  }
}

async function flask(design: 'seed' | 'tuned') {
  const port = await freePort();
  const env = { ...process.env, OCTROI_BUNDLE: defaultModelDir(), OCTROI_DESIGN: design };
  const child =
    design === 'seed'
      ? spawn('python3', ['flask_app.py', '--bundle', defaultModelDir(), '--design', 'seed', '--port', String(port)], {
          cwd: 'bench/baselines',
          env,
          stdio: 'ignore',
        })
      : spawn(
          'python3',
          [
            '-m',
            'gunicorn',
            '-k',
            'gthread',
            '-w',
            '2',
            '--threads',
            '4',
            '-b',
            `127.0.0.1:${port}`,
            'flask_app:create_app_from_env()',
          ],
          { cwd: 'bench/baselines', env, stdio: 'ignore' },
        );
  try {
    await waitForPort(port, 60_000);
    const target = { url: `http://127.0.0.1:${port}`, headers: {}, path: (id: number) => `/get_score/${id}` };
    if (design === 'seed') {
      await withWrk('warm-up (seed)', target);
      return [
        await withWrk("Seed design: Flask's own server, LGBMClassifier.predict_proba on a DataFrame row", target),
      ];
    }
    await withAutocannon('warm-up (tuned Flask)', target);
    const name = 'Seed app tuned: gunicorn (2 workers × 4 threads), booster.predict on a float32 row';
    return [await withAutocannon(name, target), await withWrk(name, target)];
  } finally {
    child.kill('SIGTERM');
  }
}

const rows = [...(await flask('seed')), ...(await flask('tuned')), ...(await octroi('off')), ...(await octroi('on'))];
for (const generator of ['wrk', 'autocannon'] as const) {
  const measured = rows.filter((row) => row.generator === generator);
  const baseline = measured[0]!;
  console.log(`\n${generator}, ${connections} connections, ${duration} s; × the first row`);
  console.log('| setup | req/s | p50 ms | p99 ms | p99.9 ms | errors | × first row |');
  console.log('|---|---|---|---|---|---|---|');
  for (const row of measured) {
    console.log(
      `| ${row.name} | ${row.requestsPerSecond.toLocaleString('en')} | ${row.p50} | ${row.p99} | ${row.p999} | ${row.errors} | ${(row.requestsPerSecond / baseline.requestsPerSecond).toFixed(1)} |`,
    );
  }
}
