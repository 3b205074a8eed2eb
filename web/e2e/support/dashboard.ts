/**
 * What the end-to-end tests share: a `test` whose pages are signed in as the officer, the gateway's API in the
 * same session, accessibility checks with axe, and waits and screenshots that know the dashboard's panels.
 */
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, type Page, test as base, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

import { type Credentials, officer, officerState, screenshots } from './system.ts';

export { expect };

export type Decision = 'granted' | 'refused' | 'referred';

export interface ClientSummary {
  clientId: number;
  decision: Decision;
  probabilityOfDefault: number;
}

/** The gateway's client list, read in the officer's session. */
export async function listClients(api: APIRequestContext, query: string): Promise<ClientSummary[]> {
  const response = await api.get(`/api/v1/clients?${query}`);
  expect(response.ok(), `GET /api/v1/clients?${query} answered ${response.status()}`).toBe(true);
  return ((await response.json()) as { items: ClientSummary[] }).items;
}

export const test = base.extend<{ officerApi: APIRequestContext; someClient: ClientSummary }>({
  /** The gateway's API in the officer's session, also for tests whose page starts signed out. */
  officerApi: async ({ playwright }, use) => {
    const api = await playwright.request.newContext({ baseURL: officer.baseUrl, storageState: officerState });
    await use(api);
    await api.dispose();
  },
  /** The first client of the list: any client will do for tests that only need one. */
  someClient: async ({ officerApi }, use) => {
    const [first] = await listClients(officerApi, 'page=1&pageSize=5');
    expect(first, 'the gateway lists no client').toBeTruthy();
    await use(first);
  },
});

/** Signs in through the page, as an officer (or whoever `who` is) would. */
export async function signIn(page: Page, who: Credentials = officer): Promise<void> {
  if (!page.url().includes('/sign-in')) await page.goto('/fr/sign-in');
  await page.locator('#username').fill(who.username);
  await page.locator('#password').fill(who.password);
  await page.getByRole('button', { name: /Se connecter|Sign in/ }).click();
  await page.waitForURL((url) => !url.pathname.includes('/sign-in'), { timeout: 10_000 });
}

/** axe-core on the page with every folded section opened; the failure lists each violation and where. */
export async function expectNoAxeViolations(page: Page, view: string): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  const { violations } = await new AxeBuilder({ page }).analyze();
  const found = violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} at ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')}`,
  );
  expect(found, `axe violations on ${view}`).toEqual([]);
}

/** Waits until every panel of the page has its answer (no `aria-busy="true"` left). */
export async function waitForPanels(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelectorAll('[data-panel]').length > 0 && !document.querySelector('[data-panel][aria-busy="true"]'),
    undefined,
    { timeout },
  );
}

/** A full-page screenshot kept for a person to look at (`test-artifacts/screenshots/<name>.png`). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: resolve(screenshots, `${name}.png`), fullPage: true });
}
