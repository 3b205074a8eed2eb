/**
 * The gateway's HTTP API as TypeScript types, mirroring the TypeBox schemas of the
 * contracts package (common, clients, scoring, explain, http). The dashboard only
 * talks HTTP, so it keeps its own copy instead of importing the workspace package.
 */

export type Language = 'fr' | 'en';
export type Decision = 'granted' | 'refused';
export type KnownOutcome = 'repaid' | 'defaulted' | null;
/** A raw value of an application field, as the officer or the data holds it. */
export type RawValue = number | string | null;
/** Home Credit application columns by name (AMT_CREDIT, DAYS_BIRTH, ...). */
export type RawApplication = Record<string, RawValue>;

export type ErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'unavailable'
  | 'timeout'
  | 'internal';

/** One problem with the input: the field (`AMT_CREDIT`, `bureau.2.DAYS_CREDIT`), a stable rule code, its figures. */
export interface FieldProblem {
  field: string;
  rule: string;
  /** In English, for API users; the dashboard words the rule itself. */
  message: string;
  params?: Record<string, number | string>;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** The input field at fault, for a 400: the first of `errors`. */
  field?: string;
  requestId?: string;
  /** Every problem with the input, for a 400. */
  errors?: FieldProblem[];
}

// --- Session -----------------------------------------------------------------

export type Role = 'officer' | 'admin';

export interface SessionUser {
  username: string;
  displayName: string;
  role: Role;
}

export interface SignInRequest {
  username: string;
  password: string;
}

// --- Clients -----------------------------------------------------------------

export type FieldGroupName =
  | 'identity'
  | 'family'
  | 'income_credit'
  | 'employment'
  | 'housing'
  | 'external_scores'
  | 'documents'
  | 'contact'
  | 'other';

export interface LabelledField {
  /** Column name in the Home Credit data. */
  name: string;
  /** Readable label in the requested language. */
  label: string;
  description: string;
  value: RawValue;
}

export interface FieldGroup {
  group: FieldGroupName;
  label: string;
  fields: LabelledField[];
}

export interface ClientRecord {
  clientId: number;
  knownOutcome: KnownOutcome;
  probabilityOfDefault: number;
  decision: Decision;
  groups: FieldGroup[];
}

export interface ClientSummary {
  clientId: number;
  probabilityOfDefault: number;
  decision: Decision;
  knownOutcome: KnownOutcome;
  ageYears: number | null;
  incomeTotal: number | null;
  creditAmount: number | null;
  contractType: string | null;
}

export type ClientSortKey = 'clientId' | 'probabilityOfDefault' | 'ageYears' | 'incomeTotal' | 'creditAmount';

export interface ClientQuery {
  page: number;
  pageSize: number;
  /** Prefix of the client id. */
  search?: string;
  decision?: Decision;
  minProbability?: number;
  maxProbability?: number;
  contractType?: string;
  minIncome?: number;
  maxIncome?: number;
  sort?: ClientSortKey;
  order?: 'asc' | 'desc';
}

export interface ClientPage {
  page: number;
  pageSize: number;
  total: number;
  items: ClientSummary[];
}

export interface HistogramBin {
  from: number;
  to: number;
  repaid: number;
  defaulted: number;
}

export interface Population {
  feature: string;
  label: string;
  description: string;
  kind: 'numeric' | 'categorical';
  count: number;
  missing: number;
  mean: number | null;
  std: number | null;
  /** 101 points, p0 to p100. */
  quantiles: (number | null)[];
  histogram: HistogramBin[];
  categories?: string[];
  clientValue?: number | null;
  clientPercentile?: number | null;
}

export interface SamplePoint {
  clientId: number;
  x: number;
  y: number;
  probabilityOfDefault: number;
}

export interface PopulationSample {
  x: string;
  y: string;
  points: SamplePoint[];
  client?: { clientId: number; x: number | null; y: number | null; probabilityOfDefault: number };
}

export interface Neighbour {
  clientId: number;
  distance: number;
  knownOutcome: KnownOutcome;
  probabilityOfDefault: number;
  decision: Decision;
}

