import { DataType, Precision, type Table, type Vector } from 'apache-arrow';
import { invalid, type ModelBundle } from './bundle.ts';
import { float32Column, float64Column, readArrowTable, requireColumn } from './arrow-columns.ts';
import { shortestFloat32 } from './float32.ts';
import { buildIdIndex, type RowOf } from './id-index.ts';

const FEATURES_FILE = 'features.arrow';
const APPLICANTS_FILE = 'applicants.arrow';

/** The engineered features and the model's score of every known applicant (features.arrow). */
export interface ApplicantFeatures {
  size: number;
  featureCount: number;
  /** SK_ID_CURR by row. */
  ids: Int32Array;
  /** -1 for an unknown client id. */
  rowOf: (clientId: number) => number;
  /** The row's features in spec order, NaN for missing: a view on the matrix, not a copy. */
  features(row: number): Float32Array;
  /** TARGET: 1 defaulted, 0 repaid, NaN unknown. */
  target(row: number): number;
  /** The exported model's probability of default. */
  probability(row: number): number;
  /** One feature for every row, copied out of the matrix; undefined for an unknown feature. */
  column(name: string): Float32Array | undefined;
  /** The whole matrix, row-major: row r is `matrix.subarray(r * featureCount, (r + 1) * featureCount)`. */
  matrix: Float32Array;
}

export async function loadApplicantFeatures(bundle: ModelBundle): Promise<ApplicantFeatures> {
  const table = await readArrowTable(bundle, FEATURES_FILE);
  const ids = idsOf(bundle, FEATURES_FILE, table);
  const targets = float32Column(requireColumn(bundle, FEATURES_FILE, table, bundle.spec.target));
  const probabilities = float32Column(requireColumn(bundle, FEATURES_FILE, table, 'PROBABILITY'));
  const matrix = rowMajorMatrix(bundle, table);
  const rowOf = indexOf(bundle, FEATURES_FILE, ids);
  const featureCount = bundle.featureNames.length;
  const featureIndex = new Map(bundle.featureNames.map((name, i) => [name, i]));
  return {
    size: ids.length,
    featureCount,
    ids,
    matrix,
    rowOf,
    features: (row) => matrix.subarray(row * featureCount, (row + 1) * featureCount),
    target: (row) => targets[row] ?? NaN,
    probability: (row) => probabilities[row] ?? NaN,
    column: (name) => {
      const index = featureIndex.get(name);
      return index === undefined ? undefined : strided(matrix, featureCount, index);
    },
  };
}

/**
 * Arrow stores columns; scoring and distances read rows. One transposition at load buys a
 * contiguous Float32Array per applicant, ready for the model's input without a copy. The copy
 * goes by blocks of rows so that the rows being written stay in cache: feature by feature over
 * all rows, every write would land on a new cache line.
 */
function rowMajorMatrix(bundle: ModelBundle, table: Table): Float32Array {
  const featureCount = bundle.featureNames.length;
  const columns = bundle.featureNames.map((name) =>
    contiguousFloat32(requireColumn(bundle, FEATURES_FILE, table, name)),
  );
  const matrix = new Float32Array(table.numRows * featureCount);
  const block = 256;
  for (let first = 0; first < table.numRows; first += block) {
    const end = Math.min(first + block, table.numRows);
    columns.forEach((column, index) => {
      for (let row = first, at = first * featureCount + index; row < end; row++, at += featureCount)
        matrix[at] = column[row]!;
    });
  }
  return matrix;
}

/** The column's own buffer when it is one chunk of float32 without nulls (as written), else a copy. */
function contiguousFloat32(vector: Vector): Float32Array {
  const [chunk, ...others] = vector.data;
  const plain = chunk && others.length === 0 && chunk.nullCount === 0 && chunk.values instanceof Float32Array;
  return plain ? chunk.values.subarray(0, chunk.length) : float32Column(vector);
}

function strided(matrix: Float32Array, stride: number, offset: number): Float32Array {
  const out = new Float32Array(matrix.length / stride);
  for (let row = 0, at = offset; row < out.length; row++, at += stride) out[row] = matrix[at]!;
  return out;
}

/** A raw application column: numbers as they are, strings as codes into their categories. */
export type ApplicantColumn =
  { kind: 'number'; values: Float64Array } | { kind: 'string'; codes: Int32Array; categories: string[] };

export type RawValue = string | number | null;

