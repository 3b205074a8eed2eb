import { expect, expectNoAxeViolations, screenshot, test } from './support/dashboard.ts';

test('a new application is scored and explained', async ({ page }) => {
  await page.goto('/fr/applications/new');
  const values: Record<string, string> = {
    AMT_CREDIT: '450000',
    AMT_ANNUITY: '24000',
    AMT_GOODS_PRICE: '400000',
    AGE_YEARS: '41',
    AMT_INCOME_TOTAL: '180000',
    YEARS_EMPLOYED: '6',
    EXT_SOURCE_2: '0,62',
    EXT_SOURCE_3: '0,55',
  };
  for (const [field, value] of Object.entries(values)) await page.locator(`#app-${field}`).fill(value);
  await page.locator('#app-NAME_CONTRACT_TYPE').selectOption('Cash loans');
  await page.locator('#app-CODE_GENDER').selectOption('F');
  await page.getByRole('button', { name: 'Calculer le score' }).click();
  await expect(page.getByTestId('application-result')).toContainText(/Crédit (accordé|refusé)/);
  await expect(page).toHaveTitle(/^Nouvelle demande/);
  await screenshot(page, '07-new-application');
  await expectNoAxeViolations(page, 'new application');
});

test("a value the scoring service refuses is shown at its field, in the service's words", async ({ page, request }) => {
  const probe = await request.post('/api/v1/score', { data: { AMT_CREDIT: 'a lot' } });
  expect(probe.status(), 'the gateway refuses a text credit amount').toBe(400);
  const body = (await probe.json()) as { field?: string; message: string };
  await page.goto('/fr/applications/new');
  await page.locator('#app-NAME_CONTRACT_TYPE').selectOption('Cash loans');
  // The form only sends categories it offers, so send the refused value as the page would for a bad category.
  await page.route('**/api/v1/score', (route) => route.continue({ postData: JSON.stringify({ AMT_CREDIT: 'a lot' }) }));
  await page.getByRole('button', { name: 'Calculer le score' }).click();
  await expect(page.getByTestId('application-error')).toContainText(body.message);
  await expect(page.locator('#app-AMT_CREDIT')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'new application with an error');
});
