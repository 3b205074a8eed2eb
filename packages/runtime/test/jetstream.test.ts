import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { JetStreamApiCodes, JetStreamApiError, jetstreamManager } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { AUDIT_STREAM, OctroiError, decisionIds, type DecisionRecord } from '@octroi/contracts';
import {
  bucketStream,
  ensureBucket,
  ensureStream,
  Health,
  isStorageOutage,
  jetStreamReplicas,
  JetStreamAuditLog,
  jetStreamWhenReady,
  storageStatus,
  type StorageStatus,
  withinAttempt,
  withStorageRetry,
} from '../src/index.ts';
import { startNats, startNatsCluster, type NatsCluster, type TestServer } from '../src/testing/index.ts';
import { sleep } from './helpers.ts';

/** A decision named for the test; `idOf(name)` is its server-made id. */
const ids = new Map<string, string>();
const idOf = (name: string) => {
  if (!ids.has(name)) ids.set(name, decisionIds(1)[0]!);
  return ids.get(name)!;
};
const record = (name: string): DecisionRecord => ({
  kind: 'model',
  decisionId: idOf(name),
  requestId: name,
  time: new Date().toISOString(),
  principal: 'test',
  clientId: 100002,
  featuresDigest: '0'.repeat(64),
  modelVersion: 'test',
  probabilityOfDefault: 0.2,
  threshold: 0.4,
  decision: 'granted',
});

const connectTo = (url: string) =>
  connect({ servers: url.split(','), maxReconnectAttempts: -1, reconnectTimeWait: 100, waitOnFirstConnect: true });

const isUnavailable = (err: unknown) => err instanceof OctroiError && err.code === 'unavailable';

test('store failures: an unavailable cluster is an outage, a lost compare-and-set or a missing stream is not', () => {
  const apiError = (code: number, err_code: number, description: string) =>
    new JetStreamApiError({ code, err_code, description });
  assert.equal(isStorageOutage(apiError(503, 10008, 'JetStream system temporarily unavailable')), true);
  assert.equal(isStorageOutage(apiError(400, 10071, 'wrong last sequence: 3')), false);
  assert.equal(isStorageOutage(apiError(404, 10059, 'stream not found')), false);
  assert.equal(isStorageOutage(new Error('wrapped', { cause: apiError(503, 10118, 'stream is offline') })), true);
  assert.equal(isStorageOutage(new TypeError('a bug')), false);
});

test(
  'a write that stays out of reach fails unavailable after its time; a logical failure fails at once',
  { timeout: 120_000 },
  async () => {
    let attempts = 0;
    const outage = () => {
      attempts++;
      return Promise.reject(new JetStreamApiError({ code: 503, err_code: 10008, description: 'no quorum' }));
    };
    await assert.rejects(withStorageRetry('record', outage, 300), isUnavailable);
    assert.ok(attempts > 1, `tried again with back-off (${attempts} attempts)`);
    await assert.rejects(
      withStorageRetry('record', () => Promise.reject(new TypeError('a bug')), 300),
      (err) => err instanceof TypeError,
    );
    let failuresLeft = 2;
    const recovers = () => (failuresLeft-- > 0 ? outage() : Promise.resolve('stored'));
    assert.equal(await withStorageRetry('record', recovers, 5000), 'stored');
  },
);

test(
  'a store call whose answer was lost with a dying node is given up after its share of the time and asked again',
  { timeout: 60_000 },
  async () => {
    const asked: number[] = [];
    const answer = await withStorageRetry(
      'read',
      (attemptMs) => {
        asked.push(attemptMs);
        // The first request's reply never comes (no time limit of its own, as a KV read under JetStream's default).
        return withinAttempt(attemptMs, asked.length === 1 ? new Promise<string>(() => {}) : Promise.resolve('read'));
      },
      10_000,
    );
    assert.equal(answer, 'read');
    assert.equal(asked.length, 2, 'asked again once the first attempt was given up');
    assert.ok(asked[0]! < 10_000, `the first attempt had only part of the time (${asked[0]} ms)`);
    await assert.rejects(
      withStorageRetry('read', (attemptMs) => withinAttempt(attemptMs, new Promise(() => {})), 300),
      isUnavailable,
    );
  },
);

test(
  'readiness: ready only when every dependency checked is available, with its problems named',
  { timeout: 120_000 },
  async () => {
    const health = new Health();
    let storage = { available: true, problems: [] as string[] };
    health.addCheck('storage', async () => storage);
    assert.deepEqual(await health.readiness(), { ready: true, waitingFor: [], problems: [] });
    storage = { available: false, problems: ['OCTROI_DECISIONS has no leader'] };
    const down = await health.readiness();
    assert.equal(down.ready, false);
    assert.deepEqual(down.problems, ['storage: OCTROI_DECISIONS has no leader']);
  },
);

