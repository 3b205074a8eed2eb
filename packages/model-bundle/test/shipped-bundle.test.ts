import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultModelDir, loadApplicantFeatures, loadApplicantRecords, loadBundle } from '../src/index.ts';

const dir = defaultModelDir();

describe('the shipped bundle', () => {
  it('matches its manifest, has statistics for every feature and importance only for known features', async () => {
    const bundle = await loadBundle(dir, { verifyChecksums: true });
    const missing = bundle.featureNames.filter((name) => !bundle.population.has(name));
    assert.deepEqual(missing, []);
    const known = new Set(bundle.featureNames);
    assert.deepEqual(
      bundle.importance.filter(({ feature }) => !known.has(feature)),
      [],
    );
  });

  it('has a lender policy whose protected attributes are raw fields, not model inputs', async () => {
    const bundle = await loadBundle(dir);
    assert.ok(bundle.policy.protectedAttributes.includes('CODE_GENDER'));
    const rawFields = new Set(bundle.spec.rawFields.map((field) => field.name));
    for (const name of bundle.policy.protectedAttributes) {
      assert.ok(rawFields.has(name), `${name} is still a field an application may carry`);
      assert.ok(!bundle.featureNames.includes(name), `${name} is a model input`);
    }
    assert.ok(bundle.policy.reasons['CODE_GENDER'], 'the reason for protecting gender is written down');
  });

  it('scores every applicant it lists, with a raw application for each', async () => {
    const bundle = await loadBundle(dir);
    const [features, records] = await Promise.all([loadApplicantFeatures(bundle), loadApplicantRecords(bundle)]);
    assert.equal(features.featureCount, bundle.featureNames.length);
    for (let row = 0; row < features.size; row++) {
      const probability = features.probability(row);
      assert.ok(probability >= 0 && probability <= 1, `probability of row ${row}: ${probability}`);
      assert.ok(records.rowOf(features.ids[row]!) >= 0, `no application for client ${features.ids[row]}`);
    }
  });
});
