import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shortestFloat32 } from '../src/index.ts';

describe('shortestFloat32', () => {
  it('writes a float32 with the fewest digits that read back the same', () => {
    assert.equal(shortestFloat32(Math.fround(0.2629485)), 0.2629485);
    assert.equal(shortestFloat32(Math.fround(0.1)), 0.1);
    assert.equal(shortestFloat32(202500), 202500);
    assert.equal(shortestFloat32(-0.5), -0.5);
  });

  it('always reads back as the same float32', () => {
    for (let i = 0; i < 10_000; i++) {
      const value = Math.fround((Math.random() - 0.5) * 10 ** (Math.random() * 12 - 6));
      assert.equal(Math.fround(shortestFloat32(value)), value);
    }
  });

  it('leaves integers and non-finite values alone', () => {
    assert.ok(Number.isNaN(shortestFloat32(NaN)));
    assert.equal(shortestFloat32(Infinity), Infinity);
  });
});
