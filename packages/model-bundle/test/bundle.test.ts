import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readFile } from 'node:fs/promises';
import { BundleError, DEFAULT_POLICY, defaultModelDir, loadBundle } from '../src/index.ts';
import { TINY_THRESHOLD, tinySpec, writeTinyBundle } from '../src/testing/index.ts';

describe('loadBundle', () => {
  it('reads the JSON files of a bundle', async () => {
    const bundle = await loadBundle(await writeTinyBundle());
    assert.equal(bundle.version, '2026.11.27-tiny');
    assert.equal(bundle.decision.threshold, TINY_THRESHOLD);
    assert.deepEqual(bundle.featureNames.slice(0, 2), ['EXT_SOURCE_MEAN', 'CREDIT_INCOME_RATIO']);
    assert.equal(bundle.importance[0]?.feature, 'EXT_SOURCE_MEAN');
    assert.equal(bundle.population.get('AGE_YEARS')?.quantiles.length, 101);
  });

  it('names every missing required file at once', async () => {
    const dir = await writeTinyBundle();
    await Promise.all([rm(join(dir, 'decision.json')), rm(join(dir, 'population.json'))]);
    await assert.rejects(loadBundle(dir), (error: Error) => {
      assert.ok(error instanceof BundleError);
      assert.match(error.message, new RegExp(`${dir}.*decision\\.json, population\\.json`));
      return true;
    });
  });

  it('reports the files a service also asks for', async () => {
    await assert.rejects(loadBundle(await writeTinyBundle(), { alsoRequire: ['model.onnx'] }), /missing model\.onnx/);
  });

  it('names the file that is not valid', async () => {
    const dir = await writeTinyBundle();
    await writeFile(join(dir, 'decision.json'), JSON.stringify({ threshold: 2 }));
    await assert.rejects(loadBundle(dir), /decision\.json is invalid: threshold/);
    const other = await writeTinyBundle();
    await writeFile(join(other, 'metrics.json'), '{ not json');
    await assert.rejects(loadBundle(other), /metrics\.json is invalid: not JSON/);
  });

  it('checks the files against the manifest on request', async () => {
    const dir = await writeTinyBundle();
    await loadBundle(dir, { verifyChecksums: true });
    await writeFile(join(dir, 'metrics.json'), JSON.stringify({ auc: 0.99 }));
    await loadBundle(dir);
    await assert.rejects(loadBundle(dir, { verifyChecksums: true }), /metrics\.json do not match the manifest/);
  });

  it('refuses features listed out of order', async () => {
    const dir = await writeTinyBundle();
    const spec = { target: 'TARGET', id: 'SK_ID_CURR', features: [{ name: 'A', index: 1 }] };
    await writeFile(join(dir, 'feature_spec.json'), JSON.stringify(spec));
    await assert.rejects(loadBundle(dir), /feature_spec\.json is invalid: feature A has index 1, expected 0/);
  });
});

describe('the lender policy of a bundle', () => {
  const policy = {
    version: 1,
    protectedAttributes: ['CODE_GENDER', 'CNT_CHILDREN'],
    monitoredAttributes: ['CODE_GENDER', 'DAYS_BIRTH'],
    nonActionable: ['CODE_GENDER', 'CNT_CHILDREN', 'DAYS_BIRTH'],
    actionable: ['AMT_CREDIT'],
    referral: { band: 0.02 },
    reasons: { CODE_GENDER: 'a protected ground' },
  };
  const withFeature = async (dir: string, extra: { feature: object; derivations?: object[] }) => {
    const spec = JSON.parse(await readFile(join(dir, 'feature_spec.json'), 'utf8')) as typeof tinySpec;
    const feature = { ...extra.feature, index: spec.features.length };
    const changed = { ...spec, features: [...spec.features, feature], derivations: extra.derivations ?? [] };
    await writeFile(join(dir, 'feature_spec.json'), JSON.stringify(changed));
  };

  it('is the default policy when the bundle has no policy.json', async () => {
    const bundle = await loadBundle(await writeTinyBundle());
    assert.deepEqual(bundle.policy, DEFAULT_POLICY);
    assert.deepEqual(bundle.policy.protectedAttributes, ['CODE_GENDER']);
    assert.equal(bundle.policy.referral.band, 0);
  });

  it('is read from policy.json', async () => {
    const dir = await writeTinyBundle();
    await writeFile(join(dir, 'policy.json'), JSON.stringify(policy));
    const bundle = await loadBundle(dir);
    assert.deepEqual(bundle.policy.protectedAttributes, ['CODE_GENDER', 'CNT_CHILDREN']);
    assert.equal(bundle.policy.referral.band, 0.02);
  });

  it('names what is wrong in policy.json', async () => {
    const dir = await writeTinyBundle();
    await writeFile(join(dir, 'policy.json'), JSON.stringify({ ...policy, referral: { band: 'wide' } }));
    await assert.rejects(loadBundle(dir), /policy\.json is invalid: \/referral\/band/);
  });

  it('refuses a bundle whose features include a protected attribute', async () => {
    const dir = await writeTinyBundle();
    const gender = { name: 'CODE_GENDER', kind: 'categorical', source: 'application', categories: ['F', 'M'] };
    await withFeature(dir, { feature: gender });
    await assert.rejects(loadBundle(dir), (error: Error) => {
      assert.ok(error instanceof BundleError);
      assert.match(error.message, /feature_spec\.json is invalid: features read protected attributes: CODE_GENDER/);
      return true;
    });
  });

  it('refuses a feature derived from a protected attribute, whatever the chain', async () => {
    const dir = await writeTinyBundle();
    await writeFile(join(dir, 'policy.json'), JSON.stringify(policy));
    await withFeature(dir, {
      feature: { name: 'CHILDREN_PER_INCOME', kind: 'numeric', source: 'application' },
      derivations: [
        { name: 'CNT_CHILDREN', op: 'number', inputs: ['CNT_CHILDREN'] },
        { name: 'AMT_INCOME_TOTAL', op: 'number', inputs: ['AMT_INCOME_TOTAL'] },
        { name: 'CHILD_SHARE', op: 'ratio', inputs: ['CNT_CHILDREN', 'AMT_INCOME_TOTAL'] },
        { name: 'CHILDREN_PER_INCOME', op: 'sum', inputs: ['CHILD_SHARE', 'AMT_INCOME_TOTAL'] },
      ],
    });
    await assert.rejects(loadBundle(dir), /features read protected attributes: CHILDREN_PER_INCOME/);
    await writeFile(join(dir, 'policy.json'), JSON.stringify({ ...policy, protectedAttributes: ['CODE_GENDER'] }));
    assert.equal((await loadBundle(dir)).featureNames.at(-1), 'CHILDREN_PER_INCOME');
  });
});

describe('defaultModelDir', () => {
  it('prefers MODEL_DIR, else the shipped bundle', () => {
    const saved = process.env['MODEL_DIR'];
    try {
      process.env['MODEL_DIR'] = 'somewhere/else';
      assert.equal(defaultModelDir(), 'somewhere/else');
      delete process.env['MODEL_DIR'];
      assert.match(defaultModelDir(), /models[\\/]home-credit-generated$/);
    } finally {
      if (saved === undefined) delete process.env['MODEL_DIR'];
      else process.env['MODEL_DIR'] = saved;
    }
  });
});
