import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { DRIFT_THRESHOLDS, type ObservedCounts } from '@octroi/contracts';
import {
  binOf,
  BundleCatalogue,
  driftReference,
  loadApplicantFeatures,
  loadBundle,
  type ApplicantFeatures,
  type DriftReference,
} from '@octroi/model-bundle';
import { writeTinyBundle } from '@octroi/model-bundle/testing';
import { createLogger } from '@octroi/runtime';
import { DriftReferences } from '../src/drift-references.ts';
import { LiveMonitor } from '../src/live-monitor.ts';

const log = createLogger('monitoring-test', 'warn');

describe('drift of live applications against the training population', () => {
  let applicants: ApplicantFeatures;
  let reference: DriftReference;
  let folder: string;
  let trainingRows: number[];

  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'octroi-models-'));
    const bundle = await loadBundle(await writeTinyBundle(join(folder, 'tiny')));
    applicants = await loadApplicantFeatures(bundle);
    reference = driftReference(bundle, applicants);
    trainingRows = [...applicants.ids.keys()].filter((row) => !Number.isNaN(applicants.target(row)));
  });

  /** What a scoring replica would publish for these rows, with one feature's values changed. */
  function observedRows(rows: number[], change: (name: string, value: number) => number = (_, v) => v): ObservedCounts {
    const features: Record<string, number[]> = {};
    for (const variable of reference.features) {
      const column = applicants.column(variable.name)!;
      const counts = new Array<number>(variable.training.length).fill(0);
      for (const row of rows) counts[binOf(variable, change(variable.name, column[row]!))]!++;
      features[variable.name] = counts;
    }
    const score = new Array<number>(reference.score.training.length).fill(0);
    for (const row of rows) score[binOf(reference.score, applicants.probability(row))]!++;
    const now = Date.now();
    return {
      source: 'test',
      modelVersion: reference.modelVersion,
      from: now,
      to: now,
      applications: rows.length,
      features,
      score,
      decisions: [{ decision: 'granted', gender: 'F', ageBand: '25-40', count: rows.length }],
    };
  }

  const monitor = () => new LiveMonitor(new DriftReferences(BundleCatalogue.ofFolder(folder), log));
  const repeated = (times: number) => Array.from({ length: times }, () => trainingRows).flat();

  test('the training population itself, sent live, has an index of zero on every variable', async () => {
    const live = monitor();
    live.take('observations', observedRows(repeated(5)));
    const report = await live.drift('1h');
    assert.equal(report.modelVersion, reference.modelVersion);
    assert.equal(report.applications, trainingRows.length * 5);
    assert.equal(report.variables.length, reference.features.length + 1, 'every feature and the score');
    for (const variable of report.variables) {
      assert.ok(Math.abs(variable.stabilityIndex!) < 1e-12, `${variable.name}: ${variable.stabilityIndex}`);
      assert.equal(variable.status, 'stable');
    }
  });

  test('a feature whose values fell to a third is the one to act on, the others stay stable', async () => {
    const live = monitor();
    live.take(
      'observations',
      observedRows(repeated(5), (name, value) => (name === 'EXT_SOURCE_MEAN' ? value / 3 : value)),
    );
    const { variables } = await live.drift('1d');
    const [first, ...others] = variables;
    assert.equal(first!.name, 'EXT_SOURCE_MEAN');
    assert.ok(first!.stabilityIndex! > DRIFT_THRESHOLDS.act, String(first!.stabilityIndex));
    assert.equal(first!.status, 'act');
    for (const variable of others) assert.equal(variable.status, 'stable', variable.name);

    const detail = await live.variable('EXT_SOURCE_MEAN', '1d');
    assert.equal(detail.bins.length, reference.features.find((v) => v.name === 'EXT_SOURCE_MEAN')!.training.length);
    assert.ok(Math.abs(detail.bins.reduce((sum, bin) => sum + (bin.live ?? 0), 0) - 1) < 1e-9, 'live shares sum to 1');
    assert.ok(detail.bins[0]!.live! > detail.bins[0]!.training, 'the low values gained applicants');
    assert.equal(detail.bins.at(-1)!.label, 'missing');
  });

  test('under a hundred applications, the index is shown but not judged', async () => {
    const live = monitor();
    live.take(
      'observations',
      observedRows(trainingRows.slice(0, 20), (_, value) => value * 5),
    );
    const { variables } = await live.drift('1h');
    assert.ok(variables.every((variable) => variable.status === 'too-few'));
    assert.ok(variables.some((variable) => (variable.stabilityIndex ?? 0) > 0));
  });

  test('before any decision there is nothing to report; an unknown version or feature is a 404', async () => {
    const live = monitor();
    const empty = await live.drift('7d');
    assert.deepEqual([empty.modelVersion, empty.variables, empty.applications], [null, [], 0]);
    await assert.rejects(live.drift('7d', 'no-such-version'), { code: 'not_found', field: 'modelVersion' });
    live.take('observations', observedRows(trainingRows));
    await assert.rejects(live.variable('NO_SUCH_FEATURE', '7d'), { code: 'not_found', field: 'variable' });
  });
});
