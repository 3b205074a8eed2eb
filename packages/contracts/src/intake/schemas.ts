import { Type, type Static } from '@sinclair/typebox';
import { RawValue } from '../common.ts';
import {
  HISTORY_MAX_ROWS,
  HISTORY_TABLES,
  REQUIRED_APPLICATION_FIELDS,
  historyTableRules,
  type HistoryTableName,
} from './rules.ts';

/** One row of a Home Credit secondary table, columns by name. */
export const HistoryRow = Type.Record(Type.String({ pattern: '^[A-Z0-9_]{1,60}$' }), RawValue, { maxProperties: 60 });
export type HistoryRow = Static<typeof HistoryRow>;
/** The applicant's history: rows of each secondary table, by the table's file name. */
export type ApplicantHistory = { [table in HistoryTableName]?: HistoryRow[] };
/** Application fields by column name, and the history tables by name. */
export type NewApplication = { [fieldOrTable: string]: Static<typeof RawValue> | HistoryRow[] | undefined };

const historyTables = Object.fromEntries(
  HISTORY_TABLES.map((table) => [
    table,
    Type.Optional(
      Type.Array(HistoryRow, {
        maxItems: HISTORY_MAX_ROWS,
        description: `${historyTableRules[table].description}; each row requires ${historyTableRules[table].required.join(', ')}`,
      }),
    ),
  ]),
);

/**
 * A new application as a user sends it: Home Credit application columns by name, and optionally the applicant's
 * history in the shapes of the secondary tables. The schema checks the shape only; the intake rules (required
 * fields, bounds, categories, rules between fields) are checked by `validateNewApplication`, which lists every
 * problem at once.
 */
export const NewApplication = Type.Unsafe<NewApplication>(
  Type.Object(historyTables, {
    additionalProperties: RawValue,
    // The key pattern (upper-case fields, or a history table), said for OpenAPI tools and checked by validators.
    propertyNames: { pattern: `^([A-Z0-9_]{1,60}|${HISTORY_TABLES.join('|')})$` },
    maxProperties: 220,
    description:
      'Home Credit application fields (AMT_INCOME_TOTAL, AMT_CREDIT, DAYS_BIRTH, ...), a missing field is a missing value; ' +
      `required: ${REQUIRED_APPLICATION_FIELDS.join(', ')}. ` +
      `History (optional): ${HISTORY_TABLES.join(', ')}, arrays of rows in the columns of the Home Credit files`,
  }),
);
