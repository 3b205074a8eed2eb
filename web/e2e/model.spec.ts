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

test('the model view reports fairness by gender and age band, with the real sample on request', async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto('/en/model');
  await waitForPanels(page, 120_000);
  const panel = page.locator('[data-panel="fairness"]');
  await expect(panel.getByTestId('fairness-summary-gender')).toContainText('Lowest ratio of approval');
  await expect(panel.getByTestId('fairness-summary-ageBand')).toContainText(/four-fifths|four fifths/);
  // Both axes of every chart say what they measure and in which unit.
  await expect(panel.locator('.ngx-frame').first()).toContainText('Share of the group (%)');
  await expect(panel.locator('.ngx-frame').nth(1)).toContainText('Age at application (years)');
  await panel.locator('#fairness-source').selectOption('realSample');
  await expect(panel.locator('figcaption').first()).toContainText('real sample');
  await expect(panel.locator('table').first()).toContainText('Women');
  await expectNoAxeViolations(page, 'model view, fairness');
});
