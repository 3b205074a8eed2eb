import type { DecisionMix, DriftReport, DriftStatus, MonitoringWindow, VariableDrift } from '../core/api-types';

export const MONITORING_WINDOWS: readonly MonitoringWindow[] = ['1h', '1d', '7d'];
export const DEFAULT_WINDOW: MonitoringWindow = '1d';

export function isMonitoringWindow(value: unknown): value is MonitoringWindow {
  return typeof value === 'string' && (MONITORING_WINDOWS as readonly string[]).includes(value);
}

/** A share, or null when there is nothing to share (no decision in the period). */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** The rates of the decision mix: each outcome over the model's decisions, overrides too. */
export function mixRates(mix: DecisionMix) {
  return {
    approval: share(mix.granted, mix.decisions),
    referral: share(mix.referred, mix.decisions),
    refusal: share(mix.refused, mix.decisions),
    override: share(mix.overrides, mix.decisions),
  };
}

/** How many variables each status holds: what the page says first. */
export function statusCounts(report: DriftReport): Record<DriftStatus, number> {
  const counts: Record<DriftStatus, number> = { stable: 0, watch: 0, act: 0, 'too-few': 0 };
  for (const variable of report.variables) counts[variable.status]++;
  return counts;
}

export interface DriftBar {
  name: string;
  label: string;
  value: number;
  status: DriftStatus;
}

/** The variables with the highest index first, those without one left out, each labelled for people. */
export function driftBars(
  variables: readonly VariableDrift[],
  labelOf: (name: string) => string,
  top: number,
): DriftBar[] {
  // A variable seen in too few decisions goes after the others: a handful of values gives an index that means nothing.
  const tooFew = (variable: VariableDrift) => Number(variable.status === 'too-few');
  return variables
    .filter((variable) => variable.stabilityIndex !== null)
    .sort((a, b) => tooFew(a) - tooFew(b) || b.stabilityIndex! - a.stabilityIndex!)
    .slice(0, top)
    .map((variable) => ({
      name: variable.name,
      label: labelOf(variable.name),
      value: variable.stabilityIndex!,
      status: variable.status,
    }));
}
