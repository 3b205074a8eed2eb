import type { APIRequestContext } from '@playwright/test';

import { expect, expectNoAxeViolations, listClients, screenshot, test, waitForPanels } from './support/dashboard.ts';
import { tabStops } from './support/keyboard.ts';

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

test('an officer gives back a case they took: it is free for every officer at once, and they are back at the queue', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const me = (await (await request.get('/api/v1/session')).json()) as { username: string };
  const referred = await listClients(request, 'page=3&pageSize=2&decision=referred');
  for (const { clientId } of referred) await request.get(`/api/v1/clients/${clientId}/score`);
  const before = await queue(request);
  const expected = before.referrals.find((r) => !r.takenBy || r.takenBy.officer.username === me.username);
  expect(expected, 'a case this officer may take').toBeDefined();

  await page.goto('/en/reviews');
  await waitForPanels(page);
  await page.getByRole('button', { name: 'Take the next application' }).click();
  await page.waitForURL((url) => url.pathname !== '/en/reviews');
  await waitForPanels(page);
  const giveBack = page.locator('[data-panel="officer"]').getByRole('button', { name: 'Give back' });
  await expect(giveBack).toBeVisible();
  expect(
    (await queue(request)).referrals.find((r) => r.decisionId === expected!.decisionId)?.takenBy?.officer,
  ).toMatchObject({ username: me.username });
  await expectNoAxeViolations(page, 'a taken case');

  // From the keyboard, like the page's other buttons.
  await giveBack.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname === '/en/reviews');
  const waiting = (await queue(request)).referrals;
  const place = waiting.findIndex((r) => r.decisionId === expected!.decisionId);
  expect(place, 'still waiting for a decision').toBeGreaterThanOrEqual(0);
  expect(waiting[place].takenBy, 'held by nobody').toBeUndefined();
  await waitForPanels(page);
  // The page lists the 50 oldest.
  if (place < 50)
    await expect(
      page.locator(`[data-testid="review-queue"] tr[data-decision-id="${expected!.decisionId}"]`),
    ).toContainText('Free');
});

/** A new application as another banking application sends it; the external scores vary around it. */
const APPLICATION = {
  NAME_CONTRACT_TYPE: 'Cash loans',
  AMT_CREDIT: 450_000,
  AMT_ANNUITY: 24_000,
  AMT_GOODS_PRICE: 400_000,
  CODE_GENDER: 'F',
  DAYS_BIRTH: -15_000,
  CNT_CHILDREN: 1,
  CNT_FAM_MEMBERS: 3,
  NAME_EDUCATION_TYPE: 'Higher education',
  NAME_FAMILY_STATUS: 'Married',
  NAME_HOUSING_TYPE: 'House / apartment',
  AMT_INCOME_TOTAL: 180_000,
  NAME_INCOME_TYPE: 'Working',
  DAYS_EMPLOYED: -2_200,
};

/**
 * A new application the model refers to an officer: for a few values of one external score, the other is bisected with
 * what-if simulations (a higher external score lowers the risk) until the decision is 'referred'.
 */
async function referredApplication(request: APIRequestContext) {
  for (const second of [0.5, 0.3, 0.7, 0.1, 0.9]) {
    let [low, high] = [0, 1];
    for (let step = 0; step < 20; step++) {
      const application = { ...APPLICATION, EXT_SOURCE_2: second, EXT_SOURCE_3: (low + high) / 2 };
      const answer = await request.post('/api/v1/what-if', { data: { application, changes: {} } });
      expect(answer.ok(), await answer.text()).toBe(true);
      const { original } = (await answer.json()) as { original: { decision: string } };
      if (original.decision === 'referred') return application;
      if (original.decision === 'refused') low = application.EXT_SOURCE_3;
      else high = application.EXT_SOURCE_3;
    }
  }
  throw new Error('no application within the referral band');
}

test('a referred new application is reviewed on its own page: its score, the application as sent, the decision', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  // Which application lands within the band depends on the model: found with simulations, never recorded, then sent once.
  const application = await referredApplication(request);
  const answer = await request.post('/api/v1/score', { data: { applications: [application] } });
  expect(answer.ok(), await answer.text()).toBe(true);
  const { scores } = (await answer.json()) as { scores: { decisionId: string; decision: string }[] };
  const index = scores.findIndex((score) => score.decision === 'referred');
  expect(index, 'the application found by simulation is referred when sent').toBe(0);
  const { decisionId } = scores[index];
  expect((await queue(request)).referrals.map((r) => r.decisionId)).toContain(decisionId);

  await page.goto(`/fr/reviews/${decisionId}`);
  await waitForPanels(page);
  await expect(page.getByTestId('review-intro')).toBeVisible();
  await expect(page.locator('.score-card .zone-referred')).toHaveCount(1);
  // The application as it was sent: every field, labelled.
  await expect(page.getByTestId('review-application').locator('dd')).toHaveCount(Object.keys(application).length);
  await expectNoAxeViolations(page, 'a referred new application');
  const stops = await tabStops(page);
  expect(
    stops.filter((stop) => !stop.name),
    'Tab stops without a name',
  ).toEqual([]);
  expect(stops.length, 'Tab stops on the review page').toBeLessThanOrEqual(40);
  await screenshot(page, '16-referred-application');

  const panel = page.locator('[data-panel="officer"]');
  await expect(panel.getByTestId('awaiting-officer')).toBeVisible();
  await panel.getByLabel('Accorder le crédit').check();
  await panel.getByLabel('Motif', { exact: true }).selectOption('guarantor-or-collateral');
  await panel.getByLabel('Justification', { exact: true }).fill('Un garant solvable couvre la totalité du prêt.');
  await panel.getByRole('button', { name: 'Enregistrer ma décision' }).click();
  await expect(panel.getByTestId('officer-decision-recorded')).toBeVisible();
  await expect(panel.getByTestId('standing-decision')).toContainText('Crédit accordé');
  const reviewed = (await (await request.get(`/api/v1/reviews/${decisionId}`)).json()) as {
    reviewed: { standing: { decision: string; by: string } };
  };
  expect(reviewed.reviewed.standing).toMatchObject({ decision: 'granted', by: 'officer' });
  expect((await queue(request)).referrals.map((r) => r.decisionId)).not.toContain(decisionId);
});
