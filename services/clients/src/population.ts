import type { Language, Population, PopulationSample, PopulationSampleRequest } from '@octroi/contracts';
import {
  DomainError,
  percentileOf,
  shortestFloat32,
  seededOrder,
  type ApplicantFeatures,
  type Feature,
  type ModelBundle,
} from '@octroi/model-bundle';
import { requireClientRow } from './lookup.ts';

export type SamplePoint = PopulationSample['points'][number];

export type SampleQuery = PopulationSampleRequest;

/** How a feature is spread over the applicants, and where one client stands in it. */
export class PopulationView {
  private readonly featureIndex: Map<string, number>;
  /** A fixed shuffle of the rows: every sample is a prefix of it, the same on every call. */
  private readonly sampleOrder: Int32Array;

  constructor(
    private readonly bundle: ModelBundle,
    private readonly features: ApplicantFeatures,
  ) {
    this.featureIndex = new Map(bundle.featureNames.map((name, index) => [name, index]));
    this.sampleOrder = seededOrder(features.size, 20261127);
  }

  population(feature: string, clientId?: number, language: Language = 'fr'): Population {
    const definition = this.definition(feature, 'feature');
    const stats = this.bundle.population.get(feature);
    if (!stats) throw DomainError.notFound(`No population statistics for feature ${feature}`, 'feature');
    const population: Population = {
      feature,
      label: definition.label?.[language] ?? feature,
      description: definition.description ?? '',
      kind: definition.kind,
      count: stats.count,
      missing: stats.missing,
      mean: stats.mean,
      std: stats.std,
      quantiles: stats.quantiles,
      histogram: stats.histogram,
      ...(definition.categories ? { categories: definition.categories } : {}),
    };
    if (clientId === undefined) return population;
    const clientValue = this.valueOf(clientId, feature);
    const clientPercentile =
      clientValue === null || definition.kind === 'categorical' ? null : percentileOf(clientValue, stats.quantiles);
    return { ...population, clientValue, clientPercentile };
  }

  /**
   * Up to `size` applicants with both features known, for the bivariate plot. Walks the fixed
   * shuffle, so it reads only about size / (share of complete rows) rows and repeats exactly.
   */
  sample({ x, y, size, clientId }: SampleQuery): PopulationSample {
    const xIndex = this.indexOf(x, 'x');
    const yIndex = this.indexOf(y, 'y');
    const client = clientId === undefined ? undefined : this.clientPoint(clientId, x, y);
    const { matrix, featureCount, ids } = this.features;
    const points: SamplePoint[] = [];
    for (let i = 0; i < this.sampleOrder.length && points.length < size; i++) {
      const row = this.sampleOrder[i]!;
      const xValue = matrix[row * featureCount + xIndex]!;
      const yValue = matrix[row * featureCount + yIndex]!;
      if (Number.isNaN(xValue) || Number.isNaN(yValue)) continue;
      points.push({ clientId: ids[row]!, x: xValue, y: yValue, probabilityOfDefault: this.features.probability(row) });
    }
    return { x, y, points, ...(client ? { client } : {}) };
  }

  private clientPoint(clientId: number, x: string, y: string): NonNullable<PopulationSample['client']> {
    const row = requireClientRow(this.features, clientId);
    return {
      clientId,
      x: this.valueOf(clientId, x),
      y: this.valueOf(clientId, y),
      probabilityOfDefault: this.features.probability(row),
    };
  }

  private valueOf(clientId: number, feature: string): number | null {
    const row = requireClientRow(this.features, clientId);
    const value = this.features.features(row)[this.indexOf(feature, 'feature')]!;
    return Number.isNaN(value) ? null : shortestFloat32(value);
  }

  private definition(feature: string, field: string): Feature {
    return this.bundle.spec.features[this.indexOf(feature, field)]!;
  }

  private indexOf(feature: string, field: string): number {
    const index = this.featureIndex.get(feature);
    if (index === undefined) throw DomainError.badRequest(`Unknown feature ${feature}`, field);
    return index;
  }
}
