import type { AgeBand, Decision, ObservedCounts } from '@octroi/contracts';
import { binOf, type DriftReference } from '@octroi/model-bundle';

/** One live decision as the monitoring counts it. */
export interface ObservedDecision {
  /** The model's input row, in feature order. */
  features: ArrayLike<number>;
  /** Whether the application came with the applicant's credit history (a known client's always does). */
  withHistory: boolean;
  probabilityOfDefault: number;
  decision: Decision;
  gender: string;
  ageBand: AgeBand;
}

interface Tally {
  from: number;
  applications: number;
  features: number[][];
  score: number[];
  decisions: Map<string, { decision: Decision; gender: string; ageBand: string; count: number }>;
}

/**
 * What a scoring replica decided since it last published, as counts per bin of every feature and of the score,
 * and per decision, gender and age band. Counting costs a binary search per feature, done after the answer.
 */
export class ObservationTally {
  private readonly tallies = new Map<string, { reference: DriftReference; columns: number[]; tally: Tally }>();

  constructor(
    private readonly source: string,
    private readonly now: () => number = Date.now,
  ) {}

  count(reference: DriftReference, featureNames: readonly string[], decisions: readonly ObservedDecision[]) {
    let entry = this.tallies.get(reference.modelVersion);
    if (!entry) {
      const column = new Map(featureNames.map((name, index) => [name, index]));
      const columns = reference.features.map((variable) => column.get(variable.name) ?? -1);
      entry = { reference, columns, tally: this.emptyTally(reference) };
      this.tallies.set(reference.modelVersion, entry);
    }
    const { tally, columns } = entry;
    for (const observed of decisions) {
      tally.applications++;
      reference.features.forEach((variable, i) => {
        if (variable.fromHistory && !observed.withHistory) return;
        const value = columns[i]! < 0 ? NaN : observed.features[columns[i]!]!;
        tally.features[i]![binOf(variable, value)]!++;
      });
      tally.score[binOf(reference.score, observed.probabilityOfDefault)]!++;
      const key = `${observed.decision}|${observed.gender}|${observed.ageBand}`;
      const group = tally.decisions.get(key);
      if (group) group.count++;
      else tally.decisions.set(key, { ...observed, count: 1 });
    }
  }

  /** The counts since the last call, one message per model version that decided, and a fresh start. */
  take(): ObservedCounts[] {
    const to = this.now();
    const taken: ObservedCounts[] = [];
    for (const [modelVersion, { reference, tally }] of this.tallies) {
      if (tally.applications === 0) continue;
      const features: Record<string, number[]> = {};
      reference.features.forEach((variable, i) => {
        const counts = tally.features[i]!;
        if (counts.some((count) => count > 0)) features[variable.name] = counts;
      });
      taken.push({
        source: this.source,
        modelVersion,
        from: tally.from,
        to,
        applications: tally.applications,
        features,
        score: tally.score,
        decisions: [...tally.decisions.values()].map(({ decision, gender, ageBand, count }) => ({
          decision,
          gender,
          ageBand: ageBand as AgeBand,
          count,
        })),
      });
    }
    for (const entry of this.tallies.values()) entry.tally = this.emptyTally(entry.reference);
    return taken;
  }

  private emptyTally(reference: DriftReference): Tally {
    return {
      from: this.now(),
      applications: 0,
      features: reference.features.map((variable) => new Array<number>(variable.training.length).fill(0)),
      score: new Array<number>(reference.score.training.length).fill(0),
      decisions: new Map(),
    };
  }
}
