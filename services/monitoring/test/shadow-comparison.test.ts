import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ShadowScores } from '@octroi/contracts';
import { ShadowComparisons } from '../src/shadow-comparison.ts';

const side = (probabilityOfDefault: number, threshold = 0.2) => ({
  probabilityOfDefault,
  decision: probabilityOfDefault >= threshold ? ('refused' as const) : ('granted' as const),
});

function scores(time: number, pairs: Array<[number, number, number?]>, challenger = 'v2'): ShadowScores {
  return {
    source: 'replica',
    time,
    champion: 'v1',
    challenger,
    applications: pairs.map(([champion, shadow, clientId]) => ({
      ...(clientId ? { clientId } : {}),
      champion: side(champion),
      challenger: side(shadow),
    })),
  };
}

test('agreement, decisions crossed, mean difference and its histogram in percentage points', () => {
  const comparisons = new ShadowComparisons();
  comparisons.add(
    scores(1000, [
      [0.1, 0.12],
      [0.3, 0.25],
      [0.19, 0.21, 100002],
    ]),
  );
  comparisons.add(scores(2000, [[0.05, 0.02, 100003]]));
  const [report, ...others] = comparisons.report();
  assert.deepEqual(others, []);
  assert.equal(report!.applications, 4);
  assert.equal(report!.agreement, 3 / 4);
  assert.deepEqual(report!.decisions.map((d) => [d.champion, d.challenger, d.count]).sort(), [
    ['granted', 'granted', 2],
    ['granted', 'refused', 1],
    ['refused', 'refused', 1],
  ]);
  // (+2 − 5 + 2 − 3) points / 4 = −1 point
  assert.ok(Math.abs(report!.meanDifference! + 0.01) < 1e-12);
  const binOf = (points: number) =>
    report!.differences.find((bin) => (bin.from ?? -Infinity) <= points && points < (bin.to ?? Infinity))!;
  assert.equal(binOf(2).count, 2, '+2 points twice');
  assert.equal(binOf(-5).count, 1);
  assert.equal(binOf(-3).count, 1);
  assert.equal(
    report!.differences.reduce((sum, bin) => sum + bin.count, 0),
    4,
  );
  assert.equal(report!.differences[0]!.from, null, 'the first bin is open below');
  assert.equal(report!.differences.at(-1)!.to, null, 'the last bin is open above');
  assert.deepEqual(
    report!.changes.map((change) => change.clientId),
    [100002],
    'only the application the challenger would have decided otherwise',
  );
  assert.equal(report!.since, new Date(1000).toISOString());
});

test('each champion and challenger pair apart, the one scored last first; a pair asked for by its versions', () => {
  const comparisons = new ShadowComparisons();
  comparisons.add(scores(1000, [[0.1, 0.3]], 'v2'));
  comparisons.add(scores(5000, [[0.1, 0.1]], 'v3'));
  assert.deepEqual(
    comparisons.report().map((r) => [r.challenger, r.agreement]),
    [
      ['v3', 1],
      ['v2', 0],
    ],
  );
  assert.deepEqual(
    comparisons.report({ challenger: 'v2' }).map((r) => r.challenger),
    ['v2'],
  );
  assert.deepEqual(comparisons.report({ champion: 'other' }), []);
});
