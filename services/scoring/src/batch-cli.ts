/**
 * Scores a Home Credit application file with the scoring service's own code:
 *
 *   npm run score -- --input <applications.csv> --output <scores.csv> [--model <bundle>]
 *
 * Application features are derived in TypeScript from the bundle's specification, as the service does for a new
 * application. When secondary tables (bureau.csv, previous_application.csv, ...) lie beside the input, their
 * history aggregates come from the training pipeline's code (Python) and complete each row. Writes SK_ID_CURR,
 * the probability of default and the decision; a row that cannot be read keeps its line, with the reason.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import { tableFromIPC } from 'apache-arrow';
import {
  applicationProblems,
  defaultModelDir,
  deriveApplicationFeatures,
  loadBundle,
  type ModelBundle,
} from '@octroi/model-bundle';
import { CreditScorer } from './credit-scorer.ts';
import { applicationOf } from './csv-records.ts';

const SECONDARY_TABLES = [
  'bureau.csv',
  'previous_application.csv',
  'POS_CASH_balance.csv',
  'installments_payments.csv',
  'credit_card_balance.csv',
];
const TRAINING_DIR = resolve(import.meta.dirname, '../../../training');

interface HistoryFeatures {
  rowOf: Map<number, number>;
  columns: Array<{ index: number; values: Float32Array }>;
}

/** History aggregates of the file's applicants, by the training pipeline, when secondary tables are there. */
function historyFeatures(bundle: ModelBundle, input: string): HistoryFeatures | undefined {
  const folder = dirname(input);
  if (!SECONDARY_TABLES.some((table) => existsSync(join(folder, table)))) return undefined;
  const out = join(mkdtempSync(join(tmpdir(), 'octroi-history-')), 'history.arrow');
  console.error(`Secondary tables found in ${folder}: computing history features`);
  const run = spawnSync(
    'python3',
    ['-m', 'octroi_training.history_export', '--data', folder, '--applications', input, '--out', out],
    { cwd: TRAINING_DIR, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (run.status !== 0) throw new Error('computing history features failed (see above)');
  const table = tableFromIPC(readFileSync(out));
  const ids = table.getChild(bundle.spec.id)!.toArray() as Int32Array;
  const columns = bundle.featureNames
    .map((name, index) => ({
      index,
      child: bundle.spec.features[index]!.source === 'application' ? null : table.getChild(name),
    }))
    .filter((column) => column.child)
    .map(({ index, child }) => ({
      index,
      values: Float32Array.from(child!.toArray() as ArrayLike<number>, (v) => (v === null ? Number.NaN : v)),
    }));
  return { rowOf: new Map(Array.from(ids, (id, row) => [id, row])), columns };
}

async function countLines(path: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(path)) for (const byte of chunk as Buffer) if (byte === 10) lines++;
  return Math.max(0, lines - 1);
}

function progress(total: number) {
  const started = Date.now();
  let last = 0;
  return (done: number, final = false) => {
    if (!final && Date.now() - last < 1000) return;
    last = Date.now();
    const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
    console.error(
      `scored ${done.toLocaleString('en')} / ${total.toLocaleString('en')} (${((100 * done) / Math.max(1, total)).toFixed(1)} %), ${Math.round(rate).toLocaleString('en')} rows/s`,
    );
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      model: { type: 'string', default: defaultModelDir() },
      input: { type: 'string' },
      output: { type: 'string' },
      batch: { type: 'string', default: '2000' },
    },
  });
  if (!values.input || !values.output)
    throw new Error(
      'usage: npm run score -- --input <applications.csv> --output <scores.csv> [--model <bundle folder>]',
    );
  const input = resolve(values.input);
  const bundle = await loadBundle(resolve(values.model));
  const scorer = await CreditScorer.load(bundle);
  const history = historyFeatures(bundle, input);
  const total = await countLines(input);
  const report = progress(total);
  const width = scorer.featureCount;
  const batchSize = Number(values.batch);

  const output = stringify({ header: true, columns: ['SK_ID_CURR', 'PROBABILITY_OF_DEFAULT', 'DECISION', 'ERROR'] });
  output.pipe(createWriteStream(resolve(values.output)));
  let pending: Array<{ id: string; row?: number; error?: string }> = [];
  let matrix = new Float32Array(batchSize * width);
  let rows = 0;
  let done = 0;

  const flush = async () => {
    const scores = rows > 0 ? await scorer.scoreMatrix(matrix.subarray(0, rows * width), rows) : [];
    for (const line of pending) {
      const score = line.row === undefined ? undefined : scores[line.row];
      output.write([line.id, score?.probabilityOfDefault ?? '', score?.decision ?? '', line.error ?? '']);
    }
    done += pending.length;
    report(done);
    pending = [];
    matrix = new Float32Array(batchSize * width);
    rows = 0;
  };

  for await (const record of createReadStream(input).pipe(parse({ columns: true, bom: true }))) {
    const id = (record as Record<string, string>)[bundle.spec.id] ?? '';
    const application = applicationOf(bundle.spec, record as Record<string, string>);
    const problems = applicationProblems(bundle.spec, application);
    if (problems.length > 0) {
      pending.push({ id, error: problems.map((p) => p.message).join('; ') });
    } else {
      const features = deriveApplicationFeatures(bundle.spec, application);
      const historyRow = history?.rowOf.get(Number(id));
      if (history && historyRow !== undefined)
        for (const column of history.columns) features[column.index] = column.values[historyRow]!;
      matrix.set(features, rows * width);
      pending.push({ id, row: rows++ });
    }
    if (pending.length >= batchSize) await flush();
  }
  await flush();
  report(done, true);
  output.end();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
