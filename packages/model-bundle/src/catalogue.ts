import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import type { ModelPointer, ModelRoles } from '@octroi/contracts';
import { join, resolve } from 'node:path';
import { defaultModelDir } from './bundle.ts';
import { BundleError } from './errors.ts';

/** A bundle the services may serve, as its manifest names it. */
export interface CatalogueEntry {
  version: string;
  name: string;
  dir: string;
  createdAt: string;
  trainedOn: string;
}

/**
 * The bundles a deployment can serve: every folder of `MODELS_DIR` that holds a manifest, or the one bundle of
 * `MODEL_DIR` (the shipped bundle by default). A bundle is named by its version, unique in the folder. The folder is
 * read again on each look-up, so a bundle copied in while the services run can be promoted without a restart.
 */
export class BundleCatalogue {
  private constructor(
    /** MODELS_DIR, when there is one. */
    readonly folder: string | undefined,
    private readonly single: string,
  ) {}

  static fromEnvironment(env: NodeJS.ProcessEnv = process.env): BundleCatalogue {
    const folder = env['MODELS_DIR'];
    return new BundleCatalogue(folder ? resolve(folder) : undefined, resolve(defaultModelDir(env)));
  }

  static ofFolder(folder: string): BundleCatalogue {
    return new BundleCatalogue(resolve(folder), resolve(defaultModelDir()));
  }

  /** Every bundle, newest first. */
  async entries(): Promise<CatalogueEntry[]> {
    const dirs = this.folder ? await subfolders(this.folder) : [this.single];
    const entries = (await Promise.all(dirs.map(readEntry))).filter((entry) => entry !== undefined);
    const byVersion = new Map<string, CatalogueEntry>();
    for (const entry of entries) {
      const other = byVersion.get(entry.version);
      if (other)
        throw new BundleError(`Model bundles ${other.dir} and ${entry.dir} have the same version ${entry.version}`);
      byVersion.set(entry.version, entry);
    }
    if (entries.length === 0) throw new BundleError(`No model bundle in ${this.folder ?? this.single}`);
    return entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.version.localeCompare(a.version));
  }

  async find(version: string): Promise<CatalogueEntry | undefined> {
    return (await this.entries()).find((entry) => entry.version === version);
  }

  /** The champion before anyone chose one: MODEL_DIR's bundle when it is in the catalogue (linked or not), else the newest. */
  async defaultChampion(): Promise<CatalogueEntry> {
    const entries = await this.entries();
    const single = await realpath(this.single).catch(() => this.single);
    const real = await Promise.all(entries.map((entry) => realpath(entry.dir).catch(() => entry.dir)));
    return entries[real.indexOf(single)] ?? entries[0]!;
  }
}

async function subfolders(folder: string): Promise<string[]> {
  const listed = await readdir(folder, { withFileTypes: true }).catch((err: unknown) => {
    const { code, message } = err as NodeJS.ErrnoException;
    throw new BundleError(`MODELS_DIR ${folder} cannot be read (${code ?? message})`);
  });
  const visible = listed.filter((item) => !item.name.startsWith('.'));
  // A bundle may be linked into the folder rather than copied (the shipped one beside a new one).
  const isFolder = await Promise.all(
    visible.map(async (item) => {
      if (!item.isSymbolicLink()) return item.isDirectory();
      return (await stat(join(folder, item.name)).catch(() => undefined))?.isDirectory() ?? false;
    }),
  );
  return visible.filter((_, i) => isFolder[i]).map((item) => join(folder, item.name));
}

async function readEntry(dir: string): Promise<CatalogueEntry | undefined> {
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined; // not a bundle
    throw new BundleError(`Model bundle ${dir}: manifest.json cannot be read (${(err as Error).message})`);
  }
  if (typeof manifest['version'] !== 'string')
    throw new BundleError(`Model bundle ${dir}: manifest.json has no version`);
  return {
    version: manifest['version'],
    name: text(manifest['name']),
    dir,
    createdAt: text(manifest['createdAt']),
    trainedOn: text(manifest['trainedOn']),
  };
}

/** A manifest's text field; anything else (absent, a number) reads as empty. */
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** What the lifecycle needs of the durable store's `models` bucket (a `KeyValueBucket` of the runtime). */
export interface ModelPointers {
  get<T>(key: string): Promise<{ value: T } | undefined>;
}

/**
 * The roles the deployment shares: the champion and the challenger the administrators chose (bucket
 * `models`), the default champion when none was chosen yet.
 */
export async function readModelRoles(pointers: ModelPointers, catalogue: BundleCatalogue): Promise<ModelRoles> {
  const [champion, challenger] = await Promise.all([
    pointers.get<ModelPointer>('champion'),
    pointers.get<ModelPointer>('challenger'),
  ]);
  return {
    champion: champion?.value.version ?? (await catalogue.defaultChampion()).version,
    ...(challenger ? { challenger: challenger.value.version } : {}),
  };
}
