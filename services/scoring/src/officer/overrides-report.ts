/**
 * For the lender's oversight: how often officers override the model, by officer, by reason and by week. A high
 * rate for one officer or one reason is what a reviewer looks into first.
 */
import type { OfficerDecision } from '@octroi/contracts';

interface Tally {
  decisions: number;
  overrides: number;
  rate: number;
}

const tally = (decisions: readonly OfficerDecision[]): Tally => {
  const overrides = decisions.filter((d) => d.override).length;
  return { decisions: decisions.length, overrides, rate: decisions.length ? overrides / decisions.length : 0 };
};

function groupBy<K extends string>(decisions: readonly OfficerDecision[], key: (d: OfficerDecision) => K) {
  const groups = new Map<K, OfficerDecision[]>();
  for (const d of decisions) groups.set(key(d), [...(groups.get(key(d)) ?? []), d]);
  return [...groups].map(([group, members]) => ({ group, ...tally(members) }));
}

/** Monday of the decision's week (UTC), the period the rate over time is given by. */
export function weekOf(time: string): string {
  const day = new Date(time);
  day.setUTCHours(0, 0, 0, 0);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

export function overridesReport(decisions: readonly OfficerDecision[]) {
  return {
    ...tally(decisions),
    byOfficer: groupBy(decisions, (d) => d.officer.username).sort((a, b) => b.rate - a.rate),
    byReason: groupBy(decisions, (d) => d.reasonCode).sort((a, b) => b.overrides - a.overrides),
    byWeek: groupBy(decisions, (d) => weekOf(d.time)).sort((a, b) => a.group.localeCompare(b.group)),
  };
}
