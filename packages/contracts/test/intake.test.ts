import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Value } from '@sinclair/typebox/value';
import {
  EXAMPLE_APPLICATION,
  FIELD_RULES,
  MAX_PROBLEMS,
  NewApplication,
  OctroiError,
  describeRule,
  validateNewApplication,
  type FieldProblem,
  type IntakeField,
} from '../src/index.ts';

/** A vocabulary like a feature specification's: the example's fields plus a few others, two with categories. */
const FIELDS: IntakeField[] = (<IntakeField[]>[
  ...Object.entries(EXAMPLE_APPLICATION).map(([name, value]) => ({
    name,
    type: typeof value === 'number' ? 'number' : 'string',
  })),
  { name: 'SK_ID_CURR', type: 'number' },
  { name: 'EXT_SOURCE_1', type: 'number' },
  { name: 'DAYS_REGISTRATION', type: 'number' },
  { name: 'DAYS_ID_PUBLISH', type: 'number' },
  { name: 'FLAG_DOCUMENT_3', type: 'number' },
  { name: 'LIVINGAREA_AVG', type: 'number' },
]).map((field) =>
  field.name === 'NAME_CONTRACT_TYPE'
    ? { ...field, categories: ['Cash loans', 'Revolving loans'] }
    : field.name === 'NAME_INCOME_TYPE'
      ? { ...field, categories: ['Working', 'Pensioner'] }
      : field,
);

const check = (changes: Record<string, unknown>) =>
  validateNewApplication(FIELDS, { ...EXAMPLE_APPLICATION, ...changes });
const rules = (problems: FieldProblem[]) => problems.map((p) => `${p.field} ${p.rule}`).sort();
const sameRules = (actual: string[], expected: string[], message?: string) =>
  assert.deepEqual(actual, [...expected].sort(), message);
const YEAR = 365.25;

