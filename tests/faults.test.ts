import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Redis } from 'ioredis';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { knownClientScoreCache } from '@octroi/contracts';
import { startCluster, type Cluster } from './support/cluster.ts';
import { eventually, runLoad, sleep, type Outcome } from './support/load.ts';

/**
 * Faults on real processes: two scoring replicas, one of each other service, a gateway, nats-server with
 * JetStream and redis-server, under a steady load of score requests.
 */
describe('faults under load', () => {
  let cluster: Cluster;
  let clientIds: number[];
  let otherIds: number[];
  const acknowledged: Outcome[] = [];
  const scorePath = () => `/api/v1/clients/${clientIds[Math.floor(Math.random() * clientIds.length)]}/score`;
  const load = (concurrency = 6) => runLoad(cluster.url, cluster.headers, scorePath, concurrency, 60_000);
  const keep = (outcomes: Outcome[]) => acknowledged.push(...outcomes.filter((o) => o.status === 200 && o.decisionId));
  const failures = (outcomes: Outcome[]) => outcomes.filter((o) => o.status !== 200);

  before(
    async () => {
      // Every decision is recorded in JetStream before it is answered: after nats-server restarts, its store takes
      // a few seconds to answer again on a loaded machine, so the services wait for it as long as in production.
      cluster = await startCluster({ scoring: 2, env: { BUS_TIMEOUT_MS: '3000' } });
      const ids = await knownIds(cluster);
      // Spread over many clients, so that most requests reach the scoring replicas rather than a recorded decision.
      clientIds = ids.slice(0, 20_000);
      otherIds = ids.slice(20_000, 20_050);
    },
    { timeout: 300_000 },
  );
  after(async () => cluster?.stop(), { timeout: 90_000 });

  test(
    'kill -9 of one of two scoring replicas: the gateway retries, no request fails',
    { timeout: 180_000 },
    async () => {
      const running = load();
      await sleep(1500);
      cluster.services.scoring[0]!.signal('SIGKILL');
      await sleep(3000);
      const outcomes = await running.stop();
      keep(outcomes);
      assert.ok(outcomes.length > 100, `load ran (${outcomes.length} requests)`);
      assert.deepEqual(failures(outcomes), [], 'every request answered 200');
      assert.match(cluster.gateway.log(), /retrying once/, 'the gateway retried the lost requests');
      await cluster.addReplica('scoring');
    },
  );

  test(
    'SIGSTOP of one of two scoring replicas: the server drops it, no request fails, SIGCONT brings it back',
    { timeout: 180_000 },
    async () => {
      const [frozen] = cluster.services.scoring.filter((member) => member.running);
      assert.equal(await cluster.natsConnections('scoring'), 2);
      const running = load();
      await sleep(1000);
      frozen!.signal('SIGSTOP');
      let dropped: boolean;
      try {
        dropped = await eventually(async () => (await cluster.natsConnections('scoring')) === 1, 10_000);
        await sleep(1000);
      } finally {
        frozen!.signal('SIGCONT');
      }
      const back = await eventually(async () => (await cluster.natsConnections('scoring')) === 2, 15_000);
      await sleep(1000);
      const outcomes = await running.stop();
      keep(outcomes);
      assert.ok(dropped, 'the NATS server dropped the frozen replica, and with it its place in the queue group');
      assert.ok(back, 'once resumed, the replica connected and subscribed again by itself');
      assert.deepEqual(failures(outcomes), [], 'the requests it held were sent again to the other replica');
      assert.ok(frozen!.running);
    },
  );

  test(
    'a replica whose event loop keeps stalling leaves its queue group, and rejoins once it runs freely',
    { timeout: 180_000 },
    async () => {
      const [stuttering] = cluster.services.scoring.filter((member) => member.running);
      const running = load();
      // Stopped 700 ms out of every 850: the replica still answers the server's pings, but its timers run late.
      const until = Date.now() + 5000;
      while (Date.now() < until) {
        stuttering!.signal('SIGSTOP');
        await sleep(700);
        stuttering!.signal('SIGCONT');
        await sleep(150);
      }
      const rejoined = await eventually(() => /rejoined the queue group/.test(stuttering!.log()), 15_000);
      const outcomes = await running.stop();
      keep(outcomes);
      assert.match(stuttering!.log(), /event loop stalled: leaving the queue group/);
      assert.ok(rejoined, 'it rejoined once its event loop ran freely');
      assert.equal((await cluster.natsConnections('scoring')) >= 2, true);
      assert.deepEqual(failures(outcomes), []);
    },
  );

  test(
    'nats-server restarted under load: requests wait for the services to subscribe again, none fails, no process dies',
    { timeout: 180_000 },
    async () => {
      const running = load();
      await sleep(1000);
      await cluster.nats.stop();
      await sleep(1000);
      await cluster.nats.start();
      const restartedAt = Date.now();
      await sleep(6000);
      const outcomes = await running.stop();
      keep(outcomes);
      const afterRecovery = outcomes.filter((o) => o.at > restartedAt + 5000);
      assert.ok(afterRecovery.length > 50, 'load continued after the restart');
      assert.deepEqual(
        failures(outcomes),
        [],
        'requests in flight or sent during the restart are answered once it is back',
      );
      for (const member of [
        cluster.gateway,
        ...Object.values(cluster.services)
          .flat()
          .filter((m) => m.name !== 'scoring-1'),
      ]) {
        assert.ok(member.running, `${member.name} is still running`);
      }
    },
  );

  test(
    'redis-server stopped: every request still answered, one warning, caching resumes when it returns',
    { timeout: 180_000 },
    async () => {
      const scoring = cluster.services.scoring.filter((member) => member.running);
      await cluster.redis.stop();
      const running = load();
      await sleep(2500);
      const outcomes = await running.stop();
      assert.ok(outcomes.length > 50);
      assert.deepEqual(failures(outcomes), [], 'answered without Redis');
      assert.ok(
        scoring.some((member) => /Redis unavailable/.test(member.log())),
        'a warning in the logs',
      );

      await cluster.redis.start();
      await sleep(2500);
      for (const id of otherIds) await fetch(`${cluster.url}/api/v1/clients/${id}/score`, { headers: cluster.headers });
      const redis = new Redis(cluster.redis.url);
      const stored = await redis.keys(`octroi:*:${knownClientScoreCache.owner}:*`);
      await redis.quit();
      const cached = otherIds.filter((id) => stored.some((key) => key.endsWith(`:${knownClientScoreCache.key(id)}`)));
      assert.deepEqual(cached, otherIds, 'decisions asked for after the restart are in Redis again');
    },
  );

  test(
    'SIGTERM to a scoring replica under load: it drains, exits 0, no request fails',
    { timeout: 180_000 },
    async () => {
      const running = load();
      await sleep(1500);
      const victim = cluster.services.scoring.find((member) => member.running)!;
      victim.signal('SIGTERM');
      await victim.exited;
      await sleep(1500);
      const outcomes = await running.stop();
      keep(outcomes);
      assert.equal(victim.exitCode, 0, victim.log().slice(-1500));
      assert.deepEqual(failures(outcomes), []);
    },
  );

  test(
    'every acknowledged decision is in the audit log, once; npm run audit -- verify passes',
    { timeout: 180_000 },
    async () => {
      const exported = auditCli(cluster.nats.url, 'export');
      const seen = new Map<string, number>();
      for (const line of exported.stdout.trim().split('\n')) {
        const { decisionId } = JSON.parse(line) as { decisionId: string };
        seen.set(decisionId, (seen.get(decisionId) ?? 0) + 1);
      }
      const missing = acknowledged.filter((o) => !seen.has(o.decisionId!));
      assert.ok(acknowledged.length > 300, `${acknowledged.length} acknowledged decisions`);
      assert.deepEqual(missing, []);
      assert.deepEqual(
        [...seen.entries()].filter(([, count]) => count > 1),
        [],
      );
      const verified = auditCli(cluster.nats.url, 'verify');
      assert.equal(verified.status, 0, verified.stdout + verified.stderr);
    },
  );
});

