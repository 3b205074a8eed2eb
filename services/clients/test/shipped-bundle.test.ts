import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultModelDir, loadBundle } from '@octroi/model-bundle';
import { ClientsDirectory } from '../src/index.ts';

const dir = defaultModelDir();

describe('the clients directory over the shipped bundle', () => {
  it('answers every request for a client', async () => {
    const bundle = await loadBundle(dir);
    const directory = await ClientsDirectory.load(bundle);
    const [clientId] = directory.ids();
    assert.ok(clientId !== undefined);
    const record = directory.get(clientId, 'en');
    assert.ok(record.groups.length >= 5);
    assert.ok(record.groups.every((group) => group.fields.every((field) => field.label.length > 0)));
    assert.equal(directory.list({ page: 1, pageSize: 20 }).total, directory.size);
    const similar = directory.similar(clientId, 10);
    assert.equal(similar.neighbours.length, 10);
    assert.ok(similar.features.length >= 5);
    const [first, second] = similar.features;
    const population = directory.population(first!, clientId);
    assert.equal(population.quantiles.length, 101);
    assert.ok(directory.sample({ x: first!, y: second!, size: 500 }).points.length > 0);
  });
});
