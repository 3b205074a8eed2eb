import type { APIRequestContext } from '@playwright/test';

import { expect, expectNoAxeViolations, listClients, screenshot, test, waitForPanels } from './support/dashboard.ts';

interface Referral {
  decisionId: string;
  clientId?: number;
  time: string;
  takenBy?: { officer: { username: string; displayName: string } };
}
interface ReviewQueue {
  waiting: number;
  referrals: Referral[];
}

const queue = async (api: APIRequestContext) =>
  (await (await api.get('/api/v1/reviews?limit=200')).json()) as ReviewQueue;

test('referred applications wait in a queue, oldest first; an officer takes the next one, settles it, and it leaves the queue', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const me = (await (await request.get('/api/v1/session')).json()) as { username: string; displayName: string };
  // Referred clients' decisions of record join the queue when they are made.
  const referred = await listClients(request, 'page=2&pageSize=3&decision=referred');
  expect(referred.length, 'referred clients to queue').toBeGreaterThan(1);
  for (const { clientId } of referred) await request.get(`/api/v1/clients/${clientId}/score`);
  const before = await queue(request);
  const queuedClients = before.referrals.map((r) => r.clientId);
  for (const { clientId } of referred) expect(queuedClients).toContain(clientId);
  const times = before.referrals.map((r) => Date.parse(r.time));
  expect(times, 'the oldest first').toEqual([...times].sort((a, b) => a - b));

  await page.goto('/fr/reviews');
  await waitForPanels(page);
  await expect(page.getByTestId('nav-review-count')).toContainText(String(before.waiting));
  await expect(page.getByTestId('queue-waiting')).toContainText(String(before.waiting));
  const rows = page.getByTestId('review-queue').locator('tbody tr');
  await expect(rows).toHaveCount(Math.min(before.waiting, 50));
  const shown = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-decision-id')));
  expect(shown).toEqual(before.referrals.slice(0, 50).map((r) => r.decisionId));
  await expectNoAxeViolations(page, 'review queue');
  await screenshot(page, '14-review-queue');

  // Taking gives the oldest one no other officer holds, and holds it for this officer.
  const expected = before.referrals.find((r) => !r.takenBy || r.takenBy.officer.username === me.username)!;
  await page.getByRole('button', { name: 'Prendre le dossier suivant' }).click();
  const casePath =
    expected.clientId !== undefined ? `/fr/clients/${expected.clientId}` : `/fr/reviews/${expected.decisionId}`;
  await page.waitForURL((url) => url.pathname === casePath);
  const held = (await queue(request)).referrals.find((r) => r.decisionId === expected.decisionId);
  expect(held?.takenBy?.officer.username).toBe(me.username);

  // Settling a referral: neither a confirmation nor an override of the model.
  await waitForPanels(page);
  const panel = page.locator('[data-panel="officer"]');
  await expect(panel.getByTestId('awaiting-officer')).toBeVisible();
  await panel.getByLabel('Refuser le crédit').check();
  await expect(panel.getByTestId('decision-effect')).toContainText('tranche un dossier');
  await panel.getByLabel('Motif', { exact: true }).selectOption('payment-incidents');
  await panel.getByLabel('Justification', { exact: true }).fill('Deux incidents de paiement sur le relevé de mars.');
  await panel.getByRole('button', { name: 'Enregistrer ma décision' }).click();
  await expect(panel.getByTestId('officer-decision-recorded')).toBeVisible();
  await expectNoAxeViolations(page, 'a settled referral');

  const after = await queue(request);
  expect(after.referrals.map((r) => r.decisionId)).not.toContain(expected.decisionId);
  expect(after.waiting).toBe(before.waiting - 1);
  const audited = (await (
    await request.get(
      `/api/v1/decisions/${(await panel.getByTestId('officer-decision-recorded').innerText()).match(/[0-9a-f-]{36}/)![0]}`,
    )
  ).json()) as { kind: string; modelDecisionId: string; override: boolean; decision: string };
  expect(audited).toMatchObject({ kind: 'officer', modelDecisionId: expected.decisionId, override: false });

  // And on to the next one.
  await panel.getByTestId('next-review').click();
  const next = after.referrals.find((r) => !r.takenBy || r.takenBy.officer.username === me.username);
  if (next) {
    const nextPath = next.clientId !== undefined ? `/fr/clients/${next.clientId}` : `/fr/reviews/${next.decisionId}`;
    await page.waitForURL((url) => url.pathname === nextPath);
    await expect(page.getByTestId('nav-review-count')).toContainText(String(after.waiting));
  } else {
    await expect(panel.getByText('Aucun autre dossier n’attend.')).toBeVisible();
  }
});
