/** Population statistics of one model feature over the training applicants (population.json). */
export interface FeaturePopulation {
  feature: string;
  count: number;
  missing: number;
  mean: number | null;
  std: number | null;
  /** 101 points, p0 to p100; null where the feature has no value at all. */
  quantiles: (number | null)[];
  histogram: HistogramBin[];
}

export interface HistogramBin {
  from: number;
  to: number;
  repaid: number;
  defaulted: number;
}

export type PopulationStats = ReadonlyMap<string, FeaturePopulation>;

type Json = Record<string, unknown>;

/**
 * Reads population.json. The file lists one entry per feature, either as an array of objects
 * naming their `feature` or as an object keyed by feature name, optionally under `features`.
 * Returns the problem in words rather than throwing, so the loader can name the file.
 */
export function parsePopulation(json: unknown): PopulationStats | string {
  const entries = populationEntries(json);
  if (typeof entries === 'string') return entries;
  const stats = new Map<string, FeaturePopulation>();
  for (const [name, entry] of entries) {
    const parsed = parseFeaturePopulation(name, entry);
    if (typeof parsed === 'string') return parsed;
    stats.set(name, parsed);
  }
  return stats;
}

function populationEntries(json: unknown): [string, Json][] | string {
  const body = isObject(json) && 'features' in json ? json['features'] : json;
  if (Array.isArray(body)) {
    const entries: [string, Json][] = [];
    for (const entry of body) {
      const name = isObject(entry) ? (entry['feature'] ?? entry['name']) : undefined;
      if (!isObject(entry) || typeof name !== 'string') return 'an entry has no feature name';
      entries.push([name, entry]);
    }
    return entries;
  }
  if (!isObject(body)) return 'expected an object or an array of features';
  const entries = Object.entries(body).filter((pair): pair is [string, Json] => isObject(pair[1]));
  return entries.length > 0 ? entries : 'no feature statistics';
}

function parseFeaturePopulation(feature: string, entry: Json): FeaturePopulation | string {
  // A feature never observed has no quantiles at all: 101 unknown points.
  const listed = quantilesOf(entry);
  const quantiles = listed.length === 0 ? new Array<null>(101).fill(null) : listed;
  if (quantiles.length !== 101) return `${feature}: expected 101 quantiles, found ${quantiles.length}`;
  return {
    feature,
    count: numberOr(entry['count'], 0),
    missing: numberOr(entry['missing'], 0),
    mean: numberOrNull(entry['mean']),
    std: numberOrNull(entry['std']),
    quantiles,
    histogram: histogramOf(entry['histogram']),
  };
}

function quantilesOf(entry: Json): (number | null)[] {
  const listed = entry['quantiles'];
  if (Array.isArray(listed)) return listed.map(numberOrNull);
  // Keyed form: { p00 | p0: …, p01 | p1: …, …, p100: … }
  const keyed = isObject(listed) ? listed : entry;
  const points: (number | null)[] = [];
  for (let p = 0; p <= 100; p++) {
    const key = [`p${String(p).padStart(2, '0')}`, `p${p}`].find((k) => k in keyed);
    if (key === undefined) break;
    points.push(numberOrNull(keyed[key]));
  }
  return points;
}

/**
 * Bins as the training pipeline writes them: `{ lower, upper, count0, count1 }` for a number,
 * `{ category, code, count0, count1 }` for a category (the bin is then `from = to = code`).
 * `{ from, to, repaid, defaulted }` and the columnar `{ edges, repaid, defaulted }` are read too.
 */
function histogramOf(value: unknown): HistogramBin[] {
  if (Array.isArray(value)) {
    return value.filter(isObject).map((bin) => ({
      from: numberOr(bin['from'] ?? bin['lower'] ?? bin['code'], NaN),
      to: numberOr(bin['to'] ?? bin['upper'] ?? bin['code'], NaN),
      repaid: numberOr(bin['repaid'] ?? bin['target0'] ?? bin['count0'], 0),
      defaulted: numberOr(bin['defaulted'] ?? bin['target1'] ?? bin['count1'], 0),
    }));
  }
  if (!isObject(value) || !Array.isArray(value['edges'])) return [];
  const edges = value['edges'].map((edge) => numberOr(edge, NaN));
  const repaid = arrayOf(value['repaid'] ?? value['target0'] ?? value['counts0']);
  const defaulted = arrayOf(value['defaulted'] ?? value['target1'] ?? value['counts1']);
  return edges.slice(0, -1).map((from, i) => ({
    from,
    to: edges[i + 1] ?? from,
    repaid: numberOr(repaid[i], 0),
    defaulted: numberOr(defaulted[i], 0),
  }));
}

/**
 * Where a value stands in the population, from 0 to 100, read off the 101 quantiles by linear
 * interpolation. A value on a plateau of equal quantiles (a flag, a capped amount) gets the middle
 * of the plateau, so a 0 shared by 60 % of applicants reads as the 30th percentile, not the 0th.
 */
export function percentileOf(value: number, quantiles: readonly (number | null)[]): number | null {
  if (!Number.isFinite(value)) return null;
  const points = quantiles
    .map((q, p) => [p, q] as const)
    .filter((pq): pq is readonly [number, number] => pq[1] !== null);
  const first = points[0];
  const last = points[points.length - 1];
  if (first === undefined || last === undefined) return null;
  if (value < first[1]) return first[0];
  if (value > last[1]) return last[0];
  const equal = points.filter(([, q]) => q === value);
  if (equal.length > 0) return (equal[0]![0] + equal[equal.length - 1]![0]) / 2;
  const upper = points.findIndex(([, q]) => q > value);
  const [p1, q1] = points[upper]!;
  const [p0, q0] = points[upper - 1]!;
  return p0 + ((value - q0) / (q1 - q0)) * (p1 - p0);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
