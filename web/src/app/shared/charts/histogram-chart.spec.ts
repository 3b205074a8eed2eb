import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';

import type { Population } from '../../core/api-types';
import { HistogramChart } from './histogram-chart';

const population: Population = {
  feature: 'EXT_SOURCE_3',
  label: 'Score externe 3',
  description: '',
  kind: 'numeric',
  count: 400,
  missing: 0,
  mean: 0.5,
  std: 0.2,
  quantiles: [],
  histogram: [
    { from: 0, to: 0.5, repaid: 100, defaulted: 60 },
    { from: 0.5, to: 1, repaid: 300, defaulted: 40 },
  ],
  clientValue: 0.25,
  clientPercentile: 18,
};

/** The labels ngx-charts writes under the bars. */
const tickLabels = (root: HTMLElement) =>
  [...root.querySelectorAll('.x.axis .tick text')].map((text) => text.textContent?.trim());

describe('HistogramChart', () => {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- ngx-charts 25 still needs the animations module
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideNoopAnimations()] }));

  it('compares each group by its own shares, marks the client and says where the client stands', async () => {
    const fixture = TestBed.createComponent(HistogramChart);
    fixture.componentRef.setInput('population', population);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;

    const rows = [...root.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.children].map((cell) => cell.textContent?.replace(/\s/g, ' ').trim()),
    );
    expect(rows).toEqual([
      ['0 – 0,5 (ce client)', '25,0 %', '60,0 %'],
      ['0,5 – 1', '75,0 %', '40,0 %'],
    ]);
    expect(root.textContent).toMatch(/Le client a la valeur 0,25, plus que 18\s% des clients./);
    // The client's bin is labelled with a triangle and the client's value.
    expect(tickLabels(root)).toEqual(['▲ 0,25', '0,5']);
  });

  it('names the client’s category and how common it is', async () => {
    const fixture = TestBed.createComponent(HistogramChart);
    fixture.componentRef.setInput('population', {
      ...population,
      kind: 'categorical',
      categories: ['Lower secondary', 'Higher education'],
      histogram: [
        { from: 0, to: 0, repaid: 100, defaulted: 60 },
        { from: 1, to: 1, repaid: 300, defaulted: 40 },
      ],
      clientValue: 1,
      clientPercentile: null,
    });
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    expect(root.textContent).toMatch(/Le client est dans la catégorie « Higher education », comme 68\s% des clients./);
    expect(root.querySelector('tbody tr th')!.textContent).toBe('Lower secondary');
    expect(tickLabels(root)).toEqual(['Lower seconda…', '▲ Higher educat…']);
  });

  it('says so when the client has no value', async () => {
    const fixture = TestBed.createComponent(HistogramChart);
    fixture.componentRef.setInput('population', { ...population, clientValue: null, clientPercentile: null });
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain('Cette valeur n’est pas renseignée pour ce client.');
    expect(tickLabels(fixture.nativeElement)).toEqual(['0', '0,5']);
    expect(fixture.nativeElement.textContent).not.toContain('(ce client)');
  });
});