/** The raw application fields of every known applicant (applicants.arrow). */
export interface ApplicantRecords {
  size: number;
  ids: Int32Array;
  /** The raw application columns, without the id and the target. */
  fieldNames: string[];
  rowOf: (clientId: number) => number;
  /** The application as sent, missing fields as null. */
  raw(row: number): Record<string, RawValue>;
  /** TARGET: 1 defaulted, 0 repaid, NaN unknown. */
  target(row: number): number;
  /** The whole column, decoded on each call (read it once at start-up); undefined for an unknown field. */
  column(name: string): ApplicantColumn | undefined;
}

export async function loadApplicantRecords(bundle: ModelBundle): Promise<ApplicantRecords> {
  const table = await readArrowTable(bundle, APPLICANTS_FILE);
  const ids = idsOf(bundle, APPLICANTS_FILE, table);
  const { id, target } = bundle.spec;
  const targetColumn = table.getChild(target);
  const targets = targetColumn ? float32Column(targetColumn) : new Float32Array(ids.length).fill(NaN);
  const fields = table.schema.fields.map((field) => field.name).filter((name) => name !== id && name !== target);
  const readers = fields.map((name) => fieldReader(name, table.getChild(name)!));
  return {
    size: ids.length,
    ids,
    fieldNames: fields,
    rowOf: indexOf(bundle, APPLICANTS_FILE, ids),
    raw: (row) => Object.fromEntries(readers.map(([name, read]) => [name, read(row)])),
    target: (row) => targets[row] ?? NaN,
    column: (name) => {
      const vector = fields.includes(name) ? table.getChild(name) : null;
      return vector ? decodeColumn(vector) : undefined;
    },
  };
}

function fieldReader(name: string, vector: Vector): [string, (row: number) => RawValue] {
  const single = DataType.isFloat(vector.type) && vector.type.precision === Precision.SINGLE;
  return [name, single ? (row) => floatValue(vector.get(row)) : (row) => rawValue(vector.get(row))];
}

function floatValue(value: unknown): RawValue {
  return typeof value === 'number' && !Number.isNaN(value) ? shortestFloat32(value) : null;
}

function rawValue(value: unknown): RawValue {
  if (typeof value === 'number') return Number.isNaN(value) ? null : value;
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return null;
}

function decodeColumn(vector: Vector): ApplicantColumn {
  if (!DataType.isDictionary(vector.type) && !DataType.isUtf8(vector.type) && !DataType.isLargeUtf8(vector.type)) {
    return { kind: 'number', values: float64Column(vector) };
  }
  return { kind: 'string', ...stringCodes(vector) };
}

/** Strings are few distinct values (contract type, gender…): codes make filters integer compares. */
function stringCodes(vector: Vector): { codes: Int32Array; categories: string[] } {
  const categories: string[] = [];
  const codeOf = new Map<string, number>();
  const code = (value: unknown): number => {
    if (typeof value !== 'string') return -1;
    let known = codeOf.get(value);
    if (known === undefined) codeOf.set(value, (known = categories.push(value) - 1));
    return known;
  };
  const codes = new Int32Array(vector.length);
  let start = 0;
  for (const chunk of vector.data) {
    const dictionary = chunk.dictionary;
    if (DataType.isDictionary(chunk.type) && dictionary) {
      // Decode each dictionary entry once, then map the chunk's indices.
      const entryCodes = Array.from({ length: dictionary.length }, (_, i) => code(dictionary.get(i)));
      const indices = chunk.values as ArrayLike<number>;
      for (let i = 0; i < chunk.length; i++) {
        codes[start + i] = chunk.nullCount > 0 && !chunk.getValid(i) ? -1 : (entryCodes[Number(indices[i])] ?? -1);
      }
    } else {
      for (let i = 0; i < chunk.length; i++) codes[start + i] = code(vector.get(start + i));
    }
    start += chunk.length;
  }
  return { codes, categories };
}

function idsOf(bundle: ModelBundle, file: string, table: Table): Int32Array {
  const column = requireColumn(bundle, file, table, bundle.spec.id);
  const ids = new Int32Array(column.length);
  const asNumbers = float64Column(column);
  for (let row = 0; row < ids.length; row++) {
    const id = asNumbers[row]!;
    if (!Number.isInteger(id)) throw invalid(bundle.dir, file, `${bundle.spec.id} of row ${row} is not an integer`);
    ids[row] = id;
  }
  return ids;
}

function indexOf(bundle: ModelBundle, file: string, ids: Int32Array): RowOf {
  const index = buildIdIndex(ids);
  if (typeof index !== 'function') throw invalid(bundle.dir, file, `client ${index.duplicate} appears twice`);
  return index;
}
