import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { connect } from '@nats-io/transport-node';
import type { FeedEvents, FeedKind, OfficerDecisionObserved } from '@octroi/contracts';
import { FEED_RETENTION_MS, FileFeed, JetStreamFeed, createLogger } from '../src/index.ts';
import { startNats, type TestServer } from '../src/testing/index.ts';
import { sleep } from './helpers.ts';

const log = createLogger('feed-test', 'warn');
const officer = (decisionId: string): OfficerDecisionObserved => ({
  time: Date.now(),
  decisionId,
  modelDecision: 'refused',
  officerDecision: 'granted',
  override: true,
});

function collector() {
  const seen: Array<[FeedKind, string]> = [];
  const listener = <K extends FeedKind>(kind: K, event: FeedEvents[K]) =>
    seen.push([kind, (event as OfficerDecisionObserved).decisionId]);
  return { seen, listener };
}

test('file feed: a follower gets what was published since the time it asks for, then every new event', async () => {
  let now = 1_000_000;
  const feed = FileFeed.at(join(mkdtempSync(join(tmpdir(), 'octroi-feed-')), 'feed.jsonl'), () => now);
  await feed.publish('officer-decision', officer('early'));
  now += 10;
  await feed.publish('officer-decision', officer('later'));
  const { seen, listener } = collector();
  const following = await feed.follow(now, listener);
  await following.caughtUp;
  await feed.publish('officer-decision', officer('new'));
  await following.stop();
  await feed.publish('officer-decision', officer('after stop'));
  assert.deepEqual(seen, [
    ['officer-decision', 'later'],
    ['officer-decision', 'new'],
  ]);
});

test('file feed: read back at start-up, without what is older than the retention nor a line cut short', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'octroi-feed-')), 'feed.jsonl');
  const line = (t: number, id: string) => JSON.stringify({ k: 'officer-decision', t, e: officer(id) });
  const now = Date.now();
  writeFileSync(path, `${line(now - FEED_RETENTION_MS - 1000, 'expired')}\n${line(now - 1000, 'kept')}\n{"k":"offi`);
  const { seen, listener } = collector();
  await (
    await FileFeed.at(path).follow(0, listener)
  ).caughtUp;
  assert.deepEqual(seen, [['officer-decision', 'kept']]);
});

let nats: TestServer | undefined;
after(async () => nats?.close());

test('JetStream feed: caught up once the stored events are delivered, then follows; two followers see everything', async () => {
  nats = await startNats({ jetStream: true });
  const connection = await connect({ servers: nats.url });
  try {
    const feed = await JetStreamFeed.open(connection, log);
    const before = Date.now();
    for (const id of ['a', 'b', 'c']) await feed.publish('officer-decision', officer(id));
    await feed.publish('shadow', { source: 's', time: Date.now(), champion: 'v1', challenger: 'v2', applications: [] });

    const first = collector();
    const following = await feed.follow(before - 1000, first.listener);
    await following.caughtUp;
    assert.deepEqual(
      first.seen.map(([kind]) => kind),
      ['officer-decision', 'officer-decision', 'officer-decision', 'shadow'],
    );

    const second = collector();
    const fromNow = await feed.follow(Date.now() + 1000, second.listener);
    await fromNow.caughtUp;
    await sleep(1100);
    await feed.publish('officer-decision', officer('d'));
    const deadline = Date.now() + 5000;
    while ((first.seen.length < 5 || second.seen.length < 1) && Date.now() < deadline) await sleep(50);
    assert.deepEqual(first.seen.at(-1), ['officer-decision', 'd']);
    assert.deepEqual(second.seen, [['officer-decision', 'd']], 'nothing from before the time asked for');
    await Promise.all([following.stop(), fromNow.stop()]);

    const reopened = await JetStreamFeed.open(connection, log); // the stream exists: opened, not created again
    await reopened.publish('officer-decision', officer('e'));
  } finally {
    await connection.close();
  }
});