describe('one NATS server', () => {
  let nats: TestServer;
  let connection: NatsConnection;
  before(
    async () => {
      nats = await startNats({ jetStream: true });
      connection = await connectTo(nats.url);
    },
    { timeout: 60_000 },
  );
  after(
    async () => {
      await connection?.close();
      await nats?.close();
    },
    { timeout: 60_000 },
  );

  test('one copy of each stream, or JETSTREAM_REPLICAS when set', { timeout: 120_000 }, async () => {
    assert.equal(jetStreamReplicas(connection), 1);
    process.env.JETSTREAM_REPLICAS = '2';
    try {
      assert.equal(jetStreamReplicas(connection), 2);
      process.env.JETSTREAM_REPLICAS = '7';
      assert.throws(() => jetStreamReplicas(connection), /JETSTREAM_REPLICAS must be between 1 and 5/);
    } finally {
      delete process.env.JETSTREAM_REPLICAS;
    }
    const jsm = await ensureStream(connection, { name: 'OCTROI_SINGLE', subjects: ['single.>'] });
    assert.equal((await jsm.streams.info('OCTROI_SINGLE')).config.num_replicas, 1);
    assert.deepEqual(await storageStatus(connection), {
      available: true,
      problems: [],
      replicas: { OCTROI_SINGLE: 1 },
    });
  });

  test(
    'the server stopped: reads and writes of the audit log fail unavailable, and readiness says why',
    { timeout: 120_000 },
    async () => {
      const audit = await JetStreamAuditLog.open(connection);
      await audit.append([record('before-the-outage')]);
      await nats.stop();
      process.env.STORE_TIMEOUT_MS = '1000';
      try {
        await assert.rejects(audit.get(idOf('before-the-outage')), isUnavailable, 'a read is not a false "not found"');
        await assert.rejects(audit.append([record('during-the-outage')]), isUnavailable);
        const status = await storageStatus(connection);
        assert.equal(status.available, false);
        assert.match(status.problems.join(), /JetStream does not answer/);
      } finally {
        delete process.env.STORE_TIMEOUT_MS;
        await nats.start();
      }
      await jetStreamWhenReady(connection);
      assert.equal((await audit.get(idOf('before-the-outage')))?.decisionId, idOf('before-the-outage'));
    },
  );

  test(
    'an entry still being sent after its append failed unavailable is waited for when read, never reported missing',
    { timeout: 120_000 },
    async () => {
      const audit = await JetStreamAuditLog.open(connection);
      await nats.stop();
      let read: ReturnType<typeof audit.request> | undefined;
      try {
        process.env.STORE_TIMEOUT_MS = '1000';
        await assert.rejects(audit.append([record('sent-after-the-outage')]), isUnavailable);
        // Read while the server is still down, with time enough for the restart: the entry is sent again meanwhile.
        process.env.STORE_TIMEOUT_MS = '60000';
        read = audit.request(idOf('sent-after-the-outage'));
      } finally {
        delete process.env.STORE_TIMEOUT_MS;
        await nats.start();
      }
      const records = await read;
      assert.deepEqual(
        records?.map((r) => r.decisionId),
        [idOf('sent-after-the-outage')],
      );
    },
  );

  test(
    'a connection closed for good: what the audit log still had to send fails unavailable, no retry goes on',
    { timeout: 60_000 },
    async () => {
      const own = await connectTo(nats.url);
      const audit = await JetStreamAuditLog.open(own);
      await nats.stop();
      try {
        const waiting = audit.append([record('never-sent')]);
        await own.close();
        // Without this, the entry would be sent again every 2 s for as long as the process lives.
        await assert.rejects(waiting, /lost its connection/);
      } finally {
        await nats.start();
      }
    },
  );
});

