import type {
  ClientFeatures,
  ClientPage,
  ClientRecord,
  Language,
  Population,
  PopulationSample,
  ReferralBandReport,
  SimilarClients,
} from '@octroi/contracts';
import {
  decisionRuleOf,
  loadApplicantFeatures,
  loadApplicantRecords,
  shortestFloat32,
  type ApplicantFeatures,
  type ApplicantRecords,
  type ModelBundle,
} from '@octroi/model-bundle';
import { ApplicantColumns } from './applicant-columns.ts';
import { ClientList, type ListClientsQuery } from './client-list.ts';
import { ClientRecords } from './client-record.ts';
import { requireClientRow } from './lookup.ts';
import { PopulationView, type SampleQuery } from './population.ts';
import { referralBandReport, type ScoredClient } from './referral-band.ts';
import { SimilarityIndex } from './similar.ts';

/**
 * Everything the clients service answers, from one model bundle: loaded and indexed once at
 * start-up, then every request is a lookup or a pass over typed arrays.
 */
export class ClientsDirectory {
  private constructor(
    readonly bundle: ModelBundle,
    private readonly applicantFeatures: ApplicantFeatures,
    private readonly applicants: ApplicantRecords,
    private readonly records: ClientRecords,
    private readonly clientList: ClientList,
    private readonly populationView: PopulationView,
    private readonly similarity: SimilarityIndex,
    /** Whole columns of the applicants' files, for the seed's routes. */
    readonly columns: ApplicantColumns,
  ) {}

  static async load(bundle: ModelBundle): Promise<ClientsDirectory> {
    const [features, applicants] = await Promise.all([loadApplicantFeatures(bundle), loadApplicantRecords(bundle)]);
    return new ClientsDirectory(
      bundle,
      features,
      applicants,
      new ClientRecords(bundle, features, applicants),
      new ClientList(bundle, features, applicants),
      new PopulationView(bundle, features),
      new SimilarityIndex(bundle, features),
      new ApplicantColumns(applicants, bundle.spec.target),
    );
  }

  get size(): number {
    return this.applicantFeatures.size;
  }

  /** The referral band on the whole population: computed once, the population does not change with a bundle. */
  referralBand(): ReferralBandReport {
    this.referralReport ??= referralBandReport(this.scoredClients(), decisionRuleOf(this.bundle), this.bundle.decision);
    return this.referralReport;
  }

  private referralReport: ReferralBandReport | undefined;

  private *scoredClients(): Generator<ScoredClient> {
    const features = this.applicantFeatures;
    for (let row = 0; row < features.size; row++) {
      const target = features.target(row);
      const known = target === 0 || target === 1;
      yield { probabilityOfDefault: features.probability(row), defaulted: known ? target === 1 : null };
    }
  }

  /** @throws DomainError not_found for an unknown client. */
  get(clientId: number, language: Language = 'fr'): ClientRecord {
    return this.records.get(clientId, language);
  }

  list(query: ListClientsQuery): ClientPage {
    return this.clientList.list(query);
  }

  /** The model's input for a known client and its raw application, for what-if and counterfactuals. */
  features(clientId: number): ClientFeatures {
    const row = requireClientRow(this.applicantFeatures, clientId);
    const features = Array.from(this.applicantFeatures.features(row), (value) =>
      Number.isNaN(value) ? null : shortestFloat32(value),
    );
    const applicantRow = this.applicants.rowOf(clientId);
    return { clientId, features, raw: applicantRow < 0 ? {} : this.applicants.raw(applicantRow) };
  }

  /** @throws DomainError bad_request for an unknown feature, not_found for an unknown client. */
  population(feature: string, clientId?: number, language: Language = 'fr'): Population {
    return this.populationView.population(feature, clientId, language);
  }

  sample(query: SampleQuery): PopulationSample {
    return this.populationView.sample(query);
  }

  similar(clientId: number, k = 10): SimilarClients {
    return this.similarity.similar(clientId, k);
  }

  /** Client ids, ascending, `limit` of them from `offset`. */
  ids(offset = 0, limit = this.size): number[] {
    return Array.from(this.clientList.allIds().subarray(offset, offset + limit));
  }
}
