import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import {
  binLabel,
  binOf,
  driftReference,
  loadApplicantFeatures,
  loadBundle,
  type ApplicantFeatures,
  type BinnedVariable,
  type DriftReference,
  type ModelBundle,
} from '../src/index.ts';

const numeric: BinnedVariable = {
  name: 'X',
  kind: 'numeric',
  fromHistory: false,
  edges: [0, 10, 20, 30],
  categories: [],
  training: [0.3, 0.3, 0.3, 0.1],
};

describe('binOf', () => {
  it('puts a value in the bin whose lower edge it reaches, the last bin closed', () => {
    assert.deepEqual(
      [0, 9.99, 10, 25, 30].map((value) => binOf(numeric, value)),
      [0, 0, 1, 2, 2],
    );
  });

  it('puts values outside the training range in the first or last bin, NaN in the missing bin', () => {
    assert.deepEqual(
      [-5, 1e9, NaN].map((value) => binOf(numeric, value)),
      [0, 2, 3],
    );
  });

  it('gives a category its code, and an unknown code the missing bin', () => {
    const contract: BinnedVariable = {
      ...numeric,
      kind: 'categorical',
      edges: [],
      categories: ['Cash loans', 'Revolving loans'],
      training: [0.9, 0.1, 0],
    };
    assert.deepEqual(
      [0, 1, 2, 0.5, NaN].map((value) => binOf(contract, value)),
      [0, 1, 2, 2, 2],
    );
    assert.deepEqual(binLabel(contract, 1), { from: null, to: null, category: 'Revolving loans' });
    assert.deepEqual(binLabel(numeric, 1), { from: 10, to: 20, category: null });
    assert.deepEqual(binLabel(numeric, 3), { from: null, to: null, category: null });
  });
});

describe('the drift reference of the shipped bundle', () => {
  let bundle: ModelBundle;
  let applicants: ApplicantFeatures;
  let reference: DriftReference;
  before(async () => {
    bundle = await loadBundle();
    applicants = await loadApplicantFeatures(bundle);
    reference = driftReference(bundle, applicants);
  });

  const trainingRows = () =>
    Array.from({ length: applicants.size }, (_, row) => row).filter((row) => !Number.isNaN(applicants.target(row)));

  it('bins the training applicants back into the shares population.json gives', () => {
    // The shares come from the training pipeline's histogram; binning the same applicants with binOf must find them again.
    const rows = trainingRows();
    for (const variable of reference.features) {
      const column = applicants.column(variable.name)!;
      const counts = new Array<number>(variable.training.length).fill(0);
      for (const row of rows) counts[binOf(variable, column[row]!)]!++;
      const shares = counts.map((count) => count / rows.length);
      shares.forEach((share, bin) =>
        assert.ok(
          Math.abs(share - variable.training[bin]!) < 1e-9,
          `${variable.name} bin ${bin}: ${share} against ${variable.training[bin]}`,
        ),
      );
    }
  });

  it('has a share for every bin and the missing values, summing to one, for every feature with a histogram', () => {
    assert.ok(reference.features.length > 0);
    for (const variable of [...reference.features, reference.score]) {
      const sum = variable.training.reduce((a, b) => a + b, 0);
      assert.ok(Math.abs(sum - 1) < 1e-9, `${variable.name}: shares sum to ${sum}`);
    }
    const histogramless = bundle.featureNames.filter((name) => !reference.features.some((v) => v.name === name));
    for (const name of histogramless) assert.equal(bundle.population.get(name)?.histogram.length ?? 0, 0);
  });

  it('cuts the training scores into deciles', () => {
    assert.equal(reference.score.training.at(-1), 0, 'no training score is missing');
    for (const share of reference.score.training.slice(0, -1))
      assert.ok(Math.abs(share - 0.1) < 0.02, `a decile holds ${share}`);
  });

  it('marks the features read from the credit history', () => {
    const history = reference.features.filter((v) => v.fromHistory).map((v) => v.name);
    const expected = bundle.spec.features.filter((f) => f.source !== 'application').map((f) => f.name);
    assert.deepEqual(
      history,
      expected.filter((name) => history.includes(name)),
    );
    assert.ok(history.length > 0);
  });
});
