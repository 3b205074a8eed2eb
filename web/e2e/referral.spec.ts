import { expect, expectNoAxeViolations, listClients, screenshot, test, waitForPanels } from './support/dashboard.ts';

interface ModelInfo {
  threshold: number;
  policy: { referral: { band: number } };
}

test('a borderline client is referred to an officer, not decided by the model', async ({ page, request }) => {
  const model = (await (await request.get('/api/v1/model')).json()) as ModelInfo;
  const band = model.policy.referral.band;
  expect(band, 'the shipped policy has a referral band').toBeGreaterThan(0);
  const [client] = await listClients(request, 'page=1&pageSize=1&decision=referred');
  expect(client, 'a client within the band').toBeDefined();
  // The band is read from the policy here, not from the list: the list's answer must fall inside it.
  expect(Math.abs(client.probabilityOfDefault - model.threshold)).toBeLessThanOrEqual(band + 1e-6);

  await page.goto(`/fr/clients/${client.clientId}`);
  await waitForPanels(page);
  await expect(page.getByTestId('decision')).toHaveText(/Décision par un conseiller/);
  await expect(page.locator('.score-card')).toContainText('un conseiller examine le dossier et décide');
  await expect(page.locator('.score-card .zone-referred')).toHaveCount(1);
  // The decision of record says so too.
  const score = await request.get(`/api/v1/clients/${client.clientId}/score`);
  expect(((await score.json()) as { decision: string }).decision).toBe('referred');
  await screenshot(page, '11-client-referred');
  await expectNoAxeViolations(page, 'referred client');
});

test('the model page says how many clients the band sends to an officer and what it costs', async ({
  page,
  request,
}) => {
  test.setTimeout(150_000);
  const referred = (await (await request.get('/api/v1/clients?page=1&pageSize=1&decision=referred')).json()) as {
    total: number;
  };
  await page.goto('/fr/model');
  await waitForPanels(page, 120_000);
  const summary = page.getByTestId('referral-summary');
  // The count comes from the list's filter here, from the report on the page: two computations that must agree.
  await expect(summary).toContainText(`${new Intl.NumberFormat('fr-FR').format(referred.total)} clients`);
  await expect(page.getByTestId('referral-cost')).toContainText(/\d+ unités de coût/);
  const table = page.locator('[data-panel="referral"] table');
  await expect(table.locator('tbody tr').filter({ hasText: 'oui' })).not.toHaveCount(0);
  await expect(page.locator('[data-panel="referral"] figcaption')).toContainText('Coût attendu');
});
