import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildIdIndex, type RowOf } from '../src/index.ts';

function index(ids: number[]): RowOf {
  const built = buildIdIndex(Int32Array.from(ids));
  assert.equal(typeof built, 'function');
  return built as RowOf;
}

describe('buildIdIndex', () => {
  it('finds nearly consecutive ids (dense table)', () => {
    const rowOf = index([100005, 100002, 100003]);
    assert.deepEqual([100002, 100003, 100004, 100005, 100001, 100006].map(rowOf), [1, 2, -1, 0, -1, -1]);
  });

  it('finds sparse ids (map)', () => {
    const rowOf = index([7, 2_000_000_000, 1_000_000]);
    assert.deepEqual([7, 2_000_000_000, 1_000_000, 8].map(rowOf), [0, 1, 2, -1]);
  });

  it('reports an id found twice', () => {
    assert.deepEqual(buildIdIndex(Int32Array.from([3, 4, 3])), { duplicate: 3 });
    assert.deepEqual(buildIdIndex(Int32Array.from([3, 2_000_000_000, 3])), { duplicate: 3 });
  });
});
