/**
 * Officer decisions, the review queue and the decision history on the real durable stores: the file store and
 * audit file of embedded mode, and JetStream KV and the audit stream on a nats-server.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import {
  decisionIds,
  storeKey,
  type Decision,
  type ModelAuditRecord,
  type OfficerDecisionRequest,
} from '@octroi/contracts';
import {
  FileAuditLog,
  FileStore,
  JetStreamAuditLog,
  JetStreamStore,
  createLogger,
  type AuditLog,
  type DurableStore,
  type HandlerContext,
  type KeyValueBucket,
} from '@octroi/runtime';
import { startNats, type TestServer } from '@octroi/runtime/testing';
import { modelRecords } from '../src/decisions.ts';
import { officerHandlers, openOfficerBooks } from '../src/officer/handlers.ts';
import { OFFICER_DECISIONS_BUCKET } from '../src/officer/officer-ledger.ts';
import { REFERRALS_BUCKET, REVIEW_CLAIMS_BUCKET, REVIEW_QUEUE_BUCKET, ReviewDesk } from '../src/officer/review-desk.ts';

const log = createLogger('officer-test', 'warn');
const context = (requestId = 'req'): HandlerContext => ({
  requestId,
  log,
  instance: 'this-instance',
  instanceRunning: async () => true,
  request: () => Promise.reject(new Error('no bus here')),
});
const alice = { username: 'alice', displayName: 'Alice Martin' };
const bob = { username: 'bob', displayName: 'Bob Durand' };
const carol = { username: 'carol', displayName: 'Carol Petit' };
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A review desk on the store's buckets, its claims bucket changed as `claimsAs` says. */
const deskWith = async (store: DurableStore, claimsAs: (claims: KeyValueBucket) => Partial<KeyValueBucket>) => {
  const [referrals, queue, claims] = await Promise.all(
    [REFERRALS_BUCKET, REVIEW_QUEUE_BUCKET, REVIEW_CLAIMS_BUCKET].map((name) => store.bucket(name)),
  );
  const changed = Object.assign(Object.create(claims!) as KeyValueBucket, claimsAs(claims!));
  return { desk: new ReviewDesk({ referrals: referrals!, queue: queue!, claims: changed }), claims: claims! };
};

interface Stores {
  store: DurableStore;
  audit: AuditLog;
}

