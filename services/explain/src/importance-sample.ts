import type { ApplicantRows } from './global.ts';

/**
 * Applicants spread evenly over all of them, at most `size`: the model-wide views (mean |SHAP|, beeswarm,
 * dependence) are computed on this bounded sample, so their cost does not grow with the number of applicants.
 * Even spacing over rows stored in no particular order of risk is a fair sample, and the same on every replica.
 */
export function evenlySpacedRows(all: ApplicantRows, size: number): ApplicantRows {
  const count = Math.min(all.count, size);
  return { count, row: (k) => all.row(Math.floor((k * all.count) / count)) };
}

/** The sample in one array (row after row), to hand to a worker thread without copying it row by row. */
export function packRows(rows: ApplicantRows, width: number): Float32Array {
  const packed = new Float32Array(rows.count * width);
  for (let k = 0; k < rows.count; k++) packed.set(rows.row(k), k * width);
  return packed;
}

export function unpackRows(packed: Float32Array, width: number): ApplicantRows {
  return { count: packed.length / width, row: (k) => packed.subarray(k * width, (k + 1) * width) };
}
