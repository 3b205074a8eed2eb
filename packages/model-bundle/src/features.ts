/**
 * The model's feature vector for a new application as a request carries it: application features derived from
 * its fields (derive.ts), history features aggregated from the history tables it holds (history.ts), missing when
 * it holds none.
 */
import { deriveApplicationFeatures, type RawApplicationValues } from './derive.ts';
import { historyValues, type HistoryRow, type HistoryTables } from './history.ts';
import type { FeatureSpec } from './spec.ts';

/** The history tables of a request body: its values that are arrays of rows. */
export function historyTablesOf(application: RawApplicationValues): HistoryTables {
  return Object.fromEntries(
    Object.entries(application).filter((entry): entry is [string, HistoryRow[]] => Array.isArray(entry[1])),
  );
}

/** Puts the history aggregates into a feature vector (rounded to float32 as they go in). */
export function setHistoryFeatures(spec: FeatureSpec, features: Float32Array, values: ReadonlyMap<string, number>) {
  for (const feature of spec.features) {
    if (feature.source !== 'application') features[feature.index] = values.get(feature.name) ?? Number.NaN;
  }
}

export function deriveFeatures(spec: FeatureSpec, application: RawApplicationValues): Float32Array {
  const features = deriveApplicationFeatures(spec, application);
  if (spec.history !== undefined)
    setHistoryFeatures(spec, features, historyValues(spec.history, historyTablesOf(application)));
  return features;
}
