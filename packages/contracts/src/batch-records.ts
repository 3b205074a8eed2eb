/**
 * The records of a batch file, as text, without parsing their fields: a CSV record ends at a line break outside
 * quotes (a quoted cell may hold line breaks), a JSON-lines record at any line break. Finding record boundaries only
 * is fast: the gateway counts a file's rows as it arrives, one scoring replica cuts a million-row file into chunks,
 * and each replica parses the chunks it scores.
 */
import type { BatchFormat } from './batches.ts';

const LINE_FEED = 0x0a;
const QUOTE = 0x22;
const decoder = new TextDecoder();

/** One record: its text (no line break) and its number among the file's records, the header excluded, from 1. */
export interface FileRecord {
  text: string;
  row: number;
}

/** Quotes in `bytes[from, to)`: an odd count leaves a CSV record open. */
function quotesIn(bytes: Uint8Array, from: number, to: number): number {
  let count = 0;
  for (let at = bytes.indexOf(QUOTE, from); at !== -1 && at < to; at = bytes.indexOf(QUOTE, at + 1)) count++;
  return count;
}

function withoutLineEnd(text: string) {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}

/**
 * The records of a byte stream, in order. For CSV the first record is the header, yielded with row 0. Blank lines
 * are skipped; a byte-order mark at the start is dropped; a last record without a line break is kept.
 */
export async function* fileRecords(bytes: AsyncIterable<Uint8Array>, format: BatchFormat): AsyncGenerator<FileRecord> {
  const csv = format === 'csv';
  let pending: Uint8Array[] = [];
  let open = false; // inside a quoted CSV cell
  let row = csv ? 0 : 1;
  let first = true;

  const take = (tail: Uint8Array): FileRecord | undefined => {
    const parts = pending.length === 0 ? tail : Buffer.concat([...pending, tail]);
    pending = [];
    let text = withoutLineEnd(decoder.decode(parts));
    if (first) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (text.trim() === '') return undefined;
    return { text, row: row++ };
  };

  for await (const chunk of bytes) {
    let start = 0;
    for (let end = chunk.indexOf(LINE_FEED); end !== -1; end = chunk.indexOf(LINE_FEED, end + 1)) {
      if (csv && quotesIn(chunk, start, end) % 2 === 1) open = !open;
      if (open) {
        // The line break is inside a quoted cell: the record goes on.
        pending.push(Uint8Array.from(chunk.subarray(start, end + 1)));
        start = end + 1;
        continue;
      }
      const record = take(chunk.subarray(start, end));
      if (record) yield record;
      start = end + 1;
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start);
      if (csv && quotesIn(rest, 0, rest.length) % 2 === 1) open = !open;
      pending.push(Uint8Array.from(rest));
    }
  }
  if (pending.length > 0) {
    const record = take(new Uint8Array());
    if (record) yield record;
  }
}