describe('a three-node JetStream cluster', () => {
  let cluster: NatsCluster;
  let connection: NatsConnection;
  before(
    async () => {
      cluster = await startNatsCluster({ size: 3 });
      connection = await connectTo(cluster.url);
      await jetStreamWhenReady(connection);
    },
    { timeout: 60_000 },
  );
  after(
    async () => {
      await connection?.close();
      await cluster?.close();
    },
    { timeout: 60_000 },
  );

  test(
    'three copies by default; a stream and a bucket made with one copy are brought to three',
    { timeout: 120_000 },
    async () => {
      assert.equal(jetStreamReplicas(connection), 3);
      const jsm = await jetstreamManager(connection);
      await jsm.streams.add({ name: AUDIT_STREAM, subjects: ['octroi.v1.audit.>'], num_replicas: 1 });
      await new Kvm(connection).create('octroi-legacy', { history: 1, replicas: 1 });

      const audit = await JetStreamAuditLog.open(connection);
      await ensureBucket(connection, 'octroi-legacy', { history: 1 });
      assert.equal((await jsm.streams.info(AUDIT_STREAM)).config.num_replicas, 3);
      assert.equal((await jsm.streams.info(bucketStream('octroi-legacy'))).config.num_replicas, 3);
      await audit.append([record('kept-three-times')]);
      // The copies just added catch up and the streams may elect a leader again: a loaded machine takes a while.
      let status = await storageStatus(connection, 10_000);
      for (let tries = 0; tries < 100 && !status.available; tries++) {
        await sleep(200);
        status = await storageStatus(connection, 10_000);
      }
      assert.equal(status.available, true, status.problems.join('; '));
      assert.deepEqual(status.replicas, { [AUDIT_STREAM]: 3, [bucketStream('octroi-legacy')]: 3 });
    },
  );

  test(
    'one node killed: the audit log still records and reads; readiness names the copies offline',
    { timeout: 120_000 },
    async () => {
      const audit = await JetStreamAuditLog.open(connection);
      const leader = (await (await jetstreamManager(connection)).streams.info(AUDIT_STREAM)).cluster?.leader;
      const index = Number(leader?.slice(1)) - 1; // nodes are named n1..n3
      await cluster.nodes[index]!.stop('SIGKILL');
      try {
        await audit.append([record('after-the-leader-died')]);
        assert.equal((await audit.get(idOf('kept-three-times')))?.decisionId, idOf('kept-three-times'));
        assert.equal((await audit.get(idOf('after-the-leader-died')))?.decisionId, idOf('after-the-leader-died'));
        // Every stream the node led (the legacy bucket's too) elects a new leader meanwhile: seconds, longer when loaded.
        const settled = (s: StorageStatus) => s.available && s.problems.some((p) => /offline/.test(p));
        let status = await storageStatus(connection, 10_000);
        for (let tries = 0; tries < 150 && !settled(status); tries++) {
          await sleep(200);
          status = await storageStatus(connection, 10_000);
        }
        assert.equal(status.available, true, status.problems.join('; '));
        assert.match(status.problems.join(), new RegExp(`${AUDIT_STREAM}: copies on ${leader} offline`));
      } finally {
        await cluster.nodes[index]!.start();
      }
    },
  );

  test(
    'a stream whose only copy is on a stopped node is named as not answering, never left out',
    { timeout: 120_000 },
    async () => {
      const jsm = await jetstreamManager(connection);
      const name = 'OCTROI_ONE_COPY';
      const info = await jsm.streams.add({ name, subjects: ['octroi.test.one-copy'], num_replicas: 1 });
      const index = Number(info.cluster?.leader?.slice(1)) - 1;
      await cluster.nodes[index]!.stop('SIGKILL');
      try {
        // The node may have led the cluster's metadata too: JetStream answers again once another is elected.
        let status = await storageStatus(connection, 1000);
        for (let tries = 0; tries < 100 && /JetStream does not answer/.test(status.problems.join()); tries++) {
          await sleep(200);
          status = await storageStatus(connection, 1000);
        }
        assert.equal(status.available, false);
        assert.ok(
          status.problems.some((problem) => problem.startsWith(`${name} `)),
          `the stream is named: ${status.problems.join('; ')}`,
        );
      } finally {
        await cluster.nodes[index]!.start();
      }
      // A retry after a lost acknowledgement finds the stream already gone.
      const gone = (err: unknown) => err instanceof JetStreamApiError && err.code === JetStreamApiCodes.StreamNotFound;
      await withStorageRetry(
        'delete',
        () =>
          jsm.streams.delete(name).catch((err: unknown) => {
            if (!gone(err)) throw err;
          }),
        30_000,
      );
    },
  );

  test(
    'two nodes of three down: no quorum, the audit log fails unavailable until they return',
    { timeout: 120_000 },
    async () => {
      // The node the previous test restarted may still be catching up: the cluster answers again within seconds.
      const audit = await withStorageRetry('open the audit log', () => JetStreamAuditLog.open(connection), 30_000);
      await Promise.all([cluster.nodes[1]!.stop('SIGKILL'), cluster.nodes[2]!.stop('SIGKILL')]);
      process.env.STORE_TIMEOUT_MS = '1500';
      try {
        await assert.rejects(audit.append([record('without-quorum')]), isUnavailable);
        assert.equal((await storageStatus(connection, 500)).available, false);
      } finally {
        delete process.env.STORE_TIMEOUT_MS;
        await Promise.all([cluster.nodes[1]!.start(), cluster.nodes[2]!.start()]);
      }
      await withStorageRetry('record', () => audit.append([record('quorum-back')]), 30_000);
      assert.equal((await audit.get(idOf('quorum-back')))?.decisionId, idOf('quorum-back'));
    },
  );
});
