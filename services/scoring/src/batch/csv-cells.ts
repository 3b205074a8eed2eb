/**
 * The cells of one CSV record (RFC 4180: a quoted cell may hold commas, line breaks and doubled quotes).
 * Written here rather than taken from csv-parse, which the batch scorer of files uses: on Home Credit's 121-column
 * rows csv-parse took 100 µs a row and `split` 20 µs, and a job scores a million rows. Most records hold no quote
 * and take the fast path.
 */
export function cellsOf(record: string): string[] {
  if (!record.includes('"')) return record.split(',');
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let at = 0; at < record.length; at++) {
    const char = record[at]!;
    if (quoted) {
      if (char !== '"') cell += char;
      else if (record[at + 1] === '"') {
        cell += '"';
        at++;
      } else quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}
