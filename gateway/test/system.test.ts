import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { EXAMPLE_APPLICATION, endpoints } from '@octroi/contracts';
import { defaultModelDir } from '@octroi/model-bundle';
import { OctroiError } from '@octroi/runtime';
import { startSystem } from './system.ts';
import { testGateway, withKey } from './helpers.ts';

type System = Awaited<ReturnType<typeof startSystem>>;

const reference = JSON.parse(readFileSync(`${defaultModelDir()}/shap_reference.json`, 'utf8')) as {
  features: Array<Array<number | null>>;
  rawScore: number[];
};
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

describe('the system on NATS, Redis and the shipped model', () => {
  let system: System;
  let get: (
    url: string,
  ) => Promise<{ statusCode: number; json: () => any; body: string; headers: Record<string, unknown> }>;
  let clientIds: number[];

  before(async () => {
    system = await startSystem();
    get = (url) => system.gateway.app.inject({ url, headers: withKey });
    clientIds = (await get('/get_id_client')).json().data;
  });
  after(async () => system.stop());

  test('ready once every service that decides or explains answered a ping over NATS; monitoring is not one', async () => {
    // A readiness ping waits 300 ms for answers: on a busy machine the first ones can come too late, so ask again.
    let response = await get('/readyz');
    for (let tries = 1; response.statusCode !== 200 && tries < 20; tries++) {
      await new Promise((done) => setTimeout(done, 500));
      response = await get('/readyz');
    }
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json().services, { scoring: 1, clients: 1, explain: 1, monitoring: 0 });
  });

  test("the model's description carries the lender policy, and no feature is a protected attribute", async () => {
    const model = (await get('/api/v1/model')).json();
    assert.ok(model.policy.protectedAttributes.includes('CODE_GENDER'));
    const names = model.features.map((feature: { name: string }) => feature.name);
    assert.deepEqual(
      model.policy.protectedAttributes.filter((name: string) => names.includes(name)),
      [],
    );
    assert.ok(model.policy.actionable.includes('AMT_CREDIT'));
  });

  test("scores equal LightGBM's probabilities within 1e-5 (Open Inference Protocol V2)", async () => {
    const model = (await get('/api/v1/model')).json();
    const width = model.features.length;
    const rows = reference.features.slice(0, 200);
    const response = await system.gateway.app.inject({
      method: 'POST',
      url: `/v2/models/${model.name}/infer`,
      headers: withKey,
      payload: { inputs: [{ name: 'features', shape: [rows.length, width], datatype: 'FP32', data: rows.flat() }] },
    });
    assert.equal(response.statusCode, 200, response.body);
    const probabilities = response.json().outputs[0].data as number[];
    let worst = 0;
    rows.forEach(
      (_, i) => (worst = Math.max(worst, Math.abs(probabilities[i * 2 + 1]! - sigmoid(reference.rawScore[i]!)))),
    );
    assert.ok(worst <= 1e-5, `largest difference ${worst}`);
  });

  test('a V2 inference sent again with its Idempotency-Key replays its decisions; another body under it is a 409', async () => {
    const model = (await get('/api/v1/model')).json();
    const width = model.features.length;
    const infer = (rows: Array<Array<number | null>>, key: string) =>
      system.gateway.app.inject({
        method: 'POST',
        url: `/v2/models/${model.name}/infer`,
        headers: { ...withKey, 'idempotency-key': key },
        payload: { inputs: [{ name: 'features', shape: [rows.length, width], datatype: 'FP32', data: rows.flat() }] },
      });
    const idsOf = (response: { json: () => any }) =>
      response.json().outputs.find((output: { name: string }) => output.name === 'decision_id').data as string[];
    const rows = reference.features.slice(0, 3);
    const first = await infer(rows, 'v2-batch-0001');
    assert.equal(first.statusCode, 200, first.body);
    const again = await infer(rows, 'v2-batch-0001');
    assert.deepEqual(idsOf(again), idsOf(first), 'the decisions recorded the first time, none recorded again');
    const other = await infer(rows, 'v2-batch-0002');
    assert.equal(idsOf(other).filter((id) => idsOf(first).includes(id)).length, 0, 'another key decides anew');
    const conflict = await infer(reference.features.slice(3, 6), 'v2-batch-0001');
    assert.equal(conflict.statusCode, 409);
    assert.match(conflict.json().error, /v2-batch-0001/, "in the protocol's error shape");
    const recorded = (await get(`/api/v1/decisions/${idsOf(first)[0]}`)).json();
    assert.equal(recorded.principal, 'key-1', 'the API key that asked');
  });

  test('a known client: score, decision, cached the second time, and the seed shapes', async () => {
    const id = clientIds[0]!;
    const first = (await get(`/api/v1/clients/${id}/score`)).json();
    assert.ok(first.probabilityOfDefault >= 0 && first.probabilityOfDefault <= 1);
    // Referred within the lender's band around the threshold, else refused from the threshold up.
    const band: number = (await get('/api/v1/model')).json().policy.referral.band;
    const distance = first.probabilityOfDefault - first.threshold;
    const expected = Math.abs(distance) < band ? 'referred' : distance >= 0 ? 'refused' : 'granted';
    if (Math.abs(Math.abs(distance) - band) > 1e-9) assert.equal(first.decision, expected);
    assert.ok(first.decisionId);
    const scoringAsked = async () =>
      Number(
        (await get('/metrics')).body.match(
          /octroi_bus_requests_total\{subject="octroi\.v1\.scoring\.score-client",outcome="ok"\} (\d+)/,
        )?.[1] ?? 0,
      );
    const askedBefore = await scoringAsked();
    const second = (await get(`/api/v1/clients/${id}/score`)).json();
    assert.deepEqual(second, first, 'asked again, the recorded decision');
    assert.equal(
      await scoringAsked(),
      askedBefore,
      "read from the gateway's own cache, without a round trip to scoring",
    );
    assert.match((await get('/metrics')).body, /octroi_cache_operations_total\{cache="gateway",result="hit"\} [1-9]/);

    const seed = (await get(`/get_score/${id}`)).json();
    assert.deepEqual(Object.keys(seed), ['id_client', 'prediction']);
    assert.equal(seed.id_client, String(id));
    assert.ok(Math.abs(Number(seed.prediction[0]) + Number(seed.prediction[1]) - 1) < 1e-9);
    assert.ok(Math.abs(seed.prediction[1] - first.probabilityOfDefault) < 1e-9);
    const info = (await get(`/get_info_client/${id}`)).json().info_client;
    assert.ok('AMT_CREDIT' in info && 'AMT_INCOME_TOTAL' in info);
  });

  test('an unknown client is a 404 on every client route', async () => {
    for (const url of [
      '/api/v1/clients/1',
      '/api/v1/clients/1/score',
      '/get_score/1',
      '/api/v1/clients/1/similar',
      '/api/v1/clients/1/explanation',
    ]) {
      const response = await get(url);
      assert.equal(response.statusCode, 404, url);
      assert.equal(response.json().code, 'not_found');
    }
  });

  test('clients: file grouped and labelled, list with filters, similar clients, population', async () => {
    const id = clientIds[1]!;
    const record = (await get(`/api/v1/clients/${id}?language=en`)).json();
    assert.equal(record.clientId, id);
    assert.ok(record.groups.length >= 4);
    const page = (await get('/api/v1/clients?page=1&pageSize=5&decision=refused')).json();
    assert.ok(page.items.length <= 5 && page.items.every((item: { decision: string }) => item.decision === 'refused'));
    const similar = (await get(`/api/v1/clients/${id}/similar?k=5`)).json();
    assert.equal(similar.neighbours.length, 5);
    assert.ok(similar.neighbours.every((n: { clientId: number }) => n.clientId !== id));
    const population = (await get(`/api/v1/population/AMT_CREDIT?clientId=${id}`)).json();
    assert.equal(population.quantiles.length, 101);
    assert.ok(population.histogram.length > 0);
    const unknownFeature = await get('/api/v1/population/NOT_A_FEATURE');
    assert.equal(unknownFeature.statusCode, 400, unknownFeature.body);
    assert.equal(unknownFeature.json().field, 'feature');
    assert.match(unknownFeature.json().message, /NOT_A_FEATURE/);
  });

  test('new applications: one or many scored, every decision in the audit log, bad fields named', async () => {
    const application = { ...EXAMPLE_APPLICATION };
    const post = (payload: object) =>
      system.gateway.app.inject({ method: 'POST', url: '/api/v1/score', headers: withKey, payload });
    const one = await post(application);
    assert.equal(one.statusCode, 200, one.body);
    const many = (await post({ applications: [application, { ...application, AMT_CREDIT: 2_000_000 }] })).json();
    assert.equal(many.scores.length, 2);
    const decision = (await get(`/api/v1/decisions/${one.json().decisionId}`)).json();
    assert.equal(decision.probabilityOfDefault, one.json().probabilityOfDefault);
    assert.match(decision.featuresDigest, /^[0-9a-f]{64}$/);
    assert.equal(decision.principal, 'key-1', 'the API key that asked');

    const sameTrace = { ...withKey, 'x-request-id': 'shared-trace' };
    const [low, high] = await Promise.all(
      [100_000, 2_000_000].map(async (AMT_CREDIT) =>
        (
          await system.gateway.app.inject({
            method: 'POST',
            url: '/api/v1/score',
            headers: sameTrace,
            payload: { ...application, AMT_CREDIT },
          })
        ).json(),
      ),
    );
    assert.notEqual(low.decisionId, high.decisionId, 'one X-Request-Id, two decisions');
    for (const answer of [low, high]) {
      const stored = (await get(`/api/v1/decisions/${answer.decisionId}`)).json();
      assert.equal(stored.probabilityOfDefault, answer.probabilityOfDefault, 'each reads back with its own outcome');
    }

    const keyed = (payload: object) =>
      system.gateway.app.inject({
        method: 'POST',
        url: '/api/v1/score',
        headers: { ...withKey, 'idempotency-key': 'order-2026-0001' },
        payload,
      });
    const original = (await keyed(application)).json();
    assert.deepEqual((await keyed(application)).json(), original, 'the same key and body replay one decision');
    const conflict = await keyed({ ...application, AMT_CREDIT: 1_000_000 });
    assert.equal(conflict.statusCode, 409);
    assert.match(conflict.json().message, /order-2026-0001/);

    const explained = await system.gateway.app.inject({
      method: 'POST',
      url: '/api/v1/explanations',
      headers: withKey,
      payload: { application, language: 'en' },
    });
    assert.equal(explained.statusCode, 200, explained.body);
    const recorded = (await get(`/api/v1/decisions/${explained.json().decisionId}`)).json();
    assert.equal(recorded.decision, explained.json().decision, 'an explained new application is a recorded decision');
    assert.equal((await get('/api/v1/decisions/not-a-decision-id')).statusCode, 400);

    const unknownField = await post({ ...application, NOT_A_FIELD: 1 });
    assert.equal(unknownField.statusCode, 400);
    assert.equal(unknownField.json().field, 'NOT_A_FIELD');
    const wrongType = await post({ ...application, AMT_CREDIT: 'a lot' });
    assert.equal(wrongType.statusCode, 400);
    assert.equal(wrongType.json().field, 'AMT_CREDIT');
    const inBatch = await post({ applications: [application, { ...application, CODE_GENDER: 'Q' }] });
    assert.equal(inBatch.statusCode, 400);
    assert.equal(inBatch.json().field, 'applications.1.CODE_GENDER');
  });

  test('the audit log survives a restart of the gateway', async () => {
    const id = clientIds[2]!;
    const { decisionId } = (await get(`/api/v1/clients/${id}/score`)).json();
    await system.gateway.app.close();
    await system.gateway.runtime.shutdown.run();
    const restarted = await testGateway({ bus: system.gatewayBus, redisUrl: system.redis.url });
    const response = await restarted.app.inject({ url: `/api/v1/decisions/${decisionId}`, headers: withKey });
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().clientId, id);
    system.gateway = restarted;
    get = (url) => restarted.app.inject({ url, headers: withKey });
  });

  test('explanations: contributions add up to the score, reasons in words, what-if, counterfactual', async () => {
    const id = clientIds[3]!;
    const explanation = (await get(`/api/v1/clients/${id}/explanation?language=en`)).json();
    const sum = explanation.contributions.reduce(
      (total: number, c: { contribution: number }) => total + c.contribution,
      explanation.expectedValue,
    );
    assert.ok(Math.abs(sum - explanation.rawScore) < 1e-9);
    const score = (await get(`/api/v1/clients/${id}/score`)).json();
    assert.ok(Math.abs(explanation.probabilityOfDefault - score.probabilityOfDefault) <= 1e-5);
    assert.ok(explanation.adverseReasons.length <= 4);

    const whatIf = await system.gateway.app.inject({
      method: 'POST',
      url: '/api/v1/what-if',
      headers: withKey,
      payload: { clientId: id, changes: { AMT_CREDIT: 100000 } },
    });
    assert.equal(whatIf.statusCode, 200, whatIf.body);
    assert.equal(whatIf.json().simulation, true, 'a what-if is a simulation');
    assert.equal(whatIf.json().updated.decisionId, undefined, 'never a recorded decision');
    assert.equal(explanation.decisionId, score.decisionId, "the explanation shows the client's decision of record");
    const badWhatIf = await system.gateway.app.inject({
      method: 'POST',
      url: '/api/v1/what-if',
      headers: withKey,
      payload: { clientId: id, changes: { AMT_CREDIT: 'x' } },
    });
    assert.equal(badWhatIf.statusCode, 400);
    assert.equal(badWhatIf.json().field, 'changes.AMT_CREDIT');
    for (const field of ['CODE_GENDER', 'DAYS_BIRTH', 'NAME_FAMILY_STATUS', 'HOUR_APPR_PROCESS_START']) {
      const notActionable = await system.gateway.app.inject({
        method: 'POST',
        url: '/api/v1/what-if',
        headers: withKey,
        payload: { clientId: id, changes: { AMT_CREDIT: 100000, [field]: field === 'CODE_GENDER' ? 'M' : 1 } },
      });
      assert.equal(notActionable.statusCode, 400, `${field}: ${notActionable.body}`);
      assert.equal(notActionable.json().field, `changes.${field}`);
    }

    const counterfactual = await get(`/api/v1/clients/${id}/counterfactual`);
    assert.equal(counterfactual.statusCode, 200, counterfactual.body);
    const suggestion = counterfactual.json();
    assert.equal(suggestion.simulation, true, 'a counterfactual is a simulation');
    assert.equal(suggestion.original.decision, score.decision, "it starts from the client's decision of record");
    assert.ok(Math.abs(suggestion.original.probabilityOfDefault - score.probabilityOfDefault) <= 1e-5);
    if (score.decision === 'granted') {
      assert.deepEqual(
        [suggestion.found, suggestion.changes, suggestion.result],
        [true, [], null],
        'nothing to change',
      );
    } else if (suggestion.found) {
      const { actionable } = (await get('/api/v1/model')).json().policy;
      assert.ok(suggestion.changes.length > 0);
      for (const change of suggestion.changes) assert.ok(actionable.includes(change.field), change.field);
      assert.deepEqual([suggestion.result.decision, suggestion.result.verifiedByScoring], ['granted', true]);
    } else {
      assert.deepEqual([suggestion.changes, suggestion.result], [[], null], 'no suggestion, only why not');
    }
    assert.equal((await get('/api/v1/explanations/global')).statusCode, 200);
    assert.equal((await get('/api/v1/explanations/dependence?feature=NOT_A_FEATURE')).statusCode, 400);
  });

  test('a refused client: reasons against, a counterfactual the scoring service confirms, and the what-if that flips it', async () => {
    const refused = (await get('/api/v1/clients?decision=refused&pageSize=100')).json().items as Array<{
      clientId: number;
    }>;
    assert.ok(refused.length > 0);
    const reasons = (await get(`/api/v1/clients/${refused[0]!.clientId}/explanation?language=fr`)).json();
    assert.equal(reasons.decision, 'refused');
    assert.ok(reasons.adverseReasons.length >= 1 && reasons.adverseReasons.length <= 4);
    assert.ok(
      reasons.adverseReasons.every((reason: { text: string }) => !/[A-Z]{2,}_[A-Z]/.test(reason.text)),
      'no raw column names',
    );

    let found:
      | {
          clientId: number;
          changes: Array<{ field: string; to: number }>;
          result: { decision: string; verifiedByScoring: boolean };
        }
      | undefined;
    for (const { clientId } of refused) {
      const answer = (await get(`/api/v1/clients/${clientId}/counterfactual?language=en`)).json();
      if (answer.found) {
        found = answer;
        break;
      }
    }
    assert.ok(found, 'a counterfactual exists for at least one refused client');
    assert.equal(found.result.decision, 'granted');
    assert.equal(found.result.verifiedByScoring, true);
    const changes = Object.fromEntries(found.changes.map((change) => [change.field, change.to]));
    const whatIf = (
      await system.gateway.app.inject({
        method: 'POST',
        url: '/api/v1/what-if',
        headers: withKey,
        payload: { clientId: found.clientId, changes },
      })
    ).json();
    assert.equal(whatIf.original.decision, 'refused');
    assert.equal(whatIf.updated.decision, 'granted');
    assert.equal(whatIf.decisionChanged, true);
    assert.ok(whatIf.probabilityChange < 0);
  });

  test('the largest beeswarm summary a caller may ask for crosses the bus', async () => {
    const response = await get('/api/v1/explanations/summary?points=500&top=20');
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().features.length, 20);
  });

  test('a stopped service is a 503; a slow answer a 504', async () => {
    // The explain service gives way to one that always answers after the gateway has stopped waiting.
    await system.services.explain.shutdown.run();
    const late = await system.gatewayBus.serve({
      name: 'explain',
      version: '0.0.1',
      description: 'answers too late',
      endpoints: { summary: endpoints.explain.summary },
      handlers: {
        summary: async () => {
          await new Promise((done) => setTimeout(done, 500));
          throw new OctroiError('internal', 'too late to be read');
        },
      },
    });
    const hurried = await testGateway({ bus: system.gatewayBus, busTimeoutMs: 100 });
    const timedOut = await hurried.app.inject({ url: '/api/v1/explanations/summary', headers: withKey });
    assert.equal(timedOut.statusCode, 504);
    assert.equal(timedOut.json().code, 'timeout');
    await hurried.app.close();
    await late.stop();

    await system.services.clients.shutdown.run();
    const response = await get(`/api/v1/clients/${clientIds[0]}`);
    assert.equal(response.statusCode, 503);
    assert.equal(response.json().code, 'unavailable');
    assert.match(String(response.headers['retry-after']), /^[1-9]\d*$/, 'the client is told when to try again');
    assert.equal((await get('/readyz')).statusCode, 503);
  });
});
