/**
 * The population stability index of a live population against the training one, over the same bins:
 * Σ (live − training) · ln(live / training), shares of each population. It is 0 for identical shares and grows with
 * every bin that gained or lost applicants; it is symmetric, and a bin empty on one side would make it infinite, so
 * shares are floored at a hundredth of a percent (the usual practice).
 */
const FLOOR = 1e-4;

export function stabilityIndex(training: readonly number[], liveCounts: ArrayLike<number>): number | null {
  let total = 0;
  for (let bin = 0; bin < liveCounts.length; bin++) total += liveCounts[bin]!;
  if (total === 0) return null;
  let index = 0;
  training.forEach((share, bin) => {
    const expected = Math.max(share, FLOOR);
    const live = Math.max((liveCounts[bin] ?? 0) / total, FLOOR);
    index += (live - expected) * Math.log(live / expected);
  });
  return index;
}
