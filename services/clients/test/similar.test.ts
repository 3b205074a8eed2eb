import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError, loadApplicantFeatures, loadBundle } from '@octroi/model-bundle';
import { tinyClientId, writeTinyBundle } from '@octroi/model-bundle/testing';
import { SimilarityIndex } from '../src/index.ts';
import { tinyDirectory } from './directory.ts';

describe('ClientsDirectory.similar', () => {
  it('measures likeness on the most important numeric features', async () => {
    const similar = (await tinyDirectory()).similar(tinyClientId(0), 5);
    assert.deepEqual(similar.features, [
      'EXT_SOURCE_MEAN',
      'CREDIT_INCOME_RATIO',
      'AGE_YEARS',
      'BUREAU_ACTIVE_COUNT',
      'AMT_ANNUITY',
    ]);
  });

  it('gives the k nearest other clients, nearest first, with their score and outcome', async () => {
    const similar = (await tinyDirectory()).similar(tinyClientId(0), 5);
    assert.equal(similar.neighbours.length, 5);
    assert.ok(similar.neighbours.every((n) => n.clientId !== tinyClientId(0)));
    const distances = similar.neighbours.map((n) => n.distance);
    assert.deepEqual(
      distances,
      [...distances].sort((a, b) => a - b),
    );
    assert.ok(
      similar.neighbours.every((n) => ['granted', 'refused'].includes(n.decision) && n.probabilityOfDefault > 0),
    );
  });

  it('agrees with a plain computation of the distance', async () => {
    const bundle = await loadBundle(await writeTinyBundle());
    const features = await loadApplicantFeatures(bundle);
    const index = new SimilarityIndex(bundle, features, 2); // EXT_SOURCE_MEAN and CREDIT_INCOME_RATIO, never missing
    const z = (row: number, j: number) => {
      const stats = bundle.population.get(index.featureNames[j]!)!;
      return (features.features(row)[j]! - stats.mean!) / stats.std!;
    };
    const expected = Array.from({ length: features.size }, (_, row) => ({
      clientId: features.ids[row]!,
      distance: Math.hypot(z(row, 0) - z(7, 0), z(row, 1) - z(7, 1)),
    }))
      .filter((n) => n.clientId !== features.ids[7])
      .sort((a, b) => a.distance - b.distance)
      .slice(0, 3);
    const actual = index.similar(features.ids[7]!, 3).neighbours;
    assert.deepEqual(
      actual.map((n) => n.clientId),
      expected.map((n) => n.clientId),
    );
    actual.forEach((n, i) => assert.ok(Math.abs(n.distance - expected[i]!.distance) < 1e-5));
  });

  it('answers not_found for an unknown client', async () => {
    const directory = await tinyDirectory();
    assert.throws(
      () => directory.similar(42, 3),
      (error: DomainError) => error.code === 'not_found',
    );
  });
});
