import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decisionFor, decisionRuleOf, probabilityRangeOf, type DecisionRule } from '../src/decision.ts';

const rule: DecisionRule = { threshold: 0.2, referralBand: 0.01 };

describe('decisionFor', () => {
  it('refers a probability within the band around the threshold to an officer', () => {
    assert.equal(decisionFor(0.1899, rule), 'granted');
    assert.equal(decisionFor(0.1901, rule), 'referred');
    assert.equal(decisionFor(0.2, rule), 'referred');
    assert.equal(decisionFor(0.2099, rule), 'referred');
    assert.equal(decisionFor(0.2101, rule), 'refused');
  });

  it('decides at the threshold alone when the policy has no band', () => {
    const noBand = { threshold: 0.2, referralBand: 0 };
    assert.equal(decisionFor(0.1999, noBand), 'granted');
    assert.equal(decisionFor(0.2, noBand), 'refused');
  });

  it('gives each decision the range of probabilities a list filter compares with', () => {
    const probabilities = Array.from({ length: 1001 }, (_, i) => i / 1000);
    for (const decision of ['granted', 'referred', 'refused'] as const) {
      const [from, below] = probabilityRangeOf(decision, rule);
      const inRange = probabilities.filter((p) => p >= from && p < below);
      assert.deepEqual(
        inRange,
        probabilities.filter((p) => decisionFor(p, rule) === decision),
        decision,
      );
    }
  });

  it('reads the rule from the bundle and its policy', () => {
    assert.deepEqual(decisionRuleOf({ decision: { threshold: 0.086 }, policy: { referral: { band: 0.01 } } }), {
      threshold: 0.086,
      referralBand: 0.01,
    });
  });
});
