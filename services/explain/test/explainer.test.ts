import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Explanation, Language } from '@octroi/contracts';
import { MAX_REASONS } from '../src/reasons.ts';
import { fixtureExplainer, fixtureReference } from './fixtures.ts';

const explainer = fixtureExplainer();
const reference = fixtureReference('nan');
const RAW_COLUMN = /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/;

function firstRow(decision: 'granted' | 'refused'): Float32Array {
  const row = reference.rows.slice(0, 40).find((r) => explainer.score(r).decision === decision);
  assert.ok(row, `a ${decision} client in the fixture`);
  return row;
}

function assertReadable(explanation: Explanation): void {
  for (const reason of [...explanation.adverseReasons, ...explanation.favourableReasons]) {
    assert.doesNotMatch(reason.text, RAW_COLUMN, reason.text);
    assert.doesNotMatch(reason.text, /\b(SHAP|log-odds|NaN|undefined|null)\b/, reason.text);
    assert.match(reason.text, /\.$/);
  }
}

describe('explanation of one client', () => {
  it('adds up to the raw score and carries the decision', () => {
    const row = reference.rows[0]!;
    const explanation = explainer.explain(row, { language: 'en', clientId: 7 });
    const total = explanation.contributions.reduce((sum, c) => sum + c.contribution, explanation.expectedValue);
    assert.ok(Math.abs(total - explanation.rawScore) < 1e-9);
    assert.ok(Math.abs(explanation.probabilityOfDefault - reference.probability![0]!) < 1e-9);
    assert.equal(explanation.clientId, 7);
    assert.equal(
      explanation.decision,
      explanation.probabilityOfDefault >= explanation.threshold ? 'refused' : 'granted',
    );
    const sizes = explanation.contributions.map((c) => Math.abs(c.contribution));
    assert.deepEqual(
      sizes,
      [...sizes].sort((a, b) => b - a),
    );
  });

  for (const decision of ['refused', 'granted'] as const) {
    for (const language of ['fr', 'en'] as Language[]) {
      it(`gives at most four ordered reasons each way to a ${decision} client, in ${language}`, () => {
        const explanation = explainer.explain(firstRow(decision), { language });
        const { adverseReasons: adverse, favourableReasons: favourable } = explanation;
        assert.ok(adverse.length <= MAX_REASONS && favourable.length <= MAX_REASONS);
        assert.ok(adverse.length + favourable.length > 0);
        assert.ok(adverse.every((r) => r.contribution > 0 && r.direction === 'adverse'));
        assert.ok(favourable.every((r) => r.contribution < 0 && r.direction === 'favourable'));
        assert.deepEqual(
          adverse.map((r) => r.contribution),
          adverse.map((r) => r.contribution).sort((a, b) => b - a),
        );
        assert.deepEqual(
          favourable.map((r) => r.contribution),
          favourable.map((r) => r.contribution).sort((a, b) => a - b),
        );
        if (decision === 'refused') assert.ok(adverse.length > 0);
        assertReadable(explanation);
      });
    }
  }

  it('words values in everyday units and compares them with other clients', () => {
    const row = Float32Array.from(reference.rows[0]!);
    row[0] = 0.32; // repayments take 32 % of income
    row[3] = -30 * 365.25 - 100; // 30 years old
    row[2] = 2; // pensioner
    const en = explainer.explain(row, { language: 'en' }).contributions;
    const fr = explainer.explain(row, { language: 'fr' }).contributions;
    const byName = (list: typeof en, name: string) => list.find((c) => c.feature === name)!;
    assert.equal(byName(en, 'ANNUITY_INCOME_RATIO').displayValue, '32%');
    assert.equal(byName(fr, 'ANNUITY_INCOME_RATIO').displayValue, '32\u00a0%');
    assert.equal(byName(en, 'DAYS_BIRTH').displayValue, '30 years');
    assert.equal(byName(en, 'DAYS_BIRTH').label, 'Age');
    assert.equal(byName(fr, 'DAYS_BIRTH').displayValue, '30 ans');
    // The data's categories are English codes: a French sentence never carries them as they are.
    assert.equal(byName(fr, 'NAME_INCOME_TYPE').displayValue, 'retraité·e');
    assert.equal(byName(en, 'NAME_INCOME_TYPE').displayValue, 'pensioner');
    assert.equal(
      byName(fr, 'BUREAU_MAX_DAYS_OVERDUE').label,
      "Plus long retard de paiement auprès d'autres prêteurs (jours)",
    );

    const sentences = [
      ...explainer.explain(row, { language: 'fr' }).adverseReasons,
      ...explainer.explain(row, { language: 'fr' }).favourableReasons,
    ].map((r) => r.text);
    const burden = sentences.find((t) => t.startsWith('Part du revenu'));
    assert.match(
      burden ?? '',
      /^Part du revenu consacrée aux remboursements : 32\u00a0%, plus que pour \d+\u00a0% des clients, ce qui (augmente|réduit) le risque estimé\.$/,
    );
    const age = sentences.find((t) => t.startsWith('Âge'));
    // Younger than most clients: the comparison is made on age, not on the negative day count.
    if (age) assert.match(age, /^Âge : 30 ans, moins que pour \d+\u00a0% des clients/);
  });

  it('says when a value is missing', () => {
    const row = Float32Array.from(reference.rows[0]!).fill(Number.NaN);
    const contributions = explainer.explain(row, { language: 'en' }).contributions;
    assert.ok(contributions.every((c) => c.value === null && c.displayValue === 'not provided'));
  });
});
