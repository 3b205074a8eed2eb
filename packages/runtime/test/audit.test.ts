import assert from 'node:assert/strict';
import { mkdtempSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { connect } from '@nats-io/transport-node';
import type { AuditRecord } from '@octroi/contracts';
import { FileAuditLog, JetStreamAuditLog } from '../src/index.ts';
import { startNats, type TestServer } from '../src/testing/index.ts';

const record = (decisionId: string, probabilityOfDefault = 0.2): AuditRecord => ({
  decisionId,
  requestId: decisionId,
  time: new Date().toISOString(),
  clientId: 100002,
  modelVersion: 'test',
  probabilityOfDefault,
  threshold: 0.4,
  decision: 'granted',
});

test('file audit log: appends, finds, keeps a decision once, survives a reopen and a torn line', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'octroi-audit-')), 'decisions.jsonl');
  const log = new FileAuditLog(path);
  await log.append([record('d-1')]);
  await log.append([record('d-1', 0.9)]);
  await log.append([record('d-2')]);
  await log.close();
  appendFileSync(path, '{"decisionId":"d-3","trunc');

  const reopened = new FileAuditLog(path);
  assert.equal((await reopened.get('d-1'))?.probabilityOfDefault, 0.2, 'the first write of a decision wins');
  assert.ok(await reopened.get('d-2'));
  assert.equal(await reopened.get('d-3'), undefined);
  await reopened.close();
});

let nats: TestServer | undefined;
after(async () => nats?.close());

test('JetStream audit log: durable, de-duplicated by decision id, found by id', async () => {
  nats = await startNats({ jetStream: true });
  const connection = await connect({ servers: nats.url });
  const log = await JetStreamAuditLog.open(connection);
  await log.append([record('req-1')]);
  await log.append([record('req-1', 0.9)]);
  await log.append([record('req-2:0')]);
  assert.equal((await log.get('req-1'))?.probabilityOfDefault, 0.2);
  assert.equal((await log.get('req-2:0'))?.decisionId, 'req-2:0');
  assert.equal(await log.get('unknown'), undefined);
  const all = [];
  for await (const item of log.all()) all.push(item.decisionId);
  assert.deepEqual(all, ['req-1', 'req-2:0']);
  await connection.close();
});
