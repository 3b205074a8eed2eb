import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { connect } from '@nats-io/transport-node';
import { stringify } from 'safe-stable-stringify';
import { decisionIds, type DecisionRecord, type ModelAuditRecord } from '@octroi/contracts';
import {
  ChainVerifier,
  ChainWriter,
  FileAuditLog,
  digestOf,
  JetStreamAuditLog,
  readAuditFile,
  type AuditEntry,
  type AuditLog,
} from '../src/index.ts';
import { startNats, type TestServer } from '../src/testing/index.ts';

/** One request's decisions, as the scoring service makes them. */
const request = (count: number, probabilityOfDefault = 0.2): DecisionRecord[] =>
  decisionIds(count).map((decisionId) => ({
    kind: 'model',
    decisionId,
    requestId: 'trace-1',
    time: new Date().toISOString(),
    principal: 'bank-app',
    featuresDigest: 'f'.repeat(64),
    modelVersion: 'test',
    probabilityOfDefault,
    threshold: 0.4,
    decision: 'granted',
  }));

const verify = (entries: AuditEntry[]) => {
  const verifier = new ChainVerifier();
  entries.forEach((entry, i) => verifier.add(entry, `entry ${i}`));
  return verifier.report();
};

describe('hash chains', () => {
  const twoWriters = () => {
    const [a, b] = [new ChainWriter('a'), new ChainWriter('b')];
    return [a.link(request(3)), b.link(request(1)), a.link(request(2)), b.link(request(100))];
  };

  test('a digest is SHA-256 of the record without its digest, keys sorted at every depth, as logs written before', () => {
    const [flat] = new ChainWriter('a').link(request(1)).records;
    const awkward = {
      ...flat!,
      principal: 'quote " backslash \\ tab \t é 日本 \u2028 lone \ud800',
      probabilityOfDefault: -0,
      threshold: 1e21,
      clientId: undefined,
    };
    const nested = {
      ...flat!,
      kind: 'officer',
      officer: { name: 'B. Officer', role: 'officer', id: 'u-2' },
      reasons: ['income', { code: 'other', text: 'z then a' }],
    };
    const sha256OfContent = (record: object) => {
      const { digest: _digest, ...content } = record as { digest?: string };
      return createHash('sha256').update(stringify(content)).digest('hex');
    };
    for (const record of [flat!, awkward, nested])
      assert.equal(digestOf(record as typeof flat & object), sha256OfContent(record));
    // The digests the chain writes are the same text's.
    const [linkedNested] = new ChainWriter('b').link([
      { ...request(1)[0]!, reasons: nested.reasons } as unknown as DecisionRecord,
    ]).records;
    for (const record of [flat!, linkedNested!]) assert.equal(record.digest, sha256OfContent(record));
  });

  test('two writers interleaved: each chain verifies, counts add up', () => {
    const report = verify(twoWriters());
    assert.deepEqual(report.problems, []);
    assert.equal(report.ok, true);
    assert.equal(report.records, 106);
    assert.deepEqual(
      report.chains.map((chain) => [chain.chain, chain.records]),
      [
        ['a', 5],
        ['b', 101],
      ],
    );
  });

  test('one edited record is found, even the last one of its chain', () => {
    for (const [entry, record] of [
      [0, 1],
      [3, 99],
    ] as const) {
      const entries = twoWriters();
      (entries[entry]!.records[record] as ModelAuditRecord).probabilityOfDefault = 0.9;
      const report = verify(entries);
      assert.equal(report.ok, false);
      assert.match(report.problems.join('\n'), /changed after it was recorded/);
    }
  });

  test('an edit with its digest recomputed breaks the link to the next record', async () => {
    const { digestOf } = await import('../src/index.ts');
    const entries = twoWriters();
    const edited = entries[0]!.records[1]!;
    edited.decision = 'refused';
    edited.digest = digestOf(edited);
    assert.match(verify(entries).problems.join('\n'), /chain a: the record at position 2 does not follow/);
  });

  test('a removed entry, a duplicated one, or a record moved to another request is found', () => {
    const removed = twoWriters();
    removed.splice(0, 1);
    assert.match(verify(removed).problems.join('\n'), /chain a: the record at position 0 is missing/);

    const duplicated = twoWriters();
    duplicated.push(duplicated[1]!);
    assert.match(verify(duplicated).problems.join('\n'), /appears more than once/);

    const moved = twoWriters();
    moved[0]!.request = moved[2]!.request;
    assert.match(verify(moved).problems.join('\n'), /is not number 0 of request/);
  });

  test('a writer refuses decisions that are not one request, in order', () => {
    const writer = new ChainWriter('w');
    const [first, second] = [request(1), request(1)];
    assert.throws(() => writer.link([first[0]!, second[0]!]), /not number 1/);
  });
});

