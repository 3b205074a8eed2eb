import { MONITORING_WINDOWS, type DecisionMix, type GroupApproval } from '@octroi/contracts';
import { Gauge, type Registry } from 'prom-client';
import type { LiveMonitor } from './live-monitor.ts';

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/**
 * The monitoring figures as Prometheus gauges, computed from the windows when scraped. Every monitoring replica
 * exports the same values (each reads the whole feed): alert rules take the max over replicas.
 */
export function registerMonitoringMetrics(registry: Registry, monitor: LiveMonitor) {
  const registers = [registry];
  const stability = new Gauge({
    name: 'octroi_population_stability_index',
    help: 'Population stability index of live applications against the training population, by model feature (`score`: the probability of default) and rolling window',
    labelNames: ['model_version', 'feature', 'window'],
    registers,
    async collect() {
      this.reset();
      for (const window of MONITORING_WINDOWS) {
        const report = await monitor.drift(window).catch(() => undefined);
        for (const version of report?.versions ?? []) {
          const drift =
            version === report?.modelVersion ? report : await monitor.drift(window, version).catch(() => undefined);
          for (const variable of drift?.variables ?? []) {
            if (variable.stabilityIndex !== null)
              this.set({ model_version: version, feature: variable.name, window }, variable.stabilityIndex);
          }
        }
      }
    },
  });
  const applications = new Gauge({
    name: 'octroi_monitored_applications',
    help: 'Live decisions in the rolling window, by model version',
    labelNames: ['model_version', 'window'],
    registers,
    collect() {
      this.reset();
      for (const window of MONITORING_WINDOWS) {
        for (const [version, counts] of monitor.counts.window(window).byVersion)
          this.set({ model_version: version, window }, counts.applications);
      }
    },
  });
  const mix = new Gauge({
    name: 'octroi_decision_share',
    help: 'Share of live decisions in the rolling window that are granted, referred or refused, and share overridden by an officer',
    labelNames: ['outcome', 'window'],
    registers,
    collect() {
      this.reset();
      for (const window of MONITORING_WINDOWS) {
        const total: DecisionMix = monitor.decisions(window).total;
        for (const outcome of ['granted', 'referred', 'refused', 'overrides'] as const)
          this.set({ outcome, window }, share(total[outcome], total.decisions));
      }
    },
  });
  const approval = new Gauge({
    name: 'octroi_approval_rate',
    help: 'Share of live decisions granted in the rolling window, by gender and by age band (`group_kind`)',
    labelNames: ['group_kind', 'group', 'window'],
    registers,
    collect() {
      this.reset();
      for (const window of MONITORING_WINDOWS) {
        const report = monitor.decisions(window);
        const set = (kind: string, groups: GroupApproval[]) =>
          groups.forEach((g) => this.set({ group_kind: kind, group: g.group, window }, share(g.granted, g.decisions)));
        set('gender', report.byGender);
        set('age_band', report.byAgeBand);
      }
    },
  });
  return { stability, applications, mix, approval };
}
