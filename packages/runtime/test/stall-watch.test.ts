import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { endpoints } from '@octroi/contracts';
import { leaveQueueGroupWhileStalled, MemoryBus, processMetrics, watchEventLoop } from '../src/index.ts';
import { capturingLogger, sleep } from './helpers.ts';

/**
 * A clock the test drives, with the watch's timer: `run(ms)` lets time pass with the loop free (the timer fires on
 * time), `hold(ms)` holds the loop (the timer's next tick fires `ms` late). Real time plays no part, so a
 * loaded machine cannot make a free loop look stalled.
 */
function drivenLoop(t: TestContext) {
  t.mock.timers.enable({ apis: ['setInterval'] });
  let now = 0;
  return {
    options: { tickMs: 20, stalledAfterMs: 150, healthyAfterMs: 300, now: () => now },
    run(ms: number) {
      for (let passed = 0; passed < ms; passed += 20) {
        now += 20;
        t.mock.timers.tick(20);
      }
    },
    hold(ms: number) {
      now += 20 + ms;
      t.mock.timers.tick(20);
    },
  };
}

/** Lets the promise callbacks the watch started (a ping, leaving or joining the group) run to their end. */
const settle = () => new Promise((resolve) => setImmediate(resolve)).then(() => sleep(20));

test('the event loop watch sees a held loop as stalled, then healthy after a quiet while', (t) => {
  const loop = drivenLoop(t);
  const changes: Array<{ stalled: boolean; heldMs: number }> = [];
  const stop = watchEventLoop(
    {
      stalled: (heldMs) => changes.push({ stalled: true, heldMs }),
      healthy: () => changes.push({ stalled: false, heldMs: 0 }),
    },
    loop.options,
  );
  try {
    loop.run(1000);
    assert.equal(changes.length, 0, 'a free loop is not stalled');
    loop.hold(250);
    assert.deepEqual(changes, [{ stalled: true, heldMs: 250 }]);
    loop.run(280);
    assert.equal(changes.length, 1, 'not healthy before a quiet while');
    loop.run(40);
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

test('a stalled replica leaves the queue group while another answers, and rejoins when healthy', async (t) => {
  // Only the first replica watches: the second stands for one in another process, whose loop runs freely.
  const { bus, log, lines, served } = await replicas(2);
  const [watched] = served;
  const loop = drivenLoop(t);
  const stop = leaveQueueGroupWhileStalled(watched!, bus, log, loop.options);
  try {
    loop.run(200);
    assert.equal(watched!.left, false, 'a free loop stays');
    loop.hold(250);
    await settle();
    assert.equal(watched!.left, true);
    assert.equal((await bus.ping('scoring')).length, 1);
    assert.ok(lines().some((line) => line.msg === 'event loop stalled: leaving the queue group'));

    loop.run(400);
    await settle();
    assert.equal(watched!.left, false, 'healthy again: back in the queue group');
    assert.equal((await bus.ping('scoring')).length, 2);
  } finally {
    stop();
    await bus.close();
  }
});

test('a stalled replica with no other replica answering stays: a slow answer is better than none', async (t) => {
  const { bus, log, lines, served } = await replicas(1);
  const loop = drivenLoop(t);
  const stop = leaveQueueGroupWhileStalled(served[0]!, bus, log, loop.options);
  try {
    loop.hold(250);
    await settle();
    assert.equal(served[0]!.left, false);
    assert.ok(lines().some((line) => /no other replica answers: staying/.test(String(line.msg))));
  } finally {
    stop();
    await bus.close();
  }
});
