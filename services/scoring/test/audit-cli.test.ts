import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { AUDIT_STREAM, decisionIds, type DecisionRecord, type ModelAuditRecord } from '@octroi/contracts';
import { FileAuditLog, JetStreamAuditLog, type AuditEntry } from '@octroi/runtime';
import { startNats } from '@octroi/runtime/testing';

const ROOT = resolve(import.meta.dirname, '../../..');
const audit = (path: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'services/scoring/src/audit-cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, AUDIT_FILE: path, NATS_URL: '' },
    encoding: 'utf8',
  });
const auditOnNats = (natsUrl: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'services/scoring/src/audit-cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, NATS_URL: natsUrl },
    encoding: 'utf8',
    timeout: 60_000,
  });

const decided = (count: number, time: string): DecisionRecord[] =>
  decisionIds(count, Date.parse(time)).map((decisionId, i) => ({
    kind: 'model',
    decisionId,
    requestId: `req, "${i}"`,
    time,
    principal: 'bank-app',
    featuresDigest: 'a'.repeat(64),
    modelVersion: 'v1',
    probabilityOfDefault: 0.25,
    threshold: 0.4,
    decision: 'granted',
  }));

test('npm run audit: verify passes on a whole log, fails naming the one edited record; export filters by time', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'octroi-audit-cli-')), 'decisions.jsonl');
  const log = FileAuditLog.at(path);
  await log.append(decided(3, '2026-01-10T10:00:00.000Z'));
  const [target] = await log.append(decided(2, '2026-02-10T10:00:00.000Z'));
  await log.append(decided(1, '2026-03-10T10:00:00.000Z'));
  await log.close();

  const whole = audit(path, 'verify');
  assert.equal(whole.status, 0, whole.stdout + whole.stderr);
  assert.match(whole.stdout, /3 entries, 6 decisions, 1 chains/);

  const csv = audit(path, 'export', '--from', '2026-02-01', '--to', '2026-03-01', '--format', 'csv');
  const lines = csv.stdout.trim().split('\n');
  assert.equal(lines.length, 3, csv.stdout);
  assert.match(lines[0]!, /^decisionId,time,/);
  assert.ok(lines[1]!.startsWith(`${target!.decisionId},2026-02-10`));
  assert.ok(lines[1]!.includes('"req, ""0"""'), 'a comma and quotes survive in CSV');
  const jsonl = audit(path, 'export', '--to', '2026-02-01');
  assert.equal(jsonl.stdout.trim().split('\n').length, 3);
  assert.equal(JSON.parse(jsonl.stdout.split('\n')[0]!).time, '2026-01-10T10:00:00.000Z');

  const entries = readFileSync(path, 'utf8').split('\n');
  entries[1] = entries[1]!.replace('"decision":"granted"', '"decision":"refused"'); // the second request's first record
  writeFileSync(path, entries.join('\n'));
  const edited = audit(path, 'verify');
  assert.equal(edited.status, 1);
  assert.match(edited.stdout, /FAILED/);
  assert.match(edited.stdout, new RegExp(`${target!.decisionId} was changed after it was recorded`));
});

test('npm run audit on NATS: verify passes on the audit stream, then fails naming the one record edited in it', async (t) => {
  const nats = await startNats({ jetStream: true });
  const connection = await connect({ servers: nats.url });
  t.after(async () => {
    await connection.close();
    await nats.close();
  });
  const log = await JetStreamAuditLog.open(connection, { writer: 'scoring' });
  await log.append(decided(3, '2026-01-10T10:00:00.000Z'));
  const [target] = await log.append(decided(2, '2026-02-10T10:00:00.000Z'));
  await log.append(decided(1, '2026-03-10T10:00:00.000Z'));
  await log.close();

  const whole = auditOnNats(nats.url, 'verify');
  assert.equal(whole.status, 0, whole.stdout + whole.stderr);
  assert.match(whole.stdout, /3 entries, 6 decisions, 1 chains/);

  // A stream's messages cannot be changed in place: the edit removes the second request's message and publishes a
  // copy with its first decision turned into a refusal.
  const jsm = await jetstreamManager(connection);
  const original = await jsm.streams.getMessage(AUDIT_STREAM, { seq: 2 });
  const entry = original!.json<AuditEntry>();
  assert.equal(entry.records[0]!.decisionId, target!.decisionId);
  (entry.records[0] as ModelAuditRecord).decision = 'refused';
  await jsm.streams.deleteMessage(AUDIT_STREAM, 2);
  await jetstream(connection).publish(original!.subject, JSON.stringify(entry));

  const edited = auditOnNats(nats.url, 'verify');
  assert.equal(edited.status, 1, edited.stdout + edited.stderr);
  assert.match(edited.stdout, new RegExp(`${target!.decisionId} was changed after it was recorded`));
});
