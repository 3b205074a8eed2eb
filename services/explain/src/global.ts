/**
 * Model-wide views of the SHAP values over a sample of the served applicants: mean |SHAP| per
 * feature (which factors weigh most overall), the beeswarm summary and dependence plots. The job
 * advances chunk by chunk, so it can report progress; the service runs it in a worker thread
 * (global-job.ts) and takes over its result.
 */
import type { Dependence, GlobalImportance, Language, ShapSummary } from '@octroi/contracts';
import { percentileOf } from '@octroi/model-bundle';
import type { Explainer } from './explainer.ts';

/** The applicants to go through, read one row at a time so nothing is copied up front. */
export interface ApplicantRows {
  count: number;
  /** Features of row i, spec order, NaN for missing. */
  row(i: number): ArrayLike<number>;
}

export interface ImportanceJobOptions {
  /** Rows explained per step; one step should stay well under a tenth of a second. */
  chunkSize?: number;
  /** Applicants whose values and SHAP values are kept for the beeswarm and dependence plots. */
  sampleSize?: number;
}

/** The SHAP values of a sample of applicants, one Float32Array row of features each. */
export interface ShapSample {
  values: Float32Array[];
  shap: Float32Array[];
}

/** The job's state as plain JSON, to share a finished computation between replicas. */
export interface ImportanceSnapshot {
  modelVersion: string;
  done: number;
  sumAbs: number[];
  sample: { values: (number | null)[][]; shap: number[][] };
}

/** An importance job's state in typed arrays: sample rows one after another, `sumAbs.length` values each. */
export interface PackedImportance {
  done: number;
  sumAbs: Float64Array;
  values: Float32Array;
  shap: Float32Array;
}

export class ImportanceJob {
  private readonly sumAbs: Float64Array;
  private done = 0;
  private readonly chunkSize: number;
  private readonly sampleEvery: number;
  readonly sample: ShapSample = { values: [], shap: [] };

  constructor(
    readonly explainer: Explainer,
    readonly rows: ApplicantRows,
    { chunkSize = 200, sampleSize = 5000 }: ImportanceJobOptions = {},
  ) {
    this.sumAbs = new Float64Array(explainer.features.length);
    this.chunkSize = chunkSize;
    this.sampleEvery = Math.max(1, Math.ceil(rows.count / sampleSize));
  }

  get progress(): number {
    return this.rows.count === 0 ? 1 : this.done / this.rows.count;
  }

  get finished(): boolean {
    return this.done >= this.rows.count;
  }

  /** Explains the next chunk of applicants; returns whether rows remain. */
  step(): boolean {
    const end = Math.min(this.rows.count, this.done + this.chunkSize);
    for (let i = this.done; i < end; i++) {
      const values = this.rows.row(i);
      const phi = this.explainer.shap(values);
      for (let f = 0; f < phi.length; f++) this.sumAbs[f]! += Math.abs(phi[f]!);
      if (i % this.sampleEvery === 0) {
        this.sample.values.push(Float32Array.from(values));
        this.sample.shap.push(Float32Array.from(phi));
      }
    }
    this.done = end;
    return !this.finished;
  }

  /** Runs to the end, yielding to the event loop between chunks. */
  async run(onProgress?: (job: ImportanceJob) => void, signal?: AbortSignal): Promise<void> {
    while (this.step()) {
      onProgress?.(this);
      await new Promise<void>((resolve) => setImmediate(resolve));
      signal?.throwIfAborted();
    }
    onProgress?.(this);
  }

  snapshot(): ImportanceSnapshot {
    return {
      modelVersion: this.explainer.modelVersion,
      done: this.done,
      sumAbs: Array.from(this.sumAbs),
      // JSON has no NaN: missing values travel as null.
      sample: {
        values: this.sample.values.map((v) => Array.from(v, (x) => (Number.isNaN(x) ? null : x))),
        shap: this.sample.shap.map((v) => Array.from(v)),
      },
    };
  }

