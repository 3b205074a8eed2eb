/**
 * An application sent with its history tables scores the same through the API, the batch file and the training
 * pipeline (Python), on the real sample's applicants and their linked history rows; and a bad payment history
 * scores as a higher risk than a clean one.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { HISTORY_TABLES, type HistoryRow, type HistoryTableName, type NewApplication } from '@octroi/contracts';
import { deriveFeatures, loadBundle, type ModelBundle } from '@octroi/model-bundle';
import { REAL_DATA_DIR, realDataSkip } from '@octroi/model-bundle/testing';
import { MemoryBus, createLogger, processMetrics, type Runtime } from '@octroi/runtime';
import { FROM_SOURCES } from '@octroi/runtime/testing';
import { testGateway, withKey } from '../gateway/test/helpers.ts';
import { startExplain } from '../services/explain/src/main.ts';
import { startScoring } from '../services/scoring/src/main.ts';
import { applicationOf, historyRowOf, type CsvRecord } from '../services/scoring/src/csv-records.ts';

const ROOT = resolve(import.meta.dirname, '..');
const LINKED = join(REAL_DATA_DIR, 'linked');
const skip = realDataSkip('linked/installments_payments.csv');

interface Reference {
  ids: number[];
  probabilities: number[];
  features: Record<string, Array<number | null>>;
}

const readCsv = (path: string) => parse<CsvRecord>(readFileSync(path), { columns: true, bom: true });

/** Each linked applicant's rows of every table, as a request carries them (file order kept). */
function linkedHistory(): Map<number, Partial<Record<HistoryTableName, HistoryRow[]>>> {
  const byApplicant = new Map<number, Partial<Record<HistoryTableName, HistoryRow[]>>>();
  const ownerOfCredit = new Map<number, number>();
  for (const table of HISTORY_TABLES) {
    for (const record of readCsv(join(LINKED, `${table}.csv`))) {
      const row = historyRowOf(table, record);
      const applicant =
        table === 'bureau_balance' ? ownerOfCredit.get(Number(record['SK_ID_BUREAU'])) : Number(record['SK_ID_CURR']);
      if (applicant === undefined) continue;
      if (table === 'bureau' && !ownerOfCredit.has(Number(row['SK_ID_BUREAU'])))
        ownerOfCredit.set(Number(row['SK_ID_BUREAU']), applicant);
      const tables = byApplicant.get(applicant) ?? {};
      (tables[table] ??= []).push(row);
      byApplicant.set(applicant, tables);
    }
  }
  return byApplicant;
}

