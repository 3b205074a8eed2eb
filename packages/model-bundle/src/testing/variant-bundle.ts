import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export interface BundleVariant {
  version: string;
  /** Added to the decision threshold: decisions near it change, scores do not. */
  thresholdShift: number;
  createdAt?: string;
}

/**
 * Another version of a bundle, for lifecycle tests (promotion, rollback, shadow): every file linked to the original's
 * except the manifest (another version) and decision.json (another threshold), so the catalogue sees a second
 * bundle serving the same applicants. Two small files are written; nothing large is copied.
 */
export async function writeVariantBundle(from: string, to: string, variant: BundleVariant): Promise<string> {
  await mkdir(to, { recursive: true });
  const source = resolve(from);
  const manifest = JSON.parse(await readFile(join(source, 'manifest.json'), 'utf8')) as {
    files?: Array<{ name: string; sha256: string; bytes?: number }>;
  };
  const decision = JSON.parse(await readFile(join(source, 'decision.json'), 'utf8')) as { threshold: number };
  const decisionText = JSON.stringify({ ...decision, threshold: decision.threshold + variant.thresholdShift }, null, 1);
  for (const name of await readdir(source)) {
    if (name !== 'manifest.json' && name !== 'decision.json') await symlink(join(source, name), join(to, name));
  }
  await writeFile(join(to, 'decision.json'), decisionText);
  const sha256 = createHash('sha256').update(decisionText).digest('hex');
  const files = (manifest.files ?? []).map((file) =>
    file.name === 'decision.json' ? { ...file, sha256, bytes: Buffer.byteLength(decisionText) } : file,
  );
  const createdAt = variant.createdAt ?? new Date().toISOString();
  await writeFile(
    join(to, 'manifest.json'),
    JSON.stringify({ ...manifest, version: variant.version, createdAt, files }),
  );
  return to;
}