describe('intake validation of the application fields', () => {
  test('the example application is valid, and so are missing optional fields', () => {
    assert.deepEqual(check({}), []);
    assert.deepEqual(check({ EXT_SOURCE_2: null, AMT_GOODS_PRICE: null, CODE_GENDER: null }), []);
  });

  test('required fields: absent or null', () => {
    sameRules(rules(check({ AMT_CREDIT: null, NAME_CONTRACT_TYPE: undefined })), [
      'NAME_CONTRACT_TYPE required',
      'AMT_CREDIT required',
    ]);
  });

  test('types, categories, unknown fields', () => {
    sameRules(
      rules(check({ AMT_CREDIT: '500000', NAME_INCOME_TYPE: 'Lottery', NAME_CONTRACT_TYPE: 1, COLOUR: 'blue' })),
      ['AMT_CREDIT type', 'NAME_INCOME_TYPE category', 'NAME_CONTRACT_TYPE type', 'COLOUR unknown_field'],
    );
    assert.deepEqual(check({ NAME_INCOME_TYPE: 'Lottery' })[0]?.params, { allowed: 'Working, Pensioner' });
    sameRules(rules(check({ AMT_INCOME_TOTAL: Number.NaN, AMT_CREDIT: Number.POSITIVE_INFINITY })), [
      'AMT_INCOME_TOTAL type',
      'AMT_CREDIT type',
    ]);
  });

  test('amounts: more than zero and plausible', () => {
    sameRules(rules(check({ AMT_INCOME_TOTAL: 0 })), ['AMT_INCOME_TOTAL min']);
    sameRules(rules(check({ AMT_CREDIT: 5, AMT_ANNUITY: 1 })), ['AMT_CREDIT min', 'AMT_ANNUITY min']);
    sameRules(rules(check({ AMT_CREDIT: -5 })), ['AMT_CREDIT min'], 'no second problem for the annuity');
    sameRules(rules(check({ AMT_INCOME_TOTAL: 1e9, AMT_GOODS_PRICE: 1e12 })), [
      'AMT_INCOME_TOTAL max',
      'AMT_GOODS_PRICE max',
    ]);
  });

  test('age between 18 and 100 on the application date', () => {
    sameRules(rules(check({ DAYS_BIRTH: -12 * 365 })), ['DAYS_BIRTH age_range']);
    sameRules(rules(check({ DAYS_BIRTH: -Math.floor(17.99 * YEAR), DAYS_EMPLOYED: null })), ['DAYS_BIRTH age_range']);
    assert.deepEqual(check({ DAYS_BIRTH: -Math.ceil(18 * YEAR), DAYS_EMPLOYED: null }), []);
    assert.deepEqual(check({ DAYS_BIRTH: -Math.floor(100 * YEAR), DAYS_EMPLOYED: null }), []);
    sameRules(rules(check({ DAYS_BIRTH: -Math.ceil(100.01 * YEAR) })), ['DAYS_BIRTH age_range']);
    sameRules(rules(check({ DAYS_BIRTH: 100 })), ['DAYS_BIRTH age_range'], 'a birth after the application');
  });

  test('rules between fields', () => {
    sameRules(rules(check({ AMT_ANNUITY: 600_000 })), ['AMT_ANNUITY annuity_le_credit']);
    assert.deepEqual(check({ AMT_ANNUITY: EXAMPLE_APPLICATION.AMT_CREDIT }), [], 'equal is allowed');
    sameRules(rules(check({ CNT_CHILDREN: 3, CNT_FAM_MEMBERS: 3 })), ['CNT_FAM_MEMBERS family_size']);
    assert.deepEqual(check({ CNT_CHILDREN: 3, CNT_FAM_MEMBERS: 3 })[0]?.params, { min: 4 });
    // Born 30 years ago: a job of 15 years started at 15, one of 13 years at 17.
    const birth = -Math.round(30 * YEAR);
    sameRules(rules(check({ DAYS_BIRTH: birth, DAYS_EMPLOYED: -Math.round(15 * YEAR) })), [
      'DAYS_EMPLOYED working_life',
    ]);
    assert.deepEqual(check({ DAYS_BIRTH: birth, DAYS_EMPLOYED: -Math.round(13 * YEAR) }), []);
    assert.deepEqual(check({ DAYS_EMPLOYED: 365243 }), [], 'the documented "no current job" placeholder');
    sameRules(rules(check({ DAYS_EMPLOYED: 10 })), ['DAYS_EMPLOYED max'], 'a job starting in the future');
    sameRules(rules(check({ DAYS_BIRTH: birth, DAYS_REGISTRATION: birth - 1, DAYS_ID_PUBLISH: birth })), [
      'DAYS_REGISTRATION after_birth',
    ]);
  });

  test('whole numbers and flags', () => {
    sameRules(rules(check({ CNT_CHILDREN: 1.5, FLAG_DOCUMENT_3: 2, LIVINGAREA_AVG: 1.2 })), [
      'CNT_CHILDREN integer',
      'FLAG_DOCUMENT_3 max',
      'LIVINGAREA_AVG max',
    ]);
  });

  test('a body that is not an object, and a prefix for batches', () => {
    sameRules(rules(validateNewApplication(FIELDS, [1, 2])), [' type']);
    const inBatch = validateNewApplication(FIELDS, { ...EXAMPLE_APPLICATION, AMT_CREDIT: 5 }, 'applications.3');
    sameRules(rules(inBatch), ['applications.3.AMT_CREDIT min']);
    assert.equal(inBatch[0]?.message, 'applications.3.AMT_CREDIT: must be at least 4,500');
  });
});

