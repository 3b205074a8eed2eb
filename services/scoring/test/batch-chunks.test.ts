import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { EXAMPLE_APPLICATION, isModelRecord } from '@octroi/contracts';
import { loadBundle } from '@octroi/model-bundle';
import { FileAuditLog, FileObjectBucket, FileStore, createLogger, type AuditLog } from '@octroi/runtime';
import { BatchStore } from '../src/batch/batch-store.ts';
import { Chunker } from '../src/batch/chunker.ts';
import { scoreChunk, type ChunkScorerDeps } from '../src/batch/chunk-scorer.ts';
import { jobStatus, noScoringYet, withChunkDone } from '../src/batch/job-progress.ts';
import type { ChunkWork } from '../src/batch/work.ts';
import { ApplicantGroups } from '../src/applicant-groups.ts';
import { CreditScorer } from '../src/credit-scorer.ts';
import { LiveDecisions, MonitoringPublisher } from '../src/monitoring-feed.ts';
import { ObservationTally } from '../src/observations.ts';
import type { ScoringModel } from '../src/scoring-models.ts';

const columns = ['SK_ID_CURR', ...Object.keys(EXAMPLE_APPLICATION)];
const record = (i: number, change: Record<string, string | number> = {}) => {
  const row: Record<string, string | number> = {
    SK_ID_CURR: 500 + i,
    ...EXAMPLE_APPLICATION,
    AMT_INCOME_TOTAL: 90_000 + 1000 * i,
    ...change,
  };
  return columns.map((column) => row[column] ?? '').join(',');
};

const work = (records: string[]): ChunkWork => ({
  jobId: '0190a0b0-0000-4000-8000-000000000001',
  chunk: 3,
  firstRow: 3001,
  format: 'csv',
  header: columns.join(','),
  records,
  submittedBy: 'bank-app',
});

async function auditedRecords(audit: AuditLog) {
  const found = [];
  for await (const { entry } of audit.entries()) found.push(...entry.records.filter(isModelRecord));
  return found;
}

describe('a chunk of a batch job', () => {
  let model: ScoringModel;
  before(async () => {
    const bundle = await loadBundle();
    const scorer = await CreditScorer.load(bundle);
    // Decisions counted for a monitoring feed nobody reads.
    const feed = {
      kind: 'file' as const,
      publish: async () => {},
      follow: async () => ({ caughtUp: Promise.resolve(), stop: async () => {} }),
      close: async () => {},
    };
    const publisher = new MonitoringPublisher(new ObservationTally('test'), feed, createLogger('test', 'warn'));
    const live = new LiveDecisions(publisher, {
      reference: scorer.driftReference(),
      featureNames: scorer.featureNames,
      groups: await ApplicantGroups.load(bundle),
    });
    model = { version: scorer.version, scorer, info: scorer.modelInfo(), live };
  });

  /** Two replicas' view of one set of stores: the same folder, each its own owner name. */
  const replicas = async () => {
    const dir = mkdtempSync(join(tmpdir(), 'octroi-chunks-'));
    const store = FileStore.at(join(dir, 'store'));
    const audit = FileAuditLog.at(join(dir, 'audit.jsonl'));
    const batches = new BatchStore(new FileObjectBucket(dir, 'batches'), await store.bucket('batch-jobs'));
    const claims = await store.bucket('batch-chunks');
    const running = new Set(['a', 'b']);
    const replica = (name: string): ChunkScorerDeps & { store: BatchStore } => ({
      model: () => model,
      store: batches,
      audit,
      claims,
      owner: () => name,
      ownerRunning: async (owner) => running.has(owner),
    });
    return { a: replica('a'), b: replica('b'), batches, audit, running };
  };

  test('scored by two replicas at once, its decisions are recorded once and its results stored once', async () => {
    const { a, b, batches, audit } = await replicas();
    const chunk = work([record(1), record(2, { AMT_CREDIT: -1 }), record(3)]);
    await Promise.all([scoreChunk(chunk, a), scoreChunk(chunk, b)]);
    const recorded = await auditedRecords(audit);
    assert.equal(recorded.length, 2, 'the two valid rows, once');
    assert.deepEqual(
      recorded.map((r) => r.clientId),
      [501, 503],
    );
    const lines = (await batches.results(chunk.jobId, chunk.chunk))!.trim().split('\n');
    assert.deepEqual(
      lines.map((line) => line.split(',')[0]),
      ['3001', '3002', '3003'],
    );
    assert.equal(lines[0]!.split(',')[4], recorded[0]!.decisionId);
    assert.match(lines[1]!, /AMT_CREDIT/);
    const progress = (await batches.scoring(chunk.jobId))!;
    assert.equal(progress.rowsDone, 3, 'counted once');
    assert.equal(progress.failed, 1);
  });

  test('given again after its replica died once its decisions were recorded, it answers those decisions', async () => {
    const { a, b, batches, audit, running } = await replicas();
    const chunk = work([record(4), record(5)]);
    // Replica a records the decisions, then dies before storing the results.
    const dying = {
      ...a,
      store: Object.assign(Object.create(batches) as BatchStore, {
        saveResults: () => Promise.reject(new Error('killed')),
      }),
    };
    await assert.rejects(scoreChunk(chunk, dying), /killed/);
    running.delete('a');
    const first = await auditedRecords(audit);
    assert.equal(first.length, 2);
    await scoreChunk(chunk, b);
    assert.equal((await auditedRecords(audit)).length, 2, 'nothing recorded a second time');
    const ids = (await batches.results(chunk.jobId, chunk.chunk))!
      .trim()
      .split('\n')
      .map((line) => line.split(',')[4]);
    assert.deepEqual(
      ids,
      first.map((r) => r.decisionId),
    );
  });
});

