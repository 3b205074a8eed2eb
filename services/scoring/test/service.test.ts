import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { EXAMPLE_APPLICATION, isDecisionId, requestKeyOf, type AuditedRecord } from '@octroi/contracts';
import { BundleCatalogue, loadApplicantFeatures, loadBundle, type ModelBundle } from '@octroi/model-bundle';
import {
  ChainVerifier,
  FileAuditLog,
  FileObjectBucket,
  FileStore,
  LocalWorkQueue,
  MemoryCache,
  createLogger,
  processMetrics,
  ServedModels,
  type AuditLog,
  type HandlerContext,
} from '@octroi/runtime';
import { ApplicantGroups } from '../src/applicant-groups.ts';
import { batchHandlers } from '../src/batch/batch-handlers.ts';
import { BatchStore } from '../src/batch/batch-store.ts';
import { CreditScorer } from '../src/credit-scorer.ts';
import { openOfficerBooks } from '../src/officer/handlers.ts';
import { ModelLifecycle } from '../src/model-lifecycle.ts';
import { LiveDecisions, MonitoringPublisher } from '../src/monitoring-feed.ts';
import { ObservationTally } from '../src/observations.ts';
import type { ScoringModel } from '../src/scoring-models.ts';
import { scoringService } from '../src/service.ts';

const log = createLogger('scoring-test', 'warn');
const context = (requestId: string, extra: Partial<HandlerContext> = {}): HandlerContext => ({
  requestId,
  principal: 'bank-app',
  log,
  instance: 'this-instance',
  instanceRunning: async () => true,
  request: () => Promise.reject(new Error('no bus here')),
  ...extra,
});

/** An audit log that can be made to fail, as a full disk would. */
class FlakyAuditLog implements AuditLog {
  readonly kind = 'file' as const;
  failing = false;
  constructor(private readonly inner: FileAuditLog) {}
  append<R extends AuditedRecord>(decisions: R[]) {
    return this.failing ? Promise.reject(new Error('audit log unavailable')) : this.inner.append(decisions);
  }
  get = (id: string) => this.inner.get(id);
  request = (id: string) => this.inner.request(id);
  entries = () => this.inner.entries();
  storageProblems = () => this.inner.storageProblems();
  close = () => this.inner.close();
}

const application = { ...EXAMPLE_APPLICATION };

/** The shipped model as the one model a replica serves, its decisions counted for a monitoring feed nobody reads. */
async function servedAlone(bundle: ModelBundle, scorer: CreditScorer) {
  const feed = {
    kind: 'file' as const,
    publish: async () => {},
    follow: async () => ({ caughtUp: Promise.resolve(), stop: async () => {} }),
    close: async () => {},
  };
  const live = new LiveDecisions(new MonitoringPublisher(new ObservationTally('test'), feed, log), {
    reference: scorer.driftReference(),
    featureNames: scorer.featureNames,
    groups: await ApplicantGroups.load(bundle),
  });
  const model: ScoringModel = { version: scorer.version, scorer, info: scorer.modelInfo(), live };
  return ServedModels.start({ champion: scorer.version }, { load: async () => model, log });
}

/** The lifecycle, for tests that do not change roles. */
const noRoleChanges = () => ({
  roles: new ModelLifecycle({
    catalogue: BundleCatalogue.fromEnvironment(),
    pointers: { get: async () => undefined, put: async () => undefined, delete: async () => {} },
    check: async () => undefined,
    record: async () => 'not recorded',
    applied: async () => {},
  }),
});

