import type { APIRequestContext } from '@playwright/test';

import {
  expect,
  expectNoAxeViolations,
  listClients,
  screenshot,
  signIn,
  test,
  waitForPanels,
} from './support/dashboard.ts';
import { tabStops } from './support/keyboard.ts';
import { administrator } from './support/system.ts';

interface OverridesReport {
  decisions: number;
  overrides: number;
  byOfficer: { group: string; decisions: number; overrides: number }[];
}

/** A client of `decision` no officer has decided on, asked for once so that its decision of record exists. */
async function undecided(api: APIRequestContext, decision: string): Promise<{ clientId: number; decisionId: string }> {
  for (const { clientId } of await listClients(api, `page=4&pageSize=10&decision=${decision}`)) {
    const { decisionId } = (await (await api.get(`/api/v1/clients/${clientId}/score`)).json()) as {
      decisionId: string;
    };
    const history = (await (await api.get(`/api/v1/clients/${clientId}/decision-history`)).json()) as {
      decisions: { officerDecisions: unknown[] }[];
    };
    if (history.decisions.every((d) => d.officerDecisions.length === 0)) return { clientId, decisionId };
  }
  throw new Error(`no ${decision} client without an officer decision on page 4`);
}

test.describe('administrators', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('read how often officers override the model: a rate by week with its units and table, by officer and by reason', async ({
    page,
    officerApi,
  }) => {
    expect(administrator.password, 'OCTROI_ADMIN_PASSWORD is not set').not.toBe('');
    await signIn(page, administrator);
    const report = async () => (await (await page.request.get('/api/v1/overrides?weeks=12')).json()) as OverridesReport;
    const before = await report();
    const officer = (await (await officerApi.get('/api/v1/session')).json()) as { username: string };

    // One override (a refusal granted) and one confirmation (a refusal refused): two decisions, one override.
    for (const [verdict, reasonCode] of [
      ['granted', 'additional-income'],
      ['refused', 'debt-burden'],
    ] as const) {
      const { decisionId } = await undecided(officerApi, 'refused');
      const recorded = await officerApi.post('/api/v1/officer-decisions', {
        data: { decisionId, decision: verdict, reasonCode, justification: 'Checked against the bank statements.' },
      });
      expect(recorded.status()).toBe(201);
    }

    await page.goto('/fr/overrides');
    await waitForPanels(page);
    await expect(page.getByTestId('overrides-total')).toContainText(
      `${before.decisions + 2} décision(s) de conseillers, dont ${before.overrides + 1} dérogation(s)`,
    );
    // The chart's axes say what they measure and in which unit; its table gives the same weeks.
    const chart = page.locator('[data-panel="overrides"] figure');
    await expect(chart).toContainText('Semaine (commençant le lundi)');
    await expect(chart).toContainText('Dérogations (% des décisions de conseillers)');
    await expect(chart.locator('svg')).toContainText('%');
    await chart.locator('details summary').click();
    await expect(chart.locator('table tbody tr')).toHaveCount(12);
    const byOfficer = page
      .getByTestId('overrides-by-officer')
      .locator('tbody tr')
      .filter({ hasText: officer.username });
    const officerBefore = before.byOfficer.find((row) => row.group === officer.username);
    await expect(byOfficer.locator('td').nth(1)).toHaveText(String((officerBefore?.overrides ?? 0) + 1));
    await expect(page.getByTestId('overrides-by-reason')).toContainText('Revenus complémentaires');
    await expectNoAxeViolations(page, 'overrides page');
    // One Tab stop for the chart, one per control and table region, each with a name.
    const stops = await tabStops(page);
    expect(
      stops.filter((stop) => !stop.name),
      'Tab stops without a name',
    ).toEqual([]);
    expect(stops.length, 'Tab stops on the overrides page').toBeLessThanOrEqual(30);
    await screenshot(page, '15-overrides');

    // The period is in the address: four weeks, four rows.
    await page.getByLabel('Période').selectOption('4');
    await page.waitForURL(/weeks=4/);
    await waitForPanels(page);
    await expect(chart.locator('table tbody tr')).toHaveCount(4);

    await page.goto('/en/overrides');
    await waitForPanels(page);
    await expect(page.locator('[data-panel="overrides"] figure')).toContainText('Overrides (% of officer decisions)');
  });
});

test('an officer who is not an administrator has no overrides page, nor its data', async ({ page, officerApi }) => {
  expect((await officerApi.get('/api/v1/overrides')).status()).toBe(403);
  await page.goto('/fr/overrides');
  await page.waitForURL(/\/fr\/clients/);
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Dérogations' })).toHaveCount(0);
});
