import type { FileRecord } from '@octroi/contracts';

/**
 * At most this many applications a chunk: a chunk is one audit entry and one stored result, and the unit a
 * replica takes; smaller chunks spread a job better over replicas, larger ones cost fewer round trips.
 */
export const CHUNK_ROWS = 1000;
/** A chunk's records stay under this many bytes, so that its message fits the bus's limit (1 MiB by default). */
export const CHUNK_BYTES = 512 * 1024;

export interface RecordGroup {
  chunk: number;
  firstRow: number;
  records: string[];
}

/**
 * Cuts a file's records into chunks: a chunk closes at `rows` records or `bytes` bytes (`extraBytesPerRow` counts
 * what travels with each record besides its text, such as its history features).
 */
export class Chunker {
  private records: string[] = [];
  private firstRow = 0;
  private bytes = 0;
  private next = 0;

  constructor(private readonly limits = { rows: CHUNK_ROWS, bytes: CHUNK_BYTES, extraBytesPerRow: 0 }) {}

  /** The chunks the record closes (none, most of the time). */
  add(record: FileRecord): RecordGroup[] {
    const closed: RecordGroup[] = [];
    const size = record.text.length + this.limits.extraBytesPerRow;
    if (this.records.length > 0 && this.bytes + size > this.limits.bytes) closed.push(this.close());
    if (this.records.length === 0) this.firstRow = record.row;
    this.records.push(record.text);
    this.bytes += size;
    if (this.records.length >= this.limits.rows) closed.push(this.close());
    return closed;
  }

  /** The last chunk, if records are left. */
  end(): RecordGroup | undefined {
    return this.records.length > 0 ? this.close() : undefined;
  }

  private close(): RecordGroup {
    const group = { chunk: this.next++, firstRow: this.firstRow, records: this.records };
    this.records = [];
    this.bytes = 0;
    return group;
  }
}
