import { HISTORY_TABLES, REQUIRED_APPLICATION_FIELDS, historyTableRules, type ModelInfo } from '@octroi/contracts';
import type { ModelBundle } from '@octroi/model-bundle';

/** The model as the API describes it: version, quality, threshold, features, policy, and what a new application holds. */
export function modelInfoOf(bundle: ModelBundle): ModelInfo {
  const { manifest, decision, metrics, spec, importance } = bundle;
  const gainOf = new Map(importance.map((item) => [item.feature, item.gain]));
  return {
    name: manifest.name,
    version: bundle.version,
    createdAt: manifest.createdAt ?? '',
    trainedOn: manifest.trainedOn ?? '',
    threshold: decision.threshold,
    costFalseNegative: decision.costFalseNegative,
    costFalsePositive: decision.costFalsePositive,
    metrics,
    features: spec.features.map((feature) => ({
      name: feature.name,
      index: feature.index,
      kind: feature.kind,
      source: feature.source,
      description: feature.description ?? '',
      ...(feature.label ? { label: feature.label } : {}),
      ...(feature.categories ? { categories: feature.categories } : {}),
      importanceGain: gainOf.get(feature.name) ?? 0,
    })),
    policy: bundle.policy,
    historyTables: HISTORY_TABLES.map((table) => ({
      name: table,
      description: historyTableRules[table].description,
      required: historyTableRules[table].required,
      columns: Object.entries(historyTableRules[table].columns).map(([name, { type, categories }]) => ({
        name,
        type,
        ...(categories ? { categories: [...categories] } : {}),
      })),
    })),
    applicationFields: spec.rawFields.map(({ name, type, categories }) => ({
      name,
      type,
      required: REQUIRED_APPLICATION_FIELDS.includes(name),
      ...(categories ? { categories } : {}),
    })),
  };
}
