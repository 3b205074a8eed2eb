import { expect, expectNoAxeViolations, screenshot, test, waitForPanels } from './support/dashboard.ts';

test('the model view shows importance, summary, dependence and quality', async ({ page }) => {
  // The first visit after start-up waits for the global explanations to be computed.
  test.setTimeout(150_000);
  await page.goto('/fr/model');
  await waitForPanels(page, 120_000);
  await expect(page.getByTestId('auc')).toHaveText(/0,\d+/);
  await expect(page).toHaveTitle(/^Le modèle/);
  await screenshot(page, '06-model');
  await expectNoAxeViolations(page, 'model view');
});
