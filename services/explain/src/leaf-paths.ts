/**
 * What Fast TreeSHAP precomputes at model load: every leaf's path from the root, its unique
 * features with the share of training rows that followed the path's splits on each, and for
 * small enough leaves the table of K(B) over all subsets B of those features
 * (see fast-treeshap.ts for the formulas).
 */
import { cover, type Forest } from './forest.ts';

/** One leaf seen from the root: the splits on the way, grouped by feature. */
export interface LeafPath {
  leaf: number;
  /** The splits from the root down. */
  nodes: number[];
  /** Position of each split's feature in `features`. */
  slots: number[];
  /** Unique features on the path, in order of first split. */
  features: number[];
  /** z_j: the share of training rows that followed every split on features[j] along the path. */
  zeroFractions: number[];
}

export function leafPaths(forest: Forest, root: number): LeafPath[] {
  const paths: LeafPath[] = [];
  const walk = (node: number, path: LeafPath): void => {
    if (node < 0) {
      paths.push({ ...path, leaf: ~node });
      return;
    }
    const feature = forest.splitFeature[node]!;
    for (const left of [true, false]) {
      const child = left ? forest.left[node]! : forest.right[node]!;
      const share = cover(forest, child) / cover(forest, node);
      const slot = path.features.indexOf(feature);
      const next: LeafPath = {
        leaf: -1,
        nodes: [...path.nodes, node],
        slots: [...path.slots, slot === -1 ? path.features.length : slot],
        features: slot === -1 ? [...path.features, feature] : path.features,
        zeroFractions: slot === -1 ? [...path.zeroFractions, share] : path.zeroFractions.map((z, j) => (j === slot ? z * share : z)),
      };
      walk(child, next);
    }
  };
  walk(root, { leaf: -1, nodes: [], slots: [], features: [], zeroFractions: [] });
  return paths;
}

export function internalNodes(forest: Forest, root: number): number[] {
  const found: number[] = [];
  const visit = (node: number): void => {
    if (node < 0) return;
    found.push(node);
    visit(forest.left[node]!);
    visit(forest.right[node]!);
  };
  visit(root);
  return found;
}

/** w(s) = s!(d-s-1)!/d!, the Shapley weight of a coalition of s among d players. */
export function shapleyWeights(d: number): Float64Array {
  const w = new Float64Array(Math.max(d, 1));
  w[0] = 1 / d;
  for (let s = 1; s < d; s++) w[s] = (w[s - 1]! * s) / (d - s);
  return w;
}

/**
 * Builds K(B) = v · Π_{j ∉ B} z_j · H(B) for every subset B of a leaf's features. With m = |B|
 * and e_k the elementary symmetric polynomials of the z_j in B, H(B) = Σ_s w(s) · e_{m-s}; e is
 * built subset by subset from the subset without its highest member: e(B) = e(B') · (1 + z_h x).
 */
export class SubsetTables {
  private polynomials = new Float64Array(0);
  private products = new Float64Array(0);

  table(zeroFractions: number[], leafValue: number): Float64Array {
    const d = zeroFractions.length;
    const size = 1 << d;
    const stride = d + 1;
    if (this.polynomials.length < size * stride) {
      this.polynomials = new Float64Array(size * stride);
      this.products = new Float64Array(size);
    }
    const e = this.polynomials;
    const product = this.products;
    e[0] = 1;
    product[0] = 1;
    for (let subset = 1; subset < size; subset++) {
      const highest = 31 - Math.clz32(subset);
      const rest = subset ^ (1 << highest);
      const m = popcount(subset);
      const z = zeroFractions[highest]!;
      product[subset] = product[rest]! * z;
      for (let k = 0; k <= m; k++) {
        const keep = k < m ? e[rest * stride + k]! : 0;
        const add = k > 0 ? z * e[rest * stride + k - 1]! : 0;
        e[subset * stride + k] = keep + add;
      }
    }
    const weights = shapleyWeights(d);
    const table = new Float64Array(size);
    // The full set is never looked up: a feature's own split is always left out of B.
    for (let subset = 0; subset < size - 1; subset++) {
      const m = popcount(subset);
      let h = 0;
      for (let s = 0; s <= m; s++) h += weights[s]! * e[subset * stride + m - s]!;
      table[subset] = leafValue * product[(size - 1) ^ subset]! * h;
    }
    return table;
  }
}

function popcount(n: number): number {
  let count = 0;
  for (let v = n; v !== 0; v &= v - 1) count++;
  return count;
}
