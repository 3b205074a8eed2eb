import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  binOf,
  driftReference,
  loadApplicantFeatures,
  loadBundle,
  type ApplicantFeatures,
  type DriftReference,
  type ModelBundle,
} from '@octroi/model-bundle';
import { tinyClientId, writeTinyBundle } from '@octroi/model-bundle/testing';
import { ageBandOf, ApplicantGroups } from '../src/applicant-groups.ts';
import { ObservationTally, type ObservedDecision } from '../src/observations.ts';

const YEAR = 365.25;

test('age bands: under 25, 25 to 40, 40 to 60, 60 and over, from DAYS_BIRTH', () => {
  assert.deepEqual(
    [24.99, 25, 39.99, 40, 59.99, 60, 85].map((years) => ageBandOf(-years * YEAR)),
    ['under-25', '25-40', '25-40', '40-60', '40-60', '60-and-over', '60-and-over'],
  );
  assert.deepEqual([null, undefined, 'old', NaN, 100].map(ageBandOf), [
    'unknown',
    'unknown',
    'unknown',
    'unknown',
    'unknown',
  ]);
});

describe('what a scoring replica counts for the monitoring', () => {
  let bundle: ModelBundle;
  let applicants: ApplicantFeatures;
  let reference: DriftReference;
  before(async () => {
    bundle = await loadBundle(await writeTinyBundle());
    applicants = await loadApplicantFeatures(bundle);
    reference = driftReference(bundle, applicants);
  });

  const decided = (row: number, more: Partial<ObservedDecision> = {}): ObservedDecision => ({
    features: applicants.features(row),
    withHistory: true,
    probabilityOfDefault: applicants.probability(row),
    decision: 'granted',
    gender: 'F',
    ageBand: '25-40',
    ...more,
  });

  test('each decision lands in the bin of each feature and of its score, and in its group', () => {
    let now = 1000;
    const tally = new ObservationTally('replica-1', () => now);
    tally.count(reference, bundle.featureNames, [
      decided(0),
      decided(1),
      decided(2, { decision: 'refused', gender: 'M' }),
    ]);
    now = 5000;
    const [counts, ...others] = tally.take();
    assert.deepEqual(others, []);
    assert.deepEqual([counts!.source, counts!.from, counts!.to, counts!.applications], ['replica-1', 1000, 5000, 3]);
    for (const variable of reference.features) {
      const column = applicants.column(variable.name)!;
      const expected = new Array<number>(variable.training.length).fill(0);
      for (const row of [0, 1, 2]) expected[binOf(variable, column[row]!)]!++;
      assert.deepEqual(counts!.features[variable.name] ?? expected.map(() => 0), expected, variable.name);
    }
    assert.equal(
      counts!.score.reduce((a, b) => a + b, 0),
      3,
    );
    assert.deepEqual(
      counts!.decisions.map(({ decision, gender, count }) => [decision, gender, count]),
      [
        ['granted', 'F', 2],
        ['refused', 'M', 1],
      ],
    );
    assert.deepEqual(tally.take(), [], 'counted once: the next interval starts empty');
  });

  test("a new application without its credit history is not counted in the history features' bins", () => {
    const tally = new ObservationTally('replica-1');
    tally.count(reference, bundle.featureNames, [decided(0, { withHistory: false })]);
    const [counts] = tally.take();
    const history = reference.features.filter((variable) => variable.fromHistory).map((variable) => variable.name);
    assert.ok(history.length > 0);
    for (const name of history) assert.equal(counts!.features[name], undefined, name);
    assert.ok(counts!.features['EXT_SOURCE_MEAN'], 'application features are counted');
  });

  test('decisions of two model versions are published apart', () => {
    const tally = new ObservationTally('replica-1');
    const other = { ...reference, modelVersion: 'other-version' };
    tally.count(reference, bundle.featureNames, [decided(0)]);
    tally.count(other, bundle.featureNames, [decided(1), decided(2)]);
    assert.deepEqual(
      tally.take().map((counts) => [counts.modelVersion, counts.applications]),
      [
        [reference.modelVersion, 1],
        ['other-version', 2],
      ],
    );
  });

  test("gender and age band: a new application's raw fields, or a known client's record", async () => {
    const groups = await ApplicantGroups.load(bundle);
    // The tiny bundle's applicants: every third is M, the others F.
    assert.deepEqual(groups.ofClient(tinyClientId(0)).gender, 'M');
    assert.deepEqual(groups.ofClient(tinyClientId(1)).gender, 'F');
    assert.notEqual(groups.ofClient(tinyClientId(1)).ageBand, 'unknown');
    assert.deepEqual(groups.ofClient(1), { gender: 'unknown', ageBand: 'unknown' });
    assert.deepEqual(groups.ofApplication({ CODE_GENDER: 'F', DAYS_BIRTH: -30 * YEAR }), {
      gender: 'F',
      ageBand: '25-40',
    });
    assert.deepEqual(groups.ofApplication({ CODE_GENDER: 'Q' }), { gender: 'unknown', ageBand: 'unknown' });
  });
});
