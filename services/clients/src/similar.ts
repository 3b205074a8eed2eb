import type { SimilarClients } from '@octroi/contracts';
import { decisionRuleOf, type ApplicantFeatures, type ModelBundle } from '@octroi/model-bundle';
import { requireClientRow, verdictOf } from './lookup.ts';
import { NearestRows } from './nearest-rows.ts';

/** How many of the model's most important features describe a client for likeness. */
export const SIMILARITY_FEATURE_COUNT = 12;

/**
 * The clients most like a given one on the features that weigh most in the model, each feature
 * standardised by the population's mean and standard deviation so that no unit dominates.
 * A missing value is left out of the distance rather than guessed (see `nearest`).
 */
export class SimilarityIndex {
  readonly featureNames: string[];
  /** Standardised values, row-major, `stride` per applicant, NaN where missing. */
  private readonly standardised: Float32Array;
  private readonly dimensions: number;
  /** Dimensions rounded up to a multiple of 4 (the padding is NaN, so never counted). */
  private readonly stride: number;
  private readonly size: number;

  constructor(
    private readonly bundle: ModelBundle,
    private readonly features: ApplicantFeatures,
    featureCount = SIMILARITY_FEATURE_COUNT,
  ) {
    this.featureNames = similarityFeatures(bundle, featureCount);
    this.dimensions = this.featureNames.length;
    this.stride = Math.ceil(this.dimensions / 4) * 4;
    this.size = features.size;
    this.standardised = standardise(bundle, features, this.featureNames, this.stride);
  }

  similar(clientId: number, k: number): SimilarClients {
    const row = requireClientRow(this.features, clientId);
    const neighbours = this.nearest(row, k).map(({ row: neighbour, distance }) => ({
      clientId: this.features.ids[neighbour]!,
      distance,
      ...verdictOf(this.features, neighbour, decisionRuleOf(this.bundle)),
    }));
    return { clientId, features: this.featureNames, neighbours };
  }

  /**
   * One pass over all applicants keeping the k best. The distance uses only the features both
   * clients have (a NaN difference is skipped), scaled up to all dimensions as scikit-learn's
   * nan_euclidean_distances, and a neighbour must share at least half of the client's known
   * features to count at all.
   *
   * Whatever a row shares, its score is at least sum · dimensions / known, so a row is dropped
   * once its partial sum passes `bound`: most rows stop after four features. Four at a time,
   * unrolled, halves the time of a feature-by-feature loop.
   */
  private nearest(queryRow: number, k: number): { row: number; distance: number }[] {
    const { standardised: z, dimensions, stride } = this;
    const q = z.slice(queryRow * stride, (queryRow + 1) * stride);
    const known = q.filter((value) => !Number.isNaN(value)).length;
    if (known === 0) return [];
    const minShared = Math.ceil(known / 2);
    const best = new NearestRows(k);
    let bound = Infinity;
    for (let row = 0, base = 0; row < this.size; row++, base += stride) {
      let sum = 0;
      let shared = 0;
      for (let j = 0; j < stride && sum <= bound; j += 4) {
        const d0 = z[base + j]! - q[j]!;
        const d1 = z[base + j + 1]! - q[j + 1]!;
        const d2 = z[base + j + 2]! - q[j + 2]!;
        const d3 = z[base + j + 3]! - q[j + 3]!;
        if (d0 === d0) {
          sum += d0 * d0;
          shared++;
        }
        if (d1 === d1) {
          sum += d1 * d1;
          shared++;
        }
        if (d2 === d2) {
          sum += d2 * d2;
          shared++;
        }
        if (d3 === d3) {
          sum += d3 * d3;
          shared++;
        }
      }
      if (sum > bound || shared < minShared || row === queryRow) continue;
      if (best.offer(row, (sum * dimensions) / shared)) bound = (best.worst() * known) / dimensions;
    }
    return best.sorted().map(({ row, score }) => ({ row, distance: Math.sqrt(score) }));
  }
}

/** The top features by gain that a distance can use: numeric, with a spread in the population. */
function similarityFeatures(bundle: ModelBundle, count: number): string[] {
  const kindOf = new Map(bundle.spec.features.map((feature) => [feature.name, feature.kind]));
  return bundle.importance
    .map(({ feature }) => feature)
    .filter((feature) => kindOf.get(feature) === 'numeric' && spreadOf(bundle, feature) !== undefined)
    .slice(0, count);
}

function spreadOf(bundle: ModelBundle, feature: string): { mean: number; std: number } | undefined {
  const stats = bundle.population.get(feature);
  if (!stats || stats.mean === null || stats.std === null || !(stats.std > 0)) return undefined;
  return { mean: stats.mean, std: stats.std };
}

function standardise(bundle: ModelBundle, features: ApplicantFeatures, names: string[], stride: number): Float32Array {
  const out = new Float32Array(features.size * stride).fill(NaN);
  const { matrix, featureCount } = features;
  names.forEach((name, j) => {
    const { mean, std } = spreadOf(bundle, name)!;
    const index = bundle.featureNames.indexOf(name);
    for (let row = 0; row < features.size; row++) {
      out[row * stride + j] = (matrix[row * featureCount + index]! - mean) / std;
    }
  });
  return out;
}
