/**
 * Batch jobs: a large file of applications (a million rows by default) scored through POST /api/v1/batches by Octroi
 * in distributed mode (nats-server with JetStream, redis-server, compiled services), once with one scoring replica
 * and once with two, on the same file.
 *
 *   node --conditions=source --import tsx bench/batch-jobs.ts [--rows 1000000] [--replicas 1,2] [--kill]
 *   node --conditions=source --import tsx bench/batch-jobs.ts --short      # 20,000 rows, to check the script
 *
 * With --kill, one more run: two scoring replicas, one killed (SIGKILL) once a quarter of the rows are done
 * (`--replicas= --kill` runs only that one).
 *
 * The applications are made here (the example application with its amounts, ages and categories varied by a seeded
 * generator, every one within the intake rules), written once to var/bench/. For each run it prints one JSON line:
 * upload time, scoring time (from the job's start to its last chunk), rows per second, and a check that the results
 * hold every row once, in order, with its own decision id, and that the audit log holds each of those decisions
 * once. Then a table for bench/RESULTS.md.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, createReadStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { EXAMPLE_APPLICATION, type BatchJob } from '@octroi/contracts';
import { startCluster, type Cluster } from '../tests/support/cluster.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    replicas: { type: 'string', default: '1,2' },
    short: { type: 'boolean', default: false },
    kill: { type: 'boolean', default: false },
  },
});
const ROWS = values.short ? 20_000 : Number(values.rows);
const REPLICAS = values.replicas.split(',').filter(Boolean).map(Number);
const ROOT = resolve(import.meta.dirname, '..');
/** A run that has not finished after this long is reported as such (a million rows take minutes, not hours). */
const RUN_LIMIT_MS = 60 * 60_000;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A small seeded generator (mulberry32): the same file on every machine. */
function generator(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function applicationsFile(rows: number): Promise<string> {
  const dir = join(ROOT, 'var/bench');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `batch-applications-${rows}.csv`);
  if (existsSync(path)) return path;
  const random = generator(20_261_129);
  const pick = <T>(options: readonly T[]) => options[Math.floor(random() * options.length)]!;
  const columns = ['SK_ID_CURR', ...Object.keys(EXAMPLE_APPLICATION)];
  const out = createWriteStream(`${path}.partial`);
  const write = async (line: string) => {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  };
  await write(columns.join(','));
  for (let i = 0; i < rows; i++) {
    const credit = Math.round(100_000 + random() * 1_400_000);
    const age = 21 * 365 + Math.floor(random() * 45 * 365);
    const row: Record<string, string | number> = {
      ...EXAMPLE_APPLICATION,
      SK_ID_CURR: 1_000_000 + i,
      AMT_CREDIT: credit,
      AMT_GOODS_PRICE: Math.round(credit * (0.8 + random() * 0.2)),
      AMT_ANNUITY: Math.round(credit / (12 + random() * 48)),
      AMT_INCOME_TOTAL: Math.round(40_000 + random() * 400_000),
      DAYS_BIRTH: -age,
      DAYS_EMPLOYED: -Math.floor(random() * (age - 18 * 365)),
      CNT_CHILDREN: pick([0, 0, 1, 2, 3]),
      NAME_CONTRACT_TYPE: pick(['Cash loans', 'Revolving loans']),
      NAME_INCOME_TYPE: pick(['Working', 'Commercial associate', 'Pensioner', 'State servant']),
      NAME_EDUCATION_TYPE: pick(['Higher education', 'Secondary / secondary special', 'Incomplete higher']),
      CODE_GENDER: pick(['F', 'M']),
    };
    row.CNT_FAM_MEMBERS = Number(row.CNT_CHILDREN) + pick([1, 2]);
    await write(columns.map((column) => row[column] ?? '').join(','));
  }
  out.end();
  await once(out, 'finish');
  const { rename } = await import('node:fs/promises');
  await rename(`${path}.partial`, path);
  return path;
}

/** Progress polls the gateway answered 503 or 504 (no scoring replica answered in time): counted, asked again. */
let unansweredPolls = 0;

async function status(cluster: Cluster, id: string, last: BatchJob): Promise<BatchJob> {
  const response = await fetch(`${cluster.url}/api/v1/batches/${id}`, { headers: cluster.headers });
  if (response.status === 503 || response.status === 504) {
    unansweredPolls++;
    return last;
  }
  if (!response.ok) throw new Error(`GET batch ${id}: ${response.status} ${await response.text()}`);
  return (await response.json()) as BatchJob;
}

/** Every row once, in order, each scored row with a decision id of its own; the decision ids, for the audit check. */
async function checkResults(cluster: Cluster, id: string, rows: number) {
  const response = await fetch(`${cluster.url}/api/v1/batches/${id}/results`, { headers: cluster.headers });
  const ids = new Set<string>();
  const seenRows = new Set<number>();
  let lines = 0;
  let ordered = true;
  let rest = '';
  for await (const piece of Readable.fromWeb(response.body as never)) {
    const text = rest + String(piece);
    const split = text.split('\n');
    rest = split.pop()!;
    for (const line of split) {
      if (lines++ === 0) continue; // the header
      const cells = line.split(',');
      const row = Number(cells[0]);
      seenRows.add(row);
      if (row !== lines - 1) ordered = false;
      if (cells[4]) ids.add(cells[4]);
    }
  }
  const summary = {
    rows: lines - 1,
    uniqueRows: seenRows.size,
    ordered,
    decisionIds: ids.size,
    complete: lines - 1 === rows && seenRows.size === rows && ordered,
  };
  return { summary, ids };
}

