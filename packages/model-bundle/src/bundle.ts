import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BundleError } from './errors.ts';
import { DEFAULT_POLICY, featuresReadingProtected, parsePolicy, type LenderPolicy } from './policy.ts';
import { parsePopulation, type PopulationStats } from './population.ts';
import type { FeatureSpec } from './spec.ts';

export interface Manifest {
  name: string;
  version: string;
  createdAt?: string;
  /** `generated` or `home-credit`. */
  trainedOn?: string;
  dataRows?: number;
  codeVersion?: string;
  files?: BundleFile[];
  [key: string]: unknown;
}

export interface BundleFile {
  name: string;
  sha256: string;
  bytes?: number;
}

export interface DecisionPolicy {
  /** Probability of default from which an application is refused. */
  threshold: number;
  costFalseNegative: number;
  costFalsePositive: number;
}

export interface FeatureImportance {
  feature: string;
  gain: number;
  split: number;
}

export interface ModelBundle {
  dir: string;
  manifest: Manifest;
  spec: FeatureSpec;
  decision: DecisionPolicy;
  metrics: Record<string, unknown>;
  /** Sorted by gain, highest first. */
  importance: FeatureImportance[];
  population: PopulationStats;
  /** The lender's policy (`policy.json`), or the default policy for a bundle without one. */
  policy: LenderPolicy;
  /** Model features in the order of the model's input. */
  featureNames: string[];
  version: string;
}

/** The JSON files every service reads; the larger files are checked by whoever needs them. */
export const POLICY_FILE = 'policy.json';

export const REQUIRED_FILES = [
  'manifest.json',
  'feature_spec.json',
  'decision.json',
  'metrics.json',
  'importance.json',
  'population.json',
] as const;

/** MODEL_DIR, else the bundle trained on generated data, shipped with the repository. */
export function defaultModelDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env['MODEL_DIR'];
  if (fromEnv) return fromEnv;
  return fileURLToPath(new URL('../../../models/home-credit-generated', import.meta.url));
}

export interface LoadBundleOptions {
  /** Further files the caller cannot work without (e.g. `model.onnx`), reported with the others. */
  alsoRequire?: readonly string[];
  /** Check every file the manifest lists against its SHA-256 (about 1 s per 500 MB). */
  verifyChecksums?: boolean;
}

export async function loadBundle(dir = defaultModelDir(), options: LoadBundleOptions = {}): Promise<ModelBundle> {
  await requireFiles(dir, [...REQUIRED_FILES, ...(options.alsoRequire ?? [])]);
  const [manifest, spec, decision, metrics, importance, population, policy] = await Promise.all([
    readJson(dir, 'manifest.json').then((json) => checkManifest(dir, json)),
    readJson(dir, 'feature_spec.json').then((json) => checkSpec(dir, json)),
    readJson(dir, 'decision.json').then((json) => checkDecision(dir, json)),
    readJson(dir, 'metrics.json').then((json) => checkObject(dir, 'metrics.json', json)),
    readJson(dir, 'importance.json').then((json) => checkImportance(dir, json)),
    readJson(dir, 'population.json').then((json) => checkPopulation(dir, json)),
    readPolicy(dir),
  ]);
  if (options.verifyChecksums) await verifyChecksums(dir, manifest);
  const readingProtected = featuresReadingProtected(spec, policy);
  if (readingProtected.length > 0) {
    throw invalid(dir, 'feature_spec.json', `features read protected attributes: ${readingProtected.join(', ')}`);
  }
  const featureNames = spec.features.map((feature) => feature.name);
  return {
    dir,
    manifest,
    spec,
    decision,
    metrics,
    importance,
    population,
    policy,
    featureNames,
    version: manifest.version,
  };
}

/** policy.json when the bundle has one (checked), else the default policy. */
async function readPolicy(dir: string): Promise<LenderPolicy> {
  const present = await access(join(dir, POLICY_FILE)).then(
    () => true,
    () => false,
  );
  if (!present) return DEFAULT_POLICY;
  const policy = parsePolicy(await readJson(dir, POLICY_FILE));
  if (typeof policy === 'string') throw invalid(dir, POLICY_FILE, policy);
  return policy;
}

