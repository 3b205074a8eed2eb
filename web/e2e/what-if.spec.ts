import type { APIRequestContext } from '@playwright/test';

import { expect, listClients, screenshot, test, waitForPanels } from './support/dashboard.ts';

interface Counterfactual {
  found: boolean;
  changes: { field: string; label: string; from: number | string | null; to: number | string | null }[];
}

/**
 * A refused client for whom the explain service finds a change of the loan that gets it granted: among the refused
 * clients closest to the threshold (sorted by probability, so whatever the threshold and band of the model).
 */
async function refusedClientWithSuggestion(api: APIRequestContext) {
  const nearest = 'page=1&pageSize=25&decision=refused&sort=probabilityOfDefault&order=asc';
  for (const candidate of await listClients(api, nearest)) {
    const reply = await api.get(`/api/v1/clients/${candidate.clientId}/counterfactual?language=fr`);
    const counterfactual = (await reply.json()) as Counterfactual;
    if (reply.ok() && counterfactual.found && counterfactual.changes.length) return { candidate, counterfactual };
  }
  throw new Error('no refused client near the threshold has a counterfactual suggestion');
}

const digits = (text: string | null) => (text ?? '').replace(/\D/g, '');

test('changing the loan in what-if updates the score live and turns the decision', async ({ page, request }) => {
  const { candidate, counterfactual } = await refusedClientWithSuggestion(request);
  await page.goto(`/fr/clients/${candidate.clientId}`);
  await waitForPanels(page);
  await expect(page.getByTestId('decision')).toContainText('Crédit refusé');
  // Only the loan's terms are offered: never gender, age or family situation.
  const offered = await page
    .locator('.what-if-form [data-field]')
    .evaluateAll((inputs) => inputs.map((input) => input.getAttribute('data-field')));
  expect(offered.every((field) => ['AMT_CREDIT', 'AMT_ANNUITY', 'AMT_GOODS_PRICE'].includes(field!))).toBe(true);
  for (const change of counterfactual.changes) {
    await page.locator(`[data-field="${change.field}"]`).fill(String(change.to));
  }
  const result = page.getByTestId('what-if-result');
  await expect(page.getByTestId('what-if-decision')).toBeVisible();
  await expect(result).toContainText('Crédit accordé');
  await expect(result).toContainText('La décision change.');
  await expect(result).toContainText(/Écart avec le score actuel : −\d/);
  await screenshot(page, '04-what-if');
});

test('a refused client is shown the change of the loan that gets it granted, and that change holds', async ({
  page,
  request,
}) => {
  const { candidate, counterfactual } = await refusedClientWithSuggestion(request);
  // The suggestion is checked on another route than the one that made it: what-if scores it afresh.
  const changes = Object.fromEntries(counterfactual.changes.map((c) => [c.field, c.to]));
  const whatIf = await request.post('/api/v1/what-if', { data: { clientId: candidate.clientId, changes } });
  expect(whatIf.ok()).toBe(true);
  const { updated, decisionChanged } = (await whatIf.json()) as {
    updated: { decision: string };
    decisionChanged: boolean;
  };
  expect({ decision: updated.decision, decisionChanged }).toEqual({ decision: 'granted', decisionChanged: true });

  await page.goto(`/fr/clients/${candidate.clientId}`);
  await waitForPanels(page);
  const panel = page.locator('[data-panel="counterfactual"]');
  const rows = panel.locator('tbody tr');
  await expect(rows).toHaveCount(counterfactual.changes.length);
  for (const change of counterfactual.changes) {
    const row = rows.filter({ has: page.getByRole('rowheader', { name: change.label, exact: true }) });
    const [from, to] = await row.locator('td').allTextContents();
    // The loan the client asked for, then a smaller one: amounts in euros, whole.
    expect({ from: digits(from), to: digits(to) }).toEqual({
      from: String(Math.round(Number(change.from))),
      to: String(Math.round(Number(change.to))),
    });
    expect(Number(change.to)).toBeLessThan(Number(change.from));
  }
  await expect(panel).toContainText('Crédit accordé');
  // The message gives the risk before and after: two different figures, never "9 % instead of 9 %".
  const message = (await page.getByTestId('counterfactual-message').textContent()) ?? '';
  const [after, before] = [...message.matchAll(/(\d+(?:,\d+)?)\s%/g)].map((m) => m[1]);
  expect(after, `no probability in "${message}"`).toBeDefined();
  expect(after).not.toBe(before);
});

test('a counterfactual suggestion can be tried in what-if, where the credit is granted', async ({ page, request }) => {
  const { candidate } = await refusedClientWithSuggestion(request);
  await page.goto(`/fr/clients/${candidate.clientId}`);
  await waitForPanels(page);
  await page.getByRole('button', { name: 'Essayer dans « Et si… ? »' }).click();
  await expect(page.getByTestId('what-if-decision')).toContainText('Crédit accordé');
  await screenshot(page, '10-counterfactual-tried');
});
