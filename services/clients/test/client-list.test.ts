import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TINY_SIZE, TINY_THRESHOLD, tinyClientId } from '@octroi/model-bundle/testing';
import { idPrefixRanges } from '../src/id-prefix.ts';
import { tinyDirectory } from './directory.ts';

describe('ClientsDirectory.list', () => {
  it('pages through every client in id order', async () => {
    const directory = await tinyDirectory();
    const first = directory.list({ page: 1, pageSize: 25 });
    const last = directory.list({ page: 3, pageSize: 25 });
    assert.equal(first.total, TINY_SIZE);
    assert.equal(first.items.length, 25);
    assert.equal(last.items.length, 10);
    assert.equal(first.items[0]!.clientId, tinyClientId(0));
    assert.equal(last.items.at(-1)!.clientId, tinyClientId(TINY_SIZE - 1));
    assert.equal(directory.list({ page: 4, pageSize: 25 }).items.length, 0);
  });

  it('sorts by a column in either direction across pages, clients without a value last, the filters kept', async () => {
    const directory = await tinyDirectory();
    const everyone = directory.list({ page: 1, pageSize: 200 }).items;
    const pages = (query: Partial<Parameters<typeof directory.list>[0]>) =>
      [1, 2, 3].flatMap((page) => directory.list({ page, pageSize: 25, ...query }).items);
    const byRisk = pages({ sort: 'probabilityOfDefault', order: 'desc' });
    const expected = [...everyone].sort(
      (a, b) => b.probabilityOfDefault - a.probabilityOfDefault || a.clientId - b.clientId,
    );
    assert.deepEqual(
      byRisk.map((c) => c.clientId),
      expected.map((c) => c.clientId),
    );
    const byIncome = pages({ sort: 'incomeTotal', order: 'asc' });
    const incomes = byIncome.map((c) => c.incomeTotal);
    const known = incomes.filter((income) => income !== null);
    assert.deepEqual(
      known,
      [...known].sort((a, b) => a - b),
    );
    assert.deepEqual(incomes.slice(known.length), Array(incomes.length - known.length).fill(null));
    const refusedByAge = directory.list({
      page: 1,
      pageSize: 200,
      decision: 'refused',
      sort: 'ageYears',
      order: 'desc',
    });
    assert.ok(refusedByAge.items.every((c) => c.decision === 'refused'));
    assert.equal(refusedByAge.total, everyone.filter((c) => c.decision === 'refused').length);
    const ages = refusedByAge.items.map((c) => c.ageYears ?? -1);
    assert.deepEqual(
      ages,
      [...ages].sort((a, b) => b - a),
    );
  });

  it('summarises a client as the list shows it', async () => {
    const [summary] = (await tinyDirectory()).list({ page: 1, pageSize: 1 }).items;
    assert.ok(summary);
    assert.equal('gender' in summary, false, 'gender is not shown in the list');
    assert.ok(summary.ageYears !== null && summary.ageYears >= 21 && summary.ageYears <= 66);
    assert.equal(typeof summary.incomeTotal, 'number');
    assert.equal(typeof summary.creditAmount, 'number');
    assert.ok(summary.contractType === 'Cash loans' || summary.contractType === 'Revolving loans');
  });

  it('searches by the beginning of the client id', async () => {
    const directory = await tinyDirectory();
    const page = directory.list({ page: 1, pageSize: 50, search: '10001' });
    assert.deepEqual(
      page.items.map((c) => c.clientId),
      Array.from({ length: 10 }, (_, i) => 100010 + i),
    );
    assert.equal(directory.list({ page: 1, pageSize: 50, search: '100002' }).total, 1);
    assert.equal(directory.list({ page: 1, pageSize: 50, search: '9' }).total, 0);
  });

  it('filters by decision, probability band, contract and income', async () => {
    const directory = await tinyDirectory();
    const all = directory.list({ page: 1, pageSize: 200 }).items;
    const count = (keep: (c: (typeof all)[number]) => boolean) => all.filter(keep).length;
    const refused = directory.list({ page: 1, pageSize: 200, decision: 'refused' });
    assert.equal(
      refused.total,
      count((c) => c.probabilityOfDefault >= TINY_THRESHOLD),
    );
    assert.ok(refused.items.every((c) => c.decision === 'refused'));
    assert.equal(directory.list({ page: 1, pageSize: 1, decision: 'granted' }).total, TINY_SIZE - refused.total);
    assert.equal(
      directory.list({ page: 1, pageSize: 1, minProbability: 0.2, maxProbability: 0.5 }).total,
      count((c) => c.probabilityOfDefault >= 0.2 && c.probabilityOfDefault <= 0.5),
    );
    assert.equal(
      directory.list({ page: 1, pageSize: 1, contractType: 'Revolving loans' }).total,
      count((c) => c.contractType === 'Revolving loans'),
    );
    assert.equal(directory.list({ page: 1, pageSize: 1, contractType: 'Leasing' }).total, 0);
    const band = { minIncome: 100_000, maxIncome: 200_000 };
    assert.equal(
      directory.list({ page: 1, pageSize: 1, ...band, contractType: 'Cash loans' }).total,
      count((c) => c.contractType === 'Cash loans' && c.incomeTotal! >= 100_000 && c.incomeTotal! <= 200_000),
    );
  });
});

describe('ClientsDirectory.list, paging a filtered list', () => {
  it('gives consecutive pages of the same filtered list', async () => {
    const directory = await tinyDirectory();
    const filters = { contractType: 'Cash loans', maxProbability: 0.9 };
    const whole = directory.list({ page: 1, pageSize: 200, ...filters });
    const pages = [1, 2, 3, 1].map((page) => directory.list({ page, pageSize: 7, ...filters }));
    assert.ok(pages.every((page) => page.total === whole.total));
    assert.deepEqual(
      pages.slice(0, 3).flatMap((p) => p.items),
      whole.items.slice(0, 21),
    );
    assert.deepEqual(pages[3], pages[0]);
  });
});

describe('idPrefixRanges', () => {
  it('lists the ranges of ids written with the prefix', () => {
    assert.deepEqual(idPrefixRanges('21').slice(0, 3), [
      [21, 21],
      [210, 219],
      [2100, 2199],
    ]);
    assert.deepEqual(idPrefixRanges('21').at(-1), [2_100_000_000, 2_147_483_647]);
    assert.deepEqual(idPrefixRanges('0'), []);
  });
});
