import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import {
  loadApplicantFeatures,
  loadApplicantRecords,
  loadBundle,
  type ApplicantFeatures,
  type ApplicantRecords,
} from '../src/index.ts';
import { TINY_SIZE, tinyClientId, writeTinyBundle } from '../src/testing/index.ts';

let features: ApplicantFeatures;
let records: ApplicantRecords;

before(async () => {
  const bundle = await loadBundle(await writeTinyBundle());
  [features, records] = await Promise.all([loadApplicantFeatures(bundle), loadApplicantRecords(bundle)]);
});

describe('loadApplicantFeatures', () => {
  it('finds a client by id, and -1 for an id it does not know', () => {
    assert.equal(features.size, TINY_SIZE);
    assert.equal(features.rowOf(tinyClientId(0)), 0);
    assert.equal(features.rowOf(tinyClientId(45)), 45);
    assert.equal(features.rowOf(100033), -1, 'inside the gap of ids');
    assert.equal(features.rowOf(1), -1);
    assert.equal(features.rowOf(100002.5), -1);
  });

  it('gives each row as a view on one row-major matrix', () => {
    const row = features.features(3);
    assert.equal(row.length, features.featureCount);
    assert.equal(row.buffer, features.matrix.buffer);
    assert.equal(row.byteOffset, 3 * features.featureCount * 4);
    assert.deepEqual(
      Array.from(row),
      Array.from(features.matrix.subarray(3 * features.featureCount, 4 * features.featureCount)),
    );
  });

  it('reads a column back in row order, and nothing for an unknown feature', () => {
    const age = features.column('AGE_YEARS')!;
    assert.equal(age.length, TINY_SIZE);
    assert.equal(age[7], features.features(7)[2]);
    assert.equal(features.column('NO_SUCH_FEATURE'), undefined);
  });

  it('keeps missing values as NaN and unknown outcomes as NaN', () => {
    const bureau = features.column('BUREAU_ACTIVE_COUNT')!;
    assert.ok(bureau.some(Number.isNaN));
    assert.ok([0, 1].includes(features.target(0)));
    assert.ok(Number.isNaN(features.target(TINY_SIZE - 1)));
    assert.ok(features.probability(0) > 0 && features.probability(0) < 1);
  });
});

describe('loadApplicantRecords', () => {
  it('gives the raw application with strings decoded and nulls for missing fields', () => {
    const rows = Array.from({ length: TINY_SIZE }, (_, row) => records.raw(row));
    assert.ok(!('SK_ID_CURR' in rows[0]!) && !('TARGET' in rows[0]!));
    assert.ok(
      rows.every(
        (raw) => raw['NAME_CONTRACT_TYPE'] === 'Cash loans' || raw['NAME_CONTRACT_TYPE'] === 'Revolving loans',
      ),
    );
    assert.ok(
      rows.some((raw) => raw['OCCUPATION_TYPE'] === null),
      'a missing string',
    );
    assert.ok(
      rows.some((raw) => raw['EXT_SOURCE_1'] === null),
      'a null number',
    );
    assert.equal(typeof rows[0]!['AMT_CREDIT'], 'number');
  });

  it('decodes a text column into codes and categories, -1 for missing', () => {
    const occupation = records.column('OCCUPATION_TYPE');
    assert.equal(occupation?.kind, 'string');
    if (occupation?.kind !== 'string') return;
    const row = Array.from(occupation.codes).indexOf(-1);
    assert.equal(records.raw(row)['OCCUPATION_TYPE'], null);
    const known = Array.from(occupation.codes).findIndex((code) => code >= 0);
    assert.equal(records.raw(known)['OCCUPATION_TYPE'], occupation.categories[occupation.codes[known]!]);
  });

  it('decodes a number column with NaN for null', () => {
    const ext = records.column('EXT_SOURCE_1');
    assert.equal(ext?.kind, 'number');
    if (ext?.kind !== 'number') return;
    assert.ok(ext.values.some(Number.isNaN));
    assert.equal(records.column('SK_ID_CURR'), undefined, 'the id is not a field');
  });

  it('reads the known outcome, NaN when it is null', () => {
    assert.ok([0, 1].includes(records.target(records.rowOf(tinyClientId(0)))));
    assert.ok(Number.isNaN(records.target(records.rowOf(tinyClientId(TINY_SIZE - 1)))));
  });
});
