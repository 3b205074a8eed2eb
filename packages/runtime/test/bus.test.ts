import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TimeoutError } from '@nats-io/transport-node';
import { endpoints, type Score } from '@octroi/contracts';
import { MemoryBus, NatsBus, OctroiError, processMetrics, type Bus, type ServiceDefinition } from '../src/index.ts';
import { startNats, type TestServer } from '../src/testing/index.ts';
import { capturingLogger, sleep } from './helpers.ts';

const { scoring, clients } = endpoints;
const scoringEndpoints = { score: scoring.score, scoreClient: scoring.scoreClient };

/** A scoring service stand-in whose behaviour each test chooses. */
function scoringService(
  onScore: (features: Array<number | null>, requestId: string) => Promise<Score> | Score,
  instance = 'a',
) {
  const definition: ServiceDefinition<typeof scoringEndpoints> = {
    name: 'scoring',
    version: '0.0.1',
    description: `test instance ${instance}`,
    endpoints: scoringEndpoints,
    handlers: {
      score: (request, ctx) => onScore(request.features, ctx.requestId),
      // Calls another service with the same request id, as real handlers do.
      scoreClient: async (request, ctx) => {
        const record = await ctx.request(clients.features, { clientId: request.clientId });
        return onScore(record.features, ctx.requestId);
      },
    },
  };
  return definition;
}

const score = (probabilityOfDefault: number): Score => ({
  probabilityOfDefault,
  decision: 'granted',
  threshold: 0.5,
  modelVersion: 'test',
});

type BusFactory = () => Promise<{ bus: Bus; peer: Bus; lines: () => Array<Record<string, unknown>> }>;

/** One suite, two transports: the in-process bus must behave as NATS does. */
function busContract(name: string, makeBuses: BusFactory) {
  describe(`${name} bus`, () => {
    let bus: Bus;
    let peer: Bus;
    let lines: () => Array<Record<string, unknown>>;
    const running: Array<{ stop(): Promise<void> }> = [];

    before(async () => {
      ({ bus, peer, lines } = await makeBuses());
    });
    after(async () => {
      await Promise.all(running.map((service) => service.stop()));
      await bus.close();
      if (peer !== bus) await peer.close();
    });

    const serve = async (definition: ServiceDefinition<typeof scoringEndpoints>, on = bus) => {
      const service = await on.serve(definition);
      running.push(service);
      return service;
    };

    test('a request reaches the service and its reply comes back', async () => {
      const service = await serve(scoringService((features) => score(features.length / 10)));
      const reply = await peer.request(scoring.score, { features: [1, null, 3] });
      assert.equal(reply.probabilityOfDefault, 0.3);
      await service.stop();
    });

    test('an invalid payload is answered bad_request naming the field', async () => {
      const service = await serve(scoringService(() => score(0.1)));
      await assert.rejects(
        peer.request(scoring.score, { features: 'not a list' } as never),
        (err: OctroiError) => err.code === 'bad_request' && err.field === 'features' && /features/.test(err.message),
      );
      await service.stop();
    });

    test('a failing handler answers internal without leaking its error', async () => {
      const service = await serve(
        scoringService(() => {
          throw new Error('secret stack detail');
        }),
      );
      await assert.rejects(
        peer.request(scoring.score, { features: [1] }),
        (err: OctroiError) => err.code === 'internal' && !/secret/.test(err.message),
      );
      await service.stop();
    });

    test('a store out of reach under a handler (a raw NATS timeout) answers unavailable, not internal', async () => {
      const service = await serve(
        scoringService(() => {
          throw new TimeoutError();
        }),
      );
      await assert.rejects(
        peer.request(scoring.score, { features: [1] }),
        (err: OctroiError) => err.code === 'unavailable' && /store is out of reach/.test(err.message),
      );
      await service.stop();
    });

    test('no handler means unavailable, at once', async () => {
      const started = Date.now();
      await assert.rejects(
        peer.request(scoring.score, { features: [1] }, { timeoutMs: 3000 }),
        (err: OctroiError) => err.code === 'unavailable',
      );
      assert.ok(Date.now() - started < 2000, 'no-responders must not wait for the timeout');
    });

    test('a handler slower than the timeout means timeout', async () => {
      const service = await serve(
        scoringService(async () => {
          await sleep(400);
          return score(0.2);
        }),
      );
      await assert.rejects(
        peer.request(scoring.score, { features: [1] }, { timeoutMs: 100 }),
        (err: OctroiError) => err.code === 'timeout',
      );
      await sleep(400);
      await service.stop();
    });

    test('two instances in the queue group share the traffic', async () => {
      const seen = { a: 0, b: 0 };
      const a = await serve(scoringService(() => (seen.a++, score(0.1)), 'a'));
      const b = await serve(
        scoringService(() => (seen.b++, score(0.1)), 'b'),
        peer,
      );
      await Promise.all(Array.from({ length: 60 }, () => bus.request(scoring.score, { features: [1] })));
      assert.equal(seen.a + seen.b, 60, 'each request is handled exactly once');
      assert.ok(seen.a > 0 && seen.b > 0, `both instances got work (a=${seen.a}, b=${seen.b})`);
      const instances = await bus.ping('scoring');
      assert.equal(instances.length, 2);
      await Promise.all([a.stop(), b.stop()]);
    });

    test('a replica that leaves the queue group gets no requests until it rejoins, under a new id', async () => {
      const seen = { a: 0, b: 0 };
      const a = await serve(scoringService(() => (seen.a++, score(0.1)), 'a'));
      const b = await serve(
        scoringService(() => (seen.b++, score(0.1)), 'b'),
        peer,
      );
      const firstId = a.id;
      await a.leave();
      assert.equal(a.left, true);
      await Promise.all(Array.from({ length: 20 }, () => bus.request(scoring.score, { features: [1] })));
      assert.deepEqual(seen, { a: 0, b: 20 }, 'the replica that left took none');
      assert.deepEqual(
        (await bus.ping('scoring')).map((instance) => instance.id),
        [b.id],
      );

      await a.rejoin();
      assert.equal(a.left, false);
      assert.notEqual(a.id, firstId);
      await Promise.all(Array.from({ length: 60 }, () => bus.request(scoring.score, { features: [1] })));
      assert.ok(seen.a > 0, `the replica that rejoined takes its share again (a=${seen.a}, b=${seen.b})`);
      await Promise.all([a.stop(), b.stop()]);
    });

    test('the request id travels from the caller through every service and into the logs', async () => {
      const seenIds: string[] = [];
      const scoringSvc = await serve(scoringService((_features, requestId) => (seenIds.push(requestId), score(0.4))));
      const clientsSvc = await bus.serve({
        name: 'clients',
        version: '0.0.1',
        description: 'test',
        endpoints: { features: clients.features },
        handlers: {
          features: (request, ctx) => {
            seenIds.push(ctx.requestId);
            ctx.log.info('features looked up');
            return { clientId: request.clientId, features: [0.5], raw: {} };
          },
        },
      });
      await peer.request(scoring.scoreClient, { clientId: 100002 }, { requestId: 'req-trace-1' });
      assert.deepEqual(seenIds, ['req-trace-1', 'req-trace-1']);
      assert.ok(lines().some((line) => line.requestId === 'req-trace-1' && line.msg === 'features looked up'));
      await Promise.all([scoringSvc.stop(), clientsSvc.stop()]);
    });

    test('stopping a service finishes the requests it holds and takes no new ones', async () => {
      const service = await serve(
        scoringService(async () => {
          await sleep(200);
          return score(0.3);
        }),
      );
      const inFlight = Array.from({ length: 10 }, () => peer.request(scoring.score, { features: [1] }));
      await sleep(50);
      assert.ok(service.inFlight > 0, 'requests are in flight when the stop begins');
      await service.stop();
      const replies = await Promise.all(inFlight);
      assert.equal(replies.length, 10);
      assert.ok(replies.every((reply) => reply.probabilityOfDefault === 0.3));
      await assert.rejects(
        peer.request(scoring.score, { features: [1] }),
        (err: OctroiError) => err.code === 'unavailable',
      );
    });
  });
}

