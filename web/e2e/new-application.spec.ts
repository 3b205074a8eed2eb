import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, screenshot, test } from './support/dashboard.ts';

/** A complete application as an officer types it in the form (French decimal commas). */
const VALID_APPLICATION: Record<string, string> = {
  NAME_CONTRACT_TYPE: 'Cash loans',
  AMT_CREDIT: '450000',
  AMT_ANNUITY: '24000',
  AMT_GOODS_PRICE: '400000',
  CODE_GENDER: 'F',
  AGE_YEARS: '41',
  CNT_CHILDREN: '1',
  CNT_FAM_MEMBERS: '3',
  NAME_EDUCATION_TYPE: 'Higher education',
  NAME_FAMILY_STATUS: 'Married',
  NAME_HOUSING_TYPE: 'House / apartment',
  AMT_INCOME_TOTAL: '180000',
  NAME_INCOME_TYPE: 'Working',
  YEARS_EMPLOYED: '6',
  EXT_SOURCE_2: '0,62',
  EXT_SOURCE_3: '0,55',
};

const REQUIRED_IN_THE_FORM = [
  'NAME_CONTRACT_TYPE',
  'AMT_CREDIT',
  'AMT_ANNUITY',
  'AGE_YEARS',
  'CNT_FAM_MEMBERS',
  'NAME_EDUCATION_TYPE',
  'NAME_HOUSING_TYPE',
  'AMT_INCOME_TOTAL',
  'NAME_INCOME_TYPE',
];

/** What the intake rules refuse, typed in the form, and what each field at fault must say. */
const REFUSED_IN_THE_FORM: Array<{
  name: string;
  language: 'fr' | 'en';
  changes: Record<string, string> | 'empty';
  expected: Record<string, RegExp>;
}> = [
  {
    name: 'an empty file',
    language: 'fr',
    changes: 'empty',
    expected: Object.fromEntries(REQUIRED_IN_THE_FORM.map((field) => [field, /Ce champ est obligatoire/])),
  },
  {
    name: 'an applicant aged 12',
    language: 'fr',
    changes: { AGE_YEARS: '12' },
    expected: { AGE_YEARS: /entre 18 et 100 ans/ },
  },
  {
    name: 'zero income',
    language: 'en',
    changes: { AMT_INCOME_TOTAL: '0' },
    expected: { AMT_INCOME_TOTAL: /at least 2,500/ },
  },
  {
    name: 'a negative loan',
    language: 'fr',
    changes: { AMT_CREDIT: '-5', AMT_ANNUITY: '100' },
    expected: { AMT_CREDIT: /au moins 4\s500/ },
  },
  {
    name: 'a 5 € loan',
    language: 'en',
    changes: { AMT_CREDIT: '5', AMT_ANNUITY: '24000' },
    expected: { AMT_CREDIT: /at least 4,500/ },
  },
];

/** Types an application in the form: text boxes filled, lists chosen by their value. */
async function fillApplication(page: Page, values: Record<string, string>) {
  for (const [field, value] of Object.entries(values)) {
    const box = page.locator(field.startsWith('hist-') ? `#${field}` : `#app-${field}`);
    if ((await box.evaluate((element) => element.tagName)) === 'SELECT') await box.selectOption(value);
    else await box.fill(value);
  }
}

test('a new application is scored and explained', async ({ page }) => {
  await page.goto('/fr/applications/new');
  await fillApplication(page, VALID_APPLICATION);
  await page.getByRole('button', { name: 'Calculer le score' }).click();
  await expect(page.getByTestId('application-result')).toContainText(/Crédit (accordé|refusé)/);
  await expect(page).toHaveTitle(/^Nouvelle demande/);
  await screenshot(page, '07-new-application');
  await expectNoAxeViolations(page, 'new application');
});