async function requireFiles(dir: string, files: readonly string[]): Promise<void> {
  const present = await Promise.all(
    files.map((file) =>
      access(join(dir, file)).then(
        () => true,
        () => false,
      ),
    ),
  );
  const missing = files.filter((_, i) => !present[i]);
  if (missing.length > 0) {
    throw new BundleError(`Model bundle ${dir} is incomplete: missing ${missing.join(', ')}`);
  }
}

/** A bundle copied in part or edited by hand is refused before it serves a wrong score. */
async function verifyChecksums(dir: string, manifest: Manifest): Promise<void> {
  const files = manifest.files ?? [];
  const actual = await Promise.all(files.map(({ name }) => sha256Of(join(dir, name)).catch(() => 'missing')));
  const wrong = files.filter((file, i) => actual[i] !== file.sha256).map((file) => file.name);
  if (wrong.length > 0)
    throw new BundleError(`Model bundle ${dir}: ${wrong.join(', ')} do not match the manifest's SHA-256`);
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function readJson(dir: string, file: string): Promise<unknown> {
  const text = await readFile(join(dir, file), 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalid(dir, file, `not JSON (${(error as Error).message})`);
  }
}

export function invalid(dir: string, file: string, problem: string): BundleError {
  return new BundleError(`Model bundle ${dir}: ${file} is invalid: ${problem}`);
}

function checkObject(dir: string, file: string, json: unknown): Record<string, unknown> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw invalid(dir, file, 'expected an object');
  return json as Record<string, unknown>;
}

function checkManifest(dir: string, json: unknown): Manifest {
  const manifest = checkObject(dir, 'manifest.json', json);
  if (typeof manifest['version'] !== 'string') throw invalid(dir, 'manifest.json', 'no version');
  const files = manifest['files'] ?? [];
  const listed =
    Array.isArray(files) &&
    files.every((file: Partial<BundleFile>) => typeof file?.name === 'string' && typeof file.sha256 === 'string');
  if (!listed) throw invalid(dir, 'manifest.json', 'files must list { name, sha256 }');
  return {
    name: typeof manifest['name'] === 'string' ? manifest['name'] : '',
    ...manifest,
    version: manifest['version'],
    files: files as BundleFile[],
  };
}

function checkSpec(dir: string, json: unknown): FeatureSpec {
  const spec = checkObject(dir, 'feature_spec.json', json);
  const features = spec['features'];
  if (!Array.isArray(features) || features.length === 0) throw invalid(dir, 'feature_spec.json', 'no features');
  features.forEach((feature: { name?: unknown; index?: unknown }, i) => {
    if (typeof feature?.name !== 'string') throw invalid(dir, 'feature_spec.json', `feature ${i} has no name`);
    if (feature.index !== undefined && feature.index !== i) {
      throw invalid(
        dir,
        'feature_spec.json',
        `feature ${feature.name} has index ${JSON.stringify(feature.index)}, expected ${i}`,
      );
    }
  });
  return { target: 'TARGET', id: 'SK_ID_CURR', rawFields: [], derivations: [], ...spec } as unknown as FeatureSpec;
}

function checkDecision(dir: string, json: unknown): DecisionPolicy {
  const decision = checkObject(dir, 'decision.json', json);
  const { threshold, costFalseNegative, costFalsePositive } = decision;
  if (typeof threshold !== 'number' || !(threshold > 0 && threshold < 1)) {
    throw invalid(dir, 'decision.json', 'threshold must be a number between 0 and 1');
  }
  return {
    threshold,
    costFalseNegative: typeof costFalseNegative === 'number' ? costFalseNegative : NaN,
    costFalsePositive: typeof costFalsePositive === 'number' ? costFalsePositive : NaN,
  };
}

function checkImportance(dir: string, json: unknown): FeatureImportance[] {
  if (!Array.isArray(json)) throw invalid(dir, 'importance.json', 'expected an array');
  const importance = json.map((entry: Partial<FeatureImportance>, i) => {
    if (typeof entry?.feature !== 'string') throw invalid(dir, 'importance.json', `entry ${i} has no feature`);
    return { feature: entry.feature, gain: entry.gain ?? 0, split: entry.split ?? 0 };
  });
  return importance.sort((a, b) => b.gain - a.gain);
}

function checkPopulation(dir: string, json: unknown): PopulationStats {
  const population = parsePopulation(json);
  if (typeof population === 'string') throw invalid(dir, 'population.json', population);
  return population;
}
