/**
 * The history of a batch file's applicants, from Home Credit secondary tables (files lying beside it, or files sent
 * with a batch job), computed by the same TypeScript accumulator that serves a request's history tables. Each table
 * is streamed in file order (twice when a feature needs each loan's latest row); a row is checked with the intake
 * rules, and a bad row is kept as a reason against its applicant, named as it would be in a request
 * (`bureau.3.DAYS_CREDIT`).
 */
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { MAX_PROBLEMS, isHistoryTable, underField, validateHistoryRow, type FieldProblem } from '@octroi/contracts';
import { HistoryAccumulator, identifierOf, type FeatureSpec } from '@octroi/model-bundle';
import { historyRowOf, type CsvRecord } from './csv-records.ts';

export interface BatchHistory {
  /** The history aggregates of one applicant of the file (by its position in the file's list of applicants). */
  values(applicant: number): Map<string, number>;
  /** What is wrong with the applicant's history rows (empty when nothing is). */
  problems(applicant: number): FieldProblem[];
}

/** A history table's CSV bytes, opened afresh at each call (a table may be read twice). */
export type TableBytes = () => AsyncIterable<Uint8Array> | Promise<AsyncIterable<Uint8Array>>;

/** The secondary tables lying in a folder as `<table>.csv` (bureau.csv, previous_application.csv, ...). */
export function historyFilesIn(spec: FeatureSpec, folder: string): Map<string, TableBytes> {
  const files = (spec.history?.tables ?? []).map((table) => [table.name, join(folder, `${table.name}.csv`)] as const);
  return new Map(
    files.filter(([, path]) => existsSync(path)).map(([name, path]) => [name, () => createReadStream(path)]),
  );
}

async function* records(open: TableBytes): AsyncGenerator<CsvRecord> {
  const parser = parse({ columns: true, bom: true });
  const bytes = Readable.from(await open()).on('error', (err) => parser.destroy(err));
  yield* bytes.pipe(parser) as AsyncIterable<CsvRecord>;
}

/**
 * The history of the file's applicants (`applicantOf`: SK_ID_CURR → position, below `count`), from the `tables`
 * given (by table name); undefined when none of the model's history tables is given.
 */
export async function batchHistory(
  spec: FeatureSpec,
  tables: ReadonlyMap<string, TableBytes>,
  applicantOf: ReadonlyMap<number, number>,
  count: number,
  log: (line: string) => void,
): Promise<BatchHistory | undefined> {
  const history = spec.history;
  if (history === undefined || !history.tables.some((table) => tables.has(table.name))) return undefined;
  const accumulator = new HistoryAccumulator(history, count);
  const problems = new Map<number, FieldProblem[]>();
  // A child table's rows belong to the applicant of the parent row with the same key (SK_ID_BUREAU).
  const owners = new Map<string, Map<number, number>>();
  const childKeys = new Map(history.tables.flatMap((t) => (t.parent ? [[t.parent.table, t.parent.key]] : [])));

  for (const table of history.tables) {
    const open = tables.get(table.name);
    if (open === undefined) continue;
    const ownerOf = (record: CsvRecord): number | undefined => {
      if (!table.parent) return applicantOf.get(Number(record['SK_ID_CURR']));
      const key = identifierOf(Number(record[table.parent.key]));
      return key === undefined ? undefined : owners.get(table.parent.table)?.get(key);
    };
    const accumulate = accumulator.tables.get(table.name)!;
    const rowsOf = new Map<number, number>();
    const keyColumn = childKeys.get(table.name);
    const keys = keyColumn === undefined ? undefined : new Map<number, number>();
    let read = 0;
    if (accumulate.needsPreparation)
      for await (const record of records(open)) {
        const applicant = ownerOf(record);
        if (applicant !== undefined) accumulate.prepare(applicant, typedRow(table.name, record));
      }
    for await (const record of records(open)) {
      if (++read % 1_000_000 === 0) log(`${table.name}: ${read.toLocaleString('en')} rows read`);
      const applicant = ownerOf(record);
      if (applicant === undefined) continue;
      const row = typedRow(table.name, record);
      const index = rowsOf.get(applicant) ?? 0;
      rowsOf.set(applicant, index + 1);
      const found = isHistoryTable(table.name) ? validateHistoryRow(table.name, row) : [];
      if (found.length > 0) keep(problems, applicant, underField(`${table.name}.${index}`, found));
      accumulate.add(applicant, row);
      if (keys && keyColumn) {
        const key = identifierOf(row[keyColumn]);
        if (key !== undefined && !keys.has(key)) keys.set(key, applicant);
      }
    }
    if (keys) owners.set(table.name, keys);
    log(`${table.name}: ${read.toLocaleString('en')} rows read, ${rowsOf.size.toLocaleString('en')} applicants`);
  }
  return {
    values: (applicant) => accumulator.values(applicant),
    problems: (applicant) => problems.get(applicant) ?? [],
  };
}

function typedRow(table: string, record: CsvRecord) {
  return isHistoryTable(table) ? historyRowOf(table, record) : record;
}

function keep(problems: Map<number, FieldProblem[]>, applicant: number, found: FieldProblem[]) {
  const list = problems.get(applicant) ?? [];
  if (list.length < MAX_PROBLEMS) list.push(...found.slice(0, MAX_PROBLEMS - list.length));
  problems.set(applicant, list);
}
