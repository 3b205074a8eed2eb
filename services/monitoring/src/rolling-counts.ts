import type { MonitoringWindow, ObservedCounts, OfficerDecisionObserved } from '@octroi/contracts';

/** What one model version decided in a period: applications per bin of each variable, decisions per group. */
export interface VersionCounts {
  applications: number;
  features: Map<string, number[]>;
  score: number[];
  /** By `decision|gender|ageBand`. */
  decisions: Map<string, number>;
}

/** Everything counted in one period (a minute or an hour). */
export interface PeriodCounts {
  byVersion: Map<string, VersionCounts>;
  officerDecisions: number;
  overrides: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * A window is a run of whole periods ending with the current one: 60 minutes, or 24 or 168 hours. The day and week
 * move by the hour, the hour by the minute. `step` groups periods into the points of the decision mix over time.
 */
export const WINDOWS: Record<MonitoringWindow, { period: number; periods: number; step: number }> = {
  '1h': { period: MINUTE, periods: 60, step: 5 },
  '1d': { period: HOUR, periods: 24, step: 1 },
  '7d': { period: HOUR, periods: 168, step: 6 },
};

export const groupKey = (decision: string, gender: string, ageBand: string) => `${decision}|${gender}|${ageBand}`;

const emptyPeriod = (): PeriodCounts => ({ byVersion: new Map(), officerDecisions: 0, overrides: 0 });
const emptyVersion = (): VersionCounts => ({ applications: 0, features: new Map(), score: [], decisions: new Map() });

function addInto(target: number[], counts: readonly number[]) {
  counts.forEach((count, bin) => (target[bin] = (target[bin] ?? 0) + count));
}

function addVersion(into: VersionCounts, from: VersionCounts) {
  into.applications += from.applications;
  for (const [name, counts] of from.features) {
    let target = into.features.get(name);
    if (!target) into.features.set(name, (target = []));
    addInto(target, counts);
  }
  addInto(into.score, from.score);
  for (const [key, count] of from.decisions) into.decisions.set(key, (into.decisions.get(key) ?? 0) + count);
}

/** The sum of several periods. */
export function merge(periods: readonly PeriodCounts[]): PeriodCounts {
  const total = emptyPeriod();
  for (const period of periods) {
    total.officerDecisions += period.officerDecisions;
    total.overrides += period.overrides;
    for (const [version, counts] of period.byVersion) {
      let into = total.byVersion.get(version);
      if (!into) total.byVersion.set(version, (into = emptyVersion()));
      addVersion(into, counts);
    }
  }
  return total;
}

/**
 * The counts of the last 60 minutes by minute and of the last 168 hours by hour, filled from the feed. Replicas
 * publish their counts every few seconds; each lands in the minute and the hour it started in.
 */
export class RollingCounts {
  private readonly minutes = new Map<number, PeriodCounts>();
  private readonly hours = new Map<number, PeriodCounts>();
  /** When each model version last decided, to report on the one in use by default. */
  private readonly lastSeen = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  addObservations(observed: ObservedCounts) {
    this.lastSeen.set(observed.modelVersion, Math.max(observed.to, this.lastSeen.get(observed.modelVersion) ?? 0));
    const counts: VersionCounts = {
      applications: observed.applications,
      features: new Map(Object.entries(observed.features)),
      score: observed.score,
      decisions: new Map(
        observed.decisions.map(({ decision, gender, ageBand, count }) => [groupKey(decision, gender, ageBand), count]),
      ),
    };
    for (const period of this.periodsOf(observed.from)) {
      let into = period.byVersion.get(observed.modelVersion);
      if (!into) period.byVersion.set(observed.modelVersion, (into = emptyVersion()));
      addVersion(into, counts);
    }
  }

  addOfficerDecision(observed: OfficerDecisionObserved) {
    for (const period of this.periodsOf(observed.time)) {
      period.officerDecisions++;
      if (observed.override) period.overrides++;
    }
  }

  /** The periods of a window, oldest first, each with its start time (empty periods included). */
  periods(window: MonitoringWindow): Array<{ from: number; counts: PeriodCounts }> {
    const { period, periods } = WINDOWS[window];
    const store = period === MINUTE ? this.minutes : this.hours;
    const current = Math.floor(this.now() / period);
    this.prune(current, store, period === MINUTE ? WINDOWS['1h'].periods : WINDOWS['7d'].periods);
    return Array.from({ length: periods }, (_, i) => {
      const index = current - periods + 1 + i;
      return { from: index * period, counts: store.get(index) ?? emptyPeriod() };
    });
  }

  /** The model version that decided last, if any did. */
  latestVersion(): string | undefined {
    let latest: [string, number] | undefined;
    for (const entry of this.lastSeen) if (!latest || entry[1] > latest[1]) latest = entry;
    return latest?.[0];
  }

  window(window: MonitoringWindow): PeriodCounts {
    return merge(this.periods(window).map(({ counts }) => counts));
  }

  private periodsOf(time: number): PeriodCounts[] {
    const current = this.now();
    const at = (store: Map<number, PeriodCounts>, period: number, kept: number) => {
      const index = Math.floor(time / period);
      if (index <= Math.floor(current / period) - kept) return []; // too old for any window
      let counts = store.get(index);
      if (!counts) {
        store.set(index, (counts = emptyPeriod()));
        this.prune(Math.floor(current / period), store, kept);
      }
      return [counts];
    };
    return [...at(this.minutes, MINUTE, WINDOWS['1h'].periods), ...at(this.hours, HOUR, WINDOWS['7d'].periods)];
  }

  private prune(current: number, store: Map<number, PeriodCounts>, kept: number) {
    for (const index of store.keys()) if (index <= current - kept) store.delete(index);
  }
}
