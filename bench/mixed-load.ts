/**
 * The operations workload through the gateway, distributed mode: 70 % score by id, 20 % explanation, 10 % client
 * file. Cache off and on, then 1 and 2 explain replicas, each measured in the same run.
 *
 *   node --conditions=source --import tsx bench/mixed-load.ts [--duration 15] [--connections 32]
 */
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startCluster } from '../tests/support/cluster.ts';

const { values } = parseArgs({
  options: { duration: { type: 'string', default: '15' }, connections: { type: 'string', default: '32' } },
});

/** A fixed sequence of paths (no randomness between runs): 7 scores, 2 explanations, 1 client file in every 10. */
function workload(ids: number[]) {
  let n = 0;
  return () => {
    const i = n++;
    const id = ids[(i * 7919) % ids.length]!;
    const kind = i % 10;
    if (kind < 7) return `/api/v1/clients/${id}/score`;
    if (kind < 9) return `/api/v1/clients/${id}/explanation`;
    return `/api/v1/clients/${id}`;
  };
}

async function run(label: string, options: { cache: 'on' | 'off'; explain: number }) {
  const cluster = await startCluster({ explain: options.explain, env: { CACHE: options.cache, LOG_LEVEL: 'warn' } });
  try {
    const ids = (
      (await (await fetch(`${cluster.url}/get_id_client`, { headers: cluster.headers })).json()) as { data: number[] }
    ).data.slice(0, 5000);
    const next = workload(ids);
    const result = await autocannon({
      url: cluster.url,
      headers: cluster.headers,
      connections: Number(values.connections),
      duration: Number(values.duration),
      requests: [{ setupRequest: (request) => ({ ...request, path: next() }) }],
    });
    const row = {
      label,
      requestsPerSecond: Math.round(result.requests.average),
      p50: result.latency.p50,
      p99: result.latency.p99,
      p999: result.latency.p99_9,
      errors: result.errors + result.non2xx + result.timeouts,
    };
    console.log(JSON.stringify(row));
    return row;
  } finally {
    await cluster.stop();
  }
}

const rows = [
  await run('cache off, 1 explain replica', { cache: 'off', explain: 1 }),
  await run('cache off, 2 explain replicas', { cache: 'off', explain: 2 }),
  await run('cache on, 1 explain replica', { cache: 'on', explain: 1 }),
  await run('cache on, 2 explain replicas', { cache: 'on', explain: 2 }),
];
const baseline = rows[0]!.requestsPerSecond;
console.log('\n| setup | req/s | × baseline | p50 ms | p99 ms | p99.9 ms | errors |');
console.log('|---|---|---|---|---|---|---|');
for (const row of rows) {
  console.log(
    `| ${row.label} | ${row.requestsPerSecond} | ${(row.requestsPerSecond / baseline).toFixed(2)} | ${row.p50} | ${row.p99} | ${row.p999} | ${row.errors} |`,
  );
}
