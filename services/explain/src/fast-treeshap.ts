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
import { internalNodes, type LeafPath, leafPaths, shapleyWeights, SubsetTables } from './leaf-paths.ts';
import { TreeShap } from './treeshap.ts';

export interface FastTreeShapOptions {
  /** Leaves with at most this many unique path features read K from a table built at load. */
  maxTableFeatures?: number;
  /** Total table entries (8 bytes each) across the model; further leaves are computed directly. */
  maxTableEntries?: number;
  /** Trees with a leaf beyond this many unique path features use the reference algorithm. */
  maxPathFeatures?: number;
}

/** Subsets of a leaf's features are bitmasks in a 32-bit integer. */
const BITMASK_FEATURES = 30;

/** Every leaf of the fast trees, flattened for the row loop. */
class Leaves {
  value: number[] = [];
  /** The leaf's index in the forest. */
  forestLeaf: number[] = [];
  uniqueStart: number[] = [0];
  uniqueFeature: number[] = [];
  uniqueZero: number[] = [];
  /** (1 - z_j) / z_j: turns K(A \ {j}) into feature j's share when the row follows j's splits. */
  uniqueGain: number[] = [];
  /** Where the leaf's K table starts, -1 for a leaf computed directly. */
  tableStart: number[] = [];
  tables: Float64Array[] = [];
  entries = 0;

  add(path: LeafPath, value: number, table: Float64Array | null): void {
    this.value.push(value);
    this.forestLeaf.push(path.leaf);
    this.uniqueFeature.push(...path.features);
    this.uniqueZero.push(...path.zeroFractions);
    this.uniqueGain.push(...path.zeroFractions.map((z) => (1 - z) / z));
    this.uniqueStart.push(this.uniqueFeature.length);
    this.tableStart.push(table ? this.entries : -1);
    if (table) {
      this.tables.push(table);
      this.entries += table.length;
    }
  }

  packTables(): Float64Array {
    const packed = new Float64Array(this.entries);
    let offset = 0;
    for (const table of this.tables) {
      packed.set(table, offset);
      offset += table.length;
    }
    return packed;
  }
}

export class FastTreeShap {
  private readonly reference: TreeShap;
  /** Trees explained by the reference algorithm: paths too wide for a bitmask, or an empty branch. */
  readonly slowTrees: number[] = [];
  /** Internal nodes of the fast trees, each tree in preorder, so a parent comes before its children. */
  private readonly splitNodes: Int32Array;
  private readonly fastRoots: Int32Array;
  /**
   * The bit of the node's feature in the subset bitmask of every leaf below it: features are
   * numbered in order of first split from the root, so all leaves under a node agree on it.
   */
  private readonly nodeBit: Int32Array;
  /** Per row: path features whose splits the row did not follow, down to each node and leaf. */
  private readonly missedAtNode: Int32Array;
  private readonly missedAtLeaf: Int32Array;
  private readonly leafCount: number;
  private readonly leafValue: Float64Array;
  private readonly forestLeaf: Int32Array;
  private readonly uniqueStart: Int32Array;
  private readonly uniqueFeature: Int32Array;
  private readonly uniqueZero: Float64Array;
  private readonly uniqueGain: Float64Array;
  private readonly tableStart: Int32Array;
  private readonly table: Float64Array;
  /** Shapley weights w(s) for each number d of unique features. */
  private readonly weights: Float64Array[];
  /** Scratch for the direct computation: polynomial coefficients, followed features. */
  private readonly polynomial = new Float64Array(BITMASK_FEATURES + 1);
  private readonly followedSlots = new Int32Array(BITMASK_FEATURES);

