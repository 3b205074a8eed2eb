import Papa from 'papaparse';

import type { HistoryTableInfo, RawValue } from '../core/api-types';
import type { Messages } from '../shared/i18n/messages';
import { DAYS_PER_YEAR, parseNumber } from './application-fields';

/** The tables an officer fills in row by row; the others come from the applicant's files. */
export type TypedTable = 'bureau' | 'previous_application';

/** A field of a typed row: a Home Credit column, asked in the officer's units. */
export interface HistoryField {
  /** The form's name of the field (a column, or YEARS_* for a day count asked in years). */
  name: keyof Messages['history']['fields'];
  column: string;
  kind: 'amount' | 'number' | 'category' | 'years';
}

/** What an officer types for a credit at another lender, or for a previous application here. */
export const TYPED_FIELDS: Record<TypedTable, readonly HistoryField[]> = {
  bureau: [
    { name: 'CREDIT_TYPE', column: 'CREDIT_TYPE', kind: 'category' },
    { name: 'CREDIT_ACTIVE', column: 'CREDIT_ACTIVE', kind: 'category' },
    { name: 'AMT_CREDIT_SUM', column: 'AMT_CREDIT_SUM', kind: 'amount' },
    { name: 'AMT_CREDIT_SUM_DEBT', column: 'AMT_CREDIT_SUM_DEBT', kind: 'amount' },
    { name: 'YEARS_CREDIT', column: 'DAYS_CREDIT', kind: 'years' },
    { name: 'CREDIT_DAY_OVERDUE', column: 'CREDIT_DAY_OVERDUE', kind: 'number' },
  ],
  previous_application: [
    { name: 'NAME_CONTRACT_TYPE', column: 'NAME_CONTRACT_TYPE', kind: 'category' },
    { name: 'NAME_CONTRACT_STATUS', column: 'NAME_CONTRACT_STATUS', kind: 'category' },
    { name: 'AMT_APPLICATION', column: 'AMT_APPLICATION', kind: 'amount' },
    { name: 'AMT_CREDIT', column: 'AMT_CREDIT', kind: 'amount' },
    { name: 'AMT_ANNUITY', column: 'AMT_ANNUITY', kind: 'amount' },
    { name: 'YEARS_DECISION', column: 'DAYS_DECISION', kind: 'years' },
  ],
};

/** A typed row as the officer left it: text by field name. */
export type TypedRow = Record<string, string>;

/** Rows of one of the applicant's files, read and typed. */
export interface UploadedTable {
  file: string;
  table: string;
  rows: Record<string, RawValue>[];
}

/** The history attached to a new application. */
export interface HistoryDraft {
  typed: Record<TypedTable, TypedRow[]>;
  uploaded: UploadedTable[];
}

export const EMPTY_HISTORY: HistoryDraft = { typed: { bureau: [], previous_application: [] }, uploaded: [] };

/** A typed row as the API wants it: columns, years back turned into negative day counts, empty fields left out. */
export function typedRowOf(table: TypedTable, row: TypedRow): Record<string, RawValue> {
  const values: Record<string, RawValue> = {};
  for (const field of TYPED_FIELDS[table]) {
    const text = row[field.name]?.trim() ?? '';
    if (text === '') continue;
    if (field.kind === 'category') values[field.column] = text;
    else {
      const number = parseNumber(text);
      values[field.column] =
        number === undefined ? text : field.kind === 'years' ? -Math.round(number * DAYS_PER_YEAR) : number;
    }
  }
  return values;
}

/** The history tables of the request: typed rows first, then the files' rows, table by table. */
export function historyTables(draft: HistoryDraft): Record<string, Record<string, RawValue>[]> {
  const tables: Record<string, Record<string, RawValue>[]> = {};
  for (const table of Object.keys(draft.typed) as TypedTable[]) {
    const rows = draft.typed[table].map((row) => typedRowOf(table, row)).filter((row) => Object.keys(row).length);
    if (rows.length) tables[table] = rows;
  }
  for (const { table, rows } of draft.uploaded) tables[table] = [...(tables[table] ?? []), ...rows];
  return tables;
}

/**
 * Reads one of the applicant's CSV files (a Home Credit table: bureau.csv, installments_payments.csv, ...):
 * the table is the one whose required columns are all in the header and which knows every column of it; cells
 * are typed by the table's columns (empty is missing, a number column's cell that is not a number stays text,
 * and the intake rules say so).
 */
export function readHistoryFile(
  file: string,
  text: string,
  tables: readonly HistoryTableInfo[],
): UploadedTable | undefined {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  });
  const header = (parsed.meta.fields ?? []).map((column) => column.trim());
  const table = tables.find(
    (t) =>
      t.required.every((column) => header.includes(column)) &&
      header.every((column) => t.columns.some((c) => c.name === column)),
  );
  if (!table || header.length === 0) return undefined;
  const types = new Map(table.columns.map((c) => [c.name, c.type]));
  const rows = parsed.data.map((record) =>
    Object.fromEntries(
      Object.entries(record).map(([column, cell]): [string, RawValue] => {
        const name = column.trim();
        const value = cell.trim();
        if (value === '') return [name, null];
        const number = Number(value);
        return [name, types.get(name) === 'number' && Number.isFinite(number) ? number : value];
      }),
    ),
  );
  return { file, table: table.name, rows };
}

/** The id of the input an API problem (`bureau.1.DAYS_CREDIT`) points at, when a typed row holds it. */
export function historyInputOf(apiField: string, draft: HistoryDraft): string | undefined {
  const match = /(?:^|\.)(bureau|previous_application)\.(\d+)\.([A-Z0-9_]+)$/.exec(apiField);
  if (!match) return undefined;
  const [, table, index, column] = match as unknown as [string, TypedTable, string, string];
  const typed = draft.typed[table]
    .map((row, i) => ({ row, i }))
    .filter(({ row }) => Object.values(row).some((v) => v.trim()));
  const row = typed[Number(index)];
  const field = TYPED_FIELDS[table].find((f) => f.column === column);
  return row && field ? historyInputId(table, row.i, field.name) : undefined;
}

export const historyInputId = (table: TypedTable, row: number, field: string) => `hist-${table}-${row}-${field}`;
