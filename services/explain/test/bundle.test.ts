/**
 * The shipped model bundle: LightGBM's reference SHAP values (shap_reference.json) and readable
 * reasons for its clients. Skipped until the bundle has been exported.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RawApplication } from '@octroi/contracts';
import {
  deriveApplicationFeatures,
  loadApplicantFeatures,
  loadApplicantRecords,
  loadBundle,
  type ModelBundle,
} from '@octroi/model-bundle';
import { counterfactual } from '../src/counterfactual.ts';
import { createExplainer, type Explainer } from '../src/explainer.ts';
import { FastTreeShap } from '../src/fast-treeshap.ts';
import { type LightGbmDump, readForest } from '../src/forest.ts';
import { TreeShap } from '../src/treeshap.ts';
import { changedFeatures, whatIf } from '../src/what-if.ts';
import { bundleDir, featureRows, readJson } from './fixtures.ts';

const TOLERANCE = 1e-6;

interface ShapReference {
  features: (number | null)[][];
  contributions: number[][];
  rawScore: number[];
}

describe('shipped model bundle', () => {
  const model = readJson<LightGbmDump>(`${bundleDir}model.lgb.json`);
  const reference = readJson<ShapReference>(`${bundleDir}shap_reference.json`);

  for (const algorithm of ['reference TreeSHAP', 'Fast TreeSHAP v2'] as const) {
    it(`${algorithm} equals LightGBM pred_contrib on every reference row`, () => {
      const forest = readForest(model);
      const shap = algorithm === 'reference TreeSHAP' ? new TreeShap(forest) : new FastTreeShap(forest);
      const features = forest.featureNames.length;
      featureRows(reference.features).forEach((row32, r) => {
        const phi = shap.explain(Float64Array.from(row32));
        const expected = reference.contributions[r]!;
        assert.equal(expected.length, features + 1);
        for (let f = 0; f < features; f++) {
          assert.ok(
            Math.abs(phi[f]! - expected[f]!) <= TOLERANCE,
            `row ${r}, ${forest.featureNames[f]}: ${phi[f]} vs ${expected[f]}`,
          );
        }
        assert.ok(Math.abs(forest.expectedValue - expected[features]!) <= TOLERANCE);
        const total = phi.reduce((sum, v) => sum + v, forest.expectedValue);
        assert.ok(Math.abs(total - reference.rawScore[r]!) <= 1e-9, `row ${r}: ${total} vs ${reference.rawScore[r]}`);
      });
    });
  }

  it('the reference rows include categorical splits and missing values', () => {
    const forest = readForest(model);
    assert.ok(forest.categorical.includes(1));
    const rows = featureRows(reference.features);
    assert.ok(rows.some((row) => row.some(Number.isNaN)));
  });

  const explainerOf = (bundle: ModelBundle): Explainer =>
    createExplainer({
      model: model,
      spec: bundle.spec,
      population: bundle.population,
      threshold: bundle.decision.threshold,
      modelVersion: bundle.version,
    });

  it('words reasons for refused and granted clients without column names', async () => {
    const explainer = explainerOf(await loadBundle(bundleDir));
    const rows = featureRows(reference.features);
    for (const decision of ['refused', 'granted'] as const) {
      const row = rows.find((r) => explainer.score(r).decision === decision);
      assert.ok(row, `a ${decision} client among the reference rows`);
      for (const language of ['fr', 'en'] as const) {
        const explanation = explainer.explain(row, { language });
        const reasons = [...explanation.adverseReasons, ...explanation.favourableReasons];
        assert.ok(explanation.adverseReasons.length <= 4 && explanation.favourableReasons.length <= 4);
        if (decision === 'refused') assert.ok(explanation.adverseReasons.length > 0);
        for (const reason of reasons)
          assert.doesNotMatch(reason.text, /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|NaN|undefined/, reason.text);
      }
    }
  });

  it('what-if and counterfactual on served applicants, with the real derivation of application features', async () => {
    const bundle = await loadBundle(bundleDir);
    const explainer = explainerOf(bundle);
    const [features, records] = await Promise.all([loadApplicantFeatures(bundle), loadApplicantRecords(bundle)]);
    const derive = (raw: RawApplication) => deriveApplicationFeatures(bundle.spec, raw);
    const clients = Array.from(features.ids.slice(0, 2000), (clientId, row) => ({
      clientId,
      features: features.features(row),
      raw: records.raw(records.rowOf(clientId)),
      exported: features.probability(row),
    }));
    for (const client of clients.slice(0, 200)) {
      // The exported (float32) model and these trees agree on every served applicant.
      assert.ok(Math.abs(explainer.score(client.features).probabilityOfDefault - client.exported) < 1e-5);
      // The stored raw application derives to the stored features: a what-if without change is no change.
      assert.deepEqual(whatIf(explainer, derive, { ...client, changes: {} }).changedFeatures, []);
    }
    const refused = clients
      .filter((c) => explainer.score(c.features).decision === 'refused')
      .sort((a, b) => explainer.score(a.features).rawScore - explainer.score(b.features).rawScore);
    const rescore = (client: (typeof refused)[number]) => async (raw: RawApplication) =>
      explainer.score(changedFeatures(explainer, derive, { raw: client.raw, features: client.features, changes: raw }));
    const client = refused[0]!;
    const suggestion = await counterfactual(
      explainer,
      derive,
      { ...client, language: 'en' },
      { rescore: rescore(client) },
    );
    assert.ok(suggestion.found, suggestion.message);
    assert.equal(suggestion.result?.verifiedByScoring, true);
    const changes = Object.fromEntries(suggestion.changes.map((c) => [c.field, c.to]));
    const flipped = whatIf(explainer, derive, { ...client, changes, language: 'fr' });
    assert.ok(flipped.decisionChanged && flipped.updated.decision === 'granted');
    assert.ok(flipped.changedFeatures.length > 0);
  });
});
