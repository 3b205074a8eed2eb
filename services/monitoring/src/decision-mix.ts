import {
  AGE_BANDS,
  type DecisionMix,
  type DecisionMixPoint,
  type GroupApproval,
  type MonitoringWindow,
} from '@octroi/contracts';
import { merge, WINDOWS, type PeriodCounts, type RollingCounts } from './rolling-counts.ts';

type Tally = Omit<GroupApproval, 'group'>;
const emptyTally = (): Tally => ({ decisions: 0, granted: 0, referred: 0, refused: 0 });

function addDecision(tally: Tally, decision: string, count: number) {
  tally.decisions += count;
  if (decision === 'granted' || decision === 'referred' || decision === 'refused') tally[decision] += count;
}

/** Every model version's decisions together, with what officers did with them. */
export function decisionMix(period: PeriodCounts): DecisionMix {
  const tally = emptyTally();
  for (const counts of period.byVersion.values()) {
    for (const [key, count] of counts.decisions) addDecision(tally, key.split('|')[0]!, count);
  }
  return { ...tally, officerDecisions: period.officerDecisions, overrides: period.overrides };
}

/** Decisions by one part of the group key: gender (1) or age band (2). */
function byGroup(period: PeriodCounts, part: 1 | 2): Map<string, Tally> {
  const groups = new Map<string, Tally>();
  for (const counts of period.byVersion.values()) {
    for (const [key, count] of counts.decisions) {
      const parts = key.split('|');
      const group = parts[part]!;
      if (!groups.has(group)) groups.set(group, emptyTally());
      addDecision(groups.get(group)!, parts[0]!, count);
    }
  }
  return groups;
}

const listed = (groups: Map<string, Tally>, order: readonly string[]): GroupApproval[] =>
  order.filter((group) => groups.has(group)).map((group) => ({ group, ...groups.get(group)! }));

/** Approval of live decisions by gender, then by age band, over the window. */
export function approvalByGroup(period: PeriodCounts) {
  const genders = byGroup(period, 1);
  return {
    byGender: listed(
      genders,
      [...genders.keys()].sort((a, b) => Number(a === 'unknown') - Number(b === 'unknown') || a.localeCompare(b)),
    ),
    byAgeBand: listed(byGroup(period, 2), AGE_BANDS),
  };
}

/** The decision mix over the window, period by period (5 minutes over an hour, hours over a day, 6 hours over a week). */
export function decisionMixSeries(counts: RollingCounts, window: MonitoringWindow): DecisionMixPoint[] {
  const { period, step } = WINDOWS[window];
  const periods = counts.periods(window);
  const points: DecisionMixPoint[] = [];
  for (let first = 0; first < periods.length; first += step) {
    const group = periods.slice(first, first + step);
    points.push({
      from: new Date(group[0]!.from).toISOString(),
      to: new Date(group.at(-1)!.from + period).toISOString(),
      ...decisionMix(merge(group.map(({ counts }) => counts))),
    });
  }
  return points;
}
