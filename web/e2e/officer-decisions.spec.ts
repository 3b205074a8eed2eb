import type { APIRequestContext } from '@playwright/test';

import { expect, expectNoAxeViolations, listClients, screenshot, test, waitForPanels } from './support/dashboard.ts';

interface OfficerDecision {
  officerDecisionId: string;
  decision: string;
  override: boolean;
  reasonCode: string;
  justification: string;
  officer: { username: string; displayName: string };
}
interface DecisionHistory {
  decisions: {
    model: { decisionId: string; decision: string; modelVersion: string };
    officerDecisions: OfficerDecision[];
    standing: { decision: string; by: string };
  }[];
}

const history = async (api: APIRequestContext, clientId: number) =>
  (await (await api.get(`/api/v1/clients/${clientId}/decision-history`)).json()) as DecisionHistory;

/** A refused client no officer has decided on yet, away from the first ones that other tests open. */
async function undecidedRefusedClient(api: APIRequestContext): Promise<number> {
  const clients = await listClients(api, 'page=3&pageSize=10&decision=refused');
  for (const { clientId } of clients) {
    await api.get(`/api/v1/clients/${clientId}/score`); // records the decision of record if it is the first ask
    if ((await history(api, clientId)).decisions.every((d) => d.officerDecisions.length === 0)) return clientId;
  }
  throw new Error('every refused client of page 3 already has an officer decision');
}

const JUSTIFICATION = 'Three payslips and a signed employment contract checked with the client today.';

test("an officer overrides a refusal on the client's page with a reason and a justification; the history, the audit log and the letter keep it", async ({
  page,
  request,
}) => {
  const clientId = await undecidedRefusedClient(request);
  const officer = (await (await request.get('/api/v1/session')).json()) as { username: string; displayName: string };
  const score = (await (await request.get(`/api/v1/clients/${clientId}/score`)).json()) as {
    decisionId: string;
    modelVersion: string;
  };

  await page.goto(`/fr/clients/${clientId}`);
  await waitForPanels(page);
  const panel = page.locator('[data-panel="officer"]');
  await expect(panel.getByTestId('standing-decision')).toContainText('par le modèle');

  // Nothing is sent without a decision, a reason and a justification long enough: each field says what it lacks.
  await panel.getByRole('button', { name: 'Enregistrer ma décision' }).click();
  await expect(panel.locator('.field-error')).toHaveCount(3);
  await panel.getByLabel('Accorder le crédit').check();
  await expect(panel.getByTestId('decision-effect')).toContainText('dérogation');
  await panel.getByLabel('Motif', { exact: true }).selectOption({ label: 'Pièces justificatives vérifiées' });
  await panel.getByLabel('Justification', { exact: true }).fill('Vu.');
  await panel.getByRole('button', { name: 'Enregistrer ma décision' }).click();
  await expect(panel.getByLabel('Justification', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  expect((await history(request, clientId)).decisions.flatMap((d) => d.officerDecisions)).toEqual([]);

  await panel.getByLabel('Justification', { exact: true }).fill(JUSTIFICATION);
  await panel.getByRole('button', { name: 'Enregistrer ma décision' }).click();
  await expect(panel.getByTestId('officer-decision-recorded')).toBeVisible();
  await expect(panel.getByTestId('standing-decision')).toContainText(`par ${officer.displayName}`);

  // Kept beside the decision of record, as the officer's, and counted as an override of the model.
  const reviewed = (await history(request, clientId)).decisions.find((d) => d.model.decisionId === score.decisionId)!;
  expect(reviewed.model.decision).toBe('refused');
  expect(reviewed.model.modelVersion).toBe(score.modelVersion);
  expect(reviewed.standing).toMatchObject({
    decision: 'granted',
    by: 'officer',
    officer: { username: officer.username, displayName: officer.displayName },
  });
  const [recorded] = reviewed.officerDecisions;
  expect(recorded).toMatchObject({
    decision: 'granted',
    override: true,
    reasonCode: 'documents-verified',
    justification: JUSTIFICATION,
    officer: { username: officer.username },
  });
  await expect(panel.getByTestId('officer-decision-recorded')).toContainText(recorded.officerDecisionId);
  const audited = await request.get(`/api/v1/decisions/${recorded.officerDecisionId}`);
  expect(audited.status()).toBe(200);
  expect(await audited.json()).toMatchObject({
    kind: 'officer',
    modelDecisionId: score.decisionId,
    decision: 'granted',
    override: true,
    principal: officer.username,
    justification: JUSTIFICATION,
  });

  // The history on the page: the model's refusal with its version, the officer's grant with reason and words.
  const row = page.getByTestId('decision-history').locator(`tr[data-decision-id="${score.decisionId}"]`);
  await expect(row).toContainText(score.modelVersion);
  await expect(row.getByTestId('officer-decision')).toContainText(officer.displayName);
  await expect(row.getByTestId('officer-decision')).toContainText('Pièces justificatives vérifiées');
  await expect(row.getByTestId('officer-decision')).toContainText('Dérogation');
  await expect(row.getByTestId('officer-decision')).toContainText(JUSTIFICATION);
  await expectNoAxeViolations(page, 'client page after an officer decision');
  await screenshot(page, '13-client-officer-decision');

  // In English, the same decision in English words.
  await page.goto(`/en/clients/${clientId}`);
  await waitForPanels(page);
  const englishRow = page.getByTestId('decision-history').locator(`tr[data-decision-id="${score.decisionId}"]`);
  await expect(englishRow.getByTestId('officer-decision')).toContainText('Documents verified');
  await expect(englishRow.getByTestId('officer-decision')).toContainText('Override');

  // The letter gives the officer's decision, signed by them.
  await page.goto(`/en/clients/${clientId}/letter`);
  await expect(page.getByTestId('letter-decision')).not.toContainText('cannot grant');
  await expect(page.getByTestId('letter-officer-review')).toContainText(officer.displayName);
  await expect(page.getByTestId('letter-officer')).toContainText(officer.displayName);
});

test('a decision made on a stale page is refused, not recorded twice', async ({ page, request }) => {
  const clientId = await undecidedRefusedClient(request);
  await page.goto(`/en/clients/${clientId}`);
  await waitForPanels(page);
  const panel = page.locator('[data-panel="officer"]');
  await expect(panel.getByTestId('standing-decision')).toContainText('by the model');
  const score = (await (await request.get(`/api/v1/clients/${clientId}/score`)).json()) as { decisionId: string };
  // Another officer decides meanwhile, in the place this page's decision would take.
  const first = await request.post('/api/v1/officer-decisions', {
    data: {
      decisionId: score.decisionId,
      decision: 'refused',
      reasonCode: 'debt-burden',
      justification: 'Monthly repayments would exceed a third of the income.',
      sequence: 1,
    },
  });
  expect(first.status()).toBe(201);

  await panel.getByLabel('Grant the credit').check();
  await panel.getByLabel('Reason', { exact: true }).selectOption('guarantor-or-collateral');
  await panel.getByLabel('Justification', { exact: true }).fill('A parent stands guarantor for the whole amount.');
  await panel.getByRole('button', { name: 'Record my decision' }).click();
  await expect(panel.getByRole('alert')).toContainText('Another officer has just decided');
  await panel.getByRole('button', { name: 'Reload' }).click();
  await expect(panel.getByTestId('standing-decision')).toContainText('Credit refused');
  const decided = (await history(request, clientId)).decisions.flatMap((d) => d.officerDecisions);
  expect(decided.map((d) => d.reasonCode)).toEqual(['debt-burden']);
});
