import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  MemoryCache,
  RedisCache,
  connectRedis,
  processMetrics,
  type Cache,
  type CacheOptions,
  type Logger,
} from '../src/index.ts';
import { startRedis, type TestServer } from '../src/testing/index.ts';
import { capturingLogger, sleep } from './helpers.ts';

const metrics = processMetrics();

/** A cache on a connection of its own, as each replica has one: closing the cache closes that connection too. */
function replicaCache(url: string, options: CacheOptions, log: Logger, nearMegabytes = 0): RedisCache {
  const connection = connectRedis(url);
  const cache = new RedisCache(connection, options, metrics, log, nearMegabytes);
  const detach = cache.close.bind(cache);
  cache.close = async () => {
    await detach();
    connection.disconnect();
  };
  return cache;
}

function cacheContract(name: string, make: (modelVersion: string) => Promise<Cache>) {
  describe(`${name} cache`, () => {
    test('keeps a value and gives it back', async () => {
      const cache = await make('v1');
      await cache.set('client:1', { probabilityOfDefault: 0.12 });
      assert.deepEqual(await cache.get('client:1'), { probabilityOfDefault: 0.12 });
      assert.equal(await cache.get('client:2'), undefined);
      await cache.close();
    });

    test('keys are namespaced by model version', async () => {
      const v1 = await make('v1');
      const v2 = await make('v2');
      await v1.set('client:7', 'from v1');
      assert.equal(await v2.get('client:7'), undefined);
      await Promise.all([v1.close(), v2.close()]);
    });

    test('entries expire after their time to live', async () => {
      const cache = await make('v1');
      await cache.set('short', 1, 1);
      assert.equal(await cache.get('short'), 1);
      await sleep(1100);
      assert.equal(await cache.get('short'), undefined);
      await cache.close();
    });

    test('getOrCompute computes once, then reads', async () => {
      const cache = await make('v1');
      let computed = 0;
      const compute = async () => ++computed;
      assert.equal(await cache.getOrCompute('once', compute), 1);
      assert.equal(await cache.getOrCompute('once', compute), 1);
      assert.equal(computed, 1);
      await cache.close();
    });
  });
}

cacheContract(
  'in-memory',
  async (modelVersion) => new MemoryCache({ name: `test-${Math.random()}`, modelVersion }, metrics),
);

let redis: TestServer;
const namespace = `test-${process.pid}`;
cacheContract('Redis', async (modelVersion) => {
  redis ??= await startRedis();
  const cache = replicaCache(redis.url, { name: namespace, modelVersion }, capturingLogger().log);
  await cache.whenConnected();
  return cache;
});

test('the caches of a process share its connection: one made later keeps a value at once, and closing one leaves the others working', async () => {
  const server = await startRedis();
  const connection = connectRedis(server.url);
  const { log } = capturingLogger();
  try {
    const champion = new RedisCache(connection, { name: 'shared', modelVersion: 'v1' }, metrics, log);
    assert.ok(await champion.whenConnected());
    const promoted = new RedisCache(connection, { name: 'shared', modelVersion: 'v2' }, metrics, log);
    await promoted.set('client:1', 'decided by v2'); // no wait: the connection is already up
    const clients = String(await connection.call('CLIENT', 'LIST'))
      .trim()
      .split('\n');
    assert.equal(clients.length, 1, 'two caches, one connection');
    const elsewhere = replicaCache(server.url, { name: 'shared', modelVersion: 'v2' }, log);
    assert.ok(await elsewhere.whenConnected());
    assert.equal(await elsewhere.get('client:1'), 'decided by v2', 'stored in Redis, not only in this process');
    await elsewhere.close();
    await promoted.close();
    await champion.set('client:2', 'decided by v1');
    assert.equal(await champion.get('client:2'), 'decided by v1', 'the connection outlives a closed cache');
    await champion.close();
  } finally {
    connection.disconnect();
    await server.close();
  }
});

