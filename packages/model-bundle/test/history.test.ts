import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HistoryAccumulator, historyValues, type HistoryRow } from '../src/history.ts';
import type { HistorySpec } from '../src/spec.ts';

/** A small history section using every kind of op; the shipped one is checked against Python by the vectors. */
const SPEC: HistorySpec = {
  tables: [
    {
      name: 'bureau',
      source: 'bureau',
      rows: [
        { name: 'ACTIVE', op: 'equals', inputs: ['CREDIT_ACTIVE'], values: ['Active'] },
        { name: 'DEBT', op: 'number', inputs: ['AMT_CREDIT_SUM_DEBT'] },
        { name: 'SUM', op: 'number', inputs: ['AMT_CREDIT_SUM'] },
      ],
      aggregates: [
        { name: 'CREDITS', op: 'count' },
        { name: 'ACTIVE_CREDITS', op: 'count', where: 'ACTIVE' },
        { name: 'DEBT_SUM', op: 'sum', input: 'DEBT' },
        { name: 'ACTIVE_DEBT_SUM', op: 'sum', input: 'DEBT', where: 'ACTIVE' },
        { name: 'CREDIT_SUM', op: 'sum', input: 'SUM' },
      ],
    },
    {
      name: 'bureau_balance',
      source: 'bureau',
      parent: { table: 'bureau', key: 'SK_ID_BUREAU' },
      rows: [
        { name: 'DELAY', op: 'lookup', inputs: ['STATUS'], map: { '1': 1, '5': 5 }, default: 0 },
        { name: 'LATE', op: 'compare', inputs: ['DELAY'], test: '>', value: 0 },
      ],
      aggregates: [
        { name: 'MONTHS', op: 'count' },
        { name: 'WORST', op: 'max', input: 'DELAY' },
        { name: 'LATE_SHARE', op: 'mean', input: 'LATE' },
      ],
    },
    {
      name: 'POS_CASH_balance',
      source: 'pos_cash',
      rows: [
        { name: 'MONTH', op: 'number', inputs: ['MONTHS_BALANCE'] },
        { name: 'LEFT', op: 'number', inputs: ['CNT_INSTALMENT_FUTURE'] },
        { name: 'LATEST', op: 'latest', inputs: ['MONTH'], by: 'SK_ID_PREV' },
        { name: 'EARLY', op: 'negate', inputs: ['LEFT'] },
        { name: 'EARLY_CLIPPED', op: 'clip', inputs: ['EARLY'], lower: 0 },
      ],
      aggregates: [
        { name: 'LOANS', op: 'count', where: 'LATEST' },
        { name: 'REMAINING', op: 'sum', input: 'LEFT', where: 'LATEST' },
        { name: 'FIRST_MONTH', op: 'min', input: 'MONTH' },
        { name: 'CLIPPED_MAX', op: 'max', input: 'EARLY_CLIPPED' },
      ],
    },
  ],
  combinations: [{ name: 'DEBT_RATIO', op: 'ratio', inputs: ['DEBT_SUM', 'CREDIT_SUM'] }],
};

const credit = (id: number, active: string, debt: number | null, sum = 100): HistoryRow => ({
  SK_ID_BUREAU: id,
  CREDIT_ACTIVE: active,
  AMT_CREDIT_SUM_DEBT: debt,
  AMT_CREDIT_SUM: sum,
});

