import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stabilityIndex } from '../src/stability-index.ts';

test('the same shares as in training give an index of zero', () => {
  assert.equal(stabilityIndex([0.2, 0.3, 0.5], [20, 30, 50]), 0);
  assert.equal(stabilityIndex([0.2, 0.3, 0.5], [2, 3, 5]), 0, 'shares, not counts');
});

test('a population moved from one half to the other: (0.8 − 0.5)·ln(0.8/0.5) + (0.2 − 0.5)·ln(0.2/0.5)', () => {
  // 0.3 × 0.470004 + 0.3 × 0.916291 = 0.415888, worked out by hand from the definition.
  assert.ok(Math.abs(stabilityIndex([0.5, 0.5], [80, 20])! - 0.415888) < 1e-6);
});

test('it is symmetric in the two populations', () => {
  const a = [0.1, 0.2, 0.3, 0.4];
  const b = [0.25, 0.25, 0.25, 0.25];
  assert.ok(Math.abs(stabilityIndex(a, b)! - stabilityIndex(b, a)!) < 1e-12);
});

test('an empty bin on either side gives a large but finite index', () => {
  const index = stabilityIndex([0.5, 0.5, 0], [0, 50, 50])!;
  assert.ok(Number.isFinite(index) && index > 1, String(index));
});

test('no live application, no index', () => {
  assert.equal(stabilityIndex([0.5, 0.5], [0, 0]), null);
  assert.equal(stabilityIndex([0.5, 0.5], []), null);
});
