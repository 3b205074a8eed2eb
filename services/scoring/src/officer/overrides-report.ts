/**
 * For the lender's oversight: how often officers override the model, by officer, by reason and by week. A high
 * rate for one officer or one reason is what a reviewer looks into first.
 */
import type { OfficerDecision, OverridesReport } from '@octroi/contracts';

const DAY_MS = 86_400_000;

const tally = (decisions: readonly OfficerDecision[]) => {
  const overrides = decisions.filter((d) => d.override).length;
  return { decisions: decisions.length, overrides, rate: decisions.length ? overrides / decisions.length : 0 };
};

function groupBy(decisions: readonly OfficerDecision[], key: (d: OfficerDecision) => string) {
  const groups = new Map<string, OfficerDecision[]>();
  for (const d of decisions) groups.set(key(d), [...(groups.get(key(d)) ?? []), d]);
  return [...groups].map(([group, members]) => ({ group, ...tally(members) }));
}

/** Monday of the decision's week (UTC), the period the rate over time is given by. */
export function weekOf(time: string | Date): string {
  const day = new Date(time);
  day.setUTCHours(0, 0, 0, 0);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/** The Mondays of the last `weeks` weeks, this one last. */
export function lastWeeks(weeks: number, now: Date): string[] {
  const thisWeek = Date.parse(weekOf(now));
  return Array.from({ length: weeks }, (_, i) => weekOf(new Date(thisWeek - (weeks - 1 - i) * 7 * DAY_MS)));
}

/** The officer decisions of the last `weeks` weeks (this one included), tallied. Every week is listed, empty or not. */
export function overridesReport(
  decisions: readonly OfficerDecision[],
  weeks: number,
  now = new Date(),
): OverridesReport {
  const period = lastWeeks(weeks, now);
  const since = period[0]!;
  const counted = decisions.filter((d) => weekOf(d.time) >= since);
  const byWeek = new Map(groupBy(counted, (d) => weekOf(d.time)).map((week) => [week.group, week]));
  return {
    weeks,
    since,
    ...tally(counted),
    byOfficer: groupBy(counted, (d) => d.officer.username).sort((a, b) => b.rate - a.rate || b.decisions - a.decisions),
    byReason: groupBy(counted, (d) => d.reasonCode).sort(
      (a, b) => b.overrides - a.overrides || b.decisions - a.decisions,
    ),
    byWeek: period.map((week) => byWeek.get(week) ?? { group: week, decisions: 0, overrides: 0, rate: 0 }),
  };
}
