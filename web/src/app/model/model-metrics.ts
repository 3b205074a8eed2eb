/**
 * Reads the model quality figures out of the bundle's metrics.json (served as
 * `ModelInfo.metrics`). The training pipeline writes the cross-validated figures under
 * `crossValidated` and the curves at the top level; anything missing reads as absent.
 */

export interface ConfusionMatrix {
  trueNegative: number;
  falsePositive: number;
  falseNegative: number;
  truePositive: number;
}

export interface ModelQuality {
  auc: number | null;
  threshold: number | null;
  recall: number | null;
  precision: number | null;
  brier: number | null;
  cost: number | null;
  costAt05: number | null;
  rows: number | null;
  confusion: ConfusionMatrix | null;
  roc: { fpr: number; tpr: number; threshold: number | null }[];
  costCurve: { threshold: number; cost: number }[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const numberOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

export function readModelQuality(metrics: Json): ModelQuality {
  const figures = isObject(metrics['crossValidated']) ? metrics['crossValidated'] : metrics;
  const pick = (key: string) => numberOrNull(figures[key] ?? metrics[key]);

  const matrix = figures['confusion'] ?? metrics['confusion'] ?? metrics['confusionMatrix'];
  let confusion: ConfusionMatrix | null = null;
  if (isObject(matrix)) {
    const cells = ['trueNegative', 'falsePositive', 'falseNegative', 'truePositive'].map((k) =>
      numberOrNull(matrix[k]),
    );
    if (cells.every((c) => c !== null)) {
      const [trueNegative, falsePositive, falseNegative, truePositive] = cells;
      confusion = { trueNegative, falsePositive, falseNegative, truePositive };
    }
  }

  const roc = (Array.isArray(metrics['roc']) ? metrics['roc'] : [])
    .filter(isObject)
    .map((p) => ({ fpr: numberOrNull(p['fpr']), tpr: numberOrNull(p['tpr']), threshold: numberOrNull(p['threshold']) }))
    .filter((p): p is { fpr: number; tpr: number; threshold: number | null } => p.fpr !== null && p.tpr !== null);

  const costCurve = (Array.isArray(metrics['costCurve']) ? metrics['costCurve'] : [])
    .filter(isObject)
    .map((p) => ({ threshold: numberOrNull(p['threshold']), cost: numberOrNull(p['cost']) }))
    .filter((p): p is { threshold: number; cost: number } => p.threshold !== null && p.cost !== null);

  return {
    auc: pick('auc'),
    threshold: pick('threshold'),
    recall: pick('recall'),
    precision: pick('precision'),
    brier: pick('brier'),
    cost: pick('cost'),
    costAt05: pick('costAt05'),
    rows: numberOrNull(metrics['rows']),
    confusion,
    roc,
    costCurve,
  };
}

/** The ROC point whose threshold is closest to the chosen one: where the model works. */
export function rocPointAt(quality: ModelQuality, threshold: number): { fpr: number; tpr: number } | null {
  let best: { fpr: number; tpr: number } | null = null;
  let gap = Infinity;
  for (const point of quality.roc) {
    if (point.threshold === null) continue;
    const distance = Math.abs(point.threshold - threshold);
    if (distance < gap) {
      gap = distance;
      best = point;
    }
  }
  if (quality.confusion) {
    // The exact point from the confusion matrix beats the nearest sampled one.
    const { trueNegative, falsePositive, falseNegative, truePositive } = quality.confusion;
    const negatives = trueNegative + falsePositive;
    const positives = truePositive + falseNegative;
    if (negatives > 0 && positives > 0) return { fpr: falsePositive / negatives, tpr: truePositive / positives };
  }
  return best;
}

/** One group of a fairness report (metrics.json `fairness`, written by training/octroi_training/fairness.py). */
export interface FairnessGroup {
  group: string;
  count: number;
  defaultRate: number | null;
  approvalRate: number | null;
  approvalRatio: number | null;
  truePositiveRate: number | null;
  falsePositiveRate: number | null;
  meanPredicted: number | null;
  compared: boolean;
}

export interface FairnessAttribute {
  groups: FairnessGroup[];
  lowestApprovalRatio: number | null;
  fourFifthsMet: boolean;
  truePositiveRateGap: number | null;
  falsePositiveRateGap: number | null;
}

export interface FairnessReport {
  threshold: number | null;
  gender: FairnessAttribute | null;
  ageBand: FairnessAttribute | null;
}

function readAttribute(value: unknown): FairnessAttribute | null {
  if (!isObject(value) || !Array.isArray(value['groups'])) return null;
  const groups = value['groups'].filter(isObject).map((g) => ({
    group: typeof g['group'] === 'string' ? g['group'] : '',
    count: numberOrNull(g['count']) ?? 0,
    defaultRate: numberOrNull(g['defaultRate']),
    approvalRate: numberOrNull(g['approvalRate']),
    approvalRatio: numberOrNull(g['approvalRatio']),
    truePositiveRate: numberOrNull(g['truePositiveRate']),
    falsePositiveRate: numberOrNull(g['falsePositiveRate']),
    meanPredicted: numberOrNull(g['meanPredicted']),
    compared: g['compared'] === true,
  }));
  return {
    groups,
    lowestApprovalRatio: numberOrNull(value['lowestApprovalRatio']),
    fourFifthsMet: value['fourFifthsMet'] === true,
    truePositiveRateGap: numberOrNull(value['truePositiveRateGap']),
    falsePositiveRateGap: numberOrNull(value['falsePositiveRateGap']),
  };
}

function readReport(value: unknown): FairnessReport | null {
  if (!isObject(value)) return null;
  const report = {
    threshold: numberOrNull(value['threshold']),
    gender: readAttribute(value['gender']),
    ageBand: readAttribute(value['ageBand']),
  };
  return report.gender || report.ageBand ? report : null;
}

/**
 * Fairness by gender and age band: on the training data, and on the real sample (with its number of applications)
 * when the bundle carries it.
 */
export function readFairness(metrics: Json): {
  training: FairnessReport | null;
  realSample: FairnessReport | null;
  realSampleRows: number | null;
} {
  const realSample = isObject(metrics['realSample']) ? metrics['realSample'] : undefined;
  return {
    training: readReport(metrics['fairness']),
    realSample: readReport(realSample?.['fairness']),
    realSampleRows: numberOrNull(realSample?.['rows']),
  };
}
