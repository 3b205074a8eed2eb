import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '@octroi/model-bundle';
import { TINY_SIZE, TINY_THRESHOLD, tinyClientId } from '@octroi/model-bundle/testing';
import { fallbackGroup, fieldLabel } from '../src/index.ts';
import { tinyDirectory } from './directory.ts';

describe('ClientsDirectory.get', () => {
  it('groups the application in reading order, labelled in French by default', async () => {
    const record = (await tinyDirectory()).get(tinyClientId(0));
    assert.deepEqual(
      record.groups.map((g) => g.group),
      ['identity', 'family', 'income_credit', 'employment', 'housing', 'external_scores', 'documents', 'contact'],
    );
    const income = record.groups.find((g) => g.group === 'income_credit')!;
    assert.equal(income.label, 'Revenus et crédit');
    const credit = income.fields.find((f) => f.name === 'AMT_CREDIT')!;
    assert.equal(credit.label, 'Montant du prêt');
    // A field that is also a model feature goes by the model's name for it, as in the reasons.
    const annuity = income.fields.find((f) => f.name === 'AMT_ANNUITY')!;
    assert.equal(annuity.label, 'Annuité');
    assert.equal(credit.description, 'Credit amount of the loan');
    assert.equal(typeof credit.value, 'number');
  });

  it('labels in English on request and places a field without group by its name', async () => {
    const record = (await tinyDirectory()).get(tinyClientId(1), 'en');
    const employment = record.groups.find((g) => g.group === 'employment')!;
    assert.equal(employment.label, 'Employment');
    assert.deepEqual(
      employment.fields.map((f) => [f.name, f.label]),
      [
        ['DAYS_EMPLOYED', 'Employed since (days)'],
        ['OCCUPATION_TYPE', 'Occupation'],
      ],
    );
  });

  it('gives the score, the decision at the bundle threshold and the known outcome', async () => {
    const directory = await tinyDirectory();
    const records = Array.from({ length: TINY_SIZE }, (_, row) => directory.get(tinyClientId(row)));
    for (const record of records) {
      assert.equal(record.decision, record.probabilityOfDefault >= TINY_THRESHOLD ? 'refused' : 'granted');
    }
    assert.ok(records.slice(0, 40).every((r) => r.knownOutcome === 'repaid' || r.knownOutcome === 'defaulted'));
    assert.ok(records.slice(40).every((r) => r.knownOutcome === null));
    assert.ok(new Set(records.map((r) => r.decision)).size === 2, 'both decisions occur');
  });

  it('answers not_found for an unknown client', async () => {
    const directory = await tinyDirectory();
    assert.throws(
      () => directory.get(100033),
      (error: DomainError) => error.code === 'not_found' && /100033/.test(error.message),
    );
  });
});

describe('ClientsDirectory.features', () => {
  it('gives the model input with null for missing, and the raw application', async () => {
    const directory = await tinyDirectory();
    const all = Array.from({ length: TINY_SIZE }, (_, row) => directory.features(tinyClientId(row)));
    assert.equal(all[0]!.features.length, 6);
    assert.ok(all.some((f) => f.features[4] === null));
    assert.ok(all.every((f) => typeof f.raw['AMT_INCOME_TOTAL'] === 'number'));
  });
});

describe('field labels and groups', () => {
  it('reads Home Credit column families', () => {
    assert.equal(fieldLabel('FLAG_DOCUMENT_7', 'fr'), 'Document 7 fourni');
    assert.equal(fieldLabel('LIVINGAREA_MEDI', 'en'), 'Building living area (median)');
    assert.equal(fieldLabel('AMT_REQ_CREDIT_BUREAU_QRT', 'en'), 'Credit bureau enquiries (last quarter)');
    assert.equal(fieldLabel('SOMETHING_NEW', 'fr'), 'SOMETHING_NEW');
  });

  it('places a column without a group by its name', () => {
    const groups = [
      'EXT_SOURCE_3',
      'FLAG_DOCUMENT_2',
      'FLAG_EMAIL',
      'DAYS_BIRTH',
      'CNT_CHILDREN',
      'AMT_GOODS_PRICE',
      'ORGANIZATION_TYPE',
      'APARTMENTS_AVG',
      'WEEKDAY_APPR_PROCESS_START',
    ].map(fallbackGroup);
    assert.deepEqual(groups, [
      'external_scores',
      'documents',
      'contact',
      'identity',
      'family',
      'income_credit',
      'employment',
      'housing',
      'other',
    ]);
  });
});