/** The job's decisions in the audit log (streamed from `npm run audit -- export`): how many, how many distinct, and
 * whether they are exactly the decisions the results show. */
async function checkAudit(cluster: Cluster, jobId: string, shown: ReadonlySet<string>) {
  const exporter = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', 'services/scoring/src/audit-cli.ts', 'export'],
    { cwd: ROOT, env: { ...process.env, NATS_URL: cluster.natsUrl }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const prefix = `"requestId":"batch-${jobId}-`;
  const audited = new Set<string>();
  let records = 0;
  for await (const line of createInterface({ input: exporter.stdout })) {
    if (!line.includes(prefix)) continue;
    const { decisionId } = JSON.parse(line) as { decisionId: string };
    records++;
    audited.add(decisionId);
  }
  const [code] = (await once(exporter, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`audit export ended with ${code}`);
  const same = audited.size === shown.size && [...shown].every((id) => audited.has(id));
  return { records, distinct: audited.size, sameAsResults: same };
}

async function run(file: string, replicas: number, kill: boolean) {
  const cluster = await startCluster({ scoring: replicas, env: { LOG_LEVEL: 'warn' } });
  let killedAt: number | undefined;
  unansweredPolls = 0;
  try {
    const sent = Date.now();
    const upload = await fetch(`${cluster.url}/api/v1/batches`, {
      method: 'POST',
      headers: { ...cluster.headers, 'content-type': 'text/csv' },
      body: Readable.toWeb(createReadStream(file)),
      duplex: 'half',
    });
    if (upload.status !== 202) throw new Error(`upload: ${upload.status} ${await upload.text()}`);
    const uploadSeconds = (Date.now() - sent) / 1000;
    let job = (await upload.json()) as BatchJob;
    let shownAt = 0;
    while ((job.state === 'queued' || job.state === 'running') && Date.now() - sent < RUN_LIMIT_MS) {
      await sleep(1000);
      job = await status(cluster, job.id, job);
      if (kill && killedAt === undefined && job.rows.done >= ROWS / 4) {
        killedAt = job.rows.done;
        console.error(`scoring-1 killed with ${killedAt.toLocaleString('en')} rows done`);
        cluster.services.scoring[0]!.signal('SIGKILL');
      }
      if (Date.now() - shownAt > 10_000) {
        shownAt = Date.now();
        const eta = job.etaSeconds === null ? '' : `, ${Math.round(job.etaSeconds)} s left`;
        console.error(
          `${replicas} replica(s): ${job.rows.done.toLocaleString('en')} / ${ROWS.toLocaleString('en')} rows${eta}`,
        );
      }
    }
    if (job.state !== 'done') throw new Error(`job ${job.id} ${job.state}: ${job.problem ?? 'not done in time'}`);
    const seconds = (Date.parse(job.finishedAt!) - Date.parse(job.startedAt!)) / 1000;
    const { summary: results, ids } = await checkResults(cluster, job.id, ROWS);
    const audit = await checkAudit(cluster, job.id, ids);
    return {
      replicas,
      ...(kill ? { killedWithRowsDone: killedAt } : {}),
      rows: ROWS,
      fileMegabytes: Math.round(statSync(file).size / 1e6),
      uploadSeconds: Number(uploadSeconds.toFixed(1)),
      scoringSeconds: Number(seconds.toFixed(1)),
      rowsPerSecond: Math.round(ROWS / seconds),
      failed: job.rows.failed,
      unansweredPolls,
      results,
      audit,
    };
  } finally {
    await cluster.stop();
  }
}

const file = await applicationsFile(ROWS);
const runs = [];
const plan = [
  ...REPLICAS.map((replicas) => ({ replicas, kill: false })),
  ...(values.kill ? [{ replicas: 2, kill: true }] : []),
];
for (const { replicas, kill } of plan) {
  const result = await run(file, replicas, kill);
  console.log(JSON.stringify(result));
  runs.push(result);
}
console.log(
  `\n| batch job, ${ROWS.toLocaleString('en')} rows (CSV, ${runs[0]?.fileMegabytes} MB) | upload | scoring | rows/s | results complete and unique | decisions audited once |`,
);
console.log('|---|---|---|---|---|---|');
for (const r of runs) {
  const killed =
    r.killedWithRowsDone === undefined ? '' : `, one killed at ${r.killedWithRowsDone.toLocaleString('en')} rows`;
  const audited = r.audit.records === r.audit.distinct && r.audit.sameAsResults;
  console.log(
    `| ${r.replicas} scoring replica${r.replicas > 1 ? 's' : ''}${killed} | ${r.uploadSeconds} s | ${r.scoringSeconds} s | ${r.rowsPerSecond.toLocaleString('en')} | ${r.results.complete ? 'yes' : 'NO'} (${r.results.uniqueRows.toLocaleString('en')} rows, ${r.results.decisionIds.toLocaleString('en')} decision ids) | ${audited ? 'yes' : 'NO'} (${r.audit.records.toLocaleString('en')} records) |`,
  );
}
