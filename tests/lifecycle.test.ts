import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { connect } from '@nats-io/transport-node';
import { EXAMPLE_APPLICATION, type ChainedRecord, type ModelList, type ShadowComparisons } from '@octroi/contracts';
import { defaultModelDir, loadBundle } from '@octroi/model-bundle';
import { writeVariantBundle } from '@octroi/model-bundle/testing';
import { JetStreamAuditLog } from '@octroi/runtime';
import { FROM_SOURCES } from '@octroi/runtime/testing';
import { startCluster, type Cluster } from './support/cluster.ts';
import { eventually, runLoad, sleep, type LoadRequest, type Outcome } from './support/load.ts';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * The model lifecycle on real processes: two scoring and two explain replicas, clients, monitoring and a gateway on
 * nats-server and redis-server, MODELS_DIR holding the shipped bundle and a variant of it (another threshold). An
 * administrator shadows the variant, promotes it and rolls back, through the API, while a load of known clients,
 * new applications and explanations runs.
 */
describe('model lifecycle under load', () => {
  let cluster: Cluster;
  let champion: string;
  let variant: string;
  let clientIds: number[];
  let admin: Record<string, string>;

  before(
    async () => {
      const models = await mkdtemp(join(tmpdir(), 'octroi-models-'));
      await symlink(resolve(defaultModelDir()), join(models, 'shipped'));
      champion = (await loadBundle(defaultModelDir())).version;
      variant = `variant-${Date.now()}`;
      await writeVariantBundle(defaultModelDir(), join(models, 'variant'), { version: variant, thresholdShift: -0.03 });
      cluster = await startCluster({
        scoring: 2,
        explain: 2,
        monitoring: 1,
        env: {
          MODELS_DIR: models,
          MODEL_DIR: resolve(defaultModelDir()),
          MODEL_ROLES_POLL_MS: '500',
          MONITORING_PUBLISH_MS: '500',
        },
      });
      admin = await signInAdministrator(cluster);
      const ids = (await (await fetch(`${cluster.url}/get_id_client`, { headers: cluster.headers })).json()) as {
        data: number[];
      };
      clientIds = ids.data.slice(0, 20_000);
    },
    { timeout: 300_000 },
  );
  after(async () => cluster?.stop(), { timeout: 90_000 });

  /** Known clients' scores, new applications and explanations, in turn. */
  let turn = 0;
  const someClient = () => clientIds[Math.floor(Math.random() * clientIds.length)]!;
  const next = (): string | LoadRequest => {
    switch (turn++ % 3) {
      case 0:
        return `/api/v1/clients/${someClient()}/score`;
      case 1:
        return {
          path: '/api/v1/score',
          method: 'POST',
          body: { ...EXAMPLE_APPLICATION, AMT_INCOME_TOTAL: 50_000 + Math.round(Math.random() * 300_000) },
        };
      default:
        return `/api/v1/clients/${someClient()}/explanation`;
    }
  };
  const load = () => runLoad(cluster.url, cluster.headers, next, 6, 60_000);
  const failures = (outcomes: Outcome[]) => outcomes.filter((o) => o.status !== 200);
  const setRole = async (role: 'champion' | 'challenger', version: string) => {
    const asked = Date.now();
    const response = await fetch(`${cluster.url}/api/v1/models/${role}`, {
      method: 'PUT',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ version, reason: `${role}: ${version}` }),
    });
    const text = await response.text();
    assert.equal(response.status, 200, text);
    return { asked, at: Date.now(), list: JSON.parse(text) as ModelList };
  };

  test('only an administrator who signed in changes a role', { timeout: 180_000 }, async () => {
    const response = await fetch(`${cluster.url}/api/v1/models/champion`, {
      method: 'PUT',
      headers: { ...cluster.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ version: variant, reason: 'an API key tries' }),
    });
    assert.equal(response.status, 403, 'an API key has no role');
  });

  test(
    'a challenger in shadow decides nothing: every answer is the champion, its scores reach the comparison',
    { timeout: 180_000 },
    async () => {
      const { list } = await setRole('challenger', variant);
      assert.deepEqual([list.champion, list.challenger], [champion, variant]);
      const running = load();
      await sleep(4000);
      const outcomes = await running.stop();
      assert.deepEqual(failures(outcomes), []);
      assert.deepEqual(
        outcomes.filter((o) => o.modelVersion !== champion),
        [],
        "every answer is the champion's",
      );
      const compared = await eventually(async () => {
        const { comparisons } = (await (
          await fetch(`${cluster.url}/api/v1/models/comparison?challenger=${variant}`, { headers: cluster.headers })
        ).json()) as ShadowComparisons;
        return (comparisons[0]?.applications ?? 0) > 0;
      }, 10_000);
      assert.ok(compared, "the challenger's shadow scores reach the comparison");
      const records = await auditRecords(cluster);
      const decided = records.filter((record) => record.kind === 'model');
      assert.ok(decided.length > 0);
      assert.deepEqual(
        decided.filter((record) => record.modelVersion === variant).map((record) => record.decisionId),
        [],
        'no shadow score is a decision',
      );
    },
  );

  test(
    'promotion and rollback under load: no request fails, answers change version, each on record',
    { timeout: 180_000 },
    async () => {
      const running = load();
      await sleep(2000);
      const promoted = await setRole('champion', variant);
      assert.deepEqual([promoted.list.champion, promoted.list.challenger], [variant, null]);
      await sleep(5000);
      const rolledBack = await setRole('champion', champion);
      await sleep(4000);
      const outcomes = await running.stop();

      assert.ok(outcomes.length > 100, `load ran (${outcomes.length} requests)`);
      assert.deepEqual(failures(outcomes), [], 'no request failed during the swaps');
      // Every replica switches within a poll (500 ms here) and the gateway's cache follows within a second.
      const settled = (from: number, to: number) => outcomes.filter((o) => o.at > from + 2000 && o.done < to);
      const during = settled(promoted.at, rolledBack.asked);
      const afterwards = settled(rolledBack.at, Number.POSITIVE_INFINITY);
      assert.ok(during.length > 20 && afterwards.length > 20, `${during.length} and ${afterwards.length} requests`);
      assert.deepEqual(
        during.filter((o) => o.modelVersion !== variant),
        [],
        'the promoted model answers',
      );
      assert.deepEqual(
        afterwards.filter((o) => o.modelVersion !== champion),
        [],
        'the model rolled back to answers',
      );

      const records = await auditRecords(cluster);
      // A request in flight during a switch finishes on its version: what it answered is what was recorded.
      const byId = new Map(records.map((record) => [record.decisionId, record]));
      assert.ok(outcomes.filter((o) => o.decisionId).length > 100);
      for (const outcome of outcomes.filter((o) => o.decisionId)) {
        const record = byId.get(outcome.decisionId!);
        assert.ok(record && record.kind === 'model', `decision ${outcome.decisionId} is in the audit log`);
        if (outcome.path.endsWith('/score') || outcome.path === '/api/v1/score')
          assert.equal(record.modelVersion, outcome.modelVersion, `${outcome.path} answered its recorded version`);
      }
      // Explanations are given by the version that made the decision they show.
      for (const outcome of outcomes.filter((o) => o.path.endsWith('/explanation') && o.decisionId)) {
        const record = byId.get(outcome.decisionId!);
        assert.equal(record?.kind === 'model' && record.modelVersion, outcome.modelVersion, outcome.path);
      }

      const roles = records.filter((record) => record.kind === 'model-role' && record.role === 'champion');
      assert.deepEqual(
        roles.map(
          (record) =>
            record.kind === 'model-role' && [
              record.modelVersion,
              record.previousVersion,
              record.principal,
              record.reason,
            ],
        ),
        [
          [variant, champion, 'lifecycle-admin', `champion: ${variant}`],
          [champion, variant, 'lifecycle-admin', `champion: ${champion}`],
        ],
      );
      for (const [to, from] of [
        [variant, champion],
        [champion, variant],
      ]) {
        const switches = records.filter(
          (record) => record.kind === 'model-switch' && record.champion === to && record.previousChampion === from,
        );
        assert.deepEqual(
          [...new Set(switches.map((record) => record.kind === 'model-switch' && record.service))].sort(),
          ['explain', 'scoring'],
        );
        assert.equal(new Set(switches.map((record) => record.principal)).size, 4, `every replica switched to ${to}`);
      }
    },
  );
});

