import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { decisionIds, type AuditedRecord, type DecisionRecord } from '@octroi/contracts';
import { FileAuditLog, FileStore, OctroiError, type AuditLog, type KeyValueBucket } from '@octroi/runtime';
import { recordOnce, type Claim } from '../src/record-once.ts';

const decisions = (): DecisionRecord[] =>
  decisionIds(1).map((decisionId) => ({
    kind: 'model',
    decisionId,
    requestId: 'r',
    time: new Date().toISOString(),
    principal: 'p',
    featuresDigest: '0'.repeat(64),
    modelVersion: 'v',
    probabilityOfDefault: 0.3,
    threshold: 0.4,
    decision: 'granted',
  }));

/**
 * The audit log of a store out of reach for one append: it fails `unavailable`, as a JetStream publish past its time
 * does, after storing the entry (its acknowledgement lost) or not.
 */
const outageOnFirstAppend = (audit: FileAuditLog, { stored }: { stored: boolean }): AuditLog => {
  let failed = false;
  return Object.assign(Object.create(audit) as FileAuditLog, {
    async append<R extends AuditedRecord>(records: R[]) {
      if (failed) return audit.append(records);
      failed = true;
      if (stored) await audit.append(records);
      throw new OctroiError('unavailable', 'The decision could not be recorded: the store is out of reach');
    },
  });
};

/** The store, telling when a request waits for a claim to change (it reads it again). */
const watched = (bucket: KeyValueBucket) => {
  const waits = { count: 0 };
  const reads: KeyValueBucket = Object.assign(Object.create(bucket) as KeyValueBucket, {
    get: <T>(key: string) => {
      waits.count++;
      return bucket.get<T>(key);
    },
  });
  return { bucket: reads, waits };
};

const setUp = async (wrap: (audit: FileAuditLog) => AuditLog = (audit) => audit) => {
  const dir = mkdtempSync(join(tmpdir(), 'octroi-once-'));
  const { bucket, waits } = watched(await FileStore.at(dir).bucket('once'));
  const audit = FileAuditLog.at(join(dir, 'audit.jsonl'));
  const recorder = wrap(audit);
  const once = (mine: DecisionRecord[], staleMs = 30_000) =>
    recordOnce({
      bucket,
      key: 'k',
      fingerprint: 'f',
      decisions: mine,
      audit: recorder,
      replyOf: ([record]) => record!.decisionId,
      describe: 'k',
      staleMs,
      owner: 'me',
      ownerRunning: async (owner) => owner !== 'dead',
    });
  return { bucket, audit, once, waits };
};

test('a claim left deciding by a replica that no longer runs is taken over', async () => {
  const { bucket, audit, once } = await setUp();
  const lost = decisions();
  const claim = { state: 'deciding', fingerprint: 'f', firstDecisionId: lost[0]!.decisionId, owner: 'dead' } as const;
  await bucket.create<Claim<string>>('k', claim);
  const mine = decisions();
  const answer = await once(mine);
  assert.equal(answer, mine[0]!.decisionId, 'the taker decided');
  assert.equal(await audit.get(lost[0]!.decisionId), undefined);
  assert.equal(await once(decisions()), answer, 'and its decision is the one of record');
});

test('a stale claim whose decisions did reach the audit log is answered with them, not decided again', async () => {
  const { bucket, audit, once } = await setUp();
  const landed = decisions();
  await audit.append(landed);
  const claim = {
    state: 'deciding',
    fingerprint: 'f',
    firstDecisionId: landed[0]!.decisionId,
    owner: 'alive',
  } as const;
  await bucket.create<Claim<string>>('k', claim);
  const mine = decisions();
  assert.equal(await once(mine, 50), landed[0]!.decisionId, 'stale: its owner is stuck');
  assert.equal(await audit.get(mine[0]!.decisionId), undefined, 'nothing new recorded');
});

describe('a retry on the replica whose audit append failed unavailable settles the claim at once', () => {
  test('the entry was stored: its decision is the answer, marked recorded, nothing decided again', async () => {
    const { bucket, audit, once, waits } = await setUp((log) => outageOnFirstAppend(log, { stored: true }));
    const first = decisions();
    await assert.rejects(once(first), /out of reach/);
    const retry = decisions();
    assert.equal(await once(retry), first[0]!.decisionId);
    assert.equal(waits.count, 0, 'the retry did not wait for the claim to go stale');
    assert.equal(await audit.get(retry[0]!.decisionId), undefined, 'nothing new recorded');
    assert.equal((await bucket.get<Claim<string>>('k'))?.value.state, 'recorded');
  });

  test('the entry was not stored: the retry takes the claim over and its decision is the one of record', async () => {
    const { audit, once, waits } = await setUp((log) => outageOnFirstAppend(log, { stored: false }));
    const first = decisions();
    await assert.rejects(once(first), /out of reach/);
    const retry = decisions();
    assert.equal(await once(retry), retry[0]!.decisionId);
    assert.equal(waits.count, 0, 'the retry did not wait for the claim to go stale');
    assert.equal(await audit.get(first[0]!.decisionId), undefined);
    assert.equal(await once(decisions()), retry[0]!.decisionId, 'asked again, the same decision');
  });
});

test('two requests of one replica at once: the second waits for the first, one decision is recorded', async () => {
  const { audit, once } = await setUp();
  const [a, b] = [decisions(), decisions()];
  const [answerA, answerB] = await Promise.all([once(a), once(b)]);
  assert.equal(answerA, answerB);
  const recorded = await Promise.all([audit.get(a[0]!.decisionId), audit.get(b[0]!.decisionId)]);
  assert.equal(recorded.filter(Boolean).length, 1);
});