for (const { name, language, changes, expected } of REFUSED_IN_THE_FORM) {
  test(`the form refuses ${name}: each field at fault says why, in ${language === 'fr' ? 'French' : 'English'}`, async ({
    page,
  }) => {
    await page.goto(`/${language}/applications/new`);
    await fillApplication(page, changes === 'empty' ? {} : { ...VALID_APPLICATION, ...changes });
    const answered = page.waitForResponse((response) => response.url().endsWith('/api/v1/score'));
    await page.getByRole('button', { name: language === 'fr' ? 'Calculer le score' : 'Compute the score' }).click();
    expect((await answered).status(), 'the intake rules refuse it at the gateway').toBe(400);
    for (const [field, words] of Object.entries(expected)) {
      await expect(page.locator(`#app-${field}`), `${field} is marked invalid`).toHaveAttribute('aria-invalid', 'true');
      await expect(page.locator(`#app-${field}-error`)).toHaveText(words);
    }
    await expect(page.locator('[aria-invalid="true"]')).toHaveCount(Object.keys(expected).length);
    await expect(page.getByTestId('application-error')).toContainText(
      language === 'fr' ? /Le dossier contient/ : /The file has/,
    );
    await expect(page.getByTestId('application-result')).toHaveCount(0);
    await expectNoAxeViolations(page, `new application refusing ${name}`);
  });
}

/** Installments of previous loans as installments_payments.csv holds them (made up for the test). */
function installmentsCsv(daysLate: number, share: number): string {
  const rows = Array.from({ length: 12 }, (_, i) => {
    const due = -30 * (i + 1);
    return [1000001, 100, 1, i + 1, due, Math.min(-1, due + daysLate), 5000, 5000 * share].join(',');
  });
  const header =
    'SK_ID_PREV,SK_ID_CURR,NUM_INSTALMENT_VERSION,NUM_INSTALMENT_NUMBER,DAYS_INSTALMENT,DAYS_ENTRY_PAYMENT,AMT_INSTALMENT,AMT_PAYMENT';
  return [header, ...rows].join('\n') + '\n';
}

test('a new application carries its history: credits typed in, the client’s repayments imported; the score follows them', async ({
  page,
}) => {
  const scoreOf = async () => {
    const answered = page.waitForResponse((response) => response.url().endsWith('/api/v1/score'));
    await page.getByRole('button', { name: 'Calculer le score' }).click();
    const response = await answered;
    expect(response.status()).toBe(200);
    return ((await response.json()) as { probabilityOfDefault: number }).probabilityOfDefault;
  };
  await page.goto('/fr/applications/new');
  await fillApplication(page, VALID_APPLICATION);
  const alone = await scoreOf();

  await page.getByRole('button', { name: 'Ajouter un crédit' }).click();
  await fillApplication(page, {
    'hist-bureau-0-CREDIT_TYPE': 'Consumer credit',
    'hist-bureau-0-CREDIT_ACTIVE': 'Active',
    'hist-bureau-0-AMT_CREDIT_SUM': '300000',
    'hist-bureau-0-AMT_CREDIT_SUM_DEBT': '280000',
    'hist-bureau-0-YEARS_CREDIT': '-1',
    'hist-bureau-0-CREDIT_DAY_OVERDUE': '90',
  });
  const refused = page.waitForResponse((response) => response.url().endsWith('/api/v1/score'));
  await page.getByRole('button', { name: 'Calculer le score' }).click();
  expect((await refused).status(), 'a credit opened in a year to come is refused').toBe(400);
  await expect(page.locator('#hist-bureau-0-YEARS_CREDIT-error')).toHaveText(/au moins 0/);
  await page.locator('#hist-bureau-0-YEARS_CREDIT').fill('1');

  await page.getByRole('button', { name: 'Ajouter une demande' }).click();
  await fillApplication(page, {
    'hist-previous_application-0-NAME_CONTRACT_TYPE': 'Cash loans',
    'hist-previous_application-0-NAME_CONTRACT_STATUS': 'Refused',
    'hist-previous_application-0-AMT_APPLICATION': '500000',
    'hist-previous_application-0-YEARS_DECISION': '0,2',
  });
  await page.locator('#hist-files').setInputFiles({
    name: 'installments_payments.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(installmentsCsv(40, 0.5)),
  });
  await expect(page.getByTestId('history-section')).toContainText(
    'installments_payments.csv : 12 lignes (remboursements)',
  );
  const withHistory = await scoreOf();
  await expect(page.getByTestId('application-result')).toContainText(/Crédit (accordé|refusé)|conseiller/);
  expect(withHistory, 'late, partial repayments, a refusal and an overdue credit raise the risk').toBeGreaterThan(
    alone,
  );
  await screenshot(page, '08-new-application-with-history');
  await expectNoAxeViolations(page, 'new application with its history');
});
