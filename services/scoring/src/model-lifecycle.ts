import {
  DomainError,
  loadBundle,
  readModelRoles,
  type BundleCatalogue,
  type CatalogueEntry,
  type ModelPointers,
} from '@octroi/model-bundle';
import type { ModelList, ModelPointer, ModelRole, ModelRoles, ModelSummary } from '@octroi/contracts';

/** The `models` bucket as the lifecycle writes it. */
export interface ModelPointerStore extends ModelPointers {
  put<T>(key: string, value: T): Promise<unknown>;
  delete(key: string): Promise<void>;
}

/** Who asks for a change and why: the administrator, their reason, and the request (for the logs and the audit log). */
export interface Asker {
  principal: string;
  requestId: string;
  reason: string | null;
}

/** What an administrator changed, for the audit log, written before the change takes effect. */
export interface RoleChange {
  role: ModelRole;
  /** The version taking the role; null when the challenger is retired. */
  version: string | null;
  previous: string | null;
  asker: Asker;
  time: string;
}

export interface LifecycleDeps {
  catalogue: BundleCatalogue;
  pointers: ModelPointerStore;
  /** Loads a version as this replica would serve it: a bundle that cannot serve is refused before any change. */
  check: (version: string) => Promise<unknown>;
  /** Records the change in the audit log; returns the id of the record. */
  record: (change: RoleChange) => Promise<string>;
  /** Makes this replica follow the change at once, rather than at its next look at the store. */
  applied: () => Promise<void>;
}

/** What matters to choose a champion, from the cross-validated figures of metrics.json (as the model page reads them). */
function summaryMetrics(metrics: Record<string, unknown>, threshold: number): ModelSummary['metrics'] {
  const figures = (metrics['crossValidated'] ?? metrics) as Record<string, unknown>;
  const number = (key: string) => {
    const value = figures[key] ?? metrics[key];
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  };
  return {
    auc: number('auc'),
    threshold,
    costPerApplicant: number('costPerApplicant'),
    recall: number('recall'),
    precision: number('precision'),
  };
}

/**
 * Promotion, rollback and shadow, the scoring service's side: the roles live in the durable store, every replica of
 * scoring and explain follows them, and every change is in the audit log before it takes effect.
 */
export class ModelLifecycle {
  private readonly summaries = new Map<string, Promise<Omit<ModelSummary, 'role' | 'since' | 'by' | 'reason'>>>();

  constructor(private readonly deps: LifecycleDeps) {}

  /** Every bundle of the catalogue, newest first, with its role and its quality. */
  async list(): Promise<ModelList> {
    const { catalogue, pointers } = this.deps;
    const [entries, roles, champion, challenger] = await Promise.all([
      catalogue.entries(),
      readModelRoles(pointers, catalogue),
      pointers.get<ModelPointer>('champion'),
      pointers.get<ModelPointer>('challenger'),
    ]);
    const chosen = { champion: champion?.value, challenger: challenger?.value };
    const models = await Promise.all(
      entries.map(async (entry): Promise<ModelSummary> => {
        const role =
          entry.version === roles.champion ? 'champion' : entry.version === roles.challenger ? 'challenger' : null;
        const pointer = role ? chosen[role] : undefined;
        return {
          ...(await this.summary(entry)),
          role,
          since: pointer?.since ?? null,
          by: pointer?.by ?? null,
          reason: pointer?.reason ?? null,
        };
      }),
    );
    return { champion: roles.champion, challenger: roles.challenger ?? null, models };
  }

  /**
   * Makes a bundle the champion or the challenger. A rollback is the same: promoting the champion before. The
   * challenger promoted to champion stops being the challenger.
   */
  async promote(version: string, role: ModelRole, asker: Asker): Promise<ModelList> {
    const { catalogue, pointers } = this.deps;
    if (!(await catalogue.find(version)))
      throw DomainError.notFound(`No model bundle has version ${version}`, 'version');
    const roles = await readModelRoles(pointers, catalogue);
    if (roles[role] === version) return this.list();
    if (role === 'challenger' && roles.champion === version)
      throw new DomainError('conflict', `${version} is the champion: it cannot be its own challenger`, 'version');
    await this.deps.check(version);
    const time = new Date().toISOString();
    const promotionId = await this.deps.record({ role, version, previous: roles[role] ?? null, asker, time });
    if (role === 'champion' && roles.challenger === version) {
      await this.deps.record({ role: 'challenger', version: null, previous: version, asker, time });
      await pointers.delete('challenger');
    }
    await pointers.put<ModelPointer>(role, {
      version,
      since: time,
      by: asker.principal,
      promotionId,
      ...(asker.reason ? { reason: asker.reason } : {}),
    });
    await this.deps.applied();
    return this.list();
  }

  /** The challenger stops scoring in shadow. */
  async retireChallenger(asker: Asker): Promise<ModelList> {
    const roles = await readModelRoles(this.deps.pointers, this.deps.catalogue);
    if (roles.challenger !== undefined) {
      const time = new Date().toISOString();
      await this.deps.record({ role: 'challenger', version: null, previous: roles.challenger, asker, time });
      await this.deps.pointers.delete('challenger');
      await this.deps.applied();
    }
    return this.list();
  }

  roles(): Promise<ModelRoles> {
    return readModelRoles(this.deps.pointers, this.deps.catalogue);
  }

  private summary(entry: CatalogueEntry) {
    let summary = this.summaries.get(entry.version);
    if (!summary) {
      summary = loadBundle(entry.dir).then((bundle) => ({
        version: entry.version,
        name: entry.name,
        createdAt: entry.createdAt,
        trainedOn: entry.trainedOn,
        metrics: summaryMetrics(bundle.metrics, bundle.decision.threshold),
      }));
      this.summaries.set(entry.version, summary);
      summary.catch(() => this.summaries.delete(entry.version));
    }
    return summary;
  }
}
