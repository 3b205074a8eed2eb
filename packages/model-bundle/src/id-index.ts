/**
 * Finds the row of a client id in O(1). Home Credit ids are nearly consecutive (100002…456255 for
 * 356k applicants), so a dense offset table costs about 4 bytes per applicant and beats a Map;
 * sparse ids fall back to a Map.
 */
export type RowOf = (clientId: number) => number;

/** Returns the index, or the first id found twice. */
export function buildIdIndex(ids: Int32Array): RowOf | { duplicate: number } {
  if (ids.length === 0) return () => -1;
  let min = ids[0]!;
  let max = min;
  for (const id of ids) {
    if (id < min) min = id;
    if (id > max) max = id;
  }
  const span = max - min + 1;
  return span <= 4 * ids.length + 1024 ? denseIndex(ids, min, span) : mapIndex(ids);
}

function denseIndex(ids: Int32Array, min: number, span: number): RowOf | { duplicate: number } {
  const rowPlusOne = new Int32Array(span); // 0 means no applicant with that id
  for (let row = 0; row < ids.length; row++) {
    const slot = ids[row]! - min;
    if (rowPlusOne[slot] !== 0) return { duplicate: ids[row]! };
    rowPlusOne[slot] = row + 1;
  }
  return (clientId) => {
    const slot = clientId - min;
    return slot >= 0 && slot < span ? (rowPlusOne[slot] ?? 0) - 1 : -1;
  };
}

function mapIndex(ids: Int32Array): RowOf | { duplicate: number } {
  const rows = new Map<number, number>();
  for (let row = 0; row < ids.length; row++) {
    if (rows.has(ids[row]!)) return { duplicate: ids[row]! };
    rows.set(ids[row]!, row);
  }
  return (clientId) => rows.get(clientId) ?? -1;
}
