import { TestBed } from '@angular/core/testing';

import { PALETTE } from './palette';
import { TimeSeriesChart } from './time-series-chart';

const HOUR = 3600_000;
const start = Date.UTC(2026, 10, 30, 0, 0, 0);

describe('TimeSeriesChart', () => {
  it('draws each line with its own stroke and marker, a lone period as a mark, axes named with their units', async () => {
    const fixture = TestBed.createComponent(TimeSeriesChart);
    fixture.componentRef.setInput('series', [
      {
        key: 'approval',
        label: 'Accordées',
        points: [
          { time: start + HOUR / 2, value: 0.7 },
          { time: start + (3 * HOUR) / 2, value: 0.8 },
        ],
      },
      { key: 'referral', label: 'Orientées', points: [{ time: start + HOUR / 2, value: 0.1 }] },
      { key: 'override', label: 'Renversées', points: [] },
    ]);
    fixture.componentRef.setInput('from', start);
    fixture.componentRef.setInput('to', start + 24 * HOUR);
    fixture.componentRef.setInput('xLabel', 'Heure (heure locale)');
    fixture.componentRef.setInput('yLabel', 'Part des décisions (%)');
    fixture.componentRef.setInput('ariaLabel', '2 décisions');
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;

    const lines = [...root.querySelectorAll('path.series-line')];
    expect(lines.map((line) => line.getAttribute('stroke'))).toEqual([
      PALETTE.brand,
      PALETTE.threshold,
      PALETTE.reference,
    ]);
    expect(lines.map((line) => line.getAttribute('stroke-dasharray'))).toEqual([null, '7 4', '2 4']);
    expect(root.querySelectorAll('circle').length).toBe(2);
    expect(root.querySelectorAll('rect').length).toBe(1); // the lone referral period still shows

    const svg = root.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('2 décisions');
    const labels = [...root.querySelectorAll('.axis-label')].map((text) => text.textContent.trim());
    expect(labels).toEqual(['Heure (heure locale)', 'Part des décisions (%)']);
    const yTicks = [...root.querySelectorAll('.tick-label')].map((text) => text.textContent.replace(/\s/g, ' ').trim());
    expect(yTicks.slice(0, 6)).toEqual(['0 %', '20 %', '40 %', '60 %', '80 %', '100 %']);
    expect(root.querySelector('.legend')!.textContent).toContain('Renversées');
  });
});
