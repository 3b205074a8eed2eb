import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePopulation, percentileOf } from '../src/index.ts';

const linear = Array.from({ length: 101 }, (_, p) => p * 10); // p-th quantile is 10·p

describe('percentileOf', () => {
  it('interpolates between quantiles', () => {
    assert.equal(percentileOf(250, linear), 25);
    assert.equal(percentileOf(255, linear), 25.5);
  });

  it('clamps outside the observed range', () => {
    assert.equal(percentileOf(-5, linear), 0);
    assert.equal(percentileOf(5000, linear), 100);
  });

  it('puts a value shared by many applicants in the middle of its plateau', () => {
    const flag = Array.from({ length: 101 }, (_, p) => (p <= 60 ? 0 : 1));
    assert.equal(percentileOf(0, flag), 30);
    assert.equal(percentileOf(1, flag), 80.5);
  });

  it('has no answer for a missing value or a feature never observed', () => {
    assert.equal(percentileOf(NaN, linear), null);
    assert.equal(
      percentileOf(
        1,
        Array.from({ length: 101 }, () => null),
      ),
      null,
    );
  });
});

describe('parsePopulation', () => {
  const entry = {
    count: 10,
    missing: 2,
    mean: 1,
    std: 0.5,
    quantiles: linear,
    histogram: [{ from: 0, to: 1, repaid: 3, defaulted: 1 }],
  };

  it('reads an array of features, or an object keyed by feature', () => {
    for (const json of [[{ feature: 'A', ...entry }], { A: entry }, { features: { A: entry } }]) {
      const stats = parsePopulation(json);
      assert.ok(typeof stats !== 'string');
      assert.deepEqual(stats.get('A')?.histogram, entry.histogram);
      assert.equal(stats.get('A')?.missing, 2);
    }
  });

  it('reads the file as the training pipeline writes it', () => {
    const json = {
      rows: 12,
      features: {
        AGE: {
          count: 10,
          missing: 2,
          mean: 40,
          std: 9,
          quantiles: linear,
          histogram: [{ lower: 20, upper: 30, count0: 4, count1: 1 }],
        },
        CONTRACT: {
          count: 12,
          missing: 0,
          mean: 0.1,
          std: 0.3,
          quantiles: linear,
          histogram: [{ category: 'Cash loans', code: 0, count0: 9, count1: 1 }],
        },
        NEVER_SEEN: { count: 0, missing: 12, mean: null, std: null, quantiles: [], histogram: [] },
      },
    };
    const stats = parsePopulation(json);
    assert.ok(typeof stats !== 'string');
    assert.deepEqual(stats.get('AGE')?.histogram, [{ from: 20, to: 30, repaid: 4, defaulted: 1 }]);
    assert.deepEqual(stats.get('CONTRACT')?.histogram, [{ from: 0, to: 0, repaid: 9, defaulted: 1 }]);
    assert.equal(stats.get('NEVER_SEEN')?.quantiles.length, 101);
    assert.equal(stats.get('NEVER_SEEN')?.mean, null);
  });

  it('reads keyed quantiles and columnar histograms', () => {
    const quantiles = Object.fromEntries(linear.map((q, p) => [`p${String(p).padStart(2, '0')}`, q]));
    const histogram = { edges: [0, 1, 2], repaid: [5, 6], defaulted: [1, 0] };
    const stats = parsePopulation({ A: { count: 1, missing: 0, mean: null, std: null, ...quantiles, histogram } });
    assert.ok(typeof stats !== 'string');
    assert.equal(stats.get('A')?.quantiles[100], 1000);
    assert.deepEqual(stats.get('A')?.histogram[1], { from: 1, to: 2, repaid: 6, defaulted: 0 });
  });

  it('says what is wrong', () => {
    assert.match(parsePopulation({ A: { quantiles: [1, 2] } }) as string, /A: expected 101 quantiles, found 2/);
  });
});
