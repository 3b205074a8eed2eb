import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** The real sample folder (HOME_CREDIT_DATA, relative to the repository, default ../shared/data/home-credit). */
export const REAL_DATA_DIR = resolve(REPO_ROOT, process.env['HOME_CREDIT_DATA'] ?? '../shared/data/home-credit');

/**
 * Whether a test needing the real sample runs: `false` with the reason (a fresh clone has no sample), or an error
 * when CI or OCTROI_REQUIRE_REAL_DATA=1 asks for every test to run.
 */
export function realDataSkip(file: string): false | string {
  if (existsSync(resolve(REAL_DATA_DIR, file))) return false;
  const reason = `needs the real Home Credit sample: ${file} is not in ${REAL_DATA_DIR} (set HOME_CREDIT_DATA)`;
  if (process.env['CI'] === 'true' || process.env['OCTROI_REQUIRE_REAL_DATA'] === '1') throw new Error(reason);
  return reason;
}
