import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ModelRoles } from '@octroi/contracts';
import { createLogger, followModelRoles, ServedModels } from '../src/index.ts';
import { sleep } from './helpers.ts';

const log = createLogger('served-models-test', 'silent');

/** Models that are only their name, loaded when the test says so. */
function loader() {
  const pending = new Map<string, () => void>();
  const loads: string[] = [];
  const released: string[] = [];
  let broken = new Set<string>();
  return {
    loads,
    released,
    breakVersion: (version: string) => (broken = new Set([...broken, version])),
    finish: (version: string) => pending.get(version)?.(),
    options: (manual = false) => ({
      log,
      releaseAfterMs: 5,
      release: (model: { name: string }) => void released.push(model.name),
      load: (version: string) => {
        loads.push(version);
        if (broken.has(version)) return Promise.reject(new Error(`${version} is broken`));
        if (!manual) return Promise.resolve({ name: version });
        return new Promise<{ name: string }>((resolve) => pending.set(version, () => resolve({ name: version })));
      },
    }),
  };
}

test('a switch loads the new champion first; a request holding the old one keeps it', async () => {
  const models = loader();
  const starting = ServedModels.start({ champion: 'a' }, models.options(true));
  models.finish('a');
  const served = await starting;
  const inFlight = served.champion();
  const switching = served.apply({ champion: 'b' });
  await sleep(20);
  assert.equal(served.champion().version, 'a', 'still a while b loads');
  models.finish('b');
  assert.equal(await switching.then((before) => before?.champion), 'a');
  assert.equal(served.champion().model.name, 'b');
  assert.equal(inFlight.model.name, 'a', 'what a request took does not change');
  assert.equal(await served.apply({ champion: 'b' }), undefined, 'the same roles again change nothing');
});

test('a version that cannot be loaded changes nothing, and is tried again next time', async () => {
  const models = loader();
  const served = await ServedModels.start({ champion: 'a' }, models.options());
  models.breakVersion('bad');
  await assert.rejects(served.apply({ champion: 'bad', challenger: 'c' }), /bad is broken/);
  assert.deepEqual(served.current(), { champion: 'a' });
  await assert.rejects(served.version('bad'));
  assert.equal(models.loads.filter((v) => v === 'bad').length, 2);
});

test('the replaced champion stays loaded for a rollback; older ones are released', async () => {
  const models = loader();
  const served = await ServedModels.start({ champion: 'a', challenger: 'b' }, models.options());
  assert.equal(served.challenger()?.model.name, 'b');
  await served.apply({ champion: 'b' }); // promote the challenger
  await served.apply({ champion: 'a' }); // roll back
  assert.deepEqual(models.loads, ['a', 'b'], 'nothing loaded twice');
  await served.apply({ champion: 'c' });
  await served.apply({ champion: 'd' });
  await sleep(30);
  assert.deepEqual(models.released, ['b', 'a'], 'each released once no role and no rollback needs it');
  assert.equal((await served.version('c')).name, 'c', 'the champion before d is still there');
});

test('followModelRoles: every change of the shared roles is applied and told once; a failing read keeps the models', async () => {
  const models = loader();
  const served = await ServedModels.start({ champion: 'a' }, models.options());
  let shared: ModelRoles | Error = { champion: 'a' };
  const switches: string[] = [];
  const follower = followModelRoles(
    served,
    async () => {
      if (shared instanceof Error) throw shared;
      return shared;
    },
    { intervalMs: 10, log, onSwitch: (before, after) => void switches.push(`${before.champion}>${after.champion}`) },
  );
  shared = { champion: 'b', challenger: 'a' };
  await sleep(60);
  assert.deepEqual(served.current(), { champion: 'b', challenger: 'a' });
  shared = new Error('store unavailable');
  await sleep(40);
  assert.equal(served.champion().version, 'b');
  shared = { champion: 'a' };
  await follower.check();
  await follower.stop();
  assert.deepEqual(switches, ['a>b', 'b>a']);
});

test('followModelRoles: a slow read of the roles from before a promotion is never applied after it', async () => {
  const models = loader();
  const served = await ServedModels.start({ champion: 'a' }, models.options());
  let reads = 0;
  const follower = followModelRoles(
    served,
    async () => {
      // The first read saw the store before the promotion and answers late; the second saw it after.
      if (reads++ === 0) return sleep(50).then(() => ({ champion: 'a' }));
      return { champion: 'b' };
    },
    { intervalMs: 60_000, log, onSwitch: () => {} },
  );
  await Promise.all([follower.check(), follower.check()]);
  await follower.stop();
  assert.equal(served.champion().version, 'b');
});
