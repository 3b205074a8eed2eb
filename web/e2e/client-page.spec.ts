import { expect, expectNoAxeViolations, screenshot, test, waitForPanels } from './support/dashboard.ts';

test('the client page shows the decision in words, the score and the reasons', async ({ page, someClient }) => {
  await page.goto(`/fr/clients/${someClient.clientId}`);
  await waitForPanels(page);
  await expect(page.getByTestId('decision')).toHaveText(/Crédit (accordé|refusé)/);
  await expect(page.getByTestId('probability')).toHaveText(/\d+,\d\s%/);
  const reasons = await page
    .locator('[data-testid="adverse-reasons"] li, [data-testid="favourable-reasons"] li')
    .allTextContents();
  expect(reasons.length, 'reasons in words').toBeGreaterThan(0);
  expect(
    reasons.filter((r) => r.trim().length <= 10),
    'reasons too short to be sentences',
  ).toEqual([]);
  await expect(page).toHaveTitle(new RegExp(`^Client ${someClient.clientId}`));
  const reference = (await page.getByTestId('decision-reference').textContent())?.split(': ').at(-1)?.trim();
  const recorded = await page.request.get(`/api/v1/decisions/${reference}`);
  expect(recorded.ok(), `the decision reference "${reference}" is in the audit log`).toBe(true);
  expect((await recorded.json()).clientId).toBe(someClient.clientId);
  await screenshot(page, '03-client');
  await expectNoAxeViolations(page, 'client page');
});

test('when the explain service is down, its panels say so in words and the rest of the page works', async ({
  page,
  someClient,
}) => {
  const unavailable = {
    status: 503,
    contentType: 'application/json',
    body: JSON.stringify({ code: 'unavailable', message: 'explain is down' }),
  };
  await page.route('**/api/v1/clients/*/explanation*', (route) => route.fulfill(unavailable));
  await page.route('**/api/v1/clients/*/counterfactual*', (route) => route.fulfill(unavailable));
  await page.goto(`/fr/clients/${someClient.clientId}`);
  const reasons = page.locator('.reasons-card');
  // Panels appear one after the other: wait for the failing one to have answered, then for the others.
  await expect(reasons.getByText('momentanément indisponible')).toBeVisible();
  await waitForPanels(page);
  await expect(reasons.getByRole('button', { name: 'Réessayer' })).toBeVisible();
  await expect(page.getByTestId('decision'), 'the score panel stopped working').toHaveText(/Crédit (accordé|refusé)/);
  await expect(page.locator('[data-panel="similar"] table'), 'the similar clients panel stopped working').toHaveCount(
    1,
  );
  await screenshot(page, '09-client-explain-down');
});

test('the language switches to English, in words, formats, title and <html lang>', async ({ page, someClient }) => {
  await page.goto(`/fr/clients/${someClient.clientId}?feature=AMT_CREDIT`);
  await waitForPanels(page);
  await page.getByTestId('language-switch').click();
  await page.waitForURL(new RegExp(`/en/clients/${someClient.clientId}\\?feature=AMT_CREDIT$`));
  await waitForPanels(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('decision')).toHaveText(/Credit (granted|refused)/);
  await expect(page.getByTestId('probability')).toHaveText(/^\s*\d+\.\d%\s*$/);
  await expect(page.locator('#population-feature'), 'the chosen feature was kept').toHaveValue('AMT_CREDIT');
  await screenshot(page, '05-client-en');
  await expectNoAxeViolations(page, 'client page in English');
  await page.getByTestId('language-switch').click();
  await page.waitForURL(/\/fr\/clients\//);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});
