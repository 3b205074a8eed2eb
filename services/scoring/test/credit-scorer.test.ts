import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { BundleError, DomainError, defaultModelDir, loadApplicantFeatures, loadBundle } from '@octroi/model-bundle';
import { EXAMPLE_APPLICATION } from '@octroi/contracts';
import { CreditScorer } from '../src/credit-scorer.ts';

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const reference = JSON.parse(readFileSync(join(defaultModelDir(), 'shap_reference.json'), 'utf8')) as {
  features: Array<Array<number | null>>;
  rawScore: number[];
};

describe('credit scorer on the shipped bundle', () => {
  let scorer: CreditScorer;
  let threshold: number;
  let band: number;
  before(async () => {
    const bundle = await loadBundle();
    threshold = bundle.decision.threshold;
    band = bundle.policy.referral.band;
    scorer = await CreditScorer.load(bundle);
  });

  test("onnxruntime's probabilities equal LightGBM's within 1e-5 on every reference row", async () => {
    const scores = await scorer.scoreRows(reference.features, (row) => `rows.${row}`);
    const worst = Math.max(
      ...scores.map((score, i) => Math.abs(score.probabilityOfDefault - sigmoid(reference.rawScore[i]!))),
    );
    assert.ok(worst <= 1e-5, `largest difference ${worst}`);
  });

  test("the decision is refused from the threshold up, and referred within the policy's band around it", async () => {
    const scores = await scorer.scoreRows(reference.features, (row) => `rows.${row}`);
    for (const score of scores) {
      const distance = score.probabilityOfDefault - threshold;
      const expected =
        Math.abs(distance) < band || distance === -band ? 'referred' : distance >= 0 ? 'refused' : 'granted';
      assert.equal(score.decision, expected);
      assert.equal(score.threshold, threshold);
      assert.equal(score.modelVersion, scorer.version);
    }
    assert.ok(
      scores.some((s) => s.decision === 'refused') && scores.some((s) => s.decision === 'granted'),
      'the reference rows hold both decisions',
    );
  });

  test('a known client is scored from the features shipped with the bundle', async () => {
    const applicants = await loadApplicantFeatures(await loadBundle());
    const clientId = applicants.ids[0]!;
    const score = await scorer.scoreClient(clientId);
    assert.ok(Math.abs(score.probabilityOfDefault - applicants.probability(0)) < 1e-6);
    await assert.rejects(scorer.scoreClient(1), (err: DomainError) => err.code === 'not_found');
  });

  test('a row of the wrong width is refused naming the row', async () => {
    await assert.rejects(
      scorer.scoreRows([reference.features[0]!, [1, 2, 3]], (row) => `rows.${row}`),
      (err: DomainError) =>
        err.code === 'bad_request' && err.field === 'rows.1' && /takes \d+ features, got 3/.test(err.message),
    );
  });

  test('raw applications: features derived in TypeScript, bad fields named with their position', async () => {
    const application = { ...EXAMPLE_APPLICATION };
    const [score] = await scorer.scoreApplications([application]);
    assert.ok(score!.probabilityOfDefault > 0 && score!.probabilityOfDefault < 1);
    const [bigger] = await scorer.scoreApplications([{ ...application, AMT_ANNUITY: 90000 }]);
    assert.notEqual(bigger!.probabilityOfDefault, score!.probabilityOfDefault, 'the annuity matters');
    await assert.rejects(
      scorer.scoreApplications([application, { ...application, DAYS_BIRTH: 'old' }]),
      (err: DomainError) => err.field === 'applications.1.DAYS_BIRTH' && err.errors?.length === 1,
    );
  });

  test('the model description lists every feature with its importance', () => {
    const info = scorer.modelInfo();
    assert.equal(info.features.length, scorer.featureCount);
    assert.ok(info.features.some((feature) => feature.importanceGain > 0));
    assert.ok(info.threshold > 0 && info.threshold < 1);
  });
});

describe('a bundle that does not hold together stops the start-up with a clear message', () => {
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), 'octroi-bundle-'));
    cpSync(defaultModelDir(), dir, { recursive: true });
    return dir;
  };

  test('a missing ONNX file', async () => {
    const dir = copy();
    rmSync(join(dir, 'model.onnx'));
    await assert.rejects(
      CreditScorer.load(await loadBundle(dir)),
      (err: Error) => err instanceof BundleError && /model\.onnx/.test(err.message),
    );
  });

  test('an ONNX file that does not take the features of the specification', async () => {
    const dir = copy();
    const spec = JSON.parse(readFileSync(join(dir, 'feature_spec.json'), 'utf8'));
    spec.features = spec.features.slice(0, 10);
    writeFileSync(join(dir, 'feature_spec.json'), JSON.stringify(spec));
    await assert.rejects(
      CreditScorer.load(await loadBundle(dir)),
      (err: Error) => err instanceof BundleError && /does not take the 10 features/.test(err.message),
    );
  });
});