describe('history aggregates of one applicant', () => {
  it('counts, sums and means over the rows where the condition holds', () => {
    const values = historyValues(SPEC, {
      bureau: [credit(1, 'Active', 30), credit(2, 'Closed', null), credit(3, 'Active', 12.5, 300)],
    });
    assert.equal(values.get('CREDITS'), 3);
    assert.equal(values.get('ACTIVE_CREDITS'), 2);
    assert.equal(values.get('DEBT_SUM'), 42.5, 'a missing debt is left out of the sum');
    assert.equal(values.get('DEBT_RATIO'), 42.5 / 500);
  });

  it('adds in row order, one by one, from zero: no compensated summation', () => {
    const debts = [1e10, 1e-7, -1e10, 1e-7].map((debt, i) => credit(i, 'Active', debt));
    const sum = historyValues(SPEC, { bureau: debts }).get('DEBT_SUM')!;
    assert.equal(sum, Math.fround(1e-7), 'the first 1e-7 is lost against 1e10, as the contract says');
    assert.notEqual(sum, 2 * Math.fround(1e-7), 'a compensated sum would have kept it');
  });

  it('reads numbers as float32, and text never as a number', () => {
    const values = historyValues(SPEC, { bureau: [credit(1, 'Active', 0.1), credit(2, 'Active', '7' as never)] });
    assert.equal(values.get('DEBT_SUM'), Math.fround(0.1));
  });

  it('an applicant without rows, or without a table, has every aggregate missing; a condition never met is 0 or missing', () => {
    const empty = historyValues(SPEC, { bureau: [] });
    for (const name of ['CREDITS', 'DEBT_SUM', 'MONTHS', 'LOANS']) assert.ok(Number.isNaN(empty.get(name)), name);
    const closed = historyValues(SPEC, { bureau: [credit(1, 'Closed', 5)] });
    assert.equal(closed.get('ACTIVE_CREDITS'), 0);
    assert.ok(Number.isNaN(closed.get('ACTIVE_DEBT_SUM')), 'no active credit: no sum of active debts');
  });

  it('monthly statuses belong to a known credit; others are left out', () => {
    const values = historyValues(SPEC, {
      bureau: [credit(1, 'Active', 1)],
      bureau_balance: [
        { SK_ID_BUREAU: 1, STATUS: '1' },
        { SK_ID_BUREAU: 1, STATUS: 'C' },
        { SK_ID_BUREAU: 9, STATUS: '5' },
        { SK_ID_BUREAU: '1', STATUS: '5' },
      ],
    });
    assert.equal(values.get('MONTHS'), 2);
    assert.equal(values.get('WORST'), 1);
    assert.equal(values.get('LATE_SHARE'), 0.5);
  });

  it('the latest snapshot of each loan, the later row on a tie; -0 comes out as +0', () => {
    const values = historyValues(SPEC, {
      POS_CASH_balance: [
        { SK_ID_PREV: 1, MONTHS_BALANCE: -5, CNT_INSTALMENT_FUTURE: 6 },
        { SK_ID_PREV: 1, MONTHS_BALANCE: -1, CNT_INSTALMENT_FUTURE: 2 },
        { SK_ID_PREV: 1, MONTHS_BALANCE: -1, CNT_INSTALMENT_FUTURE: 0 },
        { SK_ID_PREV: 2, MONTHS_BALANCE: -9, CNT_INSTALMENT_FUTURE: 4 },
        { SK_ID_PREV: null, MONTHS_BALANCE: 0, CNT_INSTALMENT_FUTURE: 100 },
      ],
    });
    assert.equal(values.get('LOANS'), 2);
    assert.equal(values.get('REMAINING'), 4, 'loan 1 ends with its later -1 row (0 left), loan 2 with 4');
    assert.equal(values.get('FIRST_MONTH'), -9);
    assert.ok(Object.is(values.get('CLIPPED_MAX'), 0), 'max of -0 values is +0');
  });
});

describe('history of many applicants streamed together', () => {
  it('gives each applicant what their own rows alone give', () => {
    const rowsOf: Array<Record<string, HistoryRow[]>> = [
      {
        bureau: [credit(11, 'Active', 0.1), credit(12, 'Closed', 0.2)],
        bureau_balance: [{ SK_ID_BUREAU: 12, STATUS: '5' }],
        POS_CASH_balance: [
          { SK_ID_PREV: 1, MONTHS_BALANCE: -2, CNT_INSTALMENT_FUTURE: 1 },
          { SK_ID_PREV: 1, MONTHS_BALANCE: -2, CNT_INSTALMENT_FUTURE: 3 },
        ],
      },
      { bureau: [credit(21, 'Active', 0.3)], POS_CASH_balance: [{ SK_ID_PREV: 1, MONTHS_BALANCE: -7 }] },
      {},
    ];
    const stream = new HistoryAccumulator(SPEC, rowsOf.length);
    for (const table of SPEC.tables) {
      // Interleaved as in a file: applicant 1's rows between applicant 0's.
      const rows = rowsOf.flatMap((tables, applicant) => (tables[table.name] ?? []).map((row) => ({ applicant, row })));
      rows.sort((a, b) => (a.applicant === b.applicant ? 0 : a.applicant === 1 ? -1 : 0));
      const owners = new Map(rowsOf.flatMap((t, a) => (t['bureau'] ?? []).map((c) => [c['SK_ID_BUREAU'], a])));
      const accumulate = stream.tables.get(table.name)!;
      const ownerOf = (r: { applicant: number; row: HistoryRow }) =>
        table.parent ? owners.get(r.row['SK_ID_BUREAU']) : r.applicant;
      if (accumulate.needsPreparation) for (const r of rows) accumulate.prepare(ownerOf(r)!, r.row);
      for (const r of rows) accumulate.add(ownerOf(r)!, r.row);
    }
    rowsOf.forEach((tables, applicant) => {
      const alone = historyValues(SPEC, tables);
      const together = stream.values(applicant);
      for (const [name, value] of alone) assert.ok(Object.is(together.get(name), value), `${applicant} ${name}`);
    });
    assert.equal(stream.values(0).get('REMAINING'), 3);
  });
});
