/**
 * Scores a Home Credit application file with the scoring service's own code:
 *
 *   npm run score -- --input <applications.csv> --output <scores.csv> [--model <bundle>]
 *   npm run score -- --url <Octroi> --input <applications.csv|.jsonl> --output <results.csv>
 *
 * With --url, the file is sent to a running Octroi as a batch job instead (see batch-submit.ts): every decision is
 * then one of record, in its audit log.
 *
 * Each row is checked with the intake rules and its features derived in TypeScript from the bundle's
 * specification, as the service does for a new application. When secondary tables (bureau.csv,
 * previous_application.csv, ...) lie beside the input, each applicant's rows in them are checked and aggregated
 * by the same TypeScript code that serves a request's history tables (history features are missing otherwise).
 * Writes SK_ID_CURR, the probability of default and the decision; a row that cannot be scored keeps its line,
 * with every reason.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import {
  applicationProblems,
  defaultModelDir,
  deriveApplicationFeatures,
  loadBundle,
  setHistoryFeatures,
  type ModelBundle,
} from '@octroi/model-bundle';
import { batchHistory, historyFilesIn, type BatchHistory } from './batch-history.ts';
import { CreditScorer } from './credit-scorer.ts';
import { applicationOf, type CsvRecord } from './csv-records.ts';
import { submitToOctroi } from './batch-submit.ts';

const applications = (path: string) =>
  createReadStream(path).pipe(parse({ columns: true, bom: true })) as AsyncIterable<CsvRecord>;

/** The applicants of the file by SK_ID_CURR, numbered in file order, and the number of rows. */
async function applicantsOf(bundle: ModelBundle, input: string) {
  const applicantOf = new Map<number, number>();
  let rows = 0;
  for await (const record of applications(input)) {
    rows++;
    const id = Number(record[bundle.spec.id]);
    if (record[bundle.spec.id] && Number.isInteger(id) && !applicantOf.has(id)) applicantOf.set(id, applicantOf.size);
  }
  return { applicantOf, rows };
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

/** One row's features, or the reasons it cannot be scored. */
function featuresOf(
  bundle: ModelBundle,
  record: CsvRecord,
  applicant: number | undefined,
  history: BatchHistory | undefined,
): { features: Float32Array } | { error: string } {
  const application = applicationOf(bundle.spec, record);
  const problems = applicationProblems(bundle.spec, application);
  if (history && applicant !== undefined) problems.push(...history.problems(applicant));
  if (problems.length > 0) return { error: problems.map((p) => p.message).join('; ') };
  const features = deriveApplicationFeatures(bundle.spec, application);
  if (history && applicant !== undefined) setHistoryFeatures(bundle.spec, features, history.values(applicant));
  return { features };
}

async function main() {
  const { values } = parseArgs({
    options: {
      model: { type: 'string', default: defaultModelDir() },
      input: { type: 'string' },
      output: { type: 'string' },
      batch: { type: 'string', default: '2000' },
      url: { type: 'string' },
      key: { type: 'string', default: process.env.OCTROI_API_KEY },
    },
  });
  if (!values.input || !values.output)
    throw new Error(
      'usage: npm run score -- --input <applications.csv> --output <scores.csv> [--model <bundle folder> | --url <Octroi>]',
    );
  const input = resolve(values.input);
  if (values.url) {
    if (!values.key) throw new Error('An API key is needed to submit a batch job: set OCTROI_API_KEY or pass --key');
    await submitToOctroi({ url: values.url, input, output: resolve(values.output), apiKey: values.key });
    return;
  }
  const bundle = await loadBundle(resolve(values.model));
  const scorer = await CreditScorer.load(bundle);
  const { applicantOf, rows: total } = await applicantsOf(bundle, input);
  const history = await batchHistory(
    bundle.spec,
    historyFilesIn(bundle.spec, dirname(input)),
    applicantOf,
    applicantOf.size,
    (line) => console.error(`history: ${line}`),
  );
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

  for await (const record of applications(input)) {
    const id = record[bundle.spec.id] ?? '';
    const scored = featuresOf(bundle, record, applicantOf.get(Number(id)), history);
    if ('error' in scored) pending.push({ id, error: scored.error });
    else {
      matrix.set(scored.features, rows * width);
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