/** An administrator added to the gateway's users file, signed in: the session cookie. */
async function signInAdministrator(cluster: Cluster): Promise<Record<string, string>> {
  const added = spawnSync(
    process.execPath,
    [...FROM_SOURCES, 'gateway/src/users-cli.ts', 'add', 'lifecycle-admin', '--name', 'Admin', '--role', 'admin'],
    { cwd: ROOT, env: { ...process.env, OCTROI_DATA_DIR: cluster.gatewayDataDir }, encoding: 'utf8' },
  );
  const password = /shown only now: (\S+)/.exec(added.stdout)?.[1];
  assert.ok(password, added.stdout + added.stderr);
  let cookie: string | undefined;
  // The gateway reads its users file again within two seconds.
  await eventually(async () => {
    const response = await fetch(`${cluster.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'lifecycle-admin', password }),
    });
    cookie = response.headers.get('set-cookie')?.split(';')[0];
    return response.ok;
  }, 10_000);
  assert.ok(cookie, 'the administrator signed in');
  return { cookie };
}

/** Every record of the audit stream, decisions and changes of the models alike. */
async function auditRecords(cluster: Cluster): Promise<ChainedRecord[]> {
  const connection = await connect({ servers: cluster.natsUrl });
  try {
    const audit = await JetStreamAuditLog.open(connection);
    const records: ChainedRecord[] = [];
    for await (const { entry } of audit.entries()) records.push(...entry.records);
    return records;
  } finally {
    await connection.close();
  }
}
