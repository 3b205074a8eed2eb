import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { loadBundle } from '@octroi/model-bundle';
import { CreditScorer } from '../src/credit-scorer.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const CLI = ['--import', 'tsx', 'services/scoring/src/batch-cli.ts'];

const readScores = (path: string) =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [id, probability, decision, error] = line.split(',');
      return { id: Number(id), probability: probability ? Number(probability) : undefined, decision, error };
    });

test('an application file is scored like the service scores a new application; a bad row keeps its line with the reason', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'octroi-batch-'));
  const header =
    'SK_ID_CURR,AMT_INCOME_TOTAL,AMT_CREDIT,AMT_ANNUITY,AMT_GOODS_PRICE,DAYS_BIRTH,DAYS_EMPLOYED,CODE_GENDER,NAME_CONTRACT_TYPE';
  const rows = [
    '900001,120000,300000,15000,270000,-12000,-1500,F,Cash loans',
    '900002,90000,800000,45000,800000,-9000,365243,M,Cash loans',
    '900003,100000,200000,10000,,-15000,-4000,X,Cash loans',
  ];
  writeFileSync(join(dir, 'applications.csv'), [header, ...rows].join('\n') + '\n');
  const run = spawnSync(
    process.execPath,
    [...CLI, '--input', join(dir, 'applications.csv'), '--output', join(dir, 'scores.csv')],
    { cwd: ROOT, encoding: 'utf8' },
  );
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /scored 3 \/ 3 \(100\.0 %\)/, 'progress is shown');

  const scores = readScores(join(dir, 'scores.csv'));
  assert.deepEqual(
    scores.map((s) => s.id),
    [900001, 900002, 900003],
  );
  assert.match(scores[2]!.error!, /CODE_GENDER/);
  const scorer = await CreditScorer.load(await loadBundle());
  const [expected] = await scorer.scoreApplications([
    {
      AMT_INCOME_TOTAL: 120000,
      AMT_CREDIT: 300000,
      AMT_ANNUITY: 15000,
      AMT_GOODS_PRICE: 270000,
      DAYS_BIRTH: -12000,
      DAYS_EMPLOYED: -1500,
      CODE_GENDER: 'F',
      NAME_CONTRACT_TYPE: 'Cash loans',
    },
  ]);
  assert.ok(Math.abs(scores[0]!.probability! - expected!.probabilityOfDefault) < 1e-7);
  assert.equal(scores[0]!.decision, expected!.decision);
});

test('secondary tables beside the file complete the history features', () => {
  const dir = mkdtempSync(join(tmpdir(), 'octroi-batch-history-'));
  execFileSync(
    'python3',
    ['-m', 'octroi_training.generate', '--out', dir, '--n', '200', '--n-test', '100', '--seed', '7'],
    { cwd: join(ROOT, 'training'), stdio: 'ignore' },
  );
  const withHistory = join(dir, 'with-history.csv');
  const run = spawnSync(
    process.execPath,
    [...CLI, '--input', join(dir, 'application_test.csv'), '--output', withHistory],
    { cwd: ROOT, encoding: 'utf8' },
  );
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /computing history features/);

  const alone = mkdtempSync(join(tmpdir(), 'octroi-batch-alone-'));
  writeFileSync(join(alone, 'application_test.csv'), readFileSync(join(dir, 'application_test.csv')));
  const applicationOnly = join(alone, 'scores.csv');
  assert.equal(
    spawnSync(process.execPath, [...CLI, '--input', join(alone, 'application_test.csv'), '--output', applicationOnly], {
      cwd: ROOT,
    }).status,
    0,
  );

  const a = readScores(withHistory);
  const b = readScores(applicationOnly);
  assert.equal(a.length, 100);
  assert.ok(a.every((score) => score.probability !== undefined && !score.error));
  assert.ok(
    a.some((score, i) => Math.abs(score.probability! - b[i]!.probability!) > 1e-6),
    'history changes some scores',
  );
});
