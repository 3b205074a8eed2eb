/**
 * The explain service's domain in one object: built once per model bundle, it scores a client's
 * features, computes their SHAP values and words the explanation.
 */
import type { Contribution, Decision, Explanation, Language } from '@octroi/contracts';
import { decisionFor, type FeatureDefinition, type PopulationStats } from '@octroi/model-bundle';
import { FastTreeShap, type FastTreeShapOptions } from './fast-treeshap.ts';
import { type Forest, type LightGbmDump, probabilityOfDefault, rawScore, readForest, toFeatureRow } from './forest.ts';
import { type Factor, reasonsFor } from './reasons.ts';
import { displayValue, featureLabel, type FeatureContext } from './wording.ts';

/** What the explainer reads from a model bundle. */
export interface ExplainerParts {
  /** model.lgb.json */
  model: LightGbmDump;
  /** feature_spec.json: the features, in the model's input order. */
  spec: { features: FeatureDefinition[] };
  /** population.json */
  population: PopulationStats;
  /** decision.json's threshold: probability of default from which a loan is refused. */
  threshold: number;
  /** policy.json's referral band around the threshold, where a simulated decision reads "referred". */
  referralBand?: number;
  modelVersion: string;
}

/** A client's features: float32 values in spec order, NaN or null for missing. */
export type FeatureValues = ArrayLike<number | null>;

export interface Score {
  rawScore: number;
  probabilityOfDefault: number;
  decision: Decision;
}

export interface ExplainOptions {
  language?: Language;
  clientId?: number;
}

export interface Explainer {
  readonly modelVersion: string;
  readonly threshold: number;
  readonly forest: Forest;
  readonly features: readonly FeatureContext[];
  /** Index of each feature by name. */
  readonly featureIndex: ReadonlyMap<string, number>;
  score(features: FeatureValues): Score;
  /** SHAP values in log-odds, one per feature (spec order). */
  shap(features: FeatureValues): Float64Array;
  explain(features: FeatureValues, options?: ExplainOptions): Explanation;
  label(feature: string, language: Language): string;
}

export function createExplainer(parts: ExplainerParts, options: FastTreeShapOptions = {}): Explainer {
  const forest = readForest(parts.model);
  checkFeatureOrder(forest, parts.spec.features);
  const features = parts.spec.features.map((definition) => ({
    definition,
    population: parts.population.get(definition.name),
  }));
  const featureIndex = new Map(features.map((f, i) => [f.definition.name, i]));
  const treeShap = new FastTreeShap(forest, options);

  const score = (values: FeatureValues): Score => {
    const raw = rawScore(forest, toFeatureRow(values));
    const probability = probabilityOfDefault(forest, raw);
    return {
      rawScore: raw,
      probabilityOfDefault: probability,
      decision: decisionFor(probability, { threshold: parts.threshold, referralBand: parts.referralBand ?? 0 }),
    };
  };

  const explain = (values: FeatureValues, { language = 'fr', clientId }: ExplainOptions = {}): Explanation => {
    const row = toFeatureRow(values);
    const phi = treeShap.explain(row);
    const factors: Factor[] = features.map((context, i) => ({
      context,
      value: valueOf(row[i]!),
      contribution: phi[i]!,
    }));
    const reasons = reasonsFor(factors, language);
    const { rawScore: raw, probabilityOfDefault: probability, decision } = score(row);
    return {
      ...(clientId === undefined ? {} : { clientId }),
      modelVersion: parts.modelVersion,
      language,
      expectedValue: forest.expectedValue,
      rawScore: raw,
      probabilityOfDefault: probability,
      threshold: parts.threshold,
      decision,
      contributions: contributionsOf(factors, language),
      adverseReasons: reasons.adverse,
      favourableReasons: reasons.favourable,
    };
  };

  return {
    modelVersion: parts.modelVersion,
    threshold: parts.threshold,
    forest,
    features,
    featureIndex,
    score,
    shap: (values) => treeShap.explain(toFeatureRow(values)),
    explain,
    label: (feature, language) => {
      const i = featureIndex.get(feature);
      return i === undefined ? feature : featureLabel(features[i]!.definition, language);
    },
  };
}

function valueOf(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

function contributionsOf(factors: Factor[], language: Language): Contribution[] {
  return factors
    .map((f) => ({
      feature: f.context.definition.name,
      label: featureLabel(f.context.definition, language),
      value: f.value,
      displayValue: displayValue(f.context, f.value, language),
      contribution: f.contribution,
    }))
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
}

/** The spec and the model must agree on the input order, or every explanation would be wrong. */
function checkFeatureOrder(forest: Forest, features: readonly FeatureDefinition[]): void {
  const model = forest.featureNames;
  const mismatch = features.findIndex((f, i) => f.name !== model[i]);
  if (model.length !== features.length || mismatch >= 0) {
    const at = mismatch >= 0 ? mismatch : Math.min(model.length, features.length);
    throw new Error(
      `feature_spec.json and model.lgb.json disagree at feature ${at}: "${features[at]?.name ?? '(none)'}" vs "${model[at] ?? '(none)'}"`,
    );
  }
}
