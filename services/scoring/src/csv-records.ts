/** CSV records of Home Credit files read as the API receives them: typed cells, empty cells missing. */
import { historyTableRules, type HistoryRow, type HistoryTableName, type NewApplication } from '@octroi/contracts';
import type { FeatureSpec } from '@octroi/model-bundle';

export type CsvRecord = Record<string, string>;

/** Empty is missing; a number where the column holds numbers; anything else stays text (and validation says so). */
export function cellValue(type: 'number' | 'string', cell: string): string | number | null {
  if (cell === '') return null;
  const number = Number(cell);
  return type === 'number' && cell.trim() !== '' && Number.isFinite(number) ? number : cell;
}

/** An application record: the fields the specification lists, other columns (TARGET, ...) left out. */
export function applicationOf(spec: FeatureSpec, record: CsvRecord): NewApplication {
  const application: NewApplication = {};
  for (const field of spec.rawFields) {
    const cell = record[field.name];
    if (cell !== undefined) application[field.name] = cellValue(field.type, cell);
  }
  return application;
}

/** A row of a secondary table: every column of the file, typed by the table's intake rules. */
export function historyRowOf(table: HistoryTableName, record: CsvRecord): HistoryRow {
  const { columns } = historyTableRules[table];
  const row: HistoryRow = {};
  for (const [name, cell] of Object.entries(record)) row[name] = cellValue(columns[name]?.type ?? 'string', cell);
  return row;
}