describe('Redis outage', () => {
  let server: TestServer;
  before(async () => {
    server = await startRedis();
  });
  after(async () => {
    await server.close();
    await redis?.close();
  });

  test('degrades to no cache with one warning, then resumes when Redis returns', async () => {
    const { log, lines } = capturingLogger();
    const cache = replicaCache(server.url, { name: 'outage', modelVersion: 'v1' }, log);
    assert.ok(await cache.whenConnected());
    await cache.set('k', 'cached');
    assert.equal(await cache.get('k'), 'cached');

    await server.stop();
    const started = Date.now();
    let computed = 0;
    for (let i = 0; i < 5; i++) {
      assert.equal(await cache.getOrCompute('k2', async () => ++computed), computed, 'every call is still answered');
    }
    assert.equal(computed, 5, 'without Redis every call computes');
    assert.ok(Date.now() - started < 3000, 'an outage answers fast, it does not hang');
    const warnings = lines().filter((line) => line.level === 40 && /Redis unavailable/.test(String(line.msg)));
    assert.equal(warnings.length, 1, 'one warning per outage, not one per request');

    await server.start();
    assert.ok(await cache.whenConnected(10_000), 'reconnects by itself');
    await cache.set('k3', 'again');
    assert.equal(await cache.get('k3'), 'again', 'caching resumed');
    assert.ok(lines().some((line) => /caching resumed/.test(String(line.msg))));
    await cache.close();
  });
});

describe('Redis with a near cache in the process', () => {
  test('answers from memory once read, and keeps answering while Redis is down', async () => {
    const server = await startRedis();
    const { log } = capturingLogger();
    const writer = replicaCache(server.url, { name: 'near', modelVersion: 'v1' }, log);
    const reader = replicaCache(server.url, { name: 'near', modelVersion: 'v1' }, log, 100);
    await Promise.all([writer.whenConnected(), reader.whenConnected()]);
    await writer.set('shared', 'from another replica');
    assert.equal(await reader.get('shared'), 'from another replica', 'read through to Redis');
    await server.stop();
    assert.equal(await reader.get('shared'), 'from another replica', 'then from memory');
    assert.equal(await writer.get('shared'), undefined, 'without a near cache, nothing while Redis is down');
    await Promise.all([writer.close(), reader.close(), server.close()]);
  });
});

describe('near cache size', () => {
  test('is bounded by the JSON size of what it holds, least recently used dropped first', async () => {
    const server = await startRedis();
    const { log, lines } = capturingLogger();
    // 64 KiB of near cache, values of about 10 KiB each: six or so fit.
    const cache = replicaCache(server.url, { name: 'near-size', modelVersion: 'v1' }, log, 64 / 1024);
    assert.equal(await cache.get('before-connecting'), undefined);
    await cache.whenConnected();
    assert.ok(
      !lines().some((line) => /Redis unavailable/.test(String(line.msg))),
      'a first connection is not an outage',
    );
    const value = (i: number) => ({ i, padding: 'x'.repeat(10_000) });
    for (let i = 0; i < 20; i++) await cache.set(`k${i}`, value(i));
    await server.stop();
    assert.deepEqual(await cache.get('k19'), value(19), 'the latest stays in memory');
    assert.equal(await cache.get('k0'), undefined, 'the oldest was dropped from memory');
    await Promise.all([cache.close(), server.close()]);
  });
});

test('a value read from Redis is kept in memory no longer than Redis keeps it', async () => {
  const server = await startRedis();
  const { log } = capturingLogger();
  const writer = replicaCache(server.url, { name: 'near-ttl', modelVersion: 'v1' }, log);
  const reader = replicaCache(server.url, { name: 'near-ttl', modelVersion: 'v1' }, log, 1);
  try {
    await Promise.all([writer.whenConnected(), reader.whenConnected()]);
    await writer.set('brief', 'for a second', 1);
    assert.equal(await reader.get('brief'), 'for a second');
    await sleep(1100);
    assert.equal(await reader.get('brief'), undefined, 'expired in memory with the entry in Redis');
  } finally {
    await Promise.all([writer.close(), reader.close(), server.close()]);
  }
});
