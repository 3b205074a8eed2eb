import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { connect } from '@nats-io/transport-node';
import { storeKey } from '@octroi/contracts';
import { FileStore, JetStreamStore, type DurableStore } from '../src/index.ts';
import { startNats, type TestServer } from '../src/testing/index.ts';

const temporaryDir = () => mkdtempSync(join(tmpdir(), 'octroi-store-'));

/** What every durable store must do, whatever it runs on. */
function behavesAsADurableStore(open: () => Promise<DurableStore>) {
  test('create writes only when the key is absent, and says who won', async () => {
    const bucket = await (await open()).bucket('claims');
    const first = await bucket.create('a.1', { owner: 'first' });
    const second = await bucket.create('a.1', { owner: 'second' });
    assert.equal(first.created, true);
    assert.equal(second.created, false);
    assert.deepEqual(second.entry.value, { owner: 'first' });
    assert.deepEqual((await bucket.get('a.1'))?.value, { owner: 'first' });
    assert.equal(await bucket.get('a.2'), undefined);
  });

  test('of many concurrent creates of one key, exactly one wins', async () => {
    const bucket = await (await open()).bucket('claims');
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => bucket.create('race', { owner: i }).then((o) => o.created)),
    );
    assert.equal(outcomes.filter(Boolean).length, 1);
  });

  test('update is a compare-and-set on the revision', async () => {
    const bucket = await (await open()).bucket('claims');
    const { entry } = await bucket.create('cas', { state: 'deciding' });
    const won = await bucket.update('cas', { state: 'recorded' }, entry.revision);
    const lost = await bucket.update('cas', { state: 'stolen' }, entry.revision);
    assert.ok(won && won.revision > entry.revision);
    assert.equal(lost, undefined);
    assert.deepEqual((await bucket.get('cas'))?.value, { state: 'recorded' });
  });

  test('deleteAt removes only the entry still at the revision read', async () => {
    const bucket = await (await open()).bucket('claims');
    const { entry: first } = await bucket.create('held', { officer: 'first' });
    assert.equal(await bucket.deleteAt('held', first.revision), true);
    assert.equal(await bucket.get('held'), undefined);
    assert.equal(await bucket.deleteAt('held', first.revision), false, 'nothing left to remove');
    const { entry: second } = await bucket.create('held', { officer: 'second' });
    assert.equal(await bucket.deleteAt('held', first.revision), false, "the first writer's revision is stale");
    assert.deepEqual((await bucket.get('held'))?.value, { officer: 'second' });
    assert.equal(await bucket.deleteAt('held', second.revision), true);
  });

  test('put overwrites, delete removes, keys lists by prefix', async () => {
    const bucket = await (await open()).bucket('pointers');
    await bucket.put('model.champion', 'v1');
    await bucket.put('model.champion', 'v2');
    await bucket.put('model.challenger', 'v3');
    await bucket.put('other', 'x');
    assert.equal((await bucket.get('model.champion'))?.value, 'v2');
    assert.deepEqual((await bucket.keys('model.')).sort(), ['model.challenger', 'model.champion']);
    await bucket.delete('model.challenger');
    assert.equal(await bucket.get('model.challenger'), undefined);
    assert.equal((await bucket.create('model.challenger', 'v4')).created, true, 'a deleted key can be created again');
  });

  test('keys built from any text are valid and never collide; raw keys that are not are refused', async () => {
    const bucket = await (await open()).bucket('keys');
    const parts = [['a:0'], ['a.0'], ['a_0'], ['a', '0'], ['key with spaces', 'é'], ['=YQ']];
    for (const [i, key] of parts.map((p) => storeKey(...p)).entries())
      assert.equal((await bucket.create(key, i)).created, true, key);
    await assert.rejects(() => bucket.get('a:0'), /Not a store key/);
    await assert.rejects(() => bucket.get('a..b'), /Not a store key/);
  });
}

describe('file store', () => {
  const dir = temporaryDir();
  behavesAsADurableStore(async () => FileStore.at(dir));

  test('what was acknowledged is there after a reopen; a torn last line is dropped', async () => {
    const own = temporaryDir();
    const store = FileStore.at(own);
    const bucket = await store.bucket('kept');
    await bucket.put('k', { n: 1 });
    const { entry } = await bucket.create('c', 'first');
    await bucket.update('c', 'second', entry.revision);
    await store.close();
    appendFileSync(join(own, 'kept.jsonl'), '{"k":"torn","r":99,"t":1,"v":"ha');

    const reopened = FileStore.at(own);
    const again = await reopened.bucket('kept');
    assert.deepEqual((await again.get('k'))?.value, { n: 1 });
    assert.equal((await again.get('c'))?.value, 'second');
    assert.equal(await again.get('torn'), undefined);
    await again.put('after', 1);
    await reopened.close();
    assert.match(readFileSync(join(own, 'kept.jsonl'), 'utf8'), /\n\{"k":"after"/, 'the next line starts on its own');
  });

  test('concurrent writes are in the file, in the order they were made, once acknowledged', async () => {
    const own = temporaryDir();
    const store = FileStore.at(own);
    const bucket = await store.bucket('busy');
    const writes = Array.from({ length: 200 }, (_, i) => bucket.put(`key.${i % 7}`, i));
    const acknowledged = await Promise.all(writes);
    const lines = readFileSync(join(own, 'busy.jsonl'), 'utf8').trim().split('\n');
    const revisions = lines.map((line) => (JSON.parse(line) as { r: number }).r);
    assert.deepEqual(
      revisions,
      acknowledged.map((entry) => entry.revision),
    );
    assert.deepEqual(
      revisions,
      [...revisions].sort((a, b) => a - b),
    );
    for (let k = 0; k < 7; k++) {
      const last = writes.length - 1 - ((writes.length - 1 - k) % 7);
      assert.equal((await bucket.get(`key.${k}`))?.value, last);
    }
    await store.close();
  });

  test('entries older than the bucket TTL are gone', async () => {
    const own = temporaryDir();
    writeFileSync(join(own, 'short.jsonl'), `${JSON.stringify({ k: 'old', r: 1, t: Date.now() - 10_000, v: 1 })}\n`);
    const store = FileStore.at(own);
    const bucket = await store.bucket('short', { ttlMs: 5_000 });
    assert.equal(await bucket.get('old'), undefined);
    assert.equal((await bucket.create('old', 2)).created, true);
    await store.close();
  });

  test('a second process cannot open a store in use', async () => {
    const own = temporaryDir();
    writeFileSync(join(own, 'locked.jsonl.lock'), String(process.ppid));
    await assert.rejects(() => FileStore.at(own).bucket('locked'), /in use by process/);
  });
});

describe('JetStream KV store', () => {
  let nats: TestServer | undefined;
  let connection: Awaited<ReturnType<typeof connect>> | undefined;
  after(async () => {
    await connection?.close();
    await nats?.close();
  });
  behavesAsADurableStore(async () => {
    nats ??= await startNats({ jetStream: true });
    connection ??= await connect({ servers: nats.url });
    return new JetStreamStore(connection);
  });
});
