import type { APIRequestContext } from '@playwright/test';

import { expect, expectNoAxeViolations, listClients, screenshot, test, waitForPanels } from './support/dashboard.ts';

interface Drift {
  applications: number;
  variables: Array<{ name: string; status: string; stabilityIndex: number | null }>;
}

const SHIFTED = 'AMT_INCOME_TOTAL';

async function json<T>(api: APIRequestContext, path: string): Promise<T> {
  const response = await api.get(path);
  expect(response.ok(), `GET ${path} answered ${response.status()}`).toBe(true);
  return (await response.json()) as T;
}

/**
 * New applications made from known clients' files, every one earning four times as much: a population the model
 * was not trained on, sent through the API as another bank application would.
 */
async function sendShiftedApplications(api: APIRequestContext, clients: number): Promise<number> {
  const model = await json<{ applicationFields: Array<{ name: string }> }>(api, '/api/v1/model');
  const accepted = new Set(model.applicationFields.map((field) => field.name));
  const applications = [];
  for (const { clientId } of await listClients(api, `page=1&pageSize=${clients}`)) {
    const record = await json<{ groups: Array<{ fields: Array<{ name: string; value: unknown }> }> }>(
      api,
      `/api/v1/clients/${clientId}`,
    );
    const fields = record.groups.flatMap((group) => group.fields).filter((field) => accepted.has(field.name));
    const application = Object.fromEntries(fields.map((field) => [field.name, field.value]));
    const shifted = { ...application, [SHIFTED]: Number(application[SHIFTED]) * 4 };
    applications.push(shifted, shifted);
  }
  const response = await api.post('/api/v1/score', { data: { applications } });
  expect(response.ok(), await response.text()).toBe(true);
  return applications.length;
}

test('the monitoring page shows the drift of a shifted population, the decision mix and approval by group', async ({
  page,
  officerApi,
}) => {
  test.setTimeout(120_000);
  const before = (await json<Drift>(officerApi, '/api/v1/monitoring/drift?window=1h')).applications;
  const sent = await sendShiftedApplications(officerApi, 60);
  // Scoring publishes its counts every second here (MONITORING_PUBLISH_MS in scripts/e2e.sh).
  await expect
    .poll(async () => (await json<Drift>(officerApi, '/api/v1/monitoring/drift?window=1h')).applications, {
      timeout: 30_000,
    })
    .toBeGreaterThanOrEqual(before + sent);
  const drift = await json<Drift>(officerApi, '/api/v1/monitoring/drift?window=1h');
  expect(drift.variables.find((variable) => variable.name === SHIFTED)?.status).toBe('act');
  const model = await json<{ features: Array<{ name: string; label?: { fr: string; en: string } }> }>(
    officerApi,
    '/api/v1/model',
  );
  const income = model.features.find((feature) => feature.name === SHIFTED)!.label!;

  await page.goto('/fr/monitoring?window=1h');
  await waitForPanels(page, 60_000);
  await expect(page).toHaveTitle(/^Surveillance des décisions/);
  await expect(page.getByTestId('drift-summary')).toContainText('décisions du modèle');
  // The bars show the variables that depart most, most first: with the income to act on, so is the first one.
  await expect(page.locator('.wf.stability .wf-row .wf-amount').first()).toContainText('à traiter');
  await expect(page.getByText('Indice de stabilité (PSI, sans unité)').first()).toBeVisible();

  // The shifted income in detail (it may rank below history features that applications sent without history move).
  await page.goto(`/fr/monitoring?window=1h&variable=${SHIFTED}`);
  await waitForPanels(page, 60_000);
  await expect(page.locator('[data-panel="drift-detail"] .ngx-frame.histogram')).toHaveAttribute(
    'aria-label',
    new RegExp(`${income.fr.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*à traiter`),
  );

  // The variable in detail is in the address, and so is the window.
  await page.getByLabel('Variable à détailler').selectOption('score');
  await expect(page).toHaveURL(/variable=score/);
  await expect(page.locator('figcaption', { hasText: 'Répartition de « Score' })).toBeVisible();
  await expect(page.getByText('Part des demandes (%)').first()).toBeVisible();

  await expect(page.getByTestId('mix-total')).toContainText('décisions');
  await expect(page.getByText('Part des décisions (%)').first()).toBeVisible();
  await expect(page.getByTestId('approval-gender').locator('table tbody tr')).not.toHaveCount(0);
  await expect(page.getByTestId('approval-age').locator('table tbody tr')).not.toHaveCount(0);
  await screenshot(page, '09-monitoring');
  await expectNoAxeViolations(page, 'monitoring page');

  await page.getByLabel('Période').selectOption('7d');
  await expect(page).toHaveURL(/window=7d/);
  await waitForPanels(page, 30_000);

  await page.goto('/en/monitoring?window=1h');
  await waitForPanels(page, 60_000);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Monitoring decisions');
  await expect(
    page.locator('.wf.stability .wf-row').filter({ hasText: income.en }).locator('.wf-amount'),
  ).toContainText('to act on');
  await expectNoAxeViolations(page, 'monitoring page in English');
});
