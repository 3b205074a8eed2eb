import type { Page } from '@playwright/test';

export interface TabStop {
  element: string;
  name: string;
}

/** Walks the page with Tab from the top until focus comes back round, naming each stop as a screen reader would. */
export async function tabStops(page: Page, limit = 400): Promise<TabStop[]> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.locator('body').focus();
  const stops: TabStop[] = [];
  const seen = new Set<unknown>();
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const element = document.activeElement;
      if (!element || element === document.body) return null;
      const key = (element as HTMLElement & { __tabKey?: number }).__tabKey ?? Math.random();
      (element as HTMLElement & { __tabKey?: number }).__tabKey = key;
      const labelledBy = element.getAttribute('aria-labelledby');
      const name =
        element.getAttribute('aria-label') ??
        (labelledBy ? document.getElementById(labelledBy)?.textContent : null) ??
        ((element as HTMLInputElement).labels?.[0]?.textContent || null) ??
        element.getAttribute('title') ??
        element.textContent ??
        '';
      return { key, element: element.tagName.toLowerCase(), name: name.replace(/\s+/g, ' ').trim() };
    });
    if (!stop || seen.has(stop.key)) break;
    seen.add(stop.key);
    stops.push({ element: stop.element, name: stop.name });
  }
  return stops;
}
