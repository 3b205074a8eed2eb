import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OfficerDecision } from '@octroi/contracts';
import {
  isOverride,
  officerDecision,
  standingDecision,
  type ModelDecisionOfRecord,
} from '../src/officer/officer-decision.ts';
import { overridesReport, weekOf } from '../src/officer/overrides-report.ts';
import { OfficerLedger } from '../src/officer/officer-ledger.ts';
import { reviewQueue } from '../src/officer/review-queue.ts';

const refused: ModelDecisionOfRecord = {
  decisionId: 'd-1',
  clientId: 100002,
  decision: 'refused',
  modelVersion: '2026.11.29-abc',
  probabilityOfDefault: 0.31,
};
const alice = { username: 'alice', displayName: 'Alice Martin' };
const request = {
  decisionId: 'd-1',
  decision: 'granted' as const,
  reasonCode: 'additional-income' as const,
  justification: '  Second income of 1 800 € a month, payslips checked.  ',
};
const at = new Date('2026-11-26T10:00:00Z');

describe('officer decisions', () => {
  it('keep who decided, when, on which model version, and whether the model was overridden', () => {
    const decision = officerDecision(request, refused, alice, [], at);
    assert.deepEqual(decision, {
      officerDecisionId: 'd-1.1',
      decisionId: 'd-1',
      clientId: 100002,
      modelDecision: 'refused',
      modelVersion: '2026.11.29-abc',
      probabilityOfDefault: 0.31,
      decision: 'granted',
      override: true,
      reasonCode: 'additional-income',
      justification: 'Second income of 1 800 € a month, payslips checked.',
      officer: alice,
      time: '2026-11-26T10:00:00.000Z',
      sequence: 1,
    });
  });

  it('follow one another on the same decision without erasing the earlier ones', () => {
    const first = officerDecision(request, refused, alice, [], at);
    const second = officerDecision({ ...request, decision: 'refused' }, refused, alice, [first], at);
    assert.equal(second.sequence, 2);
    assert.equal(second.override, false);
    assert.deepEqual(standingDecision(refused, [second, first]), {
      decision: 'refused',
      by: 'officer',
      officer: alice,
    });
    assert.deepEqual(standingDecision(refused, []), { decision: 'refused', by: 'model' });
  });

  it('refuse a justification that is only blanks around a few words', () => {
    assert.throws(
      () => officerDecision({ ...request, justification: '   ok fine            ' }, refused, alice, [], at),
      (error: { code: string; field: string }) => error.code === 'bad_request' && error.field === 'justification',
    );
  });

  it('decide a referral without counting it as an override', () => {
    assert.equal(isOverride('referred', 'granted'), false);
    assert.equal(isOverride('referred', 'refused'), false);
    assert.equal(isOverride('granted', 'refused'), true);
  });
});

describe('review queue', () => {
  it('lists the undecided referrals, oldest first', () => {
    const referral = (decisionId: string, time: string) => ({
      decisionId,
      time,
      probabilityOfDefault: 0.2,
      modelVersion: 'v',
    });
    const queue = reviewQueue(
      [
        referral('c', '2026-11-29T09:00:00Z'),
        referral('a', '2026-11-28T09:00:00Z'),
        referral('b', '2026-11-27T09:00:00Z'),
      ],
      [{ decisionId: 'b' }],
    );
    assert.deepEqual(
      queue.map((r) => r.decisionId),
      ['a', 'c'],
    );
  });
});

describe('overrides report', () => {
  const decision = (username: string, override: boolean, reasonCode: OfficerDecision['reasonCode'], time: string) =>
    ({
      ...officerDecision(request, refused, { username, displayName: username }, [], new Date(time)),
      override,
      reasonCode,
    }) as OfficerDecision;

  it('gives the override rate by officer, by reason and by week', () => {
    const report = overridesReport([
      decision('alice', true, 'additional-income', '2026-11-23T10:00:00Z'),
      decision('alice', false, 'payment-incidents', '2026-11-25T10:00:00Z'),
      decision('bob', true, 'additional-income', '2026-11-30T10:00:00Z'),
    ]);
    assert.deepEqual({ decisions: report.decisions, overrides: report.overrides }, { decisions: 3, overrides: 2 });
    assert.deepEqual(
      report.byOfficer.map((o) => [o.group, o.rate]),
      [
        ['bob', 1],
        ['alice', 0.5],
      ],
    );
    assert.deepEqual(report.byReason[0], { group: 'additional-income', decisions: 2, overrides: 2, rate: 1 });
    assert.deepEqual(
      report.byWeek.map((w) => [w.group, w.decisions]),
      [
        ['2026-11-23', 2],
        ['2026-11-30', 1],
      ],
    );
  });

  it('puts a Sunday in the week that began on the Monday before', () => {
    assert.equal(weekOf('2026-11-29T23:00:00Z'), '2026-11-23');
    assert.equal(weekOf('2026-11-30T00:00:00Z'), '2026-11-30');
  });
});

/** A bucket in memory, with the create-if-absent rule of the durable store's buckets. */
function memoryBucket() {
  const entries = new Map<string, unknown>();
  return {
    async get<T>(key: string) {
      return entries.has(key) ? { value: entries.get(key) as T } : undefined;
    },
    async create<T>(key: string, value: T) {
      if (entries.has(key)) return { created: false };
      entries.set(key, value);
      return { created: true };
    },
    async keys(prefix = '') {
      return [...entries.keys()].filter((key) => key.startsWith(prefix));
    },
  };
}

describe('officer ledger', () => {
  it('queues a referral once, takes it off the queue once decided, and keeps every decision', async () => {
    const ledger = new OfficerLedger(memoryBucket(), memoryBucket());
    const referral = { decisionId: 'd-1', time: '2026-11-29T09:00:00Z', probabilityOfDefault: 0.2, modelVersion: 'v' };
    await ledger.refer(referral);
    await ledger.refer(referral);
    assert.deepEqual(await ledger.queue(), [referral]);
    const first = officerDecision(request, { ...refused, decision: 'referred' }, alice, [], at);
    await ledger.append(first);
    assert.deepEqual(await ledger.queue(), []);
    assert.deepEqual(await ledger.forDecision('d-1'), [first]);
  });

  it('lets only one of two officers deciding the same case at once take its place in the history', async () => {
    const ledger = new OfficerLedger(memoryBucket(), memoryBucket());
    const mine = officerDecision(request, refused, alice, [], at);
    const theirs = officerDecision(request, refused, { username: 'bob', displayName: 'Bob' }, [], at);
    await ledger.append(mine);
    await assert.rejects(ledger.append(theirs), (error: { code: string }) => error.code === 'conflict');
    assert.deepEqual(await ledger.all(), [mine]);
  });
});
