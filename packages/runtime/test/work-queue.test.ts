import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import {
  FileObjectBucket,
  JetStreamObjectBucket,
  JetStreamWorkQueue,
  LocalWorkQueue,
  objectText,
  type ObjectBucket,
  type WorkQueue,
} from '../src/index.ts';
import { startNats, type TestServer } from '../src/testing/index.ts';
import { capturingLogger, sleep } from './helpers.ts';

async function* pieces(text: string, size: number) {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function* failingAfter(bytes: number) {
  yield Buffer.alloc(bytes, 'x');
  throw new Error('the upload was cut');
}

/** What every object bucket does, whatever keeps it. */
function objectBucketContract(open: () => Promise<ObjectBucket>) {
  test('stores streamed bytes whole, replaces them, deletes a name and what is under it', async () => {
    const bucket = await open();
    const big = 'a,b,c\n'.repeat(300_000); // 1.8 MB: several pieces
    assert.equal(await bucket.put('job-1/applications', pieces(big, 65_536)), big.length);
    assert.equal(await objectText((await bucket.get('job-1/applications'))!), big);
    await bucket.put('job-1/results/0', pieces('first', 2));
    await bucket.put('job-1/results/0', pieces('second', 4));
    assert.equal(await objectText((await bucket.get('job-1/results/0'))!), 'second');
    await bucket.put('job-10/applications', pieces('kept', 4));
    await bucket.delete('job-1');
    assert.equal(await bucket.get('job-1/applications'), undefined);
    assert.equal(await bucket.get('job-1/results/0'), undefined);
    assert.equal(await objectText((await bucket.get('job-10/applications'))!), 'kept', 'a longer name is not under it');
  });

  test('a write cut short leaves nothing readable, and the object before it intact', async () => {
    const bucket = await open();
    await bucket.put('job-2/applications', pieces('before', 3));
    await assert.rejects(bucket.put('job-2/applications', failingAfter(700_000)), /cut/);
    assert.equal(await objectText((await bucket.get('job-2/applications'))!), 'before');
    await assert.rejects(bucket.put('job-2/../escape', pieces('x', 1)), RangeError);
  });
}

/** What every work queue does: each item to one consumer, a failed item again, a duplicate id once. */
function workQueueContract(open: () => Promise<WorkQueue<{ n: number }>>) {
  test('every item is handled once among concurrent consumers; a failing item comes back; an id queued twice is kept once', async () => {
    const queue = await open();
    const handled: number[] = [];
    let failedOnce = false;
    const consuming = queue.consume(
      async ({ body, deliveries }) => {
        await sleep(5);
        if (body.n === 3 && !failedOnce) {
          failedOnce = true;
          assert.equal(deliveries, 1);
          throw new Error('a transient failure');
        }
        handled.push(body.n);
      },
      { concurrency: 3 },
    );
    for (let n = 0; n < 20; n++) await queue.add({ n }, `item-${n}`);
    await queue.add({ n: 0 }, 'item-0');
    for (let waited = 0; handled.length < 20 && waited < 15_000; waited += 50) await sleep(50);
    await consuming.stop();
    assert.deepEqual(
      [...handled].sort((a, b) => a - b),
      Array.from({ length: 20 }, (_, n) => n),
    );
    assert.ok(failedOnce);
    assert.equal(await queue.waiting(), 0);
  });
}

describe('objects and work queues in embedded mode', () => {
  const dir = mkdtempSync(join(tmpdir(), 'octroi-objects-'));
  objectBucketContract(async () => new FileObjectBucket(dir, 'uploads'));
  workQueueContract(async () => new LocalWorkQueue(capturingLogger().log, 2));

  test('in memory, a producer waits for room instead of holding everything', async () => {
    const queue = new LocalWorkQueue<{ n: number }>(capturingLogger().log, 2);
    let added = 0;
    const producing = (async () => {
      for (let n = 0; n < 5; n++) {
        await queue.add({ n }, `item-${n}`);
        added++;
      }
    })();
    await sleep(50);
    assert.equal(added, 2, 'the third item waits for a consumer');
    const consuming = queue.consume(async () => undefined);
    await producing;
    await consuming.stop();
    assert.equal(added, 5);
  });
});

describe('objects and work queues on JetStream', () => {
  let nats: TestServer;
  let connection: NatsConnection;
  before(async () => {
    nats = await startNats({ jetStream: true });
    connection = await connect({ servers: nats.url });
  });
  after(async () => {
    await connection?.close();
    await nats?.close();
  });

  objectBucketContract(() => JetStreamObjectBucket.open(connection, 'test-uploads'));

  test('a large object is read a few pieces at a time, as fast as its reader goes, and whole', async () => {
    const bucket = await JetStreamObjectBucket.open(connection, 'test-large');
    const text = 'SK_ID_CURR,AMT_CREDIT\n'.repeat(500_000); // 11 MB: 21 pieces of 512 KiB
    await bucket.put('job-3/applications', pieces(text, 1 << 20));
    const reading = (await bucket.get('job-3/applications'))![Symbol.asyncIterator]();
    const first = await reading.next();
    await sleep(300); // time for a server that pushes everything to do so
    const jsm = await jetstreamManager(connection);
    const [reader] = await jsm.consumers.list('OBJ_octroi-test-large').next();
    assert.ok(reader, 'the reader has its consumer');
    assert.ok(
      reader.delivered.consumer_seq <= 8,
      `${reader.delivered.consumer_seq} of 21 pieces sent to a reader that took one`,
    );
    const rest: Uint8Array[] = [];
    for (let next = await reading.next(); !next.done; next = await reading.next()) rest.push(next.value);
    assert.equal(Buffer.concat([first.value as Uint8Array, ...rest]).toString(), text);
  });
  let queues = 0;
  workQueueContract(() =>
    JetStreamWorkQueue.open(
      connection,
      { stream: 'OCTROI_TEST_WORK', subjectPrefix: 'octroi.v1.test.work', queue: `q${queues++}`, ackWaitMs: 2000 },
      capturingLogger().log,
    ),
  );

  test('an item taken by a consumer that dies is given to another one after the ack wait', async () => {
    const options = {
      stream: 'OCTROI_TEST_WORK',
      subjectPrefix: 'octroi.v1.test.work',
      queue: 'dying',
      ackWaitMs: 1000,
    };
    const dying = await connect({ servers: nats.url });
    const first = await JetStreamWorkQueue.open<{ n: number }>(dying, options, capturingLogger().log);
    let taken!: () => void;
    const tookIt = new Promise<void>((resolve) => (taken = resolve));
    first.consume(() => {
      taken();
      return new Promise(() => undefined); // never finishes: its process is about to die
    });
    await first.add({ n: 7 }, 'seven');
    await tookIt;
    await dying.close(); // the process holding the item is gone, without acknowledging it

    const second = await JetStreamWorkQueue.open<{ n: number }>(connection, options, capturingLogger().log);
    const got: Array<{ n: number; deliveries: number }> = [];
    const consuming = second.consume(async ({ body, deliveries }) => void got.push({ ...body, deliveries }));
    for (let waited = 0; got.length === 0 && waited < 10_000; waited += 100) await sleep(100);
    await consuming.stop();
    assert.deepEqual(got, [{ n: 7, deliveries: 2 }]);
  });
});
