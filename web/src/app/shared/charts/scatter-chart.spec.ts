import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';

import { PALETTE } from './palette';
import { ScatterChart } from './scatter-chart';

describe('ScatterChart', () => {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- ngx-charts 25 still needs the animations module
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideNoopAnimations()] }));

  it('draws every point in its colour, small, and the highlighted one larger in the client colour, named below', async () => {
    const fixture = TestBed.createComponent(ScatterChart);
    fixture.componentRef.setInput('points', [
      { x: 1, y: 2, colour: 'rgb(33, 102, 172)' },
      { x: 2, y: 3, colour: 'rgb(33, 102, 172)' },
      { x: 3, y: 1, colour: 'rgb(202, 0, 32)' },
    ]);
    fixture.componentRef.setInput('highlight', { x: 2.5, y: 2.5, label: 'Ce client (12,0 %)' });
    fixture.componentRef.setInput('xLabel', 'x');
    fixture.componentRef.setInput('yLabel', 'y');
    fixture.componentRef.setInput('ariaLabel', 'Deux caractéristiques');
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;

    const circles = [...root.querySelectorAll('circle')].map((c) => [
      c.getAttribute('fill'),
      Number(c.getAttribute('r')),
    ]);
    expect(circles).toEqual([
      ['rgb(33, 102, 172)', 3],
      ['rgb(33, 102, 172)', 3],
      ['rgb(202, 0, 32)', 3],
      [PALETTE.client, 8],
    ]);
    expect(root.querySelector('.chart-note')!.textContent).toContain('Ce client (12,0 %)');
  });
});
