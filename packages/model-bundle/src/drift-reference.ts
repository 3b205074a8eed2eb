import type { ApplicantFeatures } from './applicants.ts';
import type { ModelBundle } from './bundle.ts';

/**
 * The training population a live population is compared with, bin by bin. A model feature's bins are those of
 * its histogram in population.json (about 20 quantile bins, or one bin per category), plus a last bin for missing
 * values; the score's bins are the deciles of the training applicants' scores. Scoring replicas count live
 * applications in these bins, the monitoring service compares the counts with the training shares: both derive the
 * bins from the bundle through this file, so they always agree.
 */
export interface BinnedVariable {
  name: string;
  kind: 'numeric' | 'categorical';
  /** A feature from the applicant's credit history: a new application without that history tells nothing about it. */
  fromHistory: boolean;
  /** Numeric: the bins' lower edges then the last upper edge (bin i is [edges[i], edges[i+1]), the last closed). */
  edges: number[];
  /** Categorical: the category of each bin (its code is its index). */
  categories: string[];
  /** Share of training applicants in each bin, the missing ones last: sums to 1. */
  training: number[];
}

export interface DriftReference {
  modelVersion: string;
  features: BinnedVariable[];
  score: BinnedVariable;
}

const SCORE_BINS = 10;

export function driftReference(
  bundle: ModelBundle,
  applicants: Pick<ApplicantFeatures, 'size' | 'target' | 'probability'>,
): DriftReference {
  const features: BinnedVariable[] = [];
  for (const feature of bundle.spec.features) {
    const stats = bundle.population.get(feature.name);
    if (!stats || stats.histogram.length === 0) continue; // never observed in training: nothing to compare with
    const total = stats.count + stats.missing;
    const categorical = feature.kind === 'categorical';
    features.push({
      name: feature.name,
      kind: categorical ? 'categorical' : 'numeric',
      fromHistory: feature.source !== 'application',
      edges: categorical ? [] : [...stats.histogram.map((bin) => bin.from), stats.histogram.at(-1)!.to],
      categories: categorical ? stats.histogram.map((bin) => feature.categories?.[bin.from] ?? String(bin.from)) : [],
      training: [...stats.histogram.map((bin) => (bin.repaid + bin.defaulted) / total), stats.missing / total],
    });
  }
  return { modelVersion: bundle.version, features, score: scoreDeciles(applicants) };
}

/** Deciles of the exported model's scores over the training applicants (those with a known outcome). */
function scoreDeciles(applicants: Pick<ApplicantFeatures, 'size' | 'target' | 'probability'>): BinnedVariable {
  const scores: number[] = [];
  for (let row = 0; row < applicants.size; row++) {
    if (!Number.isNaN(applicants.target(row))) scores.push(applicants.probability(row));
  }
  scores.sort((a, b) => a - b);
  const at = (q: number) => scores[Math.min(scores.length - 1, Math.floor(q * scores.length))] ?? 0;
  const edges = [...new Set([0, ...Array.from({ length: SCORE_BINS - 1 }, (_, i) => at((i + 1) / SCORE_BINS)), 1])];
  const variable: BinnedVariable = {
    name: 'score',
    kind: 'numeric',
    fromHistory: false,
    edges,
    categories: [],
    training: [],
  };
  const counts = new Array<number>(edges.length).fill(0); // bins, then missing
  for (const score of scores) counts[binOf(variable, score)]!++;
  variable.training = counts.map((count) => count / Math.max(1, scores.length));
  return variable;
}

/**
 * The bin of a value, as the training pipeline assigned them: the last edge at or below the value, values outside
 * the training range in the first or last bin; NaN, or a category the training population never had, is missing.
 */
export function binOf(variable: BinnedVariable, value: number): number {
  const missing = variable.training.length - 1;
  if (Number.isNaN(value)) return missing;
  if (variable.kind === 'categorical')
    return Number.isInteger(value) && value >= 0 && value < missing ? value : missing;
  const { edges } = variable;
  let low = 0;
  let high = edges.length - 2; // the last bin
  if (value < edges[0]!) return 0;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (edges[middle]! <= value) low = middle;
    else high = middle - 1;
  }
  return Math.max(0, low);
}

/** What a bin is, for people: its range, its category, or `missing`. */
export function binLabel(
  variable: BinnedVariable,
  bin: number,
): { from: number | null; to: number | null; category: string | null } {
  if (bin === variable.training.length - 1) return { from: null, to: null, category: null };
  if (variable.kind === 'categorical') return { from: null, to: null, category: variable.categories[bin] ?? null };
  return { from: variable.edges[bin] ?? null, to: variable.edges[bin + 1] ?? null, category: null };
}
