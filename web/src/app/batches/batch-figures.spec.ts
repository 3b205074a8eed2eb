import { describe, expect, it } from 'vitest';

import type { BatchJob } from '../core/api-types';
import { batchContentType, duration, isActive, shareDone } from './batch-figures';

const job = (state: BatchJob['state'], total: number | null, done: number) =>
  ({ state, rows: { total, read: done, done, scored: done, failed: 0 } }) as BatchJob;

describe('batch figures', () => {
  it('reads the format from the file name', () => {
    expect(batchContentType('Portfolio.CSV')).toBe('text/csv');
    expect(batchContentType('day.jsonl')).toBe('application/x-ndjson');
    expect(batchContentType('day.ndjson')).toBe('application/x-ndjson');
    expect(batchContentType('book.xlsx')).toBeUndefined();
  });

  it('knows the share done once the file is read through', () => {
    expect(shareDone(job('running', null, 500))).toBeNull();
    expect(shareDone(job('running', 2000, 500))).toBe(0.25);
    expect(shareDone(job('done', 0, 0))).toBe(1);
    expect(isActive(job('queued', null, 0))).toBe(true);
    expect(isActive(job('failed', 10, 3))).toBe(false);
  });

  it('writes durations in hours, minutes and seconds', () => {
    expect(duration(12.4)).toBe('12 s');
    expect(duration(200)).toBe('3 min 20 s');
    expect(duration(3900)).toBe('1 h 05 min');
  });
});
