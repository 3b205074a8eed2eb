import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DRIFT_MINIMUM_APPLICATIONS } from '@octroi/contracts';
import type { BinnedVariable, DriftReference } from '@octroi/model-bundle';
import { variablesDrift } from '../src/drift.ts';

const binned = (name: string): BinnedVariable => ({
  name,
  kind: 'numeric',
  fromHistory: false,
  edges: [0, 1, 2],
  categories: [],
  training: [0.5, 0.5, 0],
});

test('variables seen in too few decisions come after the others, however large their index', () => {
  const reference: DriftReference = {
    modelVersion: 'v',
    score: binned('score'),
    features: [binned('FEW'), binned('MANY')],
  };
  const many = DRIFT_MINIMUM_APPLICATIONS * 2;
  const variables = variablesDrift(reference, {
    applications: many,
    score: [many / 2, many / 2, 0],
    features: new Map([
      ['FEW', [1, 0, 0]],
      ['MANY', [many * 0.8, many * 0.2, 0]],
    ]),
    decisions: new Map(),
  });
  assert.deepEqual(
    variables.map((v) => [v.name, v.status]),
    [
      ['MANY', 'act'],
      ['score', 'stable'],
      ['FEW', 'too-few'],
    ],
  );
  assert.ok(variables[2]!.stabilityIndex! > variables[0]!.stabilityIndex!, 'the few values do give a larger index');
});
