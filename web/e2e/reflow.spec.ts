import { expect, screenshot, test, waitForPanels } from './support/dashboard.ts';

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