test('chunks close at their row or byte limit, numbered in order with their first row', () => {
  const chunker = new Chunker({ rows: 3, bytes: 10, extraBytesPerRow: 0 });
  const closed = ['aa', 'bb', 'cc', 'dddddd', 'eeeeee', 'f'].flatMap((text, i) => chunker.add({ text, row: i + 1 }));
  const last = chunker.end();
  assert.deepEqual(
    [...closed, last].map((group) => [group!.chunk, group!.firstRow, group!.records]),
    [
      [0, 1, ['aa', 'bb', 'cc']],
      [1, 4, ['dddddd']],
      [2, 5, ['eeeeee', 'f']],
    ],
  );
});

test("a job's progress counts each chunk once, and gives a rate and the time left", () => {
  const job = { id: 'j', submittedBy: 'k', createdAt: new Date(0).toISOString(), format: 'csv' as const, files: [] };
  const counts = { rows: 100, failed: 10, granted: 60, refused: 20, referred: 10 };
  const once = withChunkDone(noScoringYet(), 0, counts, 11_000)!;
  assert.equal(withChunkDone(once, 0, counts, 12_000), undefined, 'the same chunk again is not counted');
  const twice = withChunkDone(once, 9, counts, 21_000)!;
  const reading = { startedAt: 1_000, rowsRead: 1000, chunksQueued: 10, complete: true };
  const status = jobStatus(job, reading, twice, 21_000);
  assert.equal(status.state, 'running');
  assert.deepEqual(status.rows, { total: 1000, read: 1000, done: 200, scored: 180, failed: 20 });
  assert.equal(status.rowsPerSecond, 10, '200 rows in 20 s');
  assert.equal(status.etaSeconds, 80, '800 rows left at 10 a second');
  assert.deepEqual(
    status.progress.map((point) => point.rows),
    [0, 100, 200],
  );
  assert.equal(jobStatus(job, { ...reading, problem: 'bad file' }, twice).state, 'failed');
  assert.equal(jobStatus(job, undefined).state, 'queued');
});
