/** A linear map from a data interval onto a pixel interval. */
export interface LinearScale {
  (value: number): number;
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
}

export function linearScale(domain: readonly [number, number], range: readonly [number, number]): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  const scale = ((value: number) => r0 + ((value - d0) / span) * (r1 - r0)) as LinearScale;
  return Object.assign(scale, { domain, range });
}

/** Extent of the values, widened when empty or flat so a scale always has some room. */
export function extent(values: readonly number[]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (!Number.isFinite(min)) return [0, 1];
  if (min === max) return [min - 1, max + 1];
  return [min, max];
}

/** About `count` round tick values covering the interval (1, 2 or 5 times a power of ten apart). */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const rough = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let tick = Math.ceil(min / step) * step; tick <= max + step * 1e-9; tick += step) {
    ticks.push(Math.abs(tick) < step * 1e-9 ? 0 : Number(tick.toPrecision(12)));
  }
  return ticks;
}

/** Interval widened to its outer ticks, for axes that start and end on a round value. */
export function niceDomain(min: number, max: number, count = 5): [number, number] {
  const ticks = niceTicks(min, max, count);
  if (ticks.length < 2) return [min, max];
  const step = ticks[1] - ticks[0];
  return [
    Math.min(ticks[0], Math.floor(min / step) * step),
    Math.max(ticks[ticks.length - 1], Math.ceil(max / step) * step),
  ];
}

/**
 * Many dots as few SVG paths: one path per colour, each dot a zero-length segment drawn with a
 * round cap (see the `.dots` style). Thousands of circles would cost as many DOM nodes.
 */
export function dotLayers(dots: readonly { x: number; y: number; colour: string }[]): { colour: string; d: string }[] {
  const paths = new Map<string, string[]>();
  for (const dot of dots) {
    const path = paths.get(dot.colour) ?? [];
    path.push(`M${dot.x.toFixed(1)} ${dot.y.toFixed(1)}h0`);
    paths.set(dot.colour, path);
  }
  return [...paths].map(([colour, path]) => ({ colour, d: path.join('') }));
}

/** Probability of default from a raw score in log-odds. */
export function sigmoid(logOdds: number): number {
  return 1 / (1 + Math.exp(-logOdds));
}

const COLOUR_STEPS = 20;

/**
 * A colour for a probability of default, from a blue (low risk) through a light grey to an
 * orange-red (high risk): a scheme readable by people with the common colour-vision deficiencies.
 * `midpoint` is the probability shown in the middle (the lending threshold).
 */
export function riskColour(probability: number, midpoint = 0.5): string {
  const low = [33, 102, 172];
  const mid = [200, 200, 200];
  const high = [202, 0, 32];
  const t =
    probability <= midpoint ? (probability / midpoint) * 0.5 : 0.5 + ((probability - midpoint) / (1 - midpoint)) * 0.5;
  // Twenty shades are plenty to read and let charts draw all points of a shade as one path.
  const clamped = Math.round(Math.min(1, Math.max(0, t)) * COLOUR_STEPS) / COLOUR_STEPS;
  const [from, to, local] = clamped < 0.5 ? [low, mid, clamped * 2] : [mid, high, (clamped - 0.5) * 2];
  const channel = (i: number) => Math.round(from[i] + (to[i] - from[i]) * local);
  return `rgb(${channel(0)}, ${channel(1)}, ${channel(2)})`;
}

/** Blue for a low value rank, orange for a high one, grey for a missing value (SHAP summary colours). */
export function rankColour(rank: number | null): string {
  if (rank === null) return 'rgb(150, 150, 150)';
  const low = [0, 114, 178];
  const high = [230, 97, 0];
  const step = Math.round(Math.min(1, Math.max(0, rank)) * COLOUR_STEPS) / COLOUR_STEPS;
  const channel = (i: number) => Math.round(low[i] + (high[i] - low[i]) * step);
  return `rgb(${channel(0)}, ${channel(1)}, ${channel(2)})`;
}
