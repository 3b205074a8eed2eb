import { readModelQuality, rocPointAt } from './model-metrics';

describe('readModelQuality', () => {
  const metrics = {
    rows: 1000,
    crossValidated: {
      auc: 0.76,
      threshold: 0.42,
      cost: 1234,
      recall: 0.6,
      precision: 0.2,
      confusion: { trueNegative: 700, falsePositive: 220, falseNegative: 32, truePositive: 48 },
    },
    roc: [
      { fpr: 0, tpr: 0, threshold: 1 },
      { fpr: 0.24, tpr: 0.6, threshold: 0.42 },
      { fpr: 1, tpr: 1, threshold: 0 },
    ],
    costCurve: [
      { threshold: 0, cost: 920, costPerApplicant: 0.92 },
      { threshold: 0.5, cost: 1400, costPerApplicant: 1.4 },
    ],
  };

  it('reads the cross-validated figures and the curves of metrics.json', () => {
    const quality = readModelQuality(metrics);
    expect(quality.auc).toBe(0.76);
    expect(quality.confusion?.truePositive).toBe(48);
    expect(quality.roc).toHaveLength(3);
    expect(quality.costCurve.map((p) => p.cost)).toEqual([920, 1400]);
  });

  it('reads absent figures as absent instead of failing', () => {
    const quality = readModelQuality({ something: 'else' });
    expect(quality.auc).toBeNull();
    expect(quality.confusion).toBeNull();
    expect(quality.roc).toEqual([]);
  });

  it('places the chosen threshold on the ROC curve from the confusion matrix', () => {
    const point = rocPointAt(readModelQuality(metrics), 0.42);
    expect(point?.fpr).toBeCloseTo(220 / 920);
    expect(point?.tpr).toBeCloseTo(0.6);
  });
});
