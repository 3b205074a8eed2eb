import type { NewApplication } from '@octroi/contracts';
import type { DriftReference } from '@octroi/model-bundle';
import type { Logger, MonitoringFeed } from '@octroi/runtime';
import { UNKNOWN_GROUP, type ApplicantGroups } from './applicant-groups.ts';
import type { ModelScore } from './credit-scorer.ts';
import type { ObservationTally, ObservedDecision } from './observations.ts';

/** What the monitoring needs to know of the model a decision was made with. */
export interface ObservedModel {
  reference: DriftReference;
  featureNames: readonly string[];
  groups: ApplicantGroups;
}

/** The live decisions of one model, as the scoring handlers report them once recorded. */
export class LiveDecisions {
  constructor(
    private readonly publisher: MonitoringPublisher,
    private readonly model: ObservedModel,
  ) {}

  private observe(
    matrix: Float32Array,
    scores: readonly ModelScore[],
    more: (index: number) => Partial<ObservedDecision>,
  ) {
    const width = this.model.featureNames.length;
    this.publisher.observe(this.model, () =>
      scores.map(({ probabilityOfDefault, decision }, index) => ({
        features: matrix.subarray(index * width, (index + 1) * width),
        withHistory: true,
        probabilityOfDefault,
        decision,
        ...UNKNOWN_GROUP,
        ...more(index),
      })),
    );
  }

  /** New applications: gender and age band from their raw fields; no credit history comes with them. */
  applications(matrix: Float32Array, applications: readonly NewApplication[], scores: readonly ModelScore[]) {
    this.observe(matrix, scores, (index) => ({
      withHistory: false,
      ...this.model.groups.ofApplication(applications[index]!),
    }));
  }

  /** A known client: the bundle has the whole file. */
  client(matrix: Float32Array, clientId: number, score: ModelScore) {
    this.observe(matrix, [score], () => this.model.groups.ofClient(clientId));
  }

  /** Rows of engineered features: no raw fields to tell the group. */
  rows(matrix: Float32Array, scores: readonly ModelScore[]) {
    this.observe(matrix, scores, () => ({}));
  }
}

/**
 * Counts every live decision for the monitoring, after the answer has gone (the counting is queued behind it), and
 * publishes the counts on the monitoring feed every few seconds. A feed that cannot take them keeps them for the next
 * round, up to a bound; counts never hold up a decision.
 */
export class MonitoringPublisher {
  private readonly unsent: ReturnType<ObservationTally['take']> = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly tally: ObservationTally,
    private readonly feed: MonitoringFeed,
    private readonly log: Logger,
  ) {}

  /** Counts the decisions once the current turn of the event loop, which sends the answer, is over. */
  observe(model: ObservedModel, decisions: () => ObservedDecision[]) {
    setImmediate(() => {
      try {
        this.tally.count(model.reference, model.featureNames, decisions());
      } catch (err) {
        this.log.warn({ err }, 'decisions could not be counted for monitoring');
      }
    });
  }

  start(intervalMs: number) {
    this.timer = setInterval(() => void this.publish(), intervalMs);
    this.timer.unref();
  }

  /** Publishes what was counted since last time (and what could not be sent then). */
  async publish() {
    this.unsent.push(...this.tally.take());
    while (this.unsent.length > 0) {
      try {
        await this.feed.publish('observations', this.unsent[0]!);
        this.unsent.shift();
      } catch (err) {
        this.log.warn({ err, waiting: this.unsent.length }, 'monitoring counts not published: will try again');
        this.unsent.splice(0, Math.max(0, this.unsent.length - 1000)); // the oldest go first past a bound
        return;
      }
    }
  }

  async stop() {
    clearInterval(this.timer);
    await new Promise((resolve) => setImmediate(resolve)); // counts still queued behind answers
    await this.publish();
  }
}
