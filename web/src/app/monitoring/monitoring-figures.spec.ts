import { describe, expect, it } from 'vitest';

import type { DriftReport, VariableDrift } from '../core/api-types';
import { driftBars, isMonitoringWindow, mixRates, share, statusCounts } from './monitoring-figures';

const variable = (name: string, stabilityIndex: number | null, status: VariableDrift['status']): VariableDrift => ({
  name,
  kind: name === 'score' ? 'score' : 'feature',
  applications: 150,
  stabilityIndex,
  status,
});

describe('monitoring figures', () => {
  it('shares are null when there is nothing to share', () => {
    expect(share(1, 4)).toBe(0.25);
    expect(share(0, 0)).toBeNull();
  });

  it('rates of the decision mix are over the model decisions, overrides included', () => {
    expect(mixRates({ decisions: 10, granted: 6, referred: 1, refused: 3, officerDecisions: 4, overrides: 2 })).toEqual(
      { approval: 0.6, referral: 0.1, refusal: 0.3, override: 0.2 },
    );
    expect(
      mixRates({ decisions: 0, granted: 0, referred: 0, refused: 0, officerDecisions: 0, overrides: 0 }).approval,
    ).toBeNull();
  });

  it('bars: highest index first, variables without an index left out, labelled', () => {
    const bars = driftBars(
      [
        variable('A', 0.05, 'stable'),
        variable('B', null, 'too-few'),
        variable('C', 0.4, 'act'),
        variable('D', 0.12, 'watch'),
      ],
      (name) => `label ${name}`,
      2,
    );
    expect(bars).toEqual([
      { name: 'C', label: 'label C', value: 0.4, status: 'act' },
      { name: 'D', label: 'label D', value: 0.12, status: 'watch' },
    ]);
  });

  it('bars: a variable seen in too few decisions comes after the others, however large its index', () => {
    const bars = driftBars(
      [variable('A', 9.5, 'too-few'), variable('B', 0.3, 'act'), variable('C', 0.01, 'stable')],
      (name) => name,
      2,
    );
    expect(bars.map((bar) => bar.name)).toEqual(['B', 'C']);
  });

  it('counts the variables of each status', () => {
    const report = {
      variables: [variable('A', 0.3, 'act'), variable('B', 0.3, 'act'), variable('C', 0.01, 'stable')],
    } as DriftReport;
    expect(statusCounts(report)).toEqual({ stable: 1, watch: 0, act: 2, 'too-few': 0 });
  });

  it('knows the windows', () => {
    expect(['1h', '1d', '7d', '2d', undefined].map(isMonitoringWindow)).toEqual([true, true, true, false, false]);
  });
});
