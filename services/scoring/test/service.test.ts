import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { EXAMPLE_APPLICATION, type AuditRecord } from '@octroi/contracts';
import { loadApplicantFeatures, loadBundle } from '@octroi/model-bundle';
import {
  FileAuditLog,
  MemoryCache,
  createLogger,
  processMetrics,
  type AuditLog,
  type HandlerContext,
} from '@octroi/runtime';
import { CreditScorer } from '../src/credit-scorer.ts';
import { scoringService } from '../src/service.ts';

const log = createLogger('scoring-test', 'warn');
const context = (requestId: string): HandlerContext => ({
  requestId,
  log,
  request: () => Promise.reject(new Error('no bus here')),
});

/** A file audit log that can be made to fail, as a full disk or a lost JetStream would. */
class FlakyAuditLog implements AuditLog {
  readonly kind = 'file' as const;
  failing = false;
  constructor(private readonly inner: FileAuditLog) {}
  append(records: AuditRecord[]) {
    return this.failing ? Promise.reject(new Error('audit log unavailable')) : this.inner.append(records);
  }
  get(decisionId: string) {
    return this.inner.get(decisionId);
  }
  close() {
    return this.inner.close();
  }
}

describe("the scoring service's decisions on known clients", () => {
  let scorer: CreditScorer;
  let clientIds: number[];
  before(async () => {
    const bundle = await loadBundle();
    scorer = await CreditScorer.load(bundle);
    clientIds = [...(await loadApplicantFeatures(bundle)).ids].slice(0, 3);
  });

  const serviceWith = (audit: AuditLog) => {
    // A model version of its own, so no other test's entries are read.
    const cache = new MemoryCache({ name: 'scoring', modelVersion: `test-${Math.random()}` }, processMetrics());
    return scoringService(scorer, cache, audit).handlers;
  };
  const auditFile = () => new FileAuditLog(join(mkdtempSync(join(tmpdir(), 'octroi-scoring-')), 'decisions.jsonl'));

  test('a decision is made once per client and model version; asked again, the recorded one is answered', async () => {
    const audit = auditFile();
    const handlers = serviceWith(audit);
    const clientId = clientIds[0]!;
    const first = await handlers.scoreClient({ clientId }, context('request-1'));
    const again = await handlers.scoreClient({ clientId }, context('request-2'));
    assert.equal(first.decisionId, 'request-1');
    assert.deepEqual(again, first);
    assert.equal(await audit.get('request-2'), undefined, 'no second decision');
    const recorded = await audit.get('request-1');
    assert.equal(recorded?.clientId, clientId);
    assert.equal(recorded?.probabilityOfDefault, first.probabilityOfDefault);
    await audit.close();
  });

  test('a decision the audit log did not take is neither answered nor kept', async () => {
    const audit = new FlakyAuditLog(auditFile());
    const handlers = serviceWith(audit);
    const clientId = clientIds[1]!;
    audit.failing = true;
    await assert.rejects(async () => handlers.scoreClient({ clientId }, context('lost')), /audit log unavailable/);
    audit.failing = false;
    const retried = await handlers.scoreClient({ clientId }, context('retried'));
    assert.equal(retried.decisionId, 'retried', 'decided afresh, not read from the cache');
    assert.equal((await audit.get('retried'))?.clientId, clientId);
    await audit.close();
  });

  test('new applications are decided and recorded on every request', async () => {
    const audit = auditFile();
    const handlers = serviceWith(audit);
    const application = { ...EXAMPLE_APPLICATION };
    const [first] = (await handlers.scoreApplications({ applications: [application] }, context('new-1'))).scores;
    const [second] = (await handlers.scoreApplications({ applications: [application] }, context('new-2'))).scores;
    assert.equal(first!.decisionId, 'new-1');
    assert.equal(second!.decisionId, 'new-2');
    assert.ok((await audit.get('new-1')) && (await audit.get('new-2')));
    await audit.close();
  });
});
