/**
 * Application features from one raw application, by evaluating the derivations of
 * `feature_spec.json`. This is the TypeScript twin of the Python evaluator
 * (training/octroi_training/spec.py); `test_vectors.json` pins both to the same bits.
 *
 * Semantics (the contract):
 * - a raw number is rounded to float32 first; ops then compute in float64 and every model
 *   feature is rounded to float32 at the end;
 * - `number`: absent, non-number, non-finite or listed in `missingValues` → NaN;
 * - `category`: index of the exact text in `categories`, NaN when absent or unknown;
 * - `ratio` a / b: NaN when a or b is NaN or b is 0;
 * - `product`, `sum`: folded left to right, NaN when any input is NaN;
 * - `difference` a − b;
 * - `mean`, `min`, `max`, `std` skip NaN inputs (NaN when none is left); the mean is the
 *   left-to-right sum over the count; `std` has ddof 0; min and max keep the earlier input on ties.
 */
import type { CategoryDerivation, Derivation, FeatureSpec, NumberDerivation } from './spec.ts';

export type RawApplicationValues = Readonly<Record<string, unknown>>;

/** A raw number as the model reads it: float32, NaN when not a finite number or a documented placeholder. */
export function readNumber(value: unknown, missingValues: readonly number[] = []): number {
  if (typeof value !== 'number') return Number.NaN;
  const single = Math.fround(value);
  if (!Number.isFinite(single)) return Number.NaN;
  return missingValues.some((p) => Math.fround(p) === single) ? Number.NaN : single;
}

function rawNumber(derivation: NumberDerivation, raw: RawApplicationValues): number {
  return readNumber(raw[derivation.inputs[0]], derivation.missingValues);
}

function rawCategory(derivation: CategoryDerivation, raw: RawApplicationValues): number {
  const value = raw[derivation.inputs[0]];
  if (typeof value !== 'string') return Number.NaN;
  const code = derivation.categories.indexOf(value);
  return code < 0 ? Number.NaN : code;
}

function fold(values: number[], combine: (a: number, b: number) => number): number {
  let result = values[0] ?? Number.NaN;
  for (const value of values.slice(1)) result = combine(result, value);
  return result;
}

/** mean, min, max or std over the values that are not NaN. */
function presentStatistic(op: 'mean' | 'min' | 'max' | 'std', values: number[]): number {
  const present = values.filter((v) => !Number.isNaN(v));
  if (present.length === 0) return Number.NaN;
  if (op === 'min' || op === 'max') {
    let best = present[0] as number;
    for (const v of present.slice(1)) if (op === 'min' ? v < best : v > best) best = v;
    return best;
  }
  let total = 0;
  for (const v of present) total += v;
  const mean = total / present.length;
  if (op === 'mean') return mean;
  let squares = 0;
  for (const v of present) squares += (v - mean) * (v - mean);
  return Math.sqrt(squares / present.length);
}

/** One op of the derivations (ratio, product, sum, difference, mean, min, max, std) over its input values. */
export function combined(derivation: Pick<Derivation, 'op'>, values: number[]): number {
  switch (derivation.op) {
    case 'ratio': {
      const [a = Number.NaN, b = Number.NaN] = values;
      return b === 0 ? Number.NaN : a / b;
    }
    case 'product':
      return fold(values, (a, b) => a * b);
    case 'sum':
      return fold(values, (a, b) => a + b);
    case 'difference': {
      const [a = Number.NaN, b = Number.NaN] = values;
      return a - b;
    }
    case 'mean':
    case 'min':
    case 'max':
    case 'std':
      return presentStatistic(derivation.op, values);
    default:
      throw new Error(`feature_spec.json: unknown derivation op ${JSON.stringify(derivation.op)}`);
  }
}

/** Every derivation of the specification, in order, by name (float64). */
export function evaluateDerivations(spec: FeatureSpec, raw: RawApplicationValues): Map<string, number> {
  const values = new Map<string, number>();
  for (const derivation of spec.derivations) {
    let value: number;
    if (derivation.op === 'number') value = rawNumber(derivation, raw);
    else if (derivation.op === 'category') value = rawCategory(derivation, raw);
    else
      value = combined(
        derivation,
        derivation.inputs.map((name) => values.get(name) ?? Number.NaN),
      );
    values.set(derivation.name, value);
  }
  return values;
}

/**
 * The model's feature vector for a raw application: application features derived from the
 * spec, NaN for the history features (a new application has no known history).
 */
export function deriveApplicationFeatures(spec: FeatureSpec, raw: RawApplicationValues): Float32Array {
  const values = evaluateDerivations(spec, raw);
  const features = new Float32Array(spec.features.length).fill(Number.NaN);
  for (const feature of spec.features) {
    if (feature.source === 'application') features[feature.index] = values.get(feature.name) ?? Number.NaN;
  }
  return features;
}
