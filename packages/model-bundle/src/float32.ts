/**
 * The shortest decimal that reads back as the same float32: 0.2629485 rather than
 * 0.26294851303100586. The bundle stores raw numbers and features as float32, and both the
 * model and the feature derivations round their inputs to float32, so nothing is lost; the
 * client sees the figure as it was entered.
 */
export function shortestFloat32(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return value;
  const single = Math.fround(value);
  // Six significant digits are below float32's precision; nine always read back.
  for (let digits = 6; digits < 9; digits++) {
    const candidate = Number(single.toPrecision(digits));
    if (Math.fround(candidate) === single) return candidate;
  }
  return Number(single.toPrecision(9));
}