/** What both audit logs must do. */
function behavesAsAnAuditLog(open: () => Promise<AuditLog>) {
  test('one request is one entry; each decision is found by its id; the chain verifies', async () => {
    const log = await open();
    const batch = request(100);
    const stored = await log.append(batch);
    await log.append(request(1, 0.7));
    assert.equal(stored.length, 100);
    const some = batch[42]!.decisionId;
    assert.equal((await log.get(some))?.decisionId, some);
    assert.equal((await log.request(some))?.length, 100);
    assert.equal(await log.get(decisionIds(1)[0]!), undefined);
    const verifier = new ChainVerifier();
    let entries = 0;
    for await (const { entry, where } of log.entries()) {
      verifier.add(entry, where);
      entries++;
    }
    const report = verifier.report(await log.storageProblems());
    assert.deepEqual(report.problems, []);
    assert.ok(entries >= 2);
    assert.ok(report.records >= 101);
    await log.close();
  });
}

describe('file audit log', () => {
  const dir = mkdtempSync(join(tmpdir(), 'octroi-audit-'));
  behavesAsAnAuditLog(async () => FileAuditLog.at(join(dir, 'shared.jsonl')));

  test('survives a reopen, continues its chain, and an edited line is found by the verifier', async () => {
    const path = join(dir, 'decisions.jsonl');
    const log = FileAuditLog.at(path);
    const first = await log.append(request(2));
    await log.close();
    const reopened = FileAuditLog.at(path);
    const second = await reopened.append(request(1));
    assert.equal(second[0]!.chain, first[0]!.chain);
    assert.equal(second[0]!.previous, first[1]!.digest);
    assert.equal((await reopened.get(first[1]!.decisionId))?.digest, first[1]!.digest);
    await reopened.close();

    const lines = readFileSync(path, 'utf8').split('\n');
    lines[0] = lines[0]!.replace('"probabilityOfDefault":0.2', '"probabilityOfDefault":0.02');
    writeFileSync(path, lines.join('\n'));
    const verifier = new ChainVerifier();
    for (const { entry, where } of readAuditFile(path)) verifier.add(entry, where);
    assert.match(verifier.report().problems.join('\n'), /line 1: decision .* was changed after it was recorded/);
  });
});

describe('JetStream audit log', () => {
  let nats: TestServer | undefined;
  const connections: Array<Awaited<ReturnType<typeof connect>>> = [];
  after(async () => {
    await Promise.all(connections.map((connection) => connection.close()));
    await nats?.close();
  });

  behavesAsAnAuditLog(async () => {
    nats ??= await startNats({ jetStream: true });
    const connection = await connect({ servers: nats.url });
    connections.push(connection);
    return JetStreamAuditLog.open(connection, { writer: 'test' });
  });

  test('entries published while the server restarts are all stored, each once, chain intact', async () => {
    nats ??= await startNats({ jetStream: true });
    const connection = await connect({ servers: nats.url, maxReconnectAttempts: -1, reconnectTimeWait: 100 });
    const log = await JetStreamAuditLog.open(connection, { writer: 'restart' });
    const appends = Array.from({ length: 30 }, () => log.append(request(3)));
    await nats.stop();
    const during = Array.from({ length: 30 }, () => log.append(request(2)));
    await nats.start();
    const stored = (await Promise.all([...appends, ...during])).flat();
    assert.equal(stored.length, 150);

    const verifier = new ChainVerifier();
    for await (const { entry, where } of log.entries()) verifier.add(entry, where);
    const report = verifier.report(await log.storageProblems());
    assert.deepEqual(report.problems, []);
    const chain = report.chains.find((summary) => summary.chain === stored[0]!.chain);
    assert.equal(chain?.records, 150, 'every record of this writer, once');
    await log.close();
    await connection.close();
  });
});
