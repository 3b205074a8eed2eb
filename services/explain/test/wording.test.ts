import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FeatureDefinition } from '@octroi/model-bundle';
import { loadBundle } from '@octroi/model-bundle';
import { FRENCH_CATEGORY_VALUES, categoryWords } from '../src/category-words.ts';
import { reasonsFor, reasonText } from '../src/reasons.ts';
import { clientStanding, displayValue, featureLabel, type FeatureContext } from '../src/wording.ts';

const quantiles = (from: number, to: number) => Array.from({ length: 101 }, (_, p) => from + ((to - from) * p) / 100);

function context(
  definition: Partial<FeatureDefinition>,
  points: (number | null)[] = quantiles(0, 100),
): FeatureContext {
  const full = { name: 'X', index: 0, kind: 'numeric', source: 'application', ...definition } as FeatureDefinition;
  return {
    definition: full,
    population: { feature: full.name, count: 100, missing: 0, mean: null, std: null, quantiles: points, histogram: [] },
  };
}

describe('wording of values', () => {
  it('reads durations in the unit a person would use', () => {
    const delay = context(
      { unit: 'days', label: { en: 'Longest delay of a payment (days)', fr: 'Plus long retard de paiement (jours)' } },
      quantiles(0, 60),
    );
    assert.equal(featureLabel(delay.definition, 'fr'), 'Plus long retard de paiement');
    assert.equal(displayValue(delay, 19, 'fr'), '19 jours');
    assert.equal(displayValue(delay, 1, 'en'), '1 day');
    assert.equal(displayValue(delay, 0.5, 'fr'), '0,5 jour');
    const job = context(
      { unit: 'days', label: { en: 'Time in current job (days)', fr: "Ancienneté dans l'emploi (jours)" } },
      quantiles(-6000, -100),
    );
    assert.equal(displayValue(job, -150, 'en'), '4 months');
    assert.equal(displayValue(job, -3000, 'fr'), '8 ans');
    const since = context(
      { unit: 'months', label: { en: 'Months since the first shop or cash loan', fr: 'Mois depuis le premier prêt' } },
      quantiles(-90, -5),
    );
    assert.equal(featureLabel(since.definition, 'en'), 'Time since the first shop or cash loan');
    assert.equal(featureLabel(since.definition, 'fr'), 'Temps écoulé depuis le premier prêt');
    assert.equal(displayValue(since, -45, 'en'), '3 years');
  });

  it('compares time counted backwards the way it reads: a long time in a job is more, not less', () => {
    const job = context({ unit: 'days' }, quantiles(-6000, -100));
    assert.ok(clientStanding(job, -5900)!.percentile > 95);
  });

  it('says "the same as" when many clients share the value', () => {
    const delays = context({ unit: 'count', label: { en: 'Late payments', fr: 'Paiements en retard' } }, [
      ...Array(70).fill(0),
      ...quantiles(1, 30).slice(70),
    ]);
    const text = reasonText({ context: delays, value: 0, contribution: -0.2 }, 'favourable', 'en');
    assert.equal(text, 'Late payments: 0, the same as for 69% of clients, which lowers the estimated risk.');
  });

  it('names categories in words', () => {
    const gender = context({ kind: 'categorical', unit: 'category', categories: ['F', 'M', 'XNA'] });
    assert.equal(displayValue(gender, 1, 'fr'), 'homme');
    assert.equal(displayValue(gender, 0, 'en'), 'female');
    assert.equal(displayValue(gender, 7, 'en'), 'not provided');
  });

  it('has French words for every category of the shipped specification', async () => {
    const { spec } = await loadBundle();
    const categories = new Set(
      [...spec.features, ...spec.rawFields].flatMap((field) => ('categories' in field && field.categories) || []),
    );
    assert.ok(categories.size > 0);
    const untranslated = [...categories].filter(
      (value) => !FRENCH_CATEGORY_VALUES.includes(value) && categoryWords(value, 'fr') === value,
    );
    assert.deepEqual(untranslated, []);
    assert.equal(categoryWords('Industry: type 4', 'fr'), 'industrie (type 4)');
  });
});

describe('reasons', () => {
  const score = (name: string, _value: number) =>
    context({ name, unit: 'score', label: { en: name, fr: name } }, quantiles(0, 1));

  it('tells the external credit scores as one reason, weighing as much as all of them', () => {
    const factors = [
      { context: score('EXT_SOURCE_1', 0.2), value: 0.2, contribution: 0.3 },
      { context: score('EXT_SOURCE_MEAN', 0.25), value: 0.25, contribution: 0.2 },
      { context: score('EXT_SOURCE_3', 0.3), value: 0.3, contribution: -0.1 },
      { context: context({ name: 'AMT_CREDIT', unit: 'currency' }), value: 50, contribution: 0.35 },
    ];
    const { adverse, favourable } = reasonsFor(factors, 'fr');
    assert.deepEqual(
      adverse.map((r) => r.feature),
      ['EXT_SOURCE', 'AMT_CREDIT'],
    );
    assert.equal(favourable.length, 0);
    assert.ok(Math.abs(adverse[0]!.contribution - 0.4) < 1e-12);
    // The value told is the mean's, under one name that says what these scores are.
    assert.match(adverse[0]!.text, /^Scores de crédit externes \(notes de solvabilité .*\), en moyenne : 0,25, /);
  });
});