describe('history tables through every channel, on the real linked rows', { skip }, () => {
  let bundle: ModelBundle;
  let folder: string;
  let applications: Map<number, NewApplication>;
  let reference: Reference;
  let bus: MemoryBus;
  let services: Runtime[];
  let gateway: Awaited<ReturnType<typeof testGateway>>;

  const score = async (batch: NewApplication[]) => {
    const response = await gateway.app.inject({
      method: 'POST',
      url: '/api/v1/score',
      headers: withKey,
      payload: { applications: batch },
    });
    assert.equal(response.statusCode, 200, response.body.slice(0, 500));
    return response
      .json<{ scores: Array<{ probabilityOfDefault: number }> }>()
      .scores.map((s) => s.probabilityOfDefault);
  };

  before(async () => {
    bundle = await loadBundle();
    folder = mkdtempSync(join(tmpdir(), 'octroi-linked-'));
    // The sample's applicants that the linked rows cover, under the standard file names.
    const lines = readFileSync(join(REAL_DATA_DIR, 'application_train_sample.csv'), 'utf8').split('\n');
    const covered = lines.slice(1).filter((line) => line && Number(line.split(',')[0]) <= 101156);
    writeFileSync(join(folder, 'application_train.csv'), [lines[0], ...covered].join('\n') + '\n');
    for (const file of readdirSync(LINKED)) copyFileSync(join(LINKED, file), join(folder, file));

    const history = linkedHistory();
    applications = new Map(
      readCsv(join(folder, 'application_train.csv')).map((record) => {
        const id = Number(record['SK_ID_CURR']);
        return [id, { ...applicationOf(bundle.spec, record), ...history.get(id) }];
      }),
    );
    const out = join(folder, 'reference.json');
    const python = spawnSync(
      'python3',
      ['-m', 'octroi_training.reference_scores', '--model', bundle.dir, '--data', folder, '--out', out],
      { cwd: join(ROOT, 'training'), encoding: 'utf8' },
    );
    assert.equal(python.status, 0, python.stderr);
    reference = JSON.parse(readFileSync(out, 'utf8')) as Reference;

    const log = createLogger('test', 'warn');
    process.env['AUDIT_FILE'] = join(folder, 'audit.jsonl');
    bus = new MemoryBus(log, processMetrics());
    services = [await startScoring({ bus, log }), await startExplain({ bus, log })];
    gateway = await testGateway({ bus });
  });
  after(async () => {
    await gateway?.app.close();
    await gateway?.runtime.shutdown.run();
    await Promise.all((services ?? []).map((runtime) => runtime.shutdown.run()));
    await bus?.close();
  });

  test('features derived in TypeScript from a request equal the training pipeline’s, bit for bit', () => {
    let withHistory = 0;
    reference.ids.forEach((id, row) => {
      const application = applications.get(id)!;
      withHistory += Object.values(application).some((v) => Array.isArray(v) && v.length > 0) ? 1 : 0;
      const features = deriveFeatures(bundle.spec, application);
      for (const feature of bundle.spec.features) {
        const expected = reference.features[feature.name]![row] ?? null;
        const actual = features[feature.index]!;
        assert.ok(
          expected === null ? Number.isNaN(actual) : Object.is(actual, Math.fround(expected)),
          `${id} ${feature.name}: ${actual} against ${expected}`,
        );
      }
    });
    assert.ok(withHistory >= 500, `${withHistory} applicants with history rows`);
  });

  test('the API, the batch file and the Python pipeline give the same probability within 1e-5', async () => {
    const output = join(folder, 'scores.csv');
    const cli = spawnSync(
      process.execPath,
      [
        ...FROM_SOURCES,
        'services/scoring/src/batch-cli.ts',
        '--input',
        join(folder, 'application_train.csv'),
        '--output',
        output,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    assert.equal(cli.status, 0, cli.stderr);
    assert.match(cli.stderr, /history: installments_payments: .* rows read/);
    const batch = new Map(
      parse<CsvRecord>(readFileSync(output), { columns: true }).map((r) => [Number(r['SK_ID_CURR']), r]),
    );
    const ids = reference.ids.filter((id) => batch.get(id)?.['PROBABILITY_OF_DEFAULT']);
    assert.ok(ids.length >= reference.ids.length - 5, 'the real applications pass the intake rules');
    const viaApi: number[] = [];
    for (let i = 0; i < ids.length; i += 200)
      viaApi.push(...(await score(ids.slice(i, i + 200).map((id) => applications.get(id)!))));
    ids.forEach((id, i) => {
      const python = reference.probabilities[reference.ids.indexOf(id)]!;
      const file = Number(batch.get(id)!['PROBABILITY_OF_DEFAULT']);
      assert.ok(Math.abs(file - python) <= 1e-5, `${id}: batch ${file}, Python ${python}`);
      assert.ok(Math.abs(viaApi[i]! - python) <= 1e-5, `${id}: API ${viaApi[i]}, Python ${python}`);
    });
  });

  test('a bad payment history scores as a higher risk than the same application with a clean one', async (t) => {
    const payers = [...applications.values()].filter(
      (a) => (a['installments_payments'] as HistoryRow[] | undefined)?.length,
    );
    assert.ok(payers.length >= 200, `${payers.length} applicants with instalments`);
    const withPayments = (application: NewApplication, late: boolean): NewApplication => ({
      ...application,
      installments_payments: (application['installments_payments'] as HistoryRow[]).map((row) => ({
        ...row,
        DAYS_ENTRY_PAYMENT:
          Number(row['DAYS_INSTALMENT']) + (late ? 45 : 0) > 0
            ? null
            : Number(row['DAYS_INSTALMENT']) + (late ? 45 : 0),
        AMT_PAYMENT: late ? Number(row['AMT_INSTALMENT']) / 2 : (row['AMT_INSTALMENT'] ?? null),
      })),
      POS_CASH_balance: ((application['POS_CASH_balance'] as HistoryRow[] | undefined) ?? []).map((row) => ({
        ...row,
        SK_DPD: late ? 45 : 0,
        SK_DPD_DEF: late ? 45 : 0,
      })),
      bureau_balance: ((application['bureau_balance'] as HistoryRow[] | undefined) ?? []).map((row) => ({
        ...row,
        STATUS: late ? '3' : 'C',
      })),
    });
    const clean = await score(payers.map((a) => withPayments(a, false)));
    const bad = await score(payers.map((a) => withPayments(a, true)));
    const riskier = bad.filter((p, i) => p > clean[i]!).length;
    const meanGap = bad.reduce((sum, p, i) => sum + p - clean[i]!, 0) / bad.length;
    t.diagnostic(`${riskier} of ${payers.length} riskier, probability of default up ${meanGap.toFixed(4)} on average`);
    assert.ok(riskier >= 0.9 * payers.length, `${riskier} of ${payers.length} riskier with late, partial payments`);
    assert.ok(meanGap > 0.01, `mean rise of the probability of default ${meanGap}`);
  });
});
