/**
 * A LightGBM binary classifier read from `Booster.dump_model()` JSON, flattened into typed
 * arrays so that scoring and SHAP loops touch contiguous memory instead of nested objects.
 *
 * Node numbering: internal nodes of every tree share one index space (>= 0); a child that is a
 * leaf is written `~leaf` (< 0), leaves of every tree sharing a second index space, as LightGBM
 * does inside one tree.
 */

/** How a split routes missing values, as LightGBM's `missing_type`. */
export const MissingType = { None: 0, Zero: 1, NaN: 2 } as const;

/** LightGBM's kZeroThreshold: a float literal (1e-35f) widened to double. */
const ZERO_THRESHOLD = Math.fround(1e-35);

export interface Forest {
  featureNames: string[];
  /** Every internal node's split. */
  splitFeature: Int32Array;
  threshold: Float64Array;
  categorical: Uint8Array;
  defaultLeft: Uint8Array;
  missingType: Uint8Array;
  /** For categorical splits: where the node's bitset of left-going categories sits in `categoryBits`. */
  bitsetStart: Int32Array;
  bitsetLength: Int32Array;
  categoryBits: Uint32Array;
  left: Int32Array;
  right: Int32Array;
  internalCount: Float64Array;
  leafValue: Float64Array;
  leafCount: Float64Array;
  /** Per tree: its root (`~leaf` for a tree that is a single leaf) and its deepest leaf. */
  roots: Int32Array;
  maxDepth: Int32Array;
  /** Sum over trees of the cover-weighted mean leaf value: SHAP's base value, in log-odds. */
  expectedValue: number;
  /** Probability = 1 / (1 + exp(-sigmoid * raw score)), LightGBM's binary objective. */
  sigmoid: number;
}

/** The parts of one `dump_model()` node we read. */
interface DumpNode {
  split_feature?: number;
  threshold?: number | string;
  decision_type?: '<=' | '==';
  default_left?: boolean;
  missing_type?: 'None' | 'Zero' | 'NaN';
  internal_count?: number;
  left_child?: DumpNode;
  right_child?: DumpNode;
  leaf_value?: number;
  leaf_count?: number;
}

export interface LightGbmDump {
  num_tree_per_iteration?: number;
  objective?: string;
  average_output?: boolean;
  feature_names: string[];
  tree_info: { tree_structure: DumpNode }[];
}

/** Reads a dumped binary LightGBM model; refuses what the explanations would get wrong. */
export function readForest(dump: LightGbmDump): Forest {
  const objective = dump.objective ?? '';
  if (!objective.startsWith('binary')) throw new Error(`expected a binary objective, got "${objective}"`);
  if ((dump.num_tree_per_iteration ?? 1) !== 1) throw new Error('expected one tree per iteration');
  if (dump.average_output) throw new Error('random-forest models (average_output) are not supported');
  return new ForestBuilder(dump.feature_names).build(
    dump.tree_info.map((t) => t.tree_structure),
    sigmoidOf(objective),
  );
}

function sigmoidOf(objective: string): number {
  const match = /sigmoid:([0-9.eE+-]+)/.exec(objective);
  return match ? Number(match[1]) : 1;
}

class ForestBuilder {
  private nodes: DumpNode[] = [];
  private leaves: DumpNode[] = [];
  private leftChild: number[] = [];
  private rightChild: number[] = [];
  private bitsets: number[][] = [];

  constructor(private readonly featureNames: string[]) {}

  build(trees: DumpNode[], sigmoid: number): Forest {
    const roots = Int32Array.from(trees, (tree) => this.add(tree));
    const maxDepth = Int32Array.from(roots, (root) => this.depth(root));
    const n = this.nodes.length;
    const forest: Forest = {
      featureNames: this.featureNames,
      splitFeature: Int32Array.from(this.nodes, (node) => node.split_feature ?? 0),
      threshold: Float64Array.from(this.nodes, (node) => (typeof node.threshold === 'number' ? node.threshold : 0)),
      categorical: Uint8Array.from(this.nodes, (node) => (node.decision_type === '==' ? 1 : 0)),
      defaultLeft: Uint8Array.from(this.nodes, (node) => (node.default_left ? 1 : 0)),
      missingType: Uint8Array.from(this.nodes, (node) => MissingType[node.missing_type ?? 'None']),
      bitsetStart: new Int32Array(n),
      bitsetLength: new Int32Array(n),
      categoryBits: new Uint32Array(0),
      left: Int32Array.from(this.leftChild),
      right: Int32Array.from(this.rightChild),
      internalCount: Float64Array.from(this.nodes, (node) => node.internal_count ?? 0),
      leafValue: Float64Array.from(this.leaves, (leaf) => leaf.leaf_value ?? 0),
      leafCount: Float64Array.from(this.leaves, (leaf) => leaf.leaf_count ?? 0),
      roots,
      maxDepth,
      expectedValue: 0,
      sigmoid,
    };
    this.packBitsets(forest);
    forest.expectedValue = roots.reduce((sum, root) => sum + treeExpectedValue(forest, root), 0);
    return forest;
  }

