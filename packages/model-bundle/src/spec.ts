/**
 * Types of `feature_spec.json`, the feature specification of a model bundle
 * (see models/README.md). Written by the training pipeline, read by every service.
 */

import type { FieldGroupName } from '@octroi/contracts';

/** The group a raw field is shown in (identity, family, income_credit, …). */
export type ReadingGroup = FieldGroupName;

/** An application column a user may send. */
export interface RawField {
  name: string;
  type: 'number' | 'string';
  group: ReadingGroup;
  description: string;
  /** Recorded by training from the intake rules of the contracts, which the services apply. */
  required: boolean;
  /** Allowed values of a text field. */
  categories?: string[];
  /** Intake bounds of a number, as recorded by training. */
  bounds?: { minimum?: number; maximum?: number; integer?: boolean; placeholders?: number[] };
}

export type FeatureSource =
  'application' | 'bureau' | 'previous_application' | 'pos_cash' | 'installments' | 'credit_card';

export interface FeatureLabel {
  en: string;
  fr: string;
}

/** One model input, at position `index` of the feature vector. */
export interface Feature {
  name: string;
  index: number;
  kind: 'numeric' | 'categorical';
  source: FeatureSource;
  description: string;
  label: FeatureLabel;
  /** How to read the value: currency, days, ratio, count, score, flag, … */
  unit: string;
  /** Categorical features: the value is the index of the category in this list. */
  categories?: string[];
}

/** Ops reading one raw field. */
export interface NumberDerivation {
  name: string;
  op: 'number';
  inputs: [string];
  /** Placeholder values meaning "missing" (e.g. DAYS_EMPLOYED = 365243). */
  missingValues?: number[];
}

export interface CategoryDerivation {
  name: string;
  op: 'category';
  inputs: [string];
  categories: string[];
}

/** Ops reading earlier derivations by name. */
export interface CombinedDerivation {
  name: string;
  op: 'ratio' | 'product' | 'sum' | 'difference' | 'mean' | 'min' | 'max' | 'std';
  inputs: string[];
}

export type Derivation = NumberDerivation | CategoryDerivation | CombinedDerivation;

export interface FeatureSpec {
  version: number;
  target: string;
  id: string;
  rawFields: RawField[];
  features: Feature[];
  derivations: Derivation[];
}

/** A test vector of `test_vectors.json`: a raw application and its expected features (null = NaN). */
export interface TestVector {
  description?: string;
  raw: Record<string, number | string | null>;
  features: Record<string, number | null>;
}
