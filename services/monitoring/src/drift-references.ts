import {
  driftReference,
  loadApplicantFeatures,
  loadBundle,
  type BundleCatalogue,
  type DriftReference,
} from '@octroi/model-bundle';
import type { Logger } from '@octroi/runtime';

/**
 * The training population of each model version that decided, read from its bundle the first time it is needed
 * (population.json for the features, features.arrow for the training scores), then kept.
 */
export class DriftReferences {
  private readonly loaded = new Map<string, Promise<DriftReference | undefined>>();

  constructor(
    private readonly catalogue: BundleCatalogue,
    private readonly log: Logger,
  ) {}

  /** Undefined for a version no bundle of the catalogue has (a bundle since removed). */
  get(version: string): Promise<DriftReference | undefined> {
    let reference = this.loaded.get(version);
    if (!reference) {
      reference = this.load(version);
      this.loaded.set(version, reference);
      // A failed read is tried again next time rather than remembered.
      reference.catch(() => this.loaded.delete(version));
    }
    return reference;
  }

  private async load(version: string): Promise<DriftReference | undefined> {
    const entry = await this.catalogue.find(version);
    if (!entry) {
      this.log.warn({ version }, 'decisions of a model version no bundle has: no drift for it');
      return undefined;
    }
    const bundle = await loadBundle(entry.dir);
    return driftReference(bundle, await loadApplicantFeatures(bundle));
  }
}
