/**
 * The shipped model bundle: LightGBM's reference SHAP values (shap_reference.json) and readable
 * reasons for its clients. Skipped until the bundle has been exported.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadBundle } from '@octroi/model-bundle';
import { createExplainer, type Explainer } from '../src/explainer.ts';
import { FastTreeShap } from '../src/fast-treeshap.ts';
import { type LightGbmDump, readForest } from '../src/forest.ts';
import { TreeShap } from '../src/treeshap.ts';
import { bundleDir, featureRows, hasBundle, readJson } from './fixtures.ts';

const TOLERANCE = 1e-6;

interface ShapReference {
  features: (number | null)[][];
  contributions: number[][];
  rawScore: number[];
}

describe('shipped model bundle', { skip: hasBundle ? false : 'models/home-credit-generated has not been exported' }, () => {
  const model = hasBundle ? readJson<LightGbmDump>(`${bundleDir}model.lgb.json`) : null;
  const reference = hasBundle ? readJson<ShapReference>(`${bundleDir}shap_reference.json`) : null;

  for (const algorithm of ['reference TreeSHAP', 'Fast TreeSHAP v2'] as const) {
    it(`${algorithm} equals LightGBM pred_contrib on every reference row`, () => {
      const forest = readForest(model!);
      const shap = algorithm === 'reference TreeSHAP' ? new TreeShap(forest) : new FastTreeShap(forest);
      const features = forest.featureNames.length;
      featureRows(reference!.features).forEach((row32, r) => {
        const phi = shap.explain(Float64Array.from(row32));
        const expected = reference!.contributions[r]!;
        assert.equal(expected.length, features + 1);
        for (let f = 0; f < features; f++) {
          assert.ok(Math.abs(phi[f]! - expected[f]!) <= TOLERANCE, `row ${r}, ${forest.featureNames[f]}: ${phi[f]} vs ${expected[f]}`);
        }
        assert.ok(Math.abs(forest.expectedValue - expected[features]!) <= TOLERANCE);
        const total = phi.reduce((sum, v) => sum + v, forest.expectedValue);
        assert.ok(Math.abs(total - reference!.rawScore[r]!) <= 1e-9, `row ${r}: ${total} vs ${reference!.rawScore[r]}`);
      });
    });
  }

  it('the reference rows include categorical splits and missing values', () => {
    const forest = readForest(model!);
    assert.ok(forest.categorical.includes(1));
    const rows = featureRows(reference!.features);
    assert.ok(rows.some((row) => row.some(Number.isNaN)));
  });

  it('words reasons for refused and granted clients without column names', async () => {
    const bundle = await loadBundle(bundleDir);
    const explainer: Explainer = createExplainer({
      model: model!,
      spec: bundle.spec,
      population: bundle.population,
      threshold: bundle.decision.threshold,
      modelVersion: bundle.version,
    });
    const rows = featureRows(reference!.features);
    for (const decision of ['refused', 'granted'] as const) {
      const row = rows.find((r) => explainer.score(r).decision === decision);
      assert.ok(row, `a ${decision} client among the reference rows`);
      for (const language of ['fr', 'en'] as const) {
        const explanation = explainer.explain(row, { language });
        const reasons = [...explanation.adverseReasons, ...explanation.favourableReasons];
        assert.ok(explanation.adverseReasons.length <= 4 && explanation.favourableReasons.length <= 4);
        if (decision === 'refused') assert.ok(explanation.adverseReasons.length > 0);
        for (const reason of reasons) assert.doesNotMatch(reason.text, /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|NaN|undefined/, reason.text);
      }
    }
  });
});
