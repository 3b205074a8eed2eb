import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RawApplication } from '@octroi/contracts';
import { counterfactual, LOAN_FIELDS, type Rescore } from '../src/counterfactual.ts';
import { LEVERS, fieldsOf, type Loan } from '../src/loan-levers.ts';
import { changedFeatures, whatIf } from '../src/what-if.ts';
import { deriveFixtureFeatures, fixtureExplainer, fixtureReference, rawApplicationOf } from './fixtures.ts';

const explainer = fixtureExplainer();
const reference = fixtureReference('nan');
const HISTORY = [1, 5];

/** A stored client: application features derived from their raw fields, history as recorded. */
function client(row: Float32Array): { raw: RawApplication; features: Float32Array } {
  const raw = rawApplicationOf(row);
  const features = deriveFixtureFeatures(raw);
  for (const i of HISTORY) features[i] = row[i]!;
  return { raw, features };
}

/** Refused clients whose loan amounts are known. */
function refusedClients(): { raw: RawApplication; features: Float32Array }[] {
  return reference.rows
    .slice(0, 40)
    .filter((row) => !Number.isNaN(row[0]!))
    .map(client)
    .filter((c) => explainer.score(c.features).decision === 'refused');
}

/** The refused client closest to the threshold: a smaller loan should be enough. */
function nearlyGranted(): { raw: RawApplication; features: Float32Array } {
  const byRisk = refusedClients().sort(
    (a, b) => explainer.score(a.features).rawScore - explainer.score(b.features).rawScore,
  );
  return byRisk[0]!;
}

/** The scoring service, played by the same model, on the client's recorded history. */
const rescoreWith =
  (calls: RawApplication[], history: Float32Array): Rescore =>
  async (raw) => {
    calls.push(raw);
    const { probabilityOfDefault, decision } = explainer.score(
      changedFeatures(explainer, deriveFixtureFeatures, { raw, features: history, changes: {} }),
    );
    return { probabilityOfDefault, decision };
  };

describe('what-if', () => {
  it('recomputes application features only and can flip the decision', () => {
    const { raw, features } = refusedClients()[0]!;
    const income = raw['AMT_INCOME_TOTAL'] as number;
    const result = whatIf(explainer, deriveFixtureFeatures, {
      clientId: 100002,
      raw,
      features,
      changes: { AMT_ANNUITY: Math.round(income * 0.03), EXT_SOURCE_MEAN: 0.9 },
      language: 'en',
    });
    assert.equal(result.original.decision, 'refused');
    assert.equal(result.updated.decision, 'granted');
    assert.ok(result.decisionChanged);
    assert.ok(result.probabilityChange < 0);
    assert.ok(
      Math.abs(
        result.probabilityChange - (result.updated.probabilityOfDefault - result.original.probabilityOfDefault),
      ) < 1e-12,
    );
    assert.deepEqual(result.changedFeatures.map((c) => c.feature).sort(), ['ANNUITY_INCOME_RATIO', 'EXT_SOURCE_MEAN']);
    assert.equal(
      result.changedFeatures.find((c) => c.feature === 'EXT_SOURCE_MEAN')!.label,
      'Average of the external credit scores',
    );
  });

  it('keeps the credit history even though a new application has none', () => {
    const { raw, features } = refusedClients()[0]!;
    const after = changedFeatures(explainer, deriveFixtureFeatures, { raw, features, changes: { AMT_ANNUITY: 1 } });
    for (const i of HISTORY) assert.ok(Object.is(after[i], features[i]) || after[i] === features[i]);
  });

  it('with no change, changes nothing', () => {
    const { raw, features } = refusedClients()[0]!;
    const result = whatIf(explainer, deriveFixtureFeatures, { clientId: 1, raw, features, changes: {} });
    assert.deepEqual(result.changedFeatures, []);
    assert.equal(result.probabilityChange, 0);
  });
});

const keyOf = (field: string) =>
  (Object.entries(LOAN_FIELDS).find(([, column]) => column === field)?.[0] ?? field) as keyof Loan;

