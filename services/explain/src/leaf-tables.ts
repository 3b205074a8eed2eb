/**
 * What Fast TreeSHAP builds at model load (see fast-treeshap.ts for the formulas): for every leaf
 * of the trees it handles, the path features, their z_j, and for small enough leaves the table of
 * K(B) over all subsets B of those features; for every split, the bit of its feature.
 */
import type { Forest } from './forest.ts';
import { internalNodes, type LeafPath, leafPaths, shapleyWeights } from './leaf-paths.ts';

export interface LeafTableOptions {
  /** Leaves with at most this many unique path features read K from a table built at load. */
  maxTableFeatures?: number;
  /** Total table entries (8 bytes each) across the model; further leaves are computed directly. */
  maxTableEntries?: number;
  /** Trees with a leaf beyond this many unique path features use the reference algorithm. */
  maxPathFeatures?: number;
}

/** Subsets of a leaf's features are bitmasks in a 32-bit integer. */
export const BITMASK_FEATURES = 30;

/** Every leaf of the fast trees, flattened for the row loop. */
class LeafBuilder {
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

/** The built tables, as typed arrays for the row loop. */
export interface LeafTables {
  /** Trees left to the reference algorithm: paths too wide for a bitmask, or an empty branch. */
  slowTrees: number[];
  /** Internal nodes of the fast trees, each tree in preorder, so a parent comes before its children. */
  splitNodes: Int32Array;
  roots: Int32Array;
  /**
   * The bit of the node's feature in the subset bitmask of every leaf below it: features are
   * numbered in order of first split from the root, so all leaves under a node agree on it.
   */
  nodeBit: Int32Array;
  leafValue: Float64Array;
  /** The leaf's index in the forest. */
  forestLeaf: Int32Array;
  /** Leaf l's unique path features are uniqueStart[l] … uniqueStart[l + 1] - 1. */
  uniqueStart: Int32Array;
  uniqueFeature: Int32Array;
  uniqueZero: Float64Array;
  uniqueGain: Float64Array;
  /** Where leaf l's K table starts in `table`, -1 for a leaf computed directly. */
  tableStart: Int32Array;
  table: Float64Array;
}

export function buildLeafTables(
  forest: Forest,
  { maxTableFeatures = 6, maxTableEntries = 1 << 24, maxPathFeatures = BITMASK_FEATURES }: LeafTableOptions = {},
): LeafTables {
  const leaves = new LeafBuilder();
  const subsets = new SubsetTables();
  const slowTrees: number[] = [];
  const nodes: number[] = [];
  const roots: number[] = [];
  const nodeBit = new Int32Array(forest.splitFeature.length);
  const widestAllowed = Math.min(maxPathFeatures, BITMASK_FEATURES);
  forest.roots.forEach((root, t) => {
    if (root < 0) return; // a single leaf only moves the expected value
    const paths = leafPaths(forest, root);
    const tooWide = paths.some((p) => p.features.length > widestAllowed);
    if (tooWide || paths.some((p) => p.zeroFractions.includes(0))) {
      slowTrees.push(t);
      return;
    }
    roots.push(root);
    nodes.push(...internalNodes(forest, root));
    for (const path of paths) {
      path.nodes.forEach((node, k) => (nodeBit[node] = 1 << path.slots[k]!));
      const d = path.features.length;
      const tabulated = d <= maxTableFeatures && leaves.entries + 2 ** d <= maxTableEntries;
      const value = forest.leafValue[path.leaf]!;
      leaves.add(path, value, tabulated ? subsets.table(path.zeroFractions, value) : null);
    }
  });
  return {
    slowTrees,
    splitNodes: Int32Array.from(nodes),
    roots: Int32Array.from(roots),
    nodeBit,
    leafValue: Float64Array.from(leaves.value),
    forestLeaf: Int32Array.from(leaves.forestLeaf),
    uniqueStart: Int32Array.from(leaves.uniqueStart),
    uniqueFeature: Int32Array.from(leaves.uniqueFeature),
    uniqueZero: Float64Array.from(leaves.uniqueZero),
    uniqueGain: Float64Array.from(leaves.uniqueGain),
    tableStart: Int32Array.from(leaves.tableStart),
    table: leaves.packTables(),
  };
}

/**
 * Builds K(B) = v · Π_{j ∉ B} z_j · H(B) for every subset B of a leaf's features. With m = |B|
 * and e_k the elementary symmetric polynomials of the z_j in B, H(B) = Σ_s w(s) · e_{m-s}; e is
 * built subset by subset from the subset without its highest member: e(B) = e(B') · (1 + z_h x).
 */
class SubsetTables {
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
