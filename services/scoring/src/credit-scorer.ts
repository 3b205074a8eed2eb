import type { ModelInfo, NewApplication, Score } from '@octroi/contracts';
import {
  DomainError,
  decisionFor,
  decisionRuleOf,
  driftReference,
  deriveFeatures,
  loadApplicantFeatures,
  requireValidApplications,
  type ApplicantFeatures,
  type DriftReference,
  type FeatureSpec,
  type ModelBundle,
} from '@octroi/model-bundle';
import { modelInfoOf } from './model-info.ts';
import { OnnxScorer, type ScorerOptions } from './onnx-scorer.ts';

/** A score before it is tied to a request: what the cache keeps. */
export type ModelScore = Omit<Score, 'decisionId' | 'clientId'>;

/**
 * Scores with the bundle's model: engineered feature rows, known clients (their features come with the bundle)
 * and new applications (features derived from the feature specification: application fields, and the history
 * tables the application carries).
 */
export class CreditScorer {
  private constructor(
    private readonly bundle: ModelBundle,
    private readonly model: OnnxScorer,
    private readonly applicants: ApplicantFeatures,
  ) {}

  static async load(bundle: ModelBundle, options: ScorerOptions = {}): Promise<CreditScorer> {
    const [model, applicants] = await Promise.all([OnnxScorer.load(bundle, options), loadApplicantFeatures(bundle)]);
    return new CreditScorer(bundle, model, applicants);
  }

  release(): Promise<void> {
    return this.model.release();
  }

  get version() {
    return this.bundle.version;
  }

  /** How the bundle reads an application into features. */
  get spec(): FeatureSpec {
    return this.bundle.spec;
  }

  get featureNames(): readonly string[] {
    return this.bundle.featureNames;
  }

  /** The training population live applications are compared with, bin by bin, for the monitoring. */
  driftReference(): DriftReference {
    return driftReference(this.bundle, this.applicants);
  }

  get featureCount() {
    return this.model.featureCount;
  }

  async scoreMatrix(matrix: Float32Array, rows: number): Promise<ModelScore[]> {
    const probabilities = await this.model.probabilities(matrix, rows);
    const rule = decisionRuleOf(this.bundle);
    const { threshold } = rule;
    return Array.from(probabilities, (probabilityOfDefault) => ({
      probabilityOfDefault,
      decision: decisionFor(probabilityOfDefault, rule),
      threshold,
      modelVersion: this.bundle.version,
    }));
  }

  /** Rows of engineered features as sent over the API: null is missing; each row must have every feature. */
  rowsMatrix(rows: Array<Array<number | null>>, field: (row: number) => string): Float32Array {
    const width = this.featureCount;
    const matrix = new Float32Array(rows.length * width);
    rows.forEach((row, index) => {
      if (row.length !== width)
        throw DomainError.badRequest(
          `${field(index)}: the model takes ${width} features, got ${row.length}`,
          field(index),
        );
      row.forEach((value, column) => (matrix[index * width + column] = value ?? Number.NaN));
    });
    return matrix;
  }

  async scoreRows(rows: Array<Array<number | null>>, field: (row: number) => string): Promise<ModelScore[]> {
    return this.scoreMatrix(this.rowsMatrix(rows, field), rows.length);
  }

  /** A known client's features, as the bundle holds them. */
  clientMatrix(clientId: number): Float32Array {
    const row = this.applicants.rowOf(clientId);
    if (row < 0) throw DomainError.notFound(`No client ${clientId}`, 'clientId');
    return this.applicants.features(row);
  }

  async scoreClient(clientId: number): Promise<ModelScore> {
    const [score] = await this.scoreMatrix(this.clientMatrix(clientId), 1);
    return score!;
  }

  /** New applications: every application checked against the intake rules before any is scored. */
  applicationsMatrix(applications: NewApplication[]): Float32Array {
    requireValidApplications(this.bundle.spec, applications, (index) =>
      applications.length > 1 ? `applications.${index}` : '',
    );
    const width = this.featureCount;
    const matrix = new Float32Array(applications.length * width);
    applications.forEach((application, index) => {
      matrix.set(deriveFeatures(this.bundle.spec, application), index * width);
    });
    return matrix;
  }

  async scoreApplications(applications: NewApplication[]): Promise<ModelScore[]> {
    return this.scoreMatrix(this.applicationsMatrix(applications), applications.length);
  }

  modelInfo(): ModelInfo {
    return modelInfoOf(this.bundle);
  }
}
