import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Registry } from 'prom-client';
import { EXAMPLE_APPLICATION, type FeedKind, type Score, type ShadowScores } from '@octroi/contracts';
import { decisionFor, decisionRuleOf, loadApplicantFeatures, loadBundle, type ModelBundle } from '@octroi/model-bundle';
import { writeVariantBundle } from '@octroi/model-bundle/testing';
import { createLogger, type MonitoringFeed } from '@octroi/runtime';
import { CreditScorer } from '../src/credit-scorer.ts';
import type { ScoringModel } from '../src/scoring-models.ts';
import { ShadowScoring } from '../src/shadow-scoring.ts';

const log = createLogger('shadow-test', 'silent');

/** A feed that keeps what is published, to look at. */
function recordingFeed() {
  const published: Array<{ kind: FeedKind; event: ShadowScores }> = [];
  const feed: MonitoringFeed = {
    kind: 'file',
    publish: async (kind, event) => void published.push({ kind, event: event as ShadowScores }),
    follow: async () => ({ caughtUp: Promise.resolve(), stop: async () => {} }),
    close: async () => {},
  };
  return { feed, published };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('a challenger scoring live applications in shadow', () => {
  let champion: CreditScorer;
  let challengerBundle: ModelBundle;
  let challenger: { version: string; model: ScoringModel };
  let clientId: number;

  before(async () => {
    const shipped = await loadBundle();
    champion = await CreditScorer.load(shipped);
    const dir = await mkdtemp(join(tmpdir(), 'octroi-challenger-'));
    challengerBundle = await loadBundle(
      await writeVariantBundle(shipped.dir, join(dir, 'variant'), { version: 'shadow-test', thresholdShift: -0.05 }),
    );
    challenger = {
      version: challengerBundle.version,
      model: { scorer: await CreditScorer.load(challengerBundle) } as ScoringModel,
    };
    clientId = (await loadApplicantFeatures(shipped)).ids[0]!;
  });
  after(async () => {
    await champion.release();
    await challenger.model.scorer.release();
  });

  const decide = async (scores: Promise<Awaited<ReturnType<CreditScorer['scoreClient']>>[]>) =>
    (await scores).map((score, i): Score => ({ ...score, decisionId: `decision-${i}` }));

  test("the challenger's scores go on the feed beside the champion's decisions, decided by its own rule", async () => {
    const { feed, published } = recordingFeed();
    const shadow = new ShadowScoring(() => challenger, feed, log, 'replica-1', new Registry());
    const applications = [EXAMPLE_APPLICATION, { ...EXAMPLE_APPLICATION, AMT_INCOME_TOTAL: 40_000 }];
    const decided = await decide(champion.scoreApplications(applications));
    shadow.applications(champion.version, applications, decided);
    assert.equal(published.length, 0, 'nothing before the answer has gone');
    await settled();
    assert.equal(published.length, 1);
    const { kind, event } = published[0]!;
    assert.equal(kind, 'shadow');
    assert.deepEqual([event.champion, event.challenger, event.source], [champion.version, 'shadow-test', 'replica-1']);
    const rule = decisionRuleOf(challengerBundle);
    event.applications.forEach((pair, i) => {
      assert.equal(pair.decisionId, `decision-${i}`);
      assert.deepEqual(pair.champion, {
        probabilityOfDefault: decided[i]!.probabilityOfDefault,
        decision: decided[i]!.decision,
      });
      // The variant shares the champion's trees: same score, its own threshold.
      assert.equal(pair.challenger.probabilityOfDefault, decided[i]!.probabilityOfDefault);
      assert.equal(pair.challenger.decision, decisionFor(pair.challenger.probabilityOfDefault, rule));
    });
  });

  test('a known client is compared under its id; no challenger, or the champion itself, is no shadow', async () => {
    const { feed, published } = recordingFeed();
    let current: typeof challenger | undefined;
    const shadow = new ShadowScoring(() => current, feed, log, 'replica-1', new Registry());
    const [decided] = await decide(champion.scoreClient(clientId).then((score) => [{ ...score, clientId }]));
    shadow.client(champion.version, clientId, decided!);
    current = { ...challenger, version: champion.version };
    shadow.client(champion.version, clientId, decided!);
    current = challenger;
    shadow.client(champion.version, clientId, decided!);
    await settled();
    assert.equal(published.length, 1);
    assert.equal(published[0]!.event.applications[0]!.clientId, clientId);
  });

  test('beyond the bound of pending work the challenger is skipped; a failure is counted, never thrown', async () => {
    const { feed, published } = recordingFeed();
    const registry = new Registry();
    const shadow = new ShadowScoring(() => challenger, feed, log, 'replica-1', registry, 1);
    const decided = await decide(champion.scoreApplications([EXAMPLE_APPLICATION]));
    shadow.applications(champion.version, [EXAMPLE_APPLICATION], decided);
    shadow.applications(champion.version, [EXAMPLE_APPLICATION], decided); // the first is still pending
    await settled();
    shadow.rows(champion.version, new Float32Array(3), decided); // rows the challenger cannot read
    await settled();
    const counts = Object.fromEntries(
      (await registry.getSingleMetric('octroi_shadow_requests_total')!.get()).values.map((v) => [
        v.labels.outcome,
        v.value,
      ]),
    );
    assert.deepEqual(counts, { scored: 1, skipped: 1, failed: 1 });
    assert.equal(published.length, 1);
  });
});
