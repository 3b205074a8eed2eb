/** Reads configuration from the environment, once, with defaults; a malformed value stops start-up with its name. */
export function envString(name: string, fallback?: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : value;
}

export function envInt(name: string, fallback: number): number {
  const raw = envString(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new Error(`Environment variable ${name} must be an integer, got "${raw}"`);
  return value;
}

export function envList(name: string): string[] {
  return (envString(name) ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** Where a component keeps its files (users, session key, the stores and audit log of embedded mode). */
export const dataDir = () => envString('OCTROI_DATA_DIR', 'var')!;
