import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { deriveApplicationFeatures, validateRawApplication } from '../src/derive.ts';
import type { FeatureSpec, TestVector } from '../src/spec.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bundleDir = path.resolve(repoRoot, process.env['MODEL_DIR'] ?? 'models/home-credit-generated');
const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(bundleDir, file), 'utf8'));

const spec = readJson('feature_spec.json') as FeatureSpec;
const vectors = readJson('test_vectors.json') as TestVector[];

/** The same float32 bits: NaN equals NaN, and 0 differs from -0. */
function sameFloat32(actual: number, expected: number | null): boolean {
  return expected === null ? Number.isNaN(actual) : Object.is(actual, Math.fround(expected));
}

describe('deriveApplicationFeatures against the bundle test vectors', () => {
  it('has vectors and a spec to check', () => {
    assert.ok(vectors.length >= 10);
    assert.ok(spec.features.length > 0);
  });

  for (const [n, vector] of vectors.entries()) {
    it(`vector ${n}: ${vector.description ?? ''}`, () => {
      const features = deriveApplicationFeatures(spec, vector.raw);
      assert.equal(features.length, spec.features.length);
      const wrong = spec.features
        .filter((f) => !sameFloat32(features[f.index] as number, vector.features[f.name] ?? null))
        .map((f) => `${f.name}: got ${features[f.index]}, expected ${vector.features[f.name]}`);
      assert.deepEqual(wrong, []);
    });
  }

  it('leaves every history feature missing', () => {
    const features = deriveApplicationFeatures(spec, vectors[0]?.raw ?? {});
    for (const f of spec.features.filter((f) => f.source !== 'application')) {
      assert.ok(Number.isNaN(features[f.index]), f.name);
    }
  });
});

describe('validateRawApplication', () => {
  const textField = spec.rawFields.find((f) => f.type === 'string' && f.categories !== undefined);
  const numberField = spec.rawFields.find((f) => f.type === 'number');
  const category = textField?.categories?.[0];
  if (textField === undefined || numberField === undefined || category === undefined) {
    throw new Error('feature_spec.json lists no text field with categories or no number field');
  }

  it('accepts a valid application and missing values', () => {
    const raw = { [textField.name]: category, [numberField.name]: 1.5, AMT_CREDIT: null };
    assert.deepEqual(validateRawApplication(spec, raw), []);
  });

  it('names the field of every problem', () => {
    const problems = validateRawApplication(spec, {
      NOT_A_COLUMN: 1,
      [numberField.name]: 'twelve',
      [textField.name]: 'Not a category',
      AMT_CREDIT: Number.POSITIVE_INFINITY,
      AMT_ANNUITY: Number.NaN,
      CODE_GENDER: 3,
    });
    const byField = new Map(problems.map((p) => [p.field, p.message]));
    assert.match(byField.get('NOT_A_COLUMN') ?? '', /unknown field/);
    assert.match(byField.get(numberField.name) ?? '', /number/);
    assert.match(byField.get(textField.name) ?? '', /unknown category/);
    assert.match(byField.get('AMT_CREDIT') ?? '', /finite/);
    assert.match(byField.get('AMT_ANNUITY') ?? '', /finite/);
    assert.match(byField.get('CODE_GENDER') ?? '', /text/);
    assert.equal(problems.length, 6);
  });
});
