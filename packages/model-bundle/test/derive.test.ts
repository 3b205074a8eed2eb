import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { deriveApplicationFeatures } from '../src/derive.ts';
import { deriveFeatures } from '../src/features.ts';
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

describe('deriveFeatures against the bundle test vectors (application fields and history tables)', () => {
  it('has vectors and a spec to check', () => {
    assert.ok(vectors.length >= 10);
    assert.ok(spec.features.length > 0);
  });

  for (const [n, vector] of vectors.entries()) {
    it(`vector ${n}: ${vector.description ?? ''}`, () => {
      const features = deriveFeatures(spec, vector.raw);
      assert.equal(features.length, spec.features.length);
      const wrong = spec.features
        .filter((f) => !sameFloat32(features[f.index] as number, vector.features[f.name] ?? null))
        .map((f) => `${f.name}: got ${features[f.index]}, expected ${vector.features[f.name]}`);
      assert.deepEqual(wrong, []);
    });
  }

  it('leaves every history feature missing when the application carries no history', () => {
    const features = deriveApplicationFeatures(spec, vectors[0]?.raw ?? {});
    assert.deepEqual(deriveFeatures(spec, vectors[0]?.raw ?? {}), features);
    for (const f of spec.features.filter((f) => f.source !== 'application')) {
      assert.ok(Number.isNaN(features[f.index]), f.name);
    }
  });
});