const ROOT = resolve(import.meta.dirname, '..');
/** The served client ids (asked again for a few seconds while the services finish joining). */
async function knownIds(cluster: Cluster): Promise<number[]> {
  let last = '';
  for (let attempt = 0; attempt < 20; attempt++) {
    const response = await fetch(`${cluster.url}/get_id_client`, { headers: cluster.headers });
    if (response.ok) return ((await response.json()) as { data: number[] }).data;
    last = `${response.status} ${await response.text()}`;
    await sleep(500);
  }
  throw new Error(`No client ids: ${last}`);
}
const auditCli = (natsUrl: string, command: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'services/scoring/src/audit-cli.ts', command], {
    cwd: ROOT,
    env: { ...process.env, NATS_URL: natsUrl },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 120_000,
  });

/**
 * A known client asked for 50 times at once, for the first time, through two scoring replicas: one decision of
 * record, whatever the caches do.
 */
for (const cache of ['on', 'off']) {
  describe(`one decision of record under concurrent first requests, CACHE=${cache}`, () => {
    let cluster: Cluster;
    before(
      async () => {
        cluster = await startCluster({ scoring: 2, env: { CACHE: cache } });
      },
      { timeout: 300_000 },
    );
    after(async () => cluster?.stop(), { timeout: 90_000 });

    test('50 concurrent first requests for one client record exactly one decision', { timeout: 180_000 }, async () => {
      const ids = await knownIds(cluster);
      const clientId = ids[ids.length - 1]!;
      const answers = await Promise.all(
        Array.from({ length: 50 }, () =>
          fetch(`${cluster.url}/api/v1/clients/${clientId}/score`, { headers: cluster.headers }).then(
            async (response) => ({ status: response.status, body: (await response.json()) as { decisionId?: string } }),
          ),
        ),
      );
      assert.deepEqual(
        answers.filter((answer) => answer.status !== 200),
        [],
      );
      assert.equal(new Set(answers.map((answer) => answer.body.decisionId)).size, 1, 'one decision id answered');
      const recorded = auditCli(cluster.nats.url, 'export')
        .stdout.trim()
        .split('\n')
        .filter((line) => line && (JSON.parse(line) as { clientId?: number }).clientId === clientId);
      assert.equal(recorded.length, 1, 'one decision recorded');
      assert.equal(auditCli(cluster.nats.url, 'verify').status, 0);
    });
  });
}