  /** Takes over a snapshot of the same model over the same applicants; ignores any other. */
  restore(snapshot: ImportanceSnapshot): boolean {
    const fits =
      snapshot.modelVersion === this.explainer.modelVersion &&
      snapshot.sumAbs.length === this.sumAbs.length &&
      snapshot.done <= this.rows.count;
    if (!fits) return false;
    this.done = snapshot.done;
    this.sumAbs.set(snapshot.sumAbs);
    this.sample.values = snapshot.sample.values.map((v) => Float32Array.from(v, (x) => (x === null ? Number.NaN : x)));
    this.sample.shap = snapshot.sample.shap.map((v) => Float32Array.from(v));
    return true;
  }

  /** The job's state as typed arrays, to hand from a worker thread without copying (see `takeOver`). */
  packed(): PackedImportance {
    const width = this.sumAbs.length;
    const pack = (rows: Float32Array[]) => {
      const all = new Float32Array(rows.length * width);
      rows.forEach((row, k) => all.set(row, k * width));
      return all;
    };
    return { done: this.done, sumAbs: this.sumAbs, values: pack(this.sample.values), shap: pack(this.sample.shap) };
  }

  /** Takes over the state another job of the same model packed; the sample rows are views, not copies. */
  takeOver(state: PackedImportance) {
    const width = this.sumAbs.length;
    const rows = (all: Float32Array) =>
      Array.from({ length: all.length / width }, (_, k) => all.subarray(k * width, (k + 1) * width));
    this.done = state.done;
    this.sumAbs.set(state.sumAbs);
    this.sample.values = rows(state.values);
    this.sample.shap = rows(state.shap);
  }

  meanAbsShap(): Float64Array {
    return this.sumAbs.map((sum) => (this.done === 0 ? 0 : sum / this.done));
  }

  /** Mean |SHAP| per feature so far, strongest first. */
  report(language: Language): GlobalImportance {
    const mean = this.meanAbsShap();
    return {
      modelVersion: this.explainer.modelVersion,
      status: this.finished ? 'ready' : 'computing',
      progress: this.progress,
      rows: this.done,
      features: this.explainer.features
        .map(({ definition }, i) => ({
          feature: definition.name,
          label: this.explainer.label(definition.name, language),
          meanAbsShap: mean[i]!,
        }))
        .sort((a, b) => b.meanAbsShap - a.meanAbsShap),
    };
  }
}

/** Log-odds far beyond any model's (±40 already makes a probability of 0 or 1 in doubles). */
const LARGEST_SHAP = 999;
/**
 * A beeswarm's SHAP values to four significant digits (within ±LARGEST_SHAP) and ranks to a thousandth: a chart
 * cannot show more, and every point then takes at most `SUMMARY_POINT_BYTES` of JSON, so that the largest summary
 * a caller may ask for (SummaryRequest's maximums) stays well within one bus message.
 */
const plotted = (shap: number) => Number(Math.max(-LARGEST_SHAP, Math.min(LARGEST_SHAP, shap)).toPrecision(4));
const rankPlotted = (rank: number | null) => (rank === null ? null : Math.round(rank * 1000) / 1000);
/** `{"shap":-1.234e-10,"valueRank":0.123},`: the longest point of a summary, in bytes of JSON. */
export const SUMMARY_POINT_BYTES = 38;

/** Beeswarm data: for the `top` features by mean |SHAP|, each sampled applicant's SHAP value and value rank. */
export function shapSummary(job: ImportanceJob, top: number, points: number, language: Language): ShapSummary {
  const { explainer } = job;
  const picked = evenlySpaced(job.sample.values.length, points);
  const ranked = job.report(language).features.slice(0, top);
  return {
    modelVersion: explainer.modelVersion,
    features: ranked.map(({ feature, label }) => {
      const i = explainer.featureIndex.get(feature)!;
      const rank = valueRanker(job, i);
      return {
        feature,
        label,
        points: picked.map((s) => ({
          shap: plotted(job.sample.shap[s]![i]!),
          valueRank: rankPlotted(rank(job.sample.values[s]![i]!)),
        })),
      };
    }),
  };
}

