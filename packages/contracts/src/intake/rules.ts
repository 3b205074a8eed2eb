/**
 * The intake rules of `intake-rules.json`, typed: which application fields are required, the bounds of each
 * number, the shape of each history table. Training records the same choices in the bundle's feature
 * specification, so a bundle says what it was trained to accept.
 */
import rules from './intake-rules.json' with { type: 'json' };

export interface Bounds {
  minimum?: number;
  maximum?: number;
  integer?: boolean;
  /** Documented placeholders accepted outside the bounds (DAYS_EMPLOYED 365243: no current job). */
  placeholders?: number[];
}

export interface ColumnRule extends Bounds {
  type: 'number' | 'string';
  categories?: readonly string[];
}

export interface TableRule {
  description: string;
  required: string[];
  columns: Record<string, ColumnRule>;
}

/** The Home Credit secondary tables a request may carry, by the names of their files. */
export const HISTORY_TABLES = [
  'bureau',
  'bureau_balance',
  'previous_application',
  'POS_CASH_balance',
  'installments_payments',
  'credit_card_balance',
] as const;
export type HistoryTableName = (typeof HISTORY_TABLES)[number];

export const isHistoryTable = (key: string): key is HistoryTableName =>
  (HISTORY_TABLES as readonly string[]).includes(key);

const application = rules.application;

export const REQUIRED_APPLICATION_FIELDS: readonly string[] = application.required;
export const AGE_YEARS = application.ageYears;
export const WORKING_AGE_YEARS = application.workingAgeYears;
export const DAYS_PER_YEAR = application.daysPerYear;

const patternBounds = application.boundsByPattern.map(({ pattern, ...bounds }) => ({
  pattern: new RegExp(pattern),
  bounds: bounds,
}));

/** The bounds of an application number (none for a field without any). */
export function applicationBounds(field: string): Bounds | undefined {
  const named = (application.bounds as Record<string, Bounds>)[field];
  return named ?? patternBounds.find(({ pattern }) => pattern.test(field))?.bounds;
}

export const HISTORY_MAX_ROWS: number = rules.history.maxRows;

export const historyTableRules = rules.history.tables as Record<HistoryTableName, TableRule>;