describe('intake validation of the history tables', () => {
  const bureau = { SK_ID_BUREAU: 11, CREDIT_ACTIVE: 'Active', CREDIT_TYPE: 'Consumer credit', DAYS_CREDIT: -400 };

  test('valid rows of every table pass', () => {
    assert.deepEqual(
      check({
        SK_ID_CURR: 100002,
        bureau: [bureau, { ...bureau, SK_ID_BUREAU: 12, CREDIT_ACTIVE: 'Closed' }],
        bureau_balance: [{ SK_ID_BUREAU: 11, MONTHS_BALANCE: -1, STATUS: '0' }],
        previous_application: [
          { SK_ID_CURR: 100002, NAME_CONTRACT_TYPE: 'Cash loans', NAME_CONTRACT_STATUS: 'Refused', DAYS_DECISION: -30 },
        ],
        POS_CASH_balance: [{ SK_ID_PREV: 5, MONTHS_BALANCE: -2, NAME_CONTRACT_STATUS: 'Active', SK_DPD: 0 }],
        installments_payments: [{ DAYS_INSTALMENT: -40, DAYS_ENTRY_PAYMENT: null, AMT_INSTALMENT: 1000 }],
        credit_card_balance: [{ MONTHS_BALANCE: -1, AMT_BALANCE: -20 }],
      }),
      [],
    );
  });

  test('each bad cell is named by table, row and column', () => {
    sameRules(
      rules(
        check({
          bureau: [bureau, { ...bureau, CREDIT_ACTIVE: 'Forgotten', DAYS_CREDIT: 30, AMT_CREDIT_SUM: 'much', NOPE: 1 }],
          installments_payments: [{ AMT_INSTALMENT: -1 }],
        }),
      ),
      [
        'bureau.1.CREDIT_ACTIVE category',
        'bureau.1.DAYS_CREDIT max',
        'bureau.1.AMT_CREDIT_SUM type',
        'bureau.1.NOPE unknown_field',
        'bureau.1.SK_ID_BUREAU duplicate_id',
        'installments_payments.0.AMT_INSTALMENT min',
        'installments_payments.0.DAYS_INSTALMENT required',
      ].sort(),
    );
  });

  test('tables and rows of the wrong shape', () => {
    sameRules(rules(check({ bureau: { 0: bureau }, credit_card_balance: [7] })), [
      'bureau type',
      'credit_card_balance.0 type',
    ]);
    sameRules(rules(check({ bureau: Array.from({ length: 5001 }, () => bureau) })), ['bureau too_many_rows']);
  });

  test('the rows belong to one applicant, and monthly statuses to a known credit', () => {
    sameRules(
      rules(
        check({
          SK_ID_CURR: 7,
          bureau: [{ ...bureau, SK_ID_CURR: 8 }],
          bureau_balance: [{ SK_ID_BUREAU: 99, MONTHS_BALANCE: 0, STATUS: 'X' }],
        }),
      ),
      ['bureau.0.SK_ID_CURR other_client', 'bureau_balance.0.SK_ID_BUREAU unknown_credit'],
    );
  });
});

describe('problems in answers', () => {
  test('a rule has an English sentence for every code, quoting its figures', () => {
    for (const rule of FIELD_RULES) assert.ok(describeRule(rule, { min: 1, max: 2 }).length > 5, rule);
    assert.equal(describeRule('min', { min: 4500 }), 'must be at least 4,500');
  });

  test('an invalid application becomes a 400 listing every problem, the first repeated on top', () => {
    const problems = check({ AMT_CREDIT: 5, AMT_INCOME_TOTAL: 0 });
    const error = OctroiError.invalid(problems);
    assert.equal(error.code, 'bad_request');
    assert.equal(error.field, 'AMT_CREDIT', 'in the order of the application');
    assert.match(error.message, /^AMT_CREDIT: must be at least 4,500 \(and 1 more, listed in errors\)$/);
    assert.deepEqual(OctroiError.from(error.toBody()).errors, problems, 'the list travels through an error body');
  });

  test('a file with thousands of bad rows gets a bounded answer that says how many were left out', () => {
    const rows = Array.from({ length: 1000 }, () => ({ AMT_INSTALMENT: -1 }));
    const problems = check({ installments_payments: rows });
    assert.equal(problems.length, MAX_PROBLEMS);
    assert.deepEqual(problems.at(-1)?.params, { more: 2000 - (MAX_PROBLEMS - 1) });
  });

  test('the schema takes the shape of a new application and leaves the rules to the validation', () => {
    assert.ok(Value.Check(NewApplication, { ...EXAMPLE_APPLICATION, bureau: [{ DAYS_CREDIT: -1 }] }));
    assert.ok(Value.Check(NewApplication, {}), 'an empty application is refused by the rules, listing every field');
    assert.ok(!Value.Check(NewApplication, { AMT_CREDIT: { nested: 1 } }));
    assert.ok(!Value.Check(NewApplication, { bureau: 'rows' }));
  });
});
