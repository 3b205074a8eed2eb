import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { decisionIds, type DecisionRecord } from '@octroi/contracts';
import { FileAuditLog, FileStore } from '@octroi/runtime';
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

const setUp = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'octroi-once-'));
  const bucket = await FileStore.at(dir).bucket('once');
  const audit = FileAuditLog.at(join(dir, 'audit.jsonl'));
  const once = (mine: DecisionRecord[], staleMs = 30_000) =>
    recordOnce({
      bucket,
      key: 'k',
      fingerprint: 'f',
      decisions: mine,
      audit,
      replyOf: ([record]) => record!.decisionId,
      describe: 'k',
      staleMs,
      owner: 'me',
      ownerRunning: async (owner) => owner !== 'dead',
    });
  return { bucket, audit, once };
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
