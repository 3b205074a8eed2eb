/**
 * The little that the end-to-end tests need around playwright-core: the system under test,
 * a Chromium of this machine, axe-core injected into pages, screenshots, and a runner that
 * prints `N passed, N failed`.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));

export const config = {
  baseUrl: (process.env['OCTROI_URL'] ?? 'http://127.0.0.1:8080').replace(/\/$/, ''),
  username: process.env['OCTROI_USER'] ?? 'officer',
  password: process.env['OCTROI_PASSWORD'] ?? '',
  chromium: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  screenshots: resolve(here, '../../test-artifacts/screenshots'),
};

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: config.chromium, args: CHROMIUM_ARGS });
}

export function newContext(browser: Browser, width = 1280, height = 900): Promise<BrowserContext> {
  return browser.newContext({ baseURL: config.baseUrl, viewport: { width, height }, locale: 'fr-FR' });
}

/** Signs in through the page, as an officer would. */
export async function signIn(page: Page): Promise<void> {
  if (!page.url().includes('/sign-in')) await page.goto('/fr/sign-in');
  await page.locator('#username').fill(config.username);
  await page.locator('#password').fill(config.password);
  await page.getByRole('button', { name: /Se connecter|Sign in/ }).click();
  await page.waitForURL((url) => !url.pathname.includes('/sign-in'), { timeout: 10_000 });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core on the page with every folded section opened; throws listing the violations. */
export async function expectNoAxeViolations(page: Page, view: string): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  // Evaluated rather than added as a script tag: the gateway's Content-Security-Policy rightly refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document)).violations;
  })) as AxeViolation[];
  if (violations.length) {
    const lines = violations.map(
      (v) =>
        `  ${v.id} (${v.impact}): ${v.help} at ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
    throw new Error(`axe found ${violations.length} violation(s) on ${view}:\n${lines.join('\n')}`);
  }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(config.screenshots, { recursive: true });
  await page.screenshot({ path: resolve(config.screenshots, `${name}.png`), fullPage: true });
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

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export interface TestCase {
  name: string;
  run: () => Promise<void>;
}

/** Runs the cases in order, printing each outcome, and ends with `N passed, N failed`. */
export async function runAll(cases: readonly TestCase[]): Promise<number> {
  let passed = 0;
  let failed = 0;
  for (const testCase of cases) {
    const started = Date.now();
    try {
      await testCase.run();
      passed++;
      console.log(`ok    ${testCase.name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      console.log(
        `FAIL  ${testCase.name}\n      ${error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 8).join('\n      ') : String(error)}`,
      );
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed;
}
