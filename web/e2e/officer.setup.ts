import { expect, test as setup } from '@playwright/test';

import { signIn } from './support/dashboard.ts';
import { officer, officerState } from './support/system.ts';

setup('the officer signs in once for the tests that only need a session', async ({ page }) => {
  expect(officer.password, "OCTROI_PASSWORD is not set: the officer's password is needed to sign in").not.toBe('');
  await signIn(page);
  await page.context().storageState({ path: officerState });
});
