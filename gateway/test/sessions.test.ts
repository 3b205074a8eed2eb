import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { NatsBus, createLogger, processMetrics } from '@octroi/runtime';
import { startNats, startRedis, type TestServer } from '@octroi/runtime/testing';
import { DEMO_USERNAME } from '../src/auth/users.ts';
import { FREE_FAILURES, SignInThrottle, lockAfter } from '../src/auth/sign-in-throttle.ts';
import { DEMO_PASSWORD, testGateway, withKey } from './helpers.ts';

type Gateway = Awaited<ReturnType<typeof testGateway>>;

const signIn = (gateway: Gateway, password = DEMO_PASSWORD) =>
  gateway.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: DEMO_USERNAME, password } });
const cookieOf = (response: { headers: Record<string, unknown> }) =>
  String(response.headers['set-cookie']).split(';')[0]!;
/** A secured route that needs no service: 200 with a valid principal, 401 without. */
const securedStatus = async (gateway: Gateway, headers: Record<string, string>) =>
  (await gateway.app.inject({ url: '/v2/health/live', headers })).statusCode;

test('the lock grows with each failure beyond the free ones, up to a ceiling', () => {
  assert.deepEqual(
    Array.from({ length: FREE_FAILURES + 4 }, (_, i) => lockAfter(i + 1)),
    [...Array(FREE_FAILURES).fill(0), 1000, 2000, 4000, 8000],
  );
  assert.equal(lockAfter(100), 15 * 60_000);
});

test("a throttle in memory locks one account, not another, and a success forgets the account's failures", async () => {
  const throttle = new SignInThrottle();
  for (let i = 0; i <= FREE_FAILURES; i++) await throttle.failed('alice');
  assert.ok((await throttle.lockedFor('alice')) > 0);
  assert.equal(await throttle.lockedFor('bob'), 0);
  await throttle.succeeded('alice');
  assert.equal(await throttle.lockedFor('alice'), 0);
});

describe('sessions in embedded mode: signing out ends the session, not only the cookie', () => {
  let gateway: Gateway;
  before(async () => {
    gateway = await testGateway();
  });
  after(async () => {
    await gateway.app.close();
    await gateway.runtime.shutdown.run();
  });

  test('a copied cookie is refused once its session is signed out; another session of the user is not', async () => {
    const copied = cookieOf(await signIn(gateway));
    const other = cookieOf(await signIn(gateway));
    assert.equal(await securedStatus(gateway, { cookie: copied }), 200);
    const signOut = await gateway.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie: copied } });
    assert.equal(signOut.statusCode, 204);
    assert.equal(await securedStatus(gateway, { cookie: copied }), 401, 'the copy of the cookie no longer opens data');
    assert.equal((await gateway.app.inject({ url: '/api/v1/session', headers: { cookie: copied } })).statusCode, 401);
    assert.equal(await securedStatus(gateway, { cookie: other }), 200, 'the other session goes on');
  });

  test('after five wrong passwords the account is locked, even for the right one, with Retry-After', async () => {
    for (let i = 0; i < FREE_FAILURES; i++) assert.equal((await signIn(gateway, 'wrong')).statusCode, 401);
    assert.equal((await signIn(gateway, 'wrong')).statusCode, 401, 'the sixth failure locks the account');
    const locked = await signIn(gateway);
    assert.equal(locked.statusCode, 429);
    assert.equal(locked.json().code, 'rate_limited');
    assert.ok(Number(locked.headers['retry-after']) >= 1);
    await new Promise((resolve) => setTimeout(resolve, lockAfter(FREE_FAILURES + 1) + 100));
    assert.equal((await signIn(gateway)).statusCode, 200, 'once the lock is over, the right password opens it');
  });
});

describe('two gateway replicas on NATS and Redis share revoked sessions, sign-in locks and rate limits', () => {
  let nats: TestServer;
  let redis: TestServer;
  const buses: NatsBus[] = [];
  const gateways: Gateway[] = [];
  const log = createLogger('test', 'warn');

  /** Two replicas with one session key and one users file, as OCTROI_SESSION_SECRET and a shared volume give them. */
  const replicas = async (rateLimitPerMinute = 0) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'octroi-replicas-'));
    const pair: Gateway[] = [];
    for (const name of ['gateway-a', 'gateway-b']) {
      const bus = await NatsBus.connect(nats.url, name, log, processMetrics());
      buses.push(bus);
      const gateway = await testGateway({ bus, redisUrl: redis.url, dataDir, rateLimitPerMinute });
      // Until its connection to Redis is up, a replica lets requests through uncounted (as while Redis is down).
      const connection = gateway.runtime.redis()!;
      if (connection.status !== 'ready') await once(connection, 'ready');
      pair.push(gateway);
    }
    gateways.push(...pair);
    return pair as [Gateway, Gateway];
  };

  before(async () => {
    nats = await startNats({ jetStream: true });
    redis = await startRedis();
  });
  after(async () => {
    for (const gateway of gateways) {
      await gateway.app.close();
      await gateway.runtime.shutdown.run();
    }
    await Promise.all(buses.map((bus) => bus.close()));
    await Promise.all([nats?.close(), redis?.close()]);
  });

  test('a cookie signed out on one replica is refused by both', async () => {
    const [a, b] = await replicas();
    const cookie = cookieOf(await signIn(a));
    assert.equal(await securedStatus(b, { cookie }), 200, 'a session opened on one replica is valid on the other');
    const signOut = await b.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie } });
    assert.equal(signOut.statusCode, 204);
    for (const replica of [a, b]) {
      assert.equal(await securedStatus(replica, { cookie }), 401);
      assert.equal((await replica.app.inject({ url: '/api/v1/session', headers: { cookie } })).statusCode, 401);
    }
  });

  test('wrong passwords counted on both replicas lock the account on both', async () => {
    const [a, b] = await replicas();
    for (let i = 0; i <= FREE_FAILURES; i++) assert.equal((await signIn(i % 2 ? a : b, 'wrong')).statusCode, 401);
    for (const replica of [a, b]) assert.equal((await signIn(replica)).statusCode, 429);
  });

  test('the rate limit is one count across replicas, and refused authentications count against the address', async () => {
    const [a, b] = await replicas(4);
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push(await securedStatus(i % 2 ? a : b, withKey));
    assert.deepEqual(statuses, [200, 200, 200, 200, 429, 429]);
    const wrongKey = { 'x-api-key': 'not-a-key-0123456789' };
    const refused = [];
    for (let i = 0; i < 6; i++) refused.push(await securedStatus(i % 2 ? a : b, wrongKey));
    assert.deepEqual(refused, [401, 401, 401, 401, 429, 429]);
  });
});