describe('the scoring service records every decision it makes', () => {
  let scorer: CreditScorer;
  let models: ServedModels<ScoringModel>;
  let clientIds: number[];
  let bundle: Awaited<ReturnType<typeof loadBundle>>;
  before(async () => {
    bundle = await loadBundle();
    scorer = await CreditScorer.load(bundle);
    models = await servedAlone(bundle, scorer);
    clientIds = [...(await loadApplicantFeatures(bundle)).ids].slice(0, 3);
  });

  /** A service on stores of its own: a fresh folder, a fresh audit file, a cache no other test reads. */
  const fresh = async (wrap: (audit: FileAuditLog) => AuditLog = (audit) => audit, using = scorer) => {
    const dir = mkdtempSync(join(tmpdir(), 'octroi-scoring-'));
    const store = FileStore.at(dir);
    const audit = wrap(FileAuditLog.at(join(dir, 'audit.jsonl')));
    const cache = new MemoryCache({ name: 'scoring', modelVersion: `test-${Math.random()}` }, processMetrics());
    const stores = {
      audit,
      decisionsOfRecord: await store.bucket('decisions-of-record'),
      idempotency: await store.bucket('idempotency'),
      cache,
      books: await openOfficerBooks(store, audit, { claimMinutes: 30 }),
    };
    const served = using === scorer ? models : await servedAlone(bundle, using);
    const batch = batchHandlers(
      new BatchStore(new FileObjectBucket(dir, 'batches'), await store.bucket('batch-jobs')),
      new LocalWorkQueue(log),
    );
    return { handlers: scoringService(served, stores, noRoleChanges(), batch).handlers, audit, cache };
  };

  test('decision ids are made by the service, whatever request id the caller sent', async () => {
    const { handlers, audit } = await fresh();
    const ask = (amount: number) =>
      handlers.scoreApplications({ applications: [{ ...application, AMT_INCOME_TOTAL: amount }] }, context('same-id'));
    const [one, two] = [(await ask(100000)).scores[0]!, (await ask(2000000)).scores[0]!];
    assert.ok(isDecisionId(one.decisionId!) && isDecisionId(two.decisionId!));
    assert.notEqual(one.decisionId, two.decisionId);
    for (const score of [one, two]) {
      const record = await audit.get(score.decisionId!);
      assert.equal(record?.kind, 'model');
      if (record?.kind !== 'model') continue;
      assert.equal(record?.probabilityOfDefault, score.probabilityOfDefault, 'each reads back with its own outcome');
      assert.equal(record?.requestId, 'same-id');
      assert.equal(record?.principal, 'bank-app');
      assert.match(record.featuresDigest, /^[0-9a-f]{64}$/);
    }
  });

  test("a batch's decisions share one request key and one entry of the audit log", async () => {
    const { handlers, audit } = await fresh();
    const applications = [1, 2, 3].map((i) => ({ ...application, AMT_INCOME_TOTAL: 100_000 * i }));
    const { scores } = await handlers.scoreApplications({ applications }, context('batch'));
    assert.equal(new Set(scores.map((score) => requestKeyOf(score.decisionId!))).size, 1);
    assert.deepEqual(
      (await audit.request(scores[2]!.decisionId!))?.map((record) => record.decisionId),
      scores.map((score) => score.decisionId),
    );
  });

  test('a known client is decided once per model version, even asked 50 times at once and with no cache', async () => {
    const { handlers, audit } = await fresh();
    const clientId = clientIds[0]!;
    const answers = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => handlers.scoreClient({ clientId }, context(`first-${i}`))),
    );
    assert.equal(new Set(answers.map((answer) => answer.decisionId)).size, 1);
    const verifier = new ChainVerifier();
    for await (const { entry, where } of audit.entries()) verifier.add(entry, where);
    const report = verifier.report();
    assert.equal(report.ok, true, report.problems.join('\n'));
    assert.equal(report.records, 1, 'one decision recorded');
    assert.equal((await audit.get(answers[0]!.decisionId!))?.clientId, clientId);
  });

  test('a decision the audit log did not take is neither answered nor kept; the next request decides', async () => {
    let flaky: FlakyAuditLog | undefined;
    const { handlers, audit } = await fresh((inner) => (flaky = new FlakyAuditLog(inner)));
    const clientId = clientIds[1]!;
    flaky!.failing = true;
    await assert.rejects(async () => handlers.scoreClient({ clientId }, context('lost')), /audit log unavailable/);
    flaky!.failing = false;
    const retried = await handlers.scoreClient({ clientId }, context('retried'));
    assert.equal((await audit.get(retried.decisionId!))?.requestId, 'retried');
  });

  test('an Idempotency-Key replays the recorded decisions; a different body under it is a conflict', async () => {
    const { handlers, audit } = await fresh();
    const keyed = (requestId: string, principal = 'bank-app') =>
      context(requestId, { idempotencyKey: 'order-17', principal });
    const first = await handlers.scoreApplications({ applications: [application] }, keyed('try-1'));
    const again = await handlers.scoreApplications({ applications: [application] }, keyed('try-2'));
    assert.deepEqual(again, first);
    await assert.rejects(
      async () =>
        handlers.scoreApplications({ applications: [{ ...application, AMT_INCOME_TOTAL: 123_456 }] }, keyed('try-3')),
      (err: Error & { code?: string }) => err.code === 'conflict' && /order-17/.test(err.message),
    );
    const otherCaller = await handlers.scoreApplications({ applications: [application] }, keyed('try-4', 'other'));
    assert.notEqual(otherCaller.scores[0]!.decisionId, first.scores[0]!.decisionId, 'keys are per principal');
    let records = 0;
    for await (const { entry } of audit.entries()) records += entry.records.length;
    assert.equal(records, 2, 'the replay recorded nothing');
  });

  test('a simulation is scored, never recorded', async () => {
    const { handlers, audit } = await fresh();
    const features = Array.from({ length: scorer.featureCount }, () => null);
    const simulated = await handlers.score({ features, simulation: true }, context('what-if'));
    assert.equal(simulated.decisionId, undefined);
    let entries = 0;
    for await (const _ of audit.entries()) entries++;
    assert.equal(entries, 0);
  });

  describe('referred decisions wait for an officer', () => {
    /** The shipped model with a referral band so wide that every decision is referred. */
    let referring: CreditScorer;
    before(async () => {
      const bundle = await loadBundle();
      referring = await CreditScorer.load({ ...bundle, policy: { ...bundle.policy, referral: { band: 1 } } });
    });

    test('only the referred decisions of a batch join the review queue', async () => {
      const { handlers } = await fresh();
      const applications = [1, 2, 4, 8, 16].map((i) => ({ ...application, AMT_CREDIT: 50_000 * i }));
      const { scores } = await handlers.scoreApplications({ applications }, context('batch'));
      const queue = await handlers.reviewQueue({}, context('queue'));
      const referred = scores.filter((score) => score.decision === 'referred').map((score) => score.decisionId);
      assert.deepEqual(
        queue.referrals.map((referral) => referral.decisionId),
        referred,
      );
    });

    test("a referred new application is queued with its fields; a known client's decision joins their history", async () => {
      const { handlers } = await fresh(undefined, referring);
      const withHistory = {
        ...application,
        bureau: [{ DAYS_CREDIT: -400, CREDIT_ACTIVE: 'Closed', CREDIT_TYPE: 'Consumer credit' }],
      };
      const { scores } = await handlers.scoreApplications({ applications: [withHistory] }, context('new'));
      assert.equal(scores[0]!.decision, 'referred');
      const clientId = clientIds[2]!;
      const known = await handlers.scoreClient({ clientId }, context('known'));
      await handlers.scoreClient({ clientId }, context('known-again'));

      const queue = await handlers.reviewQueue({}, context('queue'));
      assert.deepEqual(
        queue.referrals.map((referral) => [referral.decisionId, referral.clientId]),
        [
          [scores[0]!.decisionId, undefined],
          [known.decisionId, clientId],
        ],
      );
      const review = await handlers.review({ decisionId: scores[0]!.decisionId! }, context('review'));
      assert.equal(review.application?.['AMT_CREDIT'], application['AMT_CREDIT']);
      assert.deepEqual(review.historyRows, { bureau: 1 });
      const history = await handlers.decisionHistory({ clientId }, context('history'));
      assert.deepEqual(
        history.decisions.map((reviewed) => [reviewed.model.decisionId, reviewed.model.modelVersion]),
        [[known.decisionId, referring.version]],
      );
    });
  });
});
