import { expect, expectNoAxeViolations, screenshot, test } from './support/dashboard.ts';

test('the client list filters by decision and is accessible', async ({ page }) => {
  await page.goto('/fr/clients?decision=refused');
  const badges = page.getByTestId('client-table').locator('.decision-badge');
  await expect(badges.first()).toBeVisible();
  const words = await badges.allTextContents();
  expect(
    words.filter((w) => !w.includes('Refusé')),
    'badges other than refused under the refused filter',
  ).toEqual([]);
  await expect(page).toHaveTitle(/^Clients/);
  await screenshot(page, '02-client-list');
  await expectNoAxeViolations(page, 'client list');
});

test('the officer finds a client by typing the start of the number', async ({ page, someClient }) => {
  await page.goto('/fr/clients');
  const id = String(someClient.clientId);
  await page.getByTestId('client-search').fill(id.slice(0, 4));
  await expect(page.getByTestId('client-matches').locator('a').first()).toBeVisible();
  await page.getByTestId('client-search').fill(id);
  await page.getByTestId('client-matches').locator(`a[href$="/clients/${id}"]`).click();
  await page.waitForURL(new RegExp(`/fr/clients/${id}$`));
  await expect(page.getByTestId('client-heading')).toBeVisible();
});

test('the keyboard skips to the content and opens a client with Enter', async ({ page, someClient }) => {
  await page.goto('/fr/clients');
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveText('Aller au contenu');
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
  await page.getByTestId('client-search').focus();
  await page.keyboard.type(String(someClient.clientId));
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`/clients/${someClient.clientId}$`));
});
