const MAX_CLIENT_ID = 2_147_483_647;

/**
 * The id ranges whose decimal writing starts with `prefix`: "1002" is 1002, 10020…10029,
 * 100200…100299 and so on up to ten digits. Ascending and disjoint, so walking them in order
 * lists the matching clients in id order.
 */
export function idPrefixRanges(prefix: string): [number, number][] {
  if (!/^[1-9][0-9]{0,9}$/.test(prefix)) return [];
  const ranges: [number, number][] = [];
  let low = Number(prefix);
  let width = 1;
  for (let digits = prefix.length; digits <= 10 && low <= MAX_CLIENT_ID; digits++) {
    ranges.push([low, Math.min(low + width - 1, MAX_CLIENT_ID)]);
    low *= 10;
    width *= 10;
  }
  return ranges;
}

/** The first position in ascending `sorted` whose value is at least `value`. */
export function lowerBound(sorted: Int32Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
