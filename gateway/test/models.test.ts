import assert from 'node:assert/strict';
import { mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { EXAMPLE_APPLICATION, type ModelList } from '@octroi/contracts';
import { defaultModelDir, loadBundle } from '@octroi/model-bundle';
import { writeVariantBundle } from '@octroi/model-bundle/testing';
import { embeddedSystem, withKey } from './helpers.ts';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * The model roles through the API, on the embedded system with two bundles in MODELS_DIR: the shipped one and a
 * variant of it with a lower threshold. Only a signed-in administrator changes a role; every change is answered
 * with the new roles, and the next decisions are made by the new champion.
 */
describe('model bundles and their roles, through the API', () => {
  let system: Awaited<ReturnType<typeof embeddedSystem>>;
  let shipped: { version: string; threshold: number };
  const variant = `variant-${Date.now()}`;
  const cookies: Record<'admin' | 'officer', string> = { admin: '', officer: '' };

  before(async () => {
    const models = await mkdtemp(join(tmpdir(), 'octroi-models-'));
    await symlink(resolve(defaultModelDir()), join(models, 'shipped'));
    await writeVariantBundle(defaultModelDir(), join(models, 'variant'), { version: variant, thresholdShift: -0.05 });
    const bundle = await loadBundle(defaultModelDir());
    shipped = { version: bundle.version, threshold: bundle.decision.threshold };
    Object.assign(process.env, {
      MODELS_DIR: models,
      MODEL_DIR: resolve(defaultModelDir()),
      OCTROI_DATA_DIR: await mkdtemp(join(tmpdir(), 'octroi-data-')),
      MODEL_ROLES_POLL_MS: '100',
    });
    system = await embeddedSystem();
    for (const role of ['admin', 'officer'] as const) {
      await system.users.add({ username: `${role}-1`, displayName: role, role }, `${role}-password-0123`);
      const signedIn = await system.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: `${role}-1`, password: `${role}-password-0123` },
      });
      assert.equal(signedIn.statusCode, 200, signedIn.body);
      cookies[role] = String(signedIn.headers['set-cookie']).split(';')[0]!;
    }
  });
  after(async () => {
    await system?.stop();
    for (const name of ['MODELS_DIR', 'MODEL_DIR', 'OCTROI_DATA_DIR', 'MODEL_ROLES_POLL_MS'])
      Reflect.deleteProperty(process.env, name);
  });

  const list = async () => (await system.app.inject({ url: '/api/v1/models', headers: withKey })).json<ModelList>();
  const setRole = (role: string, body: unknown, headers: Record<string, string> = { cookie: cookies.admin }) =>
    system.app.inject({ method: 'PUT', url: `/api/v1/models/${role}`, headers, payload: body as object });
  const scoredBy = async () => {
    const scored = await system.app.inject({
      method: 'POST',
      url: '/api/v1/score',
      headers: withKey,
      payload: EXAMPLE_APPLICATION,
    });
    assert.equal(scored.statusCode, 200, scored.body);
    return scored.json<{ modelVersion: string }>().modelVersion;
  };

  test('the list: both bundles, the shipped one champion (MODEL_DIR), each with its own threshold', async () => {
    const models = await list();
    assert.equal(models.champion, shipped.version);
    assert.equal(models.challenger, null);
    const byVersion = new Map(models.models.map((model) => [model.version, model]));
    assert.deepEqual([...byVersion.keys()].sort(), [shipped.version, variant].sort());
    assert.equal(byVersion.get(shipped.version)?.role, 'champion');
    assert.equal(byVersion.get(variant)?.role, null);
    assert.ok(Math.abs(byVersion.get(variant)!.metrics.threshold - (shipped.threshold - 0.05)) < 1e-9);
  });

  test('an API key or an officer cannot change a role; nothing changes', async () => {
    for (const headers of [withKey, { cookie: cookies.officer }]) {
      const refused = await setRole('champion', { version: variant, reason: 'lower threshold' }, headers);
      assert.equal(refused.statusCode, 403, refused.body);
      assert.equal(refused.json().code, 'forbidden');
    }
    assert.equal((await list()).champion, shipped.version);
  });

  test('an unknown version is a 404 naming the field; the champion as its own challenger a 409; no reason a 400', async () => {
    const unknown = await setRole('champion', { version: 'no-such-version', reason: 'a typo' });
    assert.equal(unknown.statusCode, 404, unknown.body);
    assert.equal(unknown.json().field, 'version');
    const itself = await setRole('challenger', { version: shipped.version, reason: 'back to the shipped one' });
    assert.equal(itself.statusCode, 409, itself.body);
    const extra = await setRole('champion', { version: variant, reason: 'lower threshold', why: 'x' });
    assert.equal(extra.statusCode, 400, extra.body);
    const noReason = await setRole('champion', { version: variant });
    assert.equal(noReason.statusCode, 400, noReason.body);
    assert.match(noReason.body, /reason/, 'the answer names the missing field');
  });

  test('an administrator shadows, promotes and rolls back: the answer holds the new roles, decisions follow', async () => {
    const shadowed = await setRole('challenger', { version: variant, reason: 'lower threshold' });
    assert.equal(shadowed.statusCode, 200, shadowed.body);
    assert.deepEqual(
      [shadowed.json<ModelList>().champion, shadowed.json<ModelList>().challenger],
      [shipped.version, variant],
    );
    assert.equal(await scoredBy(), shipped.version, 'a challenger never decides');

    const promoted = (await setRole('champion', { version: variant, reason: 'lower threshold' })).json<ModelList>();
    assert.deepEqual(
      [promoted.champion, promoted.challenger],
      [variant, null],
      'the challenger promoted leaves shadow',
    );
    const byAdmin = promoted.models.find((model) => model.version === variant);
    assert.deepEqual([byAdmin?.by, byAdmin?.reason], ['admin-1', 'lower threshold'], 'who and why');
    assert.equal(await scoredBy(), variant, 'the replica that carried the promotion switched before answering');
    const described = async () =>
      (await system.app.inject({ url: '/api/v1/model', headers: withKey })).json<{ version: string }>().version;
    for (let i = 0; i < 50 && (await described()) !== variant; i++) await sleep(100);
    assert.equal(await described(), variant, 'the model described is the champion');

    const rolledBack = (
      await setRole('champion', { version: shipped.version, reason: 'back to the shipped one' })
    ).json<ModelList>();
    assert.equal(rolledBack.champion, shipped.version);
    assert.equal(await scoredBy(), shipped.version);

    const retired = await system.app.inject({
      method: 'DELETE',
      url: '/api/v1/models/challenger',
      headers: { cookie: cookies.admin },
    });
    assert.equal(retired.statusCode, 200, retired.body);
    assert.equal(retired.json<ModelList>().challenger, null);
  });
});
