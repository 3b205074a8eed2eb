import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AgeBand, ObservedCounts } from '@octroi/contracts';
import { decisionMixSeries, decisionMix, approvalByGroup } from '../src/decision-mix.ts';
import { RollingCounts, WINDOWS } from '../src/rolling-counts.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const start = Date.UTC(2026, 10, 30, 12, 0, 0);

function observed(at: number, decisions: ObservedCounts['decisions'], modelVersion = 'v1'): ObservedCounts {
  const applications = decisions.reduce((sum, d) => sum + d.count, 0);
  return {
    source: 'scoring-test',
    modelVersion,
    from: at,
    to: at + 1000,
    applications,
    features: { X: [applications, 0] },
    score: [applications],
    decisions,
  };
}

const granted = (count: number, gender = 'F', ageBand: AgeBand = '25-40') => ({
  decision: 'granted' as const,
  gender,
  ageBand,
  count,
});
const refused = (count: number, gender = 'M', ageBand: AgeBand = '40-60') => ({
  decision: 'refused' as const,
  gender,
  ageBand,
  count,
});

test('counts leave each window when they are older than it', () => {
  let now = start;
  const counts = new RollingCounts(() => now);
  counts.addObservations(observed(start, [granted(3)]));
  const applications = () =>
    ['1h', '1d', '7d'].map((w) => counts.window(w as '1h').byVersion.get('v1')?.applications ?? 0);
  assert.deepEqual(applications(), [3, 3, 3]);
  now = start + 61 * MINUTE;
  assert.deepEqual(applications(), [0, 3, 3], 'out of the hour');
  now = start + 25 * HOUR;
  assert.deepEqual(applications(), [0, 0, 3], 'out of the day');
  now = start + 169 * HOUR;
  assert.deepEqual(applications(), [0, 0, 0], 'out of the week');
});

test('counts published late, for a time already out of every window, are dropped', () => {
  const counts = new RollingCounts(() => start);
  counts.addObservations(observed(start - 200 * HOUR, [granted(3)]));
  assert.equal(counts.window('7d').byVersion.size, 0);
});

test('two replicas publishing for the same minute add up, bin by bin', () => {
  const counts = new RollingCounts(() => start + 30_000);
  counts.addObservations({ ...observed(start, [granted(2)]), features: { X: [1, 1] } });
  counts.addObservations({
    ...observed(start + 10_000, [granted(1), refused(4)]),
    source: 'other',
    features: { X: [0, 5] },
  });
  const v1 = counts.window('1h').byVersion.get('v1')!;
  assert.equal(v1.applications, 7);
  assert.deepEqual(v1.features.get('X'), [1, 6]);
  assert.deepEqual(decisionMix(counts.window('1h')), {
    decisions: 7,
    granted: 3,
    referred: 0,
    refused: 4,
    officerDecisions: 0,
    overrides: 0,
  });
});

test('the decision mix over time covers the window in equal steps and adds up to its total', () => {
  let now = start;
  const counts = new RollingCounts(() => now);
  for (let hour = 0; hour < 30; hour++)
    counts.addObservations(observed(start + hour * HOUR, [granted(hour + 1), refused(1)]));
  counts.addOfficerDecision({
    time: start + 29 * HOUR,
    decisionId: 'd',
    modelDecision: 'refused',
    officerDecision: 'granted',
    override: true,
  });
  counts.addOfficerDecision({
    time: start + 29 * HOUR,
    decisionId: 'e',
    modelDecision: 'granted',
    officerDecision: 'granted',
    override: false,
  });
  now = start + 29 * HOUR + 5 * MINUTE;
  for (const window of ['1h', '1d', '7d'] as const) {
    const series = decisionMixSeries(counts, window);
    const { periods, step, period } = WINDOWS[window];
    assert.equal(series.length, periods / step, window);
    assert.equal(Date.parse(series.at(-1)!.to) - Date.parse(series[0]!.from), periods * period);
    const total = decisionMix(counts.window(window));
    for (const key of ['decisions', 'granted', 'refused', 'officerDecisions', 'overrides'] as const)
      assert.equal(
        series.reduce((sum, point) => sum + point[key], 0),
        total[key],
        `${window} ${key}`,
      );
  }
  // The day holds hours 6 to 29 of the run: 24 hours of (hour + 1) grants and one refusal.
  const day = decisionMix(counts.window('1d'));
  assert.equal(
    day.granted,
    Array.from({ length: 24 }, (_, i) => i + 7).reduce((a, b) => a + b, 0),
  );
  assert.equal(day.refused, 24);
  assert.deepEqual([day.officerDecisions, day.overrides], [2, 1]);
});

test('approval by gender and by age band, bands in their order', () => {
  const counts = new RollingCounts(() => start);
  counts.addObservations(
    observed(start, [
      granted(6, 'F', '25-40'),
      refused(2, 'F', 'under-25'),
      granted(1, 'M', '60-and-over'),
      refused(3, 'M', '25-40'),
    ]),
  );
  const { byGender, byAgeBand } = approvalByGroup(counts.window('1h'));
  assert.deepEqual(
    byGender.map((g) => [g.group, g.granted, g.decisions]),
    [
      ['F', 6, 8],
      ['M', 1, 4],
    ],
  );
  assert.deepEqual(
    byAgeBand.map((g) => [g.group, g.granted, g.decisions]),
    [
      ['under-25', 0, 2],
      ['25-40', 6, 9],
      ['60-and-over', 1, 1],
    ],
  );
});
