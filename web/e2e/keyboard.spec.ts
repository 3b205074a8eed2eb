import { expect, test, waitForPanels } from './support/dashboard.ts';
import { tabStops } from './support/keyboard.ts';

/**
 * Budgets in Tab stops, counted on the page as it is today with a margin: header and navigation, each control,
 * and each chart as one stop (plus its table). A chart whose points become Tab stops again adds hundreds.
 */
const pages = [
  { name: 'client list', path: () => '/fr/clients', budget: 60 },
  { name: 'client page', path: (id: number) => `/fr/clients/${id}`, budget: 60 },
  { name: 'model page', path: () => '/fr/model', budget: 40 },
  { name: 'new application', path: () => '/fr/applications/new', budget: 60 },
  { name: 'letter', path: (id: number) => `/fr/clients/${id}/letter`, budget: 20 },
  { name: 'monitoring page', path: () => '/fr/monitoring', budget: 30 },
  // A link per waiting application (a few in a test run).
  { name: 'review queue', path: () => '/fr/reviews', budget: 40 },
  { name: 'model versions', path: () => '/fr/models', budget: 40 },
  { name: 'batch jobs page', path: () => '/fr/batches', budget: 30 },
];

for (const view of pages) {
  test(`the ${view.name} has few Tab stops, each with a name`, async ({ page, someClient }) => {
    test.setTimeout(150_000);
    await page.goto(view.path(someClient.clientId));
    await page.locator('h1').first().waitFor();
    if (await page.locator('[data-panel]').count()) await waitForPanels(page, 120_000);
    const stops = await tabStops(page);
    await test
      .info()
      .attach('tab-stops.json', { body: JSON.stringify(stops, null, 1), contentType: 'application/json' });
    expect(
      stops.filter((stop) => !stop.name),
      'Tab stops without a name',
    ).toEqual([]);
    expect(stops.length, `Tab stops on the ${view.name}`).toBeLessThanOrEqual(view.budget);
  });
}

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('the sign-in page has few Tab stops, each with a name', async ({ page }) => {
    await page.goto('/fr/sign-in');
    await page.locator('h1').first().waitFor();
    const stops = await tabStops(page);
    expect(
      stops.filter((stop) => !stop.name),
      'Tab stops without a name',
    ).toEqual([]);
    // Skip link, brand, language, the two fields and the button: nothing else to reach before signing in.
    expect(stops.length).toBeLessThanOrEqual(8);
    expect(stops.map((stop) => stop.element)).toEqual(expect.arrayContaining(['input', 'input', 'button']));
  });
});

test('Escape closes the client finder and gives focus back to what opened it', async ({ page, someClient }) => {
  await page.goto(`/fr/clients/${someClient.clientId}`);
  const finder = page.locator('details.finder-compact');
  await finder.locator('summary').click();
  const search = finder.getByTestId('client-search');
  await search.fill(String(someClient.clientId).slice(0, 3));
  await expect(finder.getByTestId('client-matches')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(finder.getByTestId('client-matches')).toHaveCount(0);
  await expect(search).toHaveValue('');
  await page.keyboard.press('Escape');
  await expect(finder).not.toHaveAttribute('open');
  await expect(finder.locator('summary')).toBeFocused();
});