function officerBooksOn(kind: string, open: () => Promise<Stores>) {
  describe(`officer books on the ${kind}`, () => {
    /** Fresh stores, the officer's books on them, and model decisions recorded in their audit log. */
    const fresh = async (claimMinutes = 30) => {
      const { store, audit } = await open();
      const books = await openOfficerBooks(store, audit, { claimMinutes });
      const handlers = officerHandlers(books);
      let clock = Date.parse('2026-11-20T09:00:00Z');
      /** The model decides (one request each), a second apart; referred ones join the queue. */
      const decided = async (decision: Decision, clientId?: number, modelVersion = 'v1') => {
        const time = new Date((clock += 1000));
        const [record] = modelRecords(
          await audit.append([
            {
              kind: 'model',
              decisionId: decisionIds(1, time.getTime())[0]!,
              requestId: 'model-request',
              time: time.toISOString(),
              principal: 'bank-app',
              ...(clientId !== undefined ? { clientId } : {}),
              featuresDigest: '0'.repeat(64),
              modelVersion,
              probabilityOfDefault: 0.41,
              threshold: 0.4,
              decision,
            },
          ]),
        );
        await Promise.all([books.desk.refer([record!]), books.history.add([record!])]);
        return record!;
      };
      const decide = async (
        model: ModelAuditRecord,
        officer: typeof alice,
        more: Partial<OfficerDecisionRequest> = {},
        requestId = 'officer-request',
      ) =>
        handlers.recordOfficerDecision(
          {
            decisionId: model.decisionId,
            decision: 'granted',
            reasonCode: 'documents-verified',
            justification: 'Payslips and bank statements checked in branch.',
            officer,
            ...more,
          },
          context(requestId),
        );
      const officerRecords = async () => {
        const found = [];
        for await (const { entry } of audit.entries())
          found.push(...entry.records.filter((record) => record.kind === 'officer'));
        return found;
      };
      return { books, handlers, audit, store, decided, decide, officerRecords };
    };

    test("an officer's decision is kept beside the model's and audited as the officer's, and the referral leaves the queue", async () => {
      const { handlers, audit, decided, decide } = await fresh();
      const referred = await decided('referred', 100_002);
      assert.equal((await handlers.reviewQueue({}, context())).waiting, 1);
      const decision = await decide(referred, alice);
      assert.equal(decision.decisionId, referred.decisionId);
      assert.equal(decision.sequence, 1);
      assert.equal(decision.override, false, 'deciding a referral is not an override');
      const audited = await audit.get(decision.officerDecisionId);
      assert.equal(audited?.kind, 'officer');
      assert.ok(audited?.kind === 'officer');
      assert.equal(audited.modelDecisionId, referred.decisionId);
      assert.equal(audited.modelVersion, 'v1');
      assert.equal(audited.principal, 'alice');
      assert.deepEqual(audited.officer, alice);
      assert.equal(audited.time, decision.time);
      assert.deepEqual(await handlers.reviewQueue({}, context()), { waiting: 0, referrals: [] });
    });

    test('of two officers deciding the same case at once, one is recorded and the other is told to reload', async () => {
      const { handlers, decided, decide, officerRecords } = await fresh();
      const refused = await decided('refused', 100_003);
      const outcomes = await Promise.allSettled([
        decide(refused, alice, { sequence: 1 }),
        decide(refused, bob, { sequence: 1, decision: 'refused', reasonCode: 'debt-burden' }),
      ]);
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o) => o.status === 'rejected');
      assert.equal(won.length, 1);
      assert.equal(lost.length, 1);
      assert.equal((lost[0]!.reason as { code: string }).code, 'conflict');
      const history = await handlers.decisionHistory({ clientId: 100_003 }, context());
      assert.equal(history.decisions[0]!.officerDecisions.length, 1);
      assert.equal((await officerRecords()).length, 1, 'only the decision that won is in the audit log');
    });

    test('the same request sent again answers the decision recorded the first time, and records nothing more', async () => {
      const { decided, decide, officerRecords } = await fresh();
      const granted = await decided('granted');
      const first = await decide(granted, alice, { sequence: 1, decision: 'refused', reasonCode: 'payment-incidents' });
      const again = await decide(granted, alice, { sequence: 1, decision: 'refused', reasonCode: 'payment-incidents' });
      assert.equal(again.officerDecisionId, first.officerDecisionId);
      assert.equal(first.override, true);
      assert.equal((await officerRecords()).length, 1);
    });

    test('a later decision supersedes an earlier one without erasing it; a place beyond the next is refused', async () => {
      const { handlers, decided, decide } = await fresh();
      const granted = await decided('granted', 100_004);
      await decide(granted, alice, { sequence: 1 });
      await decide(granted, bob, { sequence: 2, decision: 'refused', reasonCode: 'inconsistent-information' });
      await assert.rejects(decide(granted, bob, { sequence: 5 }), { code: 'bad_request', field: 'sequence' });
      const [reviewed] = (await handlers.decisionHistory({ clientId: 100_004 }, context())).decisions;
      assert.deepEqual(
        reviewed!.officerDecisions.map((d) => [d.sequence, d.officer.username, d.decision, d.override]),
        [
          [1, 'alice', 'granted', false],
          [2, 'bob', 'refused', true],
        ],
      );
      assert.deepEqual(reviewed!.standing, { decision: 'refused', by: 'officer', officer: bob });
      assert.equal(reviewed!.nextSequence, 3);
    });

    test('only a model decision of the audit log can be reviewed', async () => {
      const { decided, decide } = await fresh();
      const referred = await decided('referred');
      const unknown = { ...referred, decisionId: decisionIds(1)[0]! };
      await assert.rejects(decide(unknown, alice), { code: 'not_found', field: 'decisionId' });
      const officers = await decide(referred, alice);
      await assert.rejects(decide({ ...referred, decisionId: officers.officerDecisionId }, alice), {
        code: 'bad_request',
        field: 'decisionId',
      });
    });

    test('the queue holds referrals only, oldest first; an officer keeps the one they took, others get the next', async () => {
      const { handlers, decided, decide } = await fresh();
      const first = await decided('referred', 100_010);
      await decided('granted', 100_011);
      const second = await decided('referred');
      const third = await decided('referred', 100_012);
      const queue = await handlers.reviewQueue({}, context());
      assert.equal(queue.waiting, 3);
      assert.deepEqual(
        queue.referrals.map((r) => r.decisionId),
        [first.decisionId, second.decisionId, third.decisionId],
      );
      assert.equal((await handlers.reviewQueue({ limit: 1 }, context())).referrals.length, 1);

      const take = (officer: typeof alice) => handlers.takeReview({ officer }, context());
      assert.equal((await take(alice)).referral?.decisionId, first.decisionId);
      assert.equal((await take(bob)).referral?.decisionId, second.decisionId);
      assert.equal((await take(alice)).referral?.decisionId, first.decisionId, 'taken again, the same case');
      const listed = await handlers.reviewQueue({}, context());
      assert.deepEqual(listed.referrals[0]!.takenBy?.officer, alice);

      await decide(first, alice);
      const next = await take(alice);
      assert.equal(next.referral?.decisionId, third.decisionId);
      assert.equal(next.waiting, 2);
      assert.deepEqual(await take(carol), { referral: null, waiting: 2 }, 'both left are held');
    });

    test('two officers taking at the same moment never get the same referral', async () => {
      const { handlers, decided } = await fresh();
      await decided('referred');
      await decided('referred');
      const taken = await Promise.all(
        [alice, bob, carol].map(async (officer) => handlers.takeReview({ officer }, context())),
      );
      const ids = taken.flatMap((t) => (t.referral ? [t.referral.decisionId] : []));
      assert.equal(ids.length, 2);
      assert.equal(new Set(ids).size, 2);
    });

    test('a claim left too long lapses, and the referral goes back to every officer', async () => {
      const { handlers, decided } = await fresh(1 / 60);
      const referred = await decided('referred');
      assert.equal(
        (await handlers.takeReview({ officer: alice }, context())).referral?.decisionId,
        referred.decisionId,
      );
      assert.equal((await handlers.takeReview({ officer: bob }, context())).referral, null);
      let taken = null;
      for (let tries = 0; tries < 40 && !taken; tries++) {
        await sleep(250);
        taken = (await handlers.takeReview({ officer: bob }, context())).referral;
      }
      assert.equal(taken?.decisionId, referred.decisionId);
    });

    test('an officer gives back a case they took: every officer may take it at once, and nothing is audited', async () => {
      const { handlers, audit, decided } = await fresh();
      const referred = await decided('referred', 100_020);
      const take = (officer: typeof alice) => handlers.takeReview({ officer }, context());
      assert.equal((await take(alice)).referral?.decisionId, referred.decisionId);
      assert.equal((await take(bob)).referral, null, 'held by alice');
      const entries = async () => {
        let count = 0;
        for await (const _ of audit.entries()) count++;
        return count;
      };
      const before = await entries();

      const given = await handlers.releaseReview(
        { decisionId: referred.decisionId, officer: alice, administrator: false },
        context(),
      );
      assert.equal(given.referral.decisionId, referred.decisionId);
      assert.equal(given.referral.takenBy, undefined);
      assert.deepEqual(given.released.officer, alice);
      const listed = await handlers.reviewQueue({}, context());
      assert.equal(listed.referrals[0]!.takenBy, undefined, 'the queue shows it free');
      assert.equal((await take(bob)).referral?.decisionId, referred.decisionId);
      assert.equal(await entries(), before, 'a case given back is not a decision');
    });

    test('only the holder or an administrator gives a case back; a case not held, decided or never referred is a 4xx naming it', async () => {
      const { handlers, decided, decide } = await fresh();
      const referred = await decided('referred');
      const release = async (officer: typeof alice, administrator = false, decisionId = referred.decisionId) =>
        handlers.releaseReview({ decisionId, officer, administrator }, context());
      await handlers.takeReview({ officer: alice }, context());
      await assert.rejects(release(bob), { code: 'forbidden', field: 'decisionId', message: /Alice Martin holds/ });
      assert.deepEqual((await release(carol, true)).released.officer, alice, "an administrator gives back anyone's");
      await assert.rejects(release(alice), { code: 'conflict', field: 'decisionId', message: /Nobody holds/ });

      await handlers.takeReview({ officer: alice }, context());
      await decide(referred, alice);
      await assert.rejects(release(alice), { code: 'conflict', message: /decided already/ });
      const granted = await decided('granted');
      await assert.rejects(release(alice, true, granted.decisionId), { code: 'not_found', field: 'decisionId' });
    });

    test("a claim that lapsed and was taken by another officer is not removed by the first officer's give-back", async () => {
      const { store, handlers, decided } = await fresh();
      const referred = await decided('referred');
      await handlers.takeReview({ officer: alice }, context());
      // Between alice's read of her claim and its removal, the claim lapses and bob takes the case.
      let lapsed = false;
      const { desk, claims } = await deskWith(store, (claims) => ({
        deleteAt: async (key, revision) => {
          if (!lapsed) {
            lapsed = true;
            await claims.delete(key);
            await claims.create(key, { officer: bob, takenAt: new Date().toISOString() });
          }
          return claims.deleteAt(key, revision);
        },
      }));
      await assert.rejects(desk.release(referred.decisionId, alice, false), {
        code: 'conflict',
        message: /Bob Durand took/,
      });
      assert.deepEqual((await claims.get<{ officer: typeof bob }>(referred.decisionId))?.value.officer, bob);
    });

    test('a give-back whose answer was lost and sent again finds the claim gone, and says the case is back', async () => {
      const { store, handlers, decided } = await fresh();
      const referred = await decided('referred');
      await handlers.takeReview({ officer: alice }, context());
      // The store removed the claim, but its acknowledgement was lost and the second attempt found it changed.
      const { desk, claims } = await deskWith(store, (claims) => ({
        deleteAt: async (key, revision) => (await claims.deleteAt(key, revision)) && false,
      }));
      assert.deepEqual((await desk.release(referred.decisionId, alice, false)).released.officer, alice);
      assert.equal(await claims.get(referred.decisionId), undefined);
    });

    test("a new application's referral keeps its fields for the officer; a decision never referred has no case", async () => {
      const { books, handlers, audit, decided } = await fresh();
      const [record] = modelRecords(
        await audit.append([
          { ...(await decided('granted')), kind: 'model', decisionId: decisionIds(1)[0]!, decision: 'referred' },
        ]),
      );
      await books.desk.refer([record!], [{ AMT_CREDIT: 250_000, NAME_CONTRACT_TYPE: 'Cash loans', bureau: [{}] }]);
      const review = await handlers.review({ decisionId: record!.decisionId }, context());
      assert.deepEqual(review.application, { AMT_CREDIT: 250_000, NAME_CONTRACT_TYPE: 'Cash loans' });
      assert.deepEqual(review.historyRows, { bureau: 1 });
      assert.equal(review.reviewed.standing.decision, 'referred');
      const granted = await decided('granted');
      await assert.rejects(async () => handlers.review({ decisionId: granted.decisionId }, context()), {
        code: 'not_found',
      });
    });

    test("a client's history: every decision of record, newest first, each with its officer decisions", async () => {
      const { handlers, decided, decide } = await fresh();
      const older = await decided('refused', 42, 'v1');
      const newer = await decided('referred', 42, 'v2');
      await decided('granted', 4, 'v2');
      await decide(older, alice, { reasonCode: 'guarantor-or-collateral' });
      const history = await handlers.decisionHistory({ clientId: 42 }, context());
      assert.deepEqual(
        history.decisions.map((d) => [d.model.decisionId, d.model.modelVersion, d.standing.decision, d.standing.by]),
        [
          [newer.decisionId, 'v2', 'referred', 'model'],
          [older.decisionId, 'v1', 'granted', 'officer'],
        ],
      );
      assert.deepEqual((await handlers.decisionHistory({ clientId: 7 }, context())).decisions, []);
    });

    test('a decision left deciding by a replica that stopped after the audit log is read from the audit log', async () => {
      const { books, store, audit, decided, decide } = await fresh();
      const refused = await decided('refused', 77);
      // What a replica leaves when it stops between the audit log and the store: the record, and a claim deciding.
      const recorded = await decide(refused, alice);
      const bucket = await store.bucket(OFFICER_DECISIONS_BUCKET);
      const key = storeKey(refused.decisionId, 1);
      const claim = (await bucket.get<{ state: string; reply?: unknown }>(key))!;
      await bucket.update(key, { ...claim.value, state: 'deciding', reply: undefined }, claim.revision);
      const { decisions } = await books.ledger.forDecision(refused.decisionId);
      assert.deepEqual(decisions, [recorded]);
      assert.equal((await audit.get(recorded.officerDecisionId))?.kind, 'officer');
    });

    test('the overrides report counts what officers decided, by officer and reason', async () => {
      const { handlers, decided, decide } = await fresh();
      await decide(await decided('granted'), alice, { decision: 'refused', reasonCode: 'payment-incidents' });
      await decide(await decided('refused'), alice, { decision: 'refused', reasonCode: 'debt-burden' });
      await decide(await decided('referred'), bob, { reasonCode: 'documents-verified' });
      const report = await handlers.overridesReport({}, context());
      assert.equal(report.decisions, 3);
      assert.equal(report.overrides, 1);
      assert.deepEqual(
        report.byOfficer.map((o) => [o.group, o.decisions, o.overrides]),
        [
          ['alice', 2, 1],
          ['bob', 1, 0],
        ],
      );
    });
  });
}

const temporaryDir = () => mkdtempSync(join(tmpdir(), 'octroi-officer-'));
officerBooksOn('file store of embedded mode', async () => {
  const dir = temporaryDir();
  return { store: FileStore.at(dir), audit: FileAuditLog.at(join(dir, 'audit.jsonl')) };
});

/** Each test on a nats-server of its own: the buckets and the audit stream have fixed names. */
const servers: Array<{ nats: TestServer; connection: NatsConnection }> = [];
after(async () => {
  for (const { nats, connection } of servers) {
    await connection.close();
    await nats.close();
  }
});
officerBooksOn('JetStream store on NATS', async () => {
  const nats = await startNats({ jetStream: true });
  const connection = await connect({ servers: nats.url });
  servers.push({ nats, connection });
  return { store: new JetStreamStore(connection), audit: await JetStreamAuditLog.open(connection) };
});
