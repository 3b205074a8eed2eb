import {
  DRIFT_MINIMUM_APPLICATIONS,
  DRIFT_THRESHOLDS,
  type DriftStatus,
  type MonitoringWindow,
  type VariableDrift,
  type VariableDriftDetail,
} from '@octroi/contracts';
import { binLabel, type BinnedVariable, type DriftReference } from '@octroi/model-bundle';
import type { VersionCounts } from './rolling-counts.ts';
import { stabilityIndex } from './stability-index.ts';

export function driftStatus(index: number | null, applications: number): DriftStatus {
  if (index === null || applications < DRIFT_MINIMUM_APPLICATIONS) return 'too-few';
  if (index >= DRIFT_THRESHOLDS.act) return 'act';
  if (index >= DRIFT_THRESHOLDS.warn) return 'watch';
  return 'stable';
}

const sum = (counts: readonly number[]) => counts.reduce((total, count) => total + count, 0);

function countsOf(variable: BinnedVariable, counts: VersionCounts | undefined): number[] {
  return (variable.name === 'score' ? counts?.score : counts?.features.get(variable.name)) ?? [];
}

function variableDrift(variable: BinnedVariable, kind: 'feature' | 'score', counts: VersionCounts | undefined) {
  const live = countsOf(variable, counts);
  const applications = sum(live);
  const index = stabilityIndex(variable.training, live);
  const drift: VariableDrift = {
    name: variable.name,
    kind,
    applications,
    stabilityIndex: index,
    status: driftStatus(index, applications),
  };
  return drift;
}

/**
 * The stability index of the score and of every model feature, highest first; those seen in too few decisions
 * after the others (a handful of values gives a large index that means nothing), those without data last.
 */
export function variablesDrift(reference: DriftReference, counts: VersionCounts | undefined): VariableDrift[] {
  const variables = [
    variableDrift(reference.score, 'score', counts),
    ...reference.features.map((variable) => variableDrift(variable, 'feature', counts)),
  ];
  const tooFew = (variable: VariableDrift) => Number(variable.status === 'too-few');
  return variables.sort((a, b) => tooFew(a) - tooFew(b) || (b.stabilityIndex ?? -1) - (a.stabilityIndex ?? -1));
}

/** One variable's live shares beside its training shares, bin by bin. */
export function variableDetail(
  reference: DriftReference,
  name: string,
  window: MonitoringWindow,
  counts: VersionCounts | undefined,
): VariableDriftDetail | undefined {
  const variable = name === 'score' ? reference.score : reference.features.find((v) => v.name === name);
  if (!variable) return undefined;
  const live = countsOf(variable, counts);
  const applications = sum(live);
  return {
    ...variableDrift(variable, name === 'score' ? 'score' : 'feature', counts),
    window,
    modelVersion: reference.modelVersion,
    bins: variable.training.map((training, bin) => {
      const { from, to, category } = binLabel(variable, bin);
      const label = category ?? (from === null ? 'missing' : `[${from}, ${to})`);
      return { label, from, to, category, training, live: applications > 0 ? (live[bin] ?? 0) / applications : null };
    }),
  };
}
