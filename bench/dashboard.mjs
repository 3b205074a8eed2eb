/**
 * Dashboard budgets, measured on the built dashboard served by the running system:
 *
 *  1. initial JavaScript, gzipped: the scripts `web/dist/browser/index.html` loads before any
 *     lazy route (budget 350 kB);
 *  2. from picking a client in the list to every panel of the client page drawn, in Chromium
 *     (budget 500 ms), over several clients: the first pick (loads the page's lazy chunk) and
 *     the following ones.
 *
 *   npm --prefix web run build
 *   OCTROI_URL=http://127.0.0.1:8080 OCTROI_USER=officer OCTROI_PASSWORD=... node bench/dashboard.mjs [picks]
 *
 * playwright-core comes from the dashboard's own dependencies (web/node_modules).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const webRequire = createRequire(resolve(here, '../web/package.json'));
const { chromium } = webRequire('playwright-core');

const baseUrl = (process.env.OCTROI_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
const username = process.env.OCTROI_USER ?? 'officer';
const password = process.env.OCTROI_PASSWORD ?? '';
const picks = Number(process.argv[2] ?? 20);
const JS_BUDGET_KB = 350;
const PICK_BUDGET_MS = 500;

// --- 1. Initial JavaScript ------------------------------------------------------------

const dist = resolve(here, '../web/dist/browser');
const indexHtml = readFileSync(resolve(dist, 'index.html'), 'utf8');
const initialScripts = [
  ...new Set(
    [...indexHtml.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map(
      (m) => m[1],
    ),
  ),
];
const sizes = initialScripts.map((file) => {
  const bytes = readFileSync(resolve(dist, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
const initialGzipKb = sizes.reduce((sum, s) => sum + s.gzip, 0) / 1000;
const initialRawKb = sizes.reduce((sum, s) => sum + s.raw, 0) / 1000;

// --- 2. Picking a client --------------------------------------------------------------

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-quic',
    '--no-first-run',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
await page.goto('/fr/sign-in');
await page.locator('#username').fill(username);
await page.locator('#password').fill(password);
await page.getByRole('button', { name: 'Se connecter' }).click();
await page.waitForURL((url) => !url.pathname.includes('/sign-in'));

const listing = await context.request.get(`/api/v1/clients?page=1&pageSize=${Math.min(200, picks * 3)}`);
const ids = (await listing.json()).items.map((c) => c.clientId);

/** Clicks the client's link and resolves, in ms, once every panel shows its content (or says its service failed) and a frame is painted. */
async function pick(id) {
  await page.goto('/fr/clients');
  await page.locator('[data-testid="client-table"]').waitFor();
  const link = page.locator(`a[href$="/clients/${id}"]`).first();
  if (!(await link.count())) {
    await page.locator('[data-testid="client-search"]').fill(String(id));
    await page.locator(`[data-testid="client-matches"] a[href$="/clients/${id}"]`).waitFor();
  }
  return page.evaluate(
    (clientId) =>
      new Promise((done) => {
        const anchor = document.querySelector(`a[href$="/clients/${clientId}"]`);
        const drawn = (selector) => !!document.querySelector(selector);
        const settled = (panel, content) =>
          drawn(`[data-panel="${panel}"][aria-busy="false"] ${content}`) || drawn(`[data-panel="${panel}"] .error-box`);
        const check = () => {
          const heading = document.querySelector('[data-testid="client-heading"]')?.textContent ?? '';
          const refused = document.querySelector('[data-testid="decision"]')?.textContent?.includes('refusé');
          const ready =
            heading.includes(String(clientId)) &&
            settled('score', '[data-testid="probability"]') &&
            settled('reasons', '.wf') &&
            settled('record', '.record-groups') &&
            settled('what-if', '.what-if-form') &&
            settled('population', 'svg') &&
            settled('bivariate', 'ngx-charts-bubble-chart circle') &&
            settled('similar', 'table') &&
            (!refused || settled('counterfactual', '[data-testid="counterfactual-message"]'));
          if (ready) requestAnimationFrame(() => done(performance.now() - started));
          else requestAnimationFrame(check);
        };
        const started = performance.now();
        anchor.click();
        requestAnimationFrame(check);
      }),
    id,
  );
}

const timings = [];
for (const id of ids.slice(0, picks)) timings.push(await pick(id));
await browser.close();

const first = timings[0];
const warm = timings.slice(1).sort((a, b) => a - b);
const quantile = (q) => warm[Math.min(warm.length - 1, Math.floor(q * warm.length))];

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, Chromium headless`);
console.log(
  `initial JavaScript: ${initialScripts.length} files, ${initialRawKb.toFixed(1)} kB raw, ${initialGzipKb.toFixed(1)} kB gzipped (budget ${JS_BUDGET_KB} kB)`,
);
for (const s of sizes)
  console.log(`  ${s.file}: ${(s.raw / 1000).toFixed(1)} kB raw, ${(s.gzip / 1000).toFixed(1)} kB gzipped`);
console.log(`pick a client → all panels drawn, ${timings.length} clients:`);
console.log(`  first pick (loads the client page chunk): ${first.toFixed(0)} ms`);
if (warm.length) {
  console.log(
    `  next picks: median ${quantile(0.5).toFixed(0)} ms, p90 ${quantile(0.9).toFixed(0)} ms, max ${warm[warm.length - 1].toFixed(0)} ms (budget ${PICK_BUDGET_MS} ms)`,
  );
}
const withinBudget = initialGzipKb <= JS_BUDGET_KB && Math.max(...timings) <= PICK_BUDGET_MS;
console.log(withinBudget ? 'within budget' : 'OVER BUDGET');
process.exit(withinBudget ? 0 : 1);
