/** The system under test and the officer who signs in to it, from the environment `scripts/e2e.sh` sets. */
export const officer = {
  baseUrl: (process.env['OCTROI_URL'] ?? 'http://127.0.0.1:8080').replace(/\/$/, ''),
  username: process.env['OCTROI_USER'] ?? 'officer',
  password: process.env['OCTROI_PASSWORD'] ?? '',
};

/** An administrator (the overrides page is theirs), added to the users file before the run. */
export const administrator = {
  username: process.env['OCTROI_ADMIN_USER'] ?? 'admin',
  password: process.env['OCTROI_ADMIN_PASSWORD'] ?? '',
};

export type Credentials = Pick<typeof officer, 'username' | 'password'>;

/** Traces, failure screenshots and the signed-in state, beside the other test outputs of the repository. */
export const artifacts = '../test-artifacts/e2e';
export const officerState = `${artifacts}/officer-session.json`;
/** Screenshots of every view, kept from each run for a person to look at. */
export const screenshots = '../test-artifacts/screenshots';
