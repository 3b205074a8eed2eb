/**
 * End-to-end tests of the dashboard against the running system (gateway serving this build).
 *
 *   OCTROI_URL=http://127.0.0.1:8080 OCTROI_USER=officer OCTROI_PASSWORD=... npm run e2e
 */
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';

import {
  type TestCase,
  assert,
  config,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  runAll,
  screenshot,
  signIn,
  waitForPanels,
} from './harness.ts';

interface ClientSummary {
  clientId: number;
  decision: 'granted' | 'refused';
}

if (!config.password) {
  console.log("OCTROI_PASSWORD is not set: the officer's password is needed to sign in.");
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const browser = await launchBrowser();
let context: BrowserContext;
let page: Page;
let api: APIRequestContext;
let someClient: ClientSummary;
/** A refused client whose decision turns when its external scores are raised. */
let turnable: { clientId: number; changes: Record<string, number> } | undefined;

async function clients(query: string): Promise<ClientSummary[]> {
  const response = await api.get(`/api/v1/clients?${query}`);
  assert(response.ok(), `GET /api/v1/clients?${query} answered ${response.status()}`);
  return ((await response.json()) as { items: ClientSummary[] }).items;
}

async function findTurnableClient(): Promise<typeof turnable> {
  const changes = { EXT_SOURCE_1: 0.9, EXT_SOURCE_2: 0.9, EXT_SOURCE_3: 0.9 };
  for (const candidate of await clients('page=1&pageSize=25&decision=refused&minProbability=0&maxProbability=0.6')) {
    const response = await api.post('/api/v1/what-if', {
      data: { clientId: candidate.clientId, changes, language: 'fr' },
    });
    if (response.ok() && ((await response.json()) as { decisionChanged: boolean }).decisionChanged) {
      return { clientId: candidate.clientId, changes };
    }
  }
  return undefined;
}

const cases: TestCase[] = [
  {
    name: 'the officer signs in and sees their name',
    async run() {
      context = await newContext(browser);
      page = await context.newPage();
      api = context.request;
      await page.goto('/');
      await page.waitForURL(/\/fr\/sign-in/);
      await signIn(page);
      const officer = await page.locator('[data-testid="officer"]').textContent();
      assert(officer?.trim(), 'no officer name in the header');
      someClient = (await clients('page=1&pageSize=5'))[0];
      assert(someClient, 'the gateway lists no client');
    },
  },
  {
    name: 'a signed-out visitor following a client link signs in first, then lands on the link, and sees no client data before',
    async run() {
      const visitor = await newContext(browser);
      const visitorPage = await visitor.newPage();
      const link = `/fr/clients/${someClient.clientId}?feature=AMT_CREDIT`;
      const replies: string[] = [];
      visitorPage.on('response', (r) => {
        if (r.url().includes('/api/v1/clients') && r.ok()) replies.push(r.url());
      });
      await visitorPage.goto(link);
      await visitorPage.waitForURL(/\/fr\/sign-in\?returnUrl=/);
      assert(
        (await visitorPage.locator('[data-testid="client-heading"]').count()) === 0,
        'client heading shown to a signed-out visitor',
      );
      assert(replies.length === 0, `client data reached a signed-out visitor: ${replies.join(', ')}`);
      assert(
        (await visitorPage.title()).startsWith('Connexion'),
        `sign-in page title is "${await visitorPage.title()}"`,
      );
      await screenshot(visitorPage, '01-sign-in');
      await expectNoAxeViolations(visitorPage, 'sign-in');
      await signIn(visitorPage);
      const url = new URL(visitorPage.url());
      assert(url.pathname + url.search === link, `after sign-in the page is ${url.pathname}${url.search}, not ${link}`);
      await visitor.close();
    },
  },
  {
    name: 'wrong credentials are refused with a message',
    async run() {
      const visitor = await newContext(browser);
      const visitorPage = await visitor.newPage();
      await visitorPage.goto('/fr/sign-in');
      await visitorPage.locator('#username').fill(config.username);
      await visitorPage.locator('#password').fill(`${config.password}-wrong`);
      await visitorPage.getByRole('button', { name: 'Se connecter' }).click();
      await visitorPage.getByText('Identifiant ou mot de passe incorrect.').waitFor();
      await visitor.close();
    },
  },
  {
    name: 'the client list filters by decision and is accessible',
    async run() {
      await page.goto('/fr/clients?decision=refused');
      await page.locator('[data-testid="client-table"]').waitFor();
      const badges = await page.locator('[data-testid="client-table"] .decision-badge').allTextContents();
      assert(
        badges.length > 0 && badges.every((b) => b.includes('Refusé')),
        `filter on refused shows ${badges.join(', ')}`,
      );
      assert((await page.title()).startsWith('Clients'), `list title is "${await page.title()}"`);
      await screenshot(page, '02-client-list');
      await expectNoAxeViolations(page, 'client list');
    },
  },
  {
    name: 'the officer finds a client by typing the start of the number',
    async run() {
      await page.goto('/fr/clients');
      const id = String(someClient.clientId);
      await page.locator('[data-testid="client-search"]').fill(id.slice(0, 4));
      const match = page.locator('[data-testid="client-matches"] a').first();
      await match.waitFor();
      await page.locator('[data-testid="client-search"]').fill(id);
      await page.locator(`[data-testid="client-matches"] a[href$="/clients/${id}"]`).click();
      await page.waitForURL(new RegExp(`/fr/clients/${id}$`));
      await page.locator('[data-testid="client-heading"]').waitFor();
    },
  },
  {
    name: 'the client page shows the decision in words, the score and the reasons',
    async run() {
      await waitForPanels(page);
      const decision = await page.locator('[data-testid="decision"]').textContent();
      assert(/Crédit (accordé|refusé)/.test(decision ?? ''), `decision reads "${decision}"`);
      const probability = await page.locator('[data-testid="probability"]').textContent();
      assert(/\d+,\d\s%/.test(probability ?? ''), `probability reads "${probability}"`);
      const reasons = await page
        .locator('[data-testid="adverse-reasons"] li, [data-testid="favourable-reasons"] li')
        .allTextContents();
      assert(reasons.length > 0 && reasons.every((r) => r.trim().length > 10), 'no reason in words');
      assert(
        (await page.title()).startsWith(`Client ${someClient.clientId}`),
        `client title is "${await page.title()}"`,
      );
      const reference = (await page.locator('[data-testid="decision-reference"]').textContent())
        ?.split(': ')
        .at(-1)
        ?.trim();
      const recorded = await page.request.get(`/api/v1/decisions/${reference}`);
      assert(
        recorded.ok() && (await recorded.json()).clientId === someClient.clientId,
        `the decision reference "${reference}" is not in the audit log`,
      );
      await screenshot(page, '03-client');
      await expectNoAxeViolations(page, 'client page');
    },
  },
  {
    name: 'when the explain service is down, its panels say so in words and the rest of the page works',
    async run() {
      const unavailable = {
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ code: 'unavailable', message: 'explain is down' }),
      };
      await page.route('**/api/v1/clients/*/explanation*', (route) => route.fulfill(unavailable));
      await page.route('**/api/v1/clients/*/counterfactual*', (route) => route.fulfill(unavailable));
      try {
        await page.goto(`/fr/clients/${someClient.clientId}`);
        // Panels appear one after the other: wait for the failing one to have answered, then for the others.
        await page.locator('.reasons-card').getByText('momentanément indisponible').waitFor({ timeout: 15_000 });
        await waitForPanels(page);
        const reasons = await page.locator('.reasons-card').textContent();
        assert(reasons?.includes('momentanément indisponible'), `the reasons panel reads "${reasons}"`);
        assert(
          await page.locator('.reasons-card').getByRole('button', { name: 'Réessayer' }).isVisible(),
          'no way to try again',
        );
        const decision = await page.locator('[data-testid="decision"]').textContent();
        assert(/Crédit (accordé|refusé)/.test(decision ?? ''), 'the score panel stopped working');
        assert(
          (await page.locator('[data-panel="similar"] table').count()) === 1,
          'the similar clients panel stopped working',
        );
        await screenshot(page, '09-client-explain-down');
      } finally {
        await page.unroute('**/api/v1/clients/*/explanation*');
        await page.unroute('**/api/v1/clients/*/counterfactual*');
      }
    },
  },
  {
    name: 'the keyboard skips to the content and opens a client with Enter',
    async run() {
      await page.goto('/fr/clients');
      await page.keyboard.press('Tab');
      const skip = await page.evaluate(() => document.activeElement?.textContent?.trim());
      assert(skip === 'Aller au contenu', `first Tab stop is "${skip}"`);
      await page.keyboard.press('Enter');
      assert(
        await page.evaluate(() => document.activeElement?.id === 'main'),
        'skip link does not move focus to the content',
      );
      await page.locator('[data-testid="client-search"]').focus();
      await page.keyboard.type(String(someClient.clientId));
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`/clients/${someClient.clientId}$`));
    },
  },
  {
    name: 'changing what-if fields updates the score live and turns the decision',
    async run() {
      turnable = await findTurnableClient();
      assert(turnable, 'no refused client among the first 25 turns granted with high external scores');
      await page.goto(`/fr/clients/${turnable.clientId}`);
      await waitForPanels(page);
      assert(
        (await page.locator('[data-testid="decision"]').textContent())?.includes('Crédit refusé'),
        'the client is not shown refused',
      );
      for (const [field, value] of Object.entries(turnable.changes)) {
        const input = page.locator(`[data-field="${field}"]`);
        if (await input.count()) await input.fill(String(value));
      }
      await page.locator('[data-testid="what-if-decision"]').waitFor({ timeout: 10_000 });
      const result = await page.locator('[data-testid="what-if-result"]').textContent();
      assert(result?.includes('Crédit accordé'), `what-if result reads "${result}"`);
      assert(result?.includes('La décision change.'), 'what-if does not say the decision changes');
      assert(/Écart avec le score actuel : −\d/.test(result ?? ''), 'what-if does not show the difference');
      await page.locator('.what-if-card').screenshot({ path: `${config.screenshots}/04-what-if.png` });
    },
  },
  {
    name: 'a refused client gets the counterfactual suggestion',
    async run() {
      assert(turnable, 'no refused client found by the previous test');
      const message = await page.locator('[data-testid="counterfactual-message"]').textContent({ timeout: 15_000 });
      assert(message && message.trim().length > 10, `counterfactual message reads "${message}"`);
    },
  },
  {
    name: 'a counterfactual suggestion can be tried in what-if, where the credit is granted',
    async run() {
      let clientId: number | undefined;
      for (const candidate of await clients('page=1&pageSize=25&decision=refused&maxProbability=0.25')) {
        const reply = await api.get(`/api/v1/clients/${candidate.clientId}/counterfactual?language=fr`);
        if (reply.ok() && ((await reply.json()) as { found: boolean }).found) {
          clientId = candidate.clientId;
          break;
        }
      }
      assert(clientId, 'no refused client near the threshold has a counterfactual suggestion');
      await page.goto(`/fr/clients/${clientId}`);
      await waitForPanels(page);
      await page.getByRole('button', { name: 'Essayer dans « Et si… ? »' }).click();
      await page.locator('[data-testid="what-if-decision"]').waitFor({ timeout: 10_000 });
      const decision = await page.locator('[data-testid="what-if-decision"]').textContent();
      assert(decision?.includes('Crédit accordé'), `the suggested change gives "${decision}" in what-if`);
      await screenshot(page, '10-counterfactual-tried');
    },
  },
  {
    name: 'the language switches to English, in words, formats, title and <html lang>',
    async run() {
      await page.goto(`/fr/clients/${someClient.clientId}?feature=AMT_CREDIT`);
      await waitForPanels(page);
      await page.locator('[data-testid="language-switch"]').click();
      await page.waitForURL(new RegExp(`/en/clients/${someClient.clientId}\\?feature=AMT_CREDIT$`));
      await waitForPanels(page);
      assert((await page.getAttribute('html', 'lang')) === 'en', '<html lang> is not en');
      const decision = await page.locator('[data-testid="decision"]').textContent();
      assert(/Credit (granted|refused)/.test(decision ?? ''), `English decision reads "${decision}"`);
      const probability = await page.locator('[data-testid="probability"]').textContent();
      assert(/^\d+\.\d%$/.test(probability?.trim() ?? ''), `English probability reads "${probability}"`);
      assert((await page.locator('#population-feature').inputValue()) === 'AMT_CREDIT', 'the chosen feature was lost');
      await screenshot(page, '05-client-en');
      await expectNoAxeViolations(page, 'client page in English');
      await page.locator('[data-testid="language-switch"]').click();
      await page.waitForURL(/\/fr\/clients\//);
      await page.waitForFunction(() => document.documentElement.lang === 'fr', undefined, { timeout: 5_000 });
    },
  },
  {
    name: 'the model view shows importance, summary, dependence and quality',
    async run() {
      await page.goto('/fr/model');
      await waitForPanels(page, 90_000);
      const auc = await page.locator('[data-testid="auc"]').textContent();
      assert(/0,\d+/.test(auc ?? ''), `AUC reads "${auc}"`);
      assert((await page.title()).startsWith('Le modèle'), `model title is "${await page.title()}"`);
      await screenshot(page, '06-model');
      await expectNoAxeViolations(page, 'model view');
    },
  },
  {
    name: 'a new application is scored and explained',
    async run() {
      await page.goto('/fr/applications/new');
      const values: Record<string, string> = {
        AMT_CREDIT: '450000',
        AMT_ANNUITY: '24000',
        AMT_GOODS_PRICE: '400000',
        AGE_YEARS: '41',
        AMT_INCOME_TOTAL: '180000',
        YEARS_EMPLOYED: '6',
        EXT_SOURCE_2: '0,62',
        EXT_SOURCE_3: '0,55',
      };
      for (const [field, value] of Object.entries(values)) await page.locator(`#app-${field}`).fill(value);
      await page.locator('#app-NAME_CONTRACT_TYPE').selectOption('Cash loans');
      await page.locator('#app-CODE_GENDER').selectOption('F');
      await page.getByRole('button', { name: 'Calculer le score' }).click();
      const result = page.locator('[data-testid="application-result"]');
      await result.waitFor({ timeout: 15_000 });
      assert(/Crédit (accordé|refusé)/.test((await result.textContent()) ?? ''), 'no decision for the new application');
      assert((await page.title()).startsWith('Nouvelle demande'), `application title is "${await page.title()}"`);
      await screenshot(page, '07-new-application');
      await expectNoAxeViolations(page, 'new application');
    },
  },
  {
    name: "a value the scoring service refuses is shown at its field, in the service's words",
    async run() {
      const probe = await api.post('/api/v1/score', { data: { AMT_CREDIT: 'a lot' } });
      assert(probe.status() === 400, `the gateway accepted a text credit amount (${probe.status()})`);
      const body = (await probe.json()) as { field?: string; message: string };
      await page.goto('/fr/applications/new');
      await page.locator('#app-NAME_CONTRACT_TYPE').selectOption('Cash loans');
      // The form only sends categories it offers, so send the refused value as the page would for a bad category.
      await page.route('**/api/v1/score', (route) =>
        route.continue({ postData: JSON.stringify({ AMT_CREDIT: 'a lot' }) }),
      );
      await page.getByRole('button', { name: 'Calculer le score' }).click();
      await page.locator('[data-testid="application-error"]').waitFor();
      const alert = await page.locator('[data-testid="application-error"]').textContent();
      assert(
        alert?.includes(body.message),
        `the alert does not carry the service's message "${body.message}": "${alert}"`,
      );
      assert(
        (await page.locator('#app-AMT_CREDIT').getAttribute('aria-invalid')) === 'true',
        'the field at fault is not marked invalid',
      );
      await page.unroute('**/api/v1/score');
      await expectNoAxeViolations(page, 'new application with an error');
    },
  },
  {
    name: 'at 200 % zoom every view reflows without horizontal scrolling',
    async run() {
      const zoomed = await newContext(browser, 640, 450);
      const zoomedPage = await zoomed.newPage();
      await zoomedPage.goto('/fr/sign-in');
      await signIn(zoomedPage);
      for (const path of ['/fr/clients', `/fr/clients/${someClient.clientId}`, '/fr/model', '/fr/applications/new']) {
        await zoomedPage.goto(path);
        await zoomedPage.locator('h1').first().waitFor();
        await zoomedPage.waitForTimeout(300);
        const overflow = await zoomedPage.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        assert(overflow <= 1, `${path} scrolls ${overflow}px sideways at 200 %`);
      }
      await zoomedPage.goto(`/fr/clients/${someClient.clientId}`);
      await waitForPanels(zoomedPage);
      await screenshot(zoomedPage, '08-client-zoom-200');
      await zoomed.close();
    },
  },
  {
    name: 'signing out leaves no client data reachable',
    async run() {
      await page.goto(`/fr/clients/${someClient.clientId}`);
      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await page.waitForURL(/\/fr\/sign-in/);
      await page.goto(`/fr/clients/${someClient.clientId}`);
      await page.waitForURL(/\/fr\/sign-in\?returnUrl=/);
      const reply = await api.get(`/api/v1/clients/${someClient.clientId}`);
      assert(reply.status() === 401, `the API still answers ${reply.status()} after sign-out`);
    },
  },
];

const failed = await runAll(cases);
await browser.close();
process.exit(failed ? 1 : 0);
