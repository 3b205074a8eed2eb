import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { NewApplication, RawApplication } from '@octroi/contracts';
import {
  DomainError,
  deriveApplicationFeatures,
  deriveFeatures,
  isActionable,
  loadApplicantFeatures,
  loadApplicantRecords,
  applicationProblems,
  requireValidApplications,
  type ApplicantFeatures,
  type ApplicantRecords,
  type ModelBundle,
} from '@octroi/model-bundle';
import { envInt } from '@octroi/runtime';
import { createExplainer, type Explainer } from './explainer.ts';
import type { LightGbmDump } from './forest.ts';
import { ImportanceJob } from './global.ts';
import { evenlySpacedRows } from './importance-sample.ts';
import { changedFeatures, type DeriveFeatures } from './what-if.ts';

export const TREE_DUMP_FILE = 'model.lgb.json';

/** Applicants in the sample of the model-wide views (GLOBAL_IMPORTANCE_ROWS). */
export const importanceSampleSize = () => envInt('GLOBAL_IMPORTANCE_ROWS', 5000);

export interface KnownClient {
  clientId: number;
  features: Float32Array;
  raw: RawApplication;
}

/** What a what-if starts from: a known client, or a new application (its history already in its features). */
export type Applicant = Omit<KnownClient, 'clientId'> & { clientId?: number };

/** A new application's fields, without its history tables. */
const fieldsOf = (application: NewApplication): RawApplication =>
  Object.fromEntries(
    Object.entries(application).filter((entry): entry is [string, string | number | null] => !Array.isArray(entry[1])),
  );

/**
 * What the explain service holds for one model bundle: the explainer (trees and TreeSHAP tables built at load),
 * the applicants it serves, the derivation of application features, and the global importance over a bounded
 * sample of them.
 */
export class ExplainerContext {
  readonly derive: DeriveFeatures;
  readonly importance: ImportanceJob;

  private constructor(
    readonly bundle: ModelBundle,
    readonly explainer: Explainer,
    private readonly features: ApplicantFeatures,
    private readonly records: ApplicantRecords,
  ) {
    this.derive = (raw) => deriveApplicationFeatures(bundle.spec, raw);
    const applicants = { count: features.size, row: (i: number) => features.features(i) };
    this.importance = new ImportanceJob(explainer, evenlySpacedRows(applicants, importanceSampleSize()));
  }

  static async load(bundle: ModelBundle): Promise<ExplainerContext> {
    const [dump, features, records] = await Promise.all([
      readFile(join(bundle.dir, TREE_DUMP_FILE), 'utf8').then((text) => JSON.parse(text) as LightGbmDump),
      loadApplicantFeatures(bundle),
      loadApplicantRecords(bundle),
    ]);
    const explainer = createExplainer({
      model: dump,
      spec: bundle.spec,
      population: bundle.population,
      threshold: bundle.decision.threshold,
      referralBand: bundle.policy.referral.band,
      modelVersion: bundle.version,
    });
    return new ExplainerContext(bundle, explainer, features, records);
  }

  client(clientId: number): KnownClient {
    const row = this.features.rowOf(clientId);
    const recordRow = this.records.rowOf(clientId);
    if (row < 0 || recordRow < 0) throw DomainError.notFound(`No client ${clientId}`, 'clientId');
    return { clientId, features: this.features.features(row), raw: this.records.raw(recordRow) };
  }

  /** A new application's features, after it has been checked against the intake rules. */
  deriveChecked(application: NewApplication, field: string): Float32Array {
    requireValidApplications(this.bundle.spec, [application], () => field);
    return deriveFeatures(this.bundle.spec, application);
  }

  /** The applicant of a what-if: a known client by id, or a new application (checked, its history aggregated). */
  applicant(clientId: number | undefined, application: NewApplication | undefined): Applicant {
    if ((clientId === undefined) === (application === undefined))
      throw DomainError.badRequest("clientId: send either a known client's id or a new application", 'clientId');
    if (clientId !== undefined) return this.client(clientId);
    const checked = application!;
    return { features: this.deriveChecked(checked, 'application'), raw: fieldsOf(checked) };
  }

  /** A simulation changes only what the lender's policy calls actionable (the loan's terms), and validly. */
  checkChanges(client: Applicant, changes: RawApplication) {
    const { policy } = this.bundle;
    const fixed = Object.keys(changes).find((field) => !isActionable(policy, field));
    if (fixed !== undefined) {
      const allowed = policy.actionable.filter((field) => isActionable(policy, field)).join(', ');
      throw DomainError.badRequest(
        `changes.${fixed}: not a field a simulation may change; the lender's policy allows ${allowed}`,
        `changes.${fixed}`,
      );
    }
    // The changed application must still pass the intake rules: a 5 € loan is not simulated.
    requireValidApplications(this.bundle.spec, [{ ...client.raw, ...changes }], () => 'changes');
  }

  /**
   * Whether a suggested loan is one the lender would take as an application: it passes the intake rules, and its
   * term is not longer than that of 99 in 100 real loans (the repayment is at least the 1st percentile of the
   * population's repayment per unit of credit).
   */
  plausibleLoan(raw: RawApplication): boolean {
    if (applicationProblems(this.bundle.spec, raw).length > 0) return false;
    const credit = raw['AMT_CREDIT'];
    const annuity = raw['AMT_ANNUITY'];
    const shortest = this.bundle.population.get('ANNUITY_CREDIT_RATIO')?.quantiles[1];
    return typeof credit !== 'number' || typeof annuity !== 'number' || typeof shortest !== 'number'
      ? true
      : annuity / credit >= shortest;
  }

  /** Whether the lender's policy lets a simulation change a field. */
  actionable(field: string): boolean {
    return isActionable(this.bundle.policy, field);
  }

  /** The client's features with some application fields changed: application features re-derived, history kept. */
  withChanges(client: KnownClient, changes: RawApplication): Float64Array {
    return changedFeatures(this.explainer, this.derive, { raw: client.raw, features: client.features, changes });
  }
}
