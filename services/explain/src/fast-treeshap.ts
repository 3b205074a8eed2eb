/**
 * Fast TreeSHAP v2 (Yang 2021, "Fast TreeSHAP: Accelerating SHAP Value Computation for Trees"):
 * the same path-dependent SHAP values as treeshap.ts, with the combinatorial part moved to model
 * load so that explaining a row costs O(trees × leaves × depth) instead of O(… × depth²).
 *
 * For one leaf with value v and unique path features U (d of them), each with the share z_j of
 * training rows that followed the path's splits on j, a row either follows all of those splits
 * (j in A) or not. Path-dependent SHAP then gives, with
 *   H(B) = Σ_{S ⊆ B} |S|!(d-|S|-1)!/d! · Π_{j ∈ B\S} z_j   and   K(B) = v · Π_{j ∉ B} z_j · H(B):
 *   feature i not in A:   -K(A)
 *   feature i in A:       (1 - z_i)/z_i · K(A \ {i})
 * K depends only on the tree, so it is tabulated for every subset B of U (2^d values per leaf),
 * and a row costs one table read and one addition per leaf and path feature.
 *
 * Table reads are memory reads: once the tables outgrow the processor's caches, computing H(A)
 * from the z_j of the row's own A (the polynomial below, O(d²) in registers) is faster than
 * fetching it. Leaves with more than `maxTableFeatures` unique features are therefore computed
 * directly; trees with a leaf beyond 30 unique features (the subset bitmask) use the reference.
 */
import { type Forest, goesLeft } from './forest.ts';
import { shapleyWeights } from './leaf-paths.ts';
import { BITMASK_FEATURES, buildLeafTables, type LeafTableOptions, type LeafTables } from './leaf-tables.ts';
import { TreeShap } from './treeshap.ts';

export type FastTreeShapOptions = LeafTableOptions;

export class FastTreeShap {
  private readonly reference: TreeShap;
  private readonly tables: LeafTables;
  /** Per row: path features whose splits the row did not follow, down to each node and leaf. */
  private readonly missedAtNode: Int32Array;
  private readonly missedAtLeaf: Int32Array;
  /** Shapley weights w(s) for each number d of unique features. */
  private readonly weights: Float64Array[];
  /** Scratch for the direct computation: polynomial coefficients, followed features. */
  private readonly polynomial = new Float64Array(BITMASK_FEATURES + 1);
  private readonly followedSlots = new Int32Array(BITMASK_FEATURES);

  constructor(
    private readonly forest: Forest,
    options: FastTreeShapOptions = {},
  ) {
    this.reference = new TreeShap(forest);
    this.tables = buildLeafTables(forest, options);
    this.missedAtNode = new Int32Array(forest.splitFeature.length);
    this.missedAtLeaf = new Int32Array(forest.leafValue.length);
    this.weights = Array.from({ length: BITMASK_FEATURES + 1 }, (_, d) => shapleyWeights(d));
  }

  /** Trees explained by the reference algorithm. */
  get slowTrees(): readonly number[] {
    return this.tables.slowTrees;
  }

  /** Size of the precomputed tables, in bytes. */
  get tableBytes(): number {
    return this.tables.table.byteLength;
  }

  /** SHAP values in log-odds, one per feature; with the expected value they sum to the raw score. */
  explain(features: ArrayLike<number>): Float64Array {
    const phi = new Float64Array(this.forest.featureNames.length);
    const { uniqueStart, forestLeaf, tableStart, slowTrees } = this.tables;
    this.followSplits(features);
    for (let leaf = 0; leaf < forestLeaf.length; leaf++) {
      const d = uniqueStart[leaf + 1]! - uniqueStart[leaf]!;
      // A: the leaf's path features whose every split this row follows.
      const followed = ((1 << d) - 1) & ~this.missedAtLeaf[forestLeaf[leaf]!]!;
      if (tableStart[leaf]! >= 0) this.addFromTable(leaf, followed, phi);
      else this.addDirectly(leaf, followed, phi);
    }
    for (const t of slowTrees) this.reference.addTree(t, features, phi);
    return phi;
  }

