import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { applicationProblems, loadBundle } from '@octroi/model-bundle';
import { REAL_DATA_DIR, realDataSkip } from '@octroi/model-bundle/testing';
import { applicationOf, type CsvRecord } from '../src/csv-records.ts';

for (const file of ['application_train_sample.csv', 'application_test_sample.csv']) {
  test(
    `intake accepts the real applications of ${file}, except those missing a required field`,
    { skip: realDataSkip(file) },
    async () => {
      const { spec } = await loadBundle();
      const records: CsvRecord[] = parse(readFileSync(join(REAL_DATA_DIR, file)), { columns: true, bom: true });
      const refused = new Map<string, number>();
      for (const record of records) {
        for (const problem of applicationProblems(spec, applicationOf(spec, record))) {
          const key = `${problem.field} ${problem.rule}`;
          refused.set(key, (refused.get(key) ?? 0) + 1);
        }
      }
      const notMissing = [...refused.keys()].filter((key) => !key.endsWith(' required'));
      assert.deepEqual(notMissing, [], 'a real value breaks an intake rule: the bound is not plausible');
      const missing = [...refused.values()].reduce((a, b) => a + b, 0);
      assert.ok(
        missing <= records.length / 1000,
        `${missing} of ${records.length} real applications lack a required field`,
      );
    },
  );
}
