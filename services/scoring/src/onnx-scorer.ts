import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { BundleError, type ModelBundle } from '@octroi/model-bundle';

export const ONNX_FILE = 'model.onnx';
const INPUT = 'features';
const OUTPUT = 'probabilities';

export interface ScorerOptions {
  /**
   * Threads inside one inference. One is the default: for single rows the tree-parallel kernel costs more in
   * synchronisation than it saves on 2 cores (bench/RESULTS.md), and replicas give parallelism instead.
   */
  intraOpThreads?: number;
}

/** The bundle's ONNX model in onnxruntime: rows of engineered features in, probabilities of default out. */
export class OnnxScorer {
  private constructor(
    private readonly session: ort.InferenceSession,
    readonly featureCount: number,
  ) {}

  static async load(bundle: ModelBundle, options: ScorerOptions = {}): Promise<OnnxScorer> {
    const path = join(bundle.dir, ONNX_FILE);
    let session: ort.InferenceSession;
    try {
      session = await ort.InferenceSession.create(path, {
        intraOpNumThreads: options.intraOpThreads ?? 1,
        interOpNumThreads: 1,
        graphOptimizationLevel: 'all',
      });
    } catch (err) {
      throw new BundleError(`${path}: cannot be loaded by onnxruntime (${(err as Error).message})`);
    }
    if (!session.inputNames.includes(INPUT) || !session.outputNames.includes(OUTPUT)) {
      throw new BundleError(
        `${path}: expected input "${INPUT}" and output "${OUTPUT}", found inputs [${session.inputNames.join(', ')}] and outputs [${session.outputNames.join(', ')}] (convert with ZipMap off)`,
      );
    }
    const scorer = new OnnxScorer(session, bundle.featureNames.length);
    try {
      await scorer.probabilities(new Float32Array(scorer.featureCount).fill(Number.NaN), 1);
    } catch (err) {
      throw new BundleError(
        `${path} does not take the ${scorer.featureCount} features of feature_spec.json: ${(err as Error).message}`,
      );
    }
    return scorer;
  }

  /** Frees the session's native memory: called once no request can use this model any more. */
  release(): Promise<void> {
    return this.session.release();
  }

  /** Probability of default of each row of a row-major matrix. */
  async probabilities(matrix: Float32Array, rows: number): Promise<Float32Array> {
    const input = new ort.Tensor('float32', matrix, [rows, this.featureCount]);
    const output = await this.session.run({ [INPUT]: input }, [OUTPUT]);
    const both = output[OUTPUT]!.data as Float32Array;
    const defaults = new Float32Array(rows);
    for (let row = 0; row < rows; row++) defaults[row] = both[row * 2 + 1]!;
    return defaults;
  }
}
