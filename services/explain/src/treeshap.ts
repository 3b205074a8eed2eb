/**
 * Path-dependent TreeSHAP (Lundberg et al. 2018, "Consistent individualized feature attribution
 * for tree ensembles", Algorithm 2), following LightGBM's Tree::TreeSHAP step by step so that the
 * values agree with `predict(pred_contrib=True)`. This is the reference implementation: the fast
 * one (fast-treeshap.ts) is checked against it and falls back to it for very deep trees.
 */
import { cover, type Forest, nextNode } from './forest.ts';

/**
 * The unique path of the recursion: features met so far with the share of training rows that
 * followed the path (zero fraction), whether the row itself followed it (one fraction), and the
 * permutation weights. One flat block per recursion level, like LightGBM's PathElement arrays.
 */
class UniquePath {
  readonly feature: Int32Array;
  readonly zero: Float64Array;
  readonly one: Float64Array;
  readonly weight: Float64Array;

  constructor(maxDepth: number) {
    const size = ((maxDepth + 2) * (maxDepth + 3)) / 2;
    this.feature = new Int32Array(size);
    this.zero = new Float64Array(size);
    this.one = new Float64Array(size);
    this.weight = new Float64Array(size);
  }

  copy(from: number, to: number, length: number): void {
    this.feature.copyWithin(to, from, from + length);
    this.zero.copyWithin(to, from, from + length);
    this.one.copyWithin(to, from, from + length);
    this.weight.copyWithin(to, from, from + length);
  }

  /** ExtendPath: add a feature split, updating the weights of every subset size. */
  extend(p: number, depth: number, zero: number, one: number, feature: number): void {
    const w = this.weight;
    this.feature[p + depth] = feature;
    this.zero[p + depth] = zero;
    this.one[p + depth] = one;
    w[p + depth] = depth === 0 ? 1 : 0;
    for (let i = depth - 1; i >= 0; i--) {
      w[p + i + 1]! += (one * w[p + i]! * (i + 1)) / (depth + 1);
      w[p + i] = (zero * w[p + i]! * (depth - i)) / (depth + 1);
    }
  }

  /** UnwindPath: remove the element at `index`, as if that split had never been met. */
  unwind(p: number, depth: number, index: number): void {
    const w = this.weight;
    const one = this.one[p + index]!;
    const zero = this.zero[p + index]!;
    let nextOnePortion = w[p + depth]!;
    for (let i = depth - 1; i >= 0; i--) {
      if (one !== 0) {
        const previous = w[p + i]!;
        w[p + i] = (nextOnePortion * (depth + 1)) / ((i + 1) * one);
        nextOnePortion = previous - (w[p + i]! * zero * (depth - i)) / (depth + 1);
      } else {
        w[p + i] = (w[p + i]! * (depth + 1)) / (zero * (depth - i));
      }
    }
    // The weights stay where they are: they are indexed by subset size, not by feature.
    const from = p + index + 1;
    const end = p + depth + 1;
    this.feature.copyWithin(p + index, from, end);
    this.zero.copyWithin(p + index, from, end);
    this.one.copyWithin(p + index, from, end);
  }

  /** UnwoundPathSum: the total weight the path would have without the element at `index`. */
  unwoundSum(p: number, depth: number, index: number): number {
    const w = this.weight;
    const one = this.one[p + index]!;
    const zero = this.zero[p + index]!;
    let nextOnePortion = w[p + depth]!;
    let total = 0;
    for (let i = depth - 1; i >= 0; i--) {
      if (one !== 0) {
        const portion = (nextOnePortion * (depth + 1)) / ((i + 1) * one);
        total += portion;
        nextOnePortion = w[p + i]! - portion * zero * ((depth - i) / (depth + 1));
      } else if (zero !== 0) {
        total += w[p + i]! / zero / ((depth - i) / (depth + 1));
      }
    }
    return total;
  }
}

/** Reference SHAP values: one instance per thread of work, reused across rows. */
export class TreeShap {
  private readonly path: UniquePath;

  constructor(private readonly forest: Forest) {
    this.path = new UniquePath(Math.max(0, ...forest.maxDepth));
  }

  /** Adds the contributions of tree `t` for this row to `phi` (one slot per feature). */
  addTree(t: number, features: ArrayLike<number>, phi: Float64Array): void {
    const root = this.forest.roots[t]!;
    if (root >= 0) this.recurse(features, phi, root, 0, 0, 1, 1, -1);
  }

  /** SHAP values in log-odds, one per feature; with the expected value they sum to the raw score. */
  explain(features: ArrayLike<number>): Float64Array {
    const phi = new Float64Array(this.forest.featureNames.length);
    for (let t = 0; t < this.forest.roots.length; t++) this.addTree(t, features, phi);
    return phi;
  }

  private recurse(
    x: ArrayLike<number>,
    phi: Float64Array,
    node: number,
    parentStart: number,
    depth: number,
    zero: number,
    one: number,
    feature: number,
  ): void {
    const { forest, path } = this;
    const p = parentStart + depth;
    if (depth > 0) path.copy(parentStart, p, depth);
    path.extend(p, depth, zero, one, feature);

    if (node < 0) {
      const value = forest.leafValue[~node]!;
      for (let i = 1; i <= depth; i++) {
        const w = path.unwoundSum(p, depth, i);
        phi[path.feature[p + i]!]! += w * (path.one[p + i]! - path.zero[p + i]!) * value;
      }
      return;
    }

    const hot = nextNode(forest, node, x);
    const cold = hot === forest.left[node] ? forest.right[node]! : forest.left[node]!;
    const total = cover(forest, node);
    const split = forest.splitFeature[node]!;

    // A feature met again on the path is undone first, then redone with both splits combined.
    let incomingZero = 1;
    let incomingOne = 1;
    let index = 0;
    while (index <= depth && path.feature[p + index] !== split) index++;
    if (index !== depth + 1) {
      incomingZero = path.zero[p + index]!;
      incomingOne = path.one[p + index]!;
      path.unwind(p, depth, index);
      depth -= 1;
    }
    this.recurse(x, phi, hot, p, depth + 1, (cover(forest, hot) / total) * incomingZero, incomingOne, split);
    this.recurse(x, phi, cold, p, depth + 1, (cover(forest, cold) / total) * incomingZero, 0, split);
  }
}
