import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import {
  BATCH_RESULT_COLUMNS,
  EXAMPLE_APPLICATION,
  HISTORY_TABLES,
  historyTableRules,
  type BatchJob,
  type HistoryRow,
  type ModelInfo,
  type NewApplication,
} from '@octroi/contracts';
import { FROM_SOURCES } from '@octroi/runtime/testing';
import { API_KEY, embeddedSystem, withKey } from './helpers.ts';

type System = Awaited<ReturnType<typeof embeddedSystem>>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Applications that differ by income and credit, each with an applicant id of its own. */
const applications = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    SK_ID_CURR: 900_000 + i,
    ...EXAMPLE_APPLICATION,
    AMT_INCOME_TOTAL: 60_000 + 7_919 * i,
    AMT_CREDIT: 200_000 + 9_973 * i,
  }));

const csvOf = (rows: Array<Record<string, string | number>>, columns = Object.keys(rows[0]!)) =>
  [columns.join(','), ...rows.map((row) => columns.map((column) => row[column] ?? '').join(','))].join('\n') + '\n';

async function finished(system: System, id: string, deadlineMs = 60_000): Promise<BatchJob> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const job = (await system.app.inject({ url: `/api/v1/batches/${id}`, headers: withKey })).json<BatchJob>();
    if (job.state === 'done' || job.state === 'failed') return job;
    if (Date.now() > until)
      assert.fail(`job ${id} still ${job.state} after ${deadlineMs} ms: ${JSON.stringify(job.rows)}`);
    await sleep(100);
  }
}

async function submit(system: System, body: string, contentType: string) {
  const response = await system.app.inject({
    method: 'POST',
    url: '/api/v1/batches',
    headers: { ...withKey, 'content-type': contentType },
    payload: body,
  });
  assert.equal(response.statusCode, 202, response.body);
  assert.equal(response.headers.location, `/api/v1/batches/${response.json<BatchJob>().id}`);
  return response.json<BatchJob>();
}

/** A multipart/form-data body as a browser or a form library sends it: one file part per name. */
async function multipartOf(files: Record<string, { text: string; type?: string; fileName?: string }>) {
  const form = new FormData();
  for (const [name, { text, type = 'application/octet-stream', fileName = `${name}.csv` }] of Object.entries(files))
    form.append(name, new Blob([text], { type }), fileName);
  const request = new Request('http://octroi.test/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type')! };
}

async function submitParts(system: System, files: Parameters<typeof multipartOf>[0]) {
  const { payload, contentType } = await multipartOf(files);
  return system.app.inject({
    method: 'POST',
    url: '/api/v1/batches',
    headers: { ...withKey, 'content-type': contentType },
    payload,
  });
}

/** A generated Home Credit sample (applications and the six history tables), made by the training package. */
function generatedSample() {
  const dir = mkdtempSync(join(tmpdir(), 'octroi-batch-sample-'));
  execFileSync(
    'python3',
    ['-m', 'octroi_training.generate', '--out', dir, '--n', '200', '--n-test', '100', '--seed', '11'],
    { cwd: resolve(import.meta.dirname, '../../training'), stdio: 'ignore' },
  );
  const read = (name: string) => readFileSync(join(dir, `${name}.csv`), 'utf8');
  return {
    dir,
    applications: read('application_test'),
    tables: Object.fromEntries(HISTORY_TABLES.map((t) => [t, read(t)])),
  };
}

/** A CSV cell as JSON, typed as the API documents the column; an empty cell is left out (missing). */
function typedCells(record: Record<string, string>, typeOf: (column: string) => string | undefined) {
  const entries = Object.entries(record).flatMap(([column, cell]) => {
    const type = typeOf(column);
    if (cell === '' || type === undefined) return [];
    return [[column, type === 'number' ? Number(cell) : cell] as const];
  });
  return Object.fromEntries(entries);
}

async function resultsOf(system: System, id: string) {
  const response = await system.app.inject({ url: `/api/v1/batches/${id}/results`, headers: withKey });
  assert.equal(response.statusCode, 200, response.body);
  assert.match(String(response.headers['content-type']), /^text\/csv/);
  return parse<Record<(typeof BATCH_RESULT_COLUMNS)[number], string>>(response.body, { columns: true });
}

