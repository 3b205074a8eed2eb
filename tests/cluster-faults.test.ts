import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { AUDIT_STREAM } from '@octroi/contracts';
import { JetStreamAuditLog } from '@octroi/runtime';
import { startCluster, type Cluster } from './support/cluster.ts';
import { runLoad, sleep, type Outcome } from './support/load.ts';

/**
 * A NATS node lost under load, on real processes: three nats-server processes in a JetStream cluster, two scoring
 * replicas, one of each other service and a gateway, each connected to the cluster. The node killed is the one
 * that leads the audit stream, the worst one to lose: the stream elects a new leader while decisions are recorded.
 */
describe('a NATS node lost under load', () => {
  let cluster: Cluster;
  let clientIds: number[];

  before(
    async () => {
      // The node killed may lead the JetStream meta group as well as the stream: two elections in turn, each 4 to
      // 9 s in nats-server, before writes are taken again. Writes wait for them (STORE_TIMEOUT_MS, and the gateway
      // for the endpoints that record, 2 s more); the default 10 s does not always cover both on a loaded machine.
      const env = { BUS_TIMEOUT_MS: '1500', STORE_TIMEOUT_MS: '20000' };
      cluster = await startCluster({ natsNodes: 3, scoring: 2, env });
      const { data: ids } = (await (
        await fetch(`${cluster.url}/get_id_client`, { headers: cluster.headers })
      ).json()) as {
        data: number[];
      };
      clientIds = ids.slice(0, 20_000);
    },
    { timeout: 300_000 },
  );
  after(async () => cluster?.stop(), { timeout: 90_000 });

  test(
    'kill -9 of the node leading the audit stream: no decision fails or is lost, the stream keeps 3 copies',
    { timeout: 240_000 },
    async () => {
      const connection = await connect({ servers: cluster.natsUrl.split(','), maxReconnectAttempts: -1 });
      const jsm = await jetstreamManager(connection);
      const before = await jsm.streams.info(AUDIT_STREAM);
      assert.equal(before.config.num_replicas, 3, 'the audit stream keeps three copies');
      const leader = before.cluster!.leader!;

      const scorePath = () => `/api/v1/clients/${clientIds[Math.floor(Math.random() * clientIds.length)]}/score`;
      const running = runLoad(cluster.url, cluster.headers, scorePath, 6, 90_000);
      await sleep(2000);
      const victim = cluster.natsNodes[Number(leader.slice(1)) - 1]!; // nodes are named n1..n3
      await victim.stop('SIGKILL');
      await sleep(12_000);
      const outcomes: Outcome[] = await running.stop();

      const after = await jsm.streams.info(AUDIT_STREAM);
      const decided = outcomes.filter((o) => o.status === 200 && o.decisionId);
      const audit = await JetStreamAuditLog.open(connection);
      const missing: string[] = [];
      for (const { decisionId } of decided) if (!(await audit.get(decisionId!))) missing.push(decisionId!);
      await connection.close();

      assert.ok(decided.length > 100, `load ran (${decided.length} decisions)`);
      assert.deepEqual(
        outcomes.filter((o) => o.status !== 200),
        [],
        'no request failed',
      );
      assert.deepEqual(missing, [], 'every answered decision is readable in the audit log');
      assert.notEqual(after.cluster?.leader, leader, 'another node leads the stream');
      assert.equal(after.config.num_replicas, 3);
      assert.equal(1 + (after.cluster?.replicas?.length ?? 0), 3, 'the stream still counts three copies');
    },
  );
});
