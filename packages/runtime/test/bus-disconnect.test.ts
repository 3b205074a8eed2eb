import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { endpoints } from '@octroi/contracts';
import { NatsBus, OctroiError, processMetrics, type ServiceDefinition } from '../src/index.ts';
import { startNats, type TestServer } from '../src/testing/index.ts';
import { capturingLogger, sleep } from './helpers.ts';

const scoreOnly = { score: endpoints.scoring.score };

function scoring(onScore: () => Promise<void> | void = () => undefined): ServiceDefinition<typeof scoreOnly> {
  return {
    name: 'scoring',
    version: '0.0.1',
    description: 'test',
    endpoints: scoreOnly,
    handlers: {
      score: async () => {
        await onScore();
        return { probabilityOfDefault: 0.1, decision: 'granted', threshold: 0.5, modelVersion: 'test' };
      },
    },
  };
}

/** Holds this process's event loop, as a long synchronous start-up step does. */
function holdEventLoop(ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until);
}

/** Collects the unhandled rejections of the process while a test runs: each would end a service. */
function unhandledRejections() {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => seen.push(reason);
  process.on('unhandledRejection', listener);
  return { seen, stop: () => process.off('unhandledRejection', listener) };
}

/**
 * A dropped connection is something a service lives through: the NATS server drops a client that did not answer
 * its pings in time (a process busy starting up, a long pause), and restarts. No such drop may end the process.
 */
describe('a NATS connection dropped under a service', () => {
  let nats: TestServer;
  before(async () => {
    // Quicker to drop than any deployment (one unanswered ping), so that a short hold is enough to be dropped.
    const config = join(mkdtempSync(join(tmpdir(), 'octroi-nats-conf-')), 'quick-drop.conf');
    writeFileSync(config, 'ping_interval: "1s"\nping_max: 1\n');
    nats = await startNats({ configFile: config });
  });
  after(async () => nats?.close());

  test('dropped while joining its queue group: it joins once reconnected and answers', async () => {
    const rejections = unhandledRejections();
    const { log, lines } = capturingLogger();
    const bus = await NatsBus.connect(nats.url, 'busy-at-start', log, processMetrics());
    const client = await NatsBus.connect(nats.url, 'client', log, processMetrics());
    try {
      const serving = bus.serve(scoring());
      holdEventLoop(3500);
      await serving;
      assert.ok(
        lines().some((line) => line.nats === 'disconnect'),
        'the server dropped the busy process (else this test proves nothing)',
      );
      const reply = await client.request(endpoints.scoring.score, { features: [1] }, { timeoutMs: 5000 });
      assert.equal(reply.probabilityOfDefault, 0.1);
      await sleep(100);
      assert.deepEqual(rejections.seen, []);
    } finally {
      rejections.stop();
      await bus.close();
      await client.close();
    }
  });

  test('dropped with a request in flight: the request fails as a timeout, and nothing is left unhandled', async () => {
    const rejections = unhandledRejections();
    const { log } = capturingLogger();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const service = await NatsBus.connect(nats.url, 'slow-service', log, processMetrics());
    const caller = await NatsBus.connect(nats.url, 'caller', log, processMetrics());
    try {
      await service.serve(scoring(() => held));
      const failed = assert.rejects(
        caller.request(endpoints.scoring.score, { features: [1] }, { timeoutMs: 1500 }),
        (err: OctroiError) => err.code === 'timeout',
      );
      await sleep(200);
      await nats.stop();
      await failed;
      await sleep(2000); // past the request's own timeout, which nats.js still reports
      assert.deepEqual(rejections.seen, []);
    } finally {
      release();
      rejections.stop();
      await nats.start();
      await service.close();
      await caller.close();
    }
  });
});
