import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { EXAMPLE_APPLICATION } from '@octroi/contracts';
import { DEMO_USERNAME } from '../src/auth/users.ts';
import { DEMO_PASSWORD, embeddedSystem, withKey } from './helpers.ts';

describe('officer routes: decisions by signed-in people, the queue, the history, the overrides report for admins', () => {
  let system: Awaited<ReturnType<typeof embeddedSystem>>;
  const cookies: Record<string, string> = {};
  before(async () => {
    // A store of its own: the queue and the history start empty.
    process.env.OCTROI_DATA_DIR = mkdtempSync(join(tmpdir(), 'octroi-officer-routes-'));
    system = await embeddedSystem();
    await system.users.add({ username: 'chief', displayName: 'Chief Reviewer', role: 'admin' }, 'chief-password-1');
    await system.users.add({ username: 'bmartin', displayName: 'Bruno Martin', role: 'officer' }, 'bruno-password-1');
    for (const [username, password] of [
      [DEMO_USERNAME, DEMO_PASSWORD],
      ['chief', 'chief-password-1'],
      ['bmartin', 'bruno-password-1'],
    ] as const) {
      const signedIn = await system.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username, password },
      });
      assert.equal(signedIn.statusCode, 200, signedIn.body);
      cookies[username] = signedIn.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    }
  });
  after(async () => system.stop());

  const as = (username: string) => ({ cookie: cookies[username]! });
  const decide = (username: string, payload: Record<string, unknown>) =>
    system.app.inject({ method: 'POST', url: '/api/v1/officer-decisions', headers: as(username), payload });
  const newDecision = async () => {
    const scored = await system.app.inject({
      method: 'POST',
      url: '/api/v1/score',
      headers: withKey,
      payload: EXAMPLE_APPLICATION,
    });
    assert.equal(scored.statusCode, 200, scored.body);
    return scored.json<{ decisionId: string; decision: string }>();
  };
  const justification = 'Two years of payslips and a stable employer confirmed by phone.';

  test('an officer confirms or overrides a decision: 201 with who, when, the model version and whether it overrides', async () => {
    const model = await newDecision();
    const verdict = model.decision === 'granted' ? 'refused' : 'granted';
    const response = await decide(DEMO_USERNAME, {
      decisionId: model.decisionId,
      decision: verdict,
      reasonCode: 'documents-verified',
      justification,
    });
    assert.equal(response.statusCode, 201, response.body);
    const decision = response.json();
    assert.equal(decision.decisionId, model.decisionId);
    assert.equal(decision.officer.username, DEMO_USERNAME);
    assert.equal(decision.override, model.decision !== 'referred');
    const audited = await system.app.inject({
      url: `/api/v1/decisions/${decision.officerDecisionId}`,
      headers: withKey,
    });
    assert.equal(audited.statusCode, 200);
    assert.equal(audited.json().kind, 'officer');
    assert.equal(audited.json().modelDecisionId, model.decisionId);
  });

  test('only a signed-in person decides: an API key gets 403, nobody gets 401', async () => {
    const model = await newDecision();
    const payload = { decisionId: model.decisionId, decision: 'granted', reasonCode: 'other', justification };
    const byKey = await system.app.inject({
      method: 'POST',
      url: '/api/v1/officer-decisions',
      headers: withKey,
      payload,
    });
    assert.equal(byKey.statusCode, 403);
    assert.equal(byKey.json().code, 'forbidden');
    const byNobody = await system.app.inject({ method: 'POST', url: '/api/v1/officer-decisions', payload });
    assert.equal(byNobody.statusCode, 401);
  });

  test('a missing justification, an unknown reason or an unknown decision is a 4xx naming the field', async () => {
    const model = await newDecision();
    const base = { decisionId: model.decisionId, decision: 'refused', reasonCode: 'debt-burden', justification };
    const short = await decide(DEMO_USERNAME, { ...base, justification: 'too short' });
    assert.equal(short.statusCode, 400);
    assert.match(short.json().field, /justification/);
    const blanks = await decide(DEMO_USERNAME, { ...base, justification: ` ok${' '.repeat(30)}` });
    assert.equal(blanks.statusCode, 400);
    assert.equal(blanks.json().field, 'justification');
    const reason = await decide(DEMO_USERNAME, { ...base, reasonCode: 'gut-feeling' });
    assert.equal(reason.statusCode, 400);
    assert.match(reason.json().field, /reasonCode/);
    const unknown = await decide(DEMO_USERNAME, { ...base, decisionId: '0190c0de-0000-7000-8000-000000000000' });
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().field, 'decisionId');
  });

  test('two officers deciding at the same place in the history: one 201, one 409, the history holds one', async () => {
    const model = await newDecision();
    const base = { decisionId: model.decisionId, reasonCode: 'policy-exception', justification, sequence: 1 };
    const [first, second] = await Promise.all([
      decide(DEMO_USERNAME, { ...base, decision: 'granted' }),
      decide('bmartin', { ...base, decision: 'refused' }),
    ]);
    assert.deepEqual([first.statusCode, second.statusCode].sort(), [201, 409]);
    const lost = first.statusCode === 409 ? first : second;
    assert.match(lost.json().message, /reload/);
  });

  test('the overrides report is for administrators only', async () => {
    const byOfficer = await system.app.inject({ url: '/api/v1/overrides', headers: as(DEMO_USERNAME) });
    assert.equal(byOfficer.statusCode, 403);
    assert.match(byOfficer.json().message, /admin role/);
    const byKey = await system.app.inject({ url: '/api/v1/overrides', headers: withKey });
    assert.equal(byKey.statusCode, 403);
    const byAdmin = await system.app.inject({ url: '/api/v1/overrides?weeks=4', headers: as('chief') });
    assert.equal(byAdmin.statusCode, 200, byAdmin.body);
    const report = byAdmin.json();
    assert.equal(report.byWeek.length, 4);
    assert.ok(report.decisions >= 2, 'the decisions of the tests above');
    assert.ok(report.byOfficer.some((row: { group: string }) => row.group === DEMO_USERNAME));
  });

  test('an officer gives back the case they took; another officer may not, an administrator may; a 4xx names the problem', async () => {
    const release = (headers: Record<string, string>, decisionId: string) =>
      system.app.inject({ method: 'DELETE', url: `/api/v1/reviews/${decisionId}/claim`, headers });
    const take = async (username: string) => {
      const taken = await system.app.inject({ method: 'POST', url: '/api/v1/reviews/next', headers: as(username) });
      assert.equal(taken.statusCode, 200, taken.body);
      return taken.json<{ referral: { decisionId: string } | null }>().referral;
    };
    // A referred known client's decision of record joins the queue when it is made.
    const list = await system.app.inject({ url: '/api/v1/clients?pageSize=1&decision=referred', headers: withKey });
    const [referred] = list.json<{ items: Array<{ clientId: number }> }>().items;
    assert.ok(referred, 'the model refers some client of the sample');
    await system.app.inject({ url: `/api/v1/clients/${referred.clientId}/score`, headers: withKey });
    const id = (await take(DEMO_USERNAME))!.decisionId;

    const byOther = await release(as('bmartin'), id);
    assert.equal(byOther.statusCode, 403, byOther.body);
    assert.equal(byOther.json().field, 'decisionId');
    const byKey = await release(withKey, id);
    assert.equal(byKey.statusCode, 403);
    assert.equal((await release({}, id)).statusCode, 401);

    const given = await release(as(DEMO_USERNAME), id);
    assert.equal(given.statusCode, 200, given.body);
    assert.equal(given.json().released.officer.username, DEMO_USERNAME);
    assert.equal((await take('bmartin'))?.decisionId, id, 'back for every officer at once');

    const again = await release(as(DEMO_USERNAME), id);
    assert.equal(again.statusCode, 403, 'now held by another officer');
    const byAdmin = await release(as('chief'), id);
    assert.equal(byAdmin.statusCode, 200, byAdmin.body);
    assert.equal(byAdmin.json().released.officer.username, 'bmartin');
    const notHeld = await release(as('chief'), id);
    assert.equal(notHeld.statusCode, 409);
    assert.match(notHeld.json().message, /Nobody holds/);

    const model = await newDecision();
    if (model.decision !== 'referred') {
      const neverReferred = await release(as(DEMO_USERNAME), model.decisionId);
      assert.equal(neverReferred.statusCode, 404);
      assert.equal(neverReferred.json().field, 'decisionId');
    }
    const malformed = await release(as(DEMO_USERNAME), 'not-a-decision');
    assert.equal(malformed.statusCode, 400);
  });

  test('the queue and the next case answer for officers; a known client has a history', async () => {
    const queue = await system.app.inject({ url: '/api/v1/reviews', headers: as(DEMO_USERNAME) });
    assert.equal(queue.statusCode, 200);
    const next = await system.app.inject({ method: 'POST', url: '/api/v1/reviews/next', headers: as('bmartin') });
    assert.equal(next.statusCode, 200);
    assert.equal(next.json().waiting, queue.json().waiting);
    const byKey = await system.app.inject({ method: 'POST', url: '/api/v1/reviews/next', headers: withKey });
    assert.equal(byKey.statusCode, 403);

    const [clientId] = (await system.app.inject({ url: '/get_id_client', headers: withKey })).json().data;
    const score = (await system.app.inject({ url: `/api/v1/clients/${clientId}/score`, headers: withKey })).json();
    const history = await system.app.inject({ url: `/api/v1/clients/${clientId}/decision-history`, headers: withKey });
    assert.equal(history.statusCode, 200);
    assert.equal(history.json().decisions[0].model.decisionId, score.decisionId);
    const bad = await system.app.inject({ url: '/api/v1/clients/0/decision-history', headers: withKey });
    assert.equal(bad.statusCode, 400);
  });
});