  /**
   * Each split once per row, top down: a child inherits the features its parent's path missed,
   * plus the node's own feature when the row goes the other way.
   */
  private followSplits(features: ArrayLike<number>): void {
    const { forest, missedAtNode, missedAtLeaf } = this;
    const { splitNodes, nodeBit, roots } = this.tables;
    for (let t = 0; t < roots.length; t++) missedAtNode[roots[t]!] = 0;
    for (let k = 0; k < splitNodes.length; k++) {
      const node = splitNodes[k]!;
      const missed = missedAtNode[node]!;
      const wentLeft = goesLeft(forest, node, features[forest.splitFeature[node]!]!);
      const left = forest.left[node]!;
      const right = forest.right[node]!;
      const leftMissed = wentLeft ? missed : missed | nodeBit[node]!;
      const rightMissed = wentLeft ? missed | nodeBit[node]! : missed;
      if (left >= 0) missedAtNode[left] = leftMissed;
      else missedAtLeaf[~left] = leftMissed;
      if (right >= 0) missedAtNode[right] = rightMissed;
      else missedAtLeaf[~right] = rightMissed;
    }
  }

  private addFromTable(leaf: number, followed: number, phi: Float64Array): void {
    const { uniqueStart, uniqueFeature, uniqueGain, tableStart, table } = this.tables;
    const first = uniqueStart[leaf]!;
    const d = uniqueStart[leaf + 1]! - first;
    const offset = tableStart[leaf]!;
    const notFollowed = table[offset + followed]!;
    for (let j = 0; j < d; j++) {
      const bit = 1 << j;
      const feature = uniqueFeature[first + j]!;
      if ((followed & bit) !== 0) phi[feature]! += uniqueGain[first + j]! * table[offset + (followed ^ bit)]!;
      else phi[feature]! -= notFollowed;
    }
  }

  /**
   * The same K values from the row's own A: e = Π_{j ∈ A} (1 + z_j x) gives H(A), and dividing
   * e by (1 + z_i x) gives H(A \ {i}) for each followed i.
   */
  private addDirectly(leaf: number, followed: number, phi: Float64Array): void {
    const { uniqueStart, uniqueFeature, uniqueZero, leafValue } = this.tables;
    const { polynomial: e, followedSlots } = this;
    const first = uniqueStart[leaf]!;
    const d = uniqueStart[leaf + 1]! - first;
    const w = this.weights[d]!;
    let scale = leafValue[leaf]!; // v · Π_{j ∉ A} z_j
    let m = 0;
    e[0] = 1;
    for (let j = 0; j < d; j++) {
      const z = uniqueZero[first + j]!;
      if ((followed & (1 << j)) === 0) {
        scale *= z;
        continue;
      }
      m++;
      e[m] = 0;
      for (let k = m; k > 0; k--) e[k]! += z * e[k - 1]!;
      followedSlots[m - 1] = j;
    }
    if (m < d) {
      let h = 0;
      for (let s = 0; s <= m; s++) h += w[s]! * e[m - s]!;
      const notFollowed = scale * h;
      for (let j = 0; j < d; j++) if ((followed & (1 << j)) === 0) phi[uniqueFeature[first + j]!]! -= notFollowed;
    }
    for (let a = 0; a < m; a++) {
      const j = followedSlots[a]!;
      const z = uniqueZero[first + j]!;
      let quotient = 1; // coefficients of e / (1 + z x), lowest first
      let h = w[m - 1]!;
      for (let k = 1; k < m; k++) {
        quotient = e[k]! - z * quotient;
        h += w[m - 1 - k]! * quotient;
      }
      phi[uniqueFeature[first + j]!]! += (1 - z) * scale * h;
    }
  }
}
