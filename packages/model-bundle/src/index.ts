export { BundleError, DomainError, isDomainError } from './errors.ts';
export {
  defaultModelDir,
  loadBundle,
  POLICY_FILE,
  REQUIRED_FILES,
  type BundleFile,
  type DecisionPolicy,
  type FeatureImportance,
  type LoadBundleOptions,
  type Manifest,
  type ModelBundle,
} from './bundle.ts';
export {
  loadApplicantFeatures,
  loadApplicantRecords,
  type ApplicantColumn,
  type ApplicantFeatures,
  type ApplicantRecords,
  type RawValue,
} from './applicants.ts';
export { DEFAULT_POLICY, featuresReadingProtected, isActionable, parsePolicy, type LenderPolicy } from './policy.ts';
export { buildIdIndex, type RowOf } from './id-index.ts';
export {
  parsePopulation,
  percentileOf,
  type FeaturePopulation,
  type HistogramBin,
  type PopulationStats,
} from './population.ts';
export {
  decisionFor,
  decisionRuleOf,
  knownOutcomeOf,
  probabilityRangeOf,
  type DecisionRule,
  type KnownOutcome,
} from './decision.ts';
export { featureLabel } from './labels.ts';
export type {
  CategoryDerivation,
  CombinedDerivation,
  Derivation,
  Feature,
  /** The same as Feature: the name this package first exported. */
  Feature as FeatureDefinition,
  FeatureLabel,
  FeatureSource,
  FeatureSpec,
  HistoryAggregate,
  HistoryRowOp,
  HistorySpec,
  HistoryTable,
  NumberDerivation,
  RawField,
  ReadingGroup,
  TestVector,
} from './spec.ts';
export { seededOrder, seededRandom } from './random.ts';
export { shortestFloat32 } from './float32.ts';
export { deriveApplicationFeatures, evaluateDerivations, readNumber } from './derive.ts';
export { deriveFeatures, historyTablesOf, setHistoryFeatures } from './features.ts';
export {
  HistoryAccumulator,
  TableAccumulator,
  historyValues,
  identifierOf,
  type HistoryRow,
  type HistoryTables,
} from './history.ts';
export { applicationProblems, requireValidApplications } from './intake.ts';
export { BundleCatalogue, readModelRoles, type CatalogueEntry, type ModelPointers } from './catalogue.ts';
export { binLabel, binOf, driftReference, type BinnedVariable, type DriftReference } from './drift-reference.ts';
