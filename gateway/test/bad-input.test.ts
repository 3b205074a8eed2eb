import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { EXAMPLE_APPLICATION, MAX_BATCH } from '@octroi/contracts';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../src/json-depth.ts';
import { testGateway, withKey } from './helpers.ts';

type Gateway = Awaited<ReturnType<typeof testGateway>>;
type Reply = Awaited<ReturnType<Gateway['app']['inject']>>;

const LEGACY_KEY = 'legacy-key-0123456789';
const deepArrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const deepObjects = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

/** The gateway's one error envelope: a code, words, the request id (also in the header), the security headers. */
function assertEnvelope(response: Reply, status: number, what: string) {
  assert.equal(response.statusCode, status, `${what}: ${response.body}`);
  const body = response.json();
  assert.equal(typeof body.code, 'string', what);
  assert.equal(typeof body.message, 'string', what);
  assert.ok(body.requestId, `${what}: a request id in the body`);
  assert.equal(response.headers['x-request-id'], body.requestId, `${what}: the same id in the header`);
  assert.match(String(response.headers['content-security-policy']), /default-src 'self'/, what);
  assert.equal(response.headers['x-content-type-options'], 'nosniff', what);
  assert.doesNotMatch(response.body, /at .*\.[jt]s:\d+/, `${what}: no stack trace`);
  return body as { code: string; message: string; field?: string; requestId: string };
}

test('the depth scan counts brackets outside strings only', () => {
  assert.equal(nestsDeeperThan(deepArrays(MAX_JSON_DEPTH)), false);
  assert.equal(nestsDeeperThan(deepArrays(MAX_JSON_DEPTH + 1)), true);
  assert.equal(nestsDeeperThan(deepObjects(MAX_JSON_DEPTH + 1)), true);
  assert.equal(nestsDeeperThan(JSON.stringify({ text: '['.repeat(100) })), false, 'brackets in a string');
  assert.equal(nestsDeeperThan(JSON.stringify({ text: '\\"[[[' + '['.repeat(100) })), false, 'escaped quotes');
  assert.equal(nestsDeeperThan(`[${'[]'.repeat(1000)}]`), false, 'wide is not deep');
  const afterBackslash = `{"text":${JSON.stringify('ends with a backslash \\')},"deep":${deepArrays(MAX_JSON_DEPTH)}}`;
  assert.equal(nestsDeeperThan(afterBackslash), true, 'a string ending with an escaped backslash');
  assert.equal(nestsDeeperThan('{"text": "never closed [[[[[[[[[[[[[[[[[[['), false, 'an unterminated string');
});

