import {
  DRIFT_MINIMUM_APPLICATIONS,
  DRIFT_THRESHOLDS,
  type DecisionMixReport,
  type DriftReport,
  type FeedEvents,
  type FeedKind,
  type MonitoringWindow,
  type VariableDriftDetail,
} from '@octroi/contracts';
import { DomainError } from '@octroi/model-bundle';
import { approvalByGroup, decisionMix, decisionMixSeries } from './decision-mix.ts';
import { variableDetail, variablesDrift } from './drift.ts';
import type { DriftReferences } from './drift-references.ts';
import { RollingCounts } from './rolling-counts.ts';
import { ShadowComparisons } from './shadow-comparison.ts';

/**
 * Live decisions as the feed tells them, in rolling windows: what the monitoring service answers and exports.
 * Every replica of the service reads the whole feed, so any of them gives the same figures.
 */
export class LiveMonitor {
  readonly counts: RollingCounts;
  readonly shadow = new ShadowComparisons();

  constructor(
    private readonly references: DriftReferences,
    now: () => number = Date.now,
  ) {
    this.counts = new RollingCounts(now);
  }

  /** A listener for the feed. */
  readonly take = <K extends FeedKind>(kind: K, event: FeedEvents[K]) => {
    if (kind === 'observations') this.counts.addObservations(event as FeedEvents['observations']);
    else if (kind === 'officer-decision') this.counts.addOfficerDecision(event as FeedEvents['officer-decision']);
    else if (kind === 'shadow') this.shadow.add(event as FeedEvents['shadow']);
  };

  async drift(window: MonitoringWindow, requested?: string): Promise<DriftReport> {
    const period = this.counts.window(window);
    const modelVersion = requested ?? this.counts.latestVersion() ?? null;
    const reference = modelVersion === null ? undefined : await this.references.get(modelVersion);
    if (requested && !reference) throw DomainError.notFound(`No model bundle has version ${requested}`, 'modelVersion');
    const counts = modelVersion === null ? undefined : period.byVersion.get(modelVersion);
    return {
      window,
      modelVersion,
      versions: [...period.byVersion.keys()],
      applications: counts?.applications ?? 0,
      thresholds: { ...DRIFT_THRESHOLDS, minimumApplications: DRIFT_MINIMUM_APPLICATIONS },
      variables: reference ? variablesDrift(reference, counts) : [],
    };
  }

  async variable(name: string, window: MonitoringWindow, requested?: string): Promise<VariableDriftDetail> {
    const modelVersion = requested ?? this.counts.latestVersion();
    const reference = modelVersion === undefined ? undefined : await this.references.get(modelVersion);
    if (!reference) throw DomainError.notFound('No live decision yet in this window', 'modelVersion');
    const detail = variableDetail(reference, name, window, this.counts.window(window).byVersion.get(modelVersion!));
    if (!detail) throw DomainError.notFound(`The model has no feature ${name}`, 'variable');
    return detail;
  }

  decisions(window: MonitoringWindow): DecisionMixReport {
    const period = this.counts.window(window);
    return {
      window,
      total: decisionMix(period),
      series: decisionMixSeries(this.counts, window),
      ...approvalByGroup(period),
    };
  }
}