  /** Adds a subtree depth-first and returns its node reference. */
  private add(node: DumpNode): number {
    if (node.left_child === undefined || node.right_child === undefined) {
      this.leaves.push(node);
      return ~(this.leaves.length - 1);
    }
    const index = this.nodes.length;
    this.nodes.push(node);
    this.leftChild.push(0);
    this.rightChild.push(0);
    this.bitsets.push(node.decision_type === '==' ? categorySet(node.threshold) : []);
    this.leftChild[index] = this.add(node.left_child);
    this.rightChild[index] = this.add(node.right_child);
    return index;
  }

  private depth(node: number): number {
    if (node < 0) return 0;
    return 1 + Math.max(this.depth(this.leftChild[node]!), this.depth(this.rightChild[node]!));
  }

  private packBitsets(forest: Forest): void {
    const words: number[] = [];
    this.bitsets.forEach((categories, node) => {
      if (categories.length === 0) return;
      const length = (Math.max(...categories) >> 5) + 1;
      forest.bitsetStart[node] = words.length;
      forest.bitsetLength[node] = length;
      const start = words.length;
      for (let i = 0; i < length; i++) words.push(0);
      for (const c of categories) words[start + (c >> 5)]! |= 1 << (c & 31);
    });
    forest.categoryBits = Uint32Array.from(words, (w) => w >>> 0);
  }
}

/** "1||4||7": the category codes that go left. */
function categorySet(threshold: number | string | undefined): number[] {
  return String(threshold)
    .split('||')
    .map(Number)
    .filter((c) => Number.isInteger(c) && c >= 0);
}

/** LightGBM's Tree::ExpectedValue: leaf values weighted by the training rows reaching them. */
function treeExpectedValue(forest: Forest, root: number): number {
  if (root < 0) return forest.leafValue[~root]!;
  const total = forest.internalCount[root]!;
  let expected = 0;
  const visit = (node: number): void => {
    if (node < 0) expected += (forest.leafCount[~node]! / total) * forest.leafValue[~node]!;
    else {
      visit(forest.left[node]!);
      visit(forest.right[node]!);
    }
  };
  visit(root);
  return expected;
}

/** Training rows that reached a node or leaf (LightGBM's data_count). */
export function cover(forest: Forest, node: number): number {
  return node >= 0 ? forest.internalCount[node]! : forest.leafCount[~node]!;
}

/**
 * Whether a value goes to the left child, exactly as LightGBM's Tree::NumericalDecision and
 * Tree::CategoricalDecision: LightGBM silently reads NaN as 0 where a split was learnt without
 * missing values, and sends NaN, negative and unseen categories to the right.
 */
export function goesLeft(forest: Forest, node: number, value: number): boolean {
  if (forest.categorical[node] === 1) return categoryGoesLeft(forest, node, value);
  const missingType = forest.missingType[node];
  if (Number.isNaN(value)) {
    if (missingType === MissingType.NaN) return forest.defaultLeft[node] === 1;
    value = 0;
  }
  if (missingType === MissingType.Zero && value >= -ZERO_THRESHOLD && value <= ZERO_THRESHOLD) {
    return forest.defaultLeft[node] === 1;
  }
  return value <= forest.threshold[node]!;
}

function categoryGoesLeft(forest: Forest, node: number, value: number): boolean {
  if (Number.isNaN(value)) return false;
  // static_cast<int>: truncation toward zero, so -0.5 is category 0.
  const code = Math.trunc(value);
  if (code < 0 || code > 0x7fffffff) return false;
  const word = code >> 5;
  if (word >= forest.bitsetLength[node]!) return false;
  return ((forest.categoryBits[forest.bitsetStart[node]! + word]! >>> (code & 31)) & 1) === 1;
}

/** The child a row goes to. */
export function nextNode(forest: Forest, node: number, features: ArrayLike<number>): number {
  const value = features[forest.splitFeature[node]!]!;
  return goesLeft(forest, node, value) ? forest.left[node]! : forest.right[node]!;
}

/** Log-odds of default: the sum of the leaves the row falls into. */
export function rawScore(forest: Forest, features: ArrayLike<number>): number {
  let score = 0;
  for (let t = 0; t < forest.roots.length; t++) {
    let node = forest.roots[t]!;
    while (node >= 0) node = nextNode(forest, node, features);
    score += forest.leafValue[~node]!;
  }
  return score;
}

export function probabilityOfDefault(forest: Forest, raw: number): number {
  return 1 / (1 + Math.exp(-forest.sigmoid * raw));
}

/** Feature vector as float64 with NaN for missing, whatever form it came in. */
export function toFeatureRow(features: ArrayLike<number | null>): Float64Array {
  const row = new Float64Array(features.length);
  for (let i = 0; i < features.length; i++) {
    const value = features[i];
    row[i] = value === null || value === undefined ? Number.NaN : value;
  }
  return row;
}
