import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyRequest } from 'fastify';
import { endpoints, type Endpoint, type ModelInfo, type Score } from '@octroi/contracts';
import { MemoryCache, OctroiError, processMetrics, type Runtime } from '@octroi/runtime';
import type { Forward } from '../src/plugins/app/bus.ts';
import { currentModel } from '../src/plugins/app/current-model.ts';
import { knownClientScores } from '../src/plugins/app/known-client-scores.ts';

const request = { id: 'request-1', log: { warn: () => undefined } } as unknown as FastifyRequest;
/** Lets a refresh started behind a request land. */
const settle = () => new Promise((resolve) => setImmediate(resolve));
const caches = new Map<string, MemoryCache>();
const runtime: Pick<Runtime, 'cache'> = {
  cache: (modelVersion, { owner = 'gateway' } = {}) => {
    const cache =
      caches.get(`${owner}/${modelVersion}`) ?? new MemoryCache({ name: owner, modelVersion }, processMetrics());
    caches.set(`${owner}/${modelVersion}`, cache);
    return cache;
  },
};
const decision = (modelVersion: string, clientId: number): Score => ({
  probabilityOfDefault: 0.3,
  decision: 'refused',
  threshold: 0.1,
  modelVersion,
  clientId,
  decisionId: `recorded-${clientId}`,
});

/**
 * A scoring service stand-in that counts what it is asked, answering with the model version it is told; `frozen`
 * leaves its answers pending, as a replica stopped in the middle of a request would.
 */
function scoringStandIn(version: { current: string; down?: boolean; frozen?: boolean }) {
  const asked: string[] = [];
  const forward = (async (endpoint: Endpoint, payload: { clientId?: number }) => {
    asked.push(endpoint.subject);
    if (version.frozen) return new Promise(() => undefined);
    if (version.down) throw new OctroiError('unavailable', 'no scoring replica');
    if (endpoint === endpoints.scoring.model) return { name: 'home-credit', version: version.current } as ModelInfo;
    return { ...decision(version.current, payload.clientId!), decisionId: 'decided-now' };
  }) as unknown as Forward;
  return { forward, asked };
}

test("a known client's decision, once answered by the scoring service, is answered again from the gateway's cache", async () => {
  const version = { current: `v-${Math.random()}` };
  const { forward, asked } = scoringStandIn(version);
  const model = currentModel(forward);
  await model(request);
  const scoreOf = knownClientScores(runtime, forward, model);

  assert.equal((await scoreOf(7, request)).decisionId, 'decided-now');
  assert.equal((await scoreOf(7, request)).decisionId, 'decided-now');
  assert.deepEqual(
    asked,
    [endpoints.scoring.model.subject, endpoints.scoring.scoreClient.subject],
    'the scoring service was asked once',
  );
  await scoreOf(8, request);
  assert.deepEqual(asked.slice(2), [endpoints.scoring.scoreClient.subject], 'another client: asked again');
});

test("once the scoring service serves another model, the previous model's decisions are not answered", async () => {
  const version = { current: `old-${Math.random()}` };
  const { forward, asked } = scoringStandIn(version);
  const model = currentModel(forward, 0);
  await model(request);
  const scoreOf = knownClientScores(runtime, forward, model);
  assert.equal((await scoreOf(7, request)).modelVersion, version.current);

  version.current = `new-${Math.random()}`;
  await scoreOf(7, request); // answered with the last known version while the new one is asked for
  await settle();
  const answer = await scoreOf(7, request);
  assert.equal(answer.modelVersion, version.current);
  assert.equal(asked.filter((subject) => subject === endpoints.scoring.scoreClient.subject).length, 2);
});

test('with the scoring service unreachable the request goes to it, and fails as it would', async () => {
  const { forward } = scoringStandIn({ current: 'v1', down: true });
  const scoreOf = knownClientScores(runtime, forward, currentModel(forward));
  await assert.rejects(scoreOf(7, request), (err: OctroiError) => err.code === 'unavailable');
});

test('callers arriving together share one request for the model, and a failed one is asked again', async () => {
  const version = { current: 'v1', down: true };
  const { forward, asked } = scoringStandIn(version);
  const model = currentModel(forward);
  await Promise.all([model(request), model(request), model(request)].map((pending) => pending.catch(() => undefined)));
  assert.equal(asked.length, 1);
  version.down = false;
  assert.equal((await model(request)).version, 'v1');
  assert.equal(asked.length, 2);
});

test('replicas answering with two model versions in turn (a rolling update) do not open a cache each time', async () => {
  const version = { current: 'a' };
  const { forward } = scoringStandIn(version);
  const opened: string[] = [];
  const counting: Pick<Runtime, 'cache'> = {
    cache: (modelVersion, options) => (opened.push(modelVersion), runtime.cache(modelVersion, options)),
  };
  const scoreOf = knownClientScores(counting, forward, currentModel(forward, 0));
  for (const next of ['a', 'b', 'a', 'b', 'c', 'a']) {
    version.current = next;
    await scoreOf(7, request);
    await settle();
    assert.equal((await scoreOf(7, request)).modelVersion, next);
  }
  assert.deepEqual(opened, ['a', 'b', 'c', 'a'], 'the last two versions are kept; a third drops the oldest');
});

test('a stale description is answered at once while its refresh hangs on a frozen replica', async () => {
  const version = { current: 'v1', frozen: false };
  const { forward, asked } = scoringStandIn(version);
  const model = currentModel(forward, 0);
  assert.equal((await model(request)).version, 'v1');
  version.frozen = true;
  const answers = await Promise.all([model(request), model(request), model(request)]);
  assert.deepEqual(
    answers.map((answer) => answer.version),
    ['v1', 'v1', 'v1'],
  );
  assert.equal(asked.length, 2, 'one refresh is pending, shared by everyone');
});

test('a failed refresh keeps the last known description', async () => {
  const version = { current: 'v1', down: false };
  const { forward } = scoringStandIn(version);
  const model = currentModel(forward, 0);
  await model(request);
  version.down = true;
  version.current = 'v2';
  await model(request);
  await settle();
  assert.equal(model.latest(request)?.version, 'v1');
  version.down = false;
  await settle();
  assert.equal(model.latest(request)?.version, 'v1', 'the refresh asked for here lands after this answer');
  await settle();
  assert.equal(model.latest(request)?.version, 'v2');
});

test("a known client's score never waits for the model's description", async () => {
  const version = { current: 'v1', frozen: true };
  const asked: string[] = [];
  const forward = (async (endpoint: Endpoint, payload: { clientId?: number }) => {
    asked.push(endpoint.subject);
    if (endpoint === endpoints.scoring.model) return new Promise(() => undefined);
    return { ...decision(version.current, payload.clientId!), decisionId: 'decided-now' };
  }) as unknown as Forward;
  const scoreOf = knownClientScores(runtime, forward, currentModel(forward));
  assert.equal((await scoreOf(9, request)).decisionId, 'decided-now');
  assert.deepEqual(asked.sort(), [endpoints.scoring.model.subject, endpoints.scoring.scoreClient.subject].sort());
});
