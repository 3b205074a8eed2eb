import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '@octroi/model-bundle';
import { tinyClientId } from '@octroi/model-bundle/testing';
import { tinyDirectory } from './directory.ts';

const isBadRequest = (name: string) => (error: DomainError) =>
  error.code === 'bad_request' && error.message.includes(name);

describe('ClientsDirectory.population', () => {
  it('gives the statistics of a feature, labelled', async () => {
    const population = (await tinyDirectory()).population('AGE_YEARS', undefined, 'en');
    assert.equal(population.label, 'Age');
    assert.equal(population.kind, 'numeric');
    assert.equal(population.quantiles.length, 101);
    assert.equal(population.histogram.length, 10);
    assert.equal('clientValue' in population, false);
  });

  it("places the client's value among the population", async () => {
    const directory = await tinyDirectory();
    const population = directory.population('AGE_YEARS', tinyClientId(5));
    assert.equal(population.label, 'Âge');
    const age = directory.features(tinyClientId(5)).features[2];
    assert.equal(population.clientValue, age);
    assert.ok(population.clientPercentile! >= 0 && population.clientPercentile! <= 100);
  });

  it('has no percentile for a categorical feature or a missing value', async () => {
    const directory = await tinyDirectory();
    const contract = directory.population('NAME_CONTRACT_TYPE', tinyClientId(0));
    assert.deepEqual(contract.categories, ['Cash loans', 'Revolving loans']);
    assert.equal(contract.clientPercentile, null);
    const missing = directory.ids().find((id) => directory.features(id).features[4] === null)!;
    const bureau = directory.population('BUREAU_ACTIVE_COUNT', missing);
    assert.deepEqual([bureau.clientValue, bureau.clientPercentile], [null, null]);
  });

  it('answers bad_request naming an unknown feature, not_found for an unknown client', async () => {
    const directory = await tinyDirectory();
    assert.throws(() => directory.population('SHOE_SIZE'), isBadRequest('SHOE_SIZE'));
    assert.throws(
      () => directory.population('AGE_YEARS', 1),
      (error: DomainError) => error.code === 'not_found',
    );
  });
});

describe('ClientsDirectory.sample', () => {
  it('samples applicants with both features known, the same way every time', async () => {
    const directory = await tinyDirectory();
    const query = { x: 'AGE_YEARS', y: 'BUREAU_ACTIVE_COUNT', size: 20 };
    const sample = directory.sample(query);
    assert.equal(sample.points.length, 20);
    assert.ok(sample.points.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y)));
    assert.equal(new Set(sample.points.map((p) => p.clientId)).size, 20);
    assert.deepEqual(directory.sample(query), sample);
    const everyone = directory.sample({ ...query, size: 5000 });
    assert.ok(everyone.points.length < 60, 'rows with a missing value are left out');
  });

  it("adds the client's own point", async () => {
    const sample = (await tinyDirectory()).sample({
      x: 'AGE_YEARS',
      y: 'EXT_SOURCE_MEAN',
      size: 10,
      clientId: tinyClientId(3),
    });
    assert.equal(sample.client?.clientId, tinyClientId(3));
    assert.equal(typeof sample.client?.x, 'number');
  });

  it('answers bad_request naming the unknown axis', async () => {
    const directory = await tinyDirectory();
    assert.throws(
      () => directory.sample({ x: 'AGE_YEARS', y: 'NOPE', size: 10 }),
      (error: DomainError) => error.field === 'y' && isBadRequest('NOPE')(error),
    );
  });
});
