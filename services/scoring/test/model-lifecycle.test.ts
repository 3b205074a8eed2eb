import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { BundleCatalogue } from '@octroi/model-bundle';
import { writeTinyBundle } from '@octroi/model-bundle/testing';
import { ModelLifecycle, type ModelPointerStore, type RoleChange } from '../src/model-lifecycle.ts';

/** The `models` bucket in memory: what the lifecycle reads and writes, to look at afterwards. */
function memoryPointers(): ModelPointerStore & { values: Map<string, unknown> } {
  const values = new Map<string, unknown>();
  return {
    values,
    get: async <T>(key: string) => (values.has(key) ? { value: values.get(key) as T } : undefined),
    put: async (key, value) => void values.set(key, value),
    delete: async (key) => void values.delete(key),
  };
}

const alice = { principal: 'alice', requestId: 'r-1', reason: 'better recall on last quarter' };
const bob = { principal: 'bob', requestId: 'r-2', reason: 'complaints about refusals' };

describe('promotion, rollback and shadow, the scoring service side', () => {
  let folder: string;
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'octroi-models-'));
    for (const [name, version, createdAt] of [
      ['first', 'v1', '2026-11-01T00:00:00Z'],
      ['second', 'v2', '2026-10-01T00:00:00Z'],
    ] as const) {
      const dir = await writeTinyBundle(join(folder, name));
      const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
      await writeFile(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, version, createdAt }));
    }
  });

  function lifecycle_(checkFails?: string) {
    const pointers = memoryPointers();
    const events: string[] = [];
    const records: RoleChange[] = [];
    const lifecycle = new ModelLifecycle({
      catalogue: BundleCatalogue.ofFolder(folder),
      pointers,
      check: async (version) => {
        events.push(`check ${version}`);
        if (version === checkFails) throw new Error(`${version} cannot be loaded`);
      },
      record: async (change) => {
        records.push(change);
        events.push(`record ${change.role} ${change.version}`);
        return `promotion-${records.length}`;
      },
      applied: async () => void events.push('applied'),
    });
    return { lifecycle, pointers, events, records };
  }

  test('the list: every bundle with its metrics, the newest the champion until someone chooses', async () => {
    const { lifecycle } = lifecycle_();
    const list = await lifecycle.list();
    assert.equal(list.champion, 'v1');
    assert.equal(list.challenger, null);
    assert.deepEqual(
      list.models.map((m) => [m.version, m.role, m.metrics.threshold]),
      [
        ['v1', 'champion', 0.3],
        ['v2', null, 0.3],
      ],
    );
  });

  test('shadow, promotion of the challenger, rollback: each change checked, recorded, then written', async () => {
    const { lifecycle, pointers, events, records } = lifecycle_();
    let list = await lifecycle.promote('v2', 'challenger', alice);
    assert.deepEqual([list.champion, list.challenger], ['v1', 'v2']);
    const shadowed = list.models.find((m) => m.version === 'v2')!;
    assert.deepEqual([shadowed.by, shadowed.reason], ['alice', alice.reason], 'who and why, shown with the role');
    assert.deepEqual(events, ['check v2', 'record challenger v2', 'applied']);

    list = await lifecycle.promote('v2', 'champion', alice);
    assert.deepEqual([list.champion, list.challenger], ['v2', null], 'the challenger promoted is no longer one');
    assert.deepEqual(
      records.slice(1).map((r) => [r.role, r.version, r.previous]),
      [
        ['champion', 'v2', 'v1'],
        ['challenger', null, 'v2'],
      ],
    );
    assert.equal((pointers.values.get('champion') as { promotionId: string }).promotionId, 'promotion-2');

    list = await lifecycle.promote('v1', 'champion', bob); // rollback
    assert.equal(list.champion, 'v1');
    assert.deepEqual(records.at(-1), {
      ...records.at(-1),
      role: 'champion',
      version: 'v1',
      previous: 'v2',
      asker: bob,
    });
  });

  test('refused: an unknown version (404), the champion as its own challenger (409), a bundle that cannot load', async () => {
    const { lifecycle, records, pointers } = lifecycle_('v2');
    await assert.rejects(lifecycle.promote('v9', 'champion', alice), { code: 'not_found', field: 'version' });
    await assert.rejects(lifecycle.promote('v1', 'challenger', alice), { code: 'conflict' });
    await assert.rejects(lifecycle.promote('v2', 'champion', alice), /v2 cannot be loaded/);
    assert.equal(records.length, 0, 'nothing recorded');
    assert.equal(pointers.values.size, 0, 'nothing changed');
  });

  test('retiring the challenger is recorded; with none, nothing happens', async () => {
    const { lifecycle, records } = lifecycle_();
    await lifecycle.retireChallenger(alice);
    assert.equal(records.length, 0);
    await lifecycle.promote('v2', 'challenger', alice);
    const list = await lifecycle.retireChallenger(alice);
    assert.equal(list.challenger, null);
    assert.deepEqual(
      records.map((r) => [r.role, r.version, r.previous]),
      [
        ['challenger', 'v2', null],
        ['challenger', null, 'v2'],
      ],
    );
  });
});
