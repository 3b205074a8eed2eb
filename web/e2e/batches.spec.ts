import { expect, expectNoAxeViolations, test } from './support/dashboard.ts';

/** A small file of applications: three that pass the intake rules and one whose credit is negative. */
function applicationsCsv(): string {
  const application = {
    NAME_CONTRACT_TYPE: 'Cash loans',
    AMT_CREDIT: 400000,
    AMT_ANNUITY: 20000,
    AMT_GOODS_PRICE: 350000,
    AMT_INCOME_TOTAL: 150000,
    NAME_INCOME_TYPE: 'Working',
    NAME_EDUCATION_TYPE: 'Higher education',
    NAME_HOUSING_TYPE: 'House / apartment',
    NAME_FAMILY_STATUS: 'Married',
    CODE_GENDER: 'M',
    DAYS_BIRTH: -14000,
    DAYS_EMPLOYED: -3000,
    CNT_CHILDREN: 0,
    CNT_FAM_MEMBERS: 2,
  };
  const columns = Object.keys(application);
  const rows = [1, 2, 3, 4].map((i) =>
    columns
      .map((column) =>
        column === 'AMT_CREDIT' && i === 3
          ? -5
          : column === 'AMT_INCOME_TOTAL'
            ? 100000 * i
            : (application as Record<string, unknown>)[column],
      )
      .join(','),
  );
  return [columns.join(','), ...rows].join('\n') + '\n';
}

test('a file of applications uploaded from the batch page runs to the end, its progress shown, its results downloadable', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/en/batches');
  await expect(page).toHaveTitle(/^Batch jobs/);
  await page.getByLabel(/File of applications/).setInputFiles({
    name: 'portfolio.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(applicationsCsv()),
  });
  await page.getByRole('button', { name: 'Start the job' }).click();

  const job = page.locator('.batch-job').first();
  await expect(job).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(job.getByRole('progressbar', { name: 'Progress' })).toHaveAttribute('value', '1');
  await expect(job).toContainText('4 of 4 rows done (100');
  await expect(job).toContainText('1 rows not scored');

  const download = page.waitForEvent('download');
  await job.getByRole('link', { name: 'Download the results (CSV)' }).click();
  const results = await (await download).createReadStream();
  let text = '';
  for await (const piece of results) text += String(piece);
  const lines = text.trim().split('\n');
  expect(lines[0]).toBe('ROW,SK_ID_CURR,PROBABILITY_OF_DEFAULT,DECISION,DECISION_ID,ERROR');
  expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['1', '2', '3', '4']);
  expect(lines[3]).toContain('AMT_CREDIT');

  await expect(page.getByText('Rows done (rows)').first()).toBeVisible();
  await expectNoAxeViolations(page, 'batch jobs');
});
