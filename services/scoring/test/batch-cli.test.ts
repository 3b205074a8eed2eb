import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { EXAMPLE_APPLICATION } from '@octroi/contracts';
import { REFUSED_APPLICATIONS } from '@octroi/contracts/testing';
import { loadBundle } from '@octroi/model-bundle';
import { FROM_SOURCES } from '@octroi/runtime/testing';
import { CreditScorer } from '../src/credit-scorer.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const CLI = [...FROM_SOURCES, 'services/scoring/src/batch-cli.ts'];

/** One CSV line's cells, quoted cells unquoted. */
const parseCsvLine = (line: string) =>
  [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
    .slice(0, -1)
    .map(([, cell]) => (cell!.startsWith('"') ? cell!.slice(1, -1).replaceAll('""', '"') : cell!));

const readScores = (path: string) =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [id, probability, decision, ...error] = parseCsvLine(line);
      return {
        id: Number(id),
        probability: probability ? Number(probability) : undefined,
        decision,
        error: error.join(','),
      };
    });

/** A CSV of applications: the union of their columns as header, empty cells for missing values. */
function applicationsCsv(rows: Array<Record<string, string | number>>): string {
  const columns = [...new Set(['SK_ID_CURR', ...rows.flatMap((row) => Object.keys(row))])];
  const cell = (value: string | number | undefined) =>
    value === undefined ? '' : /[",]/.test(String(value)) ? `"${String(value).replaceAll('"', '""')}"` : String(value);
  return [columns.join(','), ...rows.map((row) => columns.map((c) => cell(row[c])).join(','))].join('\n') + '\n';
}

function scoreFile(rows: Array<Record<string, string | number>>) {
  const dir = mkdtempSync(join(tmpdir(), 'octroi-batch-'));
  writeFileSync(join(dir, 'applications.csv'), applicationsCsv(rows));
  const run = spawnSync(
    process.execPath,
    [...CLI, '--input', join(dir, 'applications.csv'), '--output', join(dir, 'scores.csv')],
    { cwd: ROOT, encoding: 'utf8' },
  );
  assert.equal(run.status, 0, run.stderr);
  return { run, scores: readScores(join(dir, 'scores.csv')) };
}

test('an application file is scored like the service scores a new application', async () => {
  const valid = { ...EXAMPLE_APPLICATION, SK_ID_CURR: 900001 };
  const { run, scores } = scoreFile([valid, { ...valid, SK_ID_CURR: 900002, AMT_CREDIT: 900000, AMT_ANNUITY: 45000 }]);
  assert.match(run.stderr, /scored 2 \/ 2 \(100\.0 %\)/, 'progress is shown');
  assert.deepEqual(
    scores.map((s) => s.id),
    [900001, 900002],
  );
  const scorer = await CreditScorer.load(await loadBundle());
  const [expected] = await scorer.scoreApplications([valid]);
  assert.ok(Math.abs(scores[0]!.probability! - expected!.probabilityOfDefault) < 1e-7);
  assert.equal(scores[0]!.decision, expected!.decision);
});

test('a bad row keeps its line, with every reason, and no score', () => {
  const rows = REFUSED_APPLICATIONS.map(({ application }, i) => ({ ...application, SK_ID_CURR: 910000 + i }));
  const { scores } = scoreFile([{ ...EXAMPLE_APPLICATION, SK_ID_CURR: 909999 }, ...rows]);
  assert.equal(scores.length, REFUSED_APPLICATIONS.length + 1);
  assert.ok(scores[0]!.probability !== undefined && !scores[0]!.error, 'a valid row among bad ones is scored');
  REFUSED_APPLICATIONS.forEach(({ name, fields }, i) => {
    const line = scores[i + 1]!;
    assert.equal(line.id, 910000 + i, name);
    assert.equal(line.probability, undefined, `${name}: no probability`);
    assert.equal(line.decision, '', `${name}: no decision`);
    const named = line.error.split('; ').map((reason) => reason.split(':')[0]);
    assert.deepEqual(named.sort(), [...fields].sort(), name);
  });
});

test('secondary tables beside the file complete the history features, computed without Python; a bad history row is a reason', () => {
  const dir = mkdtempSync(join(tmpdir(), 'octroi-batch-history-'));
  execFileSync(
    'python3',
    ['-m', 'octroi_training.generate', '--out', dir, '--n', '200', '--n-test', '100', '--seed', '7'],
    { cwd: join(ROOT, 'training'), stdio: 'ignore' },
  );
  // One bureau row of an applicant of the file made impossible: a credit opened in the future.
  const bureau = readFileSync(join(dir, 'bureau.csv'), 'utf8').trim().split('\n');
  const header = bureau[0]!.split(',');
  const applicants = new Set(readScores(join(dir, 'application_test.csv')).map((s) => String(s.id)));
  const at = bureau.findIndex((line, i) => i > 0 && applicants.has(line.split(',')[header.indexOf('SK_ID_CURR')]!));
  const cells = bureau[at]!.split(',');
  const spoiled = Number(cells[header.indexOf('SK_ID_CURR')]);
  const earlier = bureau
    .slice(1, at)
    .filter((line) => line.split(',')[header.indexOf('SK_ID_CURR')] === String(spoiled));
  cells[header.indexOf('DAYS_CREDIT')] = '30';
  bureau[at] = cells.join(',');
  writeFileSync(join(dir, 'bureau.csv'), bureau.join('\n') + '\n');

  const withHistory = join(dir, 'with-history.csv');
  const run = spawnSync(
    process.execPath,
    [...CLI, '--input', join(dir, 'application_test.csv'), '--output', withHistory],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PATH: '/nonexistent' } },
  );
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /history: installments_payments: [\d,]+ rows read, [\d,]+ applicants/);

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
  const bad = a.find((score) => score.id === spoiled)!;
  assert.equal(bad.probability, undefined);
  assert.equal(bad.error, `bureau.${earlier.length}.DAYS_CREDIT: must be at most 0`);
  const scored = a.filter((score) => score.id !== spoiled);
  assert.ok(scored.every((score) => score.probability !== undefined && !score.error));
  assert.ok(
    scored.some((score) => Math.abs(score.probability! - b.find((s) => s.id === score.id)!.probability!) > 1e-6),
    'history changes some scores',
  );
});
