import type { NewApplication, Score, ShadowScores } from '@octroi/contracts';
import type { Logger, MonitoringFeed, Served } from '@octroi/runtime';
import { Counter, type Registry } from 'prom-client';
import type { ModelScore } from './credit-scorer.ts';
import type { ScoringModel } from './scoring-models.ts';

type Compared = ShadowScores['applications'];

/**
 * A challenger scores the applications the champion just decided, in shadow: after the answer has gone (queued
 * behind it), never recorded as a decision, never answered. Its scores go on the monitoring feed beside the
 * champion's decisions, which is where they are recorded as shadow. Under load, shadow work beyond a bound is
 * skipped rather than queued: the challenger never slows the champion down.
 */
export class ShadowScoring {
  private pending = 0;
  private readonly outcomes: Counter<'outcome'>;

  constructor(
    private readonly challenger: () => Served<ScoringModel> | undefined,
    private readonly feed: MonitoringFeed,
    private readonly log: Logger,
    private readonly source: string,
    registry: Registry,
    private readonly maxPending = 32,
  ) {
    this.outcomes =
      (registry.getSingleMetric('octroi_shadow_requests_total') as Counter<'outcome'> | undefined) ??
      new Counter({
        name: 'octroi_shadow_requests_total',
        help: 'Requests a challenger scored in shadow (scored), could not score (failed) or left out under load (skipped)',
        labelNames: ['outcome'],
        registers: [registry],
      });
  }

  /** New applications the champion decided: the challenger derives their features with its own specification. */
  applications(champion: string, applications: readonly NewApplication[], decided: readonly Score[]) {
    this.run(champion, async ({ scorer }) => {
      const matrix = scorer.applicationsMatrix([...applications]);
      return pair(decided, await scorer.scoreMatrix(matrix, applications.length));
    });
  }

  /** A known client the champion decided: the challenger reads the client's features in its own bundle. */
  client(champion: string, clientId: number, decided: Score) {
    this.run(champion, async ({ scorer }) => pair([decided], [await scorer.scoreClient(clientId)]));
  }

  /** Rows of engineered features: only a challenger with the champion's features can read them. */
  rows(champion: string, matrix: Float32Array, decided: readonly Score[]) {
    this.run(champion, async ({ scorer }) => {
      if (matrix.length !== decided.length * scorer.featureCount)
        throw new Error('the challenger reads other features');
      return pair(decided, await scorer.scoreMatrix(matrix, decided.length));
    });
  }

  private run(champion: string, score: (challenger: ScoringModel) => Promise<Compared>) {
    const challenger = this.challenger();
    if (!challenger || challenger.version === champion) return;
    if (this.pending >= this.maxPending) {
      this.outcomes.inc({ outcome: 'skipped' });
      return;
    }
    this.pending++;
    setImmediate(() => {
      void score(challenger.model)
        .then((applications) =>
          this.feed.publish('shadow', {
            source: this.source,
            time: Date.now(),
            champion,
            challenger: challenger.version,
            applications,
          }),
        )
        .then(
          () => this.outcomes.inc({ outcome: 'scored' }),
          (err: unknown) => {
            this.outcomes.inc({ outcome: 'failed' });
            this.log.debug({ err, challenger: challenger.version }, 'the challenger could not score in shadow');
          },
        )
        .finally(() => this.pending--);
    });
  }
}

/** The champion's decisions beside the challenger's scores, application by application. */
function pair(decided: readonly Score[], shadow: readonly ModelScore[]): Compared {
  return decided.map((score, index) => ({
    ...(score.decisionId ? { decisionId: score.decisionId } : {}),
    ...(score.clientId !== undefined ? { clientId: score.clientId } : {}),
    champion: { probabilityOfDefault: score.probabilityOfDefault, decision: score.decision },
    challenger: {
      probabilityOfDefault: shadow[index]!.probabilityOfDefault,
      decision: shadow[index]!.decision,
    },
  }));
}
