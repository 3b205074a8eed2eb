import {
  APPLICATIONS_FILE,
  MAX_BATCH_ROWS,
  encodeFloat32,
  fileRecords,
  isHistoryTable,
  type BatchFormat,
} from '@octroi/contracts';
import { historyValues, type FeatureSpec } from '@octroi/model-bundle';
import type { Logger } from '@octroi/runtime';
import { batchHistory, type TableBytes } from '../batch-history.ts';
import type { BatchStore } from './batch-store.ts';
import { reasonsOf } from './chunk-applications.ts';
import { cellsOf } from './csv-cells.ts';
import type { JobRecord } from './job-progress.ts';
import type { ChunkHistory } from './work.ts';

/** The history a job's chunks carry: each record's aggregates, and what is wrong with its applicant's rows. */
export interface JobHistory {
  /** What travels with each record besides its text, in bytes (its aggregates as base64 float32). */
  bytesPerRecord: number;
  ofRecords(records: readonly string[]): ChunkHistory;
}

/** The applicant id a record gives (its SK_ID_CURR cell or key), as a number; undefined when it gives none. */
export type ApplicantIdOf = (record: string) => number | undefined;

function applicantNumber(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const id = Number(value);
  return Number.isInteger(id) ? id : undefined;
}

/** How a job's records give their applicant id: a CSV column named by the header, or a JSON line's key. */
export function applicantIdReader(idField: string, format: BatchFormat, header: string | undefined): ApplicantIdOf {
  if (format === 'jsonl')
    return (record) => {
      try {
        return applicantNumber((JSON.parse(record) as Record<string, unknown> | null)?.[idField]);
      } catch {
        return undefined; // the scorer says why the line is not read
      }
    };
  const column = cellsOf(header ?? '').indexOf(idField);
  return (record) => (column < 0 ? undefined : applicantNumber(cellsOf(record)[column]));
}

/**
 * The history of a job's applicants from the history files sent with it (none: undefined). The applications file is
 * read once to number its applicants by SK_ID_CURR, then each history file is streamed through the accumulator the
 * batch scorer of files uses. A record whose applicant has no row in any table carries the aggregates of no
 * history, as an application sent to `/api/v1/score` without history tables does; a record without an applicant id
 * fails, since no history can be linked to it.
 */
export async function jobHistory(
  job: JobRecord,
  store: BatchStore,
  spec: FeatureSpec,
  log: Logger,
): Promise<JobHistory | undefined> {
  const tables = new Map<string, TableBytes>(
    job.files.flatMap(({ name }) => (isHistoryTable(name) ? [[name, () => store.openFile(job.id, name)]] : [])),
  );
  if (tables.size === 0 || spec.history === undefined) return undefined;
  const applicantOf = new Map<number, number>();
  let idOf: ApplicantIdOf | undefined;
  for await (const record of fileRecords(await store.openFile(job.id, APPLICATIONS_FILE), job.format)) {
    if (record.row === 0) {
      idOf = applicantIdReader(spec.id, job.format, record.text);
      continue;
    }
    if (record.row > MAX_BATCH_ROWS) break; // the reader fails the job
    idOf ??= applicantIdReader(spec.id, job.format, undefined);
    const id = idOf(record.text);
    if (id !== undefined && !applicantOf.has(id)) applicantOf.set(id, applicantOf.size);
  }
  const history = await batchHistory(spec, tables, applicantOf, applicantOf.size, (line) =>
    log.info({ jobId: job.id }, `batch history: ${line}`),
  );
  if (!history || !idOf) return undefined;
  const readId = idOf;
  const features = spec.features.filter((feature) => feature.source !== 'application').map((feature) => feature.name);
  const none = historyValues(spec.history, {});
  return {
    bytesPerRecord: Math.ceil((features.length * 4 * 4) / 3),
    ofRecords(records) {
      const values = new Float32Array(records.length * features.length);
      const problems: Record<number, string> = {};
      records.forEach((record, index) => {
        const id = readId(record);
        if (id === undefined) {
          problems[index] =
            `${spec.id}: missing or not a whole number, so the history files cannot be linked to the row`;
          return;
        }
        const applicant = applicantOf.get(id);
        const found = applicant === undefined ? none : history.values(applicant);
        features.forEach((name, k) => (values[index * features.length + k] = found.get(name) ?? Number.NaN));
        const wrong = applicant === undefined ? [] : history.problems(applicant);
        if (wrong.length > 0) problems[index] = reasonsOf(wrong);
      });
      return { features, values: encodeFloat32(values), problems };
    },
  };
}
