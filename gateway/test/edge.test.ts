import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_USERNAME } from '../src/auth/users.ts';
import { DEMO_PASSWORD, testGateway, withKey } from './helpers.ts';

/** The gateway's own behaviour, with no service behind it: access control, input checks, errors, documentation. */
describe('gateway edge', () => {
  let gateway: Awaited<ReturnType<typeof testGateway>>;
  before(async () => {
    gateway = await testGateway();
  });
  after(async () => {
    await gateway.app.close();
  });

  test('health is open; readiness is 503 while no service answers', async () => {
    assert.equal((await gateway.app.inject('/healthz')).statusCode, 200);
    const ready = await gateway.app.inject('/readyz');
    assert.equal(ready.statusCode, 503);
    assert.deepEqual(ready.json().services, { scoring: 0, clients: 0, explain: 0, monitoring: 0 });
  });

  test('every answer carries the security headers, errors included; HSTS only over HTTPS', async () => {
    const secure = await testGateway({ secureCookies: true });
    for (const url of ['/healthz', '/api/v1/clients/100002', '/docs']) {
      const { headers } = await gateway.app.inject(url);
      assert.match(String(headers['content-security-policy']), /default-src 'self'.*script-src 'self'/, url);
      assert.equal(headers['x-content-type-options'], 'nosniff', url);
      assert.equal(headers['x-frame-options'], 'SAMEORIGIN', url);
      assert.equal(headers['strict-transport-security'], undefined, `${url}: plain HTTP tells a browser nothing`);
      const overHttps = (await secure.app.inject(url)).headers;
      assert.match(String(overHttps['strict-transport-security']), /max-age=\d+/, url);
    }
    await secure.app.close();
  });

  test('client data needs an API key or a session', async () => {
    for (const url of ['/api/v1/clients/100002', '/get_id_client', '/get_score/100002']) {
      const response = await gateway.app.inject(url);
      assert.equal(response.statusCode, 401, url);
      assert.equal(response.json().code, 'unauthorized');
    }
    const v2 = await gateway.app.inject('/v2/models/octroi');
    assert.equal(v2.statusCode, 401);
    assert.deepEqual(Object.keys(v2.json()), ['error'], 'the Open Inference Protocol error shape');
    assert.match(v2.json().error, /API key/);
    const wrongKey = await gateway.app.inject({ url: '/api/v1/clients/100002', headers: { 'x-api-key': 'nope' } });
    assert.equal(wrongKey.statusCode, 401);
  });

  test('a valid key passes; with no service behind, the answer is 503 in words', async () => {
    const response = await gateway.app.inject({ url: '/api/v1/clients/100002', headers: withKey });
    assert.equal(response.statusCode, 503);
    assert.equal(response.json().code, 'unavailable');
    assert.match(response.json().message, /octroi\.v1\.clients\.get/);
    assert.ok(response.headers['x-request-id']);
  });

  test('bad input is a 400 naming the field, never a 500', async () => {
    const cases: Array<[string, string, unknown, string]> = [
      ['GET', '/api/v1/clients/abc', undefined, 'id'],
      ['GET', '/api/v1/clients/-5', undefined, 'id'],
      ['GET', '/api/v1/clients?page=0', undefined, 'page'],
      ['GET', '/api/v1/clients?pageSize=100000', undefined, 'pageSize'],
      ['GET', '/api/v1/clients?decision=maybe', undefined, 'decision'],
      ['GET', '/api/v1/clients/100002?language=de', undefined, 'language'],
      ['POST', '/api/v1/what-if', { clientId: 100002 }, 'changes'],
      ['POST', '/api/v1/what-if', { clientId: 'x', changes: {} }, 'clientId'],
    ];
    for (const [method, url, payload, field] of cases) {
      const response = await gateway.app.inject({
        method: method as 'GET',
        url,
        headers: withKey,
        ...(payload ? { payload: payload } : {}),
      });
      assert.equal(response.statusCode, 400, `${method} ${url}`);
      const body = response.json();
      assert.equal(body.code, 'bad_request');
      assert.equal(body.field, field, `${method} ${url}: ${body.message}`);
      assert.match(body.message, new RegExp(field));
      assert.doesNotMatch(response.body, /at .*\.ts:\d+/, 'no stack trace');
    }
    const notJson = await gateway.app.inject({
      method: 'POST',
      url: '/api/v1/score',
      headers: { ...withKey, 'content-type': 'application/json' },
      payload: '{"AMT_CREDIT": ',
    });
    assert.equal(notJson.statusCode, 400);
  });

  test('sign-in sets an httpOnly SameSite cookie that opens the API; sign-out closes it', async () => {
    const refused = await gateway.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: DEMO_USERNAME, password: 'wrong' },
    });
    assert.equal(refused.statusCode, 401);

    const signIn = await gateway.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: DEMO_USERNAME, password: DEMO_PASSWORD },
    });
    assert.equal(signIn.statusCode, 200);
    assert.equal(signIn.json().role, 'officer');
    const setCookie = String(signIn.headers['set-cookie']);
    assert.match(setCookie, /octroi_session=/);
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Strict/);
    const cookie = setCookie.split(';')[0]!;

    const me = await gateway.app.inject({ url: '/api/v1/session', headers: { cookie } });
    assert.equal(me.json().username, DEMO_USERNAME);
    const data = await gateway.app.inject({ url: '/api/v1/clients/100002', headers: { cookie } });
    assert.equal(data.statusCode, 503, 'authenticated: the request went on to the bus');

    const signOut = await gateway.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie } });
    assert.equal(signOut.statusCode, 204);
    assert.match(String(signOut.headers['set-cookie']), /octroi_session=;/);
    const forged = await gateway.app.inject({ url: '/api/v1/clients/100002', headers: { cookie: `${cookie}x` } });
    assert.equal(forged.statusCode, 401);
  });

  test('the OpenAPI document lists every route with its schemas', async () => {
    const response = await gateway.app.inject('/docs/json');
    assert.equal(response.statusCode, 200);
    const paths = Object.keys(response.json().paths);
    for (const path of [
      '/api/v1/clients',
      '/api/v1/clients/{id}',
      '/api/v1/clients/{id}/score',
      '/api/v1/clients/{id}/similar',
      '/api/v1/population/{feature}',
      '/api/v1/score',
      '/api/v1/model',
      '/api/v1/decisions/{id}',
      '/api/v1/clients/{id}/explanation',
      '/api/v1/explanations/global',
      '/api/v1/explanations/summary',
      '/api/v1/explanations/dependence',
      '/api/v1/what-if',
      '/api/v1/clients/{id}/counterfactual',
      '/get_id_client',
      '/get_score/{id}',
      '/get_info_client/{id}',
      '/v2/health/live',
      '/v2/health/ready',
      '/v2/models/{model}',
      '/v2/models/{model}/infer',
      '/healthz',
      '/readyz',
      '/metrics',
    ]) {
      assert.ok(paths.includes(path), `${path} is documented`);
    }
    assert.ok(response.json().components.securitySchemes.apiKey);
  });

  test('metrics are served in the Prometheus format', async () => {
    const response = await gateway.app.inject('/metrics');
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /octroi_bus_requests_total/);
  });

  test('metrics can be put behind authentication, which then covers them and nothing else open', async () => {
    const closed = await testGateway({ metricsPublic: false });
    assert.equal((await closed.app.inject('/metrics')).statusCode, 401);
    assert.equal((await closed.app.inject({ url: '/metrics', headers: withKey })).statusCode, 200);
    assert.equal((await closed.app.inject('/healthz')).statusCode, 200);
    assert.equal((await closed.app.inject('/api/v1/session')).json().code, 'unauthorized', 'sign-in stays reachable');
    assert.equal((await closed.app.inject({ method: 'POST', url: '/api/v1/session', payload: {} })).statusCode, 400);
    await closed.app.close();
  });

  test('rate limiting answers 429 in words', async () => {
    const limited = await testGateway({ rateLimitPerMinute: 3 });
    const statuses = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await limited.app.inject({ url: '/api/v1/clients/1', headers: withKey })).statusCode);
    assert.deepEqual(statuses.slice(3), [429, 429]);
    const body = (await limited.app.inject({ url: '/api/v1/clients/1', headers: withKey })).json();
    assert.equal(body.code, 'rate_limited');
    await limited.app.close();
  });
});

test("the caller's request id is kept when it is a plain token, replaced otherwise", async () => {
  const gateway = await testGateway();
  const kept = await gateway.app.inject({
    url: '/api/v1/clients/1',
    headers: { ...withKey, 'x-request-id': 'browser-123' },
  });
  assert.equal(kept.headers['x-request-id'], 'browser-123');
  assert.equal(kept.json().requestId, 'browser-123');
  const replaced = await gateway.app.inject({
    url: '/api/v1/clients/1',
    headers: { ...withKey, 'x-request-id': 'bad id\nwith newline' },
  });
  assert.match(String(replaced.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  await gateway.app.close();
});
