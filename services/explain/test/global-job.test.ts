import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadBundle } from '@octroi/model-bundle';
import { MemoryBus, MemoryCache, processMetrics } from '@octroi/runtime';
import { ExplainerContext } from '../src/explainer-context.ts';
import { runGlobalImportance } from '../src/global-job.ts';
import { evenlySpacedRows } from '../src/importance-sample.ts';
import { startExplain } from '../src/main.ts';
import { capturingLogger } from '../../../packages/runtime/test/helpers.ts';

test('the importance sample spreads evenly over every applicant and never exceeds its size', () => {
  const all = { count: 10, row: (i: number) => [i] };
  const sample = evenlySpacedRows(all, 4);
  assert.equal(sample.count, 4);
  assert.deepEqual(
    Array.from({ length: 4 }, (_, k) => sample.row(k)[0]),
    [0, 2, 5, 7],
  );
  assert.equal(evenlySpacedRows(all, 50).count, 10);
});

test('global importance is computed in a worker thread, equals the SHAP values of the sample, and is shared through the cache', async () => {
  process.env.GLOBAL_IMPORTANCE_ROWS = '120';
  try {
    const bundle = await loadBundle('models/home-credit-generated');
    const cache = new MemoryCache({ name: 'explain', modelVersion: bundle.version }, processMetrics());
    const { log, lines } = capturingLogger();

    const context = await ExplainerContext.load(bundle);
    assert.equal(context.importance.report('en').status, 'computing');
    await runGlobalImportance(context, cache, log).done;
    const report = context.importance.report('en');
    assert.equal(report.status, 'ready');
    assert.equal(report.rows, 120);

    // The same mean |SHAP|, computed here on the main thread from the same rows.
    const { explainer, importance } = context;
    const expected = new Float64Array(explainer.features.length);
    for (let k = 0; k < importance.rows.count; k++)
      explainer.shap(importance.rows.row(k)).forEach((v, f) => (expected[f]! += Math.abs(v) / importance.rows.count));
    for (const entry of report.features) {
      const i = explainer.featureIndex.get(entry.feature)!;
      assert.ok(Math.abs(entry.meanAbsShap - expected[i]!) < 1e-9, entry.feature);
    }
    assert.equal(importance.sample.shap.length, 120, 'every sampled applicant kept for the plots');

    const replica = await ExplainerContext.load(bundle);
    await runGlobalImportance(replica, cache, log).done;
    assert.ok(lines().some((line) => line.msg === 'global importance read from the cache'));
    assert.deepEqual(replica.importance.report('en'), report);
  } finally {
    delete process.env.GLOBAL_IMPORTANCE_ROWS;
  }
});

test('an explain replica says it is ready only once its global importance is computed', async () => {
  process.env.GLOBAL_IMPORTANCE_ROWS = '60';
  process.env.OCTROI_DATA_DIR = mkdtempSync(join(tmpdir(), 'octroi-explain-'));
  const { log, lines } = capturingLogger();
  const bus = new MemoryBus(log, processMetrics());
  const runtime = await startExplain({ bus, log });
  try {
    await runtime.health.startedUp();
    assert.equal(runtime.health.ready, true);
    const finished = (line: Record<string, unknown>) =>
      line.msg === 'global importance ready' || line.msg === 'global importance read from the cache';
    assert.ok(lines().some(finished), 'ready, and the importance is done');
  } finally {
    await runtime.shutdown.run();
    await bus.close();
    delete process.env.GLOBAL_IMPORTANCE_ROWS;
    delete process.env.OCTROI_DATA_DIR;
  }
});
