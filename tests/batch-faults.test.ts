import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { EXAMPLE_APPLICATION, type BatchJob } from '@octroi/contracts';
import { startCluster, type Cluster } from './support/cluster.ts';
import { sleep } from './support/load.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ROWS = 40_000;
/** The whole file stops here, whatever happens: a job that never finishes is a failure, not a hung run. */
const DEADLINE_MS = 300_000;

/** Applications that differ row by row (income, credit, age), each with an applicant id of its own. */
function applicationsCsv(rows: number) {
  const columns = ['SK_ID_CURR', ...Object.keys(EXAMPLE_APPLICATION)];
  const lines = [columns.join(',')];
  for (let i = 0; i < rows; i++) {
    const row: Record<string, string | number> = {
      ...EXAMPLE_APPLICATION,
      SK_ID_CURR: 800_000 + i,
      AMT_INCOME_TOTAL: 50_000 + (i % 400) * 1_000,
      AMT_CREDIT: 150_000 + (i % 97) * 9_000,
      DAYS_BIRTH: -12_000 - (i % 300) * 40,
    };
    lines.push(columns.map((column) => row[column] ?? '').join(','));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Batch jobs on real processes (two scoring replicas sharing the JetStream work queue, a gateway, nats-server,
 * redis-server): a scoring replica, then the gateway, is killed with SIGKILL while a job runs. Each job finishes,
 * every row has exactly one result, and every decision is in the audit log exactly once.
 */
describe('a batch job survives a scoring replica or the gateway killed mid-way', () => {
  let cluster: Cluster;
  const started = Date.now();
  const timeLeft = () => DEADLINE_MS - (Date.now() - started);

  before(
    async () => {
      // A chunk held by the killed replica goes to the other one after WORK_ACK_WAIT_MS.
      cluster = await startCluster({ scoring: 2, env: { WORK_ACK_WAIT_MS: '3000', STORE_TIMEOUT_MS: '3000' } });
    },
    { timeout: 120_000 },
  );
  after(async () => cluster?.stop(), { timeout: 60_000 });

  const status = async (id: string) =>
    (await (await fetch(`${cluster.url}/api/v1/batches/${id}`, { headers: cluster.headers })).json()) as BatchJob;

  /** Submits a job and waits until an eighth of its rows are done, well before its end. */
  async function jobUnderWay() {
    const upload = await fetch(`${cluster.url}/api/v1/batches`, {
      method: 'POST',
      headers: { ...cluster.headers, 'content-type': 'text/csv' },
      body: applicationsCsv(ROWS),
    });
    assert.equal(upload.status, 202, await upload.clone().text());
    const { id } = (await upload.json()) as BatchJob;
    let job = await status(id);
    while (job.rows.done < ROWS / 8 && job.state !== 'done' && timeLeft() > 0) {
      await sleep(100);
      job = await status(id);
    }
    assert.equal(job.state, 'running', `the job was still running when it was disturbed (${job.rows.done} rows done)`);
    return id;
  }

  /** The job finishes; its results hold each row once with a decision of its own, each audited once. */
  async function assertCompleteAndAudited(id: string) {
    let job = await status(id);
    while (job.state !== 'done' && job.state !== 'failed' && timeLeft() > 30_000) {
      await sleep(500);
      job = await status(id);
    }
    assert.equal(job.state, 'done', JSON.stringify(job));
    assert.deepEqual(job.rows, { total: ROWS, read: ROWS, done: ROWS, scored: ROWS, failed: 0 });

    const download = await fetch(`${cluster.url}/api/v1/batches/${id}/results`, { headers: cluster.headers });
    assert.equal(download.status, 200);
    const results = parse<Record<string, string>>(await download.text(), { columns: true });
    assert.equal(results.length, ROWS);
    assert.ok(
      results.every((result, index) => Number(result.ROW) === index + 1),
      'each row once, in order',
    );
    const ids = results.map((result) => result.DECISION_ID!);
    assert.equal(new Set(ids).size, ROWS, 'a decision id of its own for each row');

    // The audit log holds the job's decisions, each once, and exactly those the results show.
    const exported = spawnSync(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', 'services/scoring/src/audit-cli.ts', 'export'],
      {
        cwd: ROOT,
        env: { ...process.env, NATS_URL: cluster.natsUrl },
        encoding: 'utf8',
        maxBuffer: 512 * 1024 * 1024,
        timeout: Math.max(10_000, timeLeft()),
      },
    );
    assert.equal(exported.status, 0, exported.stderr);
    const audited = exported.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { decisionId: string; requestId: string })
      .filter((record) => record.requestId.startsWith(`batch-${id}-`))
      .map((record) => record.decisionId);
    assert.equal(audited.length, ROWS, 'every decision of the job recorded once');
    assert.deepEqual(new Set(audited), new Set(ids));
  }

  test(
    'a scoring replica killed: no row lost, none twice, every decision audited once',
    { timeout: DEADLINE_MS },
    async () => {
      const id = await jobUnderWay();
      const victim = cluster.services.scoring[0]!;
      victim.signal('SIGKILL');
      await victim.exited;
      await assertCompleteAndAudited(id);
    },
  );

  test(
    'the gateway killed: the job goes on, and a new gateway shows it and its results, complete',
    { timeout: DEADLINE_MS },
    async () => {
      const id = await jobUnderWay();
      const killed = cluster.gateway;
      killed.signal('SIGKILL');
      await cluster.restartGateway();
      assert.notEqual(cluster.gateway, killed);
      await assertCompleteAndAudited(id);
    },
  );
});
