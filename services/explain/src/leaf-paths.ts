/**
 * Every leaf's path from the root, with its unique features and the share of training rows that
 * followed the path's splits on each: what Fast TreeSHAP needs to know of a tree.
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
        zeroFractions:
          slot === -1 ? [...path.zeroFractions, share] : path.zeroFractions.map((z, j) => (j === slot ? z * share : z)),
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