busContract('in-process', async () => {
  const { log, lines } = capturingLogger();
  const bus = new MemoryBus(log, processMetrics());
  return { bus, peer: bus, lines };
});

let nats: TestServer;
busContract('NATS', async () => {
  nats ??= await startNats();
  const { log, lines } = capturingLogger();
  const bus = await NatsBus.connect(nats.url, 'test-a', log, processMetrics());
  const peer = await NatsBus.connect(nats.url, 'test-b', log, processMetrics());
  return { bus, peer, lines };
});
after(async () => nats?.close());

test('NATS: a served service answers the micro services discovery and statistics subjects', async () => {
  const server = await startNats();
  const { log } = capturingLogger();
  const bus = await NatsBus.connect(server.url, 'stats-test', log, processMetrics());
  await bus.serve(scoringService(() => score(0.1)));
  await bus.request(scoring.score, { features: [1] });
  const info = JSON.parse(
    new TextDecoder().decode((await bus.connection.request('$SRV.INFO.scoring', undefined, { timeout: 1000 })).data),
  );
  assert.equal(info.name, 'scoring');
  assert.ok(
    info.endpoints.some(
      (endpoint: { subject: string; queue_group: string }) =>
        endpoint.subject === scoring.score.subject && endpoint.queue_group === 'scoring',
    ),
  );
  const stats = JSON.parse(
    new TextDecoder().decode((await bus.connection.request('$SRV.STATS.scoring', undefined, { timeout: 1000 })).data),
  );
  const scored = stats.endpoints.find((endpoint: { subject: string }) => endpoint.subject === scoring.score.subject);
  assert.equal(scored.num_requests, 1);
  await bus.close();
  await server.close();
});