/** With no service behind the gateway, a request that got past the edge is a 503: a 400 was refused at the edge. */
describe('bad input is refused at the edge, before anything reaches the bus', () => {
  let gateway: Gateway;
  before(async () => {
    gateway = await testGateway({ legacyKeys: [LEGACY_KEY], busTimeoutMs: 200 });
  });
  after(async () => gateway.app.close());

  const post = (url: string, payload: string | object, headers: Record<string, string> = {}) =>
    gateway.app.inject({
      method: 'POST',
      url,
      headers: { ...withKey, 'content-type': 'application/json', ...headers },
      payload,
    });

  test('a body nested 5,000 deep is a 400 on every route that reads JSON, the V2 inference included', async () => {
    for (const url of ['/api/v1/score', '/api/v1/explanations', '/api/v1/what-if', '/api/v1/session']) {
      for (const body of [deepArrays(5000), deepObjects(5000), `{"application":${deepObjects(5000)}}`]) {
        const reply = assertEnvelope(await post(url, body), 400, url);
        assert.match(reply.message, new RegExp(`more than ${MAX_JSON_DEPTH} levels`));
      }
    }
    const v2 = await post('/v2/models/octroi/infer', `{"inputs":${deepArrays(5000)}}`);
    assert.equal(v2.statusCode, 400);
    assert.match(v2.json().error, /levels deep/);
  });

  test('ids are plain decimal digits on every route with an id, the legacy ones included', async () => {
    const document = (await gateway.app.inject('/docs/json')).json();
    const routes = Object.entries<
      Record<string, { parameters?: Array<{ in: string; name: string; schema: { type?: string } }> }>
    >(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) =>
          (operation.parameters ?? []).some((p) => p.in === 'path' && p.name === 'id' && p.schema.type === 'integer'),
        )
        .map(([method]) => [method.toUpperCase(), path.replace('{legacyKey}', LEGACY_KEY)] as const),
    );
    assert.ok(routes.length >= 8, `routes with an id: ${routes.map(([, path]) => path).join(', ')}`);
    for (const [method, path] of routes) {
      for (const odd of ['0x186A2', '1e3', '100002.0', '%20100002', '+100002', '100002%20', '1_000']) {
        const url = path.replace('{id}', odd);
        const body = assertEnvelope(
          await gateway.app.inject({ method: method as 'GET', url, headers: withKey }),
          400,
          url,
        );
        assert.equal(body.field, 'id', url);
      }
      const plain = await gateway.app.inject({
        method: method as 'GET',
        url: path.replace('{id}', '100002'),
        headers: withKey,
      });
      assert.notEqual(plain.statusCode, 400, `${path} with 100002: ${plain.body}`);
    }
  });

  test('numbers in a query string are plain decimals too', async () => {
    const cases: Array<[string, string]> = [
      ['page=1e3', 'page'],
      ['pageSize=0x10', 'pageSize'],
      ['minProbability=0x1', 'minProbability'],
    ];
    for (const [query, field] of cases) {
      const body = assertEnvelope(
        await gateway.app.inject({ url: `/api/v1/clients?${query}`, headers: withKey }),
        400,
        query,
      );
      assert.equal(body.field, field);
    }
    assert.equal(
      (await gateway.app.inject({ url: '/api/v1/clients?page=2&minProbability=0.25', headers: withKey })).statusCode,
      503,
    );
  });

  test('unknown keys are refused, in bodies and query strings, naming the key', async () => {
    const cases: Array<[string, object | undefined, string]> = [
      ['/api/v1/what-if', { clientId: 100002, changes: {}, notes: 'x' }, 'notes'],
      ['/api/v1/explanations', { application: EXAMPLE_APPLICATION, explainIn: 'fr' }, 'explainIn'],
      ['/api/v1/score', { applications: [EXAMPLE_APPLICATION], dryRun: true }, 'dryRun'],
      ['/api/v1/session', { username: 'officer', password: 'x', remember: true }, 'remember'],
      ['/api/v1/clients?colour=red', undefined, 'colour'],
      ['/api/v1/explanations/summary?top=3&sample=all', undefined, 'sample'],
    ];
    for (const [url, payload, field] of cases) {
      const response = payload ? await post(url, payload) : await gateway.app.inject({ url, headers: withKey });
      const body = assertEnvelope(response, 400, url);
      assert.equal(body.field, field, `${url}: ${body.message}`);
      assert.match(body.message, /not a known field/);
    }
  });

  test(`a batch over ${MAX_BATCH} applications is refused whole, before any is checked against the model`, async () => {
    const applications = Array.from({ length: MAX_BATCH + 1 }, () => EXAMPLE_APPLICATION);
    const body = assertEnvelope(await post('/api/v1/score', { applications }), 400, 'batch');
    assert.equal(body.field, 'applications');
    assert.match(body.message, new RegExp(`more than ${MAX_BATCH} items`));
  });

  test("Fastify's own errors are in the envelope: bad URL, 413, 414, 415", async () => {
    assertEnvelope(await gateway.app.inject({ url: '/api/v1/clients/%E0%A4%A', headers: withKey }), 400, 'bad URL');
    assertEnvelope(await post('/api/v1/score', `"${'x'.repeat(9 * 1024 * 1024)}"`), 413, 'a body over the limit');
    assertEnvelope(await gateway.app.inject({ url: `/get_score/${'1'.repeat(200)}`, headers: withKey }), 414, '414');
    for (const type of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded']) {
      const body = assertEnvelope(await post('/api/v1/score', 'a=1', { 'content-type': type }), 415, type);
      assert.match(body.message, /application\/json/);
    }
  });

  test('a wrong method on a known path is a 405 naming the methods it takes; an unknown path a 404', async () => {
    const cases: Array<[string, string, string]> = [
      ['PUT', '/api/v1/score', 'POST'],
      ['GET', '/api/v1/what-if', 'POST'],
      ['DELETE', '/api/v1/clients/100002', 'GET, HEAD'],
      ['POST', '/get_score/100002', 'GET, HEAD'],
      ['PATCH', '/api/v1/session', 'DELETE, GET, HEAD, POST'],
    ];
    for (const [method, url, allow] of cases) {
      const response = await gateway.app.inject({ method: method as 'GET', url, headers: withKey });
      assert.equal(assertEnvelope(response, 405, `${method} ${url}`).code, 'method_not_allowed');
      assert.equal(response.headers['allow'], allow, `${method} ${url}`);
    }
    assertEnvelope(await gateway.app.inject({ url: '/api/v1/nothing-here', headers: withKey }), 404, 'unknown path');
  });
});