describe('counterfactual', () => {
  it('finds the smallest change to the loan that gets a refused client granted, confirmed by rescoring', async () => {
    const { raw, features } = nearlyGranted();
    const calls: RawApplication[] = [];
    const result = await counterfactual(
      explainer,
      deriveFixtureFeatures,
      { clientId: 1, raw, features, language: 'fr' },
      { rescore: rescoreWith(calls, features) },
    );
    assert.ok(result.found, result.message);
    assert.equal(calls.length, 1);
    assert.deepEqual(result.result, { ...result.result!, decision: 'granted', verifiedByScoring: true });
    assert.ok(result.changes.length > 0);
    assert.ok(
      result.changes.every(
        (c) => Object.values(LOAN_FIELDS).includes(c.field as never) && (c.to as number) < (c.from as number),
      ),
    );
    assert.match(result.message, /^La demande serait accordée/);
    assert.doesNotMatch(result.message, /AMT_/i);
    assert.match(result.message, /[\d\s\u202f]+ au lieu de [\d\s\u202f]+/);
    // Nothing weaker would have done: the lever's previous step is still refused, and no lever went less far.
    const lever = LEVERS.find((l) => l.name === result.lever)!;
    const loan = { credit: raw['AMT_CREDIT'] as number, annuity: raw['AMT_ANNUITY'] as number, goods: null };
    const goods = raw['AMT_GOODS_PRICE'];
    const strength = lever.strengths.findIndex((s) =>
      result.changes.every(
        (c) => lever.apply({ ...loan, goods: typeof goods === 'number' ? goods : null }, s)[keyOf(c.field)] === c.to,
      ),
    );
    assert.ok(strength >= 0, 'the suggestion is a step of its lever');
    if (strength > 0) {
      const weaker = fieldsOf(
        lever.apply({ ...loan, goods: typeof goods === 'number' ? goods : null }, lever.strengths[strength - 1]!),
      );
      const local = explainer.score(
        changedFeatures(explainer, deriveFixtureFeatures, { raw, features, changes: weaker }),
      );
      assert.notEqual(local.decision, 'granted');
    }
  });

  it('offers only what the lender’s policy lets change, and only plausible applications', async () => {
    const { raw, features } = nearlyGranted();
    const offered: RawApplication[] = [];
    const termOnly = await counterfactual(
      explainer,
      deriveFixtureFeatures,
      { clientId: 1, raw, features, language: 'en' },
      {
        actionable: (field) => field === 'AMT_ANNUITY',
        plausible: (candidate) => (offered.push(candidate), true),
        rescore: rescoreWith([], features),
      },
    );
    assert.ok(offered.length > 0);
    for (const candidate of offered)
      assert.equal(candidate['AMT_CREDIT'], raw['AMT_CREDIT'], 'only the repayment moves');
    if (termOnly.found)
      assert.deepEqual(
        termOnly.changes.map((c) => c.field),
        ['AMT_ANNUITY'],
      );
    const nothing = await counterfactual(
      explainer,
      deriveFixtureFeatures,
      { clientId: 1, raw, features, language: 'en' },
      { plausible: () => false },
    );
    assert.equal(nothing.found, false);
    assert.match(nothing.message, /^No change of the loan is enough/);
  });

  it('says so when no change within the bounds is enough', async () => {
    const { raw, features } = nearlyGranted();
    const hopeless = Float32Array.from(features);
    hopeless[4] = 0.01; // external scores at the bottom, which the client cannot change
    const result = await counterfactual(
      explainer,
      deriveFixtureFeatures,
      { clientId: 1, raw: { ...raw, EXT_SOURCE_MEAN: 0.01 }, features: hopeless, language: 'en' },
      { actionable: (field) => field !== 'AMT_ANNUITY' },
    );
    assert.equal(result.found, false, 'every lever moves the repayment: none is allowed');
    assert.equal(result.result, null);
    assert.match(result.message, /^No change of the loan is enough .* twice as long/);
  });

  it('keeps looking when the scoring service does not confirm', async () => {
    const { raw, features } = nearlyGranted();
    const calls: RawApplication[] = [];
    const refuses: Rescore = async (r) => (calls.push(r), { probabilityOfDefault: 0.9, decision: 'refused' });
    const result = await counterfactual(
      explainer,
      deriveFixtureFeatures,
      { clientId: 1, raw, features },
      { rescore: refuses },
    );
    assert.equal(result.found, false);
    assert.equal(calls.length, 3);
  });

  it('has nothing to suggest to a granted client', async () => {
    const granted = reference.rows
      .slice(0, 40)
      .map(client)
      .find((c) => explainer.score(c.features).decision === 'granted')!;
    const result = await counterfactual(explainer, deriveFixtureFeatures, { clientId: 1, ...granted, language: 'en' });
    assert.ok(result.found);
    assert.deepEqual(result.changes, []);
  });
});
