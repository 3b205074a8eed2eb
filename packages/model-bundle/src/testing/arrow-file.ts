import {
  Dictionary,
  Float32,
  Float64,
  Int32,
  Table,
  Utf8,
  makeData,
  makeVector,
  tableToIPC,
  vectorFromArray,
  type Vector,
} from 'apache-arrow';

/** A column to write: numbers (NaN is written as null when asked), or strings as category codes. */
export type ColumnValues = Float32Array | Float64Array | Int32Array | { codes: Int32Array; categories: string[] };

export interface ArrowFileOptions {
  /** Write NaN as null, as pyarrow does for pandas columns: the loaders must read both. */
  nanAsNull?: boolean;
}

/** An uncompressed Arrow IPC file, the format of features.arrow and applicants.arrow. */
export function arrowFileBytes(columns: Record<string, ColumnValues>, options: ArrowFileOptions = {}): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const [name, values] of Object.entries(columns)) vectors[name] = vectorOf(values, options.nanAsNull ?? false);
  return tableToIPC(new Table(vectors), 'file');
}

function vectorOf(values: ColumnValues, nanAsNull: boolean): Vector {
  if (values instanceof Int32Array) return makeVector(values);
  if (values instanceof Float32Array || values instanceof Float64Array) {
    if (!nanAsNull) return makeVector(values);
    const nullBitmap = validity(values.length, (i) => !Number.isNaN(values[i]));
    const type = values instanceof Float32Array ? new Float32() : new Float64();
    return makeVector(
      makeData({ type, length: values.length, nullCount: nullBitmap.nulls, nullBitmap: nullBitmap.bits, data: values }),
    );
  }
  const { codes, categories } = values;
  const nullBitmap = validity(codes.length, (i) => (codes[i] ?? -1) >= 0);
  const type = new Dictionary(new Utf8(), new Int32());
  const dictionary = vectorFromArray(categories, new Utf8());
  const data = codes.map((code) => Math.max(code, 0));
  return makeVector(
    makeData({
      type,
      length: codes.length,
      nullCount: nullBitmap.nulls,
      nullBitmap: nullBitmap.bits,
      data,
      dictionary,
    }),
  );
}

function validity(length: number, isValid: (i: number) => boolean): { bits: Uint8Array; nulls: number } {
  const bits = new Uint8Array(Math.ceil(length / 8));
  let nulls = 0;
  for (let i = 0; i < length; i++) {
    if (isValid(i)) bits[i >> 3]! |= 1 << (i & 7);
    else nulls++;
  }
  return { bits, nulls };
}
