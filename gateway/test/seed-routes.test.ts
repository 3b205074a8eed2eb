import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadApplicantRecords, loadBundle } from '@octroi/model-bundle';
import { embeddedSystem, withKey } from './helpers.ts';

const LEGACY_KEY = 'legacy-key-0123456789abcdef';

/** The seed's six routes, with the seed's shapes, behind an API key and under a legacy base path. */
describe("the seed's routes", () => {
  let system: Awaited<ReturnType<typeof embeddedSystem>>;
  const get = (url: string, headers: Record<string, string> = withKey) =>
    system.app.inject({ url, headers }).then((response) => ({ status: response.statusCode, body: response.json() }));

  before(async () => {
    system = await embeddedSystem({ legacyKeys: [LEGACY_KEY] });
  });
  after(async () => system.stop());

  test('ids, a client, a column and its score answer with the keys the seed used', async () => {
    const applicants = await loadApplicantRecords(await loadBundle());
    const ids = (await get('/get_id_client')).body.data as number[];
    assert.deepEqual(
      ids,
      [...applicants.ids].sort((a, b) => a - b),
    );

    const id = ids[3]!;
    const info = (await get(`/get_info_client/${id}`)).body.info_client as Record<string, unknown>;
    const raw = applicants.raw(applicants.rowOf(id));
    assert.deepEqual(Object.keys(info).slice(0, 2), ['SK_ID_CURR', 'TARGET']);
    assert.equal(info.SK_ID_CURR, id);
    assert.deepEqual(Object.keys(info).slice(2), Object.keys(raw));
    assert.equal(info.AMT_CREDIT, raw.AMT_CREDIT);

    const column = (await get('/get_feature/AMT_CREDIT')).body.data as Array<number | null>;
    assert.equal(column.length, ids.length);
    assert.equal(column[3], info.AMT_CREDIT, 'the column is in the order of the ids');
    const target = (await get('/get_feature/TARGET')).body.data as Array<number | null>;
    assert.equal(target[3], info.TARGET);
    assert.ok(target.every((value) => value === null || value === 0 || value === 1));

    const score = (await get(`/get_score/${id}`)).body;
    const current = (await get(`/api/v1/clients/${id}/score`)).body;
    assert.deepEqual(Object.keys(score), ['id_client', 'prediction']);
    assert.equal(score.id_client, String(id));
    assert.equal(score.prediction[1], current.probabilityOfDefault);
    assert.ok(Math.abs(Number(score.prediction[0]) + Number(score.prediction[1]) - 1) < 1e-12);
  });

  test('importance lists every model feature, most important first', async () => {
    const model = (await get('/api/v1/model')).body as { features: Array<{ name: string; importanceGain: number }> };
    const { feature, importance } = (await get('/get_feature_importance')).body;
    assert.deepEqual([...feature].sort(), model.features.map((f) => f.name).sort());
    assert.ok(importance.every((gain: number, i: number) => i === 0 || importance[i - 1] >= gain));
  });

  test('correlations are symmetric, 1 on the diagonal, and match the columns they are computed from', async () => {
    const { correlation } = (await get('/get_correlation/')).body as {
      correlation: Record<string, Record<string, number | null>>;
    };
    const names = Object.keys(correlation);
    assert.ok(names.includes('TARGET') && names.includes('EXT_SOURCE_2'));
    for (const a of names) {
      assert.ok(Math.abs(correlation[a]![a]! - 1) < 1e-12, a);
      for (const b of names) assert.equal(correlation[a]![b], correlation[b]![a]);
    }
    // Recomputed here from two columns, over the clients that have both.
    const x = (await get('/get_feature/AMT_ANNUITY')).body.data as Array<number | null>;
    const y = (await get('/get_feature/AMT_INCOME_TOTAL')).body.data as Array<number | null>;
    const pairs = x
      .map((v, i) => [v, y[i]] as const)
      .filter((p): p is readonly [number, number] => p[0] !== null && p[1] !== null);
    const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
    const mx = mean(pairs.map((p) => p[0]));
    const my = mean(pairs.map((p) => p[1]));
    const cov = pairs.reduce((s, [a, b]) => s + (a - mx) * (b - my), 0);
    const sx = Math.sqrt(pairs.reduce((s, [a]) => s + (a - mx) ** 2, 0));
    const sy = Math.sqrt(pairs.reduce((s, [, b]) => s + (b - my) ** 2, 0));
    assert.ok(Math.abs(correlation.AMT_ANNUITY!.AMT_INCOME_TOTAL! - cov / (sx * sy)) < 1e-9);
  });

  test('under the legacy base path the key opens the seed routes, and only them', async () => {
    const ids = (await get('/get_id_client')).body.data as number[];
    const legacy = await get(`/legacy/${LEGACY_KEY}/get_score/${ids[0]}`, {});
    assert.equal(legacy.status, 200);
    assert.deepEqual(legacy.body, (await get(`/get_score/${ids[0]}`)).body);
    assert.equal((await get(`/legacy/${LEGACY_KEY}/get_correlation/`, {})).status, 200);
    assert.equal((await get(`/legacy/not-the-key-0123456789/get_id_client`, {})).status, 401);
    assert.equal((await get(`/legacy/${LEGACY_KEY}/api/v1/clients/${ids[0]}`, {})).status, 404);
    assert.equal((await get('/get_id_client', {})).status, 401, 'without the base path, a key is still needed');
  });

  test('unknown clients and columns are 404 in the error shape', async () => {
    assert.equal((await get('/get_score/1')).status, 404);
    const column = await get('/get_feature/NOT_A_COLUMN');
    assert.equal(column.status, 404);
    assert.equal(column.body.code, 'not_found');
  });
});