describe('batch jobs, embedded', () => {
  let system: System;
  before(async () => {
    process.env.OCTROI_DATA_DIR = mkdtempSync(join(tmpdir(), 'octroi-batches-'));
    system = await embeddedSystem();
  });
  after(async () => {
    await system?.stop();
    delete process.env.OCTROI_DATA_DIR;
  });

  test('a CSV file is scored row by row; a bad row keeps its line with the reasons; each decision is in the audit log', async () => {
    const rows: Array<Record<string, string | number>> = applications(2500);
    rows[7] = { ...rows[7], AMT_CREDIT: -5 };
    rows[1200] = { ...rows[1200], NAME_CONTRACT_TYPE: 'Pawn loans' };
    const body = csvOf(rows, ['SK_ID_CURR', 'TARGET', ...Object.keys(EXAMPLE_APPLICATION)]);
    const lines = body.split('\n');
    lines.splice(2000, 1, '901999,0,too,few,cells'); // row 2000
    const submitted = await submit(system, lines.join('\n'), 'text/csv');
    assert.ok(['queued', 'running'].includes(submitted.state));

    const job = await finished(system, submitted.id);
    assert.equal(job.state, 'done', job.problem);
    assert.deepEqual(job.rows, { total: 2500, read: 2500, done: 2500, scored: 2497, failed: 3 });
    assert.equal(job.decisions.granted + job.decisions.refused + job.decisions.referred, 2497);
    assert.equal(job.etaSeconds, 0);
    assert.ok(job.progress.at(-1)!.rows === 2500, 'the progress ends with every row');

    const results = await resultsOf(system, job.id);
    assert.deepEqual(
      results.map((result) => Number(result.ROW)),
      Array.from({ length: 2500 }, (_, i) => i + 1),
      'every row once, in file order',
    );
    const failed = results.filter((result) => result.ERROR !== '');
    assert.deepEqual(
      failed.map((result) => result.ROW),
      ['8', '1201', '2000'],
    );
    assert.match(failed[0]!.ERROR, /AMT_CREDIT/);
    assert.match(failed[1]!.ERROR, /NAME_CONTRACT_TYPE/);
    assert.match(failed[2]!.ERROR, /cells/);
    assert.ok(failed.every((result) => result.DECISION === '' && result.DECISION_ID === ''));
    assert.equal(new Set(results.map((result) => result.DECISION_ID).filter(Boolean)).size, 2497);

    // A row's decision is the one of record, and the same as scoring its application alone.
    for (const index of [0, 1998, 2499]) {
      const result = results[index]!;
      assert.equal(result.SK_ID_CURR, String(rows[index]!.SK_ID_CURR));
      const recorded = await system.app.inject({ url: `/api/v1/decisions/${result.DECISION_ID}`, headers: withKey });
      assert.equal(recorded.statusCode, 200, recorded.body);
      assert.equal(recorded.json().probabilityOfDefault, Number(result.PROBABILITY_OF_DEFAULT));
      assert.equal(recorded.json().decision, result.DECISION);
      assert.equal(recorded.json().clientId, rows[index]!.SK_ID_CURR);
      const { SK_ID_CURR: _, ...application } = rows[index]!;
      const alone = await system.app.inject({
        method: 'POST',
        url: '/api/v1/score',
        headers: withKey,
        payload: application,
      });
      assert.equal(alone.json().probabilityOfDefault, Number(result.PROBABILITY_OF_DEFAULT));
    }
  });

  test('JSON lines are read as POST /api/v1/score reads an application; a line that is not JSON says so', async () => {
    const rows = applications(3).map((row) => JSON.stringify(row));
    rows.splice(1, 0, '{"AMT_CREDIT": ');
    const job = await finished(system, (await submit(system, rows.join('\n'), 'application/x-ndjson')).id);
    assert.deepEqual(job.rows, { total: 4, read: 4, done: 4, scored: 3, failed: 1 });
    const results = await resultsOf(system, job.id);
    assert.match(results[1]!.ERROR, /not JSON/);
    assert.equal(results[2]!.SK_ID_CURR, '900001');
  });

  test("history files sent with a CSV file: each row is scored with its applicant's history as /api/v1/score scores the same application with its tables; a row with a bad history row fails alone", async () => {
    const sample = generatedSample();
    const applicationRecords = parse<Record<string, string>>(sample.applications, { columns: true });
    const tableRecords = Object.fromEntries(
      Object.entries(sample.tables).map(([table, text]) => [
        table,
        parse<Record<string, string>>(text, { columns: true }),
      ]),
    );
    // One bureau row of one applicant made impossible: a credit opened 30 days from now.
    const bureau = tableRecords['bureau']!;
    const spoiledAt = bureau.findIndex((row) => applicationRecords.some((a) => a['SK_ID_CURR'] === row['SK_ID_CURR']));
    const spoiled = bureau[spoiledAt]!['SK_ID_CURR']!;
    const lines = sample.tables['bureau']!.trimEnd().split('\n');
    const header = lines[0]!.split(',');
    const cells = lines[spoiledAt + 1]!.split(',');
    cells[header.indexOf('DAYS_CREDIT')] = '30';
    lines[spoiledAt + 1] = cells.join(',');
    const tables = { ...sample.tables, bureau: `${lines.join('\n')}\n` };

    // One more row, last: the first applicant's application without its SK_ID_CURR, which no history can be linked to.
    const firstLine = sample.applications.split('\n')[1]!;
    const withAnonymous = `${sample.applications}${firstLine.slice(firstLine.indexOf(','))}\n`;
    const upload = await submitParts(system, {
      applications: { text: withAnonymous, fileName: 'application_test.csv' },
      ...Object.fromEntries(Object.entries(tables).map(([table, text]) => [table, { text }])),
    });
    assert.equal(upload.statusCode, 202, upload.body);
    const withHistory = await finished(system, upload.json<BatchJob>().id);
    assert.equal(withHistory.state, 'done', withHistory.problem);
    assert.deepEqual(
      withHistory.files.map((file) => file.name),
      ['applications', ...HISTORY_TABLES],
    );
    assert.deepEqual(withHistory.rows, { total: 101, read: 101, done: 101, scored: 99, failed: 2 });
    const results = await resultsOf(system, withHistory.id);
    const failed = results.filter((result) => result.ERROR !== '');
    assert.deepEqual(
      failed.map((result) => result.SK_ID_CURR),
      [spoiled, ''],
    );
    assert.match(failed[1]!.ERROR, /^SK_ID_CURR: .*history files cannot be linked/);
    const earlier = bureau.slice(0, spoiledAt).filter((row) => row['SK_ID_CURR'] === spoiled).length;
    assert.match(failed[0]!.ERROR, new RegExp(`^bureau\\.${earlier}\\.DAYS_CREDIT: `));
    assert.equal(failed[0]!.DECISION_ID, '');

    // The same applications alone, as a plain CSV body.
    const alone = await resultsOf(
      system,
      (await finished(system, (await submit(system, sample.applications, 'text/csv')).id)).id,
    );

    // Expected: POST /api/v1/score with the application and its history tables as JSON, typed as the API documents.
    const model = (await system.app.inject({ url: '/api/v1/model', headers: withKey })).json<ModelInfo>();
    const fieldType = new Map(model.applicationFields.map((field) => [field.name, field.type]));
    const historyOf = (id: string): Record<string, HistoryRow[]> => {
      const owned = (table: string) => tableRecords[table]!.filter((row) => row['SK_ID_CURR'] === id);
      const bureauIds = new Set(owned('bureau').map((row) => row['SK_ID_BUREAU']));
      return Object.fromEntries(
        HISTORY_TABLES.map((table) => {
          const rows =
            table === 'bureau_balance'
              ? tableRecords[table]!.filter((row) => bureauIds.has(row['SK_ID_BUREAU']))
              : owned(table);
          const columns = historyTableRules[table].columns;
          return [table, rows.map((row) => typedCells(row, (column) => columns[column]?.type ?? 'string'))];
        }),
      );
    };
    const scoreOf = async (application: NewApplication) => {
      const response = await system.app.inject({
        method: 'POST',
        url: '/api/v1/score',
        headers: withKey,
        payload: application,
      });
      assert.equal(response.statusCode, 200, response.body);
      return response.json<{ probabilityOfDefault: number }>().probabilityOfDefault;
    };
    let changed = 0;
    const jsonLines: string[] = [];
    for (const [index, record] of applicationRecords.entries()) {
      const id = record['SK_ID_CURR']!;
      if (id === spoiled) continue;
      const application = typedCells(record, (column) => fieldType.get(column));
      const history = historyOf(id);
      if (Object.values(history).every((rows) => rows.length === 0) || jsonLines.length >= 12) continue;
      const expected = await scoreOf({ ...application, ...history });
      assert.equal(results[index]!.SK_ID_CURR, id);
      assert.equal(Number(results[index]!.PROBABILITY_OF_DEFAULT), expected, `${id}: with its history files`);
      assert.equal(Number(alone[index]!.PROBABILITY_OF_DEFAULT), await scoreOf(application), `${id}: alone`);
      if (expected !== Number(alone[index]!.PROBABILITY_OF_DEFAULT)) changed++;
      jsonLines.push(JSON.stringify({ SK_ID_CURR: Number(id), ...application, ...history }));
    }
    assert.equal(jsonLines.length, 12, 'applicants with history rows in the sample');
    assert.ok(changed >= 10, `history changes the probability of most applicants (${changed} of 12)`);

    // JSON lines carrying their history tables, as /api/v1/score takes them: the same probabilities.
    const carried = await finished(system, (await submit(system, jsonLines.join('\n'), 'application/x-ndjson')).id);
    const carriedResults = await resultsOf(system, carried.id);
    for (const result of carriedResults) {
      const expected = results.find((r) => r.SK_ID_CURR === result.SK_ID_CURR)!;
      assert.equal(result.PROBABILITY_OF_DEFAULT, expected.PROBABILITY_OF_DEFAULT, `${result.SK_ID_CURR}: JSON line`);
    }
  });

  test('a multipart upload without applications, with an unknown part, a JSON history table or cut short is refused before any job exists', async () => {
    const csv = csvOf(applications(2));
    const cases: Array<[Parameters<typeof multipartOf>[0], number, RegExp]> = [
      [{ bureau: { text: 'SK_ID_CURR,SK_ID_BUREAU\n1,2\n' } }, 400, /No applications part/],
      [
        { applications: { text: csv }, bureaux: { text: 'a\n' } },
        400,
        /bureaux is neither applications nor a history table/,
      ],
      [{ applications: { text: csv, fileName: 'applications.txt' } }, 415, /neither CSV nor JSON lines/],
      [{ applications: { text: csv }, bureau: { text: '{}', type: 'application/x-ndjson' } }, 415, /read as CSV/],
      [{ applications: { text: '', fileName: 'a.csv' } }, 400, /empty/],
    ];
    const before = (await system.app.inject({ url: '/api/v1/batches?limit=200', headers: withKey })).json<{
      jobs: BatchJob[];
    }>();
    for (const [files, status, message] of cases) {
      const response = await submitParts(system, files);
      assert.equal(response.statusCode, status, response.body);
      assert.match(response.json<{ message: string }>().message, message);
    }
    // Bodies that are not multipart at all, or cut short in the middle of the applications.
    const { payload, contentType } = await multipartOf({ applications: { text: csvOf(applications(50)) } });
    const broken: Array<[string, string | Buffer]> = [
      ['multipart/form-data', 'no boundary'],
      [contentType, payload.subarray(0, payload.length - 500)],
    ];
    for (const [type, body] of broken) {
      const response = await system.app.inject({
        method: 'POST',
        url: '/api/v1/batches',
        headers: { ...withKey, 'content-type': type },
        payload: body,
      });
      assert.equal(response.statusCode, 400, response.body);
      assert.match(response.json<{ message: string }>().message, /multipart body cannot be read/);
    }
    const after = (await system.app.inject({ url: '/api/v1/batches?limit=200', headers: withKey })).json<{
      jobs: BatchJob[];
    }>();
    assert.equal(after.jobs.length, before.jobs.length);
  });

  test('a job is listed for who submitted it; its results wait until it is done; an unknown job is a 404', async () => {
    const list = await system.app.inject({ url: '/api/v1/batches?limit=1', headers: withKey });
    assert.equal(list.statusCode, 200);
    assert.equal(list.json().jobs.length, 1);
    const unknown = await system.app.inject({
      url: '/api/v1/batches/00000000-0000-4000-8000-000000000000',
      headers: withKey,
    });
    assert.equal(unknown.statusCode, 404);
  });

  test('a body that is not a file of applications is refused before any job exists', async () => {
    const asJson = await system.app.inject({
      method: 'POST',
      url: '/api/v1/batches',
      headers: { ...withKey, 'content-type': 'application/json' },
      payload: '{}',
    });
    assert.equal(asJson.statusCode, 415);
    assert.match(asJson.json().message, /text\/csv/);
    const empty = await system.app.inject({
      method: 'POST',
      url: '/api/v1/batches',
      headers: { ...withKey, 'content-type': 'text/csv' },
      payload: '',
    });
    assert.equal(empty.statusCode, 400);
    const headerOnly = await finished(system, (await submit(system, 'SK_ID_CURR,AMT_CREDIT\n', 'text/csv')).id);
    assert.equal(headerOnly.state, 'failed');
    assert.match(headerOnly.problem!, /no application/);
    const noKey = await system.app.inject({ method: 'POST', url: '/api/v1/batches', payload: 'a' });
    assert.equal(noKey.statusCode, 401);
  });

  test('npm run score -- --url sends the file to a running Octroi, shows the progress and writes the results', async () => {
    const address = await system.app.listen({ port: 0, host: '127.0.0.1' });
    const dir = mkdtempSync(join(tmpdir(), 'octroi-submit-'));
    const rows = applications(5);
    writeFileSync(join(dir, 'applications.csv'), csvOf(rows));
    const run = await promisify(execFile)(
      process.execPath,
      [
        ...FROM_SOURCES,
        'services/scoring/src/batch-cli.ts',
        '--url',
        address,
        '--input',
        join(dir, 'applications.csv'),
        '--output',
        join(dir, 'results.csv'),
      ],
      { cwd: resolve(import.meta.dirname, '../..'), env: { ...process.env, OCTROI_API_KEY: API_KEY }, timeout: 60_000 },
    );
    assert.match(run.stderr, /job [0-9a-f-]+ done: 5 \/ 5 rows done, 0 not scored/);
    const results = parse<Record<string, string>>(readFileSync(join(dir, 'results.csv'), 'utf8'), { columns: true });
    assert.deepEqual(
      results.map((result) => result.SK_ID_CURR),
      rows.map((row) => String(row.SK_ID_CURR)),
    );
    assert.ok(results.every((result) => result.DECISION_ID !== '' && result.ERROR === ''));
  });

  test('npm run score -- --url sends the history tables lying beside the file with it, as local scoring reads them', async () => {
    const address = system.app.server.listening
      ? system.app.listeningOrigin
      : await system.app.listen({ port: 0, host: '127.0.0.1' });
    const { dir } = generatedSample();
    const cli = (...args: string[]) =>
      promisify(execFile)(
        process.execPath,
        [...FROM_SOURCES, 'services/scoring/src/batch-cli.ts', '--input', join(dir, 'application_test.csv'), ...args],
        {
          cwd: resolve(import.meta.dirname, '../..'),
          env: { ...process.env, OCTROI_API_KEY: API_KEY },
          timeout: 60_000,
        },
      );
    const remote = await cli('--url', address, '--output', join(dir, 'results.csv'));
    assert.match(remote.stderr, new RegExp(`submitted with the history tables ${HISTORY_TABLES.join(', ')}`));
    await cli('--output', join(dir, 'local.csv'));
    const read = (file: string) =>
      parse<Record<string, string>>(readFileSync(join(dir, file), 'utf8'), { columns: true });
    const local = new Map(read('local.csv').map((row) => [row.SK_ID_CURR, row.PROBABILITY_OF_DEFAULT]));
    const results = read('results.csv');
    assert.equal(results.length, 100);
    for (const result of results)
      assert.equal(result.PROBABILITY_OF_DEFAULT, local.get(result.SK_ID_CURR), `${result.SK_ID_CURR}`);
  });
});
