import { decodeFloat32, isHistoryTable, type FieldProblem, type NewApplication } from '@octroi/contracts';
import {
  applicationProblems,
  deriveApplicationFeatures,
  deriveFeatures,
  setHistoryFeatures,
  type FeatureSpec,
} from '@octroi/model-bundle';
import { cellValue } from '../csv-records.ts';
import { cellsOf } from './csv-cells.ts';
import type { ChunkHistory, ChunkWork } from './work.ts';

/** One record of a chunk: where it is in the file, its applicant id as written, and why it fails, if it does. */
export interface ChunkRow {
  row: number;
  id: string;
  /** The reasons it cannot be scored, in words (undefined: it is scored). */
  error?: string;
}

/** A chunk read: every row in file order, and the feature rows of those that pass the intake rules. */
export interface ChunkApplications {
  rows: ChunkRow[];
  /** The applications that pass, in order, and their feature rows. */
  applications: NewApplication[];
  matrix: Float32Array;
  /** For each feature row, its index in `rows`. */
  scored: number[];
}

/** A row's reasons stop after this many problems, and this many characters: a chunk's results stay small. */
const REASONS_SHOWN = 5;
const REASONS_LENGTH = 400;

export function reasonsOf(problems: readonly FieldProblem[]): string {
  const shown = problems.slice(0, REASONS_SHOWN).map((problem) => problem.message);
  if (problems.length > REASONS_SHOWN) shown.push(`and ${problems.length - REASONS_SHOWN} more problems`);
  return shown.join('; ');
}

const shortened = (text: string) => (text.length <= REASONS_LENGTH ? text : `${text.slice(0, REASONS_LENGTH - 1)}…`);

/** A record's history aggregates from the chunk's history, by feature name. */
function historyOf(history: ChunkHistory | undefined) {
  if (!history) return undefined;
  const values = decodeFloat32(history.values) ?? new Float32Array();
  const width = history.features.length;
  return (index: number) => new Map(history.features.map((name, k) => [name, values[index * width + k]!]));
}

/**
 * The chunk's applications, each checked with the intake rules (as `/api/v1/score` checks them), and the features of
 * those that pass: history features from the chunk's history (the job's history files) or, without history files,
 * from the history tables a JSON line carries, as `/api/v1/score` derives them. A record that cannot be read keeps
 * its row with the reason; nothing of it is scored.
 */
export function readChunk(spec: FeatureSpec, work: ChunkWork, featureCount: number): ChunkApplications {
  const applications = work.format === 'csv' ? csvApplications(spec, work) : jsonApplications(spec, work);
  const historyAt = historyOf(work.history);
  const rows: ChunkRow[] = [];
  const scored: number[] = [];
  const valid: NewApplication[] = [];
  const features: Float32Array[] = [];
  applications.forEach(({ id, application, problem }, index) => {
    const row = work.firstRow + index;
    const problems = application ? applicationProblems(spec, application) : [];
    const carried = historyAt && application ? Object.keys(application).filter(isHistoryTable) : [];
    const historyProblems = [
      work.history?.problems[index],
      carried.length > 0
        ? `the line carries history tables (${carried.join(', ')}) while the job has history files: send the history one way`
        : undefined,
    ];
    if (problem || problems.length > 0 || historyProblems.some(Boolean)) {
      const reasons = [problem, problems.length > 0 ? reasonsOf(problems) : undefined, ...historyProblems];
      rows.push({ row, id, error: shortened(reasons.filter(Boolean).join('; ')) });
      return;
    }
    let vector: Float32Array;
    if (historyAt) {
      vector = deriveApplicationFeatures(spec, application!);
      setHistoryFeatures(spec, vector, historyAt(index));
    } else vector = deriveFeatures(spec, application!);
    scored.push(rows.length);
    rows.push({ row, id });
    valid.push(application!);
    features.push(vector);
  });
  const matrix = new Float32Array(features.length * featureCount);
  features.forEach((vector, index) => matrix.set(vector, index * featureCount));
  return { rows, applications: valid, matrix, scored };
}

interface ReadRecord {
  id: string;
  application?: NewApplication;
  /** Why the record could not be read at all. */
  problem?: string;
}

/** CSV records: the columns the model knows, typed (empty is missing); other columns (TARGET, ...) left out. */
function csvApplications(spec: FeatureSpec, work: ChunkWork): ReadRecord[] {
  const header = cellsOf(work.header ?? '');
  const fieldOf = new Map(spec.rawFields.map((field) => [field.name, field]));
  const columns = header.map((name) => fieldOf.get(name));
  const idColumn = header.indexOf(spec.id);
  return work.records.map((record) => {
    const cells = cellsOf(record);
    const id = idColumn >= 0 ? (cells[idColumn] ?? '') : '';
    if (cells.length !== header.length)
      return { id, problem: `the line has ${cells.length} cells where the header names ${header.length} columns` };
    const application: NewApplication = {};
    columns.forEach((field, column) => {
      if (field) application[field.name] = cellValue(field.type, cells[column]!);
    });
    return { id, application };
  });
}

/** JSON lines: one application a line, as `/api/v1/score` takes it, with the applicant's SK_ID_CURR if given. */
function jsonApplications(spec: FeatureSpec, work: ChunkWork): ReadRecord[] {
  return work.records.map((record) => {
    let value: unknown;
    try {
      value = JSON.parse(record);
    } catch (err) {
      return { id: '', problem: `the line is not JSON (${(err as Error).message})` };
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return { id: '', problem: 'the line is not a JSON object (one application a line)' };
    const { [spec.id]: id, ...application } = value as Record<string, unknown>;
    const written =
      typeof id === 'string' || typeof id === 'number' ? String(id) : id == null ? '' : JSON.stringify(id);
    return { id: written, application: application as NewApplication };
  });
}