/** Served with the dashboard, whose catch-all route for its files is where the router sends what no API route took. */
describe('with the dashboard served, an API path is never answered as a file', () => {
  let gateway: Gateway;
  before(async () => {
    const webDir = mkdtempSync(join(tmpdir(), 'octroi-web-'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Octroi</title>');
    gateway = await testGateway({ webDir });
  });
  after(async () => {
    await gateway.app.close();
  });
  const get = (url: string) => gateway.app.inject({ url, headers: withKey });

  test('a path parameter over the length the router takes is a 414, not a 405 naming the method asked', async () => {
    const long = '0'.repeat(150);
    for (const url of [
      `/v2/models/${long}`,
      `/v2/models/${long}/ready`,
      `/v2/models/octroi/versions/${long}`,
      `/v2/models/octroi/versions/${long}/ready`,
      `/api/v1/clients/${long}`,
      `/get_score/${long}`,
    ]) {
      const body = assertEnvelope(await get(url), 414, url.slice(0, 40));
      assert.match(body.message, /part of the path is longer/);
    }
  });

  test("odd percent-encoded characters in a long path part are a 414 too, not the file lookup's 403", async () => {
    const odd = '%F3%B3%88%8CS%3FLr%5C%C3%84'.repeat(20); // a backslash is what the file lookup refused
    for (const url of [`/v2/models/${odd}/ready`, `/v2/models/octroi/versions/${odd}`]) {
      const body = assertEnvelope(await get(url), 414, url.slice(0, 40));
      assert.doesNotMatch(body.message, /Forbidden/);
    }
  });

  test('the dashboard is still served: its files and its index page for its own routes', async () => {
    const page = await gateway.app.inject('/en/clients/100002');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>Octroi<\/title>/);
    assertEnvelope(await get('/api/v1/nothing-here'), 404, 'an unknown API path');
  });
});

test('a request line over the size Node reads is answered in the envelope on the socket, with the headers', async () => {
  const gateway = await testGateway();
  await gateway.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = gateway.app.server.address() as { port: number };
  const answer = await new Promise<string>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () =>
      socket.write(`GET /api/v1/clients?search=${'1'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`),
    );
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
  });
  await gateway.app.close();
  const [head, body] = answer.split('\r\n\r\n');
  assert.match(head!, /^HTTP\/1\.1 431 /);
  assert.match(head!, /content-security-policy: default-src 'self'/i);
  const parsed = JSON.parse(body!);
  assert.equal(parsed.code, 'bad_request');
  assert.match(head!, new RegExp(`x-request-id: ${parsed.requestId}`, 'i'));
});
