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

/** A value computed on each row of a secondary table (see history.ts for the ops and their arithmetic). */
export interface HistoryRowOp {
  name: string;
  op:
    | 'number'
    | 'equals'
    | 'lookup'
    | 'ratio'
    | 'difference'
    | 'sum'
    | 'product'
    | 'compare'
    | 'isMissing'
    | 'and'
    | 'or'
    | 'negate'
    | 'clip'
    | 'latest';
  /** Raw columns for `number`, `equals` and `lookup`; earlier row values otherwise. */
  inputs: string[];
  missingValues?: number[];
  values?: string[];
  map?: Record<string, number>;
  default?: number | null;
  test?: '>' | '>=' | '<' | '<=' | '==';
  value?: number;
  lower?: number;
  upper?: number;
  /** `latest`: the raw identifier grouping the rows (SK_ID_PREV). */
  by?: string;
}

/** An aggregate of an applicant's rows of one table (those where the row value `where` is 1). */
export interface HistoryAggregate {
  name: string;
  op: 'count' | 'sum' | 'mean' | 'min' | 'max';
  input?: string;
  where?: string;
}

export interface HistoryTable {
  /** The table's file name without .csv, as requests and folders name it. */
  name: string;
  source: FeatureSource;
  /** Rows belong to the applicant of the parent row with the same key (bureau_balance → bureau). */
  parent?: { table: string; key: string };
  rows: HistoryRowOp[];
  aggregates: HistoryAggregate[];
}

/** The history section of feature_spec.json: tables in order, then combinations of their aggregates. */
export interface HistorySpec {
  tables: HistoryTable[];
  combinations: CombinedDerivation[];
}

export interface FeatureSpec {
  version: number;
  target: string;
  id: string;
  rawFields: RawField[];
  features: Feature[];
  derivations: Derivation[];
  /** Absent from a bundle trained before history was declared: its history features are then missing. */
  history?: HistorySpec;
}

/** A test vector of `test_vectors.json`: a new application (history tables included) and its features (null = NaN). */
export interface TestVector {
  description?: string;
  raw: Record<string, number | string | null | Array<Record<string, number | string | null>>>;
  features: Record<string, number | null>;
}