/**
 * Dependence plot data: SHAP against value for one feature, coloured by a second one; without a
 * colour asked for, the feature that best explains the spread of SHAP at equal values.
 */
export function dependence(
  job: ImportanceJob,
  feature: string,
  color: string | undefined,
  points: number,
  language: Language,
): Dependence {
  const { explainer } = job;
  const i = explainer.featureIndex.get(feature);
  if (i === undefined) throw new RangeError(`unknown feature ${feature}`);
  const c = color === undefined ? strongestInteraction(job, i) : explainer.featureIndex.get(color);
  if (color !== undefined && c === undefined) throw new RangeError(`unknown feature ${color}`);
  const { values, shap } = job.sample;
  const present = values.map((_, s) => s).filter((s) => !Number.isNaN(values[s]![i]!));
  const colourFeature = c === undefined ? null : explainer.features[c]!.definition.name;
  return {
    feature,
    label: explainer.label(feature, language),
    color: colourFeature,
    colorLabel: colourFeature === null ? null : explainer.label(colourFeature, language),
    points: evenlySpaced(present.length, points).map((k) => {
      const s = present[k]!;
      const colorValue = c === undefined ? NaN : values[s]![c]!;
      return { value: values[s]![i]!, shap: shap[s]![i]!, colorValue: Number.isNaN(colorValue) ? null : colorValue };
    }),
  };
}

/** Rank 0..1 of a value among all applicants (population quantiles), else within the sample. */
function valueRanker(job: ImportanceJob, feature: number): (value: number) => number | null {
  const { explainer } = job;
  const quantiles = explainer.features[feature]!.population?.quantiles;
  if (quantiles && quantiles.some((q) => q !== null)) {
    return (value) => {
      const p = percentileOf(value, quantiles);
      return p === null ? null : p / 100;
    };
  }
  const sorted = job.sample.values
    .map((v) => v[feature]!)
    .filter((v) => !Number.isNaN(v))
    .sort((a, b) => a - b);
  return (value) => (Number.isNaN(value) || sorted.length < 2 ? null : lowerBound(sorted, value) / (sorted.length - 1));
}

function lowerBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, sorted.length - 1);
}

/** `count` indices spread evenly over 0..n-1 (all of them when n ≤ count). */
function evenlySpaced(n: number, count: number): number[] {
  if (n <= count) return Array.from({ length: n }, (_, k) => k);
  return Array.from({ length: count }, (_, k) => Math.floor((k * n) / count));
}

/**
 * Like shap's approximate_interactions: sort the sample by the feature's value, cut it into
 * bins, and sum per bin the |correlation| between the candidate's values and the SHAP values.
 * Only the 20 strongest features overall are candidates, which keeps this fast.
 */
function strongestInteraction(job: ImportanceJob, feature: number): number | undefined {
  const { explainer } = job;
  const { values, shap } = job.sample;
  const order = values.map((_, s) => s).filter((s) => !Number.isNaN(values[s]![feature]!));
  order.sort((a, b) => values[a]![feature]! - values[b]![feature]!);
  const binSize = Math.max(10, Math.floor(order.length / 10));
  const candidates = job
    .report('en')
    .features.map((f) => explainer.featureIndex.get(f.feature)!)
    .filter((c) => c !== feature)
    .slice(0, 20);
  let best: number | undefined;
  let bestScore = 0;
  for (const c of candidates) {
    let score = 0;
    for (let start = 0; start < order.length; start += binSize) {
      const bin = order.slice(start, start + binSize).filter((s) => !Number.isNaN(values[s]![c]!));
      score += Math.abs(
        correlation(
          bin.map((s) => values[s]![c]!),
          bin.map((s) => shap[s]![feature]!),
        ),
      );
    }
    if (score > bestScore) [best, bestScore] = [c, score];
  }
  return best;
}

function correlation(x: number[], y: number[]): number {
  const n = x.length;
  if (n < 3) return 0;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let k = 0; k < n; k++) {
    sxy += (x[k]! - mx) * (y[k]! - my);
    sxx += (x[k]! - mx) ** 2;
    syy += (y[k]! - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}
