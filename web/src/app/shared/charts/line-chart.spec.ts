import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';

import { PALETTE } from './palette';
import { LineChart } from './line-chart';

describe('LineChart', () => {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- ngx-charts 25 still needs the animations module
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideNoopAnimations()] }));

  it('draws the curve, dashes to the marked point and the diagonal, names them and labels the axes in French', async () => {
    const fixture = TestBed.createComponent(LineChart);
    fixture.componentRef.setInput('points', [
      { x: 0, y: 0 },
      { x: 0.2, y: 0.6 },
      { x: 1, y: 1 },
    ]);
    fixture.componentRef.setInput('xLabel', 'Taux de faux positifs');
    fixture.componentRef.setInput('yLabel', 'Taux de vrais positifs');
    fixture.componentRef.setInput('ariaLabel', 'Courbe ROC');
    fixture.componentRef.setInput('xFormat', 'percent');
    fixture.componentRef.setInput('yFormat', 'percent');
    fixture.componentRef.setInput('xDomain', [0, 1]);
    fixture.componentRef.setInput('yDomain', [0, 1]);
    fixture.componentRef.setInput('diagonal', true);
    fixture.componentRef.setInput('marker', { x: 0.2, y: 0.6 });
    fixture.componentRef.setInput('markerLabel', 'Seuil choisi : 9,0 %');
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;

    const strokes = [...root.querySelectorAll('path.line')].map((path) => path.getAttribute('stroke'));
    expect(strokes).toEqual([PALETTE.brand, PALETTE.threshold, PALETTE.reference]);
    expect(root.querySelector('.legend')!.textContent).toContain('Seuil choisi : 9,0 %');
    expect(root.querySelector('.legend')!.textContent).toContain('Modèle au hasard');
    const frame = root.querySelector('.ngx-frame')!;
    expect(frame.getAttribute('role')).toBe('img');
    expect(frame.getAttribute('aria-label')).toBe('Courbe ROC');
    expect(frame.querySelector('ngx-charts-line-chart')!.getAttribute('aria-hidden')).toBe('true');
    const xTicks = [...root.querySelectorAll('.x.axis .tick text')].map((text) =>
      text.textContent?.replace(/\s/g, ' ').trim(),
    );
    expect(xTicks).toEqual(['0 %', '20 %', '40 %', '60 %', '80 %', '100 %']);
  });
});
