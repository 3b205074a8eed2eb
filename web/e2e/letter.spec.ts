import { readFileSync } from 'node:fs';

import { expect, expectNoAxeViolations, listClients, screenshot, test, waitForPanels } from './support/dashboard.ts';

/** Words that belong to the model's machinery, never to a letter: feature codes, log-odds, SHAP. */
const INTERNAL = /\b[A-Z]{2,}_[A-Z0-9_]+\b|log-?odds|log-cote|SHAP|\bscore brut\b/i;

for (const language of ['fr', 'en'] as const) {
  test(`a refused client's letter in ${language === 'fr' ? 'French' : 'English'}: decision, reference, reasons in words, rights, officer`, async ({
    page,
    request,
  }) => {
    const [client] = await listClients(request, 'page=1&pageSize=1&decision=refused');
    const score = (await (await request.get(`/api/v1/clients/${client.clientId}/score`)).json()) as {
      decisionId: string;
    };
    const recorded = (await (await request.get(`/api/v1/decisions/${score.decisionId}`)).json()) as { time: string };
    const officer = (await (await request.get('/api/v1/session')).json()) as { displayName: string };
    const explanation = (await (
      await request.get(`/api/v1/clients/${client.clientId}/explanation?language=${language}`)
    ).json()) as { adverseReasons: { text: string }[] };

    await page.goto(`/${language}/clients/${client.clientId}`);
    await waitForPanels(page);
    await page.getByTestId('letter-link').click();
    await page.waitForURL(new RegExp(`/${language}/clients/${client.clientId}/letter$`));
    const letter = page.getByTestId('letter');
    await expect(letter).toBeVisible();
    await expect(letter).toHaveAttribute('lang', language);

    await expect(page.getByTestId('letter-reference')).toContainText(score.decisionId);
    const date = new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long' }).format(
      new Date(recorded.time),
    );
    await expect(page.getByTestId('letter-date')).toContainText(date);
    await expect(page.getByTestId('letter-decision')).toContainText(
      language === 'fr' ? 'ne pouvons pas accorder' : 'cannot grant',
    );
    // The main reasons are the explanation's reasons against the loan, in the client's language.
    const reasons = await page.getByTestId('letter-reasons').locator('li').allTextContents();
    expect(reasons.map((r) => r.trim())).toEqual(explanation.adverseReasons.slice(0, 4).map((r) => r.text));
    await expect(page.getByTestId('letter-change')).not.toBeEmpty();
    await expect(page.getByTestId('letter-review')).toContainText(language === 'fr' ? 'réexamine' : 'review');
    await expect(page.getByTestId('letter-adverse').locator('li')).toHaveCount(4);
    await expect(page.getByTestId('letter-officer')).toContainText(officer.displayName);
    const text = (await letter.innerText()).replace(/\s+/g, ' ');
    expect(text.match(INTERNAL), 'internal names or log-odds in the letter').toBeNull();
    await expectNoAxeViolations(page, `letter (${language})`);
    await screenshot(page, `12-letter-${language}`);

    // Printed, the letter stands alone: none of the dashboard's frame.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.app-header')).toBeHidden();
    await expect(page.getByRole('button', { name: language === 'fr' ? 'Imprimer' : 'Print' })).toBeHidden();
    await page.emulateMedia({ media: 'screen' });

    // The PDF carries the same words, the reference first among them.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: language === 'fr' ? 'Télécharger en PDF' : 'Download as PDF' }).click(),
    ]);
    const pdf = readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain(score.decisionId);
  });
}
