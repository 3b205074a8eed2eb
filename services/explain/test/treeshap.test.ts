import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FastTreeShap } from '../src/fast-treeshap.ts';
import { type Forest, probabilityOfDefault, rawScore, readForest } from '../src/forest.ts';
import { TreeShap } from '../src/treeshap.ts';
import { FIXTURE_MODELS, fixtureModel, fixtureReference, type Reference } from './fixtures.ts';

/** LightGBM's own pred_contrib agrees with ours to this, on every feature and row. */
const TOLERANCE = 1e-6;

type Explain = (row: Float64Array) => Float64Array;

function assertMatchesLightGbm(forest: Forest, reference: Reference, explain: Explain): void {
  const features = forest.featureNames.length;
  reference.rows.forEach((row32, r) => {
    const row = Float64Array.from(row32);
    const phi = explain(row);
    const expected = reference.contributions[r]!;
    for (let f = 0; f < features; f++) {
      assert.ok(
        Math.abs(phi[f]! - expected[f]!) <= TOLERANCE,
        `row ${r}, feature ${forest.featureNames[f]}: ${phi[f]} vs LightGBM ${expected[f]}`,
      );
    }
    assert.ok(
      Math.abs(forest.expectedValue - expected[features]!) <= TOLERANCE,
      `expected value ${forest.expectedValue} vs ${expected[features]}`,
    );
    // Additivity: the contributions and the expected value rebuild the raw score.
    const total = phi.reduce((sum, v) => sum + v, forest.expectedValue);
    assert.ok(
      Math.abs(total - reference.rawScore[r]!) <= 1e-9,
      `row ${r}: sum ${total} vs raw score ${reference.rawScore[r]}`,
    );
  });
}

/** The fixture rows must exercise what is hard: missing values and categorical splits. */
function assertCoversEdgeCases(forest: Forest, reference: Reference): void {
  const usedFeatures = new Set(forest.splitFeature);
  assert.ok(forest.categorical.includes(1), 'a categorical split');
  assert.ok(
    reference.rows.some((row) => [...usedFeatures].some((f) => Number.isNaN(row[f]!))),
    'a missing value on a split feature',
  );
}

for (const name of FIXTURE_MODELS) {
  describe(`TreeSHAP on the "${name}" missing-value model`, () => {
    const forest = readForest(fixtureModel(name));
    const reference = fixtureReference(name);

    it('exercises categorical splits and missing values', () => assertCoversEdgeCases(forest, reference));

    it('scores every row exactly as LightGBM', () => {
      reference.rows.forEach((row, r) => {
        const raw = rawScore(forest, row);
        assert.equal(raw, reference.rawScore[r], `row ${r}`);
        assert.ok(
          Math.abs(probabilityOfDefault(forest, raw) - reference.probability![r]!) <= 1e-9,
          `row ${r} probability`,
        );
      });
    });

    it('reference algorithm equals pred_contrib', () => {
      const shap = new TreeShap(forest);
      assertMatchesLightGbm(forest, reference, (row) => shap.explain(row));
    });

    it('Fast TreeSHAP v2 equals pred_contrib', () => {
      const shap = new FastTreeShap(forest);
      assert.equal(shap.slowTrees.length, 0);
      assert.ok(shap.tableBytes > 0);
      assertMatchesLightGbm(forest, reference, (row) => shap.explain(row));
    });

    it('Fast TreeSHAP v2 equals pred_contrib with every leaf tabulated, and with none', () => {
      for (const maxTableFeatures of [30, 0]) {
        const shap = new FastTreeShap(forest, { maxTableFeatures });
        assertMatchesLightGbm(forest, reference, (row) => shap.explain(row));
      }
    });

    it('Fast TreeSHAP v2 equals pred_contrib with wide trees left to the reference algorithm', () => {
      const shap = new FastTreeShap(forest, { maxTableFeatures: 2, maxPathFeatures: 3 });
      assert.ok(shap.slowTrees.length > 0 && shap.slowTrees.length < forest.roots.length);
      assertMatchesLightGbm(forest, reference, (row) => shap.explain(row));
    });
  });
}
