/**
 * Intake validation of a new application: every field and every history row checked against the intake rules and
 * the model's vocabulary, every problem listed (not only the first), so that a person can correct the whole file
 * at once. Nothing is scored, and no decision is made, for an application with a problem.
 */
import { capped, problem, underField, type FieldProblem } from './problems.ts';
import {
  AGE_YEARS,
  DAYS_PER_YEAR,
  HISTORY_MAX_ROWS,
  REQUIRED_APPLICATION_FIELDS,
  WORKING_AGE_YEARS,
  applicationBounds,
  historyTableRules,
  isHistoryTable,
  type Bounds,
  type ColumnRule,
  type HistoryTableName,
} from './rules.ts';

/** An application field as the model's feature specification lists it. */
export interface IntakeField {
  name: string;
  type: 'number' | 'string';
  categories?: readonly string[];
}

type Values = Readonly<Record<string, unknown>>;

const isMissing = (value: unknown) => value === null || value === undefined;
const isObject = (value: unknown): value is Values =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The problem with one present value, if any. */
function checkValue(field: string, rule: ColumnRule, value: unknown): FieldProblem | undefined {
  if (rule.type === 'string') {
    if (typeof value !== 'string') return problem(field, 'type', { expected: 'text' });
    if (rule.categories && !rule.categories.includes(value))
      return problem(field, 'category', { allowed: rule.categories.join(', ') });
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return problem(field, 'type', { expected: 'number' });
  return checkBounds(field, rule, value);
}

function checkBounds(field: string, bounds: Bounds, value: number): FieldProblem | undefined {
  if (bounds.placeholders?.includes(value)) return undefined;
  if (bounds.integer && !Number.isInteger(value)) return problem(field, 'integer');
  if (bounds.minimum !== undefined && value < bounds.minimum) return problem(field, 'min', { min: bounds.minimum });
  if (bounds.maximum !== undefined && value > bounds.maximum) return problem(field, 'max', { max: bounds.maximum });
  return undefined;
}

/** DAYS_BIRTH is a negative day count; the rule is said in years. */
function checkAge(value: number): FieldProblem | undefined {
  const years = -value / DAYS_PER_YEAR;
  return years < AGE_YEARS.minimum || years > AGE_YEARS.maximum
    ? problem('DAYS_BIRTH', 'age_range', { minYears: AGE_YEARS.minimum, maxYears: AGE_YEARS.maximum })
    : undefined;
}

/** The application fields (not the history tables): known, well typed, within bounds, required ones present. */
export function validateApplicationFields(fields: readonly IntakeField[], raw: Values): FieldProblem[] {
  const known = new Map(fields.map((f) => [f.name, f]));
  const problems: FieldProblem[] = [];
  const valid = new Map<string, number>();
  for (const [name, value] of Object.entries(raw)) {
    if (isHistoryTable(name)) continue;
    const field = known.get(name);
    if (field === undefined) {
      problems.push(problem(name, 'unknown_field'));
      continue;
    }
    if (isMissing(value)) continue;
    const rule: ColumnRule = { ...(field.type === 'number' ? applicationBounds(name) : {}), ...field };
    const found = checkValue(name, rule, value) ?? (name === 'DAYS_BIRTH' ? checkAge(value as number) : undefined);
    if (found) problems.push(found);
    else if (typeof value === 'number') valid.set(name, value);
  }
  for (const name of REQUIRED_APPLICATION_FIELDS) {
    if (isMissing(raw[name])) problems.push(problem(name, 'required'));
  }
  return [...problems, ...crossFieldProblems(valid)];
}

/** Rules between fields, checked only where each field is valid on its own (one problem per mistake). */
function crossFieldProblems(valid: ReadonlyMap<string, number>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const credit = valid.get('AMT_CREDIT');
  const annuity = valid.get('AMT_ANNUITY');
  if (credit !== undefined && annuity !== undefined && annuity > credit)
    problems.push(problem('AMT_ANNUITY', 'annuity_le_credit', { credit }));
  const children = valid.get('CNT_CHILDREN');
  const household = valid.get('CNT_FAM_MEMBERS');
  if (children !== undefined && household !== undefined && household < children + 1)
    problems.push(problem('CNT_FAM_MEMBERS', 'family_size', { min: children + 1 }));
  const birth = valid.get('DAYS_BIRTH');
  if (birth !== undefined) {
    const employed = valid.get('DAYS_EMPLOYED');
    const workingLife = -birth - WORKING_AGE_YEARS * DAYS_PER_YEAR;
    if (employed !== undefined && employed <= 0 && -employed > workingLife)
      problems.push(problem('DAYS_EMPLOYED', 'working_life', { minAgeYears: WORKING_AGE_YEARS }));
    for (const name of ['DAYS_REGISTRATION', 'DAYS_ID_PUBLISH', 'DAYS_LAST_PHONE_CHANGE']) {
      const days = valid.get(name);
      if (days !== undefined && days < birth) problems.push(problem(name, 'after_birth'));
    }
  }
  return problems;
}

/** One row of a history table: known columns, well typed, within bounds, required ones present (fields: columns). */
export function validateHistoryRow(table: HistoryTableName, row: Values): FieldProblem[] {
  const { columns, required } = historyTableRules[table];
  const problems: FieldProblem[] = [];
  for (const [name, value] of Object.entries(row)) {
    const rule = columns[name];
    if (rule === undefined) problems.push(problem(name, 'unknown_field', { table }));
    else if (!isMissing(value)) {
      const found = checkValue(name, rule, value);
      if (found) problems.push(found);
    }
  }
  for (const name of required) if (isMissing(row[name])) problems.push(problem(name, 'required'));
  return problems;
}

/** The rows of one history table, each an object passing `validateHistoryRow`. */
function tableProblems(table: HistoryTableName, rows: unknown): FieldProblem[] {
  if (!Array.isArray(rows)) return [problem(table, 'type', { expected: 'array' })];
  if (rows.length > HISTORY_MAX_ROWS) return [problem(table, 'too_many_rows', { max: HISTORY_MAX_ROWS })];
  return rows.flatMap((row: unknown, index) => {
    const at = `${table}.${index}`;
    return isObject(row)
      ? underField(at, validateHistoryRow(table, row))
      : [problem(at, 'type', { expected: 'object' })];
  });
}

/** The rows of a table of the right shape (none otherwise: its shape is the problem already named). */
function rowsOf(raw: Values, table: HistoryTableName): Values[] {
  const rows = raw[table];
  if (!Array.isArray(rows) || rows.length > HISTORY_MAX_ROWS) return [];
  return rows.map((row: unknown) => (isObject(row) ? row : {}));
}

/** Identifiers that tie the rows together: one applicant, bureau credits named once, monthly statuses of known credits. */
function linkProblems(raw: Values): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const applicant = typeof raw['SK_ID_CURR'] === 'number' ? raw['SK_ID_CURR'] : undefined;
  let firstSeen = applicant;
  for (const table of Object.keys(historyTableRules) as HistoryTableName[]) {
    rowsOf(raw, table).forEach((row, index) => {
      const id = row['SK_ID_CURR'];
      if (typeof id !== 'number') return;
      firstSeen ??= id;
      if (id !== firstSeen)
        problems.push(problem(`${table}.${index}.SK_ID_CURR`, 'other_client', { applicant: firstSeen }));
    });
  }
  const credits = new Set<unknown>();
  rowsOf(raw, 'bureau').forEach((row, index) => {
    const id = row['SK_ID_BUREAU'];
    if (isMissing(id)) return;
    if (credits.has(id)) problems.push(problem(`bureau.${index}.SK_ID_BUREAU`, 'duplicate_id'));
    credits.add(id);
  });
  rowsOf(raw, 'bureau_balance').forEach((row, index) => {
    const id = row['SK_ID_BUREAU'];
    if (!isMissing(id) && !credits.has(id))
      problems.push(problem(`bureau_balance.${index}.SK_ID_BUREAU`, 'unknown_credit'));
  });
  return problems;
}

/** The history tables a new application carries (each optional). */
export function validateHistory(raw: Values): FieldProblem[] {
  const tables = Object.keys(raw).filter(isHistoryTable);
  const problems = tables.flatMap((table) => tableProblems(table, raw[table]));
  return [...problems, ...linkProblems(raw)];
}

/**
 * Every problem with a new application as sent (its fields and its history tables), each field named with
 * `prefix` before it (`applications.3`); an empty list when it can be scored.
 */
export function validateNewApplication(fields: readonly IntakeField[], body: unknown, prefix = ''): FieldProblem[] {
  if (!isObject(body)) return underField(prefix, [problem('', 'type', { expected: 'object' })]);
  return capped(underField(prefix, [...validateApplicationFields(fields, body), ...validateHistory(body)]));
}
