import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { BundleCatalogue, defaultModelDir, loadBundle, readModelRoles, type ModelPointers } from '../src/index.ts';
import { writeTinyBundle, writeVariantBundle } from '../src/testing/index.ts';

/** A folder of bundles: tiny bundles whose manifests say the version and date asked for. */
async function modelsFolder(bundles: Record<string, { version: string; createdAt: string }>) {
  const folder = await mkdtemp(join(tmpdir(), 'octroi-models-'));
  for (const [name, { version, createdAt }] of Object.entries(bundles)) {
    const dir = await writeTinyBundle(join(folder, name));
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    await writeFile(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, version, createdAt }));
  }
  return folder;
}

const pointers = (values: Record<string, string>): ModelPointers => ({
  get: async <T>(key: string) => (key in values ? { value: { version: values[key] } as T } : undefined),
});

test('MODELS_DIR: every folder with a manifest is a bundle, newest first; other folders and files are not', async () => {
  const folder = await modelsFolder({
    older: { version: 'v1', createdAt: '2999-10-01T00:00:00Z' },
    newer: { version: 'v2', createdAt: '2999-11-01T00:00:00Z' },
  });
  await mkdir(join(folder, 'notes'));
  await writeFile(join(folder, 'README.md'), 'bundles');
  await symlink(defaultModelDir(), join(folder, 'linked'));
  const catalogue = BundleCatalogue.fromEnvironment({ MODELS_DIR: folder });
  const shipped = await loadBundle(defaultModelDir());
  assert.deepEqual(
    (await catalogue.entries()).map((entry) => [entry.version, entry.dir]),
    [
      ['v2', join(folder, 'newer')],
      ['v1', join(folder, 'older')],
      [shipped.version, join(folder, 'linked')],
    ],
  );
  assert.equal((await catalogue.find('v1'))?.name, 'tiny');
  assert.equal(await catalogue.find('v9'), undefined);
  assert.equal(
    (await catalogue.defaultChampion()).version,
    shipped.version,
    "MODEL_DIR's bundle (the shipped one here), even linked into the folder, rather than the newest",
  );
});

test('a bundle copied into the folder while the services run is found without a restart', async () => {
  const folder = await modelsFolder({ first: { version: 'v1', createdAt: '2026-10-01T00:00:00Z' } });
  const catalogue = BundleCatalogue.ofFolder(folder);
  assert.equal((await catalogue.entries()).length, 1);
  await writeTinyBundle(join(folder, 'second'));
  assert.equal((await catalogue.entries()).length, 2);
});

test('two bundles with one version are refused, naming both folders', async () => {
  const folder = await modelsFolder({
    a: { version: 'same', createdAt: '2026-10-01T00:00:00Z' },
    b: { version: 'same', createdAt: '2026-11-01T00:00:00Z' },
  });
  await assert.rejects(
    BundleCatalogue.ofFolder(folder).entries(),
    /bundles .*\/a and .*\/b have the same version same/,
  );
});

test('roles: the ones chosen in the store, else the default champion and no challenger', async () => {
  const folder = await modelsFolder({
    older: { version: 'v1', createdAt: '2026-10-01T00:00:00Z' },
    newer: { version: 'v2', createdAt: '2026-11-01T00:00:00Z' },
  });
  const catalogue = BundleCatalogue.ofFolder(folder);
  assert.deepEqual(await readModelRoles(pointers({}), catalogue), { champion: 'v2' });
  assert.deepEqual(await readModelRoles(pointers({ champion: 'v1', challenger: 'v2' }), catalogue), {
    champion: 'v1',
    challenger: 'v2',
  });
});

test('without MODELS_DIR the catalogue is the one bundle of MODEL_DIR (the shipped one by default)', async () => {
  const [only, ...none] = await BundleCatalogue.fromEnvironment({}).entries();
  assert.deepEqual(none, []);
  assert.match(only!.dir, /models\/home-credit-generated$/);
});

test('a variant of the shipped bundle is a second, complete bundle: its own version and threshold, the same applicants', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'octroi-models-'));
  const shipped = await loadBundle(defaultModelDir());
  await writeVariantBundle(shipped.dir, join(folder, 'variant'), { version: 'variant-1', thresholdShift: 0.02 });
  const variant = await loadBundle(join(folder, 'variant'), { verifyChecksums: true });
  assert.equal(variant.version, 'variant-1');
  assert.ok(Math.abs(variant.decision.threshold - shipped.decision.threshold - 0.02) < 1e-12);
  assert.deepEqual(variant.featureNames, shipped.featureNames);
});
