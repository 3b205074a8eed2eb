import { expect, listClients, screenshot, test, waitForPanels } from './support/dashboard.ts';

test.describe('at 200 % zoom', () => {
  // 640 × 450 CSS pixels is a 1280 × 900 window at 200 % zoom.
  test.use({ viewport: { width: 640, height: 450 } });

  test('at 200 % zoom every view reflows without horizontal scrolling', async ({ page, someClient }) => {
    for (const path of ['/fr/clients', `/fr/clients/${someClient.clientId}`, '/fr/model', '/fr/applications/new']) {
      await page.goto(path);
      await page.locator('h1').first().waitFor();
      await page.waitForTimeout(300);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${path} scrolls sideways at 200 %`).toBeLessThanOrEqual(1);
    }
    await page.goto(`/fr/clients/${someClient.clientId}`);
    await waitForPanels(page);
    await screenshot(page, '08-client-zoom-200');
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('on a phone 390 px wide, the client page and its tables never scroll sideways', async ({ page, request }) => {
    // A refused client: its page also holds the suggestion table, the widest of the page.
    const [refused] = await listClients(request, 'page=1&pageSize=1&decision=refused');
    await page.goto(`/fr/clients/${refused.clientId}`);
    await waitForPanels(page);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(1);
    const wideTables = await page.evaluate(() =>
      [...document.querySelectorAll('[data-panel="counterfactual"] table')]
        .filter((table) => table.scrollWidth > (table.parentElement?.clientWidth ?? 0) + 1)
        .map((table) => table.textContent?.slice(0, 40)),
    );
    expect(wideTables, 'suggestion tables wider than their panel').toEqual([]);
  });
});
