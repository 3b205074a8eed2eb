import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { goesLeft, type LightGbmDump, readForest } from '../src/forest.ts';

/** A one-split model: the split under test at node 0. */
function oneSplit(split: Record<string, unknown>): LightGbmDump {
  const leaf = (value: number) => ({ leaf_index: value, leaf_value: value, leaf_count: 10 });
  return {
    objective: 'binary sigmoid:1',
    feature_names: ['x'],
    tree_info: [
      {
        tree_structure: {
          split_feature: 0,
          internal_count: 20,
          left_child: leaf(0),
          right_child: leaf(1),
          ...split,
        },
      },
    ],
  };
}

const numeric = (missingType: string, defaultLeft: boolean) =>
  readForest(oneSplit({ decision_type: '<=', threshold: 0.5, missing_type: missingType, default_left: defaultLeft }));
const side = (forest: ReturnType<typeof readForest>, value: number) => (goesLeft(forest, 0, value) ? 'left' : 'right');

describe('LightGBM decision rules', () => {
  it('numerical splits go left at or below the threshold', () => {
    const forest = numeric('None', false);
    assert.equal(side(forest, 0.5), 'left');
    assert.equal(side(forest, Math.fround(0.50000001)), 'left');
    assert.equal(side(forest, 0.5000001), 'right');
  });

  it('missing type None reads NaN as 0', () => {
    assert.equal(side(numeric('None', false), Number.NaN), 'left');
    const negative = readForest(
      oneSplit({ decision_type: '<=', threshold: -1, missing_type: 'None', default_left: true }),
    );
    assert.equal(side(negative, Number.NaN), 'right');
  });

  it('missing type Zero sends 0, values within 1e-35 and NaN the default way', () => {
    for (const defaultLeft of [true, false]) {
      const forest = numeric('Zero', defaultLeft);
      const expected = defaultLeft ? 'left' : 'right';
      for (const value of [0, -0, 1e-36, -1e-36, Number.NaN]) assert.equal(side(forest, value), expected, `${value}`);
      assert.equal(side(forest, 1e-30), 'left');
    }
  });

  it('missing type NaN sends only NaN the default way', () => {
    assert.equal(side(numeric('NaN', false), Number.NaN), 'right');
    assert.equal(side(numeric('NaN', true), Number.NaN), 'left');
    assert.equal(side(numeric('NaN', false), 0), 'left');
  });

  it('categorical splits go left for the listed codes, truncating, and right for NaN, negative or unseen codes', () => {
    const forest = readForest(
      oneSplit({ decision_type: '==', threshold: '1||4||40', missing_type: 'NaN', default_left: false }),
    );
    assert.deepEqual(
      [1, 4, 40, 4.9, 0, 2, 39, 41, 1000, -1, -4, Number.NaN].map((v) => side(forest, v)),
      ['left', 'left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    );
  });

  it('refuses models the explanations would misread', () => {
    assert.throws(() => readForest({ ...oneSplit({}), objective: 'regression' }), /binary/);
    assert.throws(() => readForest({ ...oneSplit({}), num_tree_per_iteration: 3 }), /one tree/);
  });
});
