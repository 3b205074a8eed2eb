import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SummaryRequest } from '@octroi/contracts';
import { dependence, ImportanceJob, shapSummary, SUMMARY_POINT_BYTES } from '../src/global.ts';
import { fixtureExplainer, fixtureReference } from './fixtures.ts';

const explainer = fixtureExplainer();
const rows = fixtureReference('nan').rows;
const applicants = { count: rows.length, row: (i: number) => rows[i]! };

function finishedJob(): ImportanceJob {
  const job = new ImportanceJob(explainer, applicants, { chunkSize: 50, sampleSize: 100 });
  while (job.step());
  return job;
}

describe('global importance', () => {
  it('is the mean |SHAP| over every applicant, reported chunk by chunk', async () => {
    const job = new ImportanceJob(explainer, applicants, { chunkSize: 40 });
    const seen: number[] = [];
    assert.equal(job.report('en').status, 'computing');
    await job.run((j) => seen.push(j.report('en').rows));
    assert.deepEqual(seen, [40, 80, 120, 142]);
    const report = job.report('fr');
    assert.equal(report.status, 'ready');
    assert.equal(report.progress, 1);
    const expected = new Float64Array(explainer.features.length);
    for (const row of rows) explainer.shap(row).forEach((v, f) => (expected[f]! += Math.abs(v) / rows.length));
    for (const entry of report.features) {
      assert.ok(Math.abs(entry.meanAbsShap - expected[explainer.featureIndex.get(entry.feature)!]!) < 1e-12);
    }
    const sizes = report.features.map((f) => f.meanAbsShap);
    assert.deepEqual(
      sizes,
      [...sizes].sort((a, b) => b - a),
    );
    assert.equal(report.features.find((f) => f.feature === 'DAYS_BIRTH')!.label, 'Âge');
  });

  it('hands a finished computation to another replica through a JSON snapshot', () => {
    const job = finishedJob();
    const copy = new ImportanceJob(explainer, applicants);
    assert.ok(copy.restore(JSON.parse(JSON.stringify(job.snapshot()))));
    assert.deepEqual(copy.report('en'), job.report('en'));
    assert.deepEqual(shapSummary(copy, 2, 20, 'en'), shapSummary(job, 2, 20, 'en'));
    assert.equal(copy.restore({ ...job.snapshot(), modelVersion: 'another model' }), false);
  });

  it('stops when asked to', async () => {
    const job = new ImportanceJob(explainer, applicants, { chunkSize: 10 });
    const controller = new AbortController();
    await assert.rejects(job.run(() => controller.abort(), controller.signal));
    assert.ok(!job.finished);
  });
});

describe('beeswarm summary and dependence', () => {
  const job = finishedJob();

  it('lists the top features with sampled SHAP values and value ranks', () => {
    const summary = shapSummary(job, 3, 50, 'en');
    assert.deepEqual(
      summary.features.map((f) => f.feature),
      job
        .report('en')
        .features.slice(0, 3)
        .map((f) => f.feature),
    );
    for (const feature of summary.features) {
      assert.equal(feature.points.length, 50);
      assert.ok(feature.points.every((p) => p.valueRank === null || (p.valueRank >= 0 && p.valueRank <= 1)));
      assert.ok(feature.points.some((p) => p.valueRank !== null));
    }
  });

  it('gives SHAP against value for one feature, coloured by another', () => {
    const plot = dependence(job, 'ANNUITY_INCOME_RATIO', 'EXT_SOURCE_MEAN', 1000, 'en');
    assert.equal(plot.label, 'Share of income spent on repayments');
    assert.equal(plot.colorLabel, 'Average of the external credit scores');
    assert.ok(plot.points.length > 50 && plot.points.every((p) => Number.isFinite(p.value)));
    const chosen = dependence(job, 'ANNUITY_INCOME_RATIO', undefined, 20, 'en');
    assert.equal(chosen.points.length, 20);
    assert.notEqual(chosen.color, 'ANNUITY_INCOME_RATIO');
    assert.throws(() => dependence(job, 'NOPE', undefined, 10, 'en'), RangeError);
  });
});

describe('the largest summary a caller may ask for', () => {
  const top = SummaryRequest.properties.top.maximum!;
  const points = SummaryRequest.properties.points.maximum!;
  /** NATS's default message size limit. */
  const BUS_MESSAGE_BYTES = 1024 * 1024;

  it('fits in one bus message with room to spare, whatever the SHAP values', () => {
    // The longest numbers there are: tiny, huge and repeating SHAP values, and any value (hence any rank).
    const awkward = [-1.2345678912345e-10, -0.00012345678912345, -123456.78912345, 1 / 3, -2 / 3, 1e21 / 7];
    const width = explainer.features.length;
    const sample = Array.from({ length: points }, (_, k) => ({
      values: Array.from({ length: width }, (_, f) =>
        (k + f) % 11 === 0 ? null : Math.sin(k * 7 + f) * 10 ** (f % 9),
      ),
      shap: Array.from({ length: width }, (_, f) => awkward[(k + f) % awkward.length]!),
    }));
    const job = new ImportanceJob(explainer, applicants);
    const restored = job.restore({
      modelVersion: explainer.modelVersion,
      done: applicants.count,
      sumAbs: Array.from({ length: width }, (_, f) => width - f),
      sample: { values: sample.map((s) => s.values), shap: sample.map((s) => s.shap) },
    });
    assert.ok(restored);
    const summary = shapSummary(job, top, points, 'fr');
    const longest = Math.max(
      ...summary.features.flatMap((feature) => feature.points.map((point) => JSON.stringify(point).length + 1)),
    );
    assert.ok(longest <= SUMMARY_POINT_BYTES, `a point takes ${longest} bytes`);
    assert.ok(summary.features.every((feature) => feature.points.length === points));
    const labels = 20 * 200;
    assert.ok(top * points * SUMMARY_POINT_BYTES + labels < BUS_MESSAGE_BYTES / 2, 'half the limit at most');
  });
});
