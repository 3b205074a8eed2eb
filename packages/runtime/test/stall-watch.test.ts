import assert from 'node:assert/strict';
import { test } from 'node:test';
import { endpoints } from '@octroi/contracts';
import { leaveQueueGroupWhileStalled, MemoryBus, processMetrics, watchEventLoop } from '../src/index.ts';
import { capturingLogger, sleep } from './helpers.ts';

/** Holds the event loop, as a long synchronous computation would. */
const holdEventLoop = (ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until);
};

const options = { tickMs: 20, stalledAfterMs: 150, healthyAfterMs: 300 };

test('the event loop watch sees a held loop as stalled, then healthy after a quiet while', async () => {
  const changes: Array<{ stalled: boolean; heldMs: number }> = [];
  const stop = watchEventLoop(
    {
      stalled: (heldMs) => changes.push({ stalled: true, heldMs }),
      healthy: () => changes.push({ stalled: false, heldMs: 0 }),
    },
    options,
  );
  try {
    await sleep(100);
    assert.equal(changes.length, 0, 'a free loop is not stalled');
    holdEventLoop(250);
    await sleep(50);
    assert.equal(changes.length, 1);
    assert.equal(changes[0]!.stalled, true);
    assert.ok(changes[0]!.heldMs >= 150, `held ${changes[0]!.heldMs} ms`);
    await sleep(600);
    assert.deepEqual(
      changes.map((change) => change.stalled),
      [true, false],
    );
  } finally {
    stop();
  }
});

/** Replicas of a stand-in scoring service on one in-process bus. */
async function replicas(count: number) {
  const { log, lines } = capturingLogger();
  const bus = new MemoryBus(log, processMetrics());
  const served = [];
  for (let i = 0; i < count; i++) {
    served.push(
      await bus.serve({
        name: 'scoring',
        version: '0.0.1',
        description: 'test',
        endpoints: { model: endpoints.scoring.model },
        handlers: { model: () => ({}) as never },
      }),
    );
  }
  return { bus, log, lines, served };
}

test('a stalled replica leaves the queue group while another answers, and rejoins when healthy', async () => {
  // Only the first replica watches: the second stands for one in another process, whose loop runs freely.
  const { bus, log, lines, served } = await replicas(2);
  const [watched] = served;
  const stop = leaveQueueGroupWhileStalled(watched!, bus, log, options);
  try {
    holdEventLoop(250);
    await sleep(100);
    assert.equal(watched!.left, true);
    assert.equal((await bus.ping('scoring')).length, 1);
    assert.ok(lines().some((line) => line.msg === 'event loop stalled: leaving the queue group'));

    await sleep(600);
    assert.equal(watched!.left, false, 'healthy again: back in the queue group');
    assert.equal((await bus.ping('scoring')).length, 2);
  } finally {
    stop();
    await bus.close();
  }
});

test('a stalled replica with no other replica answering stays: a slow answer is better than none', async () => {
  const { bus, log, lines, served } = await replicas(1);
  const stop = leaveQueueGroupWhileStalled(served[0]!, bus, log, options);
  try {
    holdEventLoop(250);
    await sleep(100);
    assert.equal(served[0]!.left, false);
    assert.ok(lines().some((line) => /no other replica answers: staying/.test(String(line.msg))));
  } finally {
    stop();
    await bus.close();
  }
});