export interface SimilarClients {
  clientId: number;
  /** Features the distance is computed on. */
  features: string[];
  neighbours: Neighbour[];
}

// --- Scoring -----------------------------------------------------------------

export interface Score {
  probabilityOfDefault: number;
  decision: Decision;
  threshold: number;
  modelVersion: string;
  clientId?: number;
  decisionId?: string;
}

export interface ModelFeature {
  name: string;
  index: number;
  kind: 'numeric' | 'categorical';
  source: string;
  description: string;
  label?: { fr: string; en: string };
  categories?: string[];
  importanceGain: number;
}

/** An application field the model reads, as the intake rules check it. */
export interface ApplicationField {
  name: string;
  type: 'number' | 'string';
  required: boolean;
  categories?: string[];
}

export interface ModelInfo {
  name: string;
  version: string;
  createdAt: string;
  trainedOn: string;
  threshold: number;
  costFalseNegative: number;
  costFalsePositive: number;
  /** The bundle's metrics.json as written at training; read through model/model-metrics.ts. */
  metrics: Record<string, unknown>;
  features: ModelFeature[];
  policy: LenderPolicy;
  applicationFields: ApplicationField[];
}

/** The lender's policy of the model bundle (policy.json). */
export interface LenderPolicy {
  version: number;
  /** Never model inputs; kept as raw fields for fairness measurement only. */
  protectedAttributes: string[];
  monitoredAttributes: string[];
  /** Never offered in what-if or counterfactuals. */
  nonActionable: string[];
  /** The raw fields a what-if or counterfactual may change. */
  actionable: string[];
  referral: { band: number };
  reasons: Record<string, string>;
}

// --- Explanations ------------------------------------------------------------

export interface Contribution {
  feature: string;
  label: string;
  value: number | null;
  displayValue: string;
  /** SHAP value in log-odds; positive pushes toward default. */
  contribution: number;
}

export interface Reason {
  feature: string;
  direction: 'adverse' | 'favourable';
  text: string;
  contribution: number;
}

export interface Explanation {
  clientId?: number;
  modelVersion: string;
  language: Language;
  /** Mean raw score of the training data (log-odds). */
  expectedValue: number;
  /** expectedValue plus the sum of contributions (log-odds). */
  rawScore: number;
  probabilityOfDefault: number;
  threshold: number;
  decision: Decision;
  /** Every feature, by decreasing absolute contribution. */
  contributions: Contribution[];
  adverseReasons: Reason[];
  favourableReasons: Reason[];
}

export interface GlobalImportance {
  modelVersion: string;
  status: 'ready' | 'computing';
  progress: number;
  rows: number;
  features: { feature: string; label: string; meanAbsShap: number }[];
}

export interface ShapSummary {
  modelVersion: string;
  features: {
    feature: string;
    label: string;
    /** valueRank: rank of the value in the population, 0 lowest, 1 highest, null when missing. */
    points: { shap: number; valueRank: number | null }[];
  }[];
}

export interface Dependence {
  feature: string;
  label: string;
  color: string | null;
  colorLabel: string | null;
  points: { value: number; shap: number; colorValue: number | null }[];
}

export interface WhatIfRequest {
  clientId: number;
  changes: RawApplication;
  language?: Language;
}

export interface WhatIf {
  clientId: number;
  original: { probabilityOfDefault: number; decision: Decision };
  updated: Explanation;
  /** Updated minus original probability of default. */
  probabilityChange: number;
  decisionChanged: boolean;
  changedFeatures: { feature: string; label: string; from: number | null; to: number | null }[];
}

export interface Counterfactual {
  clientId: number;
  language: Language;
  original: { probabilityOfDefault: number; decision: Decision };
  found: boolean;
  /** The suggestion, or why there is none, in plain language. */
  message: string;
  changes: { field: string; label: string; from: RawValue; to: RawValue }[];
  result: { probabilityOfDefault: number; decision: Decision; verifiedByScoring: boolean } | null;
}