  constructor(
    private readonly forest: Forest,
    { maxTableFeatures = 6, maxTableEntries = 1 << 24, maxPathFeatures = BITMASK_FEATURES }: FastTreeShapOptions = {},
  ) {
    this.reference = new TreeShap(forest);
    const leaves = new Leaves();
    const nodes: number[] = [];
    const roots: number[] = [];
    this.nodeBit = new Int32Array(forest.splitFeature.length);
    const tables = new SubsetTables();
    const widestAllowed = Math.min(maxPathFeatures, BITMASK_FEATURES);
    forest.roots.forEach((root, t) => {
      if (root < 0) return; // a single leaf only moves the expected value
      const paths = leafPaths(forest, root);
      const tooWide = paths.some((p) => p.features.length > widestAllowed);
      if (tooWide || paths.some((p) => p.zeroFractions.includes(0))) {
        this.slowTrees.push(t);
        return;
      }
      roots.push(root);
      nodes.push(...internalNodes(forest, root));
      for (const path of paths) {
        path.nodes.forEach((node, k) => (this.nodeBit[node] = 1 << path.slots[k]!));
        const d = path.features.length;
        const tabulated = d <= maxTableFeatures && leaves.entries + 2 ** d <= maxTableEntries;
        const value = forest.leafValue[path.leaf]!;
        leaves.add(path, value, tabulated ? tables.table(path.zeroFractions, value) : null);
      }
    });
    this.splitNodes = Int32Array.from(nodes);
    this.fastRoots = Int32Array.from(roots);
    this.missedAtNode = new Int32Array(forest.splitFeature.length);
    this.missedAtLeaf = new Int32Array(forest.leafValue.length);
    this.leafCount = leaves.value.length;
    this.leafValue = Float64Array.from(leaves.value);
    this.forestLeaf = Int32Array.from(leaves.forestLeaf);
    this.uniqueStart = Int32Array.from(leaves.uniqueStart);
    this.uniqueFeature = Int32Array.from(leaves.uniqueFeature);
    this.uniqueZero = Float64Array.from(leaves.uniqueZero);
    this.uniqueGain = Float64Array.from(leaves.uniqueGain);
    this.tableStart = Int32Array.from(leaves.tableStart);
    this.table = leaves.packTables();
    this.weights = Array.from({ length: BITMASK_FEATURES + 1 }, (_, d) => shapleyWeights(d));
  }

  /** Size of the precomputed tables, in bytes. */
  get tableBytes(): number {
    return this.table.byteLength;
  }

  /** SHAP values in log-odds, one per feature; with the expected value they sum to the raw score. */
  explain(features: ArrayLike<number>): Float64Array {
    const phi = new Float64Array(this.forest.featureNames.length);
    this.followSplits(features);
    for (let leaf = 0; leaf < this.leafCount; leaf++) {
      const d = this.uniqueStart[leaf + 1]! - this.uniqueStart[leaf]!;
      // A: the leaf's path features whose every split this row follows.
      const followed = ((1 << d) - 1) & ~this.missedAtLeaf[this.forestLeaf[leaf]!]!;
      if (this.tableStart[leaf]! >= 0) this.addFromTable(leaf, followed, phi);
      else this.addDirectly(leaf, followed, phi);
    }
    for (const t of this.slowTrees) this.reference.addTree(t, features, phi);
    return phi;
  }

  /**
   * Each split once per row, top down: a child inherits the features its parent's path missed,
   * plus the node's own feature when the row goes the other way.
   */
  private followSplits(features: ArrayLike<number>): void {
    const { forest, splitNodes, nodeBit, missedAtNode, missedAtLeaf } = this;
    for (let t = 0; t < this.fastRoots.length; t++) missedAtNode[this.fastRoots[t]!] = 0;
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
    const { uniqueFeature, uniqueGain, table } = this;
    const first = this.uniqueStart[leaf]!;
    const d = this.uniqueStart[leaf + 1]! - first;
    const offset = this.tableStart[leaf]!;
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
    const { uniqueFeature, uniqueZero, polynomial: e, followedSlots } = this;
    const first = this.uniqueStart[leaf]!;
    const d = this.uniqueStart[leaf + 1]! - first;
    const w = this.weights[d]!;
    let scale = this.leafValue[leaf]!; // v · Π_{j ∉ A} z_j
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
