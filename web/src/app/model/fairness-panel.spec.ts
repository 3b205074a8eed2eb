import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';

import type { ModelInfo } from '../core/api-types';
import { FairnessPanel } from './fairness-panel';
import { readFairness } from './model-metrics';

const group = (name: string, count: number, approval: number, ratio: number | null, tpr: number, fpr: number) => ({
  group: name,
  count,
  defaultRate: 0.08,
  approvalRate: approval,
  approvalRatio: ratio,
  truePositiveRate: tpr,
  falsePositiveRate: fpr,
  meanPredicted: 0.1,
  compared: ratio !== null,
  calibration: [],
});

const report = (women: number) => ({
  threshold: 0.3,
  gender: {
    groups: [
      group('F', 600, women, women / 0.8, 0.5, 0.2),
      group('M', 400, 0.8, 1, 0.6, 0.25),
      group('XNA', 2, 1, null, 0, 0),
    ],
    lowestApprovalRatio: Math.min(women / 0.8, 1),
    fourFifthsMet: women / 0.8 >= 0.8,
    truePositiveRateGap: 0.1,
    falsePositiveRateGap: 0.05,
  },
  ageBand: {
    groups: [group('<25', 100, 0.6, 0.75, 0.7, 0.3), group('40–60', 500, 0.8, 1, 0.5, 0.2)],
    lowestApprovalRatio: 0.75,
    fourFifthsMet: false,
    truePositiveRateGap: 0.2,
    falsePositiveRateGap: 0.1,
  },
});

const model = {
  metrics: { fairness: report(0.78), realSample: { rows: 1234, fairness: report(0.7) } },
} as unknown as ModelInfo;

describe('readFairness', () => {
  it('reads the training and real-sample reports, and nothing from metrics without them', () => {
    const { training, realSample, realSampleRows } = readFairness(model.metrics);
    expect(training?.gender?.groups.map((g) => g.group)).toEqual(['F', 'M', 'XNA']);
    expect(realSample?.ageBand?.fourFifthsMet).toBe(false);
    expect(realSampleRows).toBe(1234);
    expect(readFairness({ auc: 0.7 })).toEqual({ training: null, realSample: null, realSampleRows: null });
  });
});

describe('FairnessPanel', () => {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- ngx-charts 25 still needs the animations module
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideNoopAnimations()] }));

  function render() {
    const fixture = TestBed.createComponent(FairnessPanel);
    fixture.componentRef.setInput('model', model);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('tells each group in words and in a table, with the four-fifths verdict', () => {
    const root = render();
    const tables = [...root.querySelectorAll('table')];
    expect(tables).toHaveLength(2);
    const rows = [...tables[0].querySelectorAll('tbody tr')].map((r) =>
      [...r.children].map((c) => c.textContent?.replace(/\s/g, ' ').trim()),
    );
    expect(rows[0]).toEqual(['Femmes', '600', '8,0 %', '78,0 %', '0,98', '50,0 %', '20,0 %', '10,0 %']);
    expect(rows[2][0]).toBe('Non renseigné');
    expect(rows[2][4]).toBe('trop peu de demandes');
    expect(root.querySelector('[data-testid="fairness-summary-gender"]')!.textContent).toContain(
      'règle des quatre cinquièmes respectée',
    );
    expect(root.querySelector('[data-testid="fairness-summary-ageBand"]')!.textContent).toContain(
      'sous les quatre cinquièmes',
    );
  });

  it('names both axes of each chart with their unit, and shows the real sample on request', () => {
    const root = render();
    const axisLabels = [...root.querySelectorAll('.ngx-frame text')].map((t) => t.textContent?.trim());
    expect(axisLabels).toContain('Part du groupe (%)');
    expect(axisLabels).toContain('Âge à la demande (années)');
    const picker = root.querySelector<HTMLSelectElement>('#fairness-source')!;
    expect([...picker.options].map((option) => option.textContent.replace(/\s/g, ' ').trim())).toEqual([
      'données d’entraînement',
      'échantillon réel (1 234 demandes)',
    ]);
    picker.value = 'realSample';
    picker.dispatchEvent(new Event('change'));
    TestBed.tick();
    const firstRow = root.querySelector('tbody tr')!.textContent.replace(/\s/g, ' ');
    expect(firstRow).toContain('70,0 %');
  });
});
