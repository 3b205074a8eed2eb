/**
 * Generates a full-scale bundle for the benchmarks: the model and JSON files of a real bundle, and
 * features.arrow / applicants.arrow with 356,000 made-up applicants in the same columns.
 * Values follow the population quantiles of each feature; nothing is a real applicant.
 *
 *   node --conditions=source --import tsx bench/generate-clients-scale.ts [--from MODEL_DIR] [--out DIR] [--rows 356000]
 *
 * --from defaults to models/home-credit-generated when present, else the test bundle of
 * @octroi/model-bundle; --out defaults to <tmpdir>/octroi-clients-scale (never the repository).
 */
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBundle, seededRandom, type ModelBundle } from '@octroi/model-bundle';
import { arrowFileBytes, populationOf, writeTinyBundle, type ColumnValues } from '@octroi/model-bundle/testing';

export const DEFAULT_SCALE_DIR = join(tmpdir(), 'octroi-clients-scale');
/** Home Credit: 307,511 training applicants (known outcome) and 48,744 current ones. */
const KNOWN_OUTCOMES_SHARE = 307_511 / 356_255;

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}

async function sourceBundle(): Promise<ModelBundle> {
  const shipped = fileURLToPath(new URL('../models/home-credit-generated', import.meta.url));
  const from = option('from') ?? (existsSync(join(shipped, 'feature_spec.json')) ? shipped : await writeTinyBundle());
  return loadBundle(from);
}

export async function generateScaleBundle(
  out = option('out') ?? DEFAULT_SCALE_DIR,
  rows = Number(option('rows') ?? 356_000),
): Promise<string> {
  const bundle = await sourceBundle();
  await mkdir(out, { recursive: true });
  // Every file of the source but the ones written here: the model files too, so the whole system can serve it.
  const written = new Set(['population.json', 'manifest.json', 'features.arrow', 'applicants.arrow']);
  const copied = (await readdir(bundle.dir)).filter((file) => !written.has(file));
  await Promise.all(copied.map((file) => copyFile(join(bundle.dir, file), join(out, file))));
  // The data files are new: the source's checksums would not match them.
  const manifest = {
    ...bundle.manifest,
    name: `${bundle.manifest.name}-scale`,
    dataRows: rows,
    applicants: rows,
    files: [],
  };
  await writeFile(join(out, 'manifest.json'), JSON.stringify(manifest, null, 1));
  const random = seededRandom(356);
  const ids = clientIds(rows, random);
  const targets = Float32Array.from({ length: rows }, (_, row) =>
    row / rows < KNOWN_OUTCOMES_SHARE ? (random() < 0.08 ? 1 : 0) : NaN,
  );
  const probabilities = Float32Array.from({ length: rows }, () => random() ** 3);
  const features: Record<string, Float32Array> = {};
  for (const feature of bundle.spec.features)
    features[feature.name] = featureValues(bundle, feature.name, rows, random);
  // Statistics of the generated rows themselves, so the bundle is consistent whatever the source.
  await writeFile(join(out, 'population.json'), JSON.stringify(populationOf(features, targets)));
  await writeFile(
    join(out, 'features.arrow'),
    arrowFileBytes({ SK_ID_CURR: ids, TARGET: targets, PROBABILITY: probabilities, ...features }),
  );
  const raw: Record<string, ColumnValues> = {};
  for (const field of bundle.spec.rawFields) {
    if (field.name === bundle.spec.id) continue;
    raw[field.name] =
      field.type === 'string'
        ? textValues(field.categories, rows, random)
        : numberValues(bundle, field.name, rows, random);
  }
  await writeFile(
    join(out, 'applicants.arrow'),
    arrowFileBytes({ SK_ID_CURR: ids, TARGET: targets, ...raw }, { nanAsNull: true }),
  );
  return out;
}

/** Ascending from 100002 with the odd gap, as Home Credit's SK_ID_CURR. */
function clientIds(rows: number, random: () => number): Int32Array {
  const ids = new Int32Array(rows);
  for (let row = 0, id = 100002; row < rows; row++, id += random() < 0.01 ? 2 : 1) ids[row] = id;
  return ids;
}

/**
 * Draws through the population quantiles (inverse CDF), with the population's share of missing
 * values; a feature the source has no statistics for is uniform on [0, 1], missing one time in ten.
 */
function featureValues(bundle: ModelBundle, name: string, rows: number, random: () => number): Float32Array {
  const stats = bundle.population.get(name);
  const known = (stats?.quantiles ?? []).filter((q): q is number => q !== null);
  const quantiles = known.length > 0 ? known : [0, 1];
  const missingShare = stats ? stats.missing / Math.max(1, stats.count + stats.missing) : 0.1;
  return Float32Array.from({ length: rows }, () => {
    if (random() < missingShare) return NaN;
    const at = random() * (quantiles.length - 1);
    const low = Math.floor(at);
    return quantiles[low]! + (at - low) * (quantiles[Math.min(low + 1, quantiles.length - 1)]! - quantiles[low]!);
  });
}

function numberValues(bundle: ModelBundle, name: string, rows: number, random: () => number): Float32Array {
  if (bundle.population.has(name)) return featureValues(bundle, name, rows, random);
  const scale = name.startsWith('AMT_') ? 500_000 : name.startsWith('DAYS_') ? -20_000 : 1;
  return Float32Array.from({ length: rows }, () => (random() < 0.1 ? NaN : Math.round(random() * scale * 100) / 100));
}

function textValues(categories: string[] | undefined, rows: number, random: () => number): ColumnValues {
  const choices = categories && categories.length > 0 ? categories : ['A', 'B', 'C'];
  const codes = Int32Array.from({ length: rows }, () => (random() < 0.05 ? -1 : Math.floor(random() * choices.length)));
  return { codes, categories: choices };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const out = await generateScaleBundle();
  console.log(`Generated ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
