import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXAMPLE_APPLICATION, type ModelAuditRecord, type OfficerDecision } from '@octroi/contracts';
import {
  isOverride,
  officerDecisionOf,
  officerRecord,
  reviewedDecision,
  standingDecision,
  type ModelDecisionOfRecord,
} from '../src/officer/officer-decision.ts';
import { lastWeeks, overridesReport, weekOf } from '../src/officer/overrides-report.ts';
import { inQueueOrder, referralFile } from '../src/officer/review-queue.ts';

const refused: ModelDecisionOfRecord = {
  decisionId: 'd-1',
  clientId: 100002,
  decision: 'refused',
  modelVersion: '2026.11.29-abc',
  probabilityOfDefault: 0.31,
};
const alice = { username: 'alice', displayName: 'Alice Martin' };
const request = {
  decision: 'granted' as const,
  reasonCode: 'additional-income' as const,
  justification: '  Second income of 1 800 € a month, payslips checked.  ',
};
const at = new Date('2026-11-26T10:00:00Z');
const taking = (sequence = 1, time = at) => ({ decisionId: `o-${sequence}`, sequence, time, requestId: 'req-1' });

describe('officer decisions', () => {
  it('keep who decided, when, on which model decision and version, and whether the model was overridden', () => {
    const record = officerRecord(request, refused, alice, taking());
    assert.deepEqual(record, {
      kind: 'officer',
      decisionId: 'o-1',
      requestId: 'req-1',
      time: '2026-11-26T10:00:00.000Z',
      principal: 'alice',
      clientId: 100002,
      modelDecisionId: 'd-1',
      modelDecision: 'refused',
      modelVersion: '2026.11.29-abc',
      decision: 'granted',
      override: true,
      reasonCode: 'additional-income',
      justification: 'Second income of 1 800 € a month, payslips checked.',
      officer: alice,
      sequence: 1,
    });
    const decision = officerDecisionOf(record, refused);
    assert.equal(decision.officerDecisionId, 'o-1');
    assert.equal(decision.decisionId, 'd-1', "the API names the model's decision it reviews");
    assert.equal(decision.probabilityOfDefault, 0.31);
  });

  it('follow one another on the same decision without erasing the earlier ones', () => {
    const first = officerDecisionOf(officerRecord(request, refused, alice, taking(1)), refused);
    const bob = { username: 'bob', displayName: 'Bob' };
    const second = officerDecisionOf(
      officerRecord({ ...request, decision: 'refused' }, refused, bob, taking(2)),
      refused,
    );
    assert.equal(second.override, false);
    assert.deepEqual(standingDecision(refused, [second, first]), { decision: 'refused', by: 'officer', officer: bob });
    assert.deepEqual(standingDecision(refused, []), { decision: 'refused', by: 'model' });
    const summary = { ...refused, time: at.toISOString(), threshold: 0.3, decisionId: 'd-1' };
    const reviewed = reviewedDecision(summary, [second, first], 3);
    assert.deepEqual(
      reviewed.officerDecisions.map((d) => d.sequence),
      [1, 2],
      'oldest first',
    );
    assert.equal(reviewed.nextSequence, 3);
  });

  it('refuse a justification that is only blanks around a few words', () => {
    assert.throws(
      () => officerRecord({ ...request, justification: '   ok fine            ' }, refused, alice, taking()),
      (error: { code: string; field: string }) => error.code === 'bad_request' && error.field === 'justification',
    );
  });

  it('decide a referral without counting it as an override', () => {
    assert.equal(isOverride('referred', 'granted'), false);
    assert.equal(isOverride('referred', 'refused'), false);
    assert.equal(isOverride('granted', 'refused'), true);
    assert.equal(isOverride('granted', 'granted'), false);
  });
});

describe('review queue', () => {
  it('puts decision ids made earlier first (UUIDv7 are time-ordered)', () => {
    const ids = [
      '019ad0a0-0000-7000-8000-000000000000',
      '0199a0a0-0000-7000-8000-000000000000',
      '019ad0a0-0000-7000-8000-000000000001',
    ];
    assert.deepEqual(inQueueOrder(ids), [ids[1], ids[0], ids[2]]);
  });

  it("keeps a new application's fields for the officer and counts its history rows", () => {
    const record = {
      kind: 'model',
      decisionId: 'd-2',
      time: at.toISOString(),
      probabilityOfDefault: 0.5,
      threshold: 0.5,
      modelVersion: 'v',
      decision: 'referred',
    } as ModelAuditRecord;
    const application = { ...EXAMPLE_APPLICATION, bureau: [{ DAYS_CREDIT: -100 }, { DAYS_CREDIT: -300 }] };
    const file = referralFile(record, application);
    assert.equal(file.application?.['AMT_CREDIT'], EXAMPLE_APPLICATION['AMT_CREDIT']);
    assert.equal(file.application?.['bureau'], undefined);
    assert.deepEqual(file.historyRows, { bureau: 2 });
    assert.deepEqual(referralFile(record).referral.decisionId, 'd-2');
    assert.equal(referralFile(record).application, undefined);
  });
});

describe('overrides report', () => {
  const decision = (username: string, override: boolean, reasonCode: OfficerDecision['reasonCode'], time: string) => ({
    ...officerDecisionOf(
      officerRecord(request, refused, { username, displayName: username }, taking(1, new Date(time))),
      refused,
    ),
    override,
    reasonCode,
  });
  const now = new Date('2026-12-02T12:00:00Z');

  it('gives the override rate by officer, by reason and for every week of the period', () => {
    const report = overridesReport(
      [
        decision('alice', true, 'additional-income', '2026-11-23T10:00:00Z'),
        decision('alice', false, 'payment-incidents', '2026-11-25T10:00:00Z'),
        decision('bob', true, 'additional-income', '2026-11-30T10:00:00Z'),
        decision('bob', false, 'debt-burden', '2026-10-01T10:00:00Z'),
      ],
      3,
      now,
    );
    assert.deepEqual(
      { decisions: report.decisions, overrides: report.overrides, since: report.since },
      { decisions: 3, overrides: 2, since: '2026-11-16' },
      'the October decision is before the three weeks',
    );
    assert.deepEqual(
      report.byOfficer.map((o) => [o.group, o.rate]),
      [
        ['bob', 1],
        ['alice', 0.5],
      ],
    );
    assert.deepEqual(report.byReason[0], { group: 'additional-income', decisions: 2, overrides: 2, rate: 1 });
    assert.deepEqual(
      report.byWeek.map((w) => [w.group, w.decisions, w.rate]),
      [
        ['2026-11-16', 0, 0],
        ['2026-11-23', 2, 0.5],
        ['2026-11-30', 1, 1],
      ],
    );
  });

  it('puts a Sunday in the week that began on the Monday before', () => {
    assert.equal(weekOf('2026-11-29T23:00:00Z'), '2026-11-23');
    assert.equal(weekOf('2026-11-30T00:00:00Z'), '2026-11-30');
    assert.deepEqual(lastWeeks(2, new Date('2026-11-30T00:00:00Z')), ['2026-11-23', '2026-11-30']);
  });
});
