import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Health } from '../src/index.ts';

test('a component has started up once its last start-up step is done, not before', async () => {
  const health = new Health();
  const loaded = health.waitFor('the model');
  const computed = health.waitFor('the global importance');
  let startedUp = false;
  const waiting = health.startedUp().then(() => (startedUp = true));

  loaded();
  await new Promise((next) => setImmediate(next));
  assert.equal(startedUp, false);
  assert.deepEqual(health.notReadyBecause, ['the global importance']);

  computed();
  await waiting;
  assert.equal(health.ready, true);
  await health.startedUp(); // and at once, from then on
});
