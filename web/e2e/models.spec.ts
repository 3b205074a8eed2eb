import type { APIRequestContext, Page } from '@playwright/test';

import { expect, expectNoAxeViolations, listClients, screenshot, test, waitForPanels } from './support/dashboard.ts';
import { administrator } from './support/system.ts';

interface ModelList {
  champion: string;
  challenger: string | null;
  models: Array<{ version: string; role: string | null }>;
}

async function models(api: APIRequestContext): Promise<ModelList> {
  const response = await api.get('/api/v1/models');
  expect(response.ok()).toBe(true);
  return (await response.json()) as ModelList;
}

async function signInAsAdministrator(page: Page) {
  expect(administrator.password, 'OCTROI_ADMIN_PASSWORD is not set (scripts/e2e.sh adds the administrator)').not.toBe(
    '',
  );
  await page.goto('/fr/sign-in');
  await page.locator('#username').fill(administrator.username);
  await page.locator('#password').fill(administrator.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => !url.pathname.includes('/sign-in'));
}

/** Confirms an action of a bundle's row, in the two steps the page asks for, with the reason it requires. */
async function act(page: Page, version: string, action: RegExp, reason: string) {
  const row = page.locator(`tr[data-version="${version}"]`);
  await row.getByRole('button', { name: action }).click();
  const confirm = row.getByRole('button', { name: /^Confirmer/ });
  await expect(confirm, 'no change without a reason').toBeDisabled();
  await row.getByRole('textbox', { name: /^Motif/ }).fill(reason);
  await confirm.click();
  await expect(page.getByTestId('model-action-status')).toContainText(version);
}

test('an officer sees the versions and their roles, and no way to change them', async ({ page, officerApi }) => {
  const list = await models(officerApi);
  expect(list.models.length).toBeGreaterThanOrEqual(2);
  await page.goto('/fr/models');
  await waitForPanels(page);
  await expect(page).toHaveTitle(/^Versions du modèle/);
  const champion = page.locator(`tr[data-version="${list.champion}"]`);
  await expect(champion).toContainText('Champion (décide)');
  await expect(page.getByText('Seul un administrateur peut promouvoir')).toBeVisible();
  await expect(page.getByRole('button', { name: /Promouvoir/ })).toHaveCount(0);
  await expectNoAxeViolations(page, 'model versions (officer)');
});

test.describe('an administrator', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('shadows a challenger, sees it against the champion, promotes it, then rolls back', async ({
    page,
    officerApi,
  }) => {
    test.setTimeout(120_000);
    const { champion, models: all } = await models(officerApi);
    const other = all.find((model) => model.version !== champion)!.version;
    await signInAsAdministrator(page);
    await page.goto('/fr/models');
    await waitForPanels(page);

    await act(page, other, /^Mettre en parallèle/, 'comparer sur les demandes du jour');
    await expect(page.locator(`tr[data-version="${other}"]`)).toContainText('Challenger (en parallèle)');
    await expect(page.locator(`tr[data-version="${other}"]`)).toContainText(
      'motif : comparer sur les demandes du jour',
    );
    expect((await models(officerApi)).challenger).toBe(other);

    // Live decisions: the challenger scores them in shadow, and its scores reach the page.
    const clients = await listClients(officerApi, 'page=3&pageSize=60');
    for (const { clientId } of clients)
      expect((await officerApi.get(`/api/v1/clients/${clientId}/score`)).ok()).toBe(true);
    await expect
      .poll(
        async () => {
          await page.reload();
          await waitForPanels(page);
          return page.getByTestId('shadow-summary').textContent();
        },
        { timeout: 30_000 },
      )
      .toMatch(new RegExp(`${other} face à ${champion} : [1-9]`));
    await expect(page.getByTestId('shadow-decisions')).toBeVisible();
    await expect(page.getByText('Challenger − champion (points de pourcentage)').first()).toBeVisible();
    await screenshot(page, '10-model-versions');
    await expectNoAxeViolations(page, 'model versions (administrator, with a challenger)');

    await act(page, other, /^Promouvoir champion/, 'meilleur rappel');
    await expect.poll(async () => (await (await officerApi.get('/api/v1/model')).json()).version).toBe(other);
    expect((await models(officerApi)).challenger, 'a challenger promoted is no longer one').toBeNull();

    await act(page, champion, /^Promouvoir champion/, 'retour à la version livrée');
    await expect.poll(async () => (await (await officerApi.get('/api/v1/model')).json()).version).toBe(champion);
  });
});
