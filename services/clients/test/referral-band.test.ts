import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { automaticExpectedCost, referralBandReport } from '../src/referral-band.ts';

const costs = { costFalseNegative: 10, costFalsePositive: 1 };
const rule = { threshold: 0.1, referralBand: 0.02 };

describe('referral band report', () => {
  it('weighs an automatic grant by the chance of default, a refusal by the chance of repaying', () => {
    assert.equal(automaticExpectedCost(0.05, 0.1, costs), 0.5);
    assert.ok(Math.abs(automaticExpectedCost(0.2, 0.1, costs) - 0.8) < 1e-12);
  });

  it('counts the clients of the band, what deciding them automatically is expected to cost and what it did cost', () => {
    const clients = [
      { probabilityOfDefault: 0.01, defaulted: false }, // granted, outside the band
      { probabilityOfDefault: 0.09, defaulted: true }, // in the band, would have been granted: a default
      { probabilityOfDefault: 0.11, defaulted: false }, // in the band, would have been refused: a good client lost
      { probabilityOfDefault: 0.115, defaulted: null }, // in the band, a current application
      { probabilityOfDefault: 0.5, defaulted: true }, // refused, outside the band
    ];
    const report = referralBandReport(clients, rule, costs);
    assert.equal(report.clients, 5);
    assert.equal(report.referred.clients, 3);
    assert.equal(report.referred.share, 3 / 5);
    // 0.09 × 10 + (1 − 0.11) × 1 + (1 − 0.115) × 1
    assert.ok(Math.abs(report.referred.expectedCost - (0.9 + 0.89 + 0.885)) < 1e-9);
    assert.deepEqual(
      { known: report.referred.known, defaulted: report.referred.defaulted, observed: report.referred.observedCost },
      { known: 2, defaulted: 1, observed: 10 + 1 },
    );
  });

  it('bins the probabilities around the threshold, marking the bins inside the band', () => {
    const clients = [0.095, 0.105, 0.105, 0.13].map((p) => ({ probabilityOfDefault: p, defaulted: null }));
    const { bins } = referralBandReport(clients, rule, costs);
    assert.equal(bins.length, 12);
    assert.deepEqual(
      bins.filter((b) => b.referred).map((b) => [Number(b.from.toFixed(3)), Number(b.to.toFixed(3))]),
      [
        [0.08, 0.09],
        [0.09, 0.1],
        [0.1, 0.11],
        [0.11, 0.12],
      ],
    );
    assert.equal(
      bins.reduce((sum, b) => sum + b.clients, 0),
      4,
    );
    assert.equal(bins.find((b) => b.from <= 0.105 && 0.105 < b.to)!.clients, 2);
  });
});
