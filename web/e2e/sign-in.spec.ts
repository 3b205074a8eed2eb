import { expect, expectNoAxeViolations, screenshot, signIn, test } from './support/dashboard.ts';
import { officer } from './support/system.ts';

// These tests start signed out.
test.use({ storageState: { cookies: [], origins: [] } });

test('the officer signs in and sees their name', async ({ page }) => {
  await page.goto('/');
  await page.waitForURL(/\/fr\/sign-in/);
  await signIn(page);
  await expect(page.getByTestId('officer')).not.toBeEmpty();
});

test('a signed-out visitor following a client link signs in first, then lands on the link, and sees no client data before', async ({
  page,
  someClient,
}) => {
  const link = `/fr/clients/${someClient.clientId}?feature=AMT_CREDIT`;
  const replies: string[] = [];
  page.on('response', (r) => {
    if (r.url().includes('/api/v1/clients') && r.ok()) replies.push(r.url());
  });
  await page.goto(link);
  await page.waitForURL(/\/fr\/sign-in\?returnUrl=/);
  await expect(page.getByTestId('client-heading')).toHaveCount(0);
  expect(replies, 'client data reached a signed-out visitor').toEqual([]);
  await expect(page).toHaveTitle(/^Connexion/);
  await screenshot(page, '01-sign-in');
  await expectNoAxeViolations(page, 'sign-in');
  await signIn(page);
  const url = new URL(page.url());
  expect(url.pathname + url.search).toBe(link);
});

test('wrong credentials are refused with a message', async ({ page }) => {
  await page.goto('/fr/sign-in');
  await page.locator('#username').fill(officer.username);
  await page.locator('#password').fill(`${officer.password}-wrong`);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByText('Identifiant ou mot de passe incorrect.')).toBeVisible();
});

test('signing out leaves no client data reachable', async ({ page, someClient }) => {
  await signIn(page);
  await page.goto(`/fr/clients/${someClient.clientId}`);
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.waitForURL(/\/fr\/sign-in/);
  await page.goto(`/fr/clients/${someClient.clientId}`);
  await page.waitForURL(/\/fr\/sign-in\?returnUrl=/);
  const reply = await page.request.get(`/api/v1/clients/${someClient.clientId}`);
  expect(reply.status(), 'the API answers after sign-out').toBe(401);
});
